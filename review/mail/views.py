"""The "Import mail" page: paste or upload a thread, check the preview, import.

Three steps on one URL, all plain form posts (no JavaScript needed):

1. GET shows the paste/upload form.
2. POST step=preview parses the thread and shows each message with its author, address, date,
   clause, stance and an include box, all editable, a Paginator page at a time. The other pages'
   choices ride along as hidden fields of the same names, so a page button (goto=N) or "apply
   this clause to all replies" (apply=N) re-shows the preview with every choice kept and writes
   nothing; the import takes the ticked messages of all pages.
3. POST step=import imports the ticked messages and lands on the first imported thread.

The raw input travels from step 2 to step 3 signed in a hidden field (review.mail.payload), so
the import parses exactly what the preview showed; each message's fingerprint is re-posted and
checked too. Only moderators import (review.rules.may_import): an import writes in other
people's names.
"""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth import get_user_model
from django.contrib.auth.decorators import login_required
from django.core.exceptions import RequestDataTooBig, ValidationError
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.template.loader import render_to_string
from django.urls import reverse
from django.views.decorators.http import require_POST

from accounts import roles
from review import selectors
from review.mail.forms import CorrectionForm, MessageChoiceForm, format_mail_date, mail_local_time
from review.mail.parse import MailFormatError
from review.mail.payload import TOO_LARGE, PayloadError, pack, unpack, unpack_with_source
from review.mail.preview import MAX_IMPORT_BYTES, ImportPreview, apply_clause_to_replies, preview_import
from review.mail.services import (
    ImportChoice,
    correct_imported_comment,
    import_messages,
    imported_authors,
    link_imported_author,
)
from review.models import Comment, Review
from review.rules import may_correct_import, may_import
from review.services import NotAllowed

__all__ = ["comment_correct", "mail_import", "mail_link_author", "pack", "unpack"]

TEMPLATE = "review/mail_import.html"
EXTENSIONS = (".eml", ".mbox", ".mbx", ".html", ".htm", ".txt", ".gz", ".pdf")
# Messages shown with their controls on one preview page. Each carries its body and a <select>
# of every clause, so 1,000 on one page made 10 MiB of HTML; the rest travel as hidden fields.
PREVIEW_PAGE_SIZE = 50


class _BadInput(Exception):
    """Input we refuse before parsing; the message is shown as is."""


def _get_review_for_importer(request: HttpRequest, pk: int) -> Review:
    review = selectors.review_for(pk, request.user)
    if not may_import(request.user, review):
        raise Http404("No such review.")
    return review


def _read_input(request: HttpRequest) -> tuple[str | bytes, str]:
    """The pasted text or the uploaded file (size-checked before it is read), and its source."""
    upload = request.FILES.get("file")
    if upload is not None:
        name = (upload.name or "").lower()
        if not name.endswith(EXTENSIONS):
            raise _BadInput(
                f"“{upload.name}” is not a file type we read. Upload a .eml, .mbox, .html or .txt file, one of them gzipped (.gz), or a conversation printed to .pdf."
            )
        if upload.size is not None and upload.size > MAX_IMPORT_BYTES:
            raise _BadInput(f"“{upload.name}” is {upload.size / 1024 / 1024:.1f} MiB. {TOO_LARGE}")
        data = upload.read(MAX_IMPORT_BYTES + 1)
        if len(data) > MAX_IMPORT_BYTES:
            raise _BadInput(TOO_LARGE)
        if not data.strip():
            raise _BadInput(f"“{upload.name}” is empty.")
        return data, upload.name or "upload"
    text = request.POST.get("raw", "")
    if len(text) > MAX_IMPORT_BYTES or len(text.encode("utf-8")) > MAX_IMPORT_BYTES:
        raise _BadInput(TOO_LARGE)
    if not text.strip():
        raise _BadInput("Paste a mail thread, or choose a file to upload.")
    return text, "pasted text"


def _page(request: HttpRequest, review: Review, *, status: int = 200, **context) -> HttpResponse:
    context.setdefault("step", 1)
    context.update(
        review=review,
        nav="reviews",
        max_mib=MAX_IMPORT_BYTES // (1024 * 1024),
        extensions=", ".join(e for e in EXTENSIONS if e not in (".mbx", ".htm")),
    )
    if roles.is_moderator(request.user):
        context["authors"] = imported_authors(review=review)
    return render(request, TEMPLATE, context, status=status)


