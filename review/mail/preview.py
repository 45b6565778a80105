"""Preview a mail import into a review (a selector): what importing a thread would do.

``preview_import`` parses the raw thread with the pure parser (review.mail.parse), matches each
message's clause references against the clauses of the version under review, suggests a
stance and marks the messages the review already holds. It runs two queries whatever the
number of messages: the version's clauses, and the review's imported Message-IDs and
fingerprints.

A message is "already imported" when its Message-ID or its fingerprint (hash of author, date
and words) is on any mail comment of this review, deleted or hidden ones included: a moderator
who removed an imported message does not want it back on the next import. The import itself
(review.mail.services) applies the same test.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

from django.db.models import Case, Q, QuerySet, When

from licenses.models import Clause
from review.mail.parse import MailFormatError, Message, parse_thread, parse_thread_bytes
from review.mail.refs import ClauseIndex
from review.mail.stance import confident_stance, suggest_stance
from review.markup import MAX_COMMENT_LENGTH
from review.models import Comment, Review, Stance

MAX_IMPORT_BYTES = 5 * 1024 * 1024
# A suggestion under this confidence is listed but not preselected.
PRESELECT_CONFIDENCE = 0.2
UNSURE_CONFIDENCE = 0.5
MESSAGE_ID_LENGTH = Comment._meta.get_field("message_id").max_length


@dataclass(frozen=True)
class ClauseOption:
    id: int
    path: str
    label: str  # path and a short heading or excerpt, for the <select>


@dataclass(frozen=True)
class Suggestion:
    clause_id: int
    path: str
    confidence: float
    kind: str  # "exact" | "near" | "parent" | "quote"
    ref: str
    label: str = ""  # as in ClauseOption

    @property
    def percent(self) -> int:
        return round(self.confidence * 100)

    @property
    def unsure(self) -> bool:
        return self.confidence < UNSURE_CONFIDENCE


@dataclass
class PreviewItem:
    index: int
    message: Message
    author: str
    email: str
    date: datetime | None
    date_zone_guessed: bool
    subject: str
    body: str
    suggestions: list[Suggestion]
    clause_id: int | None  # preselected: the best suggestion, or None for the general thread
    stance: str
    already_imported: bool
    fingerprint: str
    over_limit: int = 0  # characters that will be cut off
    chosen_label: str = ""  # set when the chosen clause is not among the suggestions
    reply_to: int | None = None  # index of the message this one answers
    inherited: bool = False  # the clause comes from the message it answers
    stance_guess: str = ""  # what the guesser said, even when it was not sure enough to preselect
    # A choice the moderator typed that did not validate: shown again as typed, and marked
    typed_date: str | None = None
    invalid: set[str] = field(default_factory=set)

    @property
    def date_text(self) -> str:
        from review.mail.forms import format_mail_date

        return format_mail_date(self.date)

    @property
    def date_input(self) -> str:
        """What the Sent field holds: the date as typed when it did not parse."""
        return self.typed_date if self.typed_date is not None else self.date_text

    @property
    def importable(self) -> bool:
        return bool(self.body.strip()) and not self.already_imported


@dataclass
class ImportPreview:
    items: list[PreviewItem]
    clauses: list[ClauseOption]
    stances: list[tuple[str, str]] = field(default_factory=lambda: list(Stance.choices))

    @property
    def already_count(self) -> int:
        return sum(1 for item in self.items if item.already_imported)

    @property
    def new_count(self) -> int:
        return sum(1 for item in self.items if item.importable)


def _option_label(clause: Clause, base_version_id: int) -> str:
    words = " ".join((clause.heading or clause.text).split())
    if len(words) > 40:
        words = words[:39].rstrip() + "…"
    path = clause.path
    if clause.version_id != base_version_id:
        path = f"{path} ({clause.version.license.name} only)"
    return f"{path} · {words}" if words else path


def importable_clauses(review: Review) -> QuerySet[Clause]:
    """The clauses a message may land on: the version under review's, and in a family review
    also the clauses of other members that the base member lacks (a message about a clause
    only the NC licenses have lands there; one about a shared clause lands on the base's,
    which shows on every sibling). One query."""
    base = review.version_id
    member_only = (
        Clause.objects.filter(version__family_reviews__review=review)
        .exclude(version_id=base)
        .exclude(group_entries__group__entries__version_id=base)
    )
    return (
        Clause.objects.filter(Q(version_id=base) | Q(pk__in=member_only.values("pk")))
        .select_related("version__license")
        .annotate(is_base=Case(When(version_id=base, then=0), default=1))
        .order_by("is_base", "version_id", "ordinal", "pk")
    )


def existing_keys(review: Review) -> tuple[set[str], set[str]]:
    """Message-IDs and fingerprints of the mail already in the review: one query."""
    ids: set[str] = set()
    fingerprints: set[str] = set()
    rows = Comment.objects.filter(thread__review=review, source=Comment.Source.MAIL).values_list(
        "message_id", "mail_fingerprint"
    )
    for message_id, fingerprint in rows:
        if message_id:
            ids.add(message_id)
        if fingerprint:
            fingerprints.add(fingerprint)
    return ids, fingerprints


def message_id_of(msg: Message) -> str:
    return (msg.message_id or "")[:MESSAGE_ID_LENGTH]


def is_known(msg: Message, ids: set[str], fingerprints: set[str], fingerprint: str | None = None) -> bool:
    mid = message_id_of(msg)
    return bool(mid and mid in ids) or (fingerprint or msg.fingerprint) in fingerprints


def parse_raw(raw: str | bytes) -> list[Message]:
    """The messages of a pasted (str) or uploaded (bytes) thread; MailFormatError for bad input."""
    size = len(raw.encode("utf-8", "surrogatepass")) if isinstance(raw, str) else len(raw)
    if size > MAX_IMPORT_BYTES:
        raise MailFormatError(
            f"This is {size / 1024 / 1024:.1f} MiB; the limit is 5 MiB. "
            "Split the archive into smaller files (for example one month each)."
        )
    messages = (
        parse_thread(raw) if isinstance(raw, str) else parse_thread_bytes(raw, max_unpacked=MAX_IMPORT_BYTES)
    )
    if not messages:
        raise MailFormatError(
            "No messages found: the text is empty. Paste a thread, or upload a .eml, .mbox, .html or .txt file."
        )
    return messages


def preview_import(*, review: Review, raw: str | bytes) -> ImportPreview:
    """What an import of ``raw`` would do: per message its author, date, own words, suggested
    clauses and stance, and whether the review already holds it. Two queries.
    """
    messages = parse_raw(raw)
    clauses = list(importable_clauses(review))
    # A path names the base member's clause; another member's only where the base has none.
    by_path: dict[str, Clause] = {}
    for c in clauses:
        by_path.setdefault(c.path, c)
    clause_index = ClauseIndex(
        [(c.path, c.text) for c in by_path.values()]
    )  # built once, used for every message
    label_of = {c.pk: _option_label(c, review.version_id) for c in clauses}
    labels = {path: label_of[c.pk] for path, c in by_path.items()}
    ids, fingerprints = existing_keys(review)
    items = []
    for index, msg in enumerate(messages):
        suggestions = [
            Suggestion(by_path[m.path].pk, m.path, m.confidence, m.kind, m.ref, labels[m.path])
            for m in clause_index.match(msg.body, msg.clause_refs)
            if m.path in by_path
        ]
        fingerprint = msg.fingerprint  # a hash of the whole body: worth computing once
        best = suggestions[0] if suggestions and suggestions[0].confidence >= PRESELECT_CONFIDENCE else None
        clause_id = best.clause_id if best else None
        parent = items[msg.reply_to] if msg.reply_to is not None and msg.reply_to < len(items) else None
        # A reply that names no clause is about the clause of the message it answers.
        inherited = clause_id is None and parent is not None and parent.clause_id is not None
        if inherited:
            clause_id = parent.clause_id
        items.append(
            PreviewItem(
                index=index,
                message=msg,
                author=msg.author_name or msg.author_email or "",
                email=msg.author_email or "",
                date=msg.date,
                date_zone_guessed=msg.date_zone_guessed,
                subject=msg.subject,
                body=msg.body,
                suggestions=suggestions,
                clause_id=clause_id,
                stance=confident_stance(msg.body),
                stance_guess=suggest_stance(msg.body),
                reply_to=msg.reply_to,
                inherited=inherited,
                chosen_label=label_of[clause_id] if inherited and clause_id is not None else "",
                already_imported=is_known(msg, ids, fingerprints, fingerprint),
                fingerprint=fingerprint,
                over_limit=max(0, len(msg.body.strip()) - MAX_COMMENT_LENGTH),
            )
        )
    return ImportPreview(items=items, clauses=[ClauseOption(c.pk, c.path, label_of[c.pk]) for c in clauses])


def replies_of(items: list[PreviewItem], index: int) -> list[PreviewItem]:
    """Every message that answers ``index``, directly or down the chain, in order."""
    inside = {index}
    out = []
    for item in items[index + 1 :]:
        if item.reply_to in inside:
            inside.add(item.index)
            out.append(item)
    return out


def apply_clause_to_replies(items: list[PreviewItem], index: int) -> int:
    """Give the replies of message ``index`` its clause, except replies that cite another clause.
    Returns how many changed."""
    source = items[index]
    changed = 0
    for item in replies_of(items, index):
        cites = {s.clause_id for s in item.suggestions if s.kind != "quote"}
        if cites and source.clause_id not in cites:
            continue
        if item.clause_id != source.clause_id:
            item.clause_id = source.clause_id
            item.chosen_label = source.chosen_label
            changed += 1
    return changed
