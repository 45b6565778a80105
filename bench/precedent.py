"""How much precedent costs the matrix page and the cell panel, on real license texts.

Run: .venv/bin/python bench/precedent.py

In a scratch SQLite database: 60 SPDX licenses, one public review each, and positions on
``POSITIONED`` clauses per review (1,800 positioned clauses, the candidates). Then, for the
review of the 200-clause text built from GPL-3.0 and AGPL-3.0 clauses, ``precedent_cells`` (the
matrix marks) and ``precedents_for`` (one cell panel) are timed in CPU time (the machine is
shared) and their queries counted. The last line is JSON.
"""

import json
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from scratch import setup_scratch_django  # noqa: E402

setup_scratch_django("cw_bench_precedent")

from django.contrib.auth.models import User  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.db import connection  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402

from licenses.ingest import ingest_version  # noqa: E402
from licenses.models import CriterionSet, License, LicenseVersion  # noqa: E402
from licenses.sources import spdx_ids, spdx_text  # noqa: E402
from review.matrix.precedent import precedent_cells, precedents_for  # noqa: E402
from review.models import Position, Review  # noqa: E402

LICENSES = 60
POSITIONED = 30
RUNS = 9
VERDICTS = ("conflicts", "concern", "complies", "not_applicable")


def cpu_ms(fn) -> float:
    fn()  # warm
    times = []
    for _ in range(RUNS):
        start = time.process_time()
        fn()
        times.append((time.process_time() - start) * 1000)
    return round(statistics.median(times), 1)


def main() -> None:
    call_command("migrate", verbosity=0)
    osd = CriterionSet.objects.get(slug="osd-1.9")
    criteria = list(osd.criteria.order_by("number"))
    reviewer = User.objects.create_user("bench-reviewer", password=None)
    ids = [i for i in spdx_ids() if len(spdx_text(i)) > 3000][:LICENSES]
    for n, spdx_id in enumerate(ids):
        lic = License.objects.create(slug=f"l{n}", name=spdx_id)
        version = ingest_version(
            license=lic, text=spdx_text(spdx_id), label="1", source=LicenseVersion.Source.PASTE
        ).version
        review = Review.objects.create(version=version, criterion_set=osd, opened_by=reviewer)
        clauses = list(version.clauses.order_by("ordinal"))[:POSITIONED]
        Position.objects.bulk_create(
            Position(
                review=review,
                clause=c,
                criterion=criteria[(n + i) % 10],
                reviewer=reviewer,
                verdict=VERDICTS[i % 4],
            )
            for i, c in enumerate(clauses)
        )
    text = spdx_text("GPL-3.0-only") + "\n\n" + spdx_text("AGPL-3.0-only")
    lic = License.objects.create(slug="target", name="Target")
    version = ingest_version(license=lic, text=text, label="1", source=LicenseVersion.Source.PASTE).version
    review = Review.objects.create(version=version, criterion_set=osd, opened_by=reviewer)
    clauses = list(version.clauses.order_by("ordinal"))
    candidates = Position.objects.exclude(review=review).values("clause_id").distinct().count()

    with CaptureQueriesContext(connection) as ctx:
        marked = precedent_cells(review, clauses, criteria)
    matrix_queries = len(ctx)
    busiest = max(clauses, key=lambda c: sum(1 for k in marked if k[0] == c.pk))
    crit = next(k for k in criteria if (busiest.pk, k.pk) in marked) if marked else criteria[0]
    with CaptureQueriesContext(connection) as ctx:
        found = precedents_for(review, busiest, crit)
    panel_queries = len(ctx)
    result = {
        "candidate_clauses": candidates,
        "matrix_clauses": len(clauses),
        "marked_cells": len(marked),
        "matrix_ms": cpu_ms(lambda: precedent_cells(review, clauses, criteria)),
        "matrix_queries": matrix_queries,
        "panel_precedents": len(found),
        "panel_ms": cpu_ms(lambda: precedents_for(review, busiest, crit)),
        "panel_queries": panel_queries,
    }
    print(
        f"{result['matrix_clauses']} clauses against {candidates} positioned clauses: matrix marks "
        f"{result['matrix_ms']} ms ({matrix_queries} query), one panel {result['panel_ms']} ms "
        f"({panel_queries} query); CPU time, medians of {RUNS}"
    )
    print(json.dumps(result))


if __name__ == "__main__":
    main()
