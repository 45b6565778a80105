"""CPU time per request of the pages bench/load.py drives, measured in-process.

The machine is shared, so req/s under load is noisy; the CPU a request costs is not (much).
This loads the demo into a scratch SQLite database with the production settings that matter
here (``DEBUG=0``, the database cache, the manifest static storage), picks the same pages as
bench/load.py (a version of 60+ clauses, a compare pair, the review with the most threads) and
prints, per page, the median CPU time of a request through the whole middleware stack
(``django.test.Client``) and its query count: for a visitor whose shared renders are warm, for
a visitor's reload with the page's ETag (304), and for a signed-in reviewer.

Run: .venv/bin/python bench/page_cpu.py [--runs 40] [--profile PAGE]   (PAGE: a name below;
prints the top of cProfile for one visitor's request of it). The last line is one JSON object.
"""

from __future__ import annotations

import argparse
import cProfile
import io
import json
import os
import pstats
import statistics
import sys
import tempfile
import time
from pathlib import Path

os.environ.update(
    {
        "DEBUG": "0",
        "SECRET_KEY": "bench-" + "s" * 60,
        "ALLOWED_HOSTS": "testserver",
        "ALLOW_SQLITE": "1",
        "SECURE_SSL_REDIRECT": "0",
        "SECURE_COOKIES": "0",
        "AXES_ENABLED": "0",
        "LOG_LEVEL": "ERROR",
        "STATIC_ROOT": tempfile.mkdtemp(prefix="cw_page_cpu_static_"),
    }
)
sys.path.insert(0, str(Path(__file__).resolve().parent))
from scratch import setup_scratch_django  # noqa: E402

setup_scratch_django("cw_bench_page_cpu")

from django.contrib.auth.models import Group, User  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.db import connection  # noqa: E402
from django.db.models import Count  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402

from licenses.models import LicenseVersion  # noqa: E402
from review.models import Review  # noqa: E402


def pages() -> dict[str, str]:
    """The pages of bench/load.py, chosen the same way."""
    version = LicenseVersion.objects.annotate(n=Count("clauses")).filter(n__gte=60).order_by("n").first()
    pair = LicenseVersion.objects.filter(previous__isnull=False).select_related("previous").first()
    review = Review.objects.annotate(n=Count("threads")).order_by("-n").first()
    return {
        "home": "/",
        "catalogue": "/licenses/",
        f"version ({version.clauses.count()} clauses)": version.get_absolute_url(),
        "compare": f"/compare/?a={pair.previous.ref}&b={pair.ref}",
        "review": review.get_absolute_url(),
        "matrix": review.get_absolute_url() + "matrix/",
    }


def cpu_ms(client: Client, url: str, runs: int, headers: dict | None = None) -> tuple[float, int]:
    """Median CPU ms of ``runs`` requests (after two to warm up), and one request's query count."""
    expected = 304 if headers else 200
    for _ in range(2):
        assert client.get(url, headers=headers).status_code == expected, url
    times = []
    for _ in range(runs):
        start = time.process_time()
        response = client.get(url, headers=headers)
        times.append((time.process_time() - start) * 1000)
        assert response.status_code == expected, (url, response.status_code)
    with CaptureQueriesContext(connection) as queries:
        client.get(url, headers=headers)
    return round(statistics.median(times), 2), len(queries)


def profile(client: Client, url: str) -> None:
    client.get(url)
    profiler = cProfile.Profile()
    profiler.enable()
    for _ in range(20):
        client.get(url)
    profiler.disable()
    out = io.StringIO()
    pstats.Stats(profiler, stream=out).sort_stats("cumulative").print_stats(45)
    print(out.getvalue())


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=40)
    parser.add_argument("--profile", help="profile a visitor's request of this page (a name as printed)")
    parser.add_argument("--as-reviewer", action="store_true", help="with --profile: signed in as a reviewer")
    args = parser.parse_args()
    call_command("migrate", verbosity=0)
    call_command("createcachetable", verbosity=0)
    call_command("collectstatic", interactive=False, verbosity=0)
    call_command("load_demo", verbosity=0)
    reviewer = User.objects.create_user("bench-reviewer", password=None)
    reviewer.groups.add(Group.objects.get_or_create(name="reviewer")[0])
    urls = pages()
    visitor, signed_in = Client(), Client()
    signed_in.force_login(reviewer)
    if args.profile:
        name = next(n for n in urls if n.startswith(args.profile))
        profile(signed_in if args.as_reviewer else visitor, urls[name])
        return
    result = {}
    for name, url in urls.items():
        row = {}
        row["visitor_ms"], row["visitor_queries"] = cpu_ms(visitor, url, args.runs)
        etag = visitor.get(url).headers.get("ETag")
        if etag:
            row["reload_ms"], row["reload_queries"] = cpu_ms(visitor, url, args.runs, {"If-None-Match": etag})
        row["reviewer_ms"], row["reviewer_queries"] = cpu_ms(signed_in, url, args.runs)
        result[name] = row
        print(f"{name:24} {json.dumps(row)}", flush=True)
    print(
        f"load average {os.getloadavg()[0]:.1f}; CPU-time medians of {args.runs} requests, warm shared renders"
    )
    print(json.dumps(result))


if __name__ == "__main__":
    main()
