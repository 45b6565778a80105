"""The matrix page, the per-criterion page, the cell panel and positions.

The cell panel is a fragment of ``review/_cell_panel.html``: htmx loads it beside the matrix,
and without JavaScript the same URL is a page of its own. Only reviewers set positions, and
only their own: the reviewer is always ``request.user`` (a ``reviewer`` field in a POST is
never read), and anyone else gets 404 on POST.
"""

from __future__ import annotations

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.template.loader import render_to_string
from django.utils.cache import patch_vary_headers
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from accounts import roles
from review import page_cache
from review.markup import MAX_COMMENT_LENGTH
from review.matrix.cells import cell_detail, clause_for, criterion_for, criterion_page
from review.matrix.precedent import precedent_cells
from review.matrix.selectors import matrix
from review.matrix.services import PositionConflict, position_from_thread, position_set
from review.matrix.verdicts import SYMBOLS
from review.models import Review, Thread, Verdict
from review.rules import may_set_positions
from review.selectors import public_stamp, review_for

PANEL = "review/_cell_panel.html"
VERDICT_CHOICES = [(value, f"{SYMBOLS[value]} {label}") for value, label in Verdict.choices]


class PositionForm(forms.Form):
    """Explicit fields only: the reviewer is the logged-in user, whatever else is posted."""

    verdict = forms.ChoiceField(
        choices=VERDICT_CHOICES,
        widget=forms.RadioSelect,
        error_messages={"required": "Choose a verdict."},
    )
    rationale = forms.CharField(
        label="Rationale",
        required=False,
        max_length=MAX_COMMENT_LENGTH,
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text="Why, in Markdown. Quote the words that decide it.",
    )
    threads = forms.ModelMultipleChoiceField(
        queryset=Thread.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        label="Threads that argue it",
    )
    expected_version = forms.IntegerField(min_value=0, widget=forms.HiddenInput)

    def __init__(self, *args, clause=None, review=None, **kwargs) -> None:
        super().__init__(*args, auto_id="id_pos_%s", **kwargs)
        if clause is not None and review is not None:
            self.fields["threads"].queryset = (
                Thread.objects.filter(review=review, clause=clause)
                .with_opening()
                .order_by("created_at", "pk")
            )
            self.fields["threads"].label_from_instance = _thread_choice_label


def _thread_choice_label(thread: Thread) -> str:
    return f"{thread.headline} ({thread.get_status_display().lower()})"


def _initial(detail) -> dict:
    mine = detail.mine
    if mine is None:
        return {"expected_version": 0}
    return {
        "verdict": mine.verdict,
        "rationale": mine.rationale,
        "threads": list(mine.threads.all()),
        "expected_version": mine.lock_version,
    }


def _panel_context(request: HttpRequest, review: Review, detail, form=None, **extra) -> dict:
    can_set = may_set_positions(request.user, review)
    if can_set and form is None:
        form = PositionForm(initial=_initial(detail), clause=detail.clause, review=review)
    return {
        "review": review,
        "cell": detail,
        "form": form if can_set else None,
        "can_set": can_set,
        "is_reviewer": roles.is_reviewer(request.user),
        "nav": "reviews",
        **extra,
    }


@require_GET
def matrix_page(request: HttpRequest, pk: int) -> HttpResponse:
    etag, whole_key, latest = None, "", ""
    if not request.user.is_authenticated:
        # A visitor: a 304 while neither this review nor any other public one changed (the marks
        # of precedent come from the others). Both stamps are read first, before what they key.
        stamp = public_stamp(pk)
        if stamp is not None:
            latest = page_cache.latest_public_change()
            etag = page_cache.etag(stamp, request, latest)
            if page_cache.matches(request, etag):
                return page_cache.not_modified(etag)
            # The whole page, kept per change and shared, at the addresses the page links to
            # (any query string could be asked for), with the visitor's own token and nonce.
            rows = request.GET.get("rows", "")
            if page_cache.shareable(request) and rows in ("", "positions") and set(request.GET) <= {"rows"}:
                whole_key = page_cache.page_key("matrix", request, etag)
                whole = page_cache.get_page(request, whole_key)
                if whole is not None:
                    return page_cache.validated(whole, etag)
    review = review_for(pk, request.user)
    context = {
        "review": review,
        "symbols": SYMBOLS,
        "is_reviewer": roles.is_reviewer(request.user),
        "export_formats": [("md", "Markdown"), ("html", "HTML"), ("json", "JSON"), ("csv", "CSV")],
        "nav": "reviews",
    }
    if request.user.is_authenticated:
        context["matrix"] = _matrix(request, review)
        return render(request, "review/matrix.html", context)
    # Kept only for the addresses the page links to (any query string could be asked for).
    rows = request.GET.get("rows", "")
    shared = not request.GET.get("criterion") and rows in ("", "positions")
    key = page_cache.fragment_key("matrix", review, latest, rows)
    body = page_cache.get_fragment(key) if shared else None
    if body is None:
        context["matrix"] = _matrix(request, review)
        body = render_to_string("review/matrix.html#body", context, request=request)
        if shared:
            page_cache.set_fragment(key, body)
    context["body"] = body
    if whole_key:
        response = render(request, "review/matrix.html", context | page_cache.MARKS)
        return page_cache.validated(page_cache.set_page(request, whole_key, response), etag)
    return page_cache.validated(render(request, "review/matrix.html", context), etag)


