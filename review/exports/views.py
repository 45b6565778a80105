"""Review exports as downloads: Markdown, HTML, JSON and CSV of the review summary.

``?kind=summary`` (the default) is what a committee posts; ``?kind=transcript`` keeps every
comment. ``export.txt`` is the summary as plain text wrapped at 72 columns: what the "Copy for
the mailing list" button puts on the clipboard, and its download when there is no script.
"""

from __future__ import annotations

import re

from django.http import Http404, HttpRequest, HttpResponse
from django.views.decorators.http import require_GET

from config.site import site_base
from review import exports
from review.exports.summary import review_summary
from review.models import Review
from review.selectors import review_for

EXPORT_TYPES = {
    "md": ("text/markdown; charset=utf-8", exports.to_markdown),
    "html": ("text/html; charset=utf-8", exports.to_html),
    "json": ("application/json", exports.to_json),
    "csv": ("text/csv; charset=utf-8", exports.to_csv),
    "txt": ("text/plain; charset=utf-8", exports.to_text),
}

_UNSAFE_FILENAME = re.compile(r"[^A-Za-z0-9._-]+")


def export_filename(review: Review, fmt: str, criterion: str | None, kind: str = "") -> str:
    version = review.version
    parts = [version.license.slug, version.label, f"review-{review.pk}"]
    if kind:
        parts.append(kind)
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
    kind = request.GET.get("kind") or "summary"
    if kind not in exports.KINDS or (fmt == "txt" and kind != "summary"):
        raise Http404("No such kind of export.")
    try:
        summary = review_summary(
            review,
            include_resolved=include_resolved,
            criterion=criterion,
            base_url=site_base(request),
            kind=kind,
        )
    except ValueError:
        raise Http404("No such criterion in this review.") from None
    content_type, render_text = EXPORT_TYPES[fmt]
    response = HttpResponse(render_text(summary), content_type=content_type)
    name = export_filename(review, fmt, criterion, "transcript" if kind == "transcript" else "")
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response
