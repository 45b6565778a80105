"""Comment Markdown -> safe HTML.

Pure: no Django. Two layers, so that a mistake in one is caught by the other:

1. markdown-it-py with the CommonMark preset and ``html=False``: raw HTML in a comment is
   shown as text, and markdown-it's own ``validateLink`` refuses ``javascript:``,
   ``vbscript:``, ``file:`` and ``data:`` targets.
2. nh3 (ammonia) with an explicit allow-list of tags and attributes, a scheme allow-list
   (http, https, mailto), a relative-URL hook that refuses protocol-relative targets, and
   an attribute filter that re-checks every ``href`` after removing the characters browsers
   ignore or that hide a scheme (tabs, newlines, zero-width and other format characters).

Images are never rendered as ``<img>``: ``![alt](src)`` becomes a plain link to ``src``
labelled "image: alt". An ``<img>`` would load as soon as the comment is shown, which lets any
commenter plant a tracking pixel on every reader (and on moderators reviewing a report). A link
keeps the reference but only fetches when a reader chooses to follow it.
"""

from __future__ import annotations

import html
import re
import unicodedata
from urllib.parse import unquote

import nh3
from markdown_it import MarkdownIt

MAX_COMMENT_LENGTH = 20_000

ALLOWED_TAGS = frozenset(
    {
        "p", "br", "hr", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "pre", "code",
        "em", "strong", "del", "s", "a", "ul", "ol", "li",
        "table", "thead", "tbody", "tr", "th", "td",
    }
)  # fmt: skip
# ``rel`` is not listed: nh3 sets it on every link (link_rel below) and refuses to do so if
# rel is also an allowed attribute.
ALLOWED_ATTRIBUTES: dict[str, set[str]] = {"a": {"href", "title"}, "ol": {"start"}}
ALLOWED_SCHEMES = frozenset({"http", "https", "mailto"})
LINK_REL = "nofollow noopener noreferrer"


class MarkdownTooLong(ValueError):
    """A comment body is longer than the limit."""

    def __init__(self, length: int, limit: int = MAX_COMMENT_LENGTH) -> None:
        self.length = length
        self.limit = limit
        super().__init__(
            f"This text is {length:,} characters long; the limit is {limit:,}. "
            f"Please shorten it by {length - limit:,} characters, or split it into several comments."
        )


def check_length(text: str, limit: int = MAX_COMMENT_LENGTH) -> None:
    """Raise MarkdownTooLong when ``text`` is over ``limit`` characters."""
    if len(text) > limit:
        raise MarkdownTooLong(len(text), limit)


def _href_is_safe(url: str) -> bool:
    """True for http(s), mailto, path-relative, query and fragment targets.

    Browsers drop tabs and newlines anywhere in a URL and leading control characters and
    spaces, so ``java\\tscript:`` is ``javascript:``. We go further and also drop format
    characters (zero-width space, joiners, BOM) and percent-decode, then judge the scheme.
    Anything that still looks like a scheme and is not on the list is refused.
    """
    cleaned = "".join(
        ch for ch in unquote(html.unescape(url)) if unicodedata.category(ch) not in {"Cc", "Cf", "Zs"}
    ).lower()
    cleaned = cleaned.replace("\\", "/")  # browsers treat "\" as "/" in http(s) URLs
    if cleaned.startswith("//"):
        return False  # protocol-relative: an absolute link to any host, with no scheme check
    head = cleaned.split("/", 1)[0].split("?", 1)[0].split("#", 1)[0]
    if ":" in head:
        return head.split(":", 1)[0] in ALLOWED_SCHEMES
    return True


def _attribute_filter(tag: str, attr: str, value: str) -> str | None:
    if attr == "href":
        return value if _href_is_safe(value) else None
    if attr == "start":
        return value if value.isdigit() and len(value) < 10 else None
    return value


def _relative_url(url: str) -> str | None:
    return url if _href_is_safe(url) else None


_cleaner = nh3.Cleaner(
    tags=set(ALLOWED_TAGS),
    clean_content_tags={"script", "style"},
    attributes=ALLOWED_ATTRIBUTES,
    attribute_filter=_attribute_filter,
    link_rel=LINK_REL,
    url_schemes=set(ALLOWED_SCHEMES),
    url_relative=_relative_url,
    strip_comments=True,
)


def sanitize_html(fragment: str) -> str:
    """The second layer on its own: clean an HTML fragment with the comment allow-list."""
    return _cleaner.clean(fragment)


def _render_image(self, tokens, idx, options, env) -> str:
    """Render ``![alt](src)`` as a link (or, inside a link, as its alt text only)."""
    token = tokens[idx]
    alt = self.renderInlineAsText(token.children or [], options, env)
    if token.meta.get("in_link"):  # no nested anchors: the enclosing link already says where to go
        return html.escape(alt)
    src = str(token.attrGet("src") or "")
    label = f"image: {alt}" if alt else "image"
    return f'<a href="{html.escape(src)}">{html.escape(label)}</a>'


