"""Benchmark the mail import into a review: preview, page size and the atomic import.

Builds, in a scratch SQLite database, a review of the MPL-2.0 text (its SPDX copy, shipped in a
pip package; the sample text of the tests when that is missing), then a 1,000-message mbox
(about 5 MiB) whose messages cite clauses ("Section 3.2", "clause 5.1", "2.bb"-style near
misses) and quote 8 or more words of clause text, and measures, median of three runs:

- ``preview_import`` (parse, clause matching, stance guess, already-imported marks);
- the preview page (the view, the template) as HTML bytes and time, through the test client;
- ``import_messages`` of every message, atomic, into a fresh review each run.

Run: .venv/bin/python bench/mail_import.py [messages]
Targets: preview under 2 s CPU, import under 3 s CPU for 1,000 messages. The verdict uses CPU
time because the machine may be shared; wall time is printed beside it, and the load average
(CPU time still grows when other processes share the cores). The last line is JSON.
"""

from __future__ import annotations

import json
import os
import random
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from scratch import setup_scratch_django  # noqa: E402

setup_scratch_django("cw_bench_mail")

from django.contrib.auth.models import Group, User  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import setup_test_environment  # noqa: E402
from django.urls import reverse  # noqa: E402

from licenses.ingest import ingest_version  # noqa: E402
from licenses.models import CriterionSet, License, LicenseVersion  # noqa: E402
from review.mail.preview import preview_import  # noqa: E402
from review.mail.services import ImportChoice, import_messages  # noqa: E402
from review.models import Review  # noqa: E402

RUNS = 3
PREVIEW_TARGET = 2.0
IMPORT_TARGET = 3.0
AUTHORS = [
    ("Ada Moss", "ada@example.org"),
    ("Rui Costa", "rui@example.pt"),
    ("Lena Fischer", "lena@example.de"),
    ("Omar Haddad", "omar@example.net"),
    ("Mia Chen", "mia@example.com"),
]
FILLER = [
    "I read this as a plain condition on distribution, nothing more.",
    "If the notice only travels with redistributed copies, most of my concern goes away.",
    "We could move the field-of-use limits into a separate policy document.",
    "That reading would make the license fail the sixth criterion, as far as I can tell.",
    "The steward said on the call that this was never the intent.",
    "Other licenses in this family word the same point more narrowly.",
]


def license_text() -> tuple[str, str]:
    try:
        from licenses.sources import spdx_text

        return "MPL-2.0", spdx_text("MPL-2.0")
    except Exception:  # the SPDX package is missing: fall back to the tests' sample
        from tests.factories import SAMPLE_TEXT

        return "sample", SAMPLE_TEXT


def make_review(text: str, opened_by: User, n: int) -> Review:
    license = License.objects.create(slug=f"bench-{n}", name=f"Bench license {n}")
    version = ingest_version(
        license=license, text=text, label="1.0", source=LicenseVersion.Source.PASTE
    ).version
    return Review.objects.create(
        version=version, criterion_set=CriterionSet.objects.get(slug="osd-1.9"), opened_by=opened_by
    )


def build_mbox(n: int, clauses: list[tuple[str, str]], seed: int = 11) -> str:
    """``n`` messages, about 5 KiB each: citations, quoted clause text, filler and a quoted reply."""
    rng = random.Random(seed)
    cited = [(p, t) for p, t in clauses if p and p[0].isdigit()] or clauses
    wordy = [(p, t.split()) for p, t in clauses if len(t.split()) >= 12]
    parts: list[str] = []
    previous = ""
    for k in range(n):
        name, addr = AUTHORS[k % len(AUTHORS)]
        paragraphs = []
        for _ in range(15):
            lines = [rng.choice(FILLER) for _ in range(3)]
            roll = rng.random()
            path, _ = rng.choice(cited)
            if roll < 0.35:
                lines.append(f"Section {path} is where this bites.")
            elif roll < 0.5:
                lines.append(f"See clause {path} and the paragraph after it.")
            elif roll < 0.6 and "." in path:
                lines.append(f"What {path.replace('.', '.b', 1)[:5]} says is unclear to me.")  # a near miss
            elif roll < 0.8 and wordy:
                _, words = rng.choice(wordy)
                start = rng.randrange(0, len(words) - 10)
                lines.append(
                    f'The text says "{" ".join(words[start : start + rng.randint(9, 14)])}" and I object.'
                )
            paragraphs.append("\n".join(lines))
        body = "\n\n".join(paragraphs)
        quote = "\n".join("> " + line for line in previous.split("\n")[:12])
        parts.append(
            f"From {addr} Wed May 14 09:02:11 2025\n"
            f"From: {name} <{addr}>\nTo: license-review@lists.example.org\n"
            f"Subject: Re: [License-review] MPL review ({k // 20})\n"
            f"Date: Wed, {1 + k % 28:02d} May 2025 {k % 24:02d}:{k % 60:02d}:00 +0200\n"
            f"Message-ID: <bench{k}@example.org>\nIn-Reply-To: <bench{max(k - 1, 0)}@example.org>\n"
            "Content-Type: text/plain; charset=utf-8\n\n"
            f"{body}\n\n--\n{name}\n\nOn 14 May 2025, at 09:{k % 60:02d}, {AUTHORS[(k - 1) % 5][0]} wrote:\n\n"
            f"{quote}\n\n"
            "_______________________________________________\nLicense-review mailing list\n"
            "License-review@lists.example.org\nhttp://lists.example.org/mailman/listinfo/license-review\n\n"
        )
        previous = body
    return "".join(parts)


