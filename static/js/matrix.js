// The matrix: collapsible clause rows and the cell panel's focus handling.
// Without this file every row is shown and a cell opens as a page of its own.
(function () {
  "use strict";

  function rowsAfter(row) {
    // The rows below ``row`` that sit deeper in the hierarchy (its descendants).
    var depth = Number(row.dataset.depth || 0);
    var out = [];
    for (var next = row.nextElementSibling; next; next = next.nextElementSibling) {
      if (Number(next.dataset.depth || 0) <= depth) { break; }
      out.push(next);
    }
    return out;
  }

  function setExpanded(row, expanded) {
    var button = row.querySelector("button.toggle");
    if (!button) { return; }
    button.setAttribute("aria-expanded", expanded ? "true" : "false");
    var label = button.querySelector(".visually-hidden");
    if (label) { label.textContent = label.textContent.replace(/^(Collapse|Expand)/, expanded ? "Collapse" : "Expand"); }
    // Show the descendants, except those under a child that is itself collapsed.
    var hiddenBelow = null;
    rowsAfter(row).forEach(function (r) {
      var depth = Number(r.dataset.depth || 0);
      if (hiddenBelow !== null && depth <= hiddenBelow) { hiddenBelow = null; }
      var hide = !expanded || hiddenBelow !== null;
      r.hidden = hide;
      var b = r.querySelector("button.toggle");
      if (!hide && b && b.getAttribute("aria-expanded") === "false" && hiddenBelow === null) { hiddenBelow = depth; }
    });
  }

  function initMatrix(table) {
    var parents = table.querySelectorAll("tr[data-parent-row]");
    parents.forEach(function (row) {
      var button = row.querySelector("button.toggle");
      if (!button) { return; }
      button.hidden = false;
      button.addEventListener("click", function () {
        setExpanded(row, button.getAttribute("aria-expanded") !== "true");
      });
    });
    if (!parents.length) { return; }
    var tools = document.querySelector(".matrix-tools");
    if (!tools) { return; }
    var group = document.createElement("div");
    group.className = "field export-buttons";
    [["Collapse all", false], ["Expand all", true]].forEach(function (pair) {
      var b = document.createElement("button");
      b.type = "button";
      b.className = "secondary small";
      b.textContent = pair[0];
      b.addEventListener("click", function () {
        // Outer rows last, so that they decide what stays visible.
        Array.prototype.slice.call(parents).reverse().forEach(function (row) { setExpanded(row, pair[1]); });
      });
      group.appendChild(b);
    });
    tools.appendChild(group);
  }

  var lastCell = null;

  function closePanel() {
    var panel = document.getElementById("cell-panel");
    if (!panel) { return false; }
    panel.innerHTML = "";
    document.querySelectorAll("a.cell.is-current").forEach(function (a) { a.classList.remove("is-current"); });
    if (lastCell && document.body.contains(lastCell)) { lastCell.focus(); }
    return true;
  }

  document.addEventListener("DOMContentLoaded", function () {
    var table = document.getElementById("matrix");
    if (table) { initMatrix(table); }
  });

  document.addEventListener("click", function (event) {
    var cell = event.target.closest && event.target.closest("a.cell[hx-get]");
    if (cell) {
      lastCell = cell;
      document.querySelectorAll("a.cell.is-current").forEach(function (a) { a.classList.remove("is-current"); });
      cell.classList.add("is-current");
    }
    var close = event.target.closest && event.target.closest("#cell-panel [data-close-panel]");
    if (close && closePanel()) { event.preventDefault(); }
  });

  document.addEventListener("keydown", function (event) {
    var panel = document.getElementById("cell-panel");
    if (event.key === "Escape" && panel && panel.innerHTML.trim()) { closePanel(); }
  });

  document.addEventListener("htmx:afterSettle", function (event) {
    var panel = document.getElementById("cell-panel");
    var path = ((event.detail && event.detail.requestConfig) || {}).path || "";
    if (!panel || path.indexOf("/cells/") === -1) { return; }
    // A fresh panel, or a saved or refused form: move focus to what changed.
    var alert = panel.querySelector("[role=alert]");
    var title = document.getElementById("cell-panel-title");
    if (alert) { alert.setAttribute("tabindex", "-1"); alert.focus(); } else if (title) { title.focus(); }
  });
})();
