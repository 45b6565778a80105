"""Reads for the catalogue endpoints: licenses, versions with their clauses, comparisons, criteria.

Each returns plain dicts in the shapes of api.schemas, in a fixed number of queries. The site's
own selectors decide what exists (``license_catalogue``, ``version_for``, ``resolve_ref``), so
the API and the pages agree on filters and 404s.
"""

from __future__ import annotations

import hashlib
from urllib.parse import urlencode

from django.core.cache import cache
from django.db.models import Prefetch
from django.http import HttpRequest
from django.urls import reverse

from api.pagination import paginate
from licenses import selectors as license_selectors
from licenses.compare.links import links_for
from licenses.compare.selectors import clause_state, segments_for
from licenses.models import Clause, CriterionSet, License, LicenseVersion
from licenses.text.comparison import ALGORITHM_VERSION, compare, summary
from licenses.text.segmentation import Segment

COMPARE_CACHE_SECONDS = 60 * 60 * 24
# Bump when the cached pair dicts change shape.
COMPARE_CACHE_VERSION = "3"


def _abs(request: HttpRequest, path: str) -> str:
    return request.build_absolute_uri(path)


def license_url(request: HttpRequest, slug: str) -> str:
    return _abs(request, reverse("api:license", args=[slug]))


def version_url(request: HttpRequest, slug: str, label: str) -> str:
    return _abs(request, reverse("api:version", args=[slug, label]))


def license_ref(request: HttpRequest, license: License) -> dict:
    return {
        "slug": license.slug,
        "name": license.name,
        "spdx_id": license.spdx_id,
        "url": license_url(request, license.slug),
    }


def _license_fields(request: HttpRequest, license: License) -> dict:
    return {
        "slug": license.slug,
        "name": license.name,
        "spdx_id": license.spdx_id,
        "osi_status": license.osi_status,
        "osi_approved": license.osi_status == License.OsiStatus.APPROVED,
        "fsf_libre": license.fsf_libre,
        "deprecated": license.deprecated,
        "url": license_url(request, license.slug),
        "html_url": _abs(request, license.get_absolute_url()),
    }


def _versions_in_order():
    return LicenseVersion.objects.only("label", "license_id", "created_at", "previous_id").order_by(
        "created_at", "pk"
    )


def license_page(request: HttpRequest, *, search: str, osi: str, page: int, page_size: int) -> dict:
    """A page of the catalogue, filtered as the catalogue page filters: three queries."""
    licenses = license_selectors.license_catalogue(query=search[:200], osi=osi).prefetch_related(
        Prefetch("versions", queryset=_versions_in_order(), to_attr="ordered_versions")
    )
    paged = paginate(request, licenses, page=page, page_size=page_size)
    return {
        "count": paged.count,
        "next": paged.next,
        "previous": paged.previous,
        "results": [
            {**_license_fields(request, lic), "versions": [v.label for v in lic.ordered_versions]}
            for lic in paged.rows
        ],
    }


def license_detail(request: HttpRequest, slug: str) -> dict | None:
    """One license with its versions (two queries), or None."""
    license = License.objects.filter(slug=slug).first()
    if license is None:
        return None
    versions = list(_versions_in_order().filter(license=license))
    labels = {v.pk: v.label for v in versions}
    return {
        **_license_fields(request, license),
        "steward": license.steward,
        "description": license.description,
        "versions": [
            {
                "label": v.label,
                "previous": labels.get(v.previous_id),
                "created_at": v.created_at,
                "url": version_url(request, slug, v.label),
                "html_url": _abs(request, reverse("licenses:version-detail", args=[slug, v.label])),
            }
            for v in versions
        ],
    }


def version_detail(request: HttpRequest, slug: str, label: str) -> dict:
    """A version with its clauses in order: two queries (404 when there is no such version)."""
    version = license_selectors.version_for(slug, label)
    license = version.license
    clauses = list(
        Clause.objects.filter(version=version)
        .order_by("ordinal")
        .values_list("pk", "parent_id", "label", "path", "anchor", "heading", "text", "start", "end", "depth")
    )
    anchors = {row[0]: row[4] for row in clauses}
    page = _abs(request, version.get_absolute_url())
    return {
        "license": license_ref(request, license),
        "label": version.label,
        "title": version.title,
        "ref": version.ref,
        "previous": version.previous.label if version.previous_id else None,
        "source": version.source,
        "text_hash": version.text_hash,
        "corrected": version.corrected,
        "created_at": version.created_at,
        "url": version_url(request, slug, label),
        "html_url": page,
        "text_url": _abs(request, reverse("licenses:version-text", args=[slug, label])),
        "clauses": [
            {
                "path": path,
                "label": clause_label,
                "anchor": anchor,
                "heading": heading,
                "text": text,
                "depth": depth,
                "parent": anchors.get(parent_id),
                "start": start,
                "end": end,
                "permalink": f"{page}#c-{anchor}",
            }
            for _pk, parent_id, clause_label, path, anchor, heading, text, start, end, depth in clauses
        ],
    }


