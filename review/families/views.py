from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.views.decorators.http import require_GET, require_POST

from licenses.families import selectors as family_selectors
from licenses.families.models import ClauseGroup
from licenses.families.services import current_versions, ordered_members
from licenses.models import Clause
from review import selectors as review_selectors
from review.families import selectors, services
from review.families.forms import FamilyPositionForm, FamilyReviewForm, FamilyThreadForm
from review.rules import may_set_positions
from review.services import NotAllowed


def _int(value) -> int | None:
    try:
        return int(value)
    except (TypeError, ValueError):
        return None


def _page_url(review, member_id: int | None = None, anchor: str = "") -> str:
    url = reverse("review:family-review", args=[review.pk])
    if member_id:
        url += f"?member={member_id}"
    return url + (f"#{anchor}" if anchor else "")


@login_required
def family_review_create(request: HttpRequest, slug: str) -> HttpResponse:
    family = family_selectors.family_for(slug)
    if not services.may_open_family_review(request.user, family):
        raise Http404("No such family.")
    latest = current_versions(ordered_members(family))
    versions = [latest[m.pk] for m in ordered_members(family) if m.pk in latest]
    form = FamilyReviewForm(request.POST or None, versions=versions)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            review = services.family_review_open(
                family=family,
                opened_by=request.user,
                members=data["members"],
                criterion_set=data["criterion_set"],
                rationale=data["rationale"],
                is_public=data["is_public"],
            )
        except ValidationError as exc:
            for message in exc.messages:
                form.add_error(None, message)
        else:
            messages.success(
                request, "The family review is open: a thread on one member's clause shows on its siblings."
            )
            return redirect(_page_url(review))
    return render(
        request, "review/family_review_form.html", {"form": form, "family": family, "nav": "reviews"}
    )


@require_GET
def family_review(request: HttpRequest, pk: int) -> HttpResponse:
    review = review_selectors.review_for(pk, request.user)
    page = selectors.family_review_page(review, user=request.user, member_id=_int(request.GET.get("member")))
    return render(
        request,
        "review/family_review.html",
        {"page": page, "review": review, "viewer": page.viewer, "nav": "reviews"},
    )


@require_POST
@login_required
def family_thread_create(request: HttpRequest, pk: int) -> HttpResponse:
    review = review_selectors.review_for(pk, request.user)
    family_review = selectors.family_review_for(review)
    form = FamilyThreadForm(request.POST, review=review)
    if not form.is_valid():
        messages.error(request, "Write something, and pick the members it applies to.")
        return redirect(_page_url(review, _int(request.POST.get("member"))))
    data = form.cleaned_data
    clause = get_object_or_404(Clause, pk=data["clause"], version__in=family_review.members.all())
    try:
        thread = services.family_thread_start(
            review=review,
            clause=clause,
            author=request.user,
            body=data["body"],
            stance=data["stance"],
            criterion=data["criterion"],
            members=list(data["members"]) or None,
        )
    except NotAllowed:
        raise Http404("No such review.") from None
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
        return redirect(_page_url(review, clause.version_id, f"c-{clause.anchor}"))
    messages.success(request, "Thread started; it shows on every member it applies to.")
    return redirect(_page_url(review, clause.version_id, thread.dom_id))


@require_GET
def family_matrix(request: HttpRequest, pk: int) -> HttpResponse:
    review = review_selectors.review_for(pk, request.user)
    matrix = selectors.family_matrix(review)
    return render(
        request,
        "review/family_matrix.html",
        {"matrix": matrix, "review": review, "nav": "reviews"},
    )


def family_cell(request: HttpRequest, pk: int, group_id: int, criterion_id: int) -> HttpResponse:
    review = review_selectors.review_for(pk, request.user)
    matrix, row, cell, present = selectors.family_cell(review, group_id, criterion_id)
    can_set = may_set_positions(request.user, review)
    if request.method == "POST" and not can_set:
        raise Http404("No such cell.")
    if request.method not in ("GET", "POST"):
        raise Http404("No such cell.")
    group = get_object_or_404(ClauseGroup, pk=group_id, family=matrix.family)
    form = None
    if can_set:
        now = services.cell_stamp(review=review, group=group, criterion=cell.criterion, reviewer=request.user)
        form = FamilyPositionForm(request.POST or None, present=present, initial={"expected": now})
    status = 200
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            services.family_position_set(
                review=review,
                group=group,
                criterion=cell.criterion,
                reviewer=request.user,
                verdict=data["verdict"],
                rationale=data["rationale"],
                members=list(data["members"]),
                expected=data["expected"] if "expected" in request.POST else None,
            )
        except (NotAllowed, PermissionDenied):
            raise Http404("No such cell.") from None
        except services.StalePosition:
            # Shown again as the cell is now, with what was typed kept and the new stamp.
            matrix, row, cell, present = selectors.family_cell(review, group_id, criterion_id)
            data = request.POST.copy()
            data["expected"] = now
            form = FamilyPositionForm(data, present=present)
            form.is_valid()
            form.add_error(
                None,
                "Your positions on this cell changed since you opened this cell (in another tab?). "
                "They are shown above as they are now; save again to replace them.",
            )
            status = 409
        except ValidationError as exc:
            for message in exc.messages:
                form.add_error(None, message)
        else:
            messages.success(request, "Position saved.")
            return redirect(reverse("review:family-matrix", args=[review.pk]) + f"#g-{group_id}")
    return render(
        request,
        "review/family_cell.html",
        {"review": review, "matrix": matrix, "row": row, "cell": cell, "form": form, "nav": "reviews"},
        status=status,
    )
