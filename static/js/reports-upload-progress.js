/* Report admin: show how far a large PDF has uploaded.
   Sends the change form with XMLHttpRequest so that upload progress can be
   shown in a <progress> element; without JavaScript, or if the browser lacks
   FormData, the form submits normally. */
(function () {
  "use strict";
  // The admin's Content-Security-Policy allows inline scripts and styles that carry
  // this page's nonce; the answer written over the page below carries its own.
  var pageNonce = (document.currentScript && document.currentScript.nonce) || "";

  function withPageNonce(html, policy) {
    var found = /'nonce-([^']+)'/.exec(policy || "");
    if (!found || !pageNonce) { return html; }
    return html.split('nonce="' + found[1] + '"').join('nonce="' + pageNonce + '"');
  }

  function hasFile(form) {
    return Array.prototype.some.call(
      form.querySelectorAll('input[type="file"]'),
      function (input) { return input.files && input.files.length > 0; }
    );
  }

  function filesSize(form) {
    var total = 0;
    Array.prototype.forEach.call(form.querySelectorAll('input[type="file"]'), function (input) {
      Array.prototype.forEach.call(input.files || [], function (file) { total += file.size; });
    });
    return total;
  }

  function setUp(form) {
    var status = document.createElement("div");
    status.className = "reports-upload-progress";
    status.hidden = true;
    status.setAttribute("role", "status");
    var label = document.createElement("span");
    var bar = document.createElement("progress");
    bar.max = 100;
    bar.value = 0;
    status.appendChild(label);
    status.appendChild(bar);
    form.insertBefore(status, form.firstChild);

    var labels = document.getElementById("reports-upload-labels");
    var text = function (name) { return (labels && labels.dataset[name]) || "…"; };

    function stop(message) {
      // Say what happened and let the editor try again; never send the file twice by itself.
      label.textContent = message;
      status.classList.add("errornote");
      bar.hidden = true;
      status.hidden = false;
      Array.prototype.forEach.call(form.querySelectorAll('[type="submit"]'), function (button) {
        button.disabled = false;
      });
    }

    form.addEventListener("submit", function (event) {
      if (!window.FormData || !hasFile(form) || event.defaultPrevented) { return; }
      event.preventDefault();
      var maxBytes = Number(labels && labels.dataset.maxBytes);
      if (maxBytes && filesSize(form) > maxBytes) { stop(text("tooLarge")); return; }
      status.classList.remove("errornote");
      bar.hidden = false;
      var submitter = event.submitter;
      // Other submit listeners run after this one and still prepare the form
      // (the goal picker marks its chosen goals then): read it once they are done.
      window.setTimeout(function () { send(submitter); }, 0);
    });

    function send(submitter) {
      var data = new FormData(form);
      if (submitter && submitter.name) {
        data.append(submitter.name, submitter.value);
      }
      var request = new XMLHttpRequest();
      request.open(form.method || "POST", form.action || window.location.href);
      request.upload.addEventListener("progress", function (progress) {
        if (progress.lengthComputable) {
          var percent = Math.round((progress.loaded / progress.total) * 100);
          bar.value = percent;
          label.textContent = status.dataset.uploading + " " + percent + " % ";
          if (percent === 100) { label.textContent = status.dataset.processing + " "; bar.removeAttribute("value"); }
        }
      });
      request.addEventListener("load", function () {
        if (request.status === 413) { stop(text("tooLarge")); return; }
        // Any other refusal that is not the admin's own answer (too many files, an expired
        // session): keep the form and its input.
        if (request.status >= 400) { stop(text("refused") + " (" + request.status + ")"); return; }
        // Show the page the server answered with (the list after a save, or the
        // form with its errors), under its own address.
        if (request.responseURL) { window.history.replaceState(null, "", request.responseURL); }
        document.open();
        document.write(
          withPageNonce(request.responseText, request.getResponseHeader("Content-Security-Policy"))
        );
        document.close();
      });
      request.addEventListener("error", function () { stop(text("failed")); });
      status.dataset.uploading = text("uploading");
      status.dataset.processing = text("processing");
      label.textContent = status.dataset.uploading + " 0 % ";
      status.hidden = false;
      Array.prototype.forEach.call(form.querySelectorAll('[type="submit"]'), function (button) {
        button.disabled = true;
      });
      request.send(data);
    }
  }

  document.addEventListener("DOMContentLoaded", function () {
    var form = document.querySelector("#report_form");
    if (form) { setUp(form); }
  });
})();
