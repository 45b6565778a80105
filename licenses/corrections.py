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
The review models are looked up through the app registry, so this module imports nothing
from ``review``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from django.apps import apps
from django.db import models, transaction
from django.db.models import F
from django.utils import timezone

from .models import Clause, ClauseCorrection, LicenseVersion

Action = ClauseCorrection.Action


class CorrectionError(ValueError):
    """A correction we refuse; the message is one line, fit for a user."""


# -- addresses -----------------------------------------------------------------------

_SIMPLE = re.compile(r"^\(?([A-Za-z0-9]{1,5})[.)]?$")
_WORD = re.compile(r"^(?:section|article|clause|§)", re.I)


def anchor_for(path: str) -> str:
    """URL-safe anchor for a path, as the segmenter makes them: ``2.2(b)`` -> ``2.2.b``."""
    return re.sub(r"[^a-z0-9_-]+", ".", path.lower().replace("§", "s")).strip(".-")[:200] or "clause"


def _tokens(s: str) -> list[str]:
    return re.findall(r"[a-z0-9]+", s.lower())


def _parent_numbers(path: str) -> list[str]:
    toks = _tokens(path)
    while toks and toks[0] in ("section", "article", "clause", "s"):
        toks.pop(0)
    return toks


def path_for_label(label: str, parent: Clause | None) -> str:
    """The full address of a clause printed with ``label`` under ``parent``.

    Follows the segmenter's conventions: ``(c)`` under ``2.2`` is ``2.2(c)``, ``2.3`` under
    ``2`` stays ``2.3``, ``Section 4`` is never prefixed.
    """
    label = label.strip()
    simple = _SIMPLE.match(label)
    if simple:
        core = simple.group(1)
        if parent is None:
            return f"({core})" if label.startswith("(") else core
        return f"{parent.path}({core})"
    own = label.rstrip(".")
    if parent is None or _WORD.match(own):
        return own
    parent_toks = _parent_numbers(parent.path)
    if _tokens(own)[: len(parent_toks)] == parent_toks:
        return own
    return f"{parent.path}.{own}"


