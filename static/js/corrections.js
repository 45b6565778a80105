// Clause corrections: pick a split point by clicking in a clause's text, and keep focus sensible
// after htmx swaps the clause list. Every action also works as a plain form without this file.
(function () {
  "use strict";
  document.documentElement.classList.add("corrections-js");

  // The first words from `offset` on: what the form shows as "split before this text". The
  // hidden offset field tells the server which occurrence was meant.
  function snippet(text, offset) {
    return text.slice(offset).split(/\s+/).filter(Boolean).slice(0, 6).join(" ");
  }

  // The character offset of the caret a click left inside `el` (a single text node).
  function clickOffset(el) {
    var sel = window.getSelection();
    if (!sel || sel.rangeCount === 0 || !sel.isCollapsed) { return null; }
    var node = sel.anchorNode;
    if (!node || !el.contains(node) || node.nodeType !== Node.TEXT_NODE) { return null; }
    var offset = sel.anchorOffset;
    var text = el.textContent;
    // Move back to the start of the word clicked in.
    while (offset > 0 && !/\s/.test(text.charAt(offset - 1))) { offset -= 1; }
    while (offset < text.length && /\s/.test(text.charAt(offset))) { offset += 1; }
    return offset > 0 && offset < text.length ? offset : null;
  }

  document.addEventListener("click", function (event) {
    var textEl = event.target.closest ? event.target.closest(".editing .clause-text") : null;
    if (!textEl) { return; }
    var clause = textEl.closest(".clause");
    var tool = clause && clause.querySelector("[data-split-tool]");
    if (!tool) { return; }
    var offset = clickOffset(textEl);
    if (offset === null) { return; }
    var input = tool.querySelector("[data-split-input]");
    tool.querySelector("[data-split-offset]").value = String(offset);
    input.value = snippet(textEl.textContent, offset);
    tool.open = true;
    textEl.classList.add("split-picking");
    input.focus({ preventScroll: true });
  });

  // Typing over the picked text drops the clicked offset: the server then finds the words.
  document.addEventListener("input", function (event) {
    if (event.target.matches && event.target.matches("[data-split-input]")) {
      var offsetInput = event.target.form.querySelector("[data-split-offset]");
      if (offsetInput) { offsetInput.value = ""; }
    }
  });

  // After a correction, announce and focus its outcome, or the first error beside a clause.
  // Only a request made from the clause list counts: the notification bell's refresh (on load,
  // then every minute) also swaps, and must not pull focus out of a field being typed in.
  document.addEventListener("htmx:afterSwap", function (event) {
    var from = event.detail && event.detail.elt;
    if (!from || !from.closest || !from.closest("#clauses")) { return; }
    var root = document.getElementById("clauses");
    if (!root) { return; }
    var error = root.querySelector(".clause-tools .form-error");
    if (error) {
      var clause = error.closest(".clause");
      var field = clause.querySelector("details[open] input[type=text]");
      clause.scrollIntoView({ block: "center" });
      if (field) { field.focus({ preventScroll: true }); }
      return;
    }
    var status = root.querySelector("[data-correction-status]");
    if (status) { status.focus({ preventScroll: true }); }
  });
})();
