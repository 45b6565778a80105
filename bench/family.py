"""The family variant table: 8 members of ~60 clauses each, server time and queries.

Run from the repo root:  .venv/bin/python bench/family.py [--runs N]

Builds a throw-away SQLite database: eight sibling texts of 60 numbered clauses (each sibling
rewords, drops or adds a few clauses, as the ModelGo and Creative Commons siblings do), makes
them a family (which aligns and stores the clause groups), then requests the family page
through Django's test client. Prints the alignment time, the median and worst render and the
query count (and the CPU time, which a busy machine inflates less); the last line is JSON with ``render_ms`` and ``queries``.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from scratch import setup_scratch_django  # noqa: E402

MEMBERS = 8
CLAUSES = 60
WORDS = [
    "licensor",
    "licensee",
    "model",
    "weights",
    "output",
    "dataset",
    "notice",
    "attribution",
    "commercial",
    "derivative",
    "distribute",
    "reproduce",
    "modify",
    "sublicense",
    "warranty",
    "liability",
    "jurisdiction",
    "termination",
    "grant",
    "patent",
    "trademark",
    "copy",
    "share",
    "adapt",
    "material",
    "rights",
    "conditions",
]


def base_clauses(rng: random.Random) -> list[str]:
    return [" ".join(rng.choice(WORDS) for _ in range(rng.randint(25, 70))) + "." for _ in range(CLAUSES)]


def sibling(clauses: list[str], k: int, rng: random.Random) -> str:
    out = list(clauses)
    for i in range(k % 5, len(out), 9):  # reword every ninth clause
        out[i] = out[i].replace(" the ", " that ", 1) + f" Except for sibling {k}."
    if k:
        del out[10 + k]  # drop one
        out.insert(20 + k, f"Sibling {k} adds this: " + " ".join(rng.choice(WORDS) for _ in range(30)) + ".")
    return "Sibling License\n\n" + "\n\n".join(f"{n}. {body}" for n, body in enumerate(out, 1)) + "\n"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=20)
    args = parser.parse_args()
    os.environ["AXES_ENABLED"] = "0"
    os.environ["DEBUG"] = "1"
    os.environ["ALLOWED_HOSTS"] = "testserver"
    setup_scratch_django("cw_bench_family")
    from django.core.management import call_command
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    from licenses.families import services
    from licenses.models import Clause
    from tests.factories import make_license, make_user, make_version

    call_command("migrate", verbosity=0)
    rng = random.Random(14)
    clauses = base_clauses(rng)
    licenses = []
    for k in range(MEMBERS):
        license = make_license(slug=f"sibling-{k}", name=f"Sibling {k}")
        make_version(license, text=sibling(clauses, k, rng), label="2.0")
        licenses.append(license)
    per_member = Clause.objects.count() / MEMBERS
    start = time.perf_counter()
    family = services.family_create(
        name="Bench family", members=licenses, base=licenses[0], user=make_user(roles=("moderator",))
    )
    align_ms = (time.perf_counter() - start) * 1000
    client = Client()
    url = family.get_absolute_url()
    client.get(url)  # warm templates
    times, cpu = [], []
    for _ in range(args.runs):
        with CaptureQueriesContext(connection) as queries:
            start, start_cpu = time.perf_counter(), time.process_time()
            response = client.get(url)
            times.append((time.perf_counter() - start) * 1000)
            cpu.append((time.process_time() - start_cpu) * 1000)
        assert response.status_code == 200
    rows = family.groups.count()
    print(f"{MEMBERS} members, {per_member:.0f} clauses each, {rows} clause groups")
    print(f"create + align + store groups: {align_ms:.0f} ms")
    print(
        f"variant table page: median {statistics.median(times):.1f} ms, worst {max(times):.1f} ms; "
        f"CPU {statistics.median(cpu):.1f} ms (wall time also counts waiting for a busy machine); "
        f"{len(queries)} queries"
    )
    print(
        json.dumps(
            {
                "members": MEMBERS,
                "clauses_per_member": round(per_member),
                "groups": rows,
                "align_ms": round(align_ms, 1),
                "render_ms": round(statistics.median(times), 1),
                "render_worst_ms": round(max(times), 1),
                "render_cpu_ms": round(statistics.median(cpu), 1),
                "queries": len(queries),
            }
        )
    )


if __name__ == "__main__":
    main()
