"""Reads for the compare page: resolve version refs, align two versions' clauses, cache the result.

The alignment itself is the pure :func:`licenses.text.comparison.compare`; this module turns
stored :class:`Clause` rows back into :class:`Segment` values, runs it, and shapes the
pairs into rows (:mod:`licenses.compare.rows`) a template can show without further logic.
Two caches sit in front:

- the rows (plain data) by the two text hashes, the segmenter versions,
  ``ALGORITHM_VERSION`` and the hand links (:mod:`licenses.compare.links`), so switching
  views never re-aligns and a new link is never hidden behind a cached alignment;
- the rendered rows fragment by the same, plus the refs (they are in the links),
  the view and the "changes only" toggle. A warm page costs three queries (the two
  versions and the hand links).
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass

from django.core.cache import cache
from django.db.models import Q
from django.template.loader import render_to_string
from django.utils.safestring import SafeString, mark_safe

from config.release import FINGERPRINT

# Row, Side and the rest stay importable from here: cached Comparison values pickled before
# the rows moved to compare_rows name these classes by this module.
from licenses.compare.links import Links, links_for
from licenses.compare.rows import CHANGE_KINDS as CHANGE_KINDS
from licenses.compare.rows import Comparison, build_rows, changes_only_rows, page_summary
from licenses.compare.rows import Gap as Gap
from licenses.compare.rows import Row as Row
from licenses.compare.rows import Side as Side
from licenses.models import Clause, License, LicenseVersion
from licenses.text.comparison import ALGORITHM_VERSION, compare
from licenses.text.segmentation import Segment

# Bump when the rows fragment's markup changes, so cached HTML is not served stale.
TEMPLATE_VERSION = "1"
# Bump when the pickled classes move or change shape: comparisons are cached as pickles,
# and an old pickle names modules that no longer exist (2: the licenses.text layout).
PICKLE_VERSION = "2"
CACHE_SECONDS = 60 * 60 * 24
VIEWS = ("side", "inline")
SUGGESTION_LIMIT = 12
PICKER_LIMIT = 300


class RefError(ValueError):
    """A ref that names no version; ``suggestions`` are versions the user may have meant."""

    def __init__(self, ref: str, message: str, suggestions: list[LicenseVersion] | None = None) -> None:
        super().__init__(message)
        self.ref = ref
        self.message = message
        self.suggestions = suggestions or []


def _versions() -> object:
    return LicenseVersion.objects.select_related("license").only(
        "label",
        "text_hash",
        "segmenter",
        "corrected",
        "created_at",
        "license__slug",
        "license__name",
        "license__spdx_id",
    )


def resolve_ref(ref: str) -> LicenseVersion:
    """The version a compare ref names, or :class:`RefError`.

    ``slug@label`` is exact. Without ``@``, a license slug or SPDX id
    (any case) names that license's latest version, so ``?b=apache-2.0``
    or ``?b=MPL-2.0`` work when typed by hand. One query when exact.
    """
    ref = ref.strip()[:200]
    if not ref:
        raise RefError(ref, "Choose a version.")
    slug, at, label = ref.partition("@")
    if at:
        version = _versions().filter(license__slug=slug.strip(), label=label.strip()).first()
        if version is not None:
            return version
    else:
        license = License.objects.filter(Q(slug__iexact=ref) | Q(spdx_id__iexact=ref)).first()
        if license is not None:
            version = _versions().filter(license=license).order_by("-created_at", "-pk").first()
            if version is not None:
                return version
        # "mpl-2.0" or "MPL-2.0" for the version "2.0" of the license "mpl"
        stem, dash, label = ref.rpartition("-")
        if dash:
            version = _versions().filter(license__slug__iexact=stem, label=label).first()
            if version is not None:
                return version
    query = slug if at else ref
    suggestions = search_versions(query) or search_versions(query.split("-")[0])
    raise RefError(ref, f"No license version matches “{ref}”.", suggestions)


def search_versions(query: str, *, limit: int = SUGGESTION_LIMIT) -> list[LicenseVersion]:
    """Versions whose license name, SPDX id or slug contains ``query`` (one query)."""
    query = query.strip()[:100]
    qs = _versions().order_by("license__name", "created_at", "pk")
    if query:
        qs = qs.filter(
            Q(license__name__icontains=query)
            | Q(license__spdx_id__icontains=query)
            | Q(license__slug__icontains=query)
            | Q(label__iexact=query)
        )
    return list(qs[:limit])


def picker_versions(near: LicenseVersion | None = None) -> list[LicenseVersion]:
    """Every version, for the list of links under the picker (the way to choose without
    JavaScript, so none may be left out): the same license's versions first, then the rest
    by name. The pickers' <datalist>s take the first ``PICKER_LIMIT`` of them."""
    versions = list(_versions().order_by("license__name", "created_at", "pk"))
    if near is not None:
        versions.sort(key=lambda v: v.license_id != near.license_id)
    return versions


