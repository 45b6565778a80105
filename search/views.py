from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.cache import patch_vary_headers
from django.views.decorators.http import require_GET

from licenses.models import License
from review.models import Review
from search import selectors


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
    context = {
        "results": results,
        "q": raw[:1000],
        "group": group,
        "osi": osi,
        "status": status,
        "groups": [(key, label, results.counts.get(key, 0)) for key, label in selectors.GROUP_LABELS.items()],
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
