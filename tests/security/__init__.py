"""Shared pieces of the security audit: the URL table, a world of objects full of XSS payloads,
a database snapshot, and an HTML scanner built on the standard library's ``html.parser``.

Every URL the project serves is listed in :data:`ENDPOINTS` (Django's admin is covered by
:data:`ADMIN_NAMESPACE` as a whole). ``test_url_permissions.test_every_url_is_classified``
fails when a URL is added without an entry here, so a new view cannot skip the audit.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field, fields
from html.parser import HTMLParser

from django.apps import apps
from django.db import transaction
from django.test import Client, override_settings
from django.urls import URLPattern, URLResolver, get_resolver, reverse

# --- payloads -------------------------------------------------------------------------------------
# Every payload carries the marker "pwn", so that an htmx attribute written by a user is told
# apart from the site's own (whose values never say "pwn").

#: For short fields: a version label (50 characters, no "/" or "@"), a username.
P_SHORT = "\"'><svg onload=alert(1) hx-get=pwn>"
#: For fields of at most 100 characters (display name).
P_MID = "\"><script>alert('pwn')</script><img src=x onerror=alert(1) hx-post=pwn>"
#: For fields of at most 200 characters (license name and steward, affiliation, mail author).
P_LONG = (
    "\"'><script>alert('pwn')</script><img src=x onerror=alert('pwn')>"
    '<a href="javascript:alert(\'pwn\')" hx-get="/pwn" hx-trigger="load" data-hx-post="/pwn">pwn</a>'
)
#: For Markdown and free text: every trick of the trade, as raw HTML and as Markdown.
P_TEXT = (
    P_LONG
    + "\n\n[click](javascript:alert('pwn')) [c2](JaVaScRiPt:alert('pwn')) [c3](java\tscript:alert('pwn'))"
    + " ![i](data:image/svg+xml,<svg onload=alert('pwn')>) [p](//evil.example/pwn)"
    + "\n\n<svg onload=\"alert('pwn')\"></svg><style>body{display:none}</style>"
    + '<form action="/pwn"><button>pwn</button></form><iframe src="/pwn"></iframe>'
    + '<div hx-on:click="alert(\'pwn\')" data-hx-get="/pwn">pwn</div>'
)
assert len(P_SHORT) <= 50 and "/" not in P_SHORT and "@" not in P_SHORT
assert len(P_MID) <= 100 and len(P_LONG) <= 200

#: A license text whose headings and clause texts carry the payloads.
PAYLOAD_TEXT = f"""Payload License {P_LONG}

1. Definitions.

"Model" means {P_LONG}.

2. Grant.

2.1 You may use, copy and share the Model. {P_LONG}

2.2 Conditions.

(a) You must keep this notice.

(b) If you distribute {P_LONG} you must include a notice that it was made with the Model.

3. No Warranty.

