"""Reads for search: full-text results with filters and visibility, in five queries at most.

``search()`` is the one entry point for both databases; the engine (FTS5 or PostgreSQL) only
matches, ranks and cuts snippets (``search.backends``).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from django.utils.safestring import SafeString, mark_safe

from accounts import roles
from licenses.models import Clause, License
from review.models import Review
from search import backends, snippets, suggest
from search.models import Document
from search.query import Query, parse, to_fts5, to_tsquery

PAGE_SIZE = 20
MAX_PAGE = 50  # deeper pages are not worth the database's time: refine the query instead
GROUPS = {
    "licenses": ("license",),
    "clauses": ("clause",),
    "discussion": ("review", "thread", "comment"),
}
GROUP_LABELS = {"": "Everything", "licenses": "Licenses", "clauses": "Clauses", "discussion": "Discussion"}


@dataclass
class Result:
    kind: str
    title: str
    url: str
    snippet: SafeString
    license: License
    context: str = ""  # "Review of MPL 2.0 (open)", "OSI approved"
    score: float = 0.0
    clause: Clause | None = None  # for clause results


@dataclass
class SearchResults:
    raw: str
    query: Query
    results: list[Result] = field(default_factory=list)
    counts: dict[str, int] = field(default_factory=dict)  # per group, whatever the group filter
    total: int = 0  # in the chosen group
    page: int = 1
    pages: int = 0
    message: str = ""
    suggestion: License | None = None
    # Counting stopped early (a very common word): every count is "at least" (backends.COUNT_SCAN).
    capped: bool = False

    def shown_count(self, group: str) -> str:
        n = self.counts.get(group, 0)
        return f"{n:,}+" if self.capped else f"{n:,}"

    @property
    def has_next(self) -> bool:
        return self.page < self.pages

    @property
    def has_previous(self) -> bool:
        return self.page > 1


def _visibility(user) -> tuple[str, list]:
    """SQL that keeps out what ``user`` may not read: non-public reviews, hidden or deleted comments.

    Both are few, so each is a NOT IN over a small set (the comments through a partial index, see
    backends.INVISIBLE_COMMENTS) rather than a join of every match to its comment and review.
    """
    sql = [f"(d.comment_id IS NULL OR d.comment_id NOT IN ({backends.INVISIBLE_COMMENT_IDS}))"]
    params: list = []
    if not roles.is_moderator(user):
        # The same rule as review.selectors.review_for: public, or opened by this user.
        sql.append(
            "(d.review_id IS NULL OR d.review_id NOT IN (SELECT id FROM review_review "
            "WHERE is_public = %s AND (opened_by_id IS NULL OR opened_by_id <> %s)))"
        )
        params += [False, user.pk if user.is_authenticated else -1]
    return " AND ".join(sql), params


def _filters(*, osi: str, review_status: str) -> tuple[str, list]:
    sql, params = [], []
    if osi:
        sql.append("l.osi_status = %s")
        params.append(osi)
    if review_status:  # only discussion belongs to a review
        sql.append("r.status = %s")
        params.append(review_status)
    return " AND ".join(sql) or "1 = 1", params


def search(
    raw: str, *, user, group: str = "", osi: str = "", review_status: str = "", page: int = 1
) -> SearchResults:
    query = parse(raw)
    out = SearchResults(raw=raw, query=query, page=max(1, min(page, MAX_PAGE)))
    if query.shortened:
        out.message = "Your query was long, so only its first words were used."
    if query.is_empty:
        if raw.strip():
            out.message = "Type a word to look for: a name, an SPDX id, a phrase in quotes, or a word with *."
        return out
    engine = backends.engine()
    match = to_tsquery(query) if engine.vendor == "postgresql" else to_fts5(query)
    visible, vparams = _visibility(user)
    filters, fparams = _filters(osi=osi, review_status=review_status)
    where, params = f"{visible} AND {filters}", vparams + fparams

    out.counts, out.capped = engine.counts(match, where, params, GROUPS)
    out.counts[""] = sum(out.counts.values())
    out.total = out.counts.get(group, out.counts[""])
    # An "at least" count may hide more pages: offer one more than it fills (an empty page past
    # the last match is harmless), up to MAX_PAGE.
    out.pages = min(MAX_PAGE, -(-out.total // PAGE_SIZE) + (1 if out.capped else 0))
    if out.total == 0 and not out.capped:
        _suggest(out)
        return out
    hits = engine.hits(
        match, where, params, kinds=GROUPS.get(group, ()), limit=PAGE_SIZE, offset=(out.page - 1) * PAGE_SIZE
    )
    cuts = engine.snippets(match, [h.doc_id for h in hits])
    docs = (
        Document.objects.select_related(
            "license",
            "clause__version__license",
            "review__version__license",
            "thread__clause",
            "comment__author__profile",
            "comment__thread__clause",
        )
        # A version's whole text (tens of KB) is not shown on a results page.
        .defer("clause__version__text", "review__version__text")
        .in_bulk([h.doc_id for h in hits])
    )
    out.results = [_result(docs[h.doc_id], cuts.get(h.doc_id, ""), h.score) for h in hits if h.doc_id in docs]
    return out


def _suggest(out: SearchResults) -> None:
    licenses = list(License.objects.only("pk", "name", "spdx_id", "slug"))
    names = [f"{lic.name} {lic.spdx_id or ''}".strip() for lic in licenses]
    found = suggest.nearest(" ".join(out.query.words()), names)
    if found is not None:
        out.suggestion = licenses[found]


def _snippet(cut: str, fallback: str) -> SafeString:
    html = snippets.to_html(cut) if cut and snippets.START in cut else snippets.lead(cut or fallback)
    return mark_safe(html)  # noqa: S308 - escaped by snippets.to_html / lead


def _result(doc: Document, cut: str, score: float) -> Result:
    kind = doc.kind
    if kind == Document.Kind.LICENSE:
        lic = doc.license
        bits = [lic.spdx_id or "", lic.get_osi_status_display()]
        return Result(
            kind=kind,
            title=lic.name,
            url=lic.get_absolute_url(),
            snippet=_snippet("", lic.description),
            license=lic,
            context=" · ".join(b for b in bits if b),
            score=score,
        )
    if kind == Document.Kind.CLAUSE:
        clause = doc.clause
        version = clause.version
        return Result(
            kind=kind,
            title=f"{version.title}, {clause.path} {clause.heading}".strip(),
            url=clause.get_absolute_url(),
            snippet=_snippet(cut, clause.text),
            license=version.license,
            context=version.license.get_osi_status_display(),
            score=score,
            clause=clause,
        )
    review: Review = doc.review
    where = f"Review of {review.version.title} ({review.get_status_display().lower()})"
    if kind == Document.Kind.REVIEW:
        return Result(
            kind,
            "Review record and decision",
            review.get_absolute_url(),
            _snippet(cut, doc.body),
            review.version.license,
            where,
            score,
        )
    if kind == Document.Kind.THREAD:
        thread = doc.thread
        on = f"on {thread.clause.path}" if thread.clause_id else "on the review"
        return Result(
            kind,
            f"Thread {on}",
            thread.get_absolute_url(),
            _snippet(cut, doc.body),
            review.version.license,
            where,
            score,
        )
    comment = doc.comment
    clause = comment.thread.clause
    on = f" on {clause.path}" if clause is not None else ""
    return Result(
        kind=kind,
        title=f"{comment.get_stance_display()} by {comment.author_display}{on}",
        url=f"{review.get_absolute_url()}#{comment.dom_id}",
        snippet=_snippet(cut, doc.body),
        license=review.version.license,
        context=where,
        score=score,
    )
