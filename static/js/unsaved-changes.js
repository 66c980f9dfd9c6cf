/* Admin change pages: ask before leaving with unsaved changes, never when saving.
   Compares the form with how it was once every widget had started (the rich-text
   editor writes its hidden textarea, the two-box picker keeps its choice as the
   options of its "chosen" box, translation tabs only hide fields). */
(function () {
  "use strict";

  function isPickerChoice(select) {
    return select.classList.contains("filtered") && /_to$/.test(select.id);
  }

  function state(form) {
    var parts = [];
    Array.prototype.forEach.call(form.elements, function (field) {
      var name = field.name;
      if (!name || name === "csrfmiddlewaretoken" || field.disabled) { return; }
      if (/^(submit|button|reset)$/.test(field.type)) { return; }
      if (field.type === "file") {
        var names = Array.prototype.map.call(field.files || [], function (file) { return file.name; });
        parts.push(name + "=" + names.join("|"));
      } else if (field.type === "checkbox" || field.type === "radio") {
        parts.push(name + ":" + field.value + "=" + field.checked);
      } else if (field.tagName === "SELECT") {
        if (field.classList.contains("filtered") && !isPickerChoice(field)) { return; }
        var options = Array.prototype.filter.call(field.options, function (option) {
          return isPickerChoice(field) || option.selected;
        });
        parts.push(name + "=" + options.map(function (option) { return option.value; }).join("|"));
      } else {
        parts.push(name + "=" + field.value);
      }
    });
    return parts.join("\n");
  }

  window.addEventListener("load", function () {
    // Change and add pages only: the change list and delete pages have forms too.
    var form = document.body.classList.contains("change-form")
      ? document.querySelector("#content-main form[method=post]")
      : null;
    if (!form) { return; }
    var submitting = false;
    var initial = null;
    // A refused save (a form error, someone else saved first) comes back with the
    // editor's input in the form, still unsaved: leaving it asks as well.
    var refused = Boolean(form.querySelector(".errornote"));
    // After every other load listener (the two-box picker starts on load).
    window.setTimeout(function () { initial = state(form); }, 0);
    form.addEventListener("submit", function (event) {
      // The report upload sends the form itself and stays until the server answers.
      submitting = !event.defaultPrevented;
    });
    window.addEventListener("pageshow", function () { submitting = false; });
    window.addEventListener("beforeunload", function (event) {
      if (submitting || initial === null) { return; }
      if (!refused && state(form) === initial) { return; }
      event.preventDefault();
      event.returnValue = "";  // older browsers need a value to ask
    });
  });
})();