# --- compare --------------------------------------------------------------------------------------


def _side(seg: Segment) -> dict:
    return {"path": seg.path, "anchor": seg.anchor, "heading": seg.heading}


def _linked(segments, by_meaning: frozenset[str]) -> list[dict]:
    return [_side(s) | {"by_meaning": s.path in by_meaning} for s in segments]


def _also_from(p) -> list[dict]:
    """Old clauses, besides ``a``, that this row's new clause(s) draw words from (or were
    reworded from): an added clause's source first, then the secondary links."""
    first = [p.also] if p.kind == "added" and p.also is not None else []
    return _linked([*first, *p.more_from], p.meaning_from)


def _also_into(p) -> list[dict]:
    first = [p.also] if p.kind == "removed" and p.also is not None else []
    return _linked([*first, *p.more_into], p.meaning_into)


def _pairs(a: LicenseVersion, b: LicenseVersion) -> tuple[list[dict], dict]:
    """The aligned pairs of ``a`` -> ``b`` as plain data, cached by what decides them: the
    texts, their hand corrections and the hand links between them (as on the compare page)."""
    links = links_for(a, b)
    parts = (
        COMPARE_CACHE_VERSION,
        ALGORITHM_VERSION,
        a.text_hash,
        a.segmenter,
        clause_state(a),
        b.text_hash,
        b.segmenter,
        clause_state(b),
        links.state,
    )
    key = "api:cmp:" + hashlib.sha256("\0".join(parts).encode()).hexdigest()
    cached = cache.get(key)
    if cached is not None:
        return cached
    segs_a = segments_for(a)
    segs_b = segs_a if a.pk == b.pk else segments_for(b)
    pairs = compare(segs_a, segs_b, links=links.links, unlinks=links.unlinks)
    result = (
        [
            {
                "kind": p.kind,
                "a": [_side(s) for s in p.a_segments],
                "b": [_side(s) for s in p.b_segments],
                "similarity": round(p.similarity, 4),
                "renumbered": p.renumbered,
                "typography": getattr(p, "typography", False),
                "coarse": getattr(p, "coarse", False),
                "manual": p.manual,
                "also_from": _also_from(p),
                "also_into": _also_into(p),
                "redline": [[op, text] for op, text in p.redline],
            }
            for p in pairs
        ],
        summary(pairs),
    )
    cache.set(key, result, COMPARE_CACHE_SECONDS)
    return result


def _version_ref(request: HttpRequest, v: LicenseVersion) -> dict:
    return {
        "ref": v.ref,
        "license": v.license.slug,
        "label": v.label,
        "url": version_url(request, v.license.slug, v.label),
    }


def comparison(request: HttpRequest, a: LicenseVersion, b: LicenseVersion, *, changes_only: bool) -> dict:
    pairs, counts = _pairs(a, b)
    html = f"{reverse('licenses:compare')}?{urlencode({'a': a.ref, 'b': b.ref}, safe='@')}"
    return {
        "a": _version_ref(request, a),
        "b": _version_ref(request, b),
        "identical": all(p["kind"] == "unchanged" for p in pairs),
        "summary": counts,
        "html_url": _abs(request, html),
        "pairs": [p for p in pairs if p["kind"] != "unchanged"] if changes_only else pairs,
    }


# --- criteria -------------------------------------------------------------------------------------


def criterion_sets() -> list[dict]:
    """Every criterion set with its items: two queries."""
    sets = CriterionSet.objects.order_by("pk").prefetch_related("criteria")
    return [
        {
            "slug": s.slug,
            "name": s.name,
            "short_name": s.short_name,
            "version": s.version,
            "source_url": s.source_url,
            "description": s.description,
            "criteria": [
                {
                    "number": c.number,
                    "key": c.key,
                    "title": c.title,
                    "summary": c.summary,
                    "official_text": c.official_text,
                }
                for c in sorted(s.criteria.all(), key=lambda c: c.number)
            ],
        }
        for s in sets
    ]