def segments_for(version: LicenseVersion) -> list[Segment]:
    """The stored clauses of ``version`` as segments, in order (one query)."""
    rows = list(
        Clause.objects.filter(version=version)
        .order_by("ordinal")
        .values_list("pk", "parent_id", "label", "path", "anchor", "heading", "text", "start", "end", "depth")
    )
    index = {row[0]: i for i, row in enumerate(rows)}
    return [
        Segment(
            label=label,
            path=path,
            anchor=anchor,
            heading=heading,
            text=text,
            start=start,
            end=end,
            depth=depth,
            parent=index.get(parent_id),
        )
        for _pk, parent_id, label, path, anchor, heading, text, start, end, depth in rows
    ]


def segments_from_clauses(clauses: list[Clause]) -> list[Segment]:
    """Clause rows (already loaded, in order) as segments; parents become list indexes."""
    index = {c.pk: i for i, c in enumerate(clauses)}
    return [
        Segment(
            label=c.label,
            path=c.path,
            anchor=c.anchor,
            heading=c.heading,
            text=c.text,
            start=c.start,
            end=c.end,
            depth=c.depth,
            parent=index.get(c.parent_id),
        )
        for c in clauses
    ]


def _key(*parts: str) -> str:
    # The release is in every key: a deploy with a changed row template or pickled shape never
    # reads what the release before it stored (config.release).
    return f"cmp{PICKLE_VERSION}:" + hashlib.sha256("\0".join((FINGERPRINT, *parts)).encode()).hexdigest()


def clause_state(version: LicenseVersion) -> str:
    """What, besides the text, decides a version's clauses: its hand corrections.

    Uncorrected versions cost no query. A corrected one is keyed by its latest
    correction (undos are corrections too), so a split or merge is never hidden
    behind a cached comparison of the old clauses.
    """
    if not version.corrected:
        return "segmented"
    latest = version.corrections.order_by("-pk").values_list("pk", flat=True).first()
    return f"corrected-{latest}"


def _content_parts(a: LicenseVersion, b: LicenseVersion, links: Links) -> tuple[str, ...]:
    """What decides the aligned rows: the algorithm, both texts, their clause states, the hand links."""
    return (
        ALGORITHM_VERSION,
        TEMPLATE_VERSION,
        a.text_hash,
        a.segmenter,
        clause_state(a),
        b.text_hash,
        b.segmenter,
        clause_state(b),
        links.state,
    )


def comparison(
    a: LicenseVersion,
    b: LicenseVersion,
    *,
    parts: tuple[str, ...] | None = None,
    links: Links | None = None,
) -> Comparison:
    """The aligned rows of ``a`` -> ``b``; cached by both texts, the algorithm and the hand links."""
    links = links if links is not None else links_for(a, b)
    key = _key("rows", *(parts or _content_parts(a, b, links)))
    cached = cache.get(key)
    if cached is not None:
        return cached
    segs_a = segments_for(a)
    segs_b = segs_a if a.pk == b.pk else segments_for(b)
    pairs = compare(segs_a, segs_b, links=links.links, unlinks=links.unlinks)
    result = Comparison(
        rows=build_rows(pairs, segs_a),
        summary=page_summary(pairs),
        identical=all(p.kind == "unchanged" for p in pairs),
    )
    cache.set(key, result, CACHE_SECONDS)
    return result


@dataclass
class ComparePage:
    a: LicenseVersion
    b: LicenseVersion
    view: str
    changes_only: bool
    summary: dict
    identical: bool
    rows_html: SafeString
    comparison: Comparison
    links: Links


def side_names(a: LicenseVersion, b: LicenseVersion) -> dict[str, str]:
    """How the page names each side in its rows ("Not in 2.0", "drawn from 3.1 of 1.1"): the
    version label between versions of one license, the license's name between two licenses,
    where a bare label such as "1" would say nothing."""
    if a.license_id == b.license_id:
        return {"a_name": a.label, "b_name": b.label}
    return {"a_name": a.license.name, "b_name": b.license.name}


def compare_page(a: LicenseVersion, b: LicenseVersion, *, view: str, changes_only: bool) -> ComparePage:
    """Summary and the rendered rows for the page; the rows HTML is cached per refs, view and toggle."""
    view = view if view in VIEWS else "side"
    links = links_for(a, b)
    parts = _content_parts(a, b, links)  # once: clause_state costs a query for a corrected version
    key = _key("html", *parts, a.ref, b.ref, view, str(changes_only))
    data = comparison(a, b, parts=parts, links=links)
    html = cache.get(key)
    if html is None:
        rows = data.rows
        if changes_only:
            rows = changes_only_rows(rows)
        html = render_to_string(
            "licenses/compare.html#rows",
            {
                "rows": rows,
                "view": view,
                "a": a,
                "b": b,
                "a_url": a.get_absolute_url(),
                "b_url": b.get_absolute_url(),
                "changes_only": changes_only,
            }
            | side_names(a, b),
        )
        cache.set(key, html, CACHE_SECONDS)
    return ComparePage(
        a=a,
        b=b,
        view=view,
        changes_only=changes_only,
        summary=data.summary,
        identical=data.identical,
        rows_html=mark_safe(html),  # noqa: S308 - our own template's output, autoescaped
        comparison=data,
        links=links,
    )
