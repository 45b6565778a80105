"""Safety of the review pages: escaping, rights, ignored fields, CSRF, rate limit, CSP.

Assertions on HTML parse it (a small tree built on the standard library's parser) rather than
matching text, so that an attribute in an unexpected place cannot slip past a regex.
"""

from __future__ import annotations

from html.parser import HTMLParser

import pytest
from django.test import Client
from django.urls import reverse

from review import services
from review.models import Comment, Review, Stance, Thread
from tests.factories import make_review, make_user

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("fast_hashing", "fresh_cache")]
HX = {"HTTP_HX_REQUEST": "true"}
VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}


# --- a small HTML tree --------------------------------------------------------------------------


class Node:
    def __init__(self, tag: str, attrs: dict[str, str | None], parent: Node | None = None) -> None:
        self.tag, self.attrs, self.parent = tag, attrs, parent
        self.children: list[Node | str] = []

    @property
    def text(self) -> str:
        return "".join(c if isinstance(c, str) else c.text for c in self.children)

    def iter(self):
        for c in self.children:
            if isinstance(c, Node):
                yield c
                yield from c.iter()

    def _match(self, node: Node, tag, id, class_, attrs) -> bool:
        if tag and node.tag != tag:
            return False
        if id and node.attrs.get("id") != id:
            return False
        if class_ and class_ not in (node.attrs.get("class") or "").split():
            return False
        return all(node.attrs.get(k) == v for k, v in attrs.items())

    def find_all(self, tag=None, *, id=None, class_=None, **attrs) -> list[Node]:
        return [n for n in self.iter() if self._match(n, tag, id, class_, attrs)]

    def find(self, tag=None, *, id=None, class_=None, **attrs) -> Node | None:
        found = self.find_all(tag, id=id, class_=class_, **attrs)
        return found[0] if found else None

    def root_children(self) -> list[Node]:
        return [c for c in self.children if isinstance(c, Node)]

    def ancestors(self):
        node = self.parent
        while node is not None:
            yield node
            node = node.parent