def _slug(s: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", s.lower()).strip("-")[:40].strip("-") or "part"


def _taken(version: LicenseVersion, exclude: int | None = None) -> tuple[set[str], set[str]]:
    rows = Clause.objects.filter(version=version).exclude(pk=exclude).values_list("path", "anchor")
    paths, anchors = set(), set()
    for path, anchor in rows:
        paths.add(path)
        anchors.add(anchor)
    return paths, anchors


def _unique_address(version: LicenseVersion, base: str, exclude: int | None = None) -> tuple[str, str]:
    """``base`` or ``base-2``, ``base-3``… whichever is free in the version, as (path, anchor)."""
    paths, anchors = _taken(version, exclude)
    base = base[:190]
    path, anchor, n = base, anchor_for(base), 1
    while path in paths or anchor in anchors:
        n += 1
        path, anchor = f"{base}-{n}", f"{anchor_for(base)[:190]}-{n}"
    return path, anchor


def _claimed_address(version: LicenseVersion, label: str, parent: Clause | None, exclude: int | None):
    path = path_for_label(label, parent)[:200]
    anchor = anchor_for(path)
    paths, anchors = _taken(version, exclude)
    if path in paths or anchor in anchors:
        raise CorrectionError(
            f"Another clause of this version is already at {path} (anchor #{anchor}). "
            "Choose a different label, or change that clause first."
        )
    return path, anchor


# -- snapshots -----------------------------------------------------------------------


def _dump(obj: models.Model) -> dict:
    return {f.attname: f.value_from_object(obj) for f in obj._meta.concrete_fields}


def _apply(obj: models.Model, data: dict) -> models.Model:
    for f in obj._meta.concrete_fields:
        if f.attname in data and not f.primary_key:
            setattr(obj, f.attname, f.to_python(data[f.attname]))
    return obj


def _build(model: type[models.Model], data: dict) -> models.Model:
    return model(
        **{f.attname: f.to_python(data[f.attname]) for f in model._meta.concrete_fields if f.attname in data}
    )


def _dump_deep(obj: models.Model) -> dict:
    """A row with its many-to-many links and the rows that would cascade with it (one level)."""
    out = {"row": _dump(obj), "m2m": {}, "dependents": {}}
    for f in obj._meta.many_to_many:
        out["m2m"][f.name] = list(getattr(obj, f.name).values_list("pk", flat=True))
    for rel in obj._meta.related_objects:
        if rel.one_to_many and rel.on_delete is models.CASCADE:
            rows = rel.related_model._base_manager.filter(**{rel.field.name: obj})
            out["dependents"][rel.related_model._meta.label] = [_dump(r) for r in rows]
    return out


def _restore_deep(model: type[models.Model], data: dict) -> models.Model:
    obj = _build(model, data["row"])
    obj.save(force_insert=True)
    _keep_auto_now(obj, data["row"])
    for name, pks in data["m2m"].items():
        target = model._meta.get_field(name).related_model
        getattr(obj, name).set(target._base_manager.filter(pk__in=pks))
    for label, rows in data["dependents"].items():
        dep = apps.get_model(label)
        free = [r for r in rows if not dep._base_manager.filter(pk=r["id"]).exists()]
        for r in free:
            row = _build(dep, r)
            row.save(force_insert=True)
            _keep_auto_now(row, r)
    return obj


def _keep_auto_now(obj: models.Model, data: dict) -> None:
    """save() stamps auto_now fields with the current time; put the recorded time back."""
    stamps = {
        f.attname: f.to_python(data[f.attname])
        for f in obj._meta.concrete_fields
        if getattr(f, "auto_now", False) and f.attname in data
    }
    if stamps:
        type(obj)._base_manager.filter(pk=obj.pk).update(**stamps)


def _review_model(name: str) -> type[models.Model] | None:
    try:
        return apps.get_model("review", name)
    except LookupError:  # the review app is optional for licenses
        return None


# -- moving what hangs on a clause ---------------------------------------------------


def _absorb(into: Clause, gone: Clause, *, quote_shift: int | None) -> dict:
    """Move everything attached to ``gone`` onto ``into``; return what was moved and dropped.

    Two positions for the same cell by the same reviewer cannot share a clause: the more
    recently updated one is kept and the other is deleted, with a full snapshot for undo.
    """
    record: dict = {
        "threads": [],
        "positions_moved": [],
        "positions_dropped": [],
        "children": [],
        "other": {},
    }
    Thread = _review_model("Thread")
    Position = _review_model("Position")
    if Thread is not None:
        threads = Thread._base_manager.filter(clause=gone)
        record["threads"] = list(threads.values("id", "quote_start", "quote_end"))
        threads.update(clause=into)
        if quote_shift:
            moved = Thread._base_manager.filter(pk__in=[t["id"] for t in record["threads"]])
            moved.filter(quote_start__isnull=False).update(quote_start=F("quote_start") + quote_shift)
            moved.filter(quote_end__isnull=False).update(quote_end=F("quote_end") + quote_shift)
    if Position is not None:
        kept = {
            (p.review_id, p.criterion_id, p.reviewer_id): p
            for p in Position._base_manager.filter(clause=into)
        }
        moving, dropping = [], []
        for p in Position._base_manager.filter(clause=gone):
            other = kept.get((p.review_id, p.criterion_id, p.reviewer_id))
            if other is None:
                moving.append(p)
            elif (p.updated_at, p.pk) > (other.updated_at, other.pk):
                dropping.append(other)
                moving.append(p)
            else:
                dropping.append(p)
        record["positions_dropped"] = [_dump_deep(p) for p in dropping]
        Position._base_manager.filter(pk__in=[p.pk for p in dropping]).delete()
        record["positions_moved"] = [p.pk for p in moving]
        Position._base_manager.filter(pk__in=record["positions_moved"]).update(clause=into)
    children = Clause.objects.filter(parent=gone)
    record["children"] = list(children.values_list("pk", flat=True))
    children.update(parent=into)
    for rel in Clause._meta.related_objects:
        model = rel.related_model
        if not rel.one_to_many or model in (Clause, Thread, Position):
            continue
        rows = model._base_manager.filter(**{rel.field.name: gone})
        pks = list(rows.values_list("pk", flat=True))
        if pks:
            record["other"][model._meta.label] = {"field": rel.field.name, "pks": pks}
            rows.update(**{rel.field.name: into})
    return record


def _give_back(record: dict, *, to: Clause, frm: Clause) -> None:
    """Reverse ``_absorb``: rows recorded as moved from ``to`` go back to it, dropped rows return."""
    Thread = _review_model("Thread")
    Position = _review_model("Position")
    if Thread is not None:
        for t in record["threads"]:
            Thread._base_manager.filter(pk=t["id"], clause=frm).update(
                clause=to, quote_start=t["quote_start"], quote_end=t["quote_end"]
            )
    if Position is not None:
        Position._base_manager.filter(pk__in=record["positions_moved"], clause=frm).update(clause=to)
        for data in record["positions_dropped"]:
            row = data["row"]
            cell = {k: row[k] for k in ("review_id", "clause_id", "criterion_id", "reviewer_id")}
            if (
                not Position._base_manager.filter(**cell).exists()
                and not Position._base_manager.filter(pk=row["id"]).exists()
            ):
                _restore_deep(Position, data)
    Clause.objects.filter(pk__in=record["children"], parent=frm).update(parent=to)
    for label, moved in record["other"].items():
        model = apps.get_model(label)
        model._base_manager.filter(pk__in=moved["pks"], **{moved["field"]: frm}).update(
            **{moved["field"]: to}
        )


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
    before = {"clauses": [_dump(first)]}
    head, rest = first.text[:k].rstrip(), first.text[k:]
    lead = len(rest) - len(rest.lstrip())
    rest = rest.lstrip()
    body = rest
    for printed in (label, heading):
        if printed and body.startswith(printed):
            body = body[len(printed) :].lstrip()
    base = version.text.find(first.text, first.start, first.end) if first.text else -1
    if base >= 0:
        new_start, new_end, first_end = base + k + lead, first.end, base + len(head)
    else:  # the text was itself corrected: no faithful offsets, keep the span on the first part
        new_start = new_end = first_end = first.end
    parent = first.parent
    if label:
        path, anchor = _claimed_address(version, label, parent, exclude=None)
    else:
        path, anchor = _unique_address(version, first.path, exclude=None)
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
        after={"clauses": [_dump(first), _dump(part)], "created": part.pk},
    )


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
    Thread, Position = _review_model("Thread"), _review_model("Position")
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
    before = {"clauses": [_dump(first), _dump(second)]}
    printed = _printed(version, second)
    merged = "\n\n".join(x for x in (first.text, printed) if x)
    at = merged.find(second.text, len(first.text)) if second.text else -1
    moved = _absorb(first, second, quote_shift=at if at > 0 else None)
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
        after={"clauses": [_dump(first)], "deleted": second.pk},
    )


