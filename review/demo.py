"""A sample review for the demo: CC-BY-NC-4.0 read against the Open Source Definition.

The comments are our own words. Clauses are found by a phrase they contain rather than by
anchor, so the demo survives changes to the segmenter. Idempotent: a second run adds nothing.
"""

from __future__ import annotations

import os

from django.contrib.auth.models import Group, User
from django.db import transaction

from licenses.models import Clause, Criterion, CriterionSet, LicenseVersion

from . import roles, services
from .models import Profile, Review, Stance

LICENSE_SLUG = "cc-by-nc-4.0"
MARKER = "[demo review]"

PEOPLE = [
    # username, display name, affiliation, roles
    ("ines", "Ines Okafor", "Community reviewer", [roles.REVIEWER]),
    ("tomas", "Tomás Varga", "Foundation legal committee", [roles.REVIEWER]),
    ("maren", "Maren Lind", "License review moderator", [roles.MODERATOR]),
]

SUBMISSION = {
    "rationale": (
        f"{MARKER} Not a real submission: a worked example. The steward wants a license that lets "
        "people share and adapt material freely while keeping commercial uses for itself."
    ),
    "similar_licenses": "CC-BY-4.0 is the same text without the NonCommercial limits.",
    "legal_review": "Drafted by Creative Commons counsel; no separate review for this example.",
    "projects": "Course material, photography, research datasets.",
}

# (phrase in the clause, criterion number or None, quote or None, [(username, stance, body, wording)], resolve?)
THREADS = [
    (
        "for NonCommercial purposes only; and",
        6,
        "for NonCommercial purposes only",
        [
            (
                "ines",
                Stance.OBJECTION,
                "This is the heart of the problem. OSD 6 says a license may not stop anyone from using "
                "the work in a particular field of endeavour, and commerce is the field most people "
                "mean by that. A grant that stops at *NonCommercial* cannot pass.",
                "",
            ),
            (
                "tomas",
                Stance.QUESTION,
                "Agreed on the outcome, but is it OSD 6 or OSD 1 that carries the weight here? "
                "Free redistribution is also limited, since you cannot sell copies.",
                "",
            ),
            (
                "ines",
                Stance.PROPOSAL,
                "Both, I think. I would record a conflict on 6 and a concern on 1. Dropping the "
                "qualifier is the only change that fixes it:",
                "reproduce and Share the Licensed Material, in whole or in part; and",
            ),
        ],
        False,
    ),
    (
        "NonCommercial means not primarily intended for",
        None,
        "primarily intended for or directed towards commercial advantage",
        [
            (
                "tomas",
                Stance.CONCERN,
                "Even setting the OSD aside, *primarily intended* is hard to apply. A university "
                "spin-off or a nonprofit that sells support would each have to guess.",
                "",
            ),
            (
                "maren",
                Stance.NOTE,
                "The file-sharing carve-out in the second sentence shows the drafters knew this "
                "was fuzzy; it settles one case and leaves the rest open.",
                "",
            ),
        ],
        False,
    ),
    (
        "any reasonable manner requested by the Licensor",
        5,
        None,
        [
            (
                "ines",
                Stance.QUESTION,
                "Could *any reasonable manner requested by the Licensor* be used to single out "
                "particular people, against OSD 5?",
                "",
            ),
            (
                "tomas",
                Stance.SUPPORT,
                "No: the request shapes how credit is given, not who may use the material. The "
                "same wording is in CC-BY-4.0, which nobody reads that way.",
                "",
            ),
            ("ines", Stance.NOTE, "Fair enough, that answers it. Resolving.", ""),
        ],
        True,
    ),
    (
        "No downstream restrictions.",
        None,
        None,
        [
            (
                "maren",
                Stance.SUPPORT,
                "Worth noting what the license does well: no added terms and no technical measures "
                "downstream. The problem is the grant, not the conditions.",
                "",
            ),
        ],
        False,
    ),
]


def _person(username: str, name: str, affiliation: str, role_names: list[str]) -> User:
    user, created = User.objects.get_or_create(
        username=username, defaults={"email": f"{username}@example.org"}
    )
    if created:
        password = os.environ.get("DEMO_PASSWORD")
        # No fixed password in a public demo; set DEMO_PASSWORD to log in as the sample people.
        if password:
            user.set_password(password)
        else:
            user.set_unusable_password()
        user.save()
    Profile.objects.get_or_create(user=user, defaults={"display_name": name, "affiliation": affiliation})
    for role in role_names:
        user.groups.add(Group.objects.get_or_create(name=role)[0])
    return user


def _clause(version: LicenseVersion, phrase: str) -> Clause | None:
    return version.clauses.filter(text__contains=phrase).order_by("ordinal").first()


@transaction.atomic
def load_demo_review() -> str:
    version = LicenseVersion.objects.filter(license__slug=LICENSE_SLUG).order_by("created_at").first()
    osd = CriterionSet.objects.filter(slug=services.DEFAULT_CRITERION_SET).first()
    if version is None or osd is None:
        return "Demo review skipped: CC-BY-NC-4.0 or the OSD criteria are not loaded."
    if Review.objects.filter(version=version, rationale__startswith=MARKER).exists():
        return "Demo review: already there."
    people = {p[0]: _person(*p) for p in PEOPLE}
    moderator = people["maren"]
    review = services.review_open(version=version, opened_by=moderator, criterion_set=osd, **SUBMISSION)
    made = 0
    for phrase, number, quote, comments, resolve in THREADS:
        clause = _clause(version, phrase)
        if clause is None:
            continue
        criterion = Criterion.objects.filter(set=osd, number=number).first() if number else None
        first_user, stance, body, wording = comments[0]
        thread = services.thread_start(
            review=review,
            clause=clause,
            author=people[first_user],
            body=body,
            stance=stance,
            criterion=criterion,
            quote=services.Quote(exact=quote) if quote and quote in clause.text else None,
            suggested_wording=wording,
        )
        for username, stance, body, wording in comments[1:]:
            services.comment_add(
                thread=thread, author=people[username], body=body, stance=stance, suggested_wording=wording
            )
        if resolve:
            services.thread_resolve(thread=thread, user=people[first_user])
        made += 1
    return f"Demo review: {review.get_absolute_url()} with {made} threads."
