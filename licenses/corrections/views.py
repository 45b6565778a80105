"""Pages and actions for correcting a version's clauses by hand (split, merge, relabel, undo).

Every action is a plain form POST that redirects back to the version page in edit mode; with
htmx it answers with the page's ``clauses`` fragment instead, so the list updates in place.
Only stewards of the license, moderators and admins may correct; others get a 404.
"""

from __future__ import annotations

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_GET, require_POST

from licenses import selectors
from licenses.corrections import services
from licenses.corrections.services import CorrectionError
from licenses.models import Clause, ClauseCorrection, LicenseVersion
from licenses.rules import may_correct

HISTORY_LIMIT = 200


def correction_context(request: HttpRequest, version: LicenseVersion) -> dict:
    """What the version page needs for its edit tools; no query for anonymous readers."""
    allowed = may_correct(request.user, version.license)
    editing = allowed and request.GET.get("edit") == "1"
    return {
        "can_correct": allowed,
        "editing": editing,
        "last_correction": services.last_correction(version) if editing else None,
    }


class SplitForm(forms.Form):
    before_text = forms.CharField(label="Split before this text", max_length=500, strip=True)
    offset = forms.IntegerField(required=False, min_value=0, widget=forms.HiddenInput)
    label = forms.CharField(label="Label of the new part", max_length=50, required=False)
    heading = forms.CharField(label="Heading of the new part", max_length=500, required=False)


class RelabelForm(forms.Form):
    label = forms.CharField(label="Label as printed", max_length=50, required=False)
    heading = forms.CharField(max_length=500, required=False)


def _get_version_for_user(request: HttpRequest, slug: str, label: str) -> LicenseVersion:
    version = selectors.version_for(slug, label)
    if not may_correct(request.user, version.license):
        raise Http404("No such license version.")
    return version


def _get_clause_for_user(request: HttpRequest, slug: str, label: str, clause_id: int) -> Clause:
    version = _get_version_for_user(request, slug, label)
    clause = get_object_or_404(Clause, pk=clause_id, version=version)
    clause.version = version
    return clause


def _edit_url(version: LicenseVersion, anchor: str = "") -> str:
    return f"{version.get_absolute_url()}?edit=1" + (f"#c-{anchor}" if anchor else "")


def _clauses_fragment(request: HttpRequest, version: LicenseVersion, **extra) -> HttpResponse:
    """The version page's clause list in edit mode, for an htmx swap."""
    page = selectors.version_page(version)
    context = {
        "page": page,
        "version": page.version,
        "can_correct": True,
        "editing": True,
        "last_correction": services.last_correction(version),
        **extra,
    }
    return render(request, "licenses/version_detail.html#clauses", context)


def _done(request: HttpRequest, version: LicenseVersion, message: str, anchor: str = "") -> HttpResponse:
    if request.htmx:
        return _clauses_fragment(request, version, status_message=message)
    messages.success(request, message)
    return redirect(_edit_url(version, anchor))


def _failed(request: HttpRequest, clause: Clause, action: str, form: forms.Form, **context) -> HttpResponse:
    """An invalid correction: shown beside the clause (htmx) or on the action's own page."""
    errors = [str(e) for field_errors in form.errors.values() for e in field_errors]
    if request.htmx:
        failed = {"clause_id": clause.pk, "action": action, "errors": errors, "data": form.data}
        return _clauses_fragment(request, clause.version, failed=failed)
    return _action_page(request, clause, action, form, status=400, **context)


def _action_page(
    request: HttpRequest, clause: Clause, action: str, form: forms.Form | None, status: int = 200, **context
) -> HttpResponse:
    return render(
        request,
        "licenses/clause_correction.html",
        {
            "clause": clause,
            "version": clause.version,
            "action": action,
            "form": form,
            "nav": "licenses",
            **context,
        },
        status=status,
    )


@login_required
def clause_split(request: HttpRequest, slug: str, label: str, clause_id: int) -> HttpResponse:
    clause = _get_clause_for_user(request, slug, label, clause_id)
    if request.method != "POST":
        return _action_page(request, clause, "split", SplitForm())
    form = SplitForm(request.POST)
    if form.is_valid():
        data = form.cleaned_data
        try:
            correction = services.clause_split(
                clause=clause,
                before_text=data["before_text"],
                offset=data["offset"],
                label=data["label"],
                heading=data["heading"],
                actor=request.user,
            )
        except CorrectionError as exc:
            form.add_error(None, str(exc))
        else:
            return _done(request, clause.version, f"{correction.summary}.", clause.anchor)
    return _failed(request, clause, "split", form)


@login_required
def clause_edit(request: HttpRequest, slug: str, label: str, clause_id: int) -> HttpResponse:
    clause = _get_clause_for_user(request, slug, label, clause_id)
    if request.method != "POST":
        return _action_page(
            request, clause, "edit", RelabelForm(initial={"label": clause.label, "heading": clause.heading})
        )
    form = RelabelForm(request.POST)
    if form.is_valid():
        try:
            correction = services.clause_relabel(
                clause=clause,
                label=form.cleaned_data["label"],
                heading=form.cleaned_data["heading"],
                actor=request.user,
            )
        except CorrectionError as exc:
            form.add_error(None, str(exc))
        else:
            return _done(
                request, clause.version, f"{correction.summary}.", correction.after["clauses"][0]["anchor"]
            )
    return _failed(request, clause, "edit", form)


@login_required
def clause_merge(request: HttpRequest, slug: str, label: str, clause_id: int) -> HttpResponse:
    """GET: what a merge would move (the no-JavaScript confirmation). POST: merge."""
    clause = _get_clause_for_user(request, slug, label, clause_id)
    form = forms.Form(data={})  # carries an error message, if any
    form.is_valid()
    try:
        if request.method != "POST":
            return _action_page(request, clause, "merge", None, preview=services.merge_preview(clause=clause))
        correction = services.clause_merge(clause=clause, actor=request.user)
    except CorrectionError as exc:
        form.add_error(None, str(exc))
        return _failed(request, clause, "merge", form)
    return _done(request, clause.version, f"{correction.summary}. Undo puts everything back.", clause.anchor)


@require_POST
@login_required
def correction_undo(request: HttpRequest, slug: str, label: str) -> HttpResponse:
    version = _get_version_for_user(request, slug, label)
    expected = ClauseCorrection.objects.filter(
        version=version, pk=request.POST.get("correction") or 0
    ).first()
    try:
        undo = services.correction_undo(version=version, actor=request.user, expected=expected)
    except CorrectionError as exc:
        if request.htmx:
            return _clauses_fragment(request, version, status_message=str(exc), status_error=True)
        messages.error(request, str(exc))
        return redirect("licenses:corrections", slug=slug, label=label)
    return _done(request, version, f"{undo.summary}.")


@require_GET
def correction_history(request: HttpRequest, slug: str, label: str) -> HttpResponse:
    """Every correction of a version, newest first; readable by all, undo for editors."""
    version = selectors.version_for(slug, label)
    history = list(
        version.corrections.select_related("actor", "undone_by", "undoes").order_by("-created_at", "-pk")[
            :HISTORY_LIMIT
        ]
    )
    allowed = may_correct(request.user, version.license)
    return render(
        request,
        "licenses/corrections.html",
        {
            "version": version,
            "history": history,
            "can_correct": allowed,
            "last_correction": services.last_correction(version) if allowed else None,
            "nav": "licenses",
        },
    )
