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
    root.querySelectorAll(".prose-menubar [title]").forEach(function (element) {
      var title = element.getAttribute("title");
      var done = translated(title);
      if (done !== title) element.setAttribute("title", done);
    });
    root.querySelectorAll(".prose-menubar option, .prose-menubar__dropdown *").forEach(function (element) {
      if (element.children.length) return;
      var text = element.textContent;
      var done = translated(text);
      if (done !== text) element.textContent = done;
    });
  }

  var observer = new MutationObserver(function (changes) {
    changes.forEach(function (change) {
      if (change.target.nodeType === 1) translate(change.target.closest(".prose-editor") || document);
    });
  });
  document.addEventListener("DOMContentLoaded", function () {
    translate(document);
    observer.observe(document.body, { childList: true, subtree: true });
  });
  if (document.readyState !== "loading") {
    translate(document);
    observer.observe(document.body, { childList: true, subtree: true });
  }
})();
