// Clausewise: small progressive enhancements. Every page works without this file.
(function () {
  "use strict";
  document.addEventListener("DOMContentLoaded", function () {
    // On a phone the table of contents would push the text a screen down: start it folded.
    if (window.matchMedia("(max-width: 63.99rem)").matches) {
      document.querySelectorAll("nav.toc > details[open]").forEach(function (d) { d.removeAttribute("open"); });
    }
    var target = location.hash ? document.getElementById(decodeURIComponent(location.hash.slice(1))) : null;
    if (target) { target.scrollIntoView({ block: "start" }); }
  });
})();
