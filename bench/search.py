"""Benchmark search, similar clauses and closest licenses on the whole SPDX catalogue.

Builds a scratch database (SQLite by default, ``--db postgres`` for PostgreSQL at
``postgres://postgres@127.0.0.1:5432/cw_bench_search``): every SPDX license (``import_spdx --all``,
indexed as it imports), then 20 reviews with 1,000 threads and ``--comments`` synthetic comments
(100,000 by default) written from the catalogue's own words, indexed in bulk. Then it measures:

- search: the selector a page calls (match, rank, counts, snippets, objects), as an anonymous
  visitor, over the labelled queries and common words; p50 and p95 in ms;
- quality: MRR and hit@3 of the labelled queries (``bench/search_labels.json``);
- closest licenses for a 30 KB text (a lightly edited GPL-3.0), with and without the clause-aligned
  comparison; and whether each known derivative ranks its base first;
- similar clauses for a sample of clauses.

The machine is shared, so beside wall time each search is measured in CPU time: the Python
process's (which on SQLite includes the database engine) plus, on PostgreSQL, the server backend's
(read from /proc/<pid>/schedstat: the server runs on this machine). The 10 slowest queries are
printed with the time of each SQL statement; ``--explain`` adds the plan of the slowest statement
of each (EXPLAIN QUERY PLAN / EXPLAIN ANALYZE).

``--reuse`` keeps the database of an earlier complete run (a marker row is written when the build
finishes), so that re-measuring takes seconds instead of the minutes of the import.

Run: .venv/bin/python bench/search.py [--db postgres] [--comments 100000] [--reuse] [--explain]
Targets: search p50 < 50 ms, p95 < 150 ms; closest < 300 ms; MRR >= 0.9. Last line: JSON.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import re
import statistics
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

parser = argparse.ArgumentParser()
parser.add_argument("--db", choices=["sqlite", "postgres"], default="sqlite")
parser.add_argument("--comments", type=int, default=100_000)
parser.add_argument(
    "--reuse", action="store_true", help="keep the database from the last run if it is complete"
)
parser.add_argument("--explain", action="store_true", help="print plans of the slowest statements")
args = parser.parse_args()
MARKER = "bench-complete"  # a search_generation row written when the build has finished

if args.db == "postgres":
    os.environ["DATABASE_URL"] = "postgres://postgres@127.0.0.1:5432/cw_bench_search"
else:
    os.environ["DATABASE_URL"] = "sqlite:////tmp/cw_bench_search.sqlite3"
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
os.environ["LOG_LEVEL"] = "WARNING"

import django  # noqa: E402


def fresh_database() -> None:
    if args.db == "sqlite":
        for suffix in ("", "-wal", "-shm"):
            Path(f"/tmp/cw_bench_search.sqlite3{suffix}").unlink(missing_ok=True)
    else:
        import psycopg

        with psycopg.connect("postgresql://postgres@127.0.0.1:5432/postgres", autocommit=True) as conn:
            conn.execute("DROP DATABASE IF EXISTS cw_bench_search")
            conn.execute("CREATE DATABASE cw_bench_search")


def complete() -> bool:
    try:
        from search.models import Generation

        return Generation.current(MARKER) == str(args.comments)
    except Exception:  # no database or no tables yet
        return False


django.setup()
from django.contrib.auth.models import AnonymousUser  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.db import connection, transaction  # noqa: E402
from django.utils import timezone  # noqa: E402
from django.utils.html import escape  # noqa: E402

from licenses.models import Clause, CriterionSet, License, LicenseVersion  # noqa: E402
from review.models import Comment, Review, Stance, Thread  # noqa: E402
from search import indexing, neighbours, selectors  # noqa: E402
from search.models import Document, Generation  # noqa: E402

figures: dict[str, object] = {"db": connection.vendor}


def build() -> None:
    connection.close()
    fresh_database()
    call_command("migrate", verbosity=0)
    started = time.perf_counter()
    call_command("import_spdx", "--all", verbosity=0)
    figures["import_spdx_all_s"] = round(time.perf_counter() - started, 1)
    rng = random.Random(15)
    words = re.findall(r"[a-z]{4,}", " ".join(Clause.objects.values_list("text", flat=True)[:4000]).lower())
    versions = list(
        LicenseVersion.objects.order_by("pk")[:: max(1, LicenseVersion.objects.count() // 20)][:20]
    )
    osd = CriterionSet.objects.get(slug="osd-1.9")
    stances = [s for s, _ in Stance.choices]
    started = time.perf_counter()
    with transaction.atomic():
        reviews = [
            Review.objects.create(version=v, criterion_set=osd, is_public=i % 10 != 0)  # 2 private
            for i, v in enumerate(versions)
        ]
        threads = []
        for review in reviews:
            clauses = list(Clause.objects.filter(version=review.version).exclude(text="")[:50]) or [None]
            threads += [Thread(review=review, clause=clauses[i % len(clauses)]) for i in range(50)]
        Thread.objects.bulk_create(threads)
        now = timezone.now()
        batch = []
        for n in range(args.comments):
            body = " ".join(rng.choice(words) for _ in range(rng.randint(15, 60))).capitalize() + "."
            batch.append(
                Comment(
                    thread=threads[n % len(threads)],
                    author_name=f"Reviewer {n % 97}",
                    body=body,
                    body_html=f"<p>{escape(body)}</p>",
                    stance=stances[n % len(stances)],
                    created_at=now,
                    hidden_at=now if n % 100 == 0 else None,
                )
            )
            if len(batch) == 5000:
                Comment.objects.bulk_create(batch)
                batch = []
        Comment.objects.bulk_create(batch)
    figures["comments_created_s"] = round(time.perf_counter() - started, 1)
    started = time.perf_counter()
    for review in reviews:
        indexing.index_review_discussion(review.pk)
    figures["comments_indexed_s"] = round(time.perf_counter() - started, 1)
    Generation.objects.update_or_create(name=MARKER, defaults={"stamp": str(args.comments)})


if args.reuse and complete():
    figures["reused"] = True
    # Bring the kept database up to the code: new migrations and search structures, and the
    # license documents (cheap: one per license) in case what they hold has changed.
    call_command("migrate", verbosity=0)
    indexing.index_licenses()
else:
    build()
if connection.vendor == "sqlite":
    with connection.cursor() as cursor:
        cursor.execute("PRAGMA optimize")
else:
    with connection.cursor() as cursor:
        # As autovacuum would have by now: without statistics on review_comment the planner
        # expects every comment to be hidden and scans them all instead of the partial index.
        cursor.execute("VACUUM ANALYZE")

figures["licenses"] = License.objects.count()
figures["clauses"] = Clause.objects.count()
figures["comments"] = Comment.objects.count()
figures["documents"] = Document.objects.count()

# --- search speed ---------------------------------------------------------------------------------

labels = json.loads((ROOT / "bench" / "search_labels.json").read_text())["queries"]
COMMON = [
    "warranty",
    "patent",
    '"source code"',
    "licen*",
    "termination OR terminate",
    "distribut* modified",
    "liability damages",
    "trademark",
    "sublicense",
    '"as is"',
    "notice",
    "copyright holder",
    "attribution",
    "network",
    "jurisdiction court",
    "export",
    "commercial use",
    "-warranty patent",
    "clause concern",
    "dataset",
    "model output",
    "strongly disagree",
    "许可证",
    '"',
    "NEAR OR *",
]
anon = AnonymousUser()
queries = [label["q"] for label in labels] + COMMON


def backend_cpu_ns() -> int:
    """CPU time of the PostgreSQL backend serving this connection (0 on SQLite: in-process)."""
    if connection.vendor != "postgresql":
        return 0
    with open(f"/proc/{backend_pid}/schedstat") as f:
        return int(f.read().split()[0])


if connection.vendor == "postgresql":
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_backend_pid()")
        backend_pid = cursor.fetchone()[0]


@dataclass
class Run:
    q: str
    wall_ms: float
    cpu_ms: float  # this process (with SQLite's engine) + the PostgreSQL backend
    statements: list = field(default_factory=list)  # (cpu ms, sql, params)


def timed_search(q: str) -> Run:
    statements = []

    def record(execute, sql, params, many, context):
        started = time.process_time_ns() + backend_cpu_ns()
        try:
            return execute(sql, params, many, context)
        finally:
            ended = time.process_time_ns() + backend_cpu_ns()
            statements.append(((ended - started) / 1e6, sql, params))

    with connection.execute_wrapper(record):
        db0, cpu0, wall0 = backend_cpu_ns(), time.process_time_ns(), time.perf_counter()
        selectors.search(q, user=anon)
        wall = (time.perf_counter() - wall0) * 1000
        cpu = (time.process_time_ns() - cpu0 + backend_cpu_ns() - db0) / 1e6
    return Run(q, round(wall, 1), round(cpu, 1), statements)


def percentiles(values: list[float]) -> tuple[float, float]:
    values = sorted(values)
    return round(statistics.median(values), 1), round(values[int(len(values) * 0.95) - 1], 1)


for q in queries:  # warm caches, as a running server would be
    selectors.search(q, user=anon)
runs = [timed_search(q) for _ in range(3) for q in queries]
figures["search_runs"] = len(runs)
figures["search_p50_ms"], figures["search_p95_ms"] = percentiles([r.wall_ms for r in runs])
figures["search_cpu_p50_ms"], figures["search_cpu_p95_ms"] = percentiles([r.cpu_ms for r in runs])


def explain(sql: str, params) -> list[str]:
    prefix = "EXPLAIN QUERY PLAN " if connection.vendor == "sqlite" else "EXPLAIN (ANALYZE, BUFFERS) "
    with connection.cursor() as cursor:
        cursor.execute(prefix + sql, params)
        return [" | ".join(str(c) for c in row) for row in cursor.fetchall()]


slowest: dict[str, Run] = {}
for run in sorted(runs, key=lambda r: -r.cpu_ms):
    slowest.setdefault(run.q, run)
print("slowest queries (cpu ms = this process + database backend; wall ms; each SQL statement's cpu ms):")
for run in list(slowest.values())[:10]:
    steps = ", ".join(f"{ms:.1f}" for ms, _, _ in run.statements)
    print(f"  cpu {run.cpu_ms:7.1f}  wall {run.wall_ms:7.1f}  {run.q[:60]!r}  [{steps}]")
    if args.explain and run.statements:
        ms, sql, params = max(run.statements, key=lambda s: s[0])
        print(f"    slowest statement ({ms:.1f} ms): {sql[:300]}")
        for line in explain(sql, params):
            print(f"      {line}")

# --- quality --------------------------------------------------------------------------------------


# SPDX ids live on versions since licenses became families ("GPL-3.0-only" is a version of the
# GNU GPL, with "GPL-3.0-or-later" and "GPL-3.0" when the texts are one).
VERSION_OF: dict[str, LicenseVersion] = {}
IDS_OF_LICENSE: dict[int, set[str]] = {}
for v in LicenseVersion.objects.select_related("license").order_by("pk"):
    ids = set(v.spdx_ids.split()) | ({v.license.spdx_id} if v.license.spdx_id else set())
    for spdx_id in v.spdx_ids.split():
        VERSION_OF.setdefault(spdx_id, v)
    IDS_OF_LICENSE.setdefault(v.license_id, set()).update(ids)


def version_ids(version: LicenseVersion) -> set[str]:
    return set(version.spdx_ids.split()) or {version.license.spdx_id or ""}


def rank_of(label: dict) -> int | None:
    results = selectors.search(label["q"], user=anon)
    if "suggestion" in label:
        ok = (
            results.total == 0
            and results.suggestion
            and IDS_OF_LICENSE.get(results.suggestion.pk, set()) & set(label["suggestion"])
        )
        return 1 if ok else None
    for i, r in enumerate(results.results[:10], start=1):
        if "license" in label:
            if r.kind == "license" and IDS_OF_LICENSE.get(r.license.pk, set()) & set(label["license"]):
                return i
            continue
        if r.kind != "clause":
            continue
        clause = r.clause
        if "clause_contains" in label:
            text = " ".join(f"{clause.heading} {clause.text}".lower().split())
            if label["clause_contains"].lower() in text:
                return i
        elif (
            version_ids(clause.version) & set(label["clause_in"])
            and label.get("anchor", clause.anchor) == clause.anchor
        ):
            return i
    return None


ranks = {label["q"]: rank_of(label) for label in labels}
figures["labelled_queries"] = len(labels)
figures["mrr"] = round(sum(1 / r for r in ranks.values() if r) / len(labels), 3)
figures["hit_at_3"] = round(sum(1 for r in ranks.values() if r and r <= 3) / len(labels), 3)
figures["misses"] = {q: r for q, r in ranks.items() if r != 1}

# --- closest licenses -----------------------------------------------------------------------------

gpl = VERSION_OF["GPL-3.0-only"]
text = gpl.text.encode()[:30_000].decode(errors="ignore").replace("the Program", "the Work")
started = time.perf_counter()
neighbours.closest_versions(text)
figures["closest_cold_ms"] = round((time.perf_counter() - started) * 1000, 1)


def median_ms(func, runs=7, cpu_key: str = "") -> float:
    """Median wall ms of ``func``; with ``cpu_key``, its median CPU ms (this process + backend) too."""
    samples, cpu = [], []
    for _ in range(runs):
        cpu0, started = time.process_time_ns() + backend_cpu_ns(), time.perf_counter()
        func()
        samples.append((time.perf_counter() - started) * 1000)
        cpu.append((time.process_time_ns() + backend_cpu_ns() - cpu0) / 1e6)
    if cpu_key:
        figures[cpu_key] = round(statistics.median(cpu), 1)
    return round(statistics.median(samples), 1)


figures["closest_ms"] = median_ms(lambda: neighbours.closest_versions(text), cpu_key="closest_cpu_ms")
figures["closest_with_comparison_ms"] = median_ms(lambda: neighbours.closest_report(text), runs=3)
report = neighbours.closest_report(text)
figures["closest_headline"] = report.headline

PAIRS = [
    ("ECL-2.0", "Apache-2.0"),
    ("CPL-1.0", "EPL-1.0"),
    ("MPL-2.0-no-copyleft-exception", "MPL-2.0"),
    ("GPL-2.0-or-later", "GPL-2.0-only"),
    ("GPL-2.0-only", "GPL-2.0-or-later"),
    ("GPL-3.0-or-later", "GPL-3.0-only"),
    ("GPL-3.0-only", "GPL-3.0-or-later"),
    ("LGPL-2.1-or-later", "LGPL-2.1-only"),
    ("LGPL-3.0-or-later", "LGPL-3.0-only"),
    ("AGPL-3.0-or-later", "AGPL-3.0-only"),
    ("GFDL-1.3-or-later", "GFDL-1.3-only"),
    ("LGPL-2.0-or-later", "LGPL-2.0-only"),
    ("GFDL-1.2-only", "GFDL-1.2-or-later"),
]
# Pairs whose two ids are now one version (identical texts: GPL-3.0-only and -or-later) say nothing.
PAIRS = [(d, b) for d, b in PAIRS if d in VERSION_OF and b in VERSION_OF and VERSION_OF[d] != VERSION_OF[b]]
derivatives = {}
for derived_id, base_id in PAIRS:
    derived = VERSION_OF[derived_id]
    ranked = neighbours.closest_versions(derived.text, exclude=derived)
    hits = [i for i, c in enumerate(ranked, start=1) if base_id in version_ids(c.version)]
    derivatives[f"{derived_id}->{base_id}"] = hits[0] if hits else None
figures["derivatives_base_first"] = f"{sum(1 for r in derivatives.values() if r == 1)}/{len(PAIRS)}"
figures["derivatives_misses"] = {k: v for k, v in derivatives.items() if v != 1}

# --- similar clauses ------------------------------------------------------------------------------

sample = list(Clause.objects.exclude(text="").select_related("version__license").order_by("pk")[::500][:20])
neighbours.similar_clauses(sample[0])
figures["similar_clauses_ms"] = median_ms(
    lambda: [neighbours.similar_clauses(c) for c in sample], runs=1, cpu_key="similar_clauses_cpu_ms"
)
figures["similar_clauses_ms"] = round(figures["similar_clauses_ms"] / len(sample), 1)
figures["similar_clauses_cpu_ms"] = round(figures["similar_clauses_cpu_ms"] / len(sample), 1)

figures["load_average_1m"] = round(os.getloadavg()[0], 1)  # a shared machine: read the figures with it
for key, value in figures.items():
    print(f"{key}: {value}")
print(json.dumps(figures))
