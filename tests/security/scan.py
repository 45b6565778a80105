"""An HTML scanner on the standard library's ``html.parser``: what a page must never contain."""

from __future__ import annotations

from html.parser import HTMLParser

# --- scanning HTML --------------------------------------------------------------------------------

URL_ATTRS = {"href", "src", "action", "formaction", "xlink:href", "data", "poster", "background"}
HTMX_URL_ATTRS = {"hx-get", "hx-post", "hx-put", "hx-patch", "hx-delete"}
SAFE_SCHEMES = ("http:", "https:", "mailto:")


class _Scanner(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.problems: list[str] = []
        self._script: list[str] | None = None
        self.text: list[str] = []

    def handle_starttag(self, tag, attrs):
        self._check(tag, attrs)
        if tag in ("script", "style"):
            self._script = []

    def handle_startendtag(self, tag, attrs):
        self._check(tag, attrs)

    def handle_endtag(self, tag):
        if tag in ("script", "style") and self._script is not None:
            body = "".join(self._script)
            # A standalone export may carry its own stylesheet; never a script, never user text.
            if (tag == "script" and body.strip()) or "pwn" in body or "display:none" in body:
                self.problems.append(f"inline {tag}: {body[:80]!r}")
            self._script = None

    def handle_data(self, data):
        if self._script is not None:
            self._script.append(data)
        else:
            self.text.append(data)

    def _check(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        named = dict(attrs)
        if tag == "script" and not (named.get("src") and named.get("nonce")):
            self.problems.append(f"<script> without src and nonce: {attrs}")
        if tag in {"iframe", "object", "embed", "svg", "math", "base"}:
            self.problems.append(f"<{tag}> in the page")
        if tag == "style" and attrs:
            self.problems.append(f"<style {attrs}>")
        if tag == "form" and (named.get("action") or "").strip() == "/pwn":
            self.problems.append(f"user-written <form>: {attrs}")
        for name, value in attrs:
            value = value or ""
            if name.startswith("on"):
                self.problems.append(f"<{tag} {name}={value!r}>")
            # The site's own htmx URLs may carry user text percent-encoded (a version label);
            # the payloads' own attributes say exactly "pwn" or "/pwn".
            injected = value.strip() in ("pwn", "/pwn") or value.strip().startswith("alert(")
            if (name.startswith(("hx-", "data-hx-")) and injected) or name.startswith(
                ("hx-on", "data-hx-on")
            ):
                self.problems.append(f"<{tag} {name}={value!r}> (htmx attribute from user data)")
            if name in URL_ATTRS or name in HTMX_URL_ATTRS:
                squashed = "".join(ch for ch in value if ch.isprintable() and not ch.isspace())
                squashed = squashed.replace("\u200b", "").lower()
                scheme = squashed.split("/", 1)[0]
                if ":" in scheme and not squashed.startswith(SAFE_SCHEMES):
                    self.problems.append(f"<{tag} {name}={value!r}> (dangerous URL)")
                if squashed.startswith("//"):
                    self.problems.append(f"<{tag} {name}={value!r}> (protocol-relative URL)")


def scan_html(content: bytes | str) -> tuple[list[str], str]:
    """(problems, visible text) of an HTML document or fragment."""
    scanner = _Scanner()
    scanner.feed(content.decode("utf-8") if isinstance(content, bytes) else content)
    scanner.close()
    return scanner.problems, "".join(scanner.text)
