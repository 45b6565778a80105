"""Pure mail-thread parser: raw mail, mbox, archive page or pasted thread -> messages.

``parse_thread(raw)`` returns the messages oldest first, each with its author, date, own
words (quotes, attribution lines, signature blocks and list footers removed) and the
clause references found in those words. ``match_refs`` (from review.mail.refs) maps the
references onto the clauses of a version. No Django imports.

Input kinds, tried in this order: mbox ("From " envelope lines), a raw RFC 5322 message,
a digest, a HyperKitty page, an MHonArc or Mailman/pipermail archive page, any other HTML (a
mail pasted from a client), plain text.

Decisions:
- Empty or blank input gives []. Any other readable text gives at least what it holds:
  text with no headers and no attribution becomes one message by an unknown author
  (author_name "", author_email None, date None), so a pasted comment can still be imported.
- Binary input, and any failure inside, raises MailFormatError; nothing else escapes.
- Quoted messages are rebuilt from attributions. When the attribution gives a time without a
  zone, the quoting message's zone is assumed (else UTC) and ``date_zone_guessed`` is set.
  The reply chain, never those times, decides their order: a quote is older than its quoter.
- A message that appears whole and also quoted is kept once, as the whole one: same author
  (email, else name) and the same words, or the quoted words contained in the whole message.
- A quoted message whose own words are empty (an attribution over deeper quotes only) is dropped.
- A ">" block without an attribution is dropped (its deeper attributed messages are kept); a
  later unattributed block in the same reply continues the last attributed one (interleaving).
"""

from __future__ import annotations

import heapq
import re
from datetime import UTC, datetime, tzinfo
from itertools import pairwise

from licenses.text.pdf import PdfError, is_pdf, pdf_text
from review.mail.dates import parse_header_date, parse_loose
from review.mail.digest import looks_like_digest, split_digest
from review.mail.html_text import ArchivePage, html_to_text, looks_like_pipermail, parse_pipermail
from review.mail.hyperkitty import looks_like_hyperkitty, split_hyperkitty
from review.mail.message import ClauseMatch, ClauseRef, MailFormatError, Message, normalise_words
from review.mail.mhonarc import looks_like_mhonarc, parse_mhonarc
from review.mail.mime import (
    MAX_UNPACKED,
    RawMail,
    decode_bytes,
    gunzip,
    is_gzip,
    looks_like_eml,
    looks_like_mbox,
    parse_eml,
    parse_eml_all,
    read_messages,
    split_mbox,
)
from review.mail.printed import looks_like_printed, split_printed
from review.mail.quotes import MARK, parse_author, split_chain
from review.mail.refs import find_refs, match_refs
from review.mail.repair import decode_escapes, repair_text
from review.mail.signatures import clean_body, cut_footer_text, signed_name

__all__ = [
    "ClauseMatch", "ClauseRef", "MailFormatError", "Message",
    "find_refs", "match_refs", "parse_thread", "parse_thread_bytes",
]  # fmt: skip

_CONTROL = frozenset(chr(c) for c in range(32) if chr(c) not in "\t\n\r\f\v\x1b") | {"\x7f"}


_META_CHARSET = re.compile(rb"<meta[^>]{0,200}?charset=[\"']?([A-Za-z0-9_.:-]{1,40})", re.I)


def _check_text(text: str) -> None:
    sample = text[:8192]
    if sample.count("\x00") > 2 or sum(ch in _CONTROL for ch in sample) > len(sample) * 0.05 + 2:
        raise MailFormatError(
            "This looks like a binary file, not mail. Upload a .eml, .mbox, .html or .txt file."
        )


# A real tag: "<br>", "<div class=…>", "</p>"; not "<brian@example.org>" or "<pretty@…>".
_HTML_TAG = re.compile(
    r"<(?:html|body|div|p|br|blockquote|pre|table|span|font|b|i|a)(?:\s[^<>]{0,500})?/?>|</(?:div|p|blockquote|body|html)>",
    re.I,
)


def _looks_like_html(text: str) -> bool:
    return len(_HTML_TAG.findall(text[:8192], 0)) >= 2 or _HTML_TAG.match(text.lstrip()) is not None


def _has_list_footer(text: str) -> bool:
    return _LIST_FOOTER.search(text) is not None


