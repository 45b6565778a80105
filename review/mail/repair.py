"""Undo damage that mail picks up on the way, only where the evidence is strong. Pure.

- Literal escapes: text that passed through a JSON export can carry ``\\u202f`` (the narrow
  no-break space Apple puts before "AM") or ``\\u2019`` as six characters. An escape is decoded
  only when it names a space or typographic punctuation and sits glued to a word or a digit
  ("5:51\\u202fAM", "licensor\\u2019s"): someone writing about escapes puts spaces or quotes
  around them, and those stay as written.
- Quoted-printable residue: a client that quoted the raw source of a QP message leaves soft line
  breaks ("addres=" + newline + "s"), "=20" at line ends and "=C3=AC" for "ì". The text is
  repaired only when it shows at least two different signs of QP (say a soft break and a
  UTF-8 sequence), and then only those signs are undone; "a=b" or "x = 20" in clean mail is
  never touched.
"""

from __future__ import annotations

import re

_ESCAPE = re.compile(
    r"(?<=[\w.,;:!?)\]’'])\\u(00a0|00ab|00bb|20[0-2][0-9a-f]|203[0-9a-e]|204[0-9a-f]|205[0-9a-f]|202f)"
    r"|\\u(00a0|00ab|00bb|20[0-2][0-9a-f]|202f)(?=[\w(\[‘'])",
    re.I,
)
# Two or more bytes of one UTF-8 character: a lead byte C2-F4 then continuation bytes 80-BF.
_QP_UTF8 = re.compile(
    r"(?:=(?:C[2-9A-F]|D[0-9A-F])=[89AB][0-9A-F]|=E[0-9A-F](?:=[89AB][0-9A-F]){2}|=F[0-4](?:=[89AB][0-9A-F]){3})"
)
# A soft break: a long line ending in "=", continued on the next line at the same quote depth
# (the quote marks are taken whole, possessively, and the next line has no more of them: a quoted
# line ending in "=" must not swallow the reply under it).
_QP_SOFT = re.compile(r"(?m)^((?:> ?)*+)(.{40,}?)=\n\1(?!>)")
_QP_TRAILING = re.compile(r"=20$|=09$", re.M)
_QP_EQUALS = re.compile(r"=3D(?=[\w\"'])")


def decode_escapes(text: str) -> str:
    if "\\u" not in text:
        return text
    return _ESCAPE.sub(lambda m: chr(int(m.group(1) or m.group(2), 16)), text)


def qp_evidence(text: str) -> int:
    """How many different signs of quoted-printable source the text shows (0-4)."""
    if "=" not in text:
        return 0
    signs = (_QP_UTF8, _QP_SOFT, _QP_TRAILING, _QP_EQUALS)
    return sum(1 for sign in signs if sign.search(text))


def _utf8(m: re.Match[str]) -> str:
    data = bytes.fromhex(m.group(0).replace("=", ""))
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return m.group(0)


def undo_qp(text: str) -> str:
    """Repair QP residue when there are at least two signs of it; otherwise return ``text``."""
    if qp_evidence(text) < 2:
        return text
    text = _QP_SOFT.sub(lambda m: m.group(1) + m.group(2), text)
    text = _QP_TRAILING.sub(lambda m: " " if m.group(0) == "=20" else "\t", text)
    text = _QP_EQUALS.sub("=", text)
    return _QP_UTF8.sub(_utf8, text)


def repair_text(text: str) -> str:
    """Both repairs, for plain text (HTML gets decode_escapes before and undo_qp after reading)."""
    return undo_qp(decode_escapes(text))
