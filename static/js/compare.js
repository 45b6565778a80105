// Compare page: j / k step through the changes; the Previous / Next buttons do the same.
// Without this file every change row still links to its neighbours and the view links reload.
(function () {
  "use strict";

  function changes() {
    return Array.prototype.slice.call(document.querySelectorAll("#comparison .cmp-row.is-change"));
  }

  // The row the reader is at: the one marked current, else the first one below the toolbar.
  function currentIndex(rows) {
    for (var i = 0; i < rows.length; i++) {
      if (rows[i].classList.contains("is-current")) { return i; }
    }
    return -1;
  }

  function step(delta) {
    var rows = changes();
    if (!rows.length) { return; }
    var i = currentIndex(rows);
    if (i === -1) {
      // Start from the viewport: the next change below the top, or the last one above it.
      var top = 80;
      i = delta > 0 ? -1 : rows.length;
      for (var n = 0; n < rows.length; n++) {
        var y = rows[n].getBoundingClientRect().top;
        if (delta > 0 && y > top) { i = n - 1; break; }
        if (delta < 0 && y < top - 4) { i = n + 1; }
      }
    }
    var next = Math.max(0, Math.min(rows.length - 1, i + delta));
    rows.forEach(function (r) { r.classList.remove("is-current"); });
    var row = rows[next];
    row.classList.add("is-current");
    row.focus({ preventScroll: true });
    row.scrollIntoView({ block: "start" });
    var said = "Change " + (next + 1) + " of " + rows.length;
    var status = document.getElementById("cmp-status");
    if (status) { status.textContent = said; }
    if (window.clausewise) { window.clausewise.announce(said); }
  }

  function typing(target) {
    var tag = target && target.tagName;
    return tag === "INPUT" || tag === "TEXTAREA" || tag === "SELECT" || (target && target.isContentEditable);
  }

  document.addEventListener("keydown", function (event) {
    if (event.ctrlKey || event.metaKey || event.altKey || typing(event.target)) { return; }
    if (event.key === "j") { event.preventDefault(); step(1); }
    else if (event.key === "k") { event.preventDefault(); step(-1); }
  });

  document.addEventListener("click", function (event) {
    var button = event.target.closest && event.target.closest("[data-cmp-step]");
    if (button) { step(parseInt(button.getAttribute("data-cmp-step"), 10)); }
  });

  function reveal() {
    document.querySelectorAll("[data-cmp-step]").forEach(function (b) { b.hidden = false; });
  }
  document.addEventListener("DOMContentLoaded", reveal);

  // Switching view or "changes only" swaps #comparison, the control that was used included.
  // Focus goes back to that control (its new copy), the reader's change stays marked and in view,
  // and the live region says what is shown now.
  var keep = null;
  var used = null;
  document.addEventListener("htmx:beforeSwap", function (evt) {
    var current = document.querySelector("#comparison .cmp-row.is-current");
    keep = current ? current.id : null;
    var elt = (evt.detail.requestConfig && evt.detail.requestConfig.elt) || null;
    used = null;
    if (elt && elt.closest) {
      if (elt.closest(".cmp-toggle")) { used = "toggle"; }
      else if (elt.closest(".cmp-views")) { used = "view"; }
    }
  });
  document.addEventListener("htmx:afterSettle", function () {
    reveal();
    var row = keep && document.getElementById(keep);
    keep = null;
    if (row && row.classList.contains("is-change")) {
      row.classList.add("is-current");
      row.scrollIntoView({ block: "start" });
    }
    var how = used;
    used = null;
    var cw = window.clausewise;
    if (!how || !cw) {
      if (row && row.classList.contains("is-change")) { row.focus({ preventScroll: true }); }
      return;
    }
    var control = how === "toggle"
      ? document.querySelector("#comparison .cmp-toggle")
      : document.querySelector("#comparison .cmp-views a[aria-current=page]");
    if (control) { control.focus({ preventScroll: true }); }
    var changes = changes_count();
    if (how === "toggle") {
      var on = control && control.getAttribute("aria-checked") === "true";
      cw.announce(on ? "Changes only: " + changes + " change" + (changes === 1 ? "" : "s") + " shown" : "All clauses shown");
    } else if (control) {
      cw.announce(control.textContent.trim() + " view");
    }
  });

  function changes_count() { return changes().length; }
})();
