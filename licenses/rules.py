"""Who may change what in the catalogue. One home for the rights of the licenses app.

Each function answers "may this user …?" and costs at most one query. Views answer 404 when
the answer is no (never 403), so the existence of a thing is not revealed to those who may
not touch it. Roles themselves (groups) are in :mod:`accounts.roles`.
"""

from __future__ import annotations

from accounts import roles


def may_add_version(user, license) -> bool:
    """Admins and holders of the permission, or a steward named on the license who still has the
    steward role (roles are groups: revoking the group revokes the right, as for corrections)."""
    if not user.is_authenticated:
        return False
    return user.has_perm("licenses.add_licenseversion") or roles.is_steward_of(user, license)


def may_correct(user, license) -> bool:
    """Split, merge, relabel and undo clauses: moderators and the license's stewards."""
    return user.is_authenticated and (roles.is_moderator(user) or roles.is_steward_of(user, license))


def may_create_family(user) -> bool:
    """Group sibling licenses into a family: stewards and moderators."""
    return roles.is_moderator(user) or roles.is_steward(user)


def may_edit_family(user, family) -> bool:
    """Edit a family and correct its clause groups: moderators, and stewards who created it or are
    named on one of its members (one query)."""
    if roles.is_moderator(user):
        return True
    if not roles.is_steward(user):
        return False
    return family.created_by_id == user.pk or family.members.filter(stewards=user).exists()


def may_link_clauses(user, license_a, license_b) -> bool:
    """Link or unlink clauses of two versions by hand on the compare page: moderators, and the
    stewards of either license (a steward answers for how its license reads against others)."""
    if not user.is_authenticated:
        return False
    return (
        roles.is_moderator(user)
        or roles.is_steward_of(user, license_a)
        or roles.is_steward_of(user, license_b)
    )