_LIST_FOOTER = re.compile(r"mailing\s+list|/listinfo/|/mailman/", re.I)


def _chain_from_mail(raw: RawMail) -> list[Message]:
    date = parse_header_date(raw.date_header)
    tz: tzinfo | None = date.tzinfo if date else None
    text = repair_text(raw.text)
    footer = _has_list_footer(text)
    if footer:
        # One mail: its list footer ends it, so a quote just above the footer ends it too (and
        # is the quoted mail, not the author's words).
        text = cut_footer_text(text)
    own, older = split_chain(text, tz, list_footer=footer)
    top = Message(
        author_name=raw.author_name,
        author_email=raw.author_email,
        date=date,
        subject=raw.subject,
        message_id=raw.message_id,
        in_reply_to=raw.in_reply_to,
        body=clean_body(own, author_name=raw.author_name, author_email=raw.author_email, list_footer=footer),
        date_zone_guessed=raw.date_zone_guessed and date is not None,
    )
    return [*older, top]


def _chains_from_mail(raw: RawMail) -> list[list[Message]]:
    """One mail's chain, or, for a list digest, one chain per message it carries."""
    if looks_like_digest(raw.text):
        return [_chain_from_mail(parse_eml(chunk)) for chunk in split_digest(raw.text)]
    return [_chain_from_mail(raw)]


def _chains_from_printed(text: str) -> list[list[Message]]:
    """A webmail's printed conversation: each message under its sender-and-time line."""
    subject, printed = split_printed(text)
    chains = []
    for p in printed:
        name, addr = parse_author(p.sender)
        chain = _chain_from_mail(RawMail(name, addr, p.when, subject, None, None, p.text))
        top = chain[-1]
        printed_at = parse_loose(p.when)[0]
        # Printed in the printer's zone, which it does not name; a time only the header reader
        # understands ("Mon, 3 Mar 25 11:15") names none that we can tell either.
        if top.date is not None and (printed_at is None or printed_at.tzinfo is None):
            top.date_zone_guessed = True
        chains.append(chain)
    return chains


def _chains_from_hyperkitty(markup: str) -> list[list[Message]]:
    """A Mailman 3 archive page: each mail, answering the one above it a level up."""
    subject, mails = split_hyperkitty(markup)
    chains = []
    path: list[tuple[int, str]] = []  # (depth, id) of the mails above, down to this one
    for mail in mails:
        if not mail.body.strip():
            continue  # nothing said (or not a mail at all): nothing to import
        mid = f"hyperkitty:{mail.key}"
        while path and path[-1][0] >= mail.level:
            path.pop()
        parent = path[-1][1] if path and mail.level > 0 else None
        path.append((mail.level, mid))
        name, addr = parse_author(mail.author)
        # The sender's time is shown without its zone.
        raw = RawMail(name, addr, mail.when or None, subject, mid, parent, mail.body, date_zone_guessed=True)
        chains.append(_chain_from_mail(raw))
    return chains


def _chain_from_text(text: str) -> list[Message]:
    text = repair_text(text)
    footer = _has_list_footer(text)
    own, older = split_chain(text, None, unwrap=True, list_footer=footer)
    body = clean_body(own, list_footer=footer)
    # No header names the reply's author; its sign-off may ("Regards,\nSam Reviewer").
    return [*older, Message(author_name=signed_name(own), body=body)] if body else older


def _chain_from_page(page: ArchivePage) -> list[Message]:
    """One message of a web archive's page (pipermail, MHonArc), read as the mail it shows."""
    name, addr = parse_author(f"{page.author} <{page.address}>" if page.address else page.author)
    return _chain_from_mail(
        RawMail(name, addr, page.date, page.subject, page.message_id, page.in_reply_to, page.body)
    )


