from __future__ import annotations

import re

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.db.models import Count
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.cache import patch_vary_headers
from django.views.decorators.http import require_GET

from accounts.roles import is_moderator, is_steward_of
from licenses import selectors
from licenses.corrections.views import correction_context
from licenses.forms import NewVersionForm
from licenses.ingest import IngestError, ingest_version
from licenses.models import License
from licenses.rules import may_add_version


@require_GET
def license_list(request: HttpRequest) -> HttpResponse:
    query = request.GET.get("q", "")[:100]
    osi = request.GET.get("osi", "")
    if osi not in License.OsiStatus.values:
        osi = ""
    licenses = selectors.license_catalogue(query=query, osi=osi)
    page = Paginator(licenses, selectors.PAGE_SIZE).get_page(request.GET.get("page"))
    context = {
        "page": page,
        "query": query,
        "osi": osi,
        "osi_choices": License.OsiStatus.choices,
        "total": License.objects.count(),
        "nav": "licenses",
    }
    template = "licenses/license_list.html"
    # Only the filter form's own requests get the fragment: a history restore (back button after a
    # cache miss) also carries HX-Request and needs the whole page.
    htmx = request.htmx
    if htmx and not htmx.boosted and not htmx.history_restore_request and htmx.target in (None, "results"):
        template += "#results"
    response = render(request, template, context)
    # The same URL answers with a fragment or a page: keep browser caches from mixing them up.
    patch_vary_headers(response, ("HX-Request", "HX-Target"))
    return response


@require_GET
def license_detail(request: HttpRequest, slug: str) -> HttpResponse:
    license = get_object_or_404(License, slug=slug)
    versions = list(license.versions.order_by("-created_at", "-pk").annotate(clause_count=Count("clauses")))
    return render(
        request,
        "licenses/license_detail.html",
        {
            "license": license,
            "versions": versions,
            "can_add_version": may_add_version(request.user, license),
            "nav": "licenses",
        },
    )


@require_GET
def version_detail(request: HttpRequest, slug: str, label: str) -> HttpResponse:
    page = selectors.version_page(selectors.version_for(slug, label))
    version = page.version
    context = {
        "page": page,
        "version": version,
        "nav": "licenses",
        # Reviews are public records of this text; a small list, one query.
        "reviews": list(version.reviews.public().select_related("criterion_set").order_by("-opened_at")),
        "can_open_review": is_moderator(request.user) or is_steward_of(request.user, version.license),
    }
    context.update(correction_context(request, version))
    return render(request, "licenses/version_detail.html", context)


@require_GET
def version_text(request: HttpRequest, slug: str, label: str) -> HttpResponse:
    version = selectors.version_for(slug, label)
    response = HttpResponse(version.text, content_type="text/plain; charset=utf-8")
    # A label is free text: keep the file name to safe characters (a line break in a header is a 500).
    filename = re.sub(r"[^A-Za-z0-9._-]+", "_", f"{version.license.slug}-{version.label}") + ".txt"
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


@login_required
def version_create(request: HttpRequest, slug: str) -> HttpResponse:
    license = get_object_or_404(License, slug=slug)
    if not may_add_version(request.user, license):
        raise Http404("No such license.")
    form = NewVersionForm(request.POST or None, request.FILES or None, license=license)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            result = ingest_version(
                license=license,
                text=data["text"],
                label=data["label"],
                source=data["source"],
                previous=data.get("previous"),
                created_by=request.user,
            )
        except IngestError as exc:
            form.add_error(None, str(exc))
        else:
            if result.created:
                messages.success(request, f"Version {result.version.label} added, with its clauses.")
            else:
                messages.info(
                    request, f"This text is identical to version {result.version.label}; here it is."
                )
            return redirect(result.version)
    return render(
        request, "licenses/version_form.html", {"license": license, "form": form, "nav": "licenses"}
    )
