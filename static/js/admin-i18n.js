// The rich-text editor (django-prose-editor) writes its menu tooltips and heading
// names in English without asking gettext; give them the admin's language. Its
// dialogs already use gettext, and the strings are in locale/*/djangojs.po.
(function () {
  "use strict";
  if (typeof window.gettext !== "function") return;
  var t = window.gettext;
  var heading = /^[Hh]eading (\d)$/;

  function translated(text) {
    var match = heading.exec(text);
    if (match) return window.interpolate(t(text.charAt(0) === "H" ? "Heading %s" : "heading %s"), [match[1]]);
    return t(text);
  }

  function translate(root) {
    root.querySelectorAll(".prose-menubar [title], .prose-menubar [aria-label]").forEach(function (element) {
      ["title", "aria-label"].forEach(function (name) {
        var value = element.getAttribute(name);
        if (!value) return;
        var done = translated(value);
        if (done !== value) element.setAttribute(name, done);
      });
    });
    root.querySelectorAll(".prose-menubar *").forEach(function (element) {
      if (element.children.length) return;
      var text = element.textContent;
      var done = translated(text);
      if (done !== text) element.textContent = done;
    });
  }

  var WATCH = { childList: true, subtree: true, attributes: true, attributeFilter: ["title", "aria-label"] };
  var observer = new MutationObserver(function (changes) {
    changes.forEach(function (change) {
      var target = change.target.nodeType === 1 ? change.target : change.target.parentElement;
      if (target) translate(target.closest(".prose-editor") || document);
    });
  });
  document.addEventListener("DOMContentLoaded", function () {
    translate(document);
    observer.observe(document.body, WATCH);
  });
  if (document.readyState !== "loading") {
    translate(document);
    observer.observe(document.body, WATCH);
  }
})();
