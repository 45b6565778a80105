"""RFC 5322 / MIME messages and mbox files -> headers and a text body. Pure stdlib."""

from __future__ import annotations

import codecs
import email
import email.header
import email.message
import email.policy
import email.utils
import re
import zlib
from dataclasses import dataclass

from review.mail.attribution import clean_email
from review.mail.html_text import html_to_text
from review.mail.message import MailFormatError
from review.mail.quotes import parse_author

_SURROGATE = re.compile("[\udc80-\udcff]")
_HEADER_LINE = re.compile(r"[!-9;-~]+:")
_EML_HINTS = (
    "date",
    "message-id",
    "received",
    "mime-version",
    "content-type",
    "return-path",
    "in-reply-to",
    "references",
    "delivered-to",
    "x-mailer",
    "user-agent",
)
_MBOX_FROM = re.compile(r"^From [^\n]*\n(?=[!-9;-~]+:)", re.M)
_ENVELOPE = re.compile(r"From \S+ +[A-Z][a-z]{2} [A-Z][a-z]{2} +\d{1,2} \d\d:\d\d")


MAX_UNPACKED = 5 * 1024 * 1024  # what a gzipped upload may unpack to: the import's own limit


def is_gzip(data: bytes) -> bool:
    return data[:2] == b"\x1f\x8b"


def gunzip(data: bytes, limit: int) -> bytes:
    """The file inside a gzip file, unpacked no further than ``limit`` bytes (a small file can
    unpack to gigabytes); MailFormatError when it is larger or damaged."""
    inflater = zlib.decompressobj(wbits=31)
    try:
        out = inflater.decompress(data, limit + 1)
    except zlib.error:
        raise MailFormatError(_DAMAGED) from None
    if len(out) > limit or inflater.unconsumed_tail:
        raise MailFormatError(
            f"Unpacked, this file is over the {limit / 1024 / 1024:g} MiB limit. "
            "Split the archive into smaller files (for example one month each)."
        )
    if not inflater.eof:
        raise MailFormatError(_DAMAGED)
    return out


_DAMAGED = "This .gz file is damaged or incomplete. Download it again, or upload the unpacked file."


@dataclass(slots=True)
class RawMail:
    author_name: str
    author_email: str | None
    date_header: str | None
    subject: str
    message_id: str | None
    in_reply_to: str | None
    text: str
    date_zone_guessed: bool = False  # the time came from an mbox envelope, which names no zone


def looks_like_mbox(text: str) -> bool:
    return text.startswith("From ") and _MBOX_FROM.match(text) is not None


def looks_like_eml(text: str) -> bool:
    """A header block at the top with From: and at least one header only real mail has."""
    names: set[str] = set()
    for line in text[:20000].split("\n"):
        if not line.strip():
            break
        if line[0] in " \t":
            continue
        if not _HEADER_LINE.match(line):
            return False
        names.add(line.split(":", 1)[0].strip().lower())
    return bool(names & {"from", "subject"}) and bool(names & set(_EML_HINTS))


def split_mbox(text: str) -> list[str]:
    """mbox -> one string per message; a "From " line starts a message after a blank line."""
    starts = [
        m
        for m in _MBOX_FROM.finditer(text)
        if m.start() == 0 or text[m.start() - 2 : m.start()] == "\n\n" or _ENVELOPE.match(m.group(0))
    ]
    chunks: list[str] = []
    for k, m in enumerate(starts):
        end = starts[k + 1].start() if k + 1 < len(starts) else len(text)
        body = text[m.end() : end]
        # mboxrd/mboxo escaping: ">From " at the start of a body line
        body = re.sub(r"(?m)^>(>*From )", r"\1", body) if "\n>" in body else body
        # The envelope line stays: the email parser keeps it apart (get_unixfrom), and its time
        # places a mail that has no Date header.
        chunks.append(m.group(0) + body)
    return chunks


def _header(msg: email.message.Message, name: str) -> str:
    # raw_items(): the header as stored; msg.get() would turn 8-bit bytes into U+FFFD first.
    raw = next((value for key, value in msg.raw_items() if key.lower() == name), None)
    if raw is None:
        return ""
    text = str(raw)
    if _SURROGATE.search(text):
        # Raw 8-bit bytes in a header (no RFC 2047 words): decode them ourselves, UTF-8 first.
        text = decode_bytes(text.encode("ascii", "surrogateescape"), None)
    try:
        value = str(email.header.make_header(email.header.decode_header(text))) if "=?" in text else text
    except Exception:  # broken encoded words: keep the raw text
        value = text
    return " ".join(value.split())


