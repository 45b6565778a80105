from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.cache import patch_vary_headers
from django.views.decorators.http import require_GET, require_POST

from licenses import rules
from licenses.families import selectors, services
from licenses.families.forms import FamilyForm, PlaceForm
from licenses.families.models import ClauseGroup
from licenses.models import Clause


def _family_for_editor(request: HttpRequest, slug: str):
    """The family, for a steward or moderator; 404 for anyone else."""
    family = selectors.family_for(slug)
    if not rules.may_edit_family(request.user, family):
        raise Http404("No such family.")
    return family


@require_GET
def family_list(request: HttpRequest) -> HttpResponse:
    return render(
        request,
        "licenses/family_list.html",
        {
            "families": selectors.family_list(),
            "can_create": rules.may_create_family(request.user),
            "nav": "licenses",
        },
    )


@login_required
def family_create(request: HttpRequest) -> HttpResponse:
    if not rules.may_create_family(request.user):
        raise Http404("No such page.")
    form = FamilyForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            family = services.family_create(
                name=data["name"],
                description=data["description"],
                members=list(data["members"]),
                base=data["base"],
                user=request.user,
            )
        except ValidationError as exc:
            for message in exc.messages:
                form.add_error(None, message)
        else:
            messages.success(request, f"Family {family.name} created; its clauses are aligned below.")
            return redirect(family)
    return render(request, "licenses/family_form.html", {"form": form, "family": None, "nav": "licenses"})


@login_required
def family_edit(request: HttpRequest, slug: str) -> HttpResponse:
    family = _family_for_editor(request, slug)
    form = FamilyForm(request.POST or None, family=family)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            services.family_update(
                family=family,
                name=data["name"],
                description=data["description"],
                members=list(data["members"]),
                base=data["base"],
                user=request.user,
            )
        except ValidationError as exc:
            for message in exc.messages:
                form.add_error(None, message)
        else:
            messages.success(request, "Family saved.")
            return redirect(family)
    return render(request, "licenses/family_form.html", {"form": form, "family": family, "nav": "licenses"})


@require_GET
def family_detail(request: HttpRequest, slug: str) -> HttpResponse:
    family = selectors.family_for(slug)
    table = selectors.variant_table(family)
    differs_only = request.GET.get("differs") == "1"
    rows = [r for r in table.rows if not r.all_identical] if differs_only else table.rows
    return render(
        request,
        "licenses/family_detail.html",
        {
            "family": family,
            "table": table,
            "rows": rows,
            "differs_only": differs_only,
            "can_edit": rules.may_edit_family(request.user, family),
            "nav": "licenses",
        },
    )


@require_GET
def family_cell(request: HttpRequest, slug: str, group_id: int, clause_id: int) -> HttpResponse:
    family = selectors.family_for(slug)
    detail = selectors.cell_detail(family, group_id, clause_id)
    can_edit = rules.may_edit_family(request.user, family)
    context = {
        "family": family,
        "detail": detail,
        "can_edit": can_edit,
        "place_form": PlaceForm(choices=detail.choices) if can_edit else None,
        "nav": "licenses",
    }
    template = "licenses/family_cell.html"
    if request.htmx and not request.htmx.history_restore_request:
        template += "#panel"
    response = render(request, template, context)
    patch_vary_headers(response, ("HX-Request",))
    return response


@require_POST
@login_required
def family_place(request: HttpRequest, slug: str, group_id: int, clause_id: int) -> HttpResponse:
    family = _family_for_editor(request, slug)
    detail = selectors.cell_detail(family, group_id, clause_id)
    form = PlaceForm(request.POST, choices=detail.choices)
    if form.is_valid():
        target_id = form.cleaned_data["group"]
        target = get_object_or_404(ClauseGroup, family=family, pk=target_id) if target_id else None
        clause = get_object_or_404(Clause, pk=clause_id)
        try:
            services.group_place(family=family, clause=clause, group=target, user=request.user)
        except ValidationError as exc:
            messages.error(request, " ".join(exc.messages))
        except services.NotAllowed:
            raise Http404("No such family.") from None
        else:
            messages.success(request, f"{clause.path or 'The clause'} of {clause.version} moved.")
    else:
        messages.error(request, "Choose a row from the list.")
    return redirect(family)


@require_POST
@login_required
def family_realign(request: HttpRequest, slug: str) -> HttpResponse:
    family = _family_for_editor(request, slug)
    placed = services.family_realign(family=family, user=request.user)
    messages.success(
        request, f"Realigned: {placed} clauses placed; clauses moved by hand stayed where they were."
    )
    return redirect(family)
