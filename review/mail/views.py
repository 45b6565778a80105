"""The "Import mail" page: paste or upload a thread, check the preview, import.

Three steps on one URL, all plain form posts (no JavaScript needed):

1. GET shows the paste/upload form.
2. POST step=preview parses the thread and shows each message with editable clause and stance,
   PREVIEW_PAGE_SIZE messages a page. The other pages' choices ride along as hidden fields of
   the same names, so a page button (POST step=import with goto=N) re-shows the preview at
   page N with every choice kept, and the import takes the ticked messages of all pages.
3. POST step=import imports the checked messages and redirects to the review.

The raw input travels from step 2 to step 3 in a hidden field: zlib-compressed, base64, and
signed (so the server only ever decompresses what it produced itself, and a stale preview
expires after a day). The exact bytes of an upload come back, so the import parses exactly
what the preview showed; the fingerprint of each message is re-posted and checked too.
Mail text compresses well, so even a 5 MiB archive stays under DATA_UPLOAD_MAX_MEMORY_SIZE.
"""

from __future__ import annotations

import base64
import binascii
import zlib

from django.contrib import messages
from django.contrib.auth import get_user_model
from django.contrib.auth.decorators import login_required
from django.core import signing
from django.core.exceptions import RequestDataTooBig, ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.template.loader import render_to_string
from django.urls import reverse
from django.views.decorators.http import require_POST

from accounts import roles
from review import selectors
from review.mail.parse import MailFormatError
from review.mail.preview import MAX_IMPORT_BYTES, ImportPreview, preview_import
from review.mail.services import (
    ImportChoice,
    import_messages,
    imported_authors,
    link_imported_author,
)
from review.models import Review, Stance
from review.rules import may_import
from review.services import NotAllowed

TEMPLATE = "review/mail_import.html"
EXTENSIONS = (".eml", ".mbox", ".mbx", ".html", ".htm", ".txt")
PAYLOAD_MAX_AGE = 24 * 60 * 60
# Messages shown with their controls on one preview page. Each carries its body and a <select>
# of every clause, so 1,000 on one page made 10 MiB of HTML; the rest travel as hidden fields.
PREVIEW_PAGE_SIZE = 50
# The string is older than the module layout: changing it would void previews open in a browser.
_SALT = "review.mail_import.payload"
TOO_LARGE = "This is over the 5 MiB limit. Split the archive into smaller files (for example one month each)."


class _BadInput(Exception):
    """Input we refuse before parsing; the message is shown as is."""


def _get_review_for_importer(request: HttpRequest, pk: int) -> Review:
    review = selectors.review_for(pk, request.user)
    if not may_import(request.user, review):
        raise Http404("No such review.")
    return review


# --- carrying the raw input between steps -------------------------------------------------------


def pack(raw: str | bytes) -> str:
    """``raw`` as a signed, compressed token for a hidden field."""
    data = b"b" + raw if isinstance(raw, bytes) else b"t" + raw.encode("utf-8")
    token = base64.urlsafe_b64encode(zlib.compress(data, 6)).decode("ascii")
    return signing.TimestampSigner(salt=_SALT).sign(token)


def unpack(value: str) -> str | bytes:
    """The raw input back from ``pack``; _BadInput when it is stale, altered or too large."""
    try:
        token = signing.TimestampSigner(salt=_SALT).unsign(value, max_age=PAYLOAD_MAX_AGE)
    except signing.SignatureExpired:
        raise _BadInput("This preview is more than a day old. Paste or upload the thread again.") from None
    except signing.BadSignature:
        raise _BadInput("The preview could not be read back. Paste or upload the thread again.") from None
    try:
        inflater = zlib.decompressobj()
        data = inflater.decompress(base64.urlsafe_b64decode(token), MAX_IMPORT_BYTES + 2)
    except (binascii.Error, zlib.error, ValueError):
        raise _BadInput("The preview could not be read back. Paste or upload the thread again.") from None
    if inflater.unconsumed_tail or len(data) > MAX_IMPORT_BYTES + 1:
        raise _BadInput(TOO_LARGE)
    kind, body = data[:1], data[1:]
    return bytes(body) if kind == b"b" else body.decode("utf-8", "replace")


# --- step 1 -> 2 --------------------------------------------------------------------------------