class _Builder(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.root = self.current = Node("#root", {})

    def handle_starttag(self, tag, attrs):
        node = Node(tag, dict(attrs), self.current)
        self.current.children.append(node)
        if tag not in VOID:
            self.current = node

    def handle_startendtag(self, tag, attrs):
        self.current.children.append(Node(tag, dict(attrs), self.current))

    def handle_endtag(self, tag):
        node = self.current
        while node is not None and node.tag != tag:
            node = node.parent
        if node is not None and node.parent is not None:
            self.current = node.parent

    def handle_data(self, data):
        self.current.children.append(data)


def parse(content: bytes | str) -> Node:
    builder = _Builder()
    builder.feed(content.decode() if isinstance(content, bytes) else content)
    builder.close()
    return builder.root


# --- fixtures -----------------------------------------------------------------------------------


@pytest.fixture
def review():
    return make_review()


@pytest.fixture
def reviewer():
    return make_user("rita", roles=("reviewer",))


def login(user, **kw) -> Client:
    client = Client(**kw)
    client.force_login(user)
    return client


def clause_b(review):
    return review.version.clauses.get(anchor="2.2.b")


def start(review, author, body="First."):
    return services.thread_start(review=review, clause=clause_b(review), author=author, body=body)


# --- XSS through the whole page -----------------------------------------------------------------

PAYLOADS = [
    '<img src=x onerror="alert(1)">',
    "<script>alert(1)</script>",
    "[click](javascript:alert(1))",
    "[click](JaVaScRiPt:alert(1))",
    "[click](java\tscript:alert(1))",
    "[click](java\u200bscript:alert(1))",
    "[click](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
    "![x](data:image/svg+xml,<svg onload=alert(1)>)",
    '<svg onload="alert(1)"><circle/></svg>',
    "<style>body{display:none}</style>",
    '<form action="/accounts/logout/" method="post"><button>Win</button></form>',
    '<a hx-get="/accounts/logout/" hx-trigger="load">x</a>',
    '<div data-hx-post="/comments/1/delete/" data-hx-trigger="load">x</div>',
    "[x](//evil.example/steal)",
    '<a href="#" style="position:fixed;top:0">x</a>',
    "<iframe src=//evil.example></iframe>",
    '"><script>alert(1)</script>',
]
DANGEROUS_TAGS = {
    "script",
    "img",
    "svg",
    "style",
    "form",
    "iframe",
    "object",
    "embed",
    "button",
    "input",
    "math",
}
SAFE_SCHEMES = ("http:", "https:", "mailto:")


def _assert_clean(container: Node) -> None:
    for node in container.iter():
        assert node.tag not in DANGEROUS_TAGS, node.tag
        for name, value in node.attrs.items():
            assert not name.startswith("on"), name
            assert name != "style"
            # hx-disable is our own wrapper around user text; no other htmx attribute may appear.
            assert name == "hx-disable" or not name.startswith(("hx-", "data-hx-")), name
            if name in {"href", "src", "action", "formaction"}:
                value = value or ""
                lowered = "".join(value.split()).lower()
                assert not lowered.startswith("//"), value
                assert ":" not in lowered.split("/")[0] or lowered.startswith(SAFE_SCHEMES), value


@pytest.mark.parametrize("payload", PAYLOADS)
def test_xss_payloads_render_harmlessly_on_the_review_page(client, review, reviewer, payload):
    thread = start(review, reviewer, body=payload)
    services.comment_add(thread=thread, author=reviewer, body="ok", suggested_wording=payload)
    reason_comment = services.comment_add(thread=thread, author=reviewer, body="to hide")
    services.comment_hide(comment=reason_comment, user=make_user(roles=("moderator",)), reason=payload)
    doc = parse(client.get(review.get_absolute_url()).content)
    bodies = doc.find_all(class_="comment-body")
    assert len(bodies) == 2
    for body in bodies:
        _assert_clean(body)
    _assert_clean(doc.find(class_="redline"))
    # No script anywhere but the site's own, each with a src and a nonce.
    for script in doc.find_all("script"):
        assert script.attrs.get("src") and script.attrs.get("nonce")
        assert script.text.strip() == ""
    # The hide reason shows as text.
    placeholder = doc.find(class_="placeholder")
    assert placeholder.text == f"Hidden by a moderator: {payload}"
    _assert_clean(placeholder)


def test_rendered_user_content_sits_inside_hx_disable(client, review, reviewer):
    thread = start(review, reviewer, body="**bold** and a [link](https://example.org)")
    services.comment_add(thread=thread, author=reviewer, body="x", suggested_wording="New text.")
    c = thread.comments.first()
    services.comment_edit(comment=c, editor=reviewer, body="edited", stance=Stance.NOTE)
    review.rationale = "<b>submission</b>"
    review.save()
    doc = parse(client.get(review.get_absolute_url()).content)
    containers = (
        doc.find_all(class_="comment-body")
        + doc.find_all(class_="redline")
        + doc.find_all(class_="revisions")
        + doc.find_all(class_="user-text")
    )
    assert len(containers) >= 5
    for node in containers:
        assert "hx-disable" in node.attrs or any("hx-disable" in a.attrs for a in node.ancestors())
    assert "<b>submission</b>" in doc.find(class_="submission").text


# --- rights -------------------------------------------------------------------------------------


def test_anonymous_cannot_write(client, review, reviewer):
    thread = start(review, reviewer)
    comment = thread.comments.get()
    posts = [
        reverse("review:thread-create", args=[review.pk]),
        reverse("review:thread-reply", args=[review.pk, thread.pk]),
        reverse("review:thread-resolve", args=[review.pk, thread.pk]),
        reverse("review:comment-edit", args=[comment.pk]),
        reverse("review:comment-delete", args=[comment.pk]),
        reverse("review:comment-hide", args=[comment.pk]),
        reverse("review:review-decide", args=[review.pk]),
    ]
    for url in posts:
        response = client.post(
            url, {"body": "sneaky", "stance": "note", "clause": clause_b(review).pk, "reason": "x"}
        )
        assert response.status_code == 302 and response["Location"].startswith("/accounts/login/"), url
    assert Comment.objects.count() == 1 and Thread.objects.get().status == "open"
    comment.refresh_from_db()
    assert comment.body == "First." and not comment.is_hidden and not comment.is_deleted


def test_logged_in_non_reviewer_cannot_comment(review, reviewer):
    thread = start(review, reviewer)
    client = login(make_user())
    r1 = client.post(
        reverse("review:thread-create", args=[review.pk]), {"body": "x", "clause": clause_b(review).pk}
    )
    r2 = client.post(reverse("review:thread-reply", args=[review.pk, thread.pk]), {"body": "x"})
    assert (r1.status_code, r2.status_code) == (404, 404)
    assert Comment.objects.count() == 1


@pytest.mark.parametrize("action", ["edit", "delete", "hide", "restore", "resolve"])
def test_touching_someone_elses_comment_is_404_and_changes_nothing(review, reviewer, action):
    comment = start(review, reviewer, body="Original.").comments.get()
    intruder = login(make_user("ivan", roles=("reviewer",)))
    url = {
        "edit": reverse("review:comment-edit", args=[comment.pk]),
        "delete": reverse("review:comment-delete", args=[comment.pk]),
        "hide": reverse("review:comment-hide", args=[comment.pk]),
        "restore": reverse("review:comment-restore", args=[comment.pk]),
        "resolve": reverse("review:thread-resolve", args=[review.pk, comment.thread_id]),
    }[action]
    before = Comment.objects.filter(pk=comment.pk).values().get()
    for headers in ({}, HX):
        response = intruder.post(url, {"body": "Hijacked.", "stance": "support", "reason": "x"}, **headers)
        assert response.status_code == 404
    assert intruder.get(reverse("review:comment-edit", args=[comment.pk])).status_code == 404
    assert Comment.objects.filter(pk=comment.pk).values().get() == before
    assert not comment.revisions.exists()
    assert Thread.objects.get().status == "open"


def test_extra_post_fields_are_ignored(review, reviewer):
    other_review = make_review()
    other_thread = start(other_review, reviewer)
    victim = make_user("victim", roles=("reviewer",))
    thread = start(review, reviewer)
    client = login(victim)
    client.post(
        reverse("review:thread-reply", args=[review.pk, thread.pk]),
        {
            "body": "Mine.",
            "stance": "note",
            "author": reviewer.pk,
            "thread": other_thread.pk,
            "created_at": "2001-01-01T00:00:00Z",
            "status": "resolved",
            "hidden_at": "2001-01-01T00:00:00Z",
            "body_html": "<script>alert(1)</script>",
        },
    )
    reply = Comment.objects.get(body="Mine.")
    assert (reply.author, reply.thread) == (victim, thread)
    assert reply.created_at.year > 2001 and reply.hidden_at is None
    assert reply.body_html == "<p>Mine.</p>\n"
    thread.refresh_from_db()
    assert thread.status == "open" and other_thread.comments.count() == 1
    # A new thread cannot be started by someone else or pre-resolved.
    client.post(
        reverse("review:thread-create", args=[review.pk]),
        {
            "clause": clause_b(review).pk,
            "body": "New.",
            "stance": "note",
            "status": "resolved",
            "started_by": reviewer.pk,
            "review": other_review.pk,
        },
    )
    new = Thread.objects.get(comments__body="New.")
    assert (new.status, new.started_by, new.review) == ("open", victim, review)


def test_review_create_ignores_status_and_opener(review):
    moderator = make_user(roles=("moderator",))
    url = reverse("review:review-create") + f"?version={review.version_id}"
    login(moderator).post(
        url,
        {
            "criterion_set": review.criterion_set_id,
            "status": "approved",
            "opened_by": make_user().pk,
            "decided_by": 1,
        },
    )
    new = Review.objects.exclude(pk=review.pk).get()
    assert (new.status, new.opened_by, new.decided_by) == ("open", moderator, None)


# --- CSRF, rate limit, CSP ----------------------------------------------------------------------


def test_csrf_is_enforced_on_htmx_posts(review, reviewer):
    thread = start(review, reviewer)
    client = login(reviewer, enforce_csrf_checks=True)
    url = reverse("review:thread-reply", args=[review.pk, thread.pk])
    response = client.post(url, {"body": "No token.", "stance": "note"}, **HX)
    assert response.status_code == 403
    assert thread.comments.count() == 1
    # With the token the page's <body hx-headers> sends, it works.
    page = client.get(review.get_absolute_url())
    token = page.cookies["csrftoken"].value
    response = client.post(url, {"body": "With token.", "stance": "note"}, HTTP_X_CSRFTOKEN=token, **HX)
    assert response.status_code == 200
    assert thread.comments.count() == 2


def test_comment_rate_limit_answers_429(settings, review, reviewer, rate_window):
    settings.REVIEW_COMMENTS_PER_MINUTE = 3
    thread = start(review, reviewer)
    client = login(reviewer)
    url = reverse("review:thread-reply", args=[review.pk, thread.pk])
    codes = [client.post(url, {"body": f"n{i}", "stance": "note"}, **HX).status_code for i in range(4)]
    assert codes == [200, 200, 200, 429]
    response = client.post(url, {"body": "again", "stance": "note"})
    assert response.status_code == 429
    assert "Wait a minute" in parse(response.content).find(class_="rate-limit-message").text
    assert thread.comments.count() == 4
    # Another user is not limited by the first one's count.
    other = login(make_user(roles=("reviewer",)))
    assert other.post(url, {"body": "me", "stance": "note"}, **HX).status_code == 200


def test_csp_header_with_nonce_and_no_inline_script(client, review):
    response = client.get(review.get_absolute_url())
    csp = response["Content-Security-Policy"]
    assert "script-src 'self' 'nonce-" in csp and "object-src 'none'" in csp
    doc = parse(response.content)
    for node in doc.iter():
        assert "style" not in node.attrs, node.tag
        assert not any(name.startswith("on") for name in node.attrs), node.tag
    for script in doc.find_all("script"):
        assert script.attrs.get("src") and script.text.strip() == ""
