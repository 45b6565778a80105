"""Sample reviews for the demo.

- CC-BY-NC-4.0 read against the Open Source Definition, with threads, a resolved one and
  the demo reviewers' positions (``demo.positions``), so the matrix is not empty;
- the Mozilla Public License in two rounds: a review of version 1.1 with threads on clauses
  that change in 2.0 and on one that 2.0 drops, then the next round opened on 2.0, so the
  demo shows carried, outdated and orphaned threads.

The comments are our own words. Clauses are found by a phrase they contain rather than by
anchor, so the demo survives changes to the segmenter. Idempotent: a second run adds nothing.
"""

from __future__ import annotations

import os

from django.contrib.auth.models import Group, User
from django.db import transaction

from accounts import roles
from accounts.models import Profile
from demo.positions import add_demo_positions
from licenses.models import Clause, Criterion, CriterionSet, LicenseVersion
from review import services
from review.models import Review, Stance
from review.rounds.services import open_next_round

LICENSE_SLUG = "cc-by-nc"  # CC-BY-NC-4.0: the 4.0 version of one license (see spdx_import.spdx_key)
LICENSE_LABEL = "4.0"
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


# A second review whose grant is worded like CC-BY-NC's without the NonCommercial limit, so that
# each matrix shows precedent from the other (demo.positions).
CC_BY_SLUG = "cc-by"  # CC-BY-4.0: version 4.0 of cc-by (spdx_import.spdx_key)
CC_BY_SUBMISSION = {
    "rationale": (
        f"{MARKER} Not a real submission: a worked example of precedent. CC-BY-4.0 is CC-BY-NC-4.0 "
        "without the NonCommercial limits; positions taken here show beside the clauses worded alike."
    ),
    "similar_licenses": "CC-BY-NC-4.0 adds NonCommercial limits to the same text.",
    "legal_review": "None for this example.",
    "projects": "Open educational resources, documentation, data sets.",
}

MPL_SLUG = "mpl"
MPL_FIRST, MPL_NEXT = "1.1", "2.0"
MPL_SUBMISSION = {
    "rationale": (
        f"{MARKER} Not a real submission: a worked example of review rounds. Version 1.1 is read "
        "first; the steward then brings version 2.0, and the open threads follow it."
    ),
    "similar_licenses": "The Netscape Public License, from which it grew.",
    "legal_review": "None for this example.",
    "projects": "Browsers and mail clients, among others.",
}
# The same shape as THREADS. Each clause changes or disappears in 2.0.
MPL_THREADS = [
    (
        "If You initiate litigation by asserting a patent infringement claim",
        None,
        "asserting a patent infringement claim",
        [
            (
                "tomas",
                Stance.CONCERN,
                "The patent retaliation here ends the licences of anyone who sues the Initial "
                "Developer or a Contributor, and point (b) reaches claims about *other* "
                "software of theirs too. Defensive termination is fine; this reach seems wider "
                "than it needs to be.",
                "",
            ),
            (
                "ines",
                Stance.QUESTION,
                "Would limiting it to claims that the covered code itself infringes answer your "
                "concern, or do you want the clause gone?",
                "",
            ),
        ],
        False,
    ),
    (
        "may publish revised and/or new versions",
        None,
        "Netscape Communications Corporation",
        [
            (
                "ines",
                Stance.QUESTION,
                "The body that may publish new versions is named as a company that no longer "
                "stewards the license. Who can issue a new version today, and does code offered "
                "under *later versions* follow them?",
                "",
            ),
        ],
        False,
    ),
    (
        "U.S. Government End Users acquire Covered Code",
        5,
        None,
        [
            (
                "tomas",
                Stance.QUESTION,
                "Does this section set one group of users apart? If it gave government users "
                "fewer rights it would run against OSD 5.",
                "",
            ),
            (
                "maren",
                Stance.NOTE,
                "As I read it, it only says they get the same rights as everyone else, using "
                "procurement vocabulary. Leaving the thread open until the next draft.",
                "",
            ),
        ],
        False,
    ),
]
# A reply in the second round, on the thread carried from the clause naming the steward.
MPL_NEXT_REPLY = (
    "may publish revised and/or new versions",
    "maren",
    Stance.NOTE,
    "Version 2.0 names the Mozilla Foundation as the license steward and says nobody else may "
    "publish new versions. That looks like the answer; can the thread's author confirm?",
)


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


