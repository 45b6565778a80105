"""The raw thread carried from the preview to the import in a hidden field.

zlib-compressed, base64, and signed with a timestamp: the server only ever decompresses what it
produced itself, a stale preview expires after a day, and the exact bytes of an upload come
back, so the import parses exactly what the preview showed. Mail text compresses well, so even a
5 MiB archive stays under DATA_UPLOAD_MAX_MEMORY_SIZE.
"""

from __future__ import annotations

import base64
import binascii
import zlib

from django.core import signing

from review.mail.preview import MAX_IMPORT_BYTES

MAX_AGE = 24 * 60 * 60
# The string is older than the module layout: changing it would void previews open in a browser.
SALT = "review.mail_import.payload"
TOO_LARGE = "This is over the 5 MiB limit. Split the archive into smaller files (for example one month each)."


class PayloadError(Exception):
    """The payload is stale, altered or too large; the message is shown as is."""


def pack(raw: str | bytes, *, source: str = "") -> str:
    """``raw`` as a signed, compressed token for a hidden field; ``source`` names an upload."""
    if isinstance(raw, bytes):
        data = (
            b"f" + source.encode("utf-8")[:200].replace(b"\x00", b"") + b"\x00" + raw
            if source
            else b"b" + raw
        )
    else:
        data = b"t" + raw.encode("utf-8")
    token = base64.urlsafe_b64encode(zlib.compress(data, 6)).decode("ascii")
    return signing.TimestampSigner(salt=SALT).sign(token)


def unpack(value: str) -> str | bytes:
    """The raw input back from ``pack``; PayloadError when it is stale, altered or too large."""
    return unpack_with_source(value)[0]


def unpack_with_source(value: str) -> tuple[str | bytes, str]:
    """The raw input and where it came from: the uploaded file's name, or "pasted text"."""
    unreadable = "The preview could not be read back. Paste or upload the thread again."
    try:
        token = signing.TimestampSigner(salt=SALT).unsign(value, max_age=MAX_AGE)
    except signing.SignatureExpired:
        raise PayloadError("This preview is more than a day old. Paste or upload the thread again.") from None
    except signing.BadSignature:
        raise PayloadError(unreadable) from None
    try:
        inflater = zlib.decompressobj()
        data = inflater.decompress(base64.urlsafe_b64decode(token), MAX_IMPORT_BYTES + 2)
    except (binascii.Error, zlib.error, ValueError):
        raise PayloadError(unreadable) from None
    if inflater.unconsumed_tail or len(data) > MAX_IMPORT_BYTES + 1:
        raise PayloadError(TOO_LARGE)
    kind, body = data[:1], data[1:]
    if kind == b"f":
        name, _, body = body.partition(b"\x00")
        return bytes(body), "file " + name.decode("utf-8", "replace")
    if kind == b"b":
        return bytes(body), "an uploaded file"
    return body.decode("utf-8", "replace"), "pasted text"
