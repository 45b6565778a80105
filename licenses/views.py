from __future__ import annotations

import re

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.cache import cache
from django.core.paginator import Paginator
from django.db.models import Count
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.template.loader import render_to_string
from django.utils.cache import patch_vary_headers
from django.utils.safestring import mark_safe
from django.views.decorators.http import require_GET

from accounts.roles import is_moderator, is_steward_of
from licenses import page_cache, selectors, stamps
from licenses.corrections.views import correction_context
from licenses.forms import NewVersionForm
from licenses.ingest import IngestError, ingest_version
from licenses.models import License
from licenses.rules import may_add_version


@require_GET
def license_list(request: HttpRequest) -> HttpResponse:
    # A visitor's page rests on the catalogue stamp, read first (licenses.page_cache).
    shared = page_cache.shareable(request)
    stamp = stamps.current() if shared else ""
    query = request.GET.get("q", "")[:100]
    osi = request.GET.get("osi", "")
    if osi not in License.OsiStatus.values:
        osi = ""
    template = "licenses/license_list.html"
    # Only the filter form's own requests get the fragment: a history restore (back button after a
    # cache miss) also carries HX-Request and needs the whole page.
    htmx = request.htmx
    fragment = bool(
        htmx and not htmx.boosted and not htmx.history_restore_request and htmx.target in (None, "results")
    )
    etag = None
    if shared:
        etag = page_cache.etag(stamp, request, "results" if fragment else "page")
        if page_cache.matches(request, etag):
            return _vary(page_cache.not_modified(etag))
    # Kept only without a search and for a plain page number: a bounded set of renders.
    raw_page = request.GET.get("page", "1")
    keep = shared and not query.strip() and raw_page.isdigit() and len(raw_page) <= 4
    key = page_cache.catalogue_key(stamp, osi=osi, page=int(raw_page)) if keep else ""
    cached = cache.get_many([key, key + ":total"]) if keep else {}
    results, total = cached.get(key), cached.get(key + ":total")
    if results is None or total is None:
        licenses = selectors.with_spdx_ids(selectors.license_catalogue(query=query, osi=osi))
        page = Paginator(licenses, selectors.PAGE_SIZE).get_page(raw_page)
        total = License.objects.count()
        context = {"page": page, "query": query, "osi": osi}
        results = render_to_string(f"{template}#results", context, request=request)
        if keep and page.number == int(raw_page):
            page_cache.set_fragment(key, results)
            cache.set(key + ":total", total, page_cache.TIMEOUT)
    results = mark_safe(results)  # noqa: S308 - our own template's render (autoescaped)
    if fragment:
        response = HttpResponse(results)
    else:
        context = {
            "results": results,
            "query": query,
            "osi": osi,
            "osi_choices": License.OsiStatus.choices,
            "total": total,
            "nav": "licenses",
        }
        response = render(request, template, context)
    response = _vary(response)
    return page_cache.validated(response, etag) if etag else page_cache.private(response)


def _vary(response: HttpResponse) -> HttpResponse:
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
    # A visitor's page rests on the catalogue stamp, read first (licenses.page_cache), and on the
    # version's public reviews (not licenses writes, so named in the validator and the key): the
    # whole page is kept per stamp and shared. Its parts (the version row, its siblings, its
    # clause list) hold nothing of anyone's and are kept per stamp too, for every reader who is
    # not editing the clauses: signed-in readers get their own page around them.
    shared = page_cache.shareable(request)
    parts = request.GET.get("edit") != "1"
    key, kept, etag, page_key = "", {}, None, ""
    if parts:
        key = page_cache.version_key(stamps.current(), slug, label)
    if shared:
        reviews = selectors.public_reviews(slug, label)
        listed = repr(
            [(r.pk, r.status, r.opened_at.isoformat(), r.criterion_set.short_name) for r in reviews]
        )
        etag = page_cache.etag(key, request, listed)
        if page_cache.matches(request, etag):
            return page_cache.not_modified(etag)
        # Kept whole only at the version's own address (no query string): a bounded set.
        page_key = "" if request.GET else page_cache.page_key("version", request, key, listed)
        whole = page_cache.get_page(request, page_key) if page_key else None
        if whole is not None:
            return page_cache.validated(whole, etag)
    if parts:
        kept = cache.get_many([f"{key}:row", f"{key}:siblings", f"{key}:clauses"])
    version = kept.get(f"{key}:row") or selectors.version_for(slug, label)
    if not shared:
        # Reviews are public records of this text; a small list, one query.
        reviews = list(version.reviews.public().select_related("criterion_set").order_by("-opened_at"))
    clauses, siblings = kept.get(f"{key}:clauses"), kept.get(f"{key}:siblings")
    # Only set_fragment writes the clause list, with a render (autoescaped) of our own template.
    clauses = mark_safe(clauses) if clauses is not None else None  # noqa: S308
    if clauses is None or siblings is None:
        page = selectors.version_page(version, with_clauses=clauses is None)
    else:
        page = selectors.VersionPage(version=version, clauses=[], siblings=siblings)
    context = {
        "page": page,
        "version": version,
        "nav": "licenses",
        "reviews": reviews,
        "can_open_review": is_moderator(request.user) or is_steward_of(request.user, version.license),
    }
    context.update(correction_context(request, version))
    if parts and not context["editing"] and len(kept) < 3:
        if clauses is None:
            clauses = render_to_string("licenses/version_detail.html#clauses", context, request=request)
            page_cache.set_fragment(f"{key}:clauses", clauses)
        cache.set_many({f"{key}:row": version, f"{key}:siblings": page.siblings}, page_cache.TIMEOUT)
    context["clauses"] = clauses
    if not page_key:
        response = render(request, "licenses/version_detail.html", context)
        return page_cache.validated(response, etag) if etag else page_cache.private(response)
    response = render(request, "licenses/version_detail.html", context | page_cache.MARKS)
    return page_cache.validated(page_cache.set_page(request, page_key, response), etag)


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
            if data.get("note"):
                messages.info(request, data["note"])
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