def _add_threads(review: Review, people: dict[str, User], osd: CriterionSet, threads) -> int:
    version = review.version
    made = 0
    for phrase, number, quote, comments, resolve in threads:
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
    return made


def _demo_cc(osd: CriterionSet) -> str:
    version = LicenseVersion.objects.filter(license__slug=LICENSE_SLUG, label=LICENSE_LABEL).first()
    if version is None:
        return "Demo review skipped: CC-BY-NC-4.0 is not loaded."
    review = Review.objects.filter(version=version, rationale__startswith=MARKER).first()
    if review is not None:
        message = "Demo review: already there."
    else:
        people = {p[0]: _person(*p) for p in PEOPLE}
        review = services.review_open(
            version=version, opened_by=people["maren"], criterion_set=osd, **SUBMISSION
        )
        made = _add_threads(review, people, osd, THREADS)
        message = f"Demo review: {review.get_absolute_url()} with {made} threads."
    positions = add_demo_positions(review)  # idempotent: adds only what is missing
    if positions:
        message += f" {positions} demo positions added."
    return message


def _demo_cc_by(osd: CriterionSet) -> str:
    version = LicenseVersion.objects.filter(license__slug=CC_BY_SLUG, label=LICENSE_LABEL).first()
    if version is None:
        return "Demo precedent review skipped: CC-BY-4.0 is not loaded."
    review = Review.objects.filter(
        version=version, rationale__startswith=MARKER, family_review__isnull=True
    ).first()
    message = ""
    if review is None:
        maren = _person(*next(p for p in PEOPLE if p[0] == "maren"))
        review = services.review_open(version=version, opened_by=maren, criterion_set=osd, **CC_BY_SUBMISSION)
        message = f"Demo precedent review: {review.get_absolute_url()} (CC-BY-4.0)."
    positions = add_demo_positions(review)
    if positions:
        message += f" {positions} demo positions added."
    return message.strip()


def _demo_rounds(osd: CriterionSet) -> str:
    first = LicenseVersion.objects.filter(license__slug=MPL_SLUG, label=MPL_FIRST).first()
    second = LicenseVersion.objects.filter(license__slug=MPL_SLUG, label=MPL_NEXT).first()
    if first is None or second is None:
        return "Demo rounds skipped: MPL 1.1 and 2.0 are not loaded."
    review = Review.objects.filter(version=first, rationale__startswith=MARKER).first()
    people = {p[0]: _person(*p) for p in PEOPLE}
    made = None
    if review is None:
        review = services.review_open(
            version=first, opened_by=people["maren"], criterion_set=osd, **MPL_SUBMISSION
        )
        made = _add_threads(review, people, osd, MPL_THREADS)
    if Review.objects.filter(previous_round=review, version=second).exists():
        return "Demo rounds: already there." if made is None else ""
    nxt = open_next_round(review=review, new_version=second, by=people["maren"])
    phrase, username, stance, body = MPL_NEXT_REPLY
    old_clause = _clause(first, phrase)
    carried = nxt.threads.filter(carried_from__clause=old_clause).first() if old_clause else None
    if carried is not None:
        services.comment_add(thread=carried, author=people[username], body=body, stance=stance)
    orphans = nxt.threads.filter(orphaned=True).count()
    return (
        f"Demo rounds: {review.get_absolute_url()} (MPL {MPL_FIRST}, {made or 0} threads) and its next "
        f"round {nxt.get_absolute_url()} (MPL {MPL_NEXT}, {nxt.threads.count()} carried, {orphans} orphaned)."
    )


@transaction.atomic
def load_demo_review() -> str:
    """Load the sample reviews; one line of news per review. A second run adds nothing."""
    osd = CriterionSet.objects.filter(slug=services.DEFAULT_CRITERION_SET).first()
    if osd is None:
        return "Demo reviews skipped: the OSD criteria are not loaded."
    return "\n".join(line for line in (_demo_cc(osd), _demo_cc_by(osd), _demo_rounds(osd)) if line)
