"""The members page: moderators give and withdraw the reviewer and steward roles (stewards per
license), answer role requests, and read the history of who changed what.

Everything here answers 404 to anyone who is not a moderator. Writes are POST-only forms that
work without JavaScript (a redirect back to the member with a message).
"""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.contrib.auth.models import User
from django.core.exceptions import ValidationError
from django.db.models import Count, Prefetch, Q
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_GET, require_POST

from accounts import roles, services
from accounts.models import RoleChange, RoleRequest, display_name

PAGE_SIZE = 100


def _moderator(request: HttpRequest) -> None:
    if not roles.may_manage_members(request.user):
        raise Http404("No such page.")


def _member(pk: int) -> User:
    return get_object_or_404(User.objects.select_related("profile"), pk=pk, is_active=True)


@require_GET
@login_required
def member_list(request: HttpRequest) -> HttpResponse:
    _moderator(request)
    query = request.GET.get("q", "").strip()[:100]
    role = request.GET.get("role", "")
    members = (
        User.objects.filter(is_active=True)
        .select_related("profile")
        .prefetch_related("groups", Prefetch("stewarded_licenses", to_attr="licenses"))
        .order_by("username")
    )
    if query:
        members = members.filter(
            Q(username__icontains=query) | Q(profile__display_name__icontains=query) | Q(email__iexact=query)
        )
    if role in (roles.REVIEWER, roles.STEWARD, roles.MODERATOR):
        members = members.filter(groups__name=role)
    elif role == "none":
        members = members.annotate(n=Count("groups")).filter(n=0, is_superuser=False)
    else:
        role = ""
    total = members.count()
    pending = (
        RoleRequest.objects.filter(status=RoleRequest.Status.PENDING)
        .select_related("user__profile")
        .order_by("created_at")
    )
    history = RoleChange.objects.select_related("member__profile", "changed_by__profile")[:30]
    return render(
        request,
        "accounts/member_list.html",
        {
            "members": list(members[:PAGE_SIZE]),
            "total": total,
            "shown": min(total, PAGE_SIZE),
            "query": query,
            "role": role,
            "pending": list(pending),
            "history": list(history),
        },
    )


@require_GET
@login_required
def member_detail(request: HttpRequest, pk: int) -> HttpResponse:
    _moderator(request)
    member = _member(pk)
    return render(request, "accounts/member_detail.html", _detail_context(member))


def _detail_context(member: User, **extra) -> dict:
    held = set(member.groups.values_list("name", flat=True))
    return {
        "member": member,
        "managed": [(r, r in held) for r in roles.MANAGED_ROLES],
        "is_moderator_member": roles.is_moderator(member),
        "licenses": list(member.stewarded_licenses.order_by("name")),
        "pending": list(member.role_requests.filter(status=RoleRequest.Status.PENDING)),
        "history": list(member.role_changes.select_related("changed_by__profile")[:100]),
        "all_licenses": services.license_model().objects.order_by("name").values_list("slug", "name"),
        **extra,
    }


@require_POST
@login_required
def member_role(request: HttpRequest, pk: int) -> HttpResponse:
    _moderator(request)
    member = _member(pk)
    role = request.POST.get("role", "")
    action = request.POST.get("action", "")
    if role not in roles.MANAGED_ROLES or action not in ("grant", "withdraw"):
        raise Http404("No such role.")
    note = request.POST.get("note", "").strip()
    if action == "grant":
        done = services.role_grant(member=member, role=role, by=request.user, note=note)
        messages.success(
            request, f"{_name(member)} is now a {role}." if done else f"{_name(member)} was a {role} already."
        )
    else:
        done = services.role_withdraw(member=member, role=role, by=request.user, note=note)
        messages.success(
            request,
            f"{_name(member)} is no longer a {role}." if done else f"{_name(member)} was not a {role}.",
        )
    return redirect("member-detail", pk=member.pk)


@require_POST
@login_required
def member_stewardship(request: HttpRequest, pk: int) -> HttpResponse:
    _moderator(request)
    member = _member(pk)
    License = services.license_model()
    action = request.POST.get("action", "")
    if action == "remove":
        license = member.stewarded_licenses.filter(pk=_int(request.POST.get("license"))).first()
        if license is None:
            raise Http404("No such stewardship.")
        services.steward_remove(member=member, license=license, by=request.user)
        messages.success(request, f"{_name(member)} no longer stewards {license.name}.")
        return redirect("member-detail", pk=member.pk)
    if action != "add":
        raise Http404("No such action.")
    given = request.POST.get("license", "").strip()
    license = (
        License.objects.filter(Q(slug__iexact=given) | Q(spdx_id__iexact=given)).first() if given else None
    )
    if license is None:
        error = (
            f"No license has the slug or SPDX id “{given}”. Pick one from the list as you type."
            if given
            else "Type the license's slug or SPDX id."
        )
        context = _detail_context(member, license_error=error, license_value=given)
        return render(request, "accounts/member_detail.html", context, status=422)
    try:
        added = services.steward_add(member=member, license=license, by=request.user)
    except ValidationError as exc:
        context = _detail_context(member, license_error=" ".join(exc.messages), license_value=given)
        return render(request, "accounts/member_detail.html", context, status=422)
    messages.success(
        request,
        f"{_name(member)} now stewards {license.name}."
        if added
        else f"{_name(member)} stewarded {license.name} already.",
    )
    return redirect("member-detail", pk=member.pk)


@require_POST
@login_required
def request_decline(request: HttpRequest, pk: int) -> HttpResponse:
    _moderator(request)
    role_request = get_object_or_404(RoleRequest, pk=pk, status=RoleRequest.Status.PENDING)
    services.role_request_decline(request=role_request, by=request.user)
    messages.success(
        request, f"Declined {_name(role_request.user)}'s request for the {role_request.role} role."
    )
    return redirect("member-list")


def _name(user: User) -> str:
    return display_name(user)


def _int(value) -> int | None:
    value = str(value or "")
    return int(value) if value.isdigit() and len(value) < 18 else None
