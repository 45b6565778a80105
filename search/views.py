from django.http import HttpRequest, HttpResponse, HttpResponseNotAllowed
from django.shortcuts import get_object_or_404, render
from django.utils.cache import patch_vary_headers
from django.views.decorators.http import require_GET

from licenses.compare.selectors import RefError, resolve_ref, segments_for
from licenses.models import Clause, License
from licenses.selectors import version_for
from review.models import Review
from search import neighbours, selectors
from search.forms import ClosestForm
from search.query import any_of


@require_GET
def search(request: HttpRequest) -> HttpResponse:
    raw = request.GET.get("q", "")
    group = request.GET.get("in", "")
    group = group if group in selectors.GROUPS else ""
    osi = request.GET.get("osi", "")
    osi = osi if osi in License.OsiStatus.values else ""
    status = request.GET.get("status", "")
    status = status if status in Review.Status.values else ""
    try:
        page = int(request.GET.get("page", "1"))
    except ValueError:
        page = 1
    results = selectors.search(raw, user=request.user, group=group, osi=osi, review_status=status, page=page)
    broader, broader_count = None, ""
    if not results.total and page == 1 and (broader := any_of(results.query)):
        # every word together finds nothing: offer any of them, when that finds something
        wider = selectors.search(broader, user=request.user, group=group, osi=osi, review_status=status)
        broader, broader_count = (broader, wider.shown_count(group)) if wider.total else (None, "")
    context = {
        "results": results,
        "q": raw[:1000],
        "group": group,
        "osi": osi,
        "status": status,
        "groups": [(key, label, results.shown_count(key)) for key, label in selectors.GROUP_LABELS.items()],
        "total": results.shown_count(group),
        # "with these filters" only where a filter or a tab hides what the search found
        "filtered": bool(osi or status or (group and results.counts.get("", 0))),
        "broader": broader,
        "broader_count": broader_count,
        "start": (results.page - 1) * selectors.PAGE_SIZE + 1,
        "osi_choices": License.OsiStatus.choices,
        "status_choices": Review.Status.choices,
        "nav": "search",
    }
    template = "search/search.html"
    htmx = request.htmx
    if htmx and not htmx.boosted and not htmx.history_restore_request and htmx.target == "search-results":
        template += "#results"
    response = render(request, template, context)
    patch_vary_headers(response, ("HX-Request", "HX-Target"))
    return response


@require_GET
def similar_clauses(request: HttpRequest, slug: str, label: str, anchor: str) -> HttpResponse:
    version = version_for(slug, label)
    clause = get_object_or_404(
        Clause.objects.select_related("version__license"), version=version, anchor=anchor
    )
    context = {
        "version": version,
        "clause": clause,
        "similar": neighbours.similar_clauses(clause),
        "nav": "licenses",
    }
    template = "search/similar_clauses.html"
    htmx = request.htmx
    if htmx and not htmx.boosted and not htmx.history_restore_request:
        template += "#list"
    else:
        context["full_page"] = True
    response = render(request, template, context)
    patch_vary_headers(response, ("HX-Request",))
    return response


def closest(request: HttpRequest) -> HttpResponse:
    """Paste or upload a text, or name a version (?version=slug@label): the closest licenses."""
    if request.method not in ("GET", "POST"):
        return HttpResponseNotAllowed(["GET", "POST"])
    form = ClosestForm(request.POST or None, request.FILES or None)
    report, source, error = None, None, ""
    ref = request.GET.get("version", "")[:200]
    if request.method == "GET" and ref:
        try:
            source = resolve_ref(ref)
        except RefError as exc:
            error = str(exc)
        else:
            report = neighbours.closest_report(source.text, exclude=source, segments=segments_for(source))
    elif request.method == "POST" and form.is_valid():
        report = neighbours.closest_report(form.cleaned_data["text"])
    context = {"form": form, "report": report, "source": source, "error": error, "ref": ref, "nav": "compare"}
    template = "search/closest.html"
    htmx = request.htmx
    if htmx and not htmx.boosted and not htmx.history_restore_request and htmx.target == "closest-report":
        template += "#report"
    response = render(request, template, context)
    patch_vary_headers(response, ("HX-Request", "HX-Target"))
    return response
