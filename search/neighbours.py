"""Reads for "similar clauses" and "closest licenses", from the signatures stored at import time.

The signature matrices are read once per process and kept while the index is unchanged (a cheap
aggregate over the signature table tells); a candidate list from MinHash is then scored exactly
on the clause texts, so what people see is never an estimate.
"""

from __future__ import annotations

import re
import threading
from dataclasses import dataclass, field

import numpy as np
from django.db import connection
from rapidfuzz import fuzz

from licenses.models import Clause, LicenseVersion
from licenses.text.redline import Piece, normalise, redline
from search import similarity
from search.models import ClauseSignature, Generation, VersionSignature

CANDIDATES = 25
SHOWN = 5
MIN_RESEMBLANCE = 0.2
RERANK = 4  # closest licenses scored exactly (whole texts: the costly part)  # below this a clause is not "like" another in any useful sense

_cache: dict[tuple[str, str], tuple[tuple, object]] = {}
_lock = threading.Lock()


@dataclass
class _Matrix:
    ids: np.ndarray  # clause or version ids
    licenses: np.ndarray  # their license ids
    signatures: np.ndarray  # (n x NUM_PERM)


def _load(kind: str) -> _Matrix:
    model = ClauseSignature if kind == "clause" else VersionSignature
    pk = "clause_id" if kind == "clause" else "version_id"
    qs = model.objects.all()
    stamp = Generation.current(kind)
    key = (f"{connection.alias}:{connection.settings_dict.get('NAME', '')}", kind)
    with _lock:
        cached = _cache.get(key)
        if cached and cached[0] == stamp:
            return cached[1]
    rows = list(qs.order_by(pk).values_list(pk, "version__license_id", "signature"))
    matrix = _Matrix(
        ids=np.array([r[0] for r in rows], dtype=np.int64),
        licenses=np.array([r[1] for r in rows], dtype=np.int64),
        signatures=similarity.stack([r[2] for r in rows]),
    )
    with _lock:
        _cache[key] = (stamp, matrix)
    return matrix


# --- similar clauses ----------------------------------------------------------------------------


@dataclass
class SimilarClause:
    clause: Clause
    resemblance: float
    redline: list[Piece]
    same_wording: list[Clause] = field(default_factory=list)  # other licenses with this exact text

    @property
    def percent(self) -> int:
        return round(self.resemblance * 100)


def _clause_text(clause: Clause) -> str:
    return f"{clause.heading}\n{clause.text}" if clause.heading else clause.text


def similar_clauses(clause: Clause, *, limit: int = SHOWN) -> list[SimilarClause]:
    """The clauses of other licenses closest to ``clause``, best first, identical wordings grouped."""
    text = _clause_text(clause)
    sig, n = similarity.signature(text)
    if n == 0:
        return []
    matrix = _load("clause")
    license_id = clause.version.license_id
    scores = similarity.estimate(sig, matrix.signatures)
    scores[matrix.licenses == license_id] = -1.0
    picks = [i for i in similarity.top(scores, CANDIDATES) if scores[i] > 0]
    if not picks:
        return []
    rows = Clause.objects.select_related("version__license").in_bulk([int(matrix.ids[i]) for i in picks])
    scored = []
    for other in rows.values():
        if other.version.license_id == license_id:
            continue
        score = similarity.resemblance(text, _clause_text(other))
        if score >= MIN_RESEMBLANCE:
            scored.append((score, other))
    scored.sort(key=lambda s: (-s[0], s[1].version.license.name, s[1].pk))
    out: list[SimilarClause] = []
    by_wording: dict[str, SimilarClause] = {}
    mine = normalise(clause.text)
    for score, other in scored:
        wording = normalise(other.text)
        if wording in by_wording:
            by_wording[wording].same_wording.append(other)
            continue
        if len(out) == limit:
            continue
        item = SimilarClause(clause=other, resemblance=score, redline=redline(mine, wording))
        by_wording[wording] = item
        out.append(item)
    return out


# --- closest licenses ---------------------------------------------------------------------------


@dataclass
class Closest:
    version: LicenseVersion
    resemblance: float
    estimate: float

    @property
    def percent(self) -> int:
        return round(self.resemblance * 100)


