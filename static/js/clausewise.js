// Clausewise: small progressive enhancements. Every page works without this file.
(function () {
  "use strict";
  // Filter forms marked data-autosubmit submit on change without a click (htmx handles the request).
  document.addEventListener("DOMContentLoaded", function () {
    var target = location.hash ? document.getElementById(decodeURIComponent(location.hash.slice(1))) : null;
    if (target) { target.scrollIntoView({ block: "start" }); }
  });
})();