def decode_bytes(data: bytes, charset: str | None) -> str:
    """``data`` in its declared charset; else UTF-8; else Windows-1252; else Latin-1.

    A "us-ascii" label on 8-bit text, a missing label and Latin-1 text labelled UTF-8 are all
    common, so a label that does not fit the bytes is not trusted.
    """
    for candidate in (charset, "utf-8", "cp1252"):
        if not candidate:
            continue
        try:
            codecs.lookup(candidate)
            return data.decode(candidate)
        except (LookupError, UnicodeDecodeError, ValueError):
            continue
    return data.decode("latin-1")


def _part_text(part: email.message.Message) -> str:
    charset = part.get_content_charset()
    cte = str(part.get("content-transfer-encoding", "")).strip().lower()
    # The raw payload: get_payload() would decode 8-bit bytes with the label's charset and put
    # U+FFFD in place of every byte that does not fit, before any fallback could run.
    payload = part._payload
    if isinstance(payload, list):
        return ""
    if cte in ("quoted-printable", "base64", "x-uuencode", "uuencode"):
        if part["content-transfer-encoding"] != cte:
            # get_payload compares the header unstripped: "base64 " would come back undecoded
            part.replace_header("content-transfer-encoding", cte)
        data = part.get_payload(decode=True)
        return decode_bytes(data, charset) if isinstance(data, bytes) else ""
    text = str(payload)
    if _SURROGATE.search(text):  # 8-bit bytes read through surrogateescape
        return decode_bytes(text.encode("ascii", "surrogateescape"), charset)
    return text


def _unflow(text: str, delsp: bool) -> str:
    """RFC 3676 format=flowed: a line ending in a space continues on the next line."""
    out: list[str] = []
    joining = False
    for line in text.split("\n"):
        line = line.rstrip("\r")
        depth = len(line) - len(line.lstrip(">"))
        body = line[depth:]
        body = body[1:] if body.startswith(" ") else body
        if joining and out and depth == out[-1][0]:
            out[-1] = (depth, out[-1][1] + body)
        else:
            out.append((depth, body))
        joining = body.endswith(" ") and body != "-- "
        if joining and delsp:
            out[-1] = (depth, out[-1][1][:-1])
    return "\n".join(((">" * d + " ") if d else "") + b for d, b in out)


def body_text(msg: email.message.Message) -> str:
    """Prefer the first inline text/plain part; fall back to text/html."""
    plain = html = None
    for part in msg.walk():
        if part.is_multipart():
            continue
        if str(part.get("content-disposition", "")).lower().startswith("attachment"):
            continue
        ctype = part.get_content_type()
        if ctype == "text/plain" and plain is None:
            plain = part
        elif ctype == "text/html" and html is None:
            html = part
    if plain is not None:
        text = _part_text(plain).replace("\r\n", "\n")
        if plain.get_param("format", "").lower() == "flowed":
            text = _unflow(text, plain.get_param("delsp", "").lower() == "yes")
        return text
    if html is not None:
        return html_to_text(_part_text(html))
    return ""


def _msg_id(value: str) -> str | None:
    m = re.search(r"<([^<>\s]+)>", value)
    return m.group(1) if m else (value.strip() or None)


# "Name via List <list@…>", "Name (via List)": a list rewrote From to its own address (DMARC).
_VIA_FROM = re.compile(r"\s\(?via\s", re.I)