def _family(spdx_id: str) -> str:
    """``GFDL-1.3-or-later`` -> ``GFDL-1.3``: the id without its -only / -or-later / + suffix."""
    return re.sub(r"(-only|-or-later|\+)$", "", spdx_id)


def closest_versions(
    text: str, *, limit: int = SHOWN, exclude: LicenseVersion | None = None
) -> list[Closest]:
    """The catalogue versions whose text is closest to ``text``, best first."""
    sig, n = similarity.signature(text)
    if n == 0:
        return []
    matrix = _load("version")
    scores = similarity.estimate(sig, matrix.signatures)
    if exclude is not None:
        scores[matrix.ids == exclude.pk] = -1.0
    picks = [i for i in similarity.top(scores, limit + RERANK) if scores[i] > 0]
    versions = LicenseVersion.objects.select_related("license").in_bulk([int(matrix.ids[i]) for i in picks])
    words = similarity.words(text)
    ranked = []
    for rank, i in enumerate(picks):
        version = versions.get(int(matrix.ids[i]))
        if version is None:
            continue
        # The estimate is within a few points of the truth; score the leaders exactly.
        exact = (
            similarity.resemblance_words(words, similarity.words(version.text))
            if rank < RERANK
            else float(scores[i])
        )
        ranked.append(Closest(version=version, resemblance=exact, estimate=float(scores[i])))
    # Deprecated SPDX ids ("GPL-2.0", "GPL-2.0+") repeat a current license's text word for word;
    # on a tie the current id ranks first.
    # When the text is a stored version, the one named most like it wins a tie (for GFDL-1.3-or-later,
    # GFDL-1.3-only before GFDL-1.3-invariants-or-later: the same words, another family member).
    own = _family(exclude.license.spdx_id or exclude.license.name) if exclude is not None else ""
    ranked.sort(
        key=lambda c: (
            -round(c.resemblance, 4),
            c.version.license.deprecated,
            -fuzz.ratio(own, _family(c.version.license.spdx_id or c.version.license.name)) if own else 0,
            c.version.license.name,
        )
    )
    return ranked[:limit]


# --- the report on a pasted text or a version ---------------------------------------------------


@dataclass
class ClosestReport:
    closest: list[Closest]
    rows: list = field(default_factory=list)  # changed rows of the comparison with the top one
    counts: dict = field(default_factory=dict)
    identical: bool = False

    @property
    def top(self) -> Closest | None:
        return self.closest[0] if self.closest else None

    @property
    def headline(self) -> str:
        """ "This looks like Mozilla Public License 2.0 with 3 clauses changed." """
        top = self.top
        if top is None:
            return "No license in the catalogue is close to this text."
        if self.identical:
            return f"This is {top.version.title}, word for word."
        c = self.counts
        parts = []
        changed = c.get("changed", 0) + c.get("split", 0) + c.get("merged", 0)
        for n, word in ((changed, "changed"), (c.get("added", 0), "added"), (c.get("removed", 0), "removed")):
            if n:
                parts.append(f"{n} clause{'s' if n != 1 else ''} {word}")
        if c.get("moved"):
            parts.append(f"{c['moved']} moved")
        detail = ", ".join(parts) if parts else "the same clauses, worded a little differently"
        likeness = "looks like" if top.resemblance >= 0.5 else "is closest to"
        return f"This {likeness} {top.version.title} ({top.percent}% of its words in order), with {detail}."


def closest_report(text: str, *, exclude: LicenseVersion | None = None, segments=None) -> ClosestReport:
    """The closest catalogue licenses to ``text`` and a clause-aligned comparison with the first."""
    from licenses.compare.rows import build_rows, page_summary
    from licenses.compare.selectors import segments_for
    from licenses.text.comparison import compare
    from licenses.text.segmentation import segment

    closest = closest_versions(text, exclude=exclude)
    report = ClosestReport(closest=closest)
    if not closest:
        return report
    top = closest[0].version
    base = segments_for(top)
    pairs = compare(base, segments if segments is not None else segment(text))
    report.identical = all(p.kind == "unchanged" for p in pairs)
    report.counts = page_summary(pairs)["counts"]
    report.rows = [row for row in build_rows(pairs, base) if row.is_change and not row.is_stub]
    return report
