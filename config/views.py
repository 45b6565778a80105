from __future__ import annotations

from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.templatetags.static import static
from django.views.decorators.http import require_GET

from licenses.models import License
from review.listing import review_list
from review.models import Review


@require_GET
def home(request: HttpRequest) -> HttpResponse:
    open_reviews = review_list(status=Review.Status.OPEN)[:10]
    featured = License.objects.filter(versions__isnull=False).distinct().order_by("name")[:12]
    return render(
        request,
        "home.html",
        {"open_reviews": open_reviews, "featured": featured, "license_count": License.objects.count()},
    )


@require_GET
def favicon(request: HttpRequest) -> HttpResponse:
    """Browsers ask for /favicon.ico on pages without our <link rel="icon">; send them to the SVG."""
    return HttpResponseRedirect(static("favicon.svg"))
