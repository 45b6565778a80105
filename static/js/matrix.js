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
        if (grid) { normalise(grid); }
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
        if (grid) { normalise(grid); }
      });
      group.appendChild(b);
    });
    tools.appendChild(group);
  }

  // --- The matrix as a grid: one Tab stop, arrow keys between cells -------------------------
  // Each row's focus stops, in order: the row header's toggle and clause link, then its cells.
  // Up and Down keep the column (a table cell, not a stop); Home and End go to the row's ends,
  // Ctrl+Home and Ctrl+End to the first and last rows, PageUp and PageDown ten rows at a time.
  // Enter follows the link: on a cell, that opens the cell panel.
  var FOCUSABLE = "a[href], button:not([hidden])";
  var grid = null;
  var current = null; // id or element of the stop that holds tabindex=0

  function rowsOf(table) {
    return Array.prototype.filter.call(table.rows, function (r) { return !r.hidden && r.offsetParent !== null; });
  }

  function stopsIn(cell) {
    return Array.prototype.filter.call(cell.querySelectorAll(FOCUSABLE), function (el) { return !el.hidden; });
  }

  function stopsOf(row) {
    var out = [];
    Array.prototype.forEach.call(row.cells, function (cell) { out = out.concat(stopsIn(cell)); });
    return out;
  }

  function cellOf(el) { return el.closest("td, th"); }

  function allStops(table) {
    return Array.prototype.slice.call(table.querySelectorAll(FOCUSABLE));
  }

  // Only ``el`` is in the Tab order; everything else in the grid is reached with the arrow keys.
  function rove(table, el) {
    if (current && current !== el) { current.setAttribute("tabindex", "-1"); }
    el.setAttribute("tabindex", "0");
    current = el;
  }

  // Every stop out of the Tab order but one (again after a swap: a redrawn cell comes without).
  function normalise(table) {
    var keep = current && table.contains(current) ? current : null;
    if (!keep && current && current.id) { keep = document.getElementById(current.id); }
    // A stop in a collapsed row cannot take focus: the grid would have no Tab stop at all.
    if (keep && keep.offsetParent === null) { keep = keep.closest("tr").hidden ? null : keep; }
    if (!keep) {
      keep = Array.prototype.filter.call(table.querySelectorAll("tbody a.cell"), function (a) { return a.offsetParent !== null; })[0] ||
        table.querySelector(FOCUSABLE);
    }
    allStops(table).forEach(function (s) { s.setAttribute("tabindex", s === keep ? "0" : "-1"); });
    current = keep;
  }

  // The sticky clause column and header row must never cover the focused cell.
  function padScroll(table) {
    var scroller = table.closest(".matrix-scroll");
    var corner = table.querySelector("thead th.corner");
    if (!scroller || !corner) { return; }
    var foot = table.tFoot;
    scroller.style.scrollPaddingLeft = corner.offsetWidth + 4 + "px";
    scroller.style.scrollPaddingTop = corner.offsetHeight + 4 + "px";
    scroller.style.scrollPaddingBottom = (foot ? foot.offsetHeight : 0) + 4 + "px";
  }

  function moveTo(table, el) {
    if (!el) { return; }
    rove(table, el);
    el.focus();
    el.scrollIntoView({ block: "nearest", inline: "nearest" });
  }

  function onGridKey(event) {
    var table = grid;
    var el = event.target;
    if (!table || !table.contains(el) || event.altKey || event.metaKey) { return; }
    var row = el.closest("tr");
    var rows = rowsOf(table);
    var r = rows.indexOf(row);
    var stops = stopsOf(row);
    var i = stops.indexOf(el);
    if (r === -1 || i === -1) { return; }
    var col = cellOf(el).cellIndex;

    function inRow(target, column) {
      var cell = target.cells[Math.min(column, target.cells.length - 1)];
      var found = cell ? stopsIn(cell) : [];
      // A row header holds a toggle and a link: land on the link, as the other rows do.
      return found.length ? found[found.length - 1] : null;
    }
    function vertical(delta) {
      for (var n = r + delta; n >= 0 && n < rows.length; n += delta > 0 ? 1 : -1) {
        var hit = inRow(rows[n], col);
        if (hit) { return hit; }
        if (Math.abs(delta) > 1) { break; }
      }
      return null;
    }
    function clamp(n) { return Math.max(0, Math.min(rows.length - 1, n)); }
    function firstFrom(n, step) {
      for (; n >= 0 && n < rows.length; n += step) { var hit = inRow(rows[n], col); if (hit) { return hit; } }
      return null;
    }

    var target = null;
    switch (event.key) {
      case "ArrowRight": target = stops[i + 1]; break;
      case "ArrowLeft": target = stops[i - 1]; break;
      case "ArrowDown": target = vertical(1); break;
      case "ArrowUp": target = vertical(-1); break;
      case "PageDown": target = firstFrom(clamp(r + 10), 1) || firstFrom(rows.length - 1, -1); break;
      case "PageUp": target = firstFrom(clamp(r - 10), -1) || firstFrom(0, 1); break;
      case "Home":
        target = event.ctrlKey ? stopsOf(rows[0])[0] : stops[0];
        break;
      case "End":
        if (event.ctrlKey) { var last = stopsOf(rows[rows.length - 1]); target = last[last.length - 1]; }
        else { target = stops[stops.length - 1]; }
        break;
      case " ":
        if (el.matches("a.cell")) { event.preventDefault(); el.click(); }
        return;
      default:
        return;
    }
    event.preventDefault();
    if (target) { moveTo(table, target); }
  }

  function initGrid(table) {
    grid = table;
    table.setAttribute("role", "grid");
    table.setAttribute("aria-readonly", "true");
    var help = document.createElement("p");
    help.id = "matrix-keys";
    help.className = "small muted matrix-keys";
    help.textContent = "In the matrix: arrow keys move between cells, Home and End to the ends of a row, Page Up and Page Down ten rows; Enter opens a cell.";
    var scroller = table.closest(".matrix-scroll");
    (scroller || table).parentNode.insertBefore(help, scroller || table);
    table.setAttribute("aria-describedby", "matrix-keys");
    // The grid is now one Tab stop with its own keys; its box need not be a second one.
    if (scroller) { scroller.removeAttribute("tabindex"); }
    normalise(table);
    padScroll(table);
    window.addEventListener("resize", function () { padScroll(table); });
    table.addEventListener("keydown", onGridKey);
    table.addEventListener("focusin", function (event) {
      if (event.target.matches(FOCUSABLE) && event.target.getAttribute("tabindex") !== "0") { rove(table, event.target); }
    });
  }

  // --- The cell panel: a dialog beside the grid -------------------------------------------
  var lastCellId = null;

  function panelOpen() {
    var panel = document.getElementById("cell-panel");
    return panel && panel.innerHTML.trim() ? panel : null;
  }

  function markCurrent() {
    document.querySelectorAll("a.cell.is-current").forEach(function (a) { a.classList.remove("is-current"); });
    var cell = lastCellId && document.getElementById(lastCellId);
    if (cell && panelOpen()) { cell.classList.add("is-current"); }
  }

  function closePanel() {
    var panel = panelOpen();
    if (!panel) { return false; }
    panel.innerHTML = "";
    panel.removeAttribute("role");
    panel.removeAttribute("aria-modal");
    panel.removeAttribute("aria-labelledby");
    markCurrent();
    // The cell may have been redrawn (a position saved): find it again by its id.
    var cell = lastCellId && document.getElementById(lastCellId);
    if (cell) {
      if (grid && grid.contains(cell)) { rove(grid, cell); }
      cell.focus();
    }
    if (window.clausewise) { window.clausewise.announce("Cell panel closed"); }
    return true;
  }

  function panelStops(panel) {
    return Array.prototype.filter.call(
      panel.querySelectorAll("a[href], button, input:not([type=hidden]), select, textarea, summary, [tabindex]:not([tabindex='-1'])"),
      function (el) { return !el.disabled && el.offsetParent !== null; }
    );
  }

  document.addEventListener("DOMContentLoaded", function () {
    var table = document.getElementById("matrix");
    if (table) { initMatrix(table); initGrid(table); }
  });

  document.addEventListener("click", function (event) {
    var cell = event.target.closest && event.target.closest("a.cell[hx-get]");
    if (cell) {
      lastCellId = cell.id;
      document.querySelectorAll("a.cell.is-current").forEach(function (a) { a.classList.remove("is-current"); });
      cell.classList.add("is-current");
    }
    var close = event.target.closest && event.target.closest("#cell-panel [data-close-panel]");
    if (close && closePanel()) { event.preventDefault(); }
  });

  document.addEventListener("keydown", function (event) {
    var panel = panelOpen();
    if (!panel) { return; }
    if (event.key === "Escape") { closePanel(); return; }
    if (event.key !== "Tab" || !panel.contains(document.activeElement)) { return; }
    // Keep Tab inside the open panel: from its last control back to its first, and the other way.
    var stops = panelStops(panel);
    if (!stops.length) { return; }
    var first = stops[0];
    var last = stops[stops.length - 1];
    var at = document.activeElement;
    if (event.shiftKey && (at === first || !stops.includes(at) && at.id === "cell-panel-title")) {
      event.preventDefault();
      last.focus();
    } else if (!event.shiftKey && at === last) {
      event.preventDefault();
      first.focus();
    }
  });

  // Focus that leaves the open panel (a click on the page aside) does not strand the reader:
  // the panel stays open and Tab from the page goes on as usual; Escape or Close return to the cell.

  document.addEventListener("htmx:afterSettle", function (event) {
    var panel = document.getElementById("cell-panel");
    var path = ((event.detail && event.detail.requestConfig) || {}).path || "";
    if (grid) { normalise(grid); }
    if (!panel || path.indexOf("/cells/") === -1) { return; }
    if (!panel.innerHTML.trim()) { return; }
    panel.setAttribute("role", "dialog");
    panel.setAttribute("aria-modal", "true");
    panel.setAttribute("aria-labelledby", "cell-panel-title");
    markCurrent();
    // A fresh panel, or a saved or refused form: move focus to what changed.
    var alert = panel.querySelector("[role=alert]");
    var title = document.getElementById("cell-panel-title");
    if (alert) { alert.setAttribute("tabindex", "-1"); alert.focus(); } else if (title) { title.focus(); }
  });
})();
