"""Role changes and role requests: every write keeps a history line (``RoleChange``).

Keyword-only functions, each in one transaction. ``by`` is the moderator; callers check
``roles.may_manage_members(by)`` (the views answer 404 to anyone else), and the functions
check it again so that no other caller can skip it.

Stewardship is per license: the license comes in as an object of the model behind
``User.stewarded_licenses`` (``licenses.License``), reached through that relation so that
accounts imports nothing from licenses.
"""

from __future__ import annotations

from django.contrib.auth.models import Group, User
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone

from accounts import roles
from accounts.models import RoleChange, RoleRequest


def license_model():
    """The model of the licenses a user can steward, without importing the licenses app."""
    return User._meta.get_field("stewarded_licenses").related_model


def _check(by: User, role: str) -> None:
    if not roles.may_manage_members(by):
        raise PermissionDenied("Only moderators manage roles.")
    if role not in roles.MANAGED_ROLES:
        raise ValidationError(f"The {role!r} role is not given on the members page.")


def _forget_cached_roles(user: User) -> None:
    user.__dict__.pop("_clausewise_groups", None)


def _log(
    *, member: User, by: User, role: str, action: str, license_name: str = "", note: str = ""
) -> RoleChange:
    change = RoleChange(
        member=member, changed_by=by, role=role, action=action, license_name=license_name, note=note[:300]
    )
    change.full_clean()
    change.save()
    return change


def _close_requests(*, member: User, role: str, by: User, status: str) -> None:
    RoleRequest.objects.filter(user=member, role=role, status=RoleRequest.Status.PENDING).update(
        status=status, decided_by=by, decided_at=timezone.now()
    )


@transaction.atomic
def role_grant(*, member: User, role: str, by: User, note: str = "") -> bool:
    """Give ``role`` to ``member``; False (and no history line) when they have it already."""
    _check(by, role)
    group, _ = Group.objects.get_or_create(name=role)
    _close_requests(member=member, role=role, by=by, status=RoleRequest.Status.GRANTED)
    if member.groups.filter(pk=group.pk).exists():
        return False
    member.groups.add(group)
    _forget_cached_roles(member)
    _log(member=member, by=by, role=role, action=RoleChange.Action.GRANTED, note=note)
    return True


@transaction.atomic
def role_withdraw(*, member: User, role: str, by: User, note: str = "") -> bool:
    """Take ``role`` from ``member``. Withdrawing the steward role also ends every stewardship."""
    _check(by, role)
    group = Group.objects.filter(name=role).first()
    if group is None or not member.groups.filter(pk=group.pk).exists():
        return False
    if role == roles.STEWARD:
        for license in member.stewarded_licenses.order_by("name"):
            steward_remove(member=member, license=license, by=by)
    member.groups.remove(group)
    _forget_cached_roles(member)
    _log(member=member, by=by, role=role, action=RoleChange.Action.WITHDRAWN, note=note)
    return True


@transaction.atomic
def steward_add(*, member: User, license, by: User) -> bool:
    """Name ``member`` a steward of ``license`` (giving the steward role when needed)."""
    _check(by, roles.STEWARD)
    if not isinstance(license, license_model()):
        raise ValidationError("Choose a license.")
    role_grant(member=member, role=roles.STEWARD, by=by)
    if license.stewards.filter(pk=member.pk).exists():
        return False
    license.stewards.add(member)
    _log(
        member=member, by=by, role=roles.STEWARD, action=RoleChange.Action.GRANTED, license_name=license.name
    )
    return True


@transaction.atomic
def steward_remove(*, member: User, license, by: User) -> bool:
    _check(by, roles.STEWARD)
    if not license.stewards.filter(pk=member.pk).exists():
        return False
    license.stewards.remove(member)
    _log(
        member=member,
        by=by,
        role=roles.STEWARD,
        action=RoleChange.Action.WITHDRAWN,
        license_name=license.name,
    )
    return True


@transaction.atomic
def role_request(*, user: User, role: str, note: str = "") -> RoleRequest:
    """Ask for a role. Refused, with a reason, when it is held already or a request is waiting."""
    if role not in roles.REQUESTABLE_ROLES:
        raise ValidationError(f"The {role!r} role cannot be asked for.")
    if role in roles.role_names(user) or (role == roles.REVIEWER and roles.is_reviewer(user)):
        raise ValidationError("You have this role already.")
    if RoleRequest.objects.filter(user=user, role=role, status=RoleRequest.Status.PENDING).exists():
        raise ValidationError("Your request is already waiting for a moderator.")
    request = RoleRequest(user=user, role=role, note=note.strip())
    request.full_clean()
    request.save()
    return request


@transaction.atomic
def role_request_cancel(*, request: RoleRequest, user: User) -> None:
    if request.user_id != user.pk or request.status != RoleRequest.Status.PENDING:
        raise PermissionDenied
    request.status = RoleRequest.Status.CANCELLED
    request.decided_at = timezone.now()
    request.save(update_fields=["status", "decided_at"])


@transaction.atomic
def role_request_decline(*, request: RoleRequest, by: User) -> None:
    _check(by, request.role)
    if request.status != RoleRequest.Status.PENDING:
        raise ValidationError("This request was answered already.")
    request.status = RoleRequest.Status.DECLINED
    request.decided_by = by
    request.decided_at = timezone.now()
    request.save(update_fields=["status", "decided_by", "decided_at"])
