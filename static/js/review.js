// Review page enhancements. Every action also works without this file (plain forms and links).
(function () {
  "use strict";
  var CONTEXT = 32; // characters of prefix/suffix sent with a quote (W3C TextQuoteSelector)

  // htmx swaps no 4xx answer by default: show validation errors (422) in place. Other failures
  // (401 after the session ended, 403, 404, 429, 5xx) are reported beside the form by clausewise.js.
  document.addEventListener("htmx:beforeSwap", function (evt) {
    // The selection button may sit in the clause that is about to be replaced: keep it.
    var t = document.getElementById("selection-tool");
    if (t && evt.detail.target && evt.detail.target.contains(t)) { t.hidden = true; document.body.appendChild(t); }
    if (evt.detail.xhr.status === 422) {
      evt.detail.shouldSwap = true;
      evt.detail.isError = false;
    }
  });

  // --- Focus after a swap -----------------------------------------------------------------
  // htmx replaces the thread (or the clause block) that held the form the reader just used, so
  // focus would drop to the top of the page. Say what happened and put focus on the new or
  // changed content: the new thread's summary, the new reply, the form's error.
  var swap = null;

  function knownIds() {
    var ids = {};
    document.querySelectorAll(".thread[id], .comment[id]").forEach(function (el) { ids[el.id] = true; });
    return ids;
  }

  function actionOf(elt) {
    var form = elt.closest("form");
    if (form && form.classList.contains("thread-form")) { return "thread"; }
    if (form && form.closest(".reply")) { return "reply"; }
    var own = elt.getAttribute("hx-get"); // a link inside a form (Cancel) acts on its own
    var url = own || (form && form.getAttribute("hx-post")) || "";
    if (own) { form = null; }
    if (/\/resolve\/$/.test(url)) { return "resolve"; }
    if (/\/reopen\/$/.test(url)) { return "reopen"; }
    if (/\/delete\/$/.test(url)) { return "delete"; }
    if (/\/restore\/$/.test(url)) { return "restore"; }
    if (/\/edit\/$/.test(url)) { return form ? "edited" : "edit"; }
    if (/\/hide\/$/.test(url)) { return form ? "hidden" : "hide"; }
    if (/\/threads\/\d+\/$/.test(url) && elt.closest(".comment")) { return "cancel"; }
    return null;
  }

  var SAID = {
    thread: "Thread started", reply: "Reply posted", resolve: "Thread resolved", reopen: "Thread reopened",
    "delete": "Comment deleted", restore: "Comment restored", edited: "Comment saved", hidden: "Comment hidden"
  };

  document.addEventListener("htmx:beforeSwap", function (evt) {
    var elt = (evt.detail.requestConfig && evt.detail.requestConfig.elt) || evt.detail.elt;
    swap = null;
    if (!elt || !elt.closest || !elt.closest("#review-clauses, .general-threads, .orphan-threads")) { return; }
    var action = actionOf(elt);
    if (!action) { return; }
    var thread = elt.closest(".thread");
    var comment = elt.closest(".comment");
    swap = {
      action: action,
      failed: evt.detail.xhr.status >= 400,
      known: knownIds(),
      thread: thread && thread.id,
      comment: comment && comment.id,
      block: (elt.closest(".clause-block") || {}).id
    };
  });

  function firstNew(selector, known) {
    var found = null;
    document.querySelectorAll(selector).forEach(function (el) { if (!found && !known[el.id]) { found = el; } });
    return found;
  }

  document.addEventListener("htmx:afterSettle", function () {
    var s = swap;
    swap = null;
    var cw = window.clausewise;
    if (!s || !cw) { return; }
    var scope = document.getElementById(s.thread || "") || document.getElementById(s.block || "") || document;
    if (s.failed) {
      var form = s.action === "thread" ? document.querySelector("#" + s.block + " .new-thread form, .new-thread[open] form") : scope;
      var alert = (form || document).querySelector(".form-error[role=alert], .errorlist");
      if (alert) { cw.focusOn(alert); cw.announce("Not saved: " + alert.textContent.trim()); }
      return;
    }
    var thread = s.thread && document.getElementById(s.thread);
    if (s.action === "thread") {
      var fresh = firstNew(".thread[id]", s.known);
      var summary = fresh && fresh.querySelector(".thread-fold > summary");
      cw.focusOn(summary || fresh);
    } else if (s.action === "reply") {
      cw.focusOn(firstNew(".comment[id]", s.known) || thread);
    } else if (s.action === "edit" || s.action === "hide") {
      var box = document.getElementById(s.comment);
      cw.focusOn(box && box.querySelector("textarea, input[type=text]"));
      return; // a form opened: nothing to announce
    } else if (s.action === "cancel") {
      cw.focusOn(document.getElementById(s.comment) || thread);
      return;
    } else if (s.action === "edited" || s.action === "hidden") {
      cw.focusOn(document.getElementById(s.comment) || thread);
    } else if (thread) {
      cw.focusOn(thread.querySelector(".thread-fold > summary") || thread);
    }
    cw.announce(SAID[s.action]);
  });

  // Deep links to a thread open it even when it is resolved (collapsed).
  function openTarget() {
    if (!location.hash) { return; }
    var id = decodeURIComponent(location.hash.slice(1));
    var el = document.getElementById(id);
    var asked = new URLSearchParams(location.search).get("thread");
    if (!el && /^t-[0-9]+$/.test(id) && asked !== id.slice(2) && document.querySelector("[data-threads]")) {
      // A big review keeps a clause's threads until its list is opened: ask for this one in full.
      location.replace("?thread=" + id.slice(2) + "#" + id);
      return;
    }
    if (!el) { return; }
    var fold = el.classList.contains("thread") ? el.querySelector(".thread-fold") : el.closest(".thread-fold");
    if (fold) { fold.open = true; }
    var details = el.closest("details.history");
    if (details) { details.open = true; }
    el.scrollIntoView({ block: "start" });
  }
  window.addEventListener("hashchange", openTarget);
  document.addEventListener("DOMContentLoaded", openTarget);

  // A folded thread of a big review loads its comments when opened. One delegated handler (the
  // clause list carries the threads' address once, in data-threads) instead of four hx-*
  // attributes on each of hundreds of threads; without JavaScript the link shows it in full.
  document.addEventListener("toggle", function (evt) {
    var fold = evt.target;
    if (!fold.open || !fold.classList) { return; }
    // A clause's list of threads: their first lines, in place of the link (the summary keeps focus).
    var more = fold.classList.contains("thread-list") && fold.querySelector(":scope > .thread-list-lazy");
    if (more && !more.dataset.loading && window.htmx) {
      more.dataset.loading = "1";
      window.htmx.ajax("GET", more.href, { target: more, swap: "outerHTML" });
      return;
    }
    if (!fold.classList.contains("thread-fold")) { return; }
    var lazy = fold.querySelector(":scope > .thread-lazy");
    var list = fold.closest("[data-threads]");
    if (!lazy || !list || lazy.dataset.loading || !window.htmx) { return; }
    var id = new URL(lazy.href, location.href).searchParams.get("thread");
    if (!/^[0-9]+$/.test(id || "")) { return; }
    lazy.dataset.loading = "1";
    window.htmx.ajax("GET", list.dataset.threads + id + "/", { target: fold.closest(".thread"), swap: "outerHTML" });
  }, true);

  // The clause clicked or tapped last is the selected one: its "Start a thread" stays shown.
  document.addEventListener("pointerdown", function (evt) {
    var block = evt.target.closest && evt.target.closest(".clause-block");
    if (!block) { return; }
    document.querySelectorAll(".clause-block.is-selected").forEach(function (b) {
      if (b !== block) { b.classList.remove("is-selected"); }
    });
    block.classList.add("is-selected");
  });

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
    var start = offsetIn(root, range.startContainer, range.startOffset);
    var end = offsetIn(root, range.endContainer, range.endOffset);
    var quote = quoteFrom(root, start, end);  // the same words as "Quote words…" would take
    if (quote) { quote.rect = range.getBoundingClientRect(); }
    return quote;
  }

  var pending = null;

  function tool() { return document.getElementById("selection-tool"); }

  function onSelection() {
    var t = tool();
    if (!t) { return; }
    var q = currentQuote();
    if (!q || !document.getElementById("new-thread-" + q.clause)) { t.hidden = true; pending = null; return; }
    pending = q;
    // Beside the clause in the document, not at the end of the page: the next Tab reaches it.
    var clause = document.querySelector('.clause-text[data-clause="' + q.clause + '"]').closest(".clause");
    if (t.parentNode !== clause) { clause.appendChild(t); }
    var box = clause.getBoundingClientRect();
    t.hidden = false;
    // Above the selection's first line, so it hides neither the words chosen nor the line
    // after them (the reader's eyes go on down); below only when the window's top is too near.
    var height = t.offsetHeight || 32;
    var above = q.rect.top - height - 6;
    var top = above >= 4 ? above : q.rect.bottom + 6;
    t.style.top = (top - box.top) + "px";
    var left = Math.min(q.rect.left - box.left, box.width - (t.offsetWidth || 180) - 4);
    t.style.left = Math.max(8, left) + "px";
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

  // --- Quoting with the keyboard -------------------------------------------------------------
  // "Quote words…" opens the clause text in a read-only field; the words selected there (Shift
  // and the arrow keys) become the quote, with the same offsets as a selection made in the page.
  function quoteFrom(root, start, end) {
    var text = root.textContent;
    while (start < end && /\s/.test(text.charAt(start))) { start++; }
    while (end > start && /\s/.test(text.charAt(end - 1))) { end--; }
    if (end <= start) { return null; }
    return {
      clause: root.dataset.clause,
      exact: text.slice(start, end),
      prefix: text.slice(Math.max(0, start - CONTEXT), start),
      suffix: text.slice(end, end + CONTEXT),
      start: start,
      end: end
    };
  }

  function clauseTextFor(form) {
    var clause = form.elements.clause && form.elements.clause.value;
    return clause ? document.querySelector('.clause-text[data-clause="' + clause + '"]') : null;
  }

  function revealQuoteWords(root) {
    root.querySelectorAll(".thread-form .quote-words").forEach(function (box) {
      if (clauseTextFor(box.closest("form"))) { box.hidden = false; }
    });
  }
  // The field only serves to select words in: typing, pasting or deleting changes nothing.
  document.addEventListener("beforeinput", function (evt) {
    if (evt.target.classList && evt.target.classList.contains("quote-words-text")) { evt.preventDefault(); }
  });
  document.addEventListener("DOMContentLoaded", function () { revealQuoteWords(document); });
  document.addEventListener("htmx:load", function (evt) { if (evt.detail.elt && evt.detail.elt.querySelectorAll) { revealQuoteWords(evt.detail.elt); } });

  document.addEventListener("click", function (evt) {
    var opener = evt.target.closest && evt.target.closest(".quote-words-open");
    if (opener) {
      var panel = document.getElementById(opener.getAttribute("aria-controls"));
      var root = clauseTextFor(opener.closest("form"));
      var open = opener.getAttribute("aria-expanded") !== "true";
      opener.setAttribute("aria-expanded", open ? "true" : "false");
      panel.hidden = !open;
      if (open && root) {
        var field = panel.querySelector("textarea");
        field.value = root.textContent;
        field.focus();
        field.setSelectionRange(0, 0);
      }
      return;
    }
    var use = evt.target.closest && evt.target.closest(".quote-words-use");
    if (use) {
      var form = use.closest("form");
      var field2 = use.parentNode.querySelector("textarea");
      var q = quoteFrom(clauseTextFor(form), field2.selectionStart, field2.selectionEnd);
      var cw = window.clausewise;
      if (!q) {
        if (cw) { cw.announce("No words selected: hold Shift and move with the arrow keys to select some."); }
        field2.focus();
        return;
      }
      setQuote(form, q);
      var box = use.closest(".quote-words");
      box.querySelector(".quote-words-open").setAttribute("aria-expanded", "false");
      use.parentNode.hidden = true;
      if (cw) { cw.announce("Quoting: " + q.exact); }
      var body = form.querySelector("textarea[name=body]");
      if (body) { body.focus(); }
      return;
    }
  });

  // --- One new-thread form for the page -------------------------------------------------------
  // Each clause carries only its "Start a thread on this clause" box (without JavaScript, a link
  // to the form's own page); the form is copied into it from the page's one <template> when the
  // box is first opened, with the clause's id in place of __clause__.
  function newThreadForm(box) {
    if (!box) { return null; }
    var form = box.querySelector("form");
    var source = document.getElementById("new-thread-form");
    var clause = (box.dataset.clause || "").replace(/\D/g, "");
    if (form || !source || !clause) { return form; }
    var holder = document.createElement("div");
    holder.innerHTML = source.innerHTML.replace(/__clause__/g, clause);
    form = holder.querySelector("form");
    var link = box.querySelector(".new-thread-page");
    if (link) { link.remove(); }
    box.appendChild(form);
    revealQuoteWords(box);
    if (window.htmx) {
      window.htmx.process(form);
      window.htmx.trigger(form, "htmx:load", {}); // drafts and the idempotency key (clausewise.js)
    }
    return form;
  }
  document.addEventListener("click", function (evt) {
    var summary = evt.target.closest && evt.target.closest("details.new-thread > summary");
    if (summary) { newThreadForm(summary.parentNode); }
  });
  document.addEventListener("toggle", function (evt) {
    if (evt.target.matches && evt.target.matches("details.new-thread") && evt.target.open) { newThreadForm(evt.target); }
  }, true);

  document.addEventListener("click", function (evt) {
    if (evt.target.closest && evt.target.closest("#selection-tool button")) {
      if (!pending) { return; }
      var box = document.getElementById("new-thread-" + pending.clause);
      var form = newThreadForm(box);
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
