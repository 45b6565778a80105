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

  // --- htmx answers that are not swapped ------------------------------------------------------
  // htmx swaps no 4xx (except 422, see review.js) or 5xx answer, and the server answers 401, not
  // the log-in page, when the session has ended (config.edges.HtmxSessionEnded). Say what
  // happened beside the form, leave what was typed where it is, and keep a copy in this browser
  // so that it comes back after logging in again or reloading the page.
  var DRAFTS = "clausewise:draft:";
  var DRAFT_DAYS = 7;

  // The element that made the request (events such as beforeSwap are fired on the target).
  function requester(evt) {
    return (evt.detail.requestConfig && evt.detail.requestConfig.elt) || evt.detail.elt || evt.target;
  }

  function formOf(elt) {
    if (!elt) { return null; }
    return elt.tagName === "FORM" ? elt : (elt.form || elt.closest("form"));
  }

  function draftKey(form) {
    return DRAFTS + location.pathname + "|" + (form.getAttribute("hx-post") || form.getAttribute("action") || "");
  }

  function typedSomething(form) {
    return Array.prototype.some.call(form.querySelectorAll("textarea, input[type=text]"), function (el) {
      return el.value.trim() && el.value !== el.defaultValue;
    });
  }

  function saveDraft(form) {
    if (!form || !typedSomething(form)) { return false; }
    var fields = {};
    Array.prototype.forEach.call(form.elements, function (el) {
      if (!el.name || el.name === "csrfmiddlewaretoken" || el.disabled) { return; }
      if (/^(submit|button|file|reset|password)$/.test(el.type)) { return; }
      var values = fields[el.name] || (fields[el.name] = []);
      if (el.type === "radio" || el.type === "checkbox") {
        if (el.checked) { values.push(el.value); }
      } else if (el.tagName === "SELECT" && el.multiple) {
        Array.prototype.forEach.call(el.selectedOptions, function (o) { values.push(o.value); });
      } else {
        values.push(el.value);
      }
    });
    try {
      localStorage.setItem(draftKey(form), JSON.stringify({ fields: fields, saved: Date.now() }));
      return true;
    } catch (e) {
      return false; // private mode or full storage: the text is still in the form
    }
  }

  function dropDraft(form) {
    try { localStorage.removeItem(draftKey(form)); } catch (e) { /* nothing kept */ }
  }

  function notice(form, node) {
    var old = form.querySelector(":scope > .htmx-error, :scope > .draft-note");
    if (old) { old.remove(); }
    form.insertBefore(node, form.firstChild);
  }

  function restoreDrafts(root) {
    var forms = root.tagName === "FORM" ? [root] : root.querySelectorAll("form");
    Array.prototype.forEach.call(forms, function (form) {
      var raw;
      try { raw = localStorage.getItem(draftKey(form)); } catch (e) { return; }
      if (!raw) { return; }
      var draft;
      try { draft = JSON.parse(raw); } catch (e) { dropDraft(form); return; }
      if (!draft || !draft.fields || Date.now() - draft.saved > DRAFT_DAYS * 864e5) { dropDraft(form); return; }
      Array.prototype.forEach.call(form.elements, function (el) {
        var values = draft.fields[el.name];
        if (!values || el.name === "csrfmiddlewaretoken") { return; }
        if (el.type === "radio" || el.type === "checkbox") {
          el.checked = values.indexOf(el.value) >= 0;
        } else if (el.tagName === "SELECT" && el.multiple) {
          Array.prototype.forEach.call(el.options, function (o) { o.selected = values.indexOf(o.value) >= 0; });
        } else if (!/^(submit|button|file|reset|password)$/.test(el.type)) {
          el.value = values[0];
          el.dispatchEvent(new Event("input", { bubbles: true }));
        }
      });
      for (var d = form.closest("details"); d; d = d.parentElement && d.parentElement.closest("details")) { d.open = true; }
      var note = document.createElement("div");
      note.className = "draft-note";
      note.setAttribute("role", "status");
      var p = document.createElement("p");
      p.textContent = "Your unsent text is back, as you left it. Post it when you are ready. ";
      var discard = document.createElement("button");
      discard.type = "button";
      discard.className = "link-button small";
      discard.textContent = "Discard it";
      discard.addEventListener("click", function () { dropDraft(form); form.reset(); note.remove(); });
      p.appendChild(discard);
      note.appendChild(p);
      notice(form, note);
      var box = form.querySelector("textarea");
      if (box && root === document) { form.scrollIntoView({ block: "center" }); }
    });
  }

  function message(status, xhr) {
    if (status === 429 && xhr) {
      var doc = new DOMParser().parseFromString(xhr.responseText, "text/html");
      var rate = doc.querySelector(".rate-limit-message");
      if (rate) { return rate.textContent.trim() + " What you typed is still here."; }
    }
    if (status === 403) {
      return "This was not saved: the page is out of date (perhaps you logged in again in another tab), or your account may not do this. What you typed is kept in this browser: reload the page, and it will be back.";
    }
    if (status === 404) {
      return "This was not saved: it is no longer there, or your account can no longer see it. What you typed is still here.";
    }
    if (status >= 500) {
      return "Something went wrong on the server, and nothing was saved. What you typed is still here; please try again in a moment.";
    }
    if (status === 0) {
      return "The server could not be reached, and nothing was saved. What you typed is still here; try again when you are back online.";
    }
    return "That did not work (error " + status + "), and nothing was saved. What you typed is still here.";
  }

  function showFailure(elt, status, xhr) {
    var form = formOf(elt);
    var node = null;
    if (status === 401 && xhr) {
      var doc = new DOMParser().parseFromString(xhr.responseText, "text/html");
      var given = doc.querySelector(".htmx-error");
      if (given) { node = document.importNode(given, true); }
    }
    if (!node) {
      node = document.createElement("div");
      node.className = "htmx-error";
      node.setAttribute("role", "alert");
      var p = document.createElement("p");
      p.textContent = message(status, xhr);
      node.appendChild(p);
    }
    node.dataset.status = String(status);
    if (form) {
      saveDraft(form);
      notice(form, node);
    } else if (elt && elt.parentNode) {
      var old = elt.parentNode.querySelector(":scope > .htmx-error");
      if (old) { old.remove(); }
      elt.parentNode.insertBefore(node, elt.nextSibling);
    }
    node.scrollIntoView({ block: "nearest" });
  }

  document.addEventListener("htmx:responseError", function (evt) {
    showFailure(requester(evt), evt.detail.xhr.status, evt.detail.xhr);
  });
  document.addEventListener("htmx:sendError", function (evt) { showFailure(requester(evt), 0, null); });
  document.addEventListener("htmx:timeout", function (evt) { showFailure(requester(evt), 0, null); });

  // Posted: forget the copy before the answer is swapped in (and its forms looked at for drafts).
  document.addEventListener("htmx:beforeSwap", function (evt) {
    var form = formOf(requester(evt));
    var status = evt.detail.xhr.status;
    if (form && status >= 200 && status < 300) { dropDraft(form); }
  });
  document.addEventListener("DOMContentLoaded", function () { restoreDrafts(document); });
  document.addEventListener("htmx:load", function (evt) {
    if (evt.detail.elt && evt.detail.elt !== document.body) { restoreDrafts(evt.detail.elt); }
  });

  // --- Copy for the mailing list ------------------------------------------------------------
  // The link downloads the plain-text summary; with a clipboard at hand, it copies it instead.
  document.addEventListener("click", function (evt) {
    var link = evt.target.closest && evt.target.closest("a[data-copy-from]");
    if (!link || !navigator.clipboard || !window.isSecureContext) { return; }
    evt.preventDefault();
    var status = document.getElementById(link.getAttribute("aria-describedby") || "");
    function say(text) { if (status) { status.textContent = text; } }
    say("Copying…");
    var text = fetch(link.getAttribute("data-copy-from"), { credentials: "same-origin" }).then(function (r) {
      if (!r.ok) { throw new Error("HTTP " + r.status); }
      return r.text();
    });
    var copied;
    if (window.ClipboardItem && navigator.clipboard.write) {
      // A promise inside the item keeps the click's permission while the text is fetched.
      copied = navigator.clipboard.write([new ClipboardItem({
        "text/plain": text.then(function (t) { return new Blob([t], { type: "text/plain" }); })
      })]).then(function () { return text; });
    } else {
      copied = text.then(function (t) { return navigator.clipboard.writeText(t).then(function () { return t; }); });
    }
    copied.then(function (t) {
      var lines = t.split("\n").length - 1;
      say("Copied: " + lines + " lines of plain text, wrapped at 72 columns. Paste it into your message.");
    }).catch(function () {
      say("Could not reach the clipboard; the text is downloaded instead.");
      window.location.href = link.href;
    });
  });

  // --- Saying what happened, and where focus goes ---------------------------------------------
  // One polite live region (#live-status in base.html). Text is cleared first so that the same
  // message twice in a row ("Reply posted") is read twice.
  var announceTimer = null;
  function announce(text) {
    var live = document.getElementById("live-status");
    if (!live || !text) { return; }
    live.textContent = "";
    clearTimeout(announceTimer);
    announceTimer = setTimeout(function () { live.textContent = text; }, 60);
  }

  // Move focus to ``el`` (made focusable for script if it is not), without scrolling past it.
  function focusOn(el) {
    if (!el) { return false; }
    var natural = el.matches("a[href], button, input, select, textarea, summary, [tabindex]");
    if (!natural) { el.setAttribute("tabindex", "-1"); }
    el.focus({ preventScroll: true });
    el.scrollIntoView({ block: "nearest" });
    return document.activeElement === el;
  }
  window.clausewise = { announce: announce, focusOn: focusOn };

  // Swapped content may carry what to say: data-announce="Reply posted", or an empty
  // data-announce to read the element's own text (the catalogue's count).
  document.addEventListener("htmx:load", function (evt) {
    var root = evt.detail.elt;
    if (!root || root === document.body || !root.querySelectorAll) { return; }
    var marked = root.matches("[data-announce]") ? [root] : [];
    marked = marked.concat(Array.prototype.slice.call(root.querySelectorAll("[data-announce]")));
    marked.forEach(function (el) { announce(el.getAttribute("data-announce") || el.textContent.trim()); });
  });

  // A link that plays a switch (role="switch") toggles on Space as a button would, and not
  // only on Enter; Space would otherwise scroll the page.
  document.addEventListener("keydown", function (evt) {
    if (evt.key !== " " || evt.ctrlKey || evt.metaKey || evt.altKey) { return; }
    var sw = evt.target.closest && evt.target.closest("a[role=switch]");
    if (!sw) { return; }
    evt.preventDefault();
    sw.click();
  });

  // --- Times in the reader's zone ------------------------------------------------------------
  // The server writes times in UTC, said so; here each <time> with a time of day is shown in
  // the browser's zone, named ("2 Dec 2026, 18:20 CET"), with the UTC original as its tooltip.
  var timeFormat = null;
  try {
    timeFormat = new Intl.DateTimeFormat(undefined, {
      day: "numeric", month: "short", year: "numeric", hour: "2-digit", minute: "2-digit", timeZoneName: "short"
    });
  } catch (e) { timeFormat = null; }

  function localTimes(root) {
    // A zone chosen on the profile: the server wrote the times in it already.
    if (!timeFormat || !root.querySelectorAll || document.body.dataset.zone) { return; }
    root.querySelectorAll("time[datetime]").forEach(function (t) {
      if (t.dataset.local || !/\d:\d\d/.test(t.textContent)) { return; }
      var when = new Date(t.getAttribute("datetime"));
      if (isNaN(when.getTime())) { return; }
      var original = t.textContent.trim();
      t.title = /UTC|[+-]\d\d:?\d\d$/.test(original) ? original : original + " UTC";
      t.textContent = timeFormat.format(when);
      t.dataset.local = "1";
    });
  }
  document.addEventListener("DOMContentLoaded", function () { localTimes(document); });
  document.addEventListener("htmx:load", function (evt) { if (evt.detail.elt) { localTimes(evt.detail.elt); } });

  // --- A post sent twice is saved once (config/idempotency.py) --------------------------------
  // Each form that posts carries a random key; a retry after a timeout (a second click, the
  // browser's resend) sends the same key and gets the first answer back. After a post that
  // succeeded, a form that stays on the page gets a fresh key for the next one.
  function newKey() {
    var bytes = new Uint8Array(16);
    window.crypto.getRandomValues(bytes);
    return Array.prototype.map.call(bytes, function (b) { return ("0" + b.toString(16)).slice(-2); }).join("");
  }
  function keyForms(root) {
    if (!root.querySelectorAll || !window.crypto) { return; }
    root.querySelectorAll('form[method="post" i], form[hx-post]').forEach(function (form) {
      if (form.querySelector('input[name="_idem"]')) { return; }
      var input = document.createElement("input");
      input.type = "hidden";
      input.name = "_idem";
      input.value = newKey();
      form.appendChild(input);
    });
  }
  document.addEventListener("DOMContentLoaded", function () { keyForms(document); });
  document.addEventListener("htmx:load", function (evt) { if (evt.detail.elt) { keyForms(evt.detail.elt); } });
  // htmx sends the key as a header too, which the server reads without parsing the body.
  document.addEventListener("htmx:configRequest", function (evt) {
    var elt = evt.detail.elt;
    var form = elt && (elt.tagName === "FORM" ? elt : elt.closest && elt.closest("form"));
    var input = form && form.querySelector('input[name="_idem"]');
    if (input && evt.detail.verb === "post") { evt.detail.headers["Idempotency-Key"] = input.value; }
  });
  document.addEventListener("htmx:afterRequest", function (evt) {
    var elt = evt.detail.elt;
    var form = elt && (elt.tagName === "FORM" ? elt : elt.closest && elt.closest("form"));
    var input = form && form.querySelector('input[name="_idem"]');
    if (input && evt.detail.successful) { input.value = newKey(); }
  });
})();
