"""Benchmark the matrix page and the Markdown export on a large review.

Builds, in a scratch SQLite database, a review of 200 clauses x 10 OSD criteria with 2,000
positions and 500 comments (and a 20-clause review for the query count), then measures with
Django's test client:

- the matrix page's median render time (CPU time: see median_ms);
- its query count at 20 clauses and at 200 (they must be equal);
- the median time of the Markdown export.

Run: .venv/bin/python bench/matrix.py   (targets: render_ms < 150, export_ms < 300,
queries_small == queries_large <= 20). The last line is one JSON object.
"""

from __future__ import annotations

import json
import os
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from scratch import setup_scratch_django  # noqa: E402

setup_scratch_django("cw_bench_matrix")

from django.contrib.auth.models import Group, User  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext, setup_test_environment  # noqa: E402
from django.urls import reverse  # noqa: E402

from licenses.ingest import ingest_version  # noqa: E402
from licenses.models import CriterionSet, License, LicenseVersion  # noqa: E402
from review.models import Comment, Position, Review, Stance, Thread  # noqa: E402

RUNS = 15
VERDICTS = ["conflicts", "concern", "complies", "not_applicable"]
STANCES = [Stance.OBJECTION, Stance.CONCERN, Stance.SUPPORT, Stance.QUESTION, Stance.NOTE]


def text_with(n: int) -> str:
    """A license of ``n`` clauses: a preamble, then sections of a heading and four subclauses."""
    parts, count, section = ["Preamble: a benchmark license."], 1, 0
    while count < n:
        section += 1
        parts.append(f"{section}. Section {section}.")
        count += 1
        for sub in range(1, 5):
            if count >= n:
                break
            parts.append(
                f"{section}.{sub} You may not use the Software for purpose {section}.{sub}, "
                "and you must keep this notice with every copy you distribute."
            )
            count += 1
    return "\n\n".join(parts) + "\n"


def build(n_clauses: int, reviewers: list[User], *, positions: int, comments: int) -> Review:
    license = License.objects.create(slug=f"bench-{n_clauses}", name=f"Bench License {n_clauses}")
    version = ingest_version(
        license=license, text=text_with(n_clauses), label="1.0", source=LicenseVersion.Source.PASTE
    ).version
    clauses = list(version.clauses.order_by("ordinal"))
    assert len(clauses) == n_clauses, len(clauses)
    osd = CriterionSet.objects.get(slug="osd-1.9")
    criteria = list(osd.criteria.order_by("number"))
    review = Review.objects.create(version=version, criterion_set=osd, opened_by=reviewers[0])
    cells = [(c, k) for c in clauses for k in criteria]
    rows = []
    for i in range(positions):
        clause, criterion = cells[(i // len(reviewers) * 7) % len(cells)]
        reviewer = reviewers[i % len(reviewers)]
        rows.append(
            Position(
                review=review,
                clause=clause,
                criterion=criterion,
                reviewer=reviewer,
                verdict=VERDICTS[(i * 7 + i // 3) % 4],
                rationale=f"Rationale {i}: the clause *limits* purpose {i}.",
                rationale_html=f"<p>Rationale {i}: the clause <em>limits</em> purpose {i}.</p>\n",
            )
        )
    Position.objects.bulk_create(rows, ignore_conflicts=True)
    threads = Thread.objects.bulk_create(
        Thread(
            review=review,
            clause=clauses[(i * 3) % len(clauses)],
            criterion=criteria[i % 10],
            started_by=reviewers[0],
        )
        for i in range(max(1, comments // 5))
    )
    Comment.objects.bulk_create(
        Comment(
            thread=threads[i % len(threads)],
            author=reviewers[i % len(reviewers)],
            body=f"Comment {i}: I think this clause restricts a field of endeavor.",
            body_html=f"<p>Comment {i}: I think this clause restricts a field of endeavor.</p>\n",
            stance=STANCES[i % len(STANCES)],
        )
        for i in range(comments)
    )
    return review


def median_ms(client: Client, url: str, clock=time.process_time) -> float:
    """Median over RUNS requests, in CPU time by default: the machine this runs on is shared,
    and wall time there measures the neighbours as much as the page."""
    client.get(url)  # warm the template cache
    times = []
    for _ in range(RUNS):
        start = clock()
        response = client.get(url)
        times.append((clock() - start) * 1000)
        assert response.status_code == 200, response.status_code
    return round(statistics.median(times), 1)


def queries(client: Client, url: str) -> int:
    with CaptureQueriesContext(connection) as ctx:
        assert client.get(url).status_code == 200
    return len(ctx)


def main() -> None:
    call_command("migrate", verbosity=0)
    setup_test_environment()
    group, _ = Group.objects.get_or_create(name="reviewer")
    reviewers = []
    for i in range(10):
        user = User.objects.create_user(f"reviewer{i}", password=None)
        user.groups.add(group)
        reviewers.append(user)
    large = build(200, reviewers, positions=2000, comments=500)
    small = build(20, reviewers, positions=200, comments=50)
    n_positions = Position.objects.filter(review=large).count()

    client = Client()
    client.force_login(reviewers[0])
    large_url = reverse("review:matrix", args=[large.pk])
    render_ms = median_ms(client, large_url)
    result = {
        "clauses": large.version.clauses.count(),
        "positions": n_positions,
        "render_ms": render_ms,
        "queries_small": queries(client, reverse("review:matrix", args=[small.pk])),
        "queries_large": queries(client, large_url),
        "export_ms": median_ms(client, reverse("review:export", args=[large.pk, "md"])),
    }
    anonymous = Client()
    wall = median_ms(client, large_url, clock=time.perf_counter)
    # A visitor's table comes from review.page_cache after the first request (one per change).
    shared = median_ms(anonymous, large_url)
    print(f"matrix page, wall time: {wall} ms; anonymous, from the shared render (CPU): {shared} ms")
    print(f"JSON export (CPU): {median_ms(client, reverse('review:export', args=[large.pk, 'json']))} ms")
    print(f"load average: {os.getloadavg()[0]:.1f}; times are medians of {RUNS} runs, CPU time unless said")
    print(json.dumps(result))


if __name__ == "__main__":
    main()
