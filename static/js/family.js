// The family table's clause panel: close it with its button or Escape, and give focus back.
(function () {
  "use strict";
  function panel() { return document.getElementById("cell-panel"); }
  var opener = null; // the link that opened the panel, to give focus back to
  function close() {
    var p = panel();
    if (p && p.firstElementChild) {
      p.innerHTML = "";
      if (opener && document.body.contains(opener)) { opener.focus(); }
    }
  }
  document.addEventListener("click", function (event) {
    var link = event.target.closest("[hx-target='#cell-panel']");
    if (link) { opener = link; }
    if (event.target.closest("[data-close-panel]")) { close(); }
  });
  document.addEventListener("keydown", function (event) {
    if (event.key === "Escape") { close(); }
  });
  document.addEventListener("htmx:afterSwap", function (event) {
    if (event.detail.target === panel()) {
      var heading = panel().querySelector("h2");
      if (heading) { heading.setAttribute("tabindex", "-1"); heading.focus(); }
    }
  });
})();