def _parse(text: str) -> list[Message]:
    text = text.lstrip("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
    if not text.strip():
        return []
    _check_text(text)
    # A stray NUL or two in a text file is damage, not a sign of binary; our quote mark is ours.
    text = text.replace("\x00", "").replace(MARK, "")
    stripped = text.lstrip()
    if looks_like_mbox(stripped):
        raws = [raw for chunk in split_mbox(stripped) for raw in parse_eml_all(chunk)]
        chains = [c for raw in raws for c in _chains_from_mail(raw)]
    elif looks_like_eml(stripped):
        chains = [c for raw in parse_eml_all(stripped) for c in _chains_from_mail(raw)]
    elif looks_like_digest(stripped):
        chains = [_chain_from_mail(parse_eml(chunk)) for chunk in split_digest(stripped)]
    elif _looks_like_html(stripped) and looks_like_hyperkitty(stripped):
        chains = _chains_from_hyperkitty(stripped)
    elif _looks_like_html(stripped) and looks_like_mhonarc(stripped):
        chains = [_chain_from_page(parse_mhonarc(stripped))]
    elif _looks_like_html(stripped) and looks_like_pipermail(stripped):
        chains = [_chain_from_page(parse_pipermail(stripped))]
    elif _looks_like_html(stripped):
        chains = [_chain_from_text(html_to_text(decode_escapes(stripped)))]
    elif looks_like_printed(stripped):
        chains = _chains_from_printed(stripped)
    else:
        chains = [_chain_from_text(text)]
    return _assemble(chains)


def parse_thread(raw: str) -> list[Message]:
    """Messages in ``raw`` (mbox, .eml, archive page, HTML or plain paste), oldest first."""
    if not isinstance(raw, str):
        raise MailFormatError("Expected text; use parse_thread_bytes() for files.")
    try:
        return _parse(raw)
    except MailFormatError:
        raise
    except RecursionError as exc:
        raise MailFormatError("This mail is nested too deeply to read.") from exc
    except Exception as exc:  # the contract: callers only ever see MailFormatError
        raise MailFormatError(f"Could not read this as mail ({type(exc).__name__}).") from exc


def parse_thread_bytes(data: bytes, *, max_unpacked: int = MAX_UNPACKED) -> list[Message]:
    """Like parse_thread, for an uploaded file: MIME charsets decide, else UTF-8, else an HTML
    page's declared charset, else Windows-1252, else Latin-1.

    A gzipped file (an archive's "2025-May.txt.gz" or "thread.mbox.gz") is read as the file
    inside it, at most ``max_unpacked`` bytes of it; a PDF (a conversation printed from webmail)
    as the text of its pages, its running headers and footers left out (``licenses.text.pdf``).
    """
    if not isinstance(data, bytes | bytearray | memoryview):
        raise MailFormatError("Expected bytes.")
    data = bytes(data)
    if is_gzip(data):
        data = gunzip(data, max_unpacked)
    if is_pdf(data):
        # a conversation printed to PDF from a webmail's "print all" view: its pages' text
        try:
            return parse_thread(pdf_text(data))
        except PdfError as error:
            raise MailFormatError(str(error)) from None
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    elif data.startswith((b"\xff\xfe", b"\xfe\xff")):
        data = data.decode("utf-16", "replace").encode("utf-8")
    head = data[:8192]
    if head.count(b"\x00") > 2:
        raise MailFormatError(
            "This looks like a binary file, not mail. Upload a .eml, .mbox, .html or .txt file."
        )
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        # Not UTF-8: an HTML page may declare its charset (pipermail does); else Windows-1252
        # (Notepad's and Outlook's text files: its quotes and dashes are C1 controls in
        # Latin-1), else Latin-1.
        declared = _META_CHARSET.search(head)
        text = decode_bytes(data, declared.group(1).decode("ascii") if declared else None)
    _check_text(text)
    stripped = data.lstrip()
    try:
        if looks_like_eml(text.lstrip()) and not looks_like_mbox(text.lstrip()):
            # Bytes keep each MIME part's own charset intact.
            from email import message_from_bytes
            from email.policy import compat32

            raws = read_messages(message_from_bytes(stripped, policy=compat32))
            return _assemble([c for raw in raws for c in _chains_from_mail(raw)])
        if looks_like_mbox(text.lstrip()):
            chunks = split_mbox(stripped.decode("ascii", "surrogateescape").replace("\r\n", "\n"))
            raws = [r for chunk in chunks for r in parse_eml_all(chunk.encode("ascii", "surrogateescape"))]
            return _assemble([c for r in raws for c in _chains_from_mail(r)])
    except MailFormatError:
        raise
    except Exception as exc:
        raise MailFormatError(f"Could not read this as mail ({type(exc).__name__}).") from exc
    return parse_thread(text)


# --- dedupe and order --------------------------------------------------------


def _same_author(a: Message, b: Message) -> bool:
    if a.author_email and b.author_email:
        return a.author_email == b.author_email
    return bool(a.author_name) and normalise_words(a.author_name) == normalise_words(b.author_name)


def _dated_after(a: Message, b: Message) -> bool:
    """``a`` was sent clearly after ``b``, by dates written with their zones."""
    if a.date is None or b.date is None or a.date_zone_guessed or b.date_zone_guessed:
        return False
    return (a.date - b.date).total_seconds() > 600


def _author_key(msg: Message) -> str:
    return msg.author_email or normalise_words(msg.author_name)


def _name_key(name: str) -> str:
    """Its words in any order: "Doe, John" and "John Doe" are one name."""
    return " ".join(sorted(normalise_words(name).split()))


def _complete_authors(messages: list[Message]) -> None:
    """Give a name-only author the one address the thread itself gives that name.

    Quotes name people without an address ("On …, John Doe wrote:"), lists rewrite senders
    ("Mary via License-review") and archives shorten addresses; the same thread often holds the
    person's own mail with the full address. A name the thread pairs with two addresses (two
    people, or one with two) stays without one. The name becomes the one written with the
    address in the person's own mail, so "Doe, John" reads as "John Doe"; an address shown
    without a name gets the name the thread writes with it. A one-word name ("Van", as people
    sign) is the one person of the thread whose full name starts with it, if only one does.
    """
    addresses: dict[str, set[str]] = {}
    written: dict[str, str] = {}
    for msg in sorted(messages, key=lambda m: m.quoted):  # own mail first: its name wins
        if msg.author_email and msg.author_name:
            addresses.setdefault(_name_key(msg.author_name), set()).add(msg.author_email)
            written.setdefault(msg.author_email, msg.author_name)
    # "Van" (a signature, a quote's "Van wrote:") is the thread's one Van with an address, if one
    by_first_name: dict[str, set[str]] = {}
    for found in addresses.values():
        for first in {words[0] for words in (normalise_words(written[a]).split() for a in found) if len(words) > 1}:
            by_first_name.setdefault(first, set()).update(found)
    for msg in messages:
        if msg.author_email and not msg.author_name:
            msg.author_name = written.get(msg.author_email, "")
        if msg.author_email or not msg.author_name:
            continue
        found = addresses.get(_name_key(msg.author_name), set())
        if not found and len(words := normalise_words(msg.author_name).split()) == 1:
            found = by_first_name.get(words[0], set())
        if len(found) == 1:
            (msg.author_email,) = found
            msg.author_name = written[msg.author_email]


def _assemble(chains: list[list[Message]]) -> list[Message]:
    _complete_authors([msg for chain in chains for msg in chain])
    nodes: list[Message] = []
    keys: list[str] = []  # normalised bodies, parallel to nodes
    by_id: dict[str, int] = {}
    by_body: dict[str, list[int]] = {}
    by_author: dict[str, list[int]] = {}
    chain_nodes: list[list[int]] = []

    def register(msg: Message, key: str) -> int:
        nodes.append(msg)
        keys.append(key)
        i = len(nodes) - 1
        by_body.setdefault(key, []).append(i)
        if not msg.quoted:
            by_author.setdefault(_author_key(msg), []).append(i)
            if msg.author_email and msg.author_name:
                by_author.setdefault(normalise_words(msg.author_name), []).append(i)
        if msg.message_id:
            by_id[msg.message_id] = i
        return i

    def twin_of(msg: Message, key: str, quoter: Message | None) -> int | None:
        """A whole (or earlier quoted) message this quoted copy repeats, possibly shortened."""
        same = next((i for i in by_body.get(key, []) if _same_author(nodes[i], msg)), None)
        if same is not None:
            return same
        # The message its quoter answers (In-Reply-To), by the same author, holding these words:
        # strong enough for a short quote too ("Dear all, I submit …", cut by the quoter).
        parent = by_id.get(quoter.in_reply_to) if quoter is not None and quoter.in_reply_to else None
        if parent is not None and _same_author(nodes[parent], msg) and key in keys[parent]:
            return parent
        short = len(key) < 40  # a few words could be anyone's: then the time must match too
        if short and msg.date is None:
            return None
        for i in reversed(by_author.get(_author_key(msg), [])[-500:]):
            when = nodes[i].date
            if short:
                close = when is not None and abs(when - msg.date).total_seconds() <= 120
            else:
                close = msg.date is None or when is None or abs(when - msg.date).days < 4
            if close and key in keys[i] and _same_author(nodes[i], msg):
                return i
        return None

    wholes: dict[tuple[int, int], int] = {}
    # The word keys only serve to find quoted copies of whole messages: none quoted, no keys.
    any_quoted = any(msg.quoted for chain in chains for msg in chain)
    for c, chain in enumerate(chains):  # whole messages first: they win over quoted copies
        for k, msg in enumerate(chain):
            if not msg.quoted:
                known = by_id.get(msg.message_id) if msg.message_id else None
                key = normalise_words(msg.body) if any_quoted else ""
                wholes[(c, k)] = known if known is not None else register(msg, key)
    for c, chain in enumerate(chains):
        ids: list[int] = []
        for k, msg in enumerate(chain):
            if (c, k) in wholes:
                ids.append(wholes[(c, k)])
                continue
            if not msg.body:  # an attribution over nothing but deeper quotes
                continue
            key = normalise_words(msg.body)
            twin = twin_of(msg, key, chain[k + 1] if k + 1 < len(chain) else None) if key else None
            ids.append(twin if twin is not None else register(msg, key))
        chain_nodes.append(ids)

    edges: dict[int, set[int]] = {i: set() for i in range(len(nodes))}
    for ids in chain_nodes:
        for older, newer in pairwise(ids):
            if older == newer:
                continue
            # Nesting says "older"; an In-Reply-To naming the other says otherwise, and wins
            # (messages pasted one after another, oldest first, each with its headers).
            if nodes[older].in_reply_to and nodes[older].in_reply_to == nodes[newer].message_id:
                edges[newer].add(older)
            elif _dated_after(nodes[older], nodes[newer]):
                # Header blocks pasted oldest first read as nesting; their written dates say
                # the "quoted" one came later, and they win.
                edges[newer].add(older)
            else:
                edges[older].add(newer)
    for i, msg in enumerate(nodes):
        parent = by_id.get(msg.in_reply_to) if msg.in_reply_to else None
        if parent is not None and parent != i:
            edges[parent].add(i)

    # Sort keys: whole messages by their date; quoted ones by their date but never after a quoter.
    far = datetime.max.replace(tzinfo=UTC)
    # A quote takes its quoter's key, however deep: repeated until no key moves (keys only
    # go down, so this ends; a pass per level of quoting).
    key = [m.date if (m.date and not m.quoted) else far for m in nodes]
    moved = True
    while moved:
        moved = False
        for i, msg in enumerate(nodes):
            if msg.quoted:
                later = min((key[j] for j in edges[i]), default=far)
                if (new := min(msg.date or far, later)) != key[i]:
                    key[i], moved = new, True
    indegree = [0] * len(nodes)
    for i in edges:
        for j in edges[i]:
            indegree[j] += 1
    heap = [(key[i], i) for i in range(len(nodes)) if indegree[i] == 0]
    heapq.heapify(heap)
    ordered: list[int] = []
    while heap:
        _, i = heapq.heappop(heap)
        ordered.append(i)
        for j in edges[i]:
            indegree[j] -= 1
            if indegree[j] == 0:
                heapq.heappush(heap, (key[j], j))
    if len(ordered) < len(nodes):  # a cycle in bad data: keep the rest by key
        seen = set(ordered)
        ordered += sorted((i for i in range(len(nodes)) if i not in seen), key=lambda i: (key[i], i))
    result = [nodes[i] for i in ordered]
    position = {node: pos for pos, node in enumerate(ordered)}
    answers: dict[int, int] = {}  # the latest earlier message with an edge to each one
    for i, targets in edges.items():
        for j in targets:
            if position[i] < position[j] and position[i] > answers.get(j, -1):
                answers[j] = position[i]
    for i in ordered:  # an answer is only ever stored from an earlier position
        nodes[i].clause_refs = find_refs(nodes[i].body)
        nodes[i].reply_to = answers.get(i)
    return result