The Model is provided as is.
"""

MAIL_EMAIL = "evil@example.org"


def mail(n: int, *, body: str = "") -> str:
    """A raw RFC 5322 message from an author whose name is a payload."""
    body = body or f"About Section 2.2(b), message {n}: {P_TEXT}"
    return (
        f'From: "{P_LONG.replace(chr(34), "")}" <{MAIL_EMAIL}>\n'
        "To: license-review@example.org\n"
        f"Subject: Section 2.2(b) {P_MID}\n"
        f"Date: Tue, 13 May 2025 10:0{n}:00 +0000\n"
        f"Message-ID: <xss-{n}@example.org>\n"
        "Content-Type: text/plain; charset=utf-8\n"
        "\n"
        f"{body}\n"
    )


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


# --- the database, before and after ---------------------------------------------------------------

SNAPSHOT_APPS = ("accounts", "licenses", "review", "api")


def snapshot() -> dict[str, list[dict]]:
    """Every row of every model of our apps, plus users and their groups (not last_login, nor a
    token's last_used_at: using a credential is not a write)."""
    state: dict[str, list[dict]] = {}
    for app in SNAPSHOT_APPS:
        for model in apps.get_app_config(app).get_models():
            state[model._meta.label] = list(model.objects.order_by("pk").values())
            for row in state[model._meta.label]:
                row.pop("last_used_at", None)
            for m2m in model._meta.many_to_many:
                through = getattr(model, m2m.name).through
                state[through._meta.label] = list(through.objects.order_by("pk").values())
    user_model = apps.get_model("auth", "User")
    state["auth.User"] = list(user_model.objects.order_by("pk").values())
    for row in state["auth.User"]:
        row.pop("last_login", None)
    state["auth.User.groups"] = list(user_model.groups.through.objects.order_by("pk").values())
    return state


def diff(before: dict, after: dict) -> list[str]:
    return [label for label in before.keys() | after.keys() if before.get(label) != after.get(label)]


# --- the URL table --------------------------------------------------------------------------------

PUBLIC = "read-only public"
LOGIN = "login-required write"
ROLE = "role-required write"
ACCOUNT = "account (Django auth: anonymous forms by design)"
ADMIN_NAMESPACE = "admin"
#: The JSON API (everything under /api/v1/ but its docs page) takes JSON and tokens, not forms:
#: tests/api/test_rights.py audits each endpoint for every role and checks that it covers them all.
API_JSON_ROUTE = "api/v1/"


def is_api_json(name: str, route: str) -> bool:
    return route.replace("^", "").startswith(API_JSON_ROUTE) and name != "api:docs"


@dataclass(frozen=True)
class Endpoint:
    kind: str
    kwargs: Callable[[World], dict] = lambda w: {}
    query: Callable[[World], str] = lambda w: ""
    #: A valid POST for the first ``allowed`` user (it must change the database).
    post: Callable[[World], dict] | None = None
    #: World user keys who may write here.
    allowed: tuple[str, ...] = ()
    #: World user keys who must get 404 on POST (and GET of a form), with nothing written.
    denied: tuple[str, ...] = ()
    #: Who may GET the page (None: anonymous).
    reader: str | None = None
    #: GET answers with an htmx fragment when asked (HX-Request); checked for escaping too.
    fragment: bool = False
    #: A write endpoint whose GET is a public read (the cell panel).
    public_get: bool = False

    def url(self, name: str, world: World) -> str:
        query = self.query(world)
        return reverse(name, kwargs=self.kwargs(world)) + (f"?{query}" if query else "")

    @property
    def accepts_post(self) -> bool:
        return self.kind in (LOGIN, ROLE) or (self.kind == ACCOUNT and self.post is not None)


def _version(w: World, version=None) -> dict:
    version = version or w.v1
    return {"slug": version.license.slug, "label": version.label}


def _clause(w: World, clause=None) -> dict:
    clause = clause or w.clause
    return {**_version(w, clause.version), "clause_id": clause.pk}


def _pack_mail(n: int) -> str:
    from review.mail.views import pack

    return pack(mail(n))


def _post_import(w: World) -> dict:
    # Message 2 is new to the review; the preview showed it as item 0.
    from review.mail.preview import preview_import

    item = preview_import(review=w.review, raw=mail(2)).items[0]
    return {
        "step": "import",
        "payload": _pack_mail(2),
        "import": "0",
        f"fp-{item.index}": item.fingerprint,
        f"clause-{item.index}": str(w.clause.pk),
        f"stance-{item.index}": "note",
    }


def _pending_request(w: World, key: str = "plain"):
    """A request for the reviewer role by the user ``key``, waiting for a moderator."""
    from accounts.models import RoleRequest

    request, _ = RoleRequest.objects.get_or_create(
        user=w.user(key), role="reviewer", status=RoleRequest.Status.PENDING
    )
    return request


def _unread_notification(w: World, key: str) -> dict:
    """An unread notification for ``key``, so that marking all read writes something."""
    from review.notify.models import Notification

    Notification.objects.create(
        recipient=w.user(key),
        kind=Notification.Kind.COMMENT,
        review=w.review,
        thread=w.thread,
        reason="thread",
    )
    return {}


def _unwatch_token(w: World) -> str:
    from review.notify import mailer

    return mailer.unwatch_token(user_id=w.user("plain").pk, kind="thread", target_id=w.thread.pk)


_CORRECTORS = ("steward", "moderator")
_NOT_CORRECTORS = ("plain", "author", "other_steward")

ENDPOINTS: dict[str, Endpoint] = {
    # --- pages anyone reads ---------------------------------------------------------------------
    "home": Endpoint(PUBLIC),
    "favicon": Endpoint(PUBLIC),
    "healthz": Endpoint(PUBLIC),
    "readyz": Endpoint(PUBLIC),
    "licenses:compare": Endpoint(
        PUBLIC, query=lambda w: f"a={w.license.slug}@{w.v1.label}&b={w.license.slug}@2.0", fragment=True
    ),
    "licenses:compare-versions": Endpoint(PUBLIC, query=lambda w: "q=pwn", fragment=True),
    "licenses:license-list": Endpoint(PUBLIC, query=lambda w: "q=script", fragment=True),
    "licenses:license-detail": Endpoint(PUBLIC, kwargs=lambda w: {"slug": w.license.slug}),
    "licenses:version-detail": Endpoint(PUBLIC, kwargs=_version),
    "licenses:version-text": Endpoint(PUBLIC, kwargs=_version),
    "licenses:corrections": Endpoint(PUBLIC, kwargs=_version),
    "review:review-list": Endpoint(PUBLIC),
    "review:review-detail": Endpoint(PUBLIC, kwargs=lambda w: {"pk": w.review.pk}, fragment=True),
    "review:thread-detail": Endpoint(
        PUBLIC, kwargs=lambda w: {"pk": w.review.pk, "thread_id": w.thread.pk}, fragment=True
    ),
    "review:comment-history": Endpoint(PUBLIC, kwargs=lambda w: {"pk": w.comment.pk}),
    "review:matrix": Endpoint(PUBLIC, kwargs=lambda w: {"pk": w.review.pk}),
    "review:criterion-detail": Endpoint(
        PUBLIC, kwargs=lambda w: {"pk": w.review.pk, "key": w.thread.criterion.key}
    ),
    "review:export": Endpoint(PUBLIC, kwargs=lambda w: {"pk": w.review.pk, "fmt": "html"}),
    "search:search": Endpoint(PUBLIC, query=lambda w: "q=pwn", fragment=True),
    "search:similar-clauses": Endpoint(
        PUBLIC, kwargs=lambda w: {**_version(w, w.clause.version), "anchor": w.clause.anchor}, fragment=True
    ),
    "licenses:family-list": Endpoint(PUBLIC),
    "licenses:family-detail": Endpoint(PUBLIC, kwargs=lambda w: {"slug": "xss-family"}),
    "licenses:family-cell": Endpoint(PUBLIC, kwargs=_family_cell, fragment=True),
    "review:family-review": Endpoint(PUBLIC, kwargs=_family_review_pk),
    "review:family-matrix": Endpoint(PUBLIC, kwargs=_family_review_pk),
    # --- Django's accounts (and ours) -----------------------------------------------------------
    "login": Endpoint(ACCOUNT, post=lambda w: {"username": "nobody", "password": "wrong"}),
    "logout": Endpoint(ACCOUNT, post=lambda w: {}),
    "password_change": Endpoint(ACCOUNT, post=lambda w: {}, reader="plain"),
    "password_change_done": Endpoint(ACCOUNT, reader="plain"),
    "password_reset": Endpoint(ACCOUNT, post=lambda w: {"email": "paula@example.org"}),
    "password_reset_done": Endpoint(ACCOUNT),
    "password_reset_confirm": Endpoint(
        ACCOUNT, kwargs=lambda w: {"uidb64": "MQ", "token": "set-password"}, post=lambda w: {}
    ),
    "password_reset_complete": Endpoint(ACCOUNT),
    "signup": Endpoint(ACCOUNT, post=lambda w: {"username": "newbie"}),
    # An anonymous form by design that writes nothing: a pasted text in, the closest licenses out.
    "search:closest": Endpoint(ACCOUNT, post=lambda w: {"text": P_TEXT}),
    # The members page (accounts.members): moderators only, 404 to everyone else.
    "member-list": Endpoint(ACCOUNT, reader="moderator"),
    "member-detail": Endpoint(ACCOUNT, kwargs=lambda w: {"pk": w.user("plain").pk}, reader="moderator"),
    "member-role": Endpoint(
        ROLE,
        kwargs=lambda w: {"pk": w.user("plain").pk},
        post=lambda w: {"role": "reviewer", "action": "grant", "note": P_MID},
        allowed=("moderator",),
        denied=("plain", "author", "steward"),
    ),
    "member-stewardship": Endpoint(
        ROLE,
        kwargs=lambda w: {"pk": w.user("plain").pk},
        post=lambda w: {"action": "add", "license": w.license.slug},
        allowed=("moderator",),
        denied=("plain", "author", "steward"),
    ),
    "role-request-decline": Endpoint(
        ROLE,
        kwargs=lambda w: {"pk": _pending_request(w).pk},
        post=lambda w: {},
        allowed=("moderator",),
        denied=("plain", "author", "steward"),
    ),
    "role-request": Endpoint(LOGIN, post=lambda w: {"note": P_TEXT[:900]}, allowed=("plain",)),
    # Only the one who asked withdraws a request ("other" here; everyone else gets 404).
    "role-request-cancel": Endpoint(
        ROLE,
        kwargs=lambda w: {"pk": _pending_request(w, "other").pk},
        post=lambda w: {},
        allowed=("other",),
        denied=("plain", "author", "moderator"),
    ),
    "profile": Endpoint(
        LOGIN,
        post=lambda w: {"display_name": "Paula P.", "affiliation": "Example", "email": "paula@example.org"},
        allowed=("plain",),
        reader="plain",
    ),
    # --- notifications (review.notify) ------------------------------------------------------------
    "notify:bell": Endpoint(PUBLIC, fragment=True),  # empty for visitors; the count for a person
    "notify:feed-activity": Endpoint(PUBLIC),
    "notify:feed-review": Endpoint(PUBLIC, kwargs=lambda w: {"pk": w.review.pk}),
    "notify:feed-license": Endpoint(PUBLIC, kwargs=lambda w: {"slug": w.license.slug}),
    "notify:feed-family": Endpoint(PUBLIC, kwargs=lambda w: {"slug": "xss-family"}),
    "notify:notification-list": Endpoint(ACCOUNT, reader="plain"),
    "notify:mark-read": Endpoint(LOGIN, post=lambda w: _unread_notification(w, "plain"), allowed=("plain",)),
    "notify:watch": Endpoint(
        LOGIN, kwargs=lambda w: {"kind": "license", "pk": w.license.pk}, post=lambda w: {}, allowed=("plain",)
    ),
    # The one-click unsubscribe of RFC 8058: no session and no CSRF token, the signed token is the
    # proof (its POST is tested in tests/review/notify); here its page is read and scanned.
    "notify:unsubscribe": Endpoint(ACCOUNT, kwargs=lambda w: {"token": _unwatch_token(w)}),
    "notify:outbox": Endpoint(ACCOUNT, reader="moderator"),
    "notify:post-to-list": Endpoint(
        ROLE,
        kwargs=lambda w: {"pk": w.review.pk},
        post=lambda w: {"action": "download"},
        allowed=("moderator",),
        denied=("plain", "author", "steward"),
        reader="moderator",
    ),
    # --- catalogue and corrections --------------------------------------------------------------
    "licenses:version-create": Endpoint(
        ROLE,
        kwargs=lambda w: {"slug": w.license.slug},
        post=lambda w: {"label": "3.0", "text": "1. A brand new text.\n\n2. Another clause.\n"},
        allowed=("steward",),
        denied=("plain", "author", "other_steward", "moderator"),
        reader="steward",
    ),
    "licenses:correction-undo": Endpoint(
        ROLE,
        kwargs=_version,
        post=lambda w: {"correction": w.correction.pk},
        allowed=_CORRECTORS,
        denied=_NOT_CORRECTORS,
    ),
    "licenses:clause-split": Endpoint(
        ROLE,
        kwargs=_clause,
        post=lambda w: {"before_text": "you must include", "label": "(c)"},
        allowed=_CORRECTORS,
        denied=_NOT_CORRECTORS,
        reader="steward",
    ),
    "licenses:clause-merge": Endpoint(
        ROLE,
        kwargs=lambda w: _clause(w, w.next_clause),
        post=lambda w: {},
        allowed=_CORRECTORS,
        denied=_NOT_CORRECTORS,
        reader="steward",
    ),
    "licenses:compare-links": Endpoint(
        ROLE,
        post=lambda w: {
            "a": f"{w.license.slug}@{w.v1.label}",
            "b": f"{w.license.slug}@2.0",
            "action": "unlink",
            "pair": "1 1",
        },
        allowed=_CORRECTORS,
        denied=_NOT_CORRECTORS,
        # POST only; its forms sit on the compare page, read by the moderator above
    ),
    "licenses:clause-edit": Endpoint(
        ROLE,
        kwargs=_clause,
        post=lambda w: {"label": "(z)", "heading": "Renamed"},
        allowed=_CORRECTORS,
        denied=_NOT_CORRECTORS,
        reader="steward",
    ),
    "licenses:family-create": Endpoint(
        ROLE,
        post=lambda w: {"name": "New family", "members": [w.license.pk, _the_family().members.last().pk]},
        allowed=("steward", "moderator"),
        denied=("plain", "author"),
        reader="steward",
    ),
    "licenses:family-update": Endpoint(
        ROLE,
        kwargs=lambda w: {"slug": "xss-family"},
        post=lambda w: {
            "name": "Renamed",
            "members": list(_the_family().members.values_list("pk", flat=True)),
        },
        allowed=("steward", "moderator"),
        denied=("plain", "author", "other_steward"),
        reader="steward",
    ),
    "licenses:family-realign": Endpoint(
        ROLE,
        kwargs=lambda w: {"slug": "xss-family"},
        post=lambda w: {},
        allowed=("moderator", "steward"),
        denied=("plain", "author", "other_steward"),
    ),
    "licenses:family-place": Endpoint(
        ROLE,
        kwargs=_family_cell,
        post=lambda w: {"group": ""},
        allowed=("steward", "moderator"),
        denied=("plain", "author", "other_steward"),
    ),
    "review:family-review-create": Endpoint(
        ROLE,
        kwargs=lambda w: {"slug": "xss-family"},
        post=lambda w: {
            "members": list(_the_family().reviews.get().members.values_list("pk", flat=True)),
            "criterion_set": w.review.criterion_set_id,
            "rationale": "Why.",
            "is_public": "on",
        },
        allowed=("steward", "moderator"),
        denied=("plain", "author", "other_steward"),
        reader="steward",
    ),
    "review:family-thread-create": Endpoint(
        ROLE,
        kwargs=_family_review_pk,
        post=lambda w: {"clause": _family_clause(w).clause_id, "body": "A family thread.", "stance": "note"},
        allowed=("author", "other", "steward"),
        denied=("plain",),
    ),
    "review:family-cell": Endpoint(
        ROLE,
        kwargs=_family_matrix_cell,
        post=lambda w: {"verdict": "concern", "members": [_family_clause(w).version_id], "rationale": "Hmm."},
        allowed=("other", "author"),
        denied=("plain", "steward", "other_steward"),
        public_get=True,
    ),
    # --- reviews, threads, comments -------------------------------------------------------------
    "review:review-create": Endpoint(
        ROLE,
        query=lambda w: f"version={w.v2.pk}",
        post=lambda w: {"criterion_set": w.review.criterion_set_id, "rationale": "Why.", "is_public": "on"},
        allowed=("steward", "moderator"),
        denied=("plain", "author", "other_steward"),
        reader="steward",
    ),
    "review:review-decide": Endpoint(
        ROLE,
        kwargs=lambda w: {"pk": w.review.pk},
        post=lambda w: {"status": "deferred", "rationale": "Later."},
        allowed=("moderator",),
        denied=("plain", "author", "other", "steward"),
        reader="moderator",
    ),
    "review:next-round": Endpoint(
        ROLE,
        kwargs=lambda w: {"pk": w.review.pk},
        post=lambda w: {"version": w.v2.pk},
        allowed=("steward", "moderator"),
        denied=("plain", "author", "other_steward"),
        reader="steward",
    ),
    "review:thread-create": Endpoint(
        ROLE,
        kwargs=lambda w: {"pk": w.review.pk},
        query=lambda w: f"clause={w.clause.pk}",
        post=lambda w: {"clause": w.clause.pk, "body": "A new thread.", "stance": "question"},
        allowed=("author", "other", "steward"),
        denied=("plain",),
        reader="author",
    ),
    "review:thread-reply": Endpoint(
        ROLE,
        kwargs=lambda w: {"pk": w.review.pk, "thread_id": w.thread.pk},
        post=lambda w: {"body": "A reply.", "stance": "support"},
        allowed=("other", "author"),
        denied=("plain",),
    ),
    "review:thread-resolve": Endpoint(
        ROLE,
        kwargs=lambda w: {"pk": w.review.pk, "thread_id": w.thread.pk},
        post=lambda w: {},
        allowed=("author", "steward", "moderator"),
        denied=("plain", "other", "other_steward"),
    ),
    "review:thread-reopen": Endpoint(
        ROLE,
        kwargs=lambda w: {"pk": w.review.pk, "thread_id": w.resolved_thread.pk},
        post=lambda w: {},
        allowed=("author", "steward", "moderator"),
        denied=("plain", "other", "other_steward"),
    ),
    "review:comment-edit": Endpoint(
        ROLE,
        kwargs=lambda w: {"pk": w.comment.pk},
        post=lambda w: {"body": "Rewritten.", "stance": "note"},
        allowed=("author",),
        denied=("plain", "other", "steward", "moderator"),
        reader="author",
        fragment=True,
    ),
    "review:comment-delete": Endpoint(
        ROLE,
        kwargs=lambda w: {"pk": w.comment.pk},
        post=lambda w: {},
        allowed=("author", "moderator"),
        denied=("plain", "other", "steward"),
    ),
    "review:comment-restore": Endpoint(
        ROLE,
        kwargs=lambda w: {"pk": w.deleted.pk},
        post=lambda w: {},
        allowed=("moderator",),
        denied=("plain", "author", "other", "steward"),
    ),
    "review:comment-hide": Endpoint(
        ROLE,
        kwargs=lambda w: {"pk": w.reply.pk},
        post=lambda w: {"reason": "Off topic."},
        allowed=("moderator",),
        denied=("plain", "author", "other", "steward"),
        reader="moderator",
        fragment=True,
    ),
    # --- matrix and positions -------------------------------------------------------------------
    "review:cell": Endpoint(
        ROLE,
        kwargs=lambda w: {
            "pk": w.review.pk,
            "clause_id": w.clause.pk,
            "criterion_id": w.review.criterion_set.criteria.get(number=5).pk,
        },
        post=lambda w: {"verdict": "concern", "rationale": "Hmm.", "expected_version": "0"},
        allowed=("other", "author"),
        denied=("plain", "steward", "other_steward"),
        fragment=True,
        public_get=True,
    ),
    "review:position-from-thread": Endpoint(
        ROLE,
        kwargs=lambda w: {"thread_id": w.thread.pk},
        post=lambda w: {"verdict": "concern"},
        allowed=("author", "other"),
        denied=("plain", "steward", "other_steward"),
    ),
    # --- mail import ----------------------------------------------------------------------------
    "review:mail-import": Endpoint(
        ROLE,
        kwargs=lambda w: {"pk": w.review.pk},
        post=_post_import,
        allowed=("moderator",),
        denied=("plain", "author", "steward", "other_steward"),
        reader="moderator",
    ),
    # --- API tokens (the JSON API itself is audited in tests/api/test_rights.py) -----------------
    "api:docs": Endpoint(PUBLIC),
    "api:token-create": Endpoint(
        LOGIN,
        post=lambda w: {"name": "list bot", "scope": "write"},
        allowed=("plain",),
        reader="plain",
    ),
    "api:token-revoke": Endpoint(
        ROLE,
        kwargs=lambda w: {"pk": w.user("author").api_tokens.get().pk},
        post=lambda w: {},
        allowed=("author",),
        denied=("plain", "other", "moderator"),
    ),
    "review:comment-correct": Endpoint(
        ROLE,
        kwargs=lambda w: {"pk": w.mail_comment.pk},
        post=lambda w: {"author": "Ada Moss", "email": "ada@example.org", "date": "2025-05-14 09:02 +02:00"},
        allowed=("moderator",),
        denied=("plain", "author", "other", "steward"),
        reader="moderator",
    ),
    "review:mail-link-author": Endpoint(
        ROLE,
        kwargs=lambda w: {"pk": w.review.pk},
        post=lambda w: {"email": MAIL_EMAIL, "username": "otto"},
        allowed=("moderator",),
        denied=("plain", "author", "other", "steward"),
    ),
}

#: Export formats beyond the one in the table, with the content type each must have.
EXPORT_TYPES = {
    "md": "text/markdown",
    "html": "text/html",
    "json": "application/json",
    "csv": "text/csv",
}


def iter_patterns(patterns=None, prefix: str = "", namespace: str = ""):
    """(qualified name, route, pattern, namespace) for every URL, walking includes recursively."""
    if patterns is None:
        patterns = get_resolver().url_patterns
    for p in patterns:
        if isinstance(p, URLResolver):
            ns = namespace
            if p.namespace:
                ns = f"{namespace}:{p.namespace}" if namespace else p.namespace
            yield from iter_patterns(p.url_patterns, prefix + str(p.pattern), ns)
        elif isinstance(p, URLPattern):
            name = f"{namespace}:{p.name}" if namespace and p.name else (p.name or "")
            yield name, prefix + str(p.pattern), p, namespace


def write_endpoints() -> list[str]:
    return [name for name, e in ENDPOINTS.items() if e.kind in (LOGIN, ROLE)]


# --- scanning HTML --------------------------------------------------------------------------------

URL_ATTRS = {"href", "src", "action", "formaction", "xlink:href", "data", "poster", "background"}
HTMX_URL_ATTRS = {"hx-get", "hx-post", "hx-put", "hx-patch", "hx-delete"}
SAFE_SCHEMES = ("http:", "https:", "mailto:")


class _Scanner(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.problems: list[str] = []
        self._script: list[str] | None = None
        self.text: list[str] = []

    def handle_starttag(self, tag, attrs):
        self._check(tag, attrs)
        if tag in ("script", "style"):
            self._script = []

    def handle_startendtag(self, tag, attrs):
        self._check(tag, attrs)

    def handle_endtag(self, tag):
        if tag in ("script", "style") and self._script is not None:
            body = "".join(self._script)
            # A standalone export may carry its own stylesheet; never a script, never user text.
            if (tag == "script" and body.strip()) or "pwn" in body or "display:none" in body:
                self.problems.append(f"inline {tag}: {body[:80]!r}")
            self._script = None

    def handle_data(self, data):
        if self._script is not None:
            self._script.append(data)
        else:
            self.text.append(data)

    def _check(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        named = dict(attrs)
        if tag == "script" and not (named.get("src") and named.get("nonce")):
            self.problems.append(f"<script> without src and nonce: {attrs}")
        if tag in {"iframe", "object", "embed", "svg", "math", "base"}:
            self.problems.append(f"<{tag}> in the page")
        if tag == "style" and attrs:
            self.problems.append(f"<style {attrs}>")
        if tag == "form" and (named.get("action") or "").strip() == "/pwn":
            self.problems.append(f"user-written <form>: {attrs}")
        for name, value in attrs:
            value = value or ""
            if name.startswith("on"):
                self.problems.append(f"<{tag} {name}={value!r}>")
            # The site's own htmx URLs may carry user text percent-encoded (a version label);
            # the payloads' own attributes say exactly "pwn" or "/pwn".
            injected = value.strip() in ("pwn", "/pwn") or value.strip().startswith("alert(")
            if (name.startswith(("hx-", "data-hx-")) and injected) or name.startswith(
                ("hx-on", "data-hx-on")
            ):
                self.problems.append(f"<{tag} {name}={value!r}> (htmx attribute from user data)")
            if name in URL_ATTRS or name in HTMX_URL_ATTRS:
                squashed = "".join(ch for ch in value if ch.isprintable() and not ch.isspace())
                squashed = squashed.replace("\u200b", "").lower()
                scheme = squashed.split("/", 1)[0]
                if ":" in scheme and not squashed.startswith(SAFE_SCHEMES):
                    self.problems.append(f"<{tag} {name}={value!r}> (dangerous URL)")
                if squashed.startswith("//"):
                    self.problems.append(f"<{tag} {name}={value!r}> (protocol-relative URL)")


def scan_html(content: bytes | str) -> tuple[list[str], str]:
    """(problems, visible text) of an HTML document or fragment."""
    scanner = _Scanner()
    scanner.feed(content.decode("utf-8") if isinstance(content, bytes) else content)
    scanner.close()
    return scanner.problems, "".join(scanner.text)