def _read_input(request: HttpRequest) -> str | bytes:
    """The pasted text or the uploaded file, size-checked before the file is read."""
    upload = request.FILES.get("file")
    if upload is not None:
        name = (upload.name or "").lower()
        if not name.endswith(EXTENSIONS):
            raise _BadInput(
                f"“{upload.name}” is not a file type we read. Upload a .eml, .mbox, .html or .txt file."
            )
        if upload.size is not None and upload.size > MAX_IMPORT_BYTES:
            raise _BadInput(f"“{upload.name}” is {upload.size / 1024 / 1024:.1f} MiB. {TOO_LARGE}")
        data = upload.read(MAX_IMPORT_BYTES + 1)
        if len(data) > MAX_IMPORT_BYTES:
            raise _BadInput(TOO_LARGE)
        if not data.strip():
            raise _BadInput(f"“{upload.name}” is empty.")
        return data
    text = request.POST.get("raw", "")
    if len(text) > MAX_IMPORT_BYTES or len(text.encode("utf-8")) > MAX_IMPORT_BYTES:
        raise _BadInput(TOO_LARGE)
    if not text.strip():
        raise _BadInput("Paste a mail thread, or choose a file to upload.")
    return text


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


def _preview_context(
    preview: ImportPreview, payload: str, checked: set[int] | None = None, page: int = 1
) -> dict:
    if checked is None:
        checked = {item.index for item in preview.items if item.importable}
    # The list of all clauses is the same in every message's <select>: render it once.
    options = render_to_string(f"{TEMPLATE}#all-clauses", {"clauses": preview.clauses})
    pages = max(1, -(-len(preview.items) // PREVIEW_PAGE_SIZE))
    page = min(max(page, 1), pages)
    first = (page - 1) * PREVIEW_PAGE_SIZE
    shown = preview.items[first : first + PREVIEW_PAGE_SIZE]
    return {
        "step": 2,
        "preview": preview,
        "payload": payload,
        "checked": checked,
        "all_clause_options": options,
        "page": page,
        "pages": range(1, pages + 1) if pages > 1 else None,
        "previous_page": page - 1 if page > 1 else None,
        "next_page": page + 1 if page < pages else None,
        "shown": shown,
        "first_shown": first + 1,
        "last_shown": first + len(shown),
        "carried": preview.items[:first] + preview.items[first + PREVIEW_PAGE_SIZE :],
    }


def _page_number(value: str | None, default: int = 1) -> int:
    return int(value) if value and value.isdigit() and len(value) < 7 else default


# --- step 2 -> 3 --------------------------------------------------------------------------------


def _apply_choices(request: HttpRequest, preview: ImportPreview) -> tuple[list[ImportChoice], set[int]]:
    """The reviewer's choices from the preview form, applied to ``preview`` (for re-display)."""
    labels = {option.id: option.label for option in preview.clauses}
    wanted = {value for value in request.POST.getlist("import") if value.isdigit()}
    choices: list[ImportChoice] = []
    checked: set[int] = set()
    for item in preview.items:
        if request.POST.get(f"fp-{item.index}", item.fingerprint) != item.fingerprint:
            raise _BadInput("The thread changed between the preview and the import. Paste it again.")
        clause = request.POST.get(f"clause-{item.index}", "")
        if clause == "":
            item.clause_id = None
        elif clause.isdigit() and int(clause) in labels:
            item.clause_id = int(clause)
            if item.clause_id not in {s.clause_id for s in item.suggestions}:
                item.chosen_label = labels[item.clause_id]
        else:
            raise _BadInput(f"Message {item.index + 1}: that clause is not part of the version under review.")
        stance = request.POST.get(f"stance-{item.index}", item.stance)
        item.stance = stance if stance in Stance.values else item.stance
        if str(item.index) in wanted and item.body.strip():
            checked.add(item.index)
            choices.append(ImportChoice(message=item.message, clause_id=item.clause_id, stance=item.stance))
    return choices, checked


def _import(request: HttpRequest, review: Review) -> HttpResponse:
    try:
        raw = unpack(request.POST.get("payload", ""))
        preview = preview_import(review=review, raw=raw)
        choices, checked = _apply_choices(request, preview)
    except (_BadInput, MailFormatError) as exc:
        return _page(request, review, error=str(exc), status=400)
    payload = request.POST.get("payload", "")
    page = _page_number(request.POST.get("page"))
    if "goto" in request.POST:  # a page button: show another page, keep every choice, write nothing
        page = _page_number(request.POST.get("goto"), page)
        return _page(request, review, **_preview_context(preview, payload, checked, page))
    if not choices:
        context = _preview_context(preview, payload, checked, page)
        return _page(request, review, error="Tick at least one message to import.", **context, status=400)
    try:
        result = import_messages(review=review, items=choices, by=request.user)
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
    return redirect(review)


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
        raw = _read_input(request)
        preview = preview_import(review=review, raw=raw)
    except (_BadInput, MailFormatError) as exc:
        pasted = request.POST.get("raw", "") if isinstance(exc, MailFormatError) else ""
        return _page(
            request, review, error=str(exc), pasted=pasted if len(pasted) <= 200_000 else "", status=400
        )
    return _page(request, review, **_preview_context(preview, pack(raw)))


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
