"""Plain data returned by the mail parser (see review.mail.parse). No Django imports."""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field
from datetime import UTC, datetime


class MailFormatError(ValueError):
    """The input is not something we can read as mail; the message is shown to people."""


@dataclass(frozen=True, slots=True)
class ClauseRef:
    path: str  # as written, normalised: "2.2(b)", "4", "2.bb"
    confidence: float  # 0..1
    kind: str  # "section" | "clause" | "article" | "paragraph" | "bare"


@dataclass(frozen=True, slots=True)
class ClauseMatch:
    path: str  # path of a clause of the reviewed version
    confidence: float  # 0..1
    kind: str  # "exact" | "near" | "parent" | "quote"
    ref: str  # the reference path, or the quoted words, that led here


_WORDS = re.compile(r"\w+")


def normalise_words(text: str) -> str:
    """Lower-case words joined by single spaces: blind to wrapping, quoting and punctuation."""
    return " ".join(_WORDS.findall(text.lower()))


@dataclass(slots=True)
class Message:
    author_name: str = ""  # "" when the text does not say
    author_email: str | None = None
    date: datetime | None = None  # timezone-aware, or None
    subject: str = ""
    message_id: str | None = None
    in_reply_to: str | None = None
    body: str = ""  # own words only: no quotes, attribution, signature block or list footer
    clause_refs: list[ClauseRef] = field(default_factory=list)
    # Rebuilt from a quote in a later message (author and date come from the attribution line).
    quoted: bool = False
    # The date's time zone was not written down; we assumed the quoting message's zone (else UTC).
    date_zone_guessed: bool = False
    # Position (in the list parse_thread returns) of the message this one answers, if known:
    # the message it quotes, or the one its In-Reply-To names.
    reply_to: int | None = None

    @property
    def fingerprint(self) -> str:
        """Stable hash of author, date and body, for dedup when there is no Message-ID."""
        who = (self.author_email or self.author_name).strip().lower()
        when = self.date.astimezone(UTC).isoformat() if self.date else ""
        data = f"{who}\n{when}\n{normalise_words(self.body)}"
        return hashlib.sha256(data.encode("utf-8", "surrogatepass")).hexdigest()[:32]
