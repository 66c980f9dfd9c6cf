/* Report admin: show how far a large PDF has uploaded.
   Sends the change form with XMLHttpRequest so that upload progress can be
   shown in a <progress> element; without JavaScript, or if the browser lacks
   FormData, the form submits normally. */
(function () {
  "use strict";

  function hasFile(form) {
    return Array.prototype.some.call(
      form.querySelectorAll('input[type="file"]'),
      function (input) { return input.files && input.files.length > 0; }
    );
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

    form.addEventListener("submit", function (event) {
      if (!window.FormData || !hasFile(form) || event.defaultPrevented) { return; }
      event.preventDefault();
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
        // A refusal that is not the admin's own answer (too many files, too large
        // for the proxy, an expired session): keep the form and its input.
        if (request.status >= 400) { failed(request.status); return; }
        // Show the page the server answered with (the list after a save, or the
        // form with its errors), under its own address.
        if (request.responseURL) { window.history.replaceState(null, "", request.responseURL); }
        document.open();
        document.write(request.responseText);
        document.close();
      });
      // Sending it again without the script would meet the same end, and lose the form.
      request.addEventListener("error", function () { failed(0); });
      var labels = document.getElementById("reports-upload-labels");
      status.dataset.uploading = labels ? labels.dataset.uploading : "…";
      status.dataset.processing = labels ? labels.dataset.processing : "…";
      status.dataset.failed = labels ? labels.dataset.failed : "…";
      status.classList.remove("errornote");
      label.textContent = status.dataset.uploading + " 0 % ";
      status.hidden = false;
      Array.prototype.forEach.call(form.querySelectorAll('[type="submit"]'), function (button) {
        button.disabled = true;
      });
      request.send(data);
    }

    function failed(code) {
      bar.value = 0;
      label.textContent = status.dataset.failed + (code ? " (" + code + ")" : "");
      status.classList.add("errornote");
      Array.prototype.forEach.call(form.querySelectorAll('[type="submit"]'), function (button) {
        button.disabled = false;
      });
    }
  }

  document.addEventListener("DOMContentLoaded", function () {
    var form = document.querySelector("#report_form");
    if (form) { setUp(form); }
  });
})();
