"""The URL table: every URL the project serves, classified (public read, login write, role
write, account form), with a valid POST and who may and may not send it."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from django.urls import URLPattern, URLResolver, get_resolver, reverse

from tests.security.payloads import MAIL_EMAIL, P_MID, P_TEXT, mail
from tests.security.world import (
    World,
    _family_cell,
    _family_clause,
    _family_matrix_cell,
    _family_review_pk,
    _the_family,
)

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


def _pending_address(w: World, key: str) -> dict:
    """An address waiting for ``key``'s confirmation, its last link mailed long ago."""
    from accounts.models import Profile

    profile, _ = Profile.objects.get_or_create(user=w.user(key))
    profile.pending_email = f"{key}.new@example.org"
    profile.pending_sent_at = None
    profile.save()
    return {}


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
    # The link mailed to a new address: a bad token says so on the profile, writing nothing.
    "confirm-email": Endpoint(ACCOUNT, kwargs=lambda w: {"token": "not-a-token"}, reader="plain"),
    "resend-confirmation": Endpoint(LOGIN, post=lambda w: _pending_address(w, "plain"), allowed=("plain",)),
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
    "api:root": Endpoint(PUBLIC),  # a redirect to api:docs
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
