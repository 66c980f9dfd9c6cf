// "Make a Bokmål draft from Nynorsk": save the form, asking the server to translate after.
// A plain submit button would become the form's default (Enter) button, so these post by hand.
document.addEventListener("click", function (event) {
  "use strict";
  var button = event.target.closest("button.machine-translate");
  if (!button || button.disabled) return;
  var form = button.closest("form");
  var field = document.createElement("input");
  field.type = "hidden";
  field.name = "_machine_translate";
  field.value = button.dataset.direction;
  form.appendChild(field);
  var save = form.querySelector("input[name=_continue]") || form.querySelector("[type=submit]");
  form.requestSubmit(save);
});
