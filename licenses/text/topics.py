"""Pure secondary links by legal topic: the one clause on each side that deals with a matter. No Django imports.

A rewrite can keep a clause's legal matter and change every word of it: Apache 1.1's "the
names ... must not be used to endorse or promote products derived from this software" is
Apache 2.0's "This License does not grant permission to use the trade names, trademarks,
service marks, or product names of the Licensor"; CC-BY 3.0's "This License constitutes the
entire agreement between the parties" is 4.0's "The Licensor shall not be bound by any
additional or different terms". A lawyer links them because both deal with the same matter,
and licenses in general name their matters with a small, stable vocabulary (warranty
disclaimers say "as is", trademark clauses say "trademark" or "endorse or promote", grants
say "hereby grants" or "may use, copy and share", ...).

:data:`TOPICS` is that vocabulary: a few patterns per topic, from wording common to licenses
in general (none names a license, a licensor or a product). :func:`tags` reads the topics of
a clause from its :func:`lead`, the first sentence (a clause states its matter first; a
matter named in passing further on, as CC-BY 3.0's attribution clause ends on endorsement,
is not what the clause deals with); a definition ("X means ...") deals with a word and has
none. :func:`topic_links` links clauses that no link touches when, for one topic, one of them
is the only clause of its side among the clauses in no link to deal with it, and the other
side has one or two (mutual uniqueness, with room for a clause rewritten as two), and the
topic is dealt with in few clauses of either text (a topic many clauses touch says nothing).

The links are secondary (``Pair.more_from`` / ``more_into``): they never change a pairing.
Cost: each clause's first sentence is read once; its words are looked up in a cache of the
topics they may signal, and only those topics' patterns are searched (1.3 ms on GPL-2.0 →
3.0, whose compare takes about 20 ms).
"""

from __future__ import annotations

import re

from licenses.text.matching import Side

TOPIC_WORDS = 6  # clauses with fewer distinct content words (a bare heading) are never tagged
TOPIC_RARE = 3  # a topic in more clauses than this on either side is too common to link by
TOPIC_FAN = 2  # a clause links to at most this many clauses of the other side by one topic
LEAD_WORDS = 8  # a first sentence shorter than this is a heading: the lead reads on

