"""The deploy fingerprint: names this release of the code, templates and static files.

Every shared render and every ETag key carries it (config.http_cache.key, the page_cache
modules, the compare cache), so that a deploy with changed templates or code never serves a
render or a 304 made by the release before it: the new release asks for keys the old one never
wrote. It is the ``RELEASE`` environment variable when set (a commit id, an image tag), else a
hash of the app's own files, computed once when the process starts.
"""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
# What a release is made of: the code that renders, its templates and the static files their
# pages link to (hashed names, with the manifest storage). Not the tests, benches or docs.
SOURCES = ("accounts", "api", "config", "demo", "licenses", "review", "search", "templates", "static")
SUFFIXES = {".py", ".html", ".txt", ".md", ".css", ".js", ".svg", ".json"}


def from_files(root: Path = ROOT, sources: tuple[str, ...] = SOURCES) -> str:
    """A hash of every source file's path and contents, in a stable order."""
    digest = hashlib.blake2b(digest_size=8)
    for name in sources:
        base = root / name
        if not base.is_dir():
            continue
        for path in sorted(base.rglob("*")):
            if path.suffix in SUFFIXES and path.is_file() and "__pycache__" not in path.parts:
                digest.update(str(path.relative_to(root)).encode() + b"\0")
                digest.update(path.read_bytes() + b"\0")
    return digest.hexdigest()


def fingerprint() -> str:
    release = os.environ.get("RELEASE", "").strip()
    return f"r-{release}" if release else f"f-{from_files()}"


FINGERPRINT = fingerprint()
