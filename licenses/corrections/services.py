"""Hand corrections of a version's clauses: split, merge, relabel, and undo.

Each correction is a ClauseCorrection row with snapshots of every row it changed or deleted,
so ``correction_undo`` can put them back exactly (same primary keys, same attachments).

Re-import and re-segmentation: a version with a correction in force is *frozen*
(``LicenseVersion.corrected``). Ingest is idempotent by text hash, so the same text returns
that version untouched, and ``LicenseVersion.ensure_resegmentable`` makes any code that would
replace its clauses refuse. We freeze rather than re-apply corrections on top of a new
segmentation because a correction names clauses by row, and a new segmentation makes new rows:
re-applying would mean guessing which new clause a correction meant, and a wrong guess would
silently move threads and positions onto the wrong text.

Attachments (review threads and positions, and any other foreign key to Clause) follow the
text: after a merge they hang on the merged clause; after a split they stay on the first part.
Moving them is :mod:`licenses.corrections.attachments`; row snapshots are :mod:`licenses.corrections.snapshots`;
paths and anchors are :mod:`licenses.corrections.addresses`. Nothing here imports from ``review``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from django.db import transaction
from django.db.models import F
from django.utils import timezone

from licenses import stamps
from licenses.corrections.addresses import anchor_for, path_for_label, slug, taken_addresses, unique_address
from licenses.corrections.attachments import absorb, give_back, review_model
from licenses.corrections.snapshots import apply, build, dump
from licenses.models import Clause, ClauseCorrection, LicenseVersion

Action = ClauseCorrection.Action


class CorrectionError(ValueError):
    """A correction we refuse; the message is one line, fit for a user."""


def _claimed_address(version: LicenseVersion, label: str, parent: Clause | None, exclude: int | None):
    path = path_for_label(label, parent)[:200]
    anchor = anchor_for(path)
    paths, anchors = taken_addresses(version, exclude)
    if path in paths or anchor in anchors:
        raise CorrectionError(
            f"Another clause of this version is already at {path} (anchor #{anchor}). "
            "Choose a different label, or change that clause first."
        )
    return path, anchor


# -- the corrections -----------------------------------------------------------------


def _locked(clause: Clause) -> tuple[LicenseVersion, Clause]:
    """Lock the version row (serialising corrections of one version), then reload the clause."""
    version = LicenseVersion.objects.select_for_update().select_related("license").get(pk=clause.version_id)
    try:
        return version, Clause.objects.get(pk=clause.pk, version=version)
    except Clause.DoesNotExist:
        raise CorrectionError("That clause is no longer part of this version; reload the page.") from None


def _record(
    version: LicenseVersion, *, action: str, summary: str, actor, before: dict, after: dict, undoes=None
):
    correction = ClauseCorrection(
        version=version,
        action=action,
        summary=summary[:300],
        actor=actor,
        before=before,
        after=after,
        undoes=undoes,
    )
    correction.full_clean()
    correction.save()
    # The clause moves around a correction are QuerySet.update()s, which send no signals.
    stamps.touch()
    still = version.corrections.filter(undone_at__isnull=True).exclude(action=Action.UNDO).exists()
    if version.corrected != still:
        version.corrected = still
        version.save(update_fields=["corrected"])
    return correction


def _clip(s: str, n: int = 40) -> str:
    s = " ".join(s.split())
    return s if len(s) <= n else s[: n - 1] + "…"


def split_point(text: str, before_text: str, offset: int | None = None) -> int:
    """Where in ``text`` the new part starts: at ``before_text`` (whitespace-tolerant).

    ``offset`` (from a click in the browser) picks among several occurrences; it must point
    at ``before_text``, else the first occurrence wins.
    """
    words = before_text.split()
    if not words:
        raise CorrectionError("Type the first words of the new part, exactly as they appear in the clause.")
    pattern = re.compile(r"\s+".join(re.escape(w) for w in words))
    match = None
    if offset is not None and 0 <= offset <= len(text):
        match = pattern.match(text, offset)
    match = match or pattern.search(text)
    if match is None:
        raise CorrectionError(f"“{_clip(before_text)}” does not occur in this clause's text.")
    k = match.start()
    if not text[:k].strip():
        raise CorrectionError("That is where the clause already begins; choose a point further in.")
    return k


@transaction.atomic
def clause_split(
    *, clause: Clause, before_text: str, actor, offset: int | None = None, label: str = "", heading: str = ""
) -> ClauseCorrection:
    """Split ``clause`` so that a new clause starts at ``before_text``; attachments stay on the first part."""
    version, first = _locked(clause)
    label, heading = label.strip(), " ".join(heading.split())
    k = split_point(first.text, before_text, offset)
    before = {"clauses": [dump(first)]}
    head, rest = first.text[:k].rstrip(), first.text[k:]
    lead = len(rest) - len(rest.lstrip())
    rest = rest.lstrip()
    body = rest
    for printed in (label, heading):
        if printed and body.startswith(printed):
            body = body[len(printed) :].lstrip()
    base = version.text.find(first.text, first.start, first.end) if first.text else -1
    printed = _printed_at(version.text, rest, first.start, first.end) if base < 0 else -1
    if base >= 0:
        new_start, new_end, first_end = base + k + lead, first.end, base + len(head)
    elif printed >= 0:  # words that lost Markdown marks: the new part's words are printed as stored
        new_start, new_end = printed, first.end
        first_end = len(version.text[first.start : printed].rstrip()) + first.start
    else:  # the text was itself corrected: no faithful offsets, keep the span on the first part
        new_start = new_end = first_end = first.end
    parent = first.parent
    if label:
        path, anchor = _claimed_address(version, label, parent, exclude=None)
    else:
        path, anchor = unique_address(version, first.path, exclude=None)
    version.clauses.filter(ordinal__gt=first.ordinal).update(ordinal=F("ordinal") + 1)
    first.text, first.end = head, first_end
    part = Clause(
        version=version,
        parent=parent,
        ordinal=first.ordinal + 1,
        label=label[:50],
        path=path,
        anchor=anchor,
        heading=heading[:500],
        text=body,
        start=new_start,
        end=new_end,
        depth=first.depth,
    )
    first.full_clean()
    part.full_clean()
    first.save()
    part.save()
    return _record(
        version,
        action=Action.SPLIT,
        summary=f"Split {first.path} before “{_clip(rest)}”; the new part is {path}",
        actor=actor,
        before=before,
        after={"clauses": [dump(first), dump(part)], "created": part.pk},
    )


def _printed_at(text: str, words: str, start: int, end: int) -> int:
    """Where ``words`` (a new part's, as stored) stand in ``text[start:end]``, when they are
    printed there once, as they are; -1 when not (marks dropped inside them, or repeated)."""
    at = text.find(words, start, end) if words else -1
    return at if at >= 0 and text.find(words, at + 1, end) < 0 else -1


def _printed(version: LicenseVersion, clause: Clause) -> str:
    """The clause as printed in the version text (label and heading included), when we can find it."""
    span = version.text[clause.start : clause.end].strip()
    if clause.text and clause.text in span:
        return span
    head = " ".join(x for x in (clause.label, clause.heading) if x)
    return "\n".join(x for x in (head, clause.text) if x)


def next_clause(clause: Clause) -> Clause | None:
    return (
        Clause.objects.filter(version_id=clause.version_id, ordinal__gt=clause.ordinal)
        .order_by("ordinal")
        .first()
    )


@dataclass(frozen=True)
class MergePreview:
    first: Clause
    second: Clause
    threads: int
    positions: int
    conflicts: int


def merge_preview(*, clause: Clause) -> MergePreview:
    """What merging ``clause`` with the next one would move, for the confirmation page."""
    second = next_clause(clause)
    if second is None:
        raise CorrectionError(f"{clause.path} is the last clause; there is nothing after it to merge with.")
    Thread, Position = review_model("Thread"), review_model("Position")
    threads = Thread._base_manager.filter(clause=second).count() if Thread else 0
    positions = conflicts = 0
    if Position:
        cells = set(
            Position._base_manager.filter(clause=clause).values_list(
                "review_id", "criterion_id", "reviewer_id"
            )
        )
        theirs = list(
            Position._base_manager.filter(clause=second).values_list(
                "review_id", "criterion_id", "reviewer_id"
            )
        )
        positions = len(theirs)
        conflicts = sum(1 for cell in theirs if cell in cells)
    return MergePreview(clause, second, threads, positions, conflicts)


@transaction.atomic
def clause_merge(*, clause: Clause, actor) -> ClauseCorrection:
    """Merge ``clause`` with the clause after it; everything on the second moves to the merged clause."""
    version, first = _locked(clause)
    second = next_clause(first)
    if second is None:
        raise CorrectionError(f"{first.path} is the last clause; there is nothing after it to merge with.")
    before = {"clauses": [dump(first), dump(second)]}
    printed = _printed(version, second)
    merged = "\n\n".join(x for x in (first.text, printed) if x)
    at = merged.find(second.text, len(first.text)) if second.text else -1
    moved = absorb(first, second, quote_shift=at if at > 0 else None)
    before.update(moved)
    first.text = merged
    first.end = max(first.end, second.end)
    first.heading = first.heading or ("" if second.label else second.heading)
    first.full_clean()
    first.save()
    second.delete()
    version.clauses.filter(ordinal__gt=second.ordinal).update(ordinal=F("ordinal") - 1)
    dropped = len(moved["positions_dropped"])
    summary = f"Merged {second.path} into {first.path}"
    if dropped:
        summary += (
            f"; {dropped} older duplicate position{'s' if dropped > 1 else ''} dropped (kept in history)"
        )
    return _record(
        version,
        action=Action.MERGE,
        summary=summary,
        actor=actor,
        before=before,
        after={"clauses": [dump(first)], "deleted": second.pk},
    )


@transaction.atomic
def clause_relabel(*, clause: Clause, label: str, heading: str, actor) -> ClauseCorrection:
    """Change a clause's printed label and heading; its path and anchor are derived again."""
    version, target = _locked(clause)
    label, heading = label.strip(), " ".join(heading.split())
    if label == target.label and heading == target.heading:
        raise CorrectionError("Nothing changed: the label and heading are as they were.")
    before = {"clauses": [dump(target)]}
    parent = target.parent
    if label and label != target.label:
        path, anchor = _claimed_address(version, label, parent, exclude=target.pk)
    elif not label and target.label:
        base = slug(heading or target.text)
        path, anchor = unique_address(version, f"{parent.path}.{base}" if parent else base, exclude=target.pk)
    else:
        path, anchor = target.path, target.anchor
    old_path = target.path
    target.label, target.heading, target.path, target.anchor = label[:50], heading[:500], path, anchor
    target.full_clean()
    target.save()
    if path != old_path:
        summary = f"Relabelled {old_path} as {path}"
    else:
        summary = (
            f"Changed the heading of {path} to “{_clip(heading)}”"
            if heading
            else f"Removed the heading of {path}"
        )
    return _record(
        version,
        action=Action.RELABEL,
        summary=summary,
        actor=actor,
        before=before,
        after={"clauses": [dump(target)]},
    )


def last_correction(version: LicenseVersion) -> ClauseCorrection | None:
    """The correction an undo would revert: the most recent one in force."""
    return (
        version.corrections.filter(undone_at__isnull=True)
        .exclude(action=Action.UNDO)
        .select_related("actor")
        .order_by("-created_at", "-pk")
        .first()
    )


def _restore_clause(data: dict) -> Clause:
    clause = Clause.objects.get(pk=data["id"])
    apply(clause, data)
    clause.full_clean()
    clause.save()
    return clause


@transaction.atomic
def correction_undo(
    *, version: LicenseVersion, actor, expected: ClauseCorrection | None = None
) -> ClauseCorrection:
    """Revert the most recent correction in force, restoring its before snapshot; returns the undo record.

    ``expected`` is the correction the user saw as the last one: if another correction came
    in between, we refuse rather than undo something they did not see.
    """
    version = LicenseVersion.objects.select_for_update().get(pk=version.pk)
    target = last_correction(version)
    if target is None:
        raise CorrectionError("There is no correction to undo.")
    if expected is not None and expected.pk != target.pk:
        raise CorrectionError(
            "The clauses were corrected again since you loaded the page; look at the history."
        )
    snap = target.before
    undo_before: dict = {}
    if target.action == Action.RELABEL:
        data = snap["clauses"][0]
        current = Clause.objects.get(pk=data["id"])
        undo_before["clauses"] = [dump(current)]
        paths, anchors = taken_addresses(version, exclude=current.pk)
        if data["anchor"] in anchors or data["path"] in paths:
            raise CorrectionError(f"Cannot undo: another clause now uses the address {data['path']}.")
        restored = [_restore_clause(data)]
    elif target.action == Action.SPLIT:
        first = Clause.objects.get(pk=snap["clauses"][0]["id"])
        part = Clause.objects.get(pk=target.after["created"])
        undo_before["clauses"] = [dump(first), dump(part)]
        # Anything attached to the split-off part since then goes back to the whole clause.
        undo_before.update(absorb(first, part, quote_shift=None))
        part.delete()
        version.clauses.filter(ordinal__gt=first.ordinal).update(ordinal=F("ordinal") - 1)
        restored = [_restore_clause(snap["clauses"][0])]
    elif target.action == Action.MERGE:
        first_data, second_data = snap["clauses"]
        first = Clause.objects.get(pk=first_data["id"])
        undo_before["clauses"] = [dump(first)]
        if Clause.objects.filter(version=version, anchor=second_data["anchor"]).exists():
            raise CorrectionError(f"Cannot undo: another clause now uses the address {second_data['path']}.")
        version.clauses.filter(ordinal__gt=first.ordinal).update(ordinal=F("ordinal") + 1)
        second = build(Clause, second_data)
        second.save(force_insert=True)
        give_back(snap, to=second, frm=first)
        restored = [_restore_clause(first_data), second]
    else:  # pragma: no cover - undo rows are never targets
        raise CorrectionError("That correction cannot be undone.")
    target.undone_at, target.undone_by = timezone.now(), actor
    target.save(update_fields=["undone_at", "undone_by"])
    return _record(
        version,
        action=Action.UNDO,
        summary=f"Undid: {target.summary}"[:300],
        actor=actor,
        before=undo_before,
        after={"clauses": [dump(c) for c in restored]},
        undoes=target,
    )


@transaction.atomic
def version_resegment(*, version: LicenseVersion) -> LicenseVersion:
    """Replace a version's clauses with a fresh segmentation of its text.

    Refuses a corrected version (the guard), and a version whose clauses carry threads or
    positions, which a new set of clause rows would orphan.
    """
    from licenses.ingest import save_clauses
    from licenses.text import segmentation

    version = LicenseVersion.objects.select_for_update().get(pk=version.pk)
    version.ensure_resegmentable()
    for name in ("Thread", "Position"):
        model = review_model(name)
        if model is not None and model._base_manager.filter(clause__version=version).exists():
            raise CorrectionError(
                f"{version} has review {name.lower()}s on its clauses; it cannot be re-segmented."
            )
    version.clauses.all().delete()
    save_clauses(version, segmentation.segment(version.text))
    version.segmenter = getattr(segmentation, "VERSION", "1")
    version.save(update_fields=["segmenter"])
    return version