# Each topic: patterns over a clause's folded text with its marks dropped (so
# "non-infringement" is "non infringement", "AS-IS" is "as is").
_PATTERNS: dict[str, tuple[str, ...]] = {
    "warranty": (
        r"\bas is\b",
        r"\bwithout (any )?warrant",
        r"\bno warrant",
        r"\bwarrant(y|ies)\b.{0,80}\bdisclaim",
        r"\bdisclaim.{0,80}\bwarrant",
        r"\bmerchantab",
        r"\bfitness for a particular purpose\b",
    ),
    "liability": (
        r"\bin no event\b.{0,120}\bliab",
        r"\blimitation (of|on) liability\b",
        r"\b(consequential|incidental) damages\b",
        r"\bshall not be liable\b|\bwill not be liable\b|\bnot be liable\b",
    ),
    "trademark": (
        r"\btrade ?marks?\b",
        r"\bservice marks?\b",
        r"\btrade ?names?\b",
        r"\blogos?\b",
        r"\bendorse",
        r"\bpromote products\b",
        r"\bmay not be called\b",
    ),
    "termination": (r"\bterminat",),
    "patent": (
        r"\bpatent (license|licence|claims?|rights?)\b",
        r"\bpatent (litigation|infringement)\b",
        r"\bunder (its|their|any|the) patents?\b",
    ),
    "law": (
        r"\bgoverned by (and construed [a-z ]{0,30})?(the )?laws?\b",
        r"\blaws? of the (state|commonwealth|republic|federal|kingdom|country|province)",
        r"\bgoverning law\b",
        r"\bchoice of law\b",
        r"\bconflicts? of laws?\b",
        r"\bvenue\b",
        r"\bexclusive jurisdiction\b",
        r"\bjurisdiction of the courts?\b",
        r"\bcourts? (of|in|located)\b",
    ),
    "severability": (
        r"\bunenforceab",
        r"\bsever(ed|able|ability)\b",
        r"\b(held|found|deemed) (to be )?invalid\b",
    ),
    "entire": (
        r"\bentire agreement\b",
        r"\bcomplete agreement\b",
        r"\bsupersed",
        r"\bunderstandings\b",
        r"\bnot be bound by any additional\b",
    ),
    "waiver": (
        r"\b(deemed|be) waived\b",
        r"\bno waiver\b",
        r"\bfailure (of [a-z ]{1,30})?to enforce\b",
        r"\bwaiver of (any|a|the) (provision|term|breach|right)",
    ),
    "export": (r"\bexport",),
    "versions": (
        r"\b(new|revised|later|future|updated) versions? of (this|the) (license|licence|agreement)\b",
        r"\b(publish|issue|release)\w* (new|revised|updated) versions?\b",
        r"\bversions? of (this|the) (license|licence) (may|will) be\b",
    ),
    "acceptance": (
        r"\byou accept\b",
        r"\bacceptance of (this|the)\b",
        r"\bnot required to accept\b",
        r"\bindicat\w* (your )?(acceptance|agreement|assent)\b",
        r"\b(deemed|considered) to (have )?(accepted|agreed)\b",
    ),
    "aggregation": (r"\baggregat",),
    "linking": (r"\blink(ed|ing|s)?\b", r"\bstatically\b", r"\bdynamically\b"),
    "fair use": (
        r"\bfair (use|dealing)\b",
        r"\bexceptions? (and|or) limitations?\b",
        r"\blimitations? (and|or) exceptions?\b",
    ),
    "indemnity": (r"\bindemn", r"\bhold harmless\b"),
    "grant": (
        r"\bhereby grants?\b",
        r"\bgrants? (to )?you\b",
        r"\bpermission is (hereby )?granted\b",
        r"\bis hereby licen[cs]ed\b",
        r"\b(may|is free to|are free to) (use|copy|reproduce)\b[a-z ]{0,30}?\b(modify|share|distribute)",
    ),
    "government": (r"\bgovernment\b", r"\brestricted rights\b"),
    "moral": (
        r"\bmoral rights?\b",
        r"\bright of integrity\b",
        r"\bdistort",
        r"\bmutilat",
        r"\bhono(u)?r or reputation\b",
    ),
}
TOPICS: dict[str, re.Pattern[str]] = {t: re.compile("|".join(ps)) for t, ps in _PATTERNS.items()}
# Pieces of words one of which each topic's patterns need (every pattern holds a word that
# holds one, or the phrase itself when it has a space): a topic none of whose pieces is in a
# clause is not searched for (the search of a pattern that opens on a word boundary scans
# every character; the words of a clause are looked up once each, in a cache).
_NEEDS: dict[str, tuple[str, ...]] = {
    "warranty": ("as is", "warrant", "merchantab", "fitness"),
    "liability": ("liab", "damages"),
    "trademark": ("trade", "mark", "logo", "endorse", "promote", "called"),
    "termination": ("terminat",),
    "patent": ("patent",),
    "law": ("law", "venue", "jurisdiction", "court"),
    "severability": ("enforceab", "sever", "invalid"),
    "entire": ("agreement", "supersed", "understandings", "bound"),
    "waiver": ("waive", "enforce"),
    "export": ("export",),
    "versions": ("version",),
    "acceptance": ("accept", "agree", "assent"),
    "aggregation": ("aggregat",),
    "linking": ("link", "statically", "dynamically"),
    "fair use": ("fair", "exception", "limitation"),
    "indemnity": ("indemn", "harmless"),
    "grant": ("grant", "use", "copy", "reproduce", "licensed", "licenced"),
    "government": ("government", "restricted rights"),
    "moral": ("moral", "integrity", "distort", "mutilat", "hono"),
}

_WORD_TOPICS: dict[str, frozenset[str]] = {}  # word -> the topics whose needed words it holds
_PHRASES = tuple((w, t) for t, ws in _NEEDS.items() for w in ws if " " in w)
_PHRASE_WORDS = tuple((frozenset(w.split()), t) for w, t in _PHRASES)


def _maybe(word: str) -> frozenset[str]:
    found = _WORD_TOPICS.get(word)
    if found is None:
        found = frozenset(t for t, ws in _NEEDS.items() if any(n in word for n in ws if " " not in n))
        if len(_WORD_TOPICS) < 100_000:  # a bounded cache: a license's words are a few thousand
            _WORD_TOPICS[word] = found
    return found


# a list of kinds of notice ("all copyright, patent, trademark, and attribution notices") is
# about notices, not about those rights: read without it
_NOTICES = re.compile(
    r"\b(copyright|patent|trademark|attribution)( (and|or))?"
    r"( (copyright|patent|trademark|attribution|and|or))* notices?\b"
)


def _plain(key: str) -> str:
    """A folded text's words only: its marks are tokens of one character (``fold``)."""
    plain = " ".join(t for t in key.split() if len(t) > 1 or t.isalnum())
    return _NOTICES.sub(" notices ", plain) if "notice" in plain else plain