def _matrix(request: HttpRequest, review):
    only_with_positions = request.GET.get("rows") == "positions"
    table = matrix(
        review, only_with_positions=only_with_positions, criterion_key=request.GET.get("criterion") or None
    )
    marked = precedent_cells(
        review, [r.clause for r in table.rows], [c.criterion for c in table.columns], user=request.user
    )
    for row in table.rows:
        for c, column in zip(row.cells, table.columns, strict=True):
            if (row.clause.pk, column.criterion.pk) in marked:
                c.mark_precedent()
    return table


@require_GET
def criterion_detail(request: HttpRequest, pk: int, key: str) -> HttpResponse:
    review = review_for(pk, request.user)
    page = criterion_page(review, key, user=request.user)
    return render(
        request,
        "review/criterion_detail.html",
        {"review": review, "page": page, "symbols": SYMBOLS, "nav": "reviews"},
    )


@require_http_methods(["GET", "POST"])
def cell(request: HttpRequest, pk: int, clause_id: int, criterion_id: int) -> HttpResponse:
    review = review_for(pk, request.user)
    if request.method == "POST" and not roles.is_reviewer(request.user):
        raise Http404("No such cell.")
    clause = clause_for(review, clause_id)
    criterion = criterion_for(review, pk=criterion_id)
    # A history restore (back button after a cache miss) needs the whole page, not the panel.
    fragment = bool(request.htmx) and not request.htmx.history_restore_request
    template = f"{PANEL}#panel" if fragment else PANEL
    if request.method == "GET":
        detail = cell_detail(review, clause, criterion, user=request.user)
        response = render(request, template, _panel_context(request, review, detail))
        patch_vary_headers(response, ["HX-Request", "HX-History-Restore-Request"])
        return response

    form = PositionForm(request.POST, clause=clause, review=review)
    status, conflict = 200, None
    if form.is_valid():
        data = form.cleaned_data
        try:
            position_set(
                review=review,
                clause=clause,
                criterion=criterion,
                reviewer=request.user,
                verdict=data["verdict"],
                rationale=data["rationale"],
                expected_version=data["expected_version"],
                threads=data["threads"],
            )
        except PositionConflict as exc:
            conflict = exc.current
            # Keep what they wrote; the next save starts from the version that is there now.
            fresh = request.POST.copy()
            fresh["expected_version"] = str(exc.current.lock_version if exc.current else 0)
            form = PositionForm(fresh, clause=clause, review=review)
            form.is_valid()
            status = 409
        except (ValidationError, PermissionDenied) as exc:
            messages_ = exc.messages if isinstance(exc, ValidationError) else [str(exc)]
            form.add_error(None, messages_)
            status = 400
        else:
            if not request.htmx:
                messages.success(request, "Your position is saved.")
                return redirect(request.path)
            detail = cell_detail(review, clause, criterion, user=request.user)
            # Redraw the matrix cell too when the panel sits on the matrix page.
            # The matrix page's panel asks for it (hx-vals on #cell-panel); the review page does not.
            extra = {"saved": True, "redraw_cell": request.POST.get("redraw") == "matrix-cell"}
            return render(request, template, _panel_context(request, review, detail, **extra))
    else:
        status = 400
    detail = cell_detail(review, clause, criterion, user=request.user)
    context = _panel_context(request, review, detail, form=form, conflict=conflict)
    # htmx swaps only 2xx answers by default: the form with its message must still replace the old one.
    return render(request, template, context, status=200 if request.htmx else status)


@require_POST
def thread_position(request: HttpRequest, thread_id: int) -> HttpResponse:
    """One click from a thread tagged with a criterion: take its verdict as your position."""
    if not roles.is_reviewer(request.user):
        raise Http404("No such thread.")
    thread = get_object_or_404(Thread.objects.select_related("clause", "criterion__set"), pk=thread_id)
    thread.review = review_for(thread.review_id, request.user)
    verdict = request.POST.get("verdict", "")
    if verdict not in Verdict.values or thread.clause is None or thread.criterion is None:
        raise Http404("No such cell.")
    try:
        position = position_from_thread(thread=thread, reviewer=request.user, verdict=verdict)
    except ValidationError as exc:
        if request.htmx:
            return render(request, f"{PANEL}#from-thread", {"error": " ".join(exc.messages)})
        messages.error(request, " ".join(exc.messages))
        return redirect(thread.get_absolute_url())
    label = thread.criterion.short_label
    where = thread.clause.path or thread.clause.anchor
    text = f"Your position on {where} × {label}: {position.get_verdict_display().lower()}."
    if request.htmx:
        detail = cell_detail(thread.review, thread.clause, thread.criterion, user=request.user)
        return render(
            request,
            f"{PANEL}#from-thread",
            {"text": text, "cell": detail, "review": thread.review, "position": position},
        )
    messages.success(request, text)
    return redirect(thread.get_absolute_url())
