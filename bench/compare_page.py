"""Server time of the compare page, through Django's test client (no network, no browser).

Run from the repo root:  .venv/bin/python bench/compare_page.py [--runs N]

Uses a throw-away SQLite database in a temp directory (migrate + the demo families), so it
never touches your data. Prints, for each pair: the cold request (alignment + render, empty
cache), the first request of each other view (alignment cached, rows rendered), and the
median and worst of N warm requests (rows HTML cached).
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

PAIRS = [("gpl@2.0", "gpl@3.0"), ("mpl@1.1", "mpl@2.0"), ("apache@2.0", "ecl@2.0")]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=30)
    args = parser.parse_args()

    tmp = tempfile.mkdtemp(prefix="cw-bench-")
    os.environ["DATABASE_URL"] = f"sqlite:///{tmp}/bench.sqlite3"
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
    os.environ["AXES_ENABLED"] = "0"
    os.environ["DEBUG"] = "1"  # production static storage needs collectstatic; the page code is the same
    os.environ["ALLOWED_HOSTS"] = "testserver"
    os.environ.setdefault("LOG_LEVEL", "WARNING")
    import django

    django.setup()
    from django.core.cache import cache
    from django.core.management import call_command
    from django.test import Client

    from demo.licenses import FAMILIES, load_family
    from licenses.spdx_import import ImportCounts, import_one

    call_command("migrate", verbosity=0)
    for family in FAMILIES:
        load_family(family)
    for spdx_id in ("Apache-2.0", "ECL-2.0"):
        import_one(spdx_id, ImportCounts())

    client = Client()

    def get(url: str) -> float:
        start = time.perf_counter()
        response = client.get(url)
        elapsed = (time.perf_counter() - start) * 1000
        assert response.status_code == 200, (url, response.status_code)
        return elapsed

    cache.clear()
    get("/compare/?a=mpl@1.1&b=mpl@2.0")  # import and template-loading warm-up
    print(f"{'pair':<32} {'cold':>8} {'view':>8} {'warm p50':>9} {'warm max':>9}   (ms, server time)")
    for a, b in PAIRS:
        cache.clear()
        base = f"/compare/?a={a}&b={b}"
        cold = get(base)
        other = get(base + "&view=inline&changes=1")
        warm = [get(base) for _ in range(args.runs)]
        print(
            f"{a + ' -> ' + b:<32} {cold:8.1f} {other:8.1f} {statistics.median(warm):9.1f} {max(warm):9.1f}"
        )
    print("target: GPL-2.0 -> GPL-3.0 under 150 ms")


if __name__ == "__main__":
    main()