def _stop(text: str, start: int = 0) -> int:
    """Where the first full stop at or after ``start`` ends a sentence (" . " after three
    letters, digits or a closing bracket: not "e . g ."), or -1."""
    k = text.find(" . ", start)
    while k >= 0 and not (k >= 3 and all(c.isalnum() or c == ")" for c in text[k - 3 : k])):
        k = text.find(" . ", k + 1)
    return k


def lead(text: str) -> str:
    """The first sentence of a folded text, with the next one when the first is a heading."""
    first = _stop(text)
    if first < 0:
        return text
    if first > 20 * LEAD_WORDS or len(text[:first].split()) >= LEAD_WORDS:
        return text[:first]
    second = _stop(text, first + 3)
    return text if second < 0 else text[:second]


# "X means ...": a definition deals with a word, not with a matter
_DEFINITION = re.compile(r"^(\S+ ){0,6}(means|shall mean|refers to|is defined as)\b")


def tags(text: str, *, first: bool = False) -> frozenset[str]:
    """The topics of one clause's folded text (:func:`licenses.text.matching.fold`); of its
    :func:`lead` only when ``first``. A definition has none."""
    plain = _plain(lead(text) if first else text)
    if _DEFINITION.match(plain):
        return frozenset()
    maybe = set().union(*map(_maybe, set(plain.split())))
    maybe.update(t for w, t in _PHRASES if w in plain)
    return frozenset(t for t in maybe if TOPICS[t].search(plain))


def plain_of(text: str, *, first: bool = False) -> str:
    """What :func:`tags` reads of one clause's folded text (of its :func:`lead` only when
    ``first``): its words, kinds of notice set aside; "" for a definition, which deals with none."""
    plain = _plain(lead(text) if first else text)
    return "" if _DEFINITION.match(plain) else plain


def may_deal_with(text: str) -> frozenset[str]:
    """A cheap superset of the topics a folded text deals with: those a word of it may signal
    (:func:`_maybe`, cached per word), and those whose needed phrase has all its words in it
    (the marks :func:`plain_of` drops may sit between them)."""
    found = set(text.split())
    get = _WORD_TOPICS.get
    maybe: set[str] = set()
    for w in found:
        ts = get(w)
        if ts is None:
            ts = _maybe(w)
        if ts:
            maybe |= ts
    maybe.update(t for n, t in _PHRASE_WORDS if n <= found)
    return frozenset(maybe)


def deals_with(plain: str, topic: str) -> bool:
    """Whether a text read by :func:`plain_of` deals with ``topic``: :func:`tags` for one topic."""
    return any(n in plain for n in _NEEDS[topic]) and TOPICS[topic].search(plain) is not None


def _side_tags(side: Side) -> list[frozenset[str]]:
    """The topics of each clause's :func:`lead` (none for a clause of few words)."""
    return [
        tags(side.key[k], first=True) if len(set(side.words[k])) >= TOPIC_WORDS else frozenset()
        for k in range(len(side))
    ]


def topic_links(sa: Side, sb: Side, linked: set[tuple[int, int]]) -> set[tuple[int, int]]:
    """Links (a i, b j) between clauses in no link that deal with the same topic of
    :data:`TOPICS` when no other clause in no link does; see the module docstring.

    For each topic found in at most :data:`TOPIC_RARE` clauses of each side, the clauses in no
    link that deal with it: one on a side and one or two on the other (:data:`TOPIC_FAN`) are
    linked, each to each (a clause rewritten as two, or two merged into one); more, and the
    topic tells nothing. ``linked``: every link shown so far (pairs and secondary links).
    """
    busy_a = {i for i, _ in linked}
    busy_b = {j for _, j in linked}
    ta, tb = _side_tags(sa), _side_tags(sb)
    out: set[tuple[int, int]] = set()
    for topic in TOPICS:
        all_a = [i for i, t in enumerate(ta) if topic in t]
        all_b = [j for j, t in enumerate(tb) if topic in t]
        if not all_a or not all_b or len(all_a) > TOPIC_RARE or len(all_b) > TOPIC_RARE:
            continue
        free_a = [i for i in all_a if i not in busy_a]
        free_b = [j for j in all_b if j not in busy_b]
        if not free_a or not free_b or min(len(free_a), len(free_b)) > 1:
            continue
        if max(len(free_a), len(free_b)) > TOPIC_FAN:
            continue
        out |= {(i, j) for i in free_a for j in free_b}
    return out
