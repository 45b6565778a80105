"""Benchmark the review page of a big review, as visitor, reviewer and moderator.

Builds, in a scratch SQLite database, a review of 116 clauses with 1,200 comments in 240 threads
(the size at which the load run found the page at 1.0 / 1.6 / 2.6 MB), then prints for each role
the first response's size (and gzipped, as GZipMiddleware sends it), its median render time in
CPU time when it is drawn (the shared render of the clause list cleared before each request)
and when the clause list comes from review.page_cache, and the query counts of both, with that of
a 20-clause review for comparison (they must be equal).

Run: .venv/bin/python bench/review_page.py   (targets: first response < 200 KB and < 150 ms for
every role, equal query counts). The last line is one JSON object.
"""

from __future__ import annotations

import gzip
import json
import os
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from scratch import setup_scratch_django  # noqa: E402

setup_scratch_django("cw_bench_review_page")

from django.contrib.auth.models import Group, User  # noqa: E402
from django.core.cache import cache  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import setup_test_environment  # noqa: E402
from django.urls import reverse  # noqa: E402
from matrix import RUNS, build, median_ms, queries  # noqa: E402

from config import recent  # noqa: E402


def cold_ms(client: Client, url: str) -> float:
    """Median CPU time of a render drawn in full (the shared clause list cleared first)."""
    times = []
    for _ in range(RUNS):
        cache.clear()
        recent.pages.clear()
        start = time.process_time()
        assert client.get(url).status_code == 200
        times.append((time.process_time() - start) * 1000)
    return round(statistics.median(times), 1)


def cold_queries(client: Client, url: str) -> int:
    cache.clear()
    recent.pages.clear()
    return queries(client, url)


def main() -> None:
    call_command("migrate", verbosity=0)
    setup_test_environment()
    reviewers = []
    for i in range(10):
        user = User.objects.create_user(f"reviewer{i}", password=None)
        user.groups.add(Group.objects.get_or_create(name="reviewer")[0])
        reviewers.append(user)
    moderator = User.objects.create_user("moderator", password=None)
    moderator.groups.add(Group.objects.get_or_create(name="moderator")[0])
    big = build(116, reviewers, positions=600, comments=1200)
    small = build(20, reviewers, positions=100, comments=50)
    url = reverse("review:review-detail", args=[big.pk])
    result = {"clauses": 116, "comments": 1200}
    for role, user in (("visitor", None), ("reviewer", reviewers[0]), ("moderator", moderator)):
        client = Client()
        if user is not None:
            client.force_login(user)
        cache.clear()
        recent.pages.clear()
        content = client.get(url).content
        size = len(content)
        if os.environ.get("DUMP"):
            Path(f"/tmp/review_page_{role}.html").write_bytes(content)
        result[role] = {
            "kb": round(size / 1024, 1),
            "kb_gzip": round(len(gzip.compress(content)) / 1024, 1),
            "render_ms": cold_ms(client, url),
            "shared_ms": median_ms(client, url),
            # Counted while the shared render is warm (the cold counts below clear it).
            "queries_shared": queries(client, url),
            "queries": cold_queries(client, url),
            "queries_small": cold_queries(client, reverse("review:review-detail", args=[small.pk])),
        }
    print(
        f"load average: {os.getloadavg()[0]:.1f}; render times are CPU-time medians "
        "(render_ms: drawn in full; shared_ms: the clause list from the shared render)"
    )
    print(json.dumps(result))


if __name__ == "__main__":
    main()
