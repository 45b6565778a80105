"""The compare page: any two license versions, clause by clause (/compare/?a=slug@label&b=slug@label)."""

from __future__ import annotations

from urllib.parse import urlencode

from django import forms
from django.contrib import messages
from django.core.cache import cache
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.safestring import mark_safe
from django.views.decorators.http import require_GET, require_POST

from licenses import page_cache, stamps
from licenses.compare import links, selectors
from licenses.compare.selectors import ComparePage, RefError
from licenses.models import LicenseVersion
from licenses.rules import may_link_clauses


def _resolve(raw: str) -> tuple[LicenseVersion | None, RefError | None]:
    if not raw.strip():
        return None, None
    try:
        return selectors.resolve_ref(raw), None
    except RefError as exc:
        return None, exc


def compare_url(a: str, b: str = "", *, view: str = "side", changes_only: bool = False) -> str:
    """The canonical, shareable address of a comparison."""
    params = {"a": a}
    if b:
        params["b"] = b
    if view != "side":
        params["view"] = view
    if changes_only:
        params["changes"] = "1"
    return f"{reverse('licenses:compare')}?{urlencode(params, safe='@')}"


@require_GET
def compare(request: HttpRequest) -> HttpResponse:
    # A visitor's reload is a 304 until the catalogue changes (licenses.stamps; the stamp is read
    # before anything it keys). The aligned rows are a shared render already (selectors).
    shared = page_cache.shareable(request)
    fragment = bool(request.htmx and request.htmx.target == "comparison")
    raw_a = request.GET.get("a", "")[:200]
    raw_b = request.GET.get("b", "")[:200]
    view = request.GET.get("view", "side")
    view = view if view in selectors.VIEWS else "side"
    changes_only = request.GET.get("changes") == "1"
    etag, key = None, ""
    if shared:
        stamp = stamps.current()
        etag = page_cache.etag(stamp, request, "comparison" if fragment else "page")
        if page_cache.matches(request, etag):
            return page_cache.not_modified(etag)
        # Only a comparison at its canonical address is ever kept (below): a bounded set.
        key = page_cache.fragment_key("compare", stamp, raw_a, raw_b, view, str(changes_only), str(fragment))
        kept = cache.get_many([key, key + ":title"])
        if key in kept and key + ":title" in kept:
            body = mark_safe(kept[key])  # noqa: S308 - our own template's render (autoescaped)
            if fragment:
                return page_cache.validated(HttpResponse(body), etag)
            context = {"shared_content": body, "shared_title": kept[key + ":title"], "nav": "compare"}
            return page_cache.validated(render(request, "licenses/compare.html", context), etag)

    a, error_a = _resolve(raw_a)
    b, error_b = _resolve(raw_b)
    # A ref typed by hand ("MPL-2.0", "apache-2.0") redirects to the canonical, shareable address.
    if a and (b or not raw_b.strip()) and (raw_a != a.ref or (b and raw_b != b.ref)):
        return redirect(compare_url(a.ref, b.ref if b else "", view=view, changes_only=changes_only))

    page = None
    if a and b:
        page = selectors.compare_page(a, b, view=view, changes_only=changes_only)
    context = _context(request, page, a, b, view, changes_only) | {
        "raw_a": raw_a,
        "raw_b": raw_b,
        "errors": [e for e in (error_a, error_b) if e],
        "error_a": error_a,
        "error_b": error_b,
    }
    if not page:
        # The picker lists versions; the one already chosen brings its siblings to the top.
        versions = selectors.picker_versions(a or b)
        context["all_versions"] = versions
        context["options"] = versions[: selectors.PICKER_LIMIT]
    status = 404 if context["errors"] else 200
    template = "licenses/compare.html"
    if page and fragment:
        template += "#comparison"
    if key and page and status == 200 and not context["linking"]:
        body = render_to_string(f"{template}#content" if not fragment else template, context, request=request)
        page_cache.set_fragment(key, body)
        title = f"Compare {a.title} → {b.title}"
        cache.set(key + ":title", title, page_cache.TIMEOUT)
        if fragment:
            return page_cache.validated(HttpResponse(mark_safe(body)), etag)  # noqa: S308
        context |= {"shared_content": mark_safe(body), "shared_title": title}  # noqa: S308
    response = render(request, template, context, status=status)
    if etag and status == 200:
        return page_cache.validated(response, etag)
    return page_cache.private(response) if not shared else response


def _context(request, page: ComparePage | None, a, b, view: str, changes_only: bool) -> dict:
    """What the result part of the page needs (also for the fragment after a hand link)."""
    context = {"page": page, "a": a, "b": b, "view": view, "changes_only": changes_only, "nav": "compare"}
    if a and b:
        context |= selectors.side_names(a, b)
    if page:
        context |= {
            "url_side": compare_url(a.ref, b.ref, view="side", changes_only=changes_only),
            "url_inline": compare_url(a.ref, b.ref, view="inline", changes_only=changes_only),
            "url_toggle": compare_url(a.ref, b.ref, view=view, changes_only=not changes_only),
            "url_swap": compare_url(b.ref, a.ref, view=view, changes_only=changes_only),
            "linking": _linking(request, page),
        }
    return context


