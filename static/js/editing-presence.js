/* Admin change pages: tell the server every 30 s that this editor has the item
   open, and show who else has (the server names them in its answer). No lock:
   the version check on save still decides. */
(function () {
  "use strict";

  var INTERVAL = 30 * 1000;

  function presenceUrl() {
    var match = window.location.pathname.match(/^(.*\/)change\/$/);
    return match ? match[1] + "presence/" : null;
  }

  function showNotices(texts) {
    var list = document.querySelector("ul.messagelist");
    Array.prototype.forEach.call(document.querySelectorAll("li.editing-presence"), function (item) {
      item.remove();
    });
    if (!texts.length) { return; }
    if (!list) {
      list = document.createElement("ul");
      list.className = "messagelist";
      var main = document.getElementById("content-start") || document.body;
      main.insertBefore(list, main.firstChild);
    }
    texts.forEach(function (text) {
      var item = document.createElement("li");
      item.className = "warning editing-presence";
      item.setAttribute("role", "status");
      item.textContent = text;
      list.appendChild(item);
    });
  }

  document.addEventListener("DOMContentLoaded", function () {
    var url = presenceUrl();
    var token = document.querySelector("#content-main form [name=csrfmiddlewaretoken]");
    if (!url || !token || !window.fetch) { return; }

    var staying = false;  // "Save and continue editing" comes straight back
    document.addEventListener("submit", function (event) {
      staying = Boolean(event.submitter && event.submitter.name === "_continue");
    });

    function beat() {
      // The reports upload replaces the whole document: a timer left from the old one stops.
      if (!document.contains(token)) { window.clearInterval(timer); return; }
      var body = new FormData();
      body.append("csrfmiddlewaretoken", token.value);
      fetch(url, { method: "POST", body: body, credentials: "same-origin" })
        .then(function (response) { return response.ok ? response.json() : null; })
        .then(function (answer) { if (answer) { showNotices(answer.others); } })
        .catch(function () { /* offline for a moment: the next beat tries again */ });
    }

    var timer = window.setInterval(beat, INTERVAL);
    // A refused save comes back as a new page while the old one's "leaving" beacon
    // ends the visit: say at once that this editor is still here, and learn who else is.
    if (document.querySelector("#content-main .errornote")) { window.setTimeout(beat, 1000); }
    document.addEventListener("visibilitychange", function () {
      if (document.visibilityState === "visible") { beat(); }
    });
    // Leaving (or saving) ends this editor's visit at once rather than in two minutes.
    window.addEventListener("pagehide", function () {
      window.clearInterval(timer);
      if (staying || !navigator.sendBeacon) { return; }
      var body = new FormData();
      body.append("csrfmiddlewaretoken", token.value);
      body.append("leaving", "1");
      navigator.sendBeacon(url, body);
    });
  });
})();