def timed(fn):
    wall, cpu = time.perf_counter(), time.process_time()
    result = fn()
    return result, time.perf_counter() - wall, time.process_time() - cpu


def main() -> None:
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 1000
    call_command("migrate", verbosity=0)
    setup_test_environment()
    moderator = User.objects.create_user("bench-mod", password="x")
    moderator.groups.add(Group.objects.get_or_create(name="moderator")[0])
    source, text = license_text()
    review = make_review(text, moderator, 0)
    clauses = list(review.version.clauses.order_by("ordinal").values_list("path", "text"))
    raw = build_mbox(n, clauses).encode()

    previews = [timed(lambda: preview_import(review=review, raw=raw)) for _ in range(RUNS)]
    preview = previews[0][0]
    suggested = sum(1 for item in preview.items if item.suggestions)

    client = Client()
    client.force_login(moderator)
    url = reverse("review:mail-import", args=[review.pk])
    pages = []
    for _ in range(RUNS):
        (response, wall, cpu) = timed(lambda: client.post(url, {"step": "preview", "raw": raw.decode()}))
        assert response.status_code == 200, response.status_code
        pages.append((len(response.content), wall, cpu))

    imports = []
    for run in range(RUNS):
        target = make_review(text, moderator, run + 1) if run else review
        fresh = preview_import(review=target, raw=raw)
        choices = [
            ImportChoice(message=item.message, clause_id=item.clause_id, stance=item.stance)
            for item in fresh.items
            if item.importable
        ]
        result, wall, cpu = timed(
            lambda t=target, c=choices: import_messages(review=t, items=c, by=moderator)
        )
        imports.append((result.imported, wall, cpu))

    def median(runs, k):
        return statistics.median(r[k] for r in runs)

    figures = {
        "bench": "mail.import",
        "license": source,
        "clauses": len(clauses),
        "messages_in": n,
        "messages_out": len(preview.items),
        "with_suggestions": suggested,
        "bytes": len(raw),
        "preview_seconds": round(median(previews, 1), 3),
        "preview_cpu_seconds": round(median(previews, 2), 3),
        "page_seconds": round(median(pages, 1), 3),
        "page_cpu_seconds": round(median(pages, 2), 3),
        "page_bytes": pages[0][0],
        "imported": imports[0][0],
        "import_seconds": round(median(imports, 1), 3),
        "import_cpu_seconds": round(median(imports, 2), 3),
        "preview_target_seconds": PREVIEW_TARGET,
        "import_target_seconds": IMPORT_TARGET,
        "load_average": round(os.getloadavg()[0], 2),  # CPU times inflate on a busy machine
    }
    figures["ok"] = (
        figures["preview_cpu_seconds"] < PREVIEW_TARGET and figures["import_cpu_seconds"] < IMPORT_TARGET
    )
    print(
        f"{n} messages ({len(raw) / 2**20:.2f} MiB) against {len(clauses)} clauses of {source}: "
        f"{len(preview.items)} parsed, {suggested} with suggestions\n"
        f"preview_import: median {figures['preview_seconds']:.3f} s wall, "
        f"{figures['preview_cpu_seconds']:.3f} s CPU (target < {PREVIEW_TARGET} s CPU)\n"
        f"preview page:   median {figures['page_seconds']:.3f} s wall, {figures['page_cpu_seconds']:.3f} s CPU, "
        f"{figures['page_bytes'] / 2**20:.2f} MiB of HTML\n"
        f"import:         {figures['imported']} comments, median {figures['import_seconds']:.3f} s wall, "
        f"{figures['import_cpu_seconds']:.3f} s CPU (target < {IMPORT_TARGET} s CPU); "
        f"load average {figures['load_average']}"
    )
    print(json.dumps(figures))


if __name__ == "__main__":
    main()
