"""The compare page: any two license versions, clause by clause (/compare/?a=slug@label&b=slug@label)."""

from __future__ import annotations

from urllib.parse import urlencode

from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_GET

from licenses.compare import selectors
from licenses.compare.selectors import RefError
from licenses.models import LicenseVersion


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
    raw_a = request.GET.get("a", "")[:200]
    raw_b = request.GET.get("b", "")[:200]
    view = request.GET.get("view", "side")
    view = view if view in selectors.VIEWS else "side"
    changes_only = request.GET.get("changes") == "1"

    a, error_a = _resolve(raw_a)
    b, error_b = _resolve(raw_b)
    # A ref typed by hand ("MPL-2.0", "apache-2.0") redirects to the canonical, shareable address.
    if a and (b or not raw_b.strip()) and (raw_a != a.ref or (b and raw_b != b.ref)):
        return redirect(compare_url(a.ref, b.ref if b else "", view=view, changes_only=changes_only))

    page = None
    if a and b:
        page = selectors.compare_page(a, b, view=view, changes_only=changes_only)
    context = {
        "page": page,
        "a": a,
        "b": b,
        "raw_a": raw_a,
        "raw_b": raw_b,
        "errors": [e for e in (error_a, error_b) if e],
        "error_a": error_a,
        "error_b": error_b,
        "view": view,
        "changes_only": changes_only,
        "nav": "compare",
    }
    if page:
        context |= {
            "url_side": compare_url(a.ref, b.ref, view="side", changes_only=changes_only),
            "url_inline": compare_url(a.ref, b.ref, view="inline", changes_only=changes_only),
            "url_toggle": compare_url(a.ref, b.ref, view=view, changes_only=not changes_only),
            "url_swap": compare_url(b.ref, a.ref, view=view, changes_only=changes_only),
        }
    else:
        # The picker lists versions; the one already chosen brings its siblings to the top.
        context["options"] = selectors.picker_versions(a or b)
    status = 404 if context["errors"] else 200
    template = "licenses/compare.html"
    if page and request.htmx and request.htmx.target == "comparison":
        template += "#comparison"
    return render(request, template, context, status=status)


@require_GET
def compare_versions(request: HttpRequest) -> HttpResponse:
    """Autocomplete for the version pickers: <option> elements for a <datalist>, by name or SPDX id."""
    query = request.GET.get("q") or request.GET.get("a") or request.GET.get("b") or ""
    # A complete ref needs no suggestions beyond itself; search by its license part.
    query = query.partition("@")[0]
    options = selectors.search_versions(query, limit=selectors.SUGGESTION_LIMIT * 2)
    return render(request, "licenses/compare.html#options", {"options": options})
