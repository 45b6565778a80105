// Review page enhancements. Every action also works without this file (plain forms and links).
(function () {
  "use strict";
  var CONTEXT = 32; // characters of prefix/suffix sent with a quote (W3C TextQuoteSelector)

  // htmx swaps no 4xx answer by default: show validation errors (422) in place. Other failures
  // (401 after the session ended, 403, 404, 429, 5xx) are reported beside the form by clausewise.js.
  document.addEventListener("htmx:beforeSwap", function (evt) {
    if (evt.detail.xhr.status === 422) {
      evt.detail.shouldSwap = true;
      evt.detail.isError = false;
    }
  });

  // Deep links to a thread open it even when it is resolved (collapsed).
  function openTarget() {
    if (!location.hash) { return; }
    var el = document.getElementById(decodeURIComponent(location.hash.slice(1)));
    if (!el) { return; }
    var fold = el.classList.contains("thread") ? el.querySelector(".thread-fold") : el.closest(".thread-fold");
    if (fold) { fold.open = true; }
    var details = el.closest("details.history");
    if (details) { details.open = true; }
    el.scrollIntoView({ block: "start" });
  }
  window.addEventListener("hashchange", openTarget);
  document.addEventListener("DOMContentLoaded", openTarget);

  // A highlighted quote leads to its thread.
  document.addEventListener("click", function (evt) {
    var mark = evt.target.closest && evt.target.closest("mark.quote-mark");
    if (mark && window.getSelection().isCollapsed) { location.hash = mark.dataset.thread; }
  });

  // --- Comment on a selection -------------------------------------------------------------
  function offsetIn(root, node, offset) {
    var range = document.createRange();
    range.setStart(root, 0);
    range.setEnd(node, offset);
    return range.toString().length;
  }

  function currentQuote() {
    var sel = window.getSelection();
    if (!sel || sel.isCollapsed || sel.rangeCount === 0) { return null; }
    var range = sel.getRangeAt(0);
    var startEl = range.startContainer.nodeType === 1 ? range.startContainer : range.startContainer.parentElement;
    var endEl = range.endContainer.nodeType === 1 ? range.endContainer : range.endContainer.parentElement;
    var root = startEl && startEl.closest(".clause-text[data-clause]");
    if (!root || !endEl || root !== endEl.closest(".clause-text[data-clause]")) { return null; }
    var text = root.textContent;
    var start = offsetIn(root, range.startContainer, range.startOffset);
    var end = offsetIn(root, range.endContainer, range.endOffset);
    while (start < end && /\s/.test(text.charAt(start))) { start++; }
    while (end > start && /\s/.test(text.charAt(end - 1))) { end--; }
    if (end <= start) { return null; }
    return {
      clause: root.dataset.clause,
      exact: text.slice(start, end),
      prefix: text.slice(Math.max(0, start - CONTEXT), start),
      suffix: text.slice(end, end + CONTEXT),
      start: start,
      end: end,
      rect: range.getBoundingClientRect()
    };
  }

  var pending = null;

  function tool() { return document.getElementById("selection-tool"); }

  function onSelection() {
    var t = tool();
    if (!t) { return; }
    var q = currentQuote();
    if (!q || !document.getElementById("new-thread-" + q.clause)) { t.hidden = true; pending = null; return; }
    pending = q;
    t.hidden = false;
    t.style.top = (window.scrollY + q.rect.bottom + 6) + "px";
    t.style.left = (window.scrollX + Math.max(8, q.rect.left)) + "px";
  }

  var timer = null;
  document.addEventListener("selectionchange", function () {
    clearTimeout(timer);
    timer = setTimeout(onSelection, 150);
  });

  function setQuote(form, q) {
    ["exact", "prefix", "suffix", "start", "end"].forEach(function (k) {
      form.elements["quote_" + k].value = q ? String(q[k]) : "";
    });
    var preview = form.querySelector(".quote-preview");
    if (preview) {
      preview.hidden = !q;
      preview.querySelector("blockquote").textContent = q ? q.exact : "";
    }
  }

  document.addEventListener("mousedown", function (evt) {
    // Keep the selection alive while the button is pressed.
    if (evt.target.closest && evt.target.closest("#selection-tool")) { evt.preventDefault(); }
  });

  document.addEventListener("click", function (evt) {
    if (evt.target.closest && evt.target.closest("#selection-tool button")) {
      if (!pending) { return; }
      var box = document.getElementById("new-thread-" + pending.clause);
      var form = box.querySelector("form");
      setQuote(form, pending);
      box.open = true;
      tool().hidden = true;
      window.getSelection().removeAllRanges();
      var body = form.querySelector("textarea[name=body]");
      box.scrollIntoView({ block: "nearest" });
      if (body) { body.focus(); }
      return;
    }
    var clear = evt.target.closest && evt.target.closest(".quote-clear");
    if (clear) { setQuote(clear.closest("form"), null); }
  });

  // --- Suggested wording starts from the clause ---------------------------------------------
  // The page does not repeat each clause's text in every form; opening "Suggest wording" copies
  // it from the clause shown above into the empty field, to be edited.
  document.addEventListener("toggle", function (evt) {
    var box = evt.target;
    if (!box.matches || !box.matches("details.wording") || !box.open) { return; }
    var area = box.querySelector("textarea[data-from-clause]");
    var clause = area && area.dataset.fromClause;
    var source = clause && document.querySelector('.clause-text[data-clause="' + clause + '"]');
    if (area && source && !area.value) { area.value = source.textContent.trim(); }
  }, true);

  // --- A folded thread of a big review, opened ----------------------------------------------
  // It is fetched and swapped in whole; focus goes back to its heading, not to the page's top.
  document.addEventListener("htmx:afterSettle", function (evt) {
    var elt = evt.detail.elt;
    if (!elt || !elt.id || !elt.classList || !elt.classList.contains("thread")) { return; }
    var fresh = document.getElementById(elt.id);
    if (fresh && (document.activeElement === document.body || !document.activeElement)) {
      var head = fresh.querySelector("summary.thread-head");
      if (head) { head.focus(); }
    }
  });
})();
