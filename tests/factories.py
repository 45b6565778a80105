"""Plain factory functions for tests: make_x(**overrides) -> saved instance."""

from __future__ import annotations

import itertools

from django.contrib.auth.models import Group, User

from licenses.ingest import ingest_version
from licenses.models import Criterion, CriterionSet, License, LicenseVersion

_seq = itertools.count(1)

SAMPLE_TEXT = """Sample Model License

1. Definitions.

"Model" means the trained weights.

2. Grant.

2.1 You may use, copy and share the Model.

2.2 Conditions.

(a) You must keep this notice.

(b) If you distribute a collection of Output as a dataset, you must include a notice that it was made with the Model.

3. No Warranty.

The Model is provided as is.
"""


def make_user(
    username: str | None = None,
    *,
    roles: tuple[str, ...] = (),
    password: str = "correct horse battery",
    **extra,
) -> User:
    username = username or f"user{next(_seq)}"
    extra.setdefault("email", f"{username}@example.org")
    user = User.objects.create_user(username=username, password=password, **extra)
    for role in roles:
        user.groups.add(Group.objects.get_or_create(name=role)[0])
    return user


def make_license(**overrides) -> License:
    n = next(_seq)
    fields = {"slug": f"license-{n}", "name": f"License {n}"}
    fields.update(overrides)
    return License.objects.create(**fields)


def make_version(
    license: License | None = None, *, text: str = SAMPLE_TEXT, label: str = "1.0", **kw
) -> LicenseVersion:
    license = license or make_license()
    return ingest_version(
        license=license, text=text, label=label, source=LicenseVersion.Source.PASTE, **kw
    ).version


def numbered_text(n: int) -> str:
    """A license text with ``n`` top-level numbered clauses."""
    return (
        "Preamble.\n\n"
        + "\n\n".join(f"{i}. Clause number {i} says something." for i in range(1, n + 1))
        + "\n"
    )


def ensure_reference_data() -> None:
    """The rows the data migrations load (criterion sets, role groups), when a transactional
    test's flush took them: loading them is idempotent."""
    if CriterionSet.objects.filter(slug="osd-1.9").exists():
        return
    import importlib

    from django.apps import apps

    importlib.import_module("licenses.migrations.0002_criterion_sets").load(apps, None)
    importlib.import_module("review.migrations.0002_roles").create(apps, None)


def osd() -> CriterionSet:
    return CriterionSet.objects.get(slug="osd-1.9")


def osd_criterion(number: int) -> Criterion:
    return Criterion.objects.get(set__slug="osd-1.9", number=number)


def make_review(version: LicenseVersion | None = None, *, opened_by: User | None = None, **kw):
    """An open public review of ``version`` (a fresh SAMPLE_TEXT version by default) against OSD."""
    from review.models import Review

    return Review.objects.create(
        version=version or make_version(), criterion_set=osd(), opened_by=opened_by, **kw
    )
