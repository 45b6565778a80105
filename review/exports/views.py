"""Review exports as downloads: Markdown, HTML, JSON and CSV of the review summary."""

from __future__ import annotations

import re

from django.http import Http404, HttpRequest, HttpResponse
from django.views.decorators.http import require_GET

from review import exports
from review.exports.summary import review_summary, site_base
from review.models import Review
from review.selectors import review_for

EXPORT_TYPES = {
    "md": ("text/markdown; charset=utf-8", exports.to_markdown),
    "html": ("text/html; charset=utf-8", exports.to_html),
    "json": ("application/json", exports.to_json),
    "csv": ("text/csv; charset=utf-8", exports.to_csv),
}

_UNSAFE_FILENAME = re.compile(r"[^A-Za-z0-9._-]+")


def export_filename(review: Review, fmt: str, criterion: str | None) -> str:
    version = review.version
    parts = [version.license.slug, version.label, f"review-{review.pk}"]
    if criterion:
        parts.append(criterion)
    stem = _UNSAFE_FILENAME.sub("_", "-".join(parts)).strip("._") or f"review-{review.pk}"
    return f"{stem}.{fmt}"


@require_GET
def export(request: HttpRequest, pk: int, fmt: str) -> HttpResponse:
    if fmt not in EXPORT_TYPES:
        raise Http404("No such export format.")
    review = review_for(pk, request.user)
    include_resolved = request.GET.get("resolved", "1") != "0"
    criterion = request.GET.get("criterion") or None
    try:
        summary = review_summary(
            review, include_resolved=include_resolved, criterion=criterion, base_url=site_base(request)
        )
    except ValueError:
        raise Http404("No such criterion in this review.") from None
    content_type, render_text = EXPORT_TYPES[fmt]
    response = HttpResponse(render_text(summary), content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{export_filename(review, fmt, criterion)}"'
    return response