def _preview_context(preview: ImportPreview, payload: str, checked: set[int] | None = None, page=1) -> dict:
    if checked is None:
        checked = {item.index for item in preview.items if item.importable}
    # The list of all clauses is the same in every message's <select>: render it once.
    options = render_to_string(f"{TEMPLATE}#all-clauses", {"clauses": preview.clauses})
    shown = Paginator(preview.items, PREVIEW_PAGE_SIZE).get_page(page)
    first = shown.start_index() - 1 if shown.object_list else 0
    return {
        "step": 2,
        "preview": preview,
        "payload": payload,
        "checked": checked,
        "all_clause_options": options,
        "page_obj": shown,
        "shown": shown.object_list,
        "carried": preview.items[:first] + preview.items[first + len(shown.object_list) :],
        # messages some other message answers: only they offer "apply this clause to all replies"
        "answered": {item.reply_to for item in preview.items if item.reply_to is not None},
    }


# --- step 2 -> 3 --------------------------------------------------------------------------------


def _apply_choices(
    request: HttpRequest, preview: ImportPreview
) -> tuple[list[ImportChoice], set[int], list[str]]:
    """The moderator's choices from the preview form, applied to ``preview`` (for re-display),
    and what is wrong with them.

    A field missing from the post keeps what the mail said. A bad value (a date that does not
    parse, an address that is not one) is kept as typed and marked on its message, with an error
    for the preview to show again: nothing the moderator chose is lost. A thread that changed
    since the preview is a _BadInput.
    """
    labels = {option.id: option.label for option in preview.clauses}
    clause_ids = list(labels)
    wanted = {value for value in request.POST.getlist("import") if value.isdigit()}
    choices: list[ImportChoice] = []
    checked: set[int] = set()
    errors: list[str] = []
    post = request.POST
    for item in preview.items:
        i = item.index
        if post.get(f"fp-{i}", item.fingerprint) != item.fingerprint:
            raise _BadInput("The thread changed between the preview and the import. Paste it again.")
        defaults = {
            "clause": "" if item.clause_id is None else str(item.clause_id),
            "stance": item.stance,
            "author": item.author,
            "email": item.email,
            "date": format_mail_date(item.date),
        }
        data = {f"{name}-{i}": post.get(f"{name}-{i}", value) for name, value in defaults.items()}
        form = MessageChoiceForm(data, index=i, clause_ids=clause_ids)
        if not form.is_valid():
            errors.append(form.first_error())
            _keep_as_typed(item, form, data)
            if str(i) in wanted:
                checked.add(i)
            continue
        got = form.cleaned_data
        item.clause_id = got["clause"]
        if item.clause_id is not None and item.clause_id not in {s.clause_id for s in item.suggestions}:
            item.chosen_label = labels[item.clause_id]
        item.stance = got["stance"]
        changed_author = got["author"] != item.author or got["email"] != item.email
        item.author, item.email = got["author"], got["email"]
        changed_date = got["date"] != item.date
        item.date = got["date"]
        if str(i) in wanted and item.body.strip():
            checked.add(i)
            choices.append(
                ImportChoice(
                    message=item.message,
                    clause_id=item.clause_id,
                    stance=item.stance,
                    author_name=item.author if changed_author else None,
                    author_email=item.email if changed_author else None,
                    date=item.date if changed_date else None,
                )
            )
    return choices, checked, errors


def _keep_as_typed(item, form: MessageChoiceForm, data: dict[str, str]) -> None:
    """A message whose choices did not all validate: the good ones applied, the bad ones shown
    again as typed (a clause or stance that is no choice keeps what the mail said)."""
    got, i = form.cleaned_data, item.index
    item.invalid = set(form.errors)
    item.author = got.get("author", data[f"author-{i}"])
    item.email = got.get("email", data[f"email-{i}"])
    if "date" in got:
        item.date = got["date"]
    else:
        item.typed_date = data[f"date-{i}"]
    if "clause" in got:
        item.clause_id = got["clause"]
    item.stance = got.get("stance", item.stance)


def _number(value: str | None, default: int = 1) -> int:
    return int(value) if value and value.isdigit() and len(value) < 7 else default


