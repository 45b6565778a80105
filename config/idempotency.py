"""A form post sent twice is saved once.

A client that times out after the server saved its post retries it (the browser's "resend", a
second click on "Post reply"), and without a key the comment is stored twice. Every form on the
site gets a random key when the page loads (``static/js/clausewise.js`` adds a hidden ``_idem``
field, and sends it as an ``Idempotency-Key`` header on htmx posts). A plain multipart post (a
file upload without the script) is not keyed: its body is left for the view to refuse by size.

The first post with a key runs as usual; its answer, when it succeeded, is kept for a day in the
cache (shared by all workers in production) under the person, the URL and the key, and a repeat
gets that answer again, marked ``Idempotent-Replay: true``. A repeat that arrives while the first
is still running is answered 409. A refused post (4xx) or a failure (5xx) is forgotten, so the
corrected form can be sent with the same key. Only signed-in posts are keyed: anonymous forms
(log in, sign up, reset) change nothing that a retry could duplicate.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Callable

from django.conf import settings
from django.core.cache import cache
from django.http import HttpRequest, HttpResponse

FIELD = "_idem"
HEADER = "HTTP_IDEMPOTENCY_KEY"
KEY_PATTERN = re.compile(r"[A-Za-z0-9_-]{16,64}")
KEEP_SECONDS = 24 * 60 * 60
# A worker killed mid-request leaves its key pending; it lapses, and the retry then runs.
PENDING_SECONDS = 60
MAX_KEPT_BYTES = 256 * 1024
# What a replay must carry to act like the first answer (htmx reads its HX-* headers).
KEPT_HEADERS = ("Content-Type", "Location", "Cache-Control")
# Plain forms only: a multipart body (a file upload) is left for the view to parse, since it may
# refuse it by size before reading it; the upload forms send the header from the script instead.
FORM_TYPE = "application/x-www-form-urlencoded"


def _fits_in_memory(request: HttpRequest) -> bool:
    try:
        length = int(request.META.get("CONTENT_LENGTH") or 0)
    except ValueError:
        return False
    limit = settings.DATA_UPLOAD_MAX_MEMORY_SIZE
    return limit is None or length <= limit


def cache_key(*, user_id: int, path: str, key: str) -> str:
    digest = hashlib.sha256(f"{user_id}\0{path}\0{key}".encode()).hexdigest()
    return f"idem:{digest}"


def _key_of(request: HttpRequest) -> str | None:
    key = request.META.get(HEADER)
    if key is None and request.content_type == FORM_TYPE and _fits_in_memory(request):
        # Read here, before the view; a body too big to read is the view's to refuse (413).
        key = request.POST.get(FIELD)
    if key and KEY_PATTERN.fullmatch(key):
        return key
    return None


def _keepable(response: HttpResponse) -> bool:
    return (
        200 <= response.status_code < 400
        and not response.streaming
        and not response.cookies  # a replay must not hand out a session or a message twice
        and len(response.content) <= MAX_KEPT_BYTES
    )


def _replay(kept: dict) -> HttpResponse:
    response = HttpResponse(kept["content"], status=kept["status"])
    for name, value in kept["headers"].items():
        response[name] = value
    response["Idempotent-Replay"] = "true"
    return response


def _still_running() -> HttpResponse:
    return HttpResponse(
        "This was already sent and is still being saved. Reload the page in a moment to see it.",
        status=409,
        content_type="text/plain; charset=utf-8",
        headers={"Retry-After": "2"},
    )


class IdempotencyMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if request.method != "POST" or not request.user.is_authenticated:
            return self.get_response(request)
        key = _key_of(request)
        if key is None:
            return self.get_response(request)
        slot = cache_key(user_id=request.user.pk, path=request.path, key=key)
        if not cache.add(slot, {"state": "pending"}, timeout=PENDING_SECONDS):
            kept = cache.get(slot)
            if kept and kept.get("state") == "done":
                return _replay(kept)
            return _still_running()
        try:
            response = self.get_response(request)
        except BaseException:
            cache.delete(slot)
            raise
        if _keepable(response):
            headers = {h: response[h] for h in KEPT_HEADERS if h in response}
            headers |= {h: v for h, v in response.items() if h.lower().startswith("hx-")}
            kept = {"state": "done", "status": response.status_code, "headers": headers}
            cache.set(slot, kept | {"content": response.content}, timeout=KEEP_SECONDS)
        else:
            cache.delete(slot)
        return response
