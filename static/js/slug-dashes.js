// Admin slug prefill: en and em dashes join words as hyphens do ("sør–sør" gives
// "sor-sor"), as the server's slugs do; Django's URLify would drop them.
(function () {
  "use strict";
  const urlify = window.URLify;
  if (!urlify) return;
  window.URLify = function (text, numChars, allowUnicode) {
    return urlify(String(text).replace(/[\u2013\u2014]/g, "-"), numChars, allowUnicode);
  };
})();