def _rewritten_sender(msg: email.message.Message, name: str) -> tuple[str, str | None]:
    """The writer of a mail whose From a list rewrote: X-Original-From, else Reply-To, else Cc.

    Mailman puts the writer's own From into Reply-To, or into Cc when replies go to the list
    (Reply-To then names the list). The list's addresses (From, List-Post) are never the writer;
    a Cc is taken only under the writer's name, since it may name others too.
    """
    list_addresses = {email.utils.parseaddr(_header(msg, "from"))[1].lower()}
    list_addresses.update(a.lower() for a in re.findall(r"mailto:([^>\s?]+)", _header(msg, "list-post")))
    for header in ("x-original-from", "reply-to", "cc"):
        for alt_name, alt_addr in email.utils.getaddresses([_header(msg, header)]):
            alt_addr = clean_email(alt_addr)
            if not alt_addr or alt_addr in list_addresses:
                continue
            alt_name = " ".join(alt_name.split()).strip(" \"'")
            same_person = bool(name) and bool(alt_name) and (
                name.lower() in alt_name.lower() or alt_name.lower() in name.lower()
            )
            if header == "cc" and not same_person:
                continue
            # the header's own name when it is the same person's, said more fully ("Carol Jones")
            return (alt_name if same_person and len(alt_name) > len(name) else name or alt_name), alt_addr
    return name, None


def read_message(msg: email.message.Message) -> RawMail:
    name, addr = parse_author(_header(msg, "from"))
    if _VIA_FROM.search(_header(msg, "from")):
        name, addr = _rewritten_sender(msg, name)
    refs = _header(msg, "references").split()
    irt = _msg_id(_header(msg, "in-reply-to")) or (_msg_id(refs[-1]) if refs else None)
    date, guessed = _sent_date(msg)
    return RawMail(
        author_name=name,
        author_email=addr,
        date_header=date,
        subject=_header(msg, "subject"),
        message_id=_msg_id(_header(msg, "message-id")),
        in_reply_to=irt,
        text=body_text(msg),
        date_zone_guessed=guessed,
    )


def _sent_date(msg: email.message.Message) -> tuple[str | None, bool]:
    """When the mail was sent, and whether its zone is a guess.

    The Date header; without one (archives and exports sometimes drop it), the stamp of the
    first relay, the last Received header, which is the nearest to the sending; else the mbox
    envelope's time ("From addr Tue May  6 10:00:00 2025"), which names no zone.
    """
    date = _header(msg, "date")
    if date.strip():
        return date, False
    received = [str(v) for k, v in msg.raw_items() if k.lower() == "received" and ";" in str(v)]
    if received:
        return " ".join(received[-1].rpartition(";")[2].split()), False
    envelope = _ENVELOPE_TIME.match(msg.get_unixfrom() or "")
    if envelope:
        return envelope.group(1), True
    return None, False


_ENVELOPE_TIME = re.compile(r"From \S+ +((?:[A-Z][a-z]{2} ){2} *\d{1,2} \d\d:\d\d(?::\d\d)? \d{4})\s*$")


def parse_eml(data: str | bytes) -> RawMail:
    policy = email.policy.compat32
    if isinstance(data, bytes):
        return read_message(email.message_from_bytes(data, policy=policy))
    head, sep, rest = data.partition("\n\n")
    if sep:
        # Fast path: parse only the headers; a single-part body needs no MIME parsing.
        msg = email.message_from_string(head + "\n\n", policy=policy)
        if (
            not msg.is_multipart()
            and msg.get_content_maintype() not in ("multipart", "message")
            and not msg.defects
        ):
            msg.set_payload(rest)
            return read_message(msg)
    return read_message(email.message_from_string(data, policy=policy))


def digest_messages(msg: email.message.Message) -> list[email.message.Message]:
    """The mails a MIME digest carries (``multipart/digest`` of ``message/rfc822``); [] if none."""
    found: list[email.message.Message] = []
    for part in msg.walk():
        if part.get_content_type() != "multipart/digest":
            continue
        for sub in part.get_payload():
            if isinstance(sub, email.message.Message) and sub.get_content_type() == "message/rfc822":
                inner = sub.get_payload()
                found += [m for m in (inner if isinstance(inner, list) else [inner]) if m is not None]
    return found


def read_messages(msg: email.message.Message) -> list[RawMail]:
    """A mail, or each mail of a MIME digest."""
    inner = digest_messages(msg) if msg.is_multipart() else []
    return [read_message(m) for m in inner] if inner else [read_message(msg)]


def parse_eml_all(data: str | bytes) -> list[RawMail]:
    """``parse_eml``, with a MIME digest opened into its mails."""
    policy = email.policy.compat32
    if isinstance(data, bytes):
        return read_messages(email.message_from_bytes(data, policy=policy))
    head = data.partition("\n\n")[0].lower()
    if "multipart/" not in head:
        return [parse_eml(data)]
    return read_messages(email.message_from_string(data, policy=policy))
