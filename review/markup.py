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


_LAST_CLOSE = -1  # a key no position uses, in markdown-it's per-paragraph position cache


def _needs_close_bracket(rule):
    """Wrap the link/image rule to give up at once when no "]" follows.

    A run of thousands of "[" costs markdown-it-py a failed label scan per bracket, each
    retried through nested validation; that is linear but slow in Python (~0.5 s for 20,000
    characters). No label can end without a "]", so answering "no" early changes no output.
    """

    def guarded(state, silent: bool) -> bool:
        last = state.cache.get(_LAST_CLOSE)
        if last is None:
            last = state.cache[_LAST_CLOSE] = state.src.rfind("]")
        if last <= state.pos:
            return False
        return rule(state, silent)

    return guarded


def _make_parser() -> MarkdownIt:
    # maxNesting 10 (CommonMark preset: 20) halves the cost of bracket storms such as
    # "[" * 19_999 + "]"; ten levels of nested quotes or lists is plenty for a comment, and
    # deeper input still renders, flattened.
    md = MarkdownIt("commonmark", {"html": False, "linkify": False, "typographer": False, "maxNesting": 10})
    md.enable(["strikethrough", "table"])
    for name in ("link", "image"):
        md.inline.ruler.at(
            name, _needs_close_bracket(md.inline.ruler.__rules__[md.inline.ruler.__find__(name)].fn)
        )
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
