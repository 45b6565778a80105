"""Server time of the API's read endpoints, through Django's test client (no network).

Run from the repo root:  .venv/bin/python bench/api.py [--runs N]

Uses a throw-away SQLite database (migrate + the demo's GPL, MPL families), so it never touches
your data. For each endpoint: the first request, then the median and worst of N more (the
version endpoint has no cache of its own: every request reads the clauses and builds the JSON;
compare caches its pairs), the queries each runs, and the answer's size. The last line is JSON.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from scratch import setup_scratch_django  # noqa: E402

TARGET_MS = 50


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=50)
    args = parser.parse_args()

    os.environ["AXES_ENABLED"] = "0"
    os.environ["ALLOWED_HOSTS"] = "testserver"
    os.environ.setdefault("LOG_LEVEL", "WARNING")
    setup_scratch_django("cw-bench-api")
    from django.conf import settings
    from django.core.cache import cache
    from django.core.management import call_command
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    from demo.licenses import FAMILIES, load_family

    call_command("migrate", verbosity=0)
    for family in FAMILIES:
        if family["slug"] in ("gpl", "mpl"):
            load_family(family)
    settings.API_ANONYMOUS_REQUESTS_PER_MINUTE = 10**9  # measure the endpoint, not the limiter
    client = Client()

    def get(url: str) -> tuple[float, int, int, float]:
        with CaptureQueriesContext(connection) as queries:
            start, cpu = time.perf_counter(), time.process_time()
            response = client.get(url)
            elapsed = (time.perf_counter() - start) * 1000
            cpu = (time.process_time() - cpu) * 1000
        assert response.status_code == 200, (url, response.status_code)
        return elapsed, len(queries.captured_queries), len(response.content), cpu

    endpoints = {
        "version gpl@3.0": "/api/v1/licenses/gpl/versions/3.0/",
        "licenses": "/api/v1/licenses/",
        "compare gpl 2.0 -> 3.0": "/api/v1/compare/?a=gpl@2.0&b=gpl@3.0",
        "criteria": "/api/v1/criteria/",
    }
    cache.clear()
    get("/api/v1/licenses/mpl/versions/2.0/")  # imports, URL resolver and schema classes warm-up
    results = {}
    print(
        f"{'endpoint':<26} {'first':>8} {'p50':>8} {'max':>8} {'cpu p50':>8} {'queries':>8} {'bytes':>9}"
        "   (ms, server time: wall clock, and CPU time of the process)"
    )
    for name, url in endpoints.items():
        first, queries, size, _ = get(url)
        runs = [get(url) for _ in range(args.runs)]
        wall = [r[0] for r in runs]
        results[name] = {
            "first_ms": round(first, 1),
            "p50_ms": round(statistics.median(wall), 1),
            "max_ms": round(max(wall), 1),
            "cpu_p50_ms": round(statistics.median(r[3] for r in runs), 1),
            "queries": queries,
            "bytes": size,
        }
        r = results[name]
        print(
            f"{name:<26} {first:8.1f} {r['p50_ms']:8.1f} {r['max_ms']:8.1f} {r['cpu_p50_ms']:8.1f}"
            f" {queries:8d} {size:9,d}"
        )
    clauses = len(client.get(endpoints["version gpl@3.0"]).json()["clauses"])
    version = results["version gpl@3.0"]
    print(
        f"GPL-3.0: {clauses} clauses; target: version endpoint under {TARGET_MS} ms"
        f" (load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores while measuring)"
    )
    print(
        json.dumps(
            {
                "bench": "api",
                "gpl3_version_clauses": clauses,
                "gpl3_version_p50_ms": version["p50_ms"],
                "gpl3_version_max_ms": version["max_ms"],
                "gpl3_version_cpu_p50_ms": version["cpu_p50_ms"],
                "load_average": round(os.getloadavg()[0], 1),
                "gpl3_version_queries": version["queries"],
                "target_ms": TARGET_MS,
                "ok": version["p50_ms"] < TARGET_MS,
                "endpoints": results,
            }
        )
    )


if __name__ == "__main__":
    main()