@transaction.atomic
def clause_relabel(*, clause: Clause, label: str, heading: str, actor) -> ClauseCorrection:
    """Change a clause's printed label and heading; its path and anchor are derived again."""
    version, target = _locked(clause)
    label, heading = label.strip(), " ".join(heading.split())
    if label == target.label and heading == target.heading:
        raise CorrectionError("Nothing changed: the label and heading are as they were.")
    before = {"clauses": [_dump(target)]}
    parent = target.parent
    if label and label != target.label:
        path, anchor = _claimed_address(version, label, parent, exclude=target.pk)
    elif not label and target.label:
        base = _slug(heading or target.text)
        path, anchor = _unique_address(
            version, f"{parent.path}.{base}" if parent else base, exclude=target.pk
        )
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
        after={"clauses": [_dump(target)]},
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
    _apply(clause, data)
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
        undo_before["clauses"] = [_dump(current)]
        paths, anchors = _taken(version, exclude=current.pk)
        if data["anchor"] in anchors or data["path"] in paths:
            raise CorrectionError(f"Cannot undo: another clause now uses the address {data['path']}.")
        restored = [_restore_clause(data)]
    elif target.action == Action.SPLIT:
        first = Clause.objects.get(pk=snap["clauses"][0]["id"])
        part = Clause.objects.get(pk=target.after["created"])
        undo_before["clauses"] = [_dump(first), _dump(part)]
        # Anything attached to the split-off part since then goes back to the whole clause.
        undo_before.update(_absorb(first, part, quote_shift=None))
        part.delete()
        version.clauses.filter(ordinal__gt=first.ordinal).update(ordinal=F("ordinal") - 1)
        restored = [_restore_clause(snap["clauses"][0])]
    elif target.action == Action.MERGE:
        first_data, second_data = snap["clauses"]
        first = Clause.objects.get(pk=first_data["id"])
        undo_before["clauses"] = [_dump(first)]
        if Clause.objects.filter(version=version, anchor=second_data["anchor"]).exists():
            raise CorrectionError(f"Cannot undo: another clause now uses the address {second_data['path']}.")
        version.clauses.filter(ordinal__gt=first.ordinal).update(ordinal=F("ordinal") + 1)
        second = _build(Clause, second_data)
        second.save(force_insert=True)
        _give_back(snap, to=second, frm=first)
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
        after={"clauses": [_dump(c) for c in restored]},
        undoes=target,
    )


@transaction.atomic
def version_resegment(*, version: LicenseVersion) -> LicenseVersion:
    """Replace a version's clauses with a fresh segmentation of its text.

    Refuses a corrected version (the guard), and a version whose clauses carry threads or
    positions, which a new set of clause rows would orphan.
    """
    from . import segmentation
    from .ingest import save_clauses

    version = LicenseVersion.objects.select_for_update().get(pk=version.pk)
    version.ensure_resegmentable()
    for name in ("Thread", "Position"):
        model = _review_model(name)
        if model is not None and model._base_manager.filter(clause__version=version).exists():
            raise CorrectionError(
                f"{version} has review {name.lower()}s on its clauses; it cannot be re-segmented."
            )
    version.clauses.all().delete()
    save_clauses(version, segmentation.segment(version.text))
    version.segmenter = getattr(segmentation, "VERSION", "1")
    version.save(update_fields=["segmenter"])
    return version