def _linking(request: HttpRequest, page: ComparePage) -> dict | None:
    """Choices for the hand-link forms, for those who may link; None for everyone else."""
    if page.a.pk == page.b.pk or not may_link_clauses(request.user, page.a.license, page.b.license):
        return None
    rows = [r for r in page.comparison.rows if not r.is_stub]
    names_a = {s.anchor: s.name for r in rows for s in r.a}
    names_b = {s.anchor: s.name for r in rows for s in r.b}
    hand = []
    for row in page.links.rows:
        forward = row.version_a_id == page.a.pk
        x, y = (row.a_anchor, row.b_anchor) if forward else (row.b_anchor, row.a_anchor)
        hand.append(
            {"id": row.pk, "kind": row.get_kind_display(), "a": names_a.get(x, x), "b": names_b.get(y, y)}
        )
    return {
        "removed": [r.a[0] for r in rows if r.kind == "removed"],
        "added": [r.b[0] for r in rows if r.kind == "added"],
        "pairs": [r for r in rows if len(r.a) == 1 and len(r.b) == 1],
        "hand": hand,
    }


class LinkForm(forms.Form):
    ACTIONS = ("link", "unlink", "forget")

    a = forms.CharField(max_length=200)
    b = forms.CharField(max_length=200)
    action = forms.ChoiceField(choices=[(x, x) for x in ACTIONS])
    a_anchor = forms.CharField(max_length=200, required=False)
    b_anchor = forms.CharField(max_length=200, required=False)
    pair = forms.CharField(max_length=401, required=False)  # "a_anchor b_anchor", from the unlink list
    link_id = forms.IntegerField(required=False, min_value=1)
    view = forms.CharField(max_length=10, required=False)
    changes = forms.CharField(max_length=1, required=False)


@require_POST
def compare_links(request: HttpRequest) -> HttpResponse:
    """Link two clauses, unlink a pair, or undo such a correction; 404 for anyone who may not."""
    form = LinkForm(request.POST)
    if not form.is_valid():
        raise Http404("No such comparison.")
    data = form.cleaned_data
    try:
        a, b = selectors.resolve_ref(data["a"]), selectors.resolve_ref(data["b"])
    except RefError:
        raise Http404("No such comparison.") from None
    if not may_link_clauses(request.user, a.license, b.license):
        raise Http404("No such comparison.")
    view = data["view"] if data["view"] in selectors.VIEWS else "side"
    changes_only = data["changes"] == "1"
    a_anchor, b_anchor = data["a_anchor"], data["b_anchor"]
    if data["pair"]:
        a_anchor, _, b_anchor = data["pair"].partition(" ")
    try:
        if data["action"] == "forget":
            if not data["link_id"]:
                raise ValidationError("Choose a correction to undo.")
            links.forget_link(a=a, b=b, link_id=data["link_id"], by=request.user)
            notice = "Correction undone."
        elif not a_anchor or not b_anchor:
            raise ValidationError("Choose a clause on each side.")
        elif data["action"] == "link":
            links.link_clauses(a=a, b=b, a_anchor=a_anchor, b_anchor=b_anchor, by=request.user)
            notice = "Linked. The comparison now shows the two clauses as one row."
        else:
            kept = links.unlink_clauses(a=a, b=b, a_anchor=a_anchor, b_anchor=b_anchor, by=request.user)
            notice = "Unlinked. The two clauses are kept apart." if kept else "The hand link is removed."
        level = messages.SUCCESS
    except links.NotAllowed:
        raise Http404("No such comparison.") from None
    except ValidationError as exc:
        notice, level = " ".join(exc.messages), messages.ERROR
    if not request.htmx:
        messages.add_message(request, level, notice)
        return redirect(compare_url(a.ref, b.ref, view=view, changes_only=changes_only) + "#cmp-linking")
    page = selectors.compare_page(a, b, view=view, changes_only=changes_only)
    context = _context(request, page, a, b, view, changes_only)
    context |= {"notice": notice, "notice_error": level == messages.ERROR}
    # 200 either way: htmx swaps only successful answers, and the message belongs on the page
    return render(request, "licenses/compare.html#result", context)


@require_GET
def compare_versions(request: HttpRequest) -> HttpResponse:
    """Autocomplete for the version pickers: <option> elements for a <datalist>, by name or SPDX id."""
    query = request.GET.get("q") or request.GET.get("a") or request.GET.get("b") or ""
    # A complete ref needs no suggestions beyond itself; search by its license part.
    query = query.partition("@")[0]
    options = selectors.search_versions(query, limit=selectors.SUGGESTION_LIMIT * 2)
    return render(request, "licenses/compare.html#options", {"options": options})
