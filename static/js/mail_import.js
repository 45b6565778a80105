// The mail import preview: each message's clause <select> (31 options and more) becomes a text
// field that filters them as one types (a native <input list> with a <datalist>). The <select>
// stays in the form, hidden, and carries the choice; without this file it is the picker.
(function () {
  "use strict";

  function norm(text) { return text.replace(/\s+/g, " ").trim().toLowerCase(); }

  function optionFor(select, typed) {
    var want = norm(typed);
    var options = Array.prototype.slice.call(select.options);
    if (!want) { return options.filter(function (o) { return o.value === ""; })[0] || null; }
    var exact = options.filter(function (o) { return norm(o.textContent) === want; });
    if (exact.length) { return exact[0]; }
    // A bare address ("2.2(b)") or words found in one clause only.
    var byPath = options.filter(function (o) { return o.value && norm(o.textContent).split(" ")[0] === want; });
    if (byPath.length) { return byPath[0]; }
    var ids = {};
    options.forEach(function (o) { if (o.value && norm(o.textContent).indexOf(want) !== -1) { ids[o.value] = o; } });
    var keys = Object.keys(ids);
    return keys.length === 1 ? ids[keys[0]] : null;
  }

  function enhance(select) {
    var label = document.querySelector('label[for="' + select.id + '"]');
    var list = document.createElement("datalist");
    list.id = select.id + "-list";
    var seen = {};
    Array.prototype.forEach.call(select.options, function (o) {
      var text = o.textContent.replace(/\s+/g, " ").trim();
      if (seen[text]) { return; }
      seen[text] = true;
      var option = document.createElement("option");
      option.value = text;
      list.appendChild(option);
    });
    var input = document.createElement("input");
    input.type = "text";
    input.id = select.id + "-find";
    input.className = "clause-find";
    input.setAttribute("list", list.id);
    input.setAttribute("autocomplete", "off");
    input.setAttribute("spellcheck", "false");
    input.value = select.selectedOptions.length ? select.selectedOptions[0].textContent.replace(/\s+/g, " ").trim() : "";
    var help = document.createElement("span");
    help.id = select.id + "-find-help";
    help.className = "help small muted";
    help.textContent = "Type an address or words of the clause; leave empty for the general thread.";
    help.setAttribute("aria-live", "polite");
    input.setAttribute("aria-describedby", help.id);
    if (label) { label.htmlFor = input.id; }
    select.hidden = true;
    select.tabIndex = -1;
    select.parentNode.insertBefore(input, select);
    select.parentNode.insertBefore(list, select);
    select.parentNode.insertBefore(help, select);

    function settle(final) {
      var option = optionFor(select, input.value);
      if (option) {
        select.value = option.value;
        input.removeAttribute("aria-invalid");
        help.textContent = option.value ? "Chosen: " + option.textContent.replace(/\s+/g, " ").trim() : "The general thread (no clause).";
        if (final) { input.value = option.textContent.replace(/\s+/g, " ").trim(); }
      } else if (final) {
        input.setAttribute("aria-invalid", "true");
        help.textContent = "No single clause matches “" + input.value + "”: pick one from the list. The choice stays " +
          (select.selectedOptions[0] ? select.selectedOptions[0].textContent.replace(/\s+/g, " ").trim() : "unchanged") + ".";
      }
    }
    input.addEventListener("input", function () { settle(false); });
    input.addEventListener("change", function () { settle(true); });
  }

  function start() { document.querySelectorAll("select.clause-picker").forEach(enhance); }
  if (document.readyState === "loading") { document.addEventListener("DOMContentLoaded", start); } else { start(); }
})();
