"""The world of the audit: users of every role and objects full of payloads, built once per
module (``module_world``) and read back for each test (``world``)."""

from __future__ import annotations

from dataclasses import dataclass, field, fields

from django.db import transaction
from django.test import Client, override_settings

from tests.security.payloads import P_LONG, P_MID, P_SHORT, P_TEXT, PAYLOAD_TEXT, mail

# --- the world ------------------------------------------------------------------------------------


@dataclass
class World:
    users: dict[str, object]
    license: object
    v1: object
    v2: object
    clause: object  # a clause of v1 with a payload in its text, and a thread, positions, mail
    next_clause: object  # a clause that has a next clause (for merge)
    correction: object
    review: object
    decided: object  # a decided review (decision rationale), on v2
    thread: object  # started by "author" on ``clause``, tagged OSD 6, with a quote
    resolved_thread: object  # started by "author", resolved
    comment: object  # the author's first comment (edited once: it has a revision)
    reply: object  # by "other"
    hidden: object  # by "other", hidden by the moderator with a payload reason
    deleted: object  # by "author", deleted
    mail_comment: object  # imported from mail; its author name is a payload
    extra: dict = field(default_factory=dict)

    def user(self, key: str):
        return self.users[key]

    def refetch(self) -> World:
        """The same world read back from the database (tests may have changed the objects)."""

        def fresh(obj):
            return type(obj)._default_manager.get(pk=obj.pk)

        objects = {
            f.name: fresh(getattr(self, f.name)) for f in fields(self) if f.name not in ("users", "extra")
        }
        return World(users={k: fresh(u) for k, u in self.users.items()}, **objects)


def build_world() -> World:
    from accounts.models import Profile
    from licenses.corrections import services as corrections
    from review import services
    from review.mail.preview import preview_import
    from review.mail.services import ImportChoice, import_messages
    from review.matrix.services import position_set
    from review.models import Stance
    from tests.factories import make_license, make_review, make_user, make_version, osd_criterion

    users = {
        "author": make_user(P_SHORT + "a", roles=("reviewer",)),
        "other": make_user("otto", roles=("reviewer",)),
        "plain": make_user("paula"),
        "steward": make_user("stella", roles=("steward",)),
        "other_steward": make_user("stan", roles=("steward",)),
        "moderator": make_user("mona", roles=("moderator",)),
    }
    for user in users.values():
        Profile.objects.get_or_create(user=user)
    Profile.objects.update_or_create(
        user=users["author"], defaults={"display_name": P_MID, "affiliation": P_LONG}
    )
    Profile.objects.update_or_create(
        user=users["other"], defaults={"display_name": P_MID + "o", "affiliation": P_LONG}
    )
    license = make_license(slug="xss-license", name=P_LONG, steward=P_LONG, description=P_TEXT)
    license.stewards.add(users["steward"])
    v1 = make_version(license, text=PAYLOAD_TEXT, label=P_SHORT, created_by=users["steward"])
    v2 = make_version(license, text=PAYLOAD_TEXT + "\n4. Extra.\n\nA new clause.\n", label="2.0", previous=v1)
    clause = next(c for c in v1.clauses.order_by("ordinal") if "pwn" in c.text and c.anchor == "2.2.b")
    next_clause = v1.clauses.get(anchor="2.1")
    correction = corrections.clause_relabel(
        clause=v1.clauses.get(anchor="3"), label="3.", heading=P_TEXT[:480], actor=users["steward"]
    )
    review = make_review(
        v1,
        opened_by=users["steward"],
        rationale=P_TEXT,
        similar_licenses=P_TEXT,
        legal_review=P_TEXT,
        projects=P_TEXT,
    )
    decided = make_review(v2, opened_by=users["steward"], rationale=P_TEXT)
    author, other, moderator = users["author"], users["other"], users["moderator"]
    osd6 = osd_criterion(6)
    quote_start = clause.text.index("<script>")
    thread = services.thread_start(
        review=review,
        clause=clause,
        author=author,
        body=P_TEXT,
        stance=Stance.OBJECTION,
        criterion=osd6,
        quote=services.Quote(exact=clause.text[quote_start : quote_start + 60]),
        suggested_wording=P_TEXT,
    )
    comment = thread.comments.get()
    services.comment_edit(
        comment=comment,
        editor=author,
        body=P_TEXT + "\n\nEdited.",
        stance=Stance.OBJECTION,
        suggested_wording=P_TEXT,
    )
    reply = services.comment_add(thread=thread, author=other, body=P_TEXT, suggested_wording=P_TEXT)
    hidden = services.comment_add(thread=thread, author=other, body=P_TEXT)
    services.comment_hide(comment=hidden, user=moderator, reason=P_LONG)
    deleted = services.comment_add(thread=thread, author=author, body="Deleted " + P_TEXT)
    services.comment_delete(comment=deleted, user=author)
    resolved_thread = services.thread_start(review=review, clause=next_clause, author=author, body=P_TEXT)
    services.thread_resolve(thread=resolved_thread, user=moderator)
    services.review_decide(review=decided, user=moderator, status="rejected", rationale=P_TEXT, threads=[])
    position_set(
        review=review,
        clause=clause,
        criterion=osd6,
        reviewer=author,
        verdict="conflicts",
        rationale=P_TEXT,
        expected_version=0,
        threads=[thread],
    )
    position_set(
        review=review,
        clause=clause,
        criterion=osd6,
        reviewer=other,
        verdict="complies",
        rationale=P_TEXT,
        expected_version=0,
    )
    preview = preview_import(review=review, raw=mail(1))
    result = import_messages(
        review=review,
        items=[ImportChoice(message=preview.items[0].message, clause_id=clause.pk, stance=Stance.CONCERN)],
        by=moderator,
    )
    mail_comment = result.comments[0]
    _family(license)
    assert "pwn" in mail_comment.author_name, mail_comment.author_name
    # The parser drops angle brackets from a display name; an encoded header or an older
    # importer may not, so the stored name gets the raw payload too.
    type(mail_comment).objects.filter(pk=mail_comment.pk).update(author_name=P_LONG)
    # An API token with a payload for a name (the profile page lists it).
    from api.tokens import token_create

    token_create(user=author, name=P_MID, scope="write")
    return World(
        users=users,
        license=license,
        v1=v1,
        v2=v2,
        clause=clause,
        next_clause=next_clause,
        correction=correction,
        review=review,
        decided=decided,
        thread=thread,
        resolved_thread=resolved_thread,
        comment=comment,
        reply=reply,
        hidden=hidden,
        deleted=deleted,
        mail_comment=mail_comment,
    )