def _mark_images_in_links(state) -> None:
    """Core rule: flag image tokens that sit inside a link (one pass per inline token)."""
    for block in state.tokens:
        depth = 0
        for child in block.children or []:
            if child.type == "link_open":
                depth += 1
            elif child.type == "link_close":
                depth -= 1
            elif child.type == "image" and depth > 0:
                child.meta["in_link"] = True


_GUARD_KEY = -1  # a key no position uses, in markdown-it's per-paragraph position cache
# Characters that start a token able to hide a "[" or "]" from markdown-it's label scan
# (code spans, escapes, autolinks, link destinations). Without them, plain bracket counting
# gives exactly the scan's answer.
_HIDES_BRACKETS = frozenset("`\\<(")


class _BracketFacts:
    """Facts about one paragraph's source that let the link and image rules say "no" early."""

    def __init__(self, src: str) -> None:
        self.last_close = src.rfind("]")
        self.last_paren = src.rfind("(")
        self.depth_min_after: list[int] | None = None
        self.depth: list[int] = []
        # A code span, escape, autolink or link destination can hide brackets, but only ones
        # after it. While every "]" comes before the first such character, a label can only
        # close on brackets that are all real, so counting them is exact.
        first_hide = min((i for i in map(src.find, _HIDES_BRACKETS) if i >= 0), default=len(src))
        if self.last_close < first_hide:
            depth = [0]
            for ch in src:
                depth.append(depth[-1] + (ch == "[") - (ch == "]"))
            suffix_min = [0] * (len(depth) + 1)
            suffix_min[-1] = len(src) + 1
            for i in range(len(depth) - 1, -1, -1):
                suffix_min[i] = min(depth[i], suffix_min[i + 1])
            self.depth, self.depth_min_after = depth, suffix_min

    def label_may_close(self, start: int) -> bool:
        """Can the label opened by the "[" at ``start`` find its "]"? False only when certain."""
        if self.last_close <= start:
            return False
        if self.depth_min_after is None:
            return True
        # The bracket level after "[" at start is 1; it closes when the running depth comes
        # back down to its value before that "[".
        return self.depth_min_after[start + 2] <= self.depth[start]


def _guard_link_rule(rule, label_offset: int):
    """Wrap the link or image rule to give up at once when it cannot succeed.

    Each "[" costs markdown-it-py a label scan retried through nested validation: linear, but
    slow in Python (about 0.5 s for 20,000 brackets). Every check here is one the real rule
    would fail too, so the output is unchanged: a label needs its "]", and a link needs
    either a "(" after it or a reference definition somewhere in the document.
    """

    def guarded(state, silent: bool) -> bool:
        start = state.pos + label_offset
        if start >= len(state.src) or state.src[start] != "[":
            return False  # both rules need a "[" here; skip the bracket analysis entirely
        facts = state.cache.get(_GUARD_KEY)
        if facts is None:
            facts = state.cache[_GUARD_KEY] = _BracketFacts(state.src)
        if facts.last_paren < start and not state.env.get("references"):
            return False
        if not facts.label_may_close(start):
            return False
        return rule(state, silent)

    return guarded


def _make_parser() -> MarkdownIt:
    # maxNesting 10 (CommonMark preset: 20) halves the cost of bracket storms such as
    # "[" * 19_999 + "]"; ten levels of nested quotes or lists is plenty for a comment, and
    # deeper input still renders, flattened.
    md = MarkdownIt("commonmark", {"html": False, "linkify": False, "typographer": False, "maxNesting": 10})
    md.enable(["strikethrough", "table"])
    rules = {rule.name: rule.fn for rule in md.inline.ruler.__rules__}
    md.inline.ruler.at("link", _guard_link_rule(rules["link"], 0))
    md.inline.ruler.at("image", _guard_link_rule(rules["image"], 1))
    md.core.ruler.push("image_in_link", _mark_images_in_links)
    md.add_render_rule("image", _render_image)
    return md


_md = _make_parser()


def render_markdown(text: str) -> str:
    """Render a comment's Markdown to sanitised HTML.

    Raises MarkdownTooLong over MAX_COMMENT_LENGTH characters: the limit is also what keeps the
    renderer's worst case bounded.
    """
    check_length(text)
    return sanitize_html(_md.render(text))


_LINK = re.compile(r"!?\[([^\]]*)\]\([^)]*\)")
_MARKS = re.compile(r"(?m)^\s{0,3}(?:>\s?|#{1,6}\s+|[-*+]\s+|\d+[.)]\s+)|[*_`~]+")


def opening_words(markdown: str, limit: int = 60) -> str:
    """The first words of a Markdown text as plain words, cut at a word and ended with "…" when
    longer than ``limit``: a title for a thread ("Thread #11" told readers nothing)."""
    text = " ".join(_MARKS.sub("", _LINK.sub(r"\1", markdown)).split())
    if len(text) <= limit:
        return text
    cut = text[:limit].rsplit(" ", 1)[0] or text[:limit]
    return cut.rstrip(" ,;:.") + "…"