def _import(request: HttpRequest, review: Review) -> HttpResponse:
    payload = request.POST.get("payload", "")
    try:
        raw, source = unpack_with_source(payload)
        preview = preview_import(review=review, raw=raw)
        choices, checked, errors = _apply_choices(request, preview)
    except (_BadInput, PayloadError, MailFormatError) as exc:
        return _page(request, review, error=str(exc), status=400)
    page = _number(request.POST.get("page"))
    if errors:  # the preview again, every choice kept, on the page of the first bad message
        first_bad = next(item.index for item in preview.items if item.invalid)
        context = _preview_context(preview, payload, checked, first_bad // PREVIEW_PAGE_SIZE + 1)
        return _page(request, review, error=" ".join(errors), **context, status=400)
    if "apply" in request.POST:  # "apply this clause to all replies": show, write nothing
        index = _number(request.POST.get("apply"), -1)
        if 0 <= index < len(preview.items):
            apply_clause_to_replies(preview.items, index)
        return _page(request, review, **_preview_context(preview, payload, checked, page))
    if "goto" in request.POST:  # a page button: show another page, keep every choice, write nothing
        goto = max(1, _number(request.POST.get("goto"), page))  # get_page() shows the nearest page
        return _page(request, review, **_preview_context(preview, payload, checked, goto))
    if not choices:
        context = _preview_context(preview, payload, checked, page)
        return _page(request, review, error="Tick at least one message to import.", **context, status=400)
    try:
        result = import_messages(review=review, items=choices, by=request.user, source=source)
    except NotAllowed:
        raise Http404("No such review.") from None
    except ValidationError as exc:
        context = _preview_context(preview, payload, checked, page)
        return _page(request, review, error=" ".join(exc.messages), **context, status=400)
    skipped_known = sum(1 for item in preview.items if item.already_imported and item.index not in checked)
    already = result.already_there + skipped_known
    messages.success(
        request,
        f"{result.imported} message{'s' if result.imported != 1 else ''} imported, {already} already there.",
    )
    # Land on the first imported thread, with the threads folded to their first lines.
    first = result.comments[0].thread if result.comments else None
    url = review.get_absolute_url() + "?folded=1"
    return redirect(f"{url}#{first.dom_id}" if first is not None else url)


# --- the page -----------------------------------------------------------------------------------


@login_required
def mail_import(request: HttpRequest, pk: int) -> HttpResponse:
    review = _get_review_for_importer(request, pk)
    if request.method != "POST":
        return _page(request, review)
    try:
        step = request.POST.get("step", "preview")
    except RequestDataTooBig:
        return _page(request, review, error=TOO_LARGE, status=413)
    if step == "import":
        return _import(request, review)
    try:
        raw, source = _read_input(request)
        preview = preview_import(review=review, raw=raw)
    except (_BadInput, MailFormatError) as exc:
        pasted = request.POST.get("raw", "") if isinstance(exc, MailFormatError) else ""
        return _page(
            request, review, error=str(exc), pasted=pasted if len(pasted) <= 200_000 else "", status=400
        )
    packed = pack(raw, source=source) if isinstance(raw, bytes) else pack(raw)
    return _page(request, review, **_preview_context(preview, packed))


@require_POST
@login_required
def mail_link_author(request: HttpRequest, pk: int) -> HttpResponse:
    """A moderator attributes the imported mail from one address to a user account."""
    review = selectors.review_for(pk, request.user)
    if not roles.is_moderator(request.user):
        raise Http404("No such review.")
    email = request.POST.get("email", "").strip()
    username = request.POST.get("username", "").strip()
    user = get_user_model().objects.filter(username=username).first() if username else None
    back = reverse("review:mail-import", args=[review.pk]) + "#authors"
    if user is None:
        messages.error(
            request, f"There is no account named “{username}”." if username else "Name an account."
        )
        return redirect(back)
    try:
        count = link_imported_author(review=review, email=email, user=user, by=request.user)
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
        return redirect(back)
    messages.success(
        request,
        f"{count} imported message{'s' if count != 1 else ''} from {email} now show as {user.get_username()}.",
    )
    return redirect(back)


# --- correcting an imported comment -------------------------------------------------------------


def _get_comment_for_corrector(request: HttpRequest, pk: int) -> Comment:
    """An imported comment the user may correct, else 404 (as every write here)."""
    comment = (
        Comment.objects.select_related("thread__clause", "thread__review", "author__profile")
        .filter(pk=pk)
        .first()
    )
    if comment is None:
        raise Http404("No such comment.")
    comment.thread.review = selectors.review_for(comment.thread.review_id, request.user)
    if not may_correct_import(request.user, comment):
        raise Http404("No such comment.")
    return comment


@login_required
def comment_correct(request: HttpRequest, pk: int) -> HttpResponse:
    """A moderator corrects the author (name and address) and date of an imported comment."""
    comment = _get_comment_for_corrector(request, pk)
    review = comment.thread.review
    initial = {
        "author": comment.author_name,
        "email": comment.author_email,
        "date": format_mail_date(mail_local_time(comment.created_at, comment.mail_utc_offset)),
    }
    form = CorrectionForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        got = form.cleaned_data
        try:
            correct_imported_comment(
                comment=comment,
                by=request.user,
                author_name=got["author"],
                author_email=got["email"],
                created_at=got["date"],
            )
        except NotAllowed:
            raise Http404("No such comment.") from None
        except ValidationError as exc:
            form.add_error(None, " ".join(exc.messages))
        else:
            messages.success(request, "Author and date corrected; the comment's history keeps the old ones.")
            return redirect(f"{review.get_absolute_url()}#{comment.dom_id}")
    corrections = list(comment.corrections.select_related("corrected_by__profile"))
    return render(
        request,
        "review/comment_correct.html",
        {
            "form": form,
            "comment": comment,
            "review": review,
            "corrections": corrections,
            "nav": "reviews",
        },
        status=422 if request.method == "POST" else 200,
    )