def _family(license):
    """A family of the payload license and a sibling whose names and texts are payloads too."""
    from licenses.families.models import Family
    from licenses.families.services import groups_refresh
    from tests.factories import make_license, make_version

    sibling = make_license(slug="xss-sibling", name=P_LONG + " sibling", description=P_TEXT)
    make_version(sibling, text=PAYLOAD_TEXT.replace("pwn", "pwn2"), label=P_SHORT)
    family = Family.objects.create(slug="xss-family", name=P_LONG, description=P_TEXT, base=license)
    family.members.set([license, sibling])
    groups_refresh(family=family)
    from django.contrib.auth.models import User

    from accounts.roles import MODERATOR
    from review.families.services import family_review_open

    family_review_open(
        family=family, opened_by=User.objects.filter(groups__name=MODERATOR).first(), rationale=P_TEXT
    )
    return family


def _the_family():
    from licenses.families.models import Family

    return Family.objects.get(slug="xss-family")


def _family_review_pk(w: World) -> dict:
    return {"pk": _the_family().reviews.get().review_id}


def _family_clause(w: World):
    from licenses.families.models import ClauseGroupMember

    return ClauseGroupMember.objects.filter(
        group__family=_the_family(), clause__text__contains="pwn2"
    ).first()


def _family_matrix_cell(w: World) -> dict:
    entry = _family_clause(w)
    review = _the_family().reviews.get().review
    return {
        **_family_review_pk(w),
        "group_id": entry.group_id,
        "criterion_id": review.criterion_set.criteria.get(number=6).pk,
    }


def _family_cell(w: World) -> dict:
    from licenses.families.models import ClauseGroupMember

    entry = ClauseGroupMember.objects.filter(
        group__family=_the_family(), clause__text__contains="pwn2"
    ).first()
    return {"slug": "xss-family", "group_id": entry.group_id, "clause_id": entry.clause_id}


FAST_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


def module_world(django_db_setup, django_db_blocker):
    """One world per test module, built in a transaction that is rolled back at the end.

    Use it as ``module_world = pytest.fixture(scope="module")(security.module_world)`` and
    ``world = pytest.fixture(security.world)`` in a test module.

    Each test runs in a savepoint inside it (pytest-django's ``db``), so what a test writes is
    undone before the next one; the ``world`` fixture reads the objects back for each test.
    """
    with django_db_blocker.unblock():
        atomic = transaction.atomic()
        atomic.__enter__()
        try:
            with override_settings(PASSWORD_HASHERS=FAST_HASHERS):
                from tests.factories import ensure_reference_data

                ensure_reference_data()  # a transactional test before this module flushed them
                built = build_world()
        except BaseException:
            transaction.set_rollback(True)
            atomic.__exit__(None, None, None)
            raise
    yield built
    with django_db_blocker.unblock():
        transaction.set_rollback(True)
        atomic.__exit__(None, None, None)


def world(module_world, db, settings):
    from django.core.cache import cache

    settings.PASSWORD_HASHERS = FAST_HASHERS
    cache.clear()  # the comment rate limit counts in the cache
    return module_world.refetch()


def client_for(world: World | None, key: str | None, **kw) -> Client:
    client = Client(**kw)
    if key is not None:
        client.force_login(world.user(key))
    return client
