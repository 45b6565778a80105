"""Roles are Django groups. These helpers answer "may this user …?" in one place."""

from __future__ import annotations

REVIEWER = "reviewer"
STEWARD = "steward"
MODERATOR = "moderator"


def _groups(user) -> set[str]:
    if not user.is_authenticated:
        return set()
    cached = getattr(user, "_clausewise_groups", None)
    if cached is None:
        cached = set(user.groups.values_list("name", flat=True))
        user._clausewise_groups = cached
    return cached


def is_moderator(user) -> bool:
    return user.is_authenticated and (user.is_superuser or MODERATOR in _groups(user))


def is_reviewer(user) -> bool:
    """Reviewers comment and take positions; moderators may too."""
    return user.is_authenticated and (REVIEWER in _groups(user) or is_moderator(user))


def is_steward(user) -> bool:
    return user.is_authenticated and (STEWARD in _groups(user) or user.is_superuser)


def is_steward_of(user, license) -> bool:
    """A steward of this particular license (named on it), or an admin."""
    if not user.is_authenticated:
        return False
    if user.is_superuser:
        return True
    return STEWARD in _groups(user) and license.stewards.filter(pk=user.pk).exists()


def can_comment(user) -> bool:
    return is_reviewer(user) or is_steward(user)


def role_names(user) -> list[str]:
    return sorted(_groups(user))


#: Roles a moderator gives and withdraws on the members page (moderators are made in the admin).
MANAGED_ROLES = (REVIEWER, STEWARD)
#: Roles a person may ask for from their profile.
REQUESTABLE_ROLES = (REVIEWER,)


def may_manage_members(user) -> bool:
    """Moderators see the members page, give and withdraw roles, and answer requests."""
    return is_moderator(user)
