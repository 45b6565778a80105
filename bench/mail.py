"""Parse a synthetic 1,000-message mbox (about 5 MiB), then hostile shapes, and print the times.

The shapes are inputs that once took quadratic time: 128 KB and 800 KB of "-- " signature
lines, 5 MiB of interleaved quote blocks, and more of the same kind (deep nesting, a line
that ends in a colon again and again, a long single line, an HTML paste of many blockquotes,
"item (b) of clause 4" on every line: 46 s for 1 MB before 2026-12-03's third session; HTML
whose tags or comments never end: 4.6 s for 72 KB, many minutes for 1 MiB, before its sixth).
Every shape must parse in under 2 s of CPU time.

Run: .venv/bin/python bench/mail.py [messages]   (target: under 2 s for each)
The last line is JSON for scripts.
"""

from __future__ import annotations

import json
import random
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from review.mail.parse import parse_thread  # noqa: E402

AUTHORS = [
    ("Ada Moss", "ada@example.org"),
    ("Rui Costa", "rui@example.pt"),
    ("Lena Fischer", "lena@example.de"),
    ("Omar Haddad", "omar@example.net"),
    ("Mia Chen", "mia@example.com"),
]
SENTENCES = [
    "Section 2.2(b) asks for a notice on every output dataset, which reaches further than the model.",
    "I read clause 4 as a plain termination clause, nothing more.",
    "Article 7 keeps attribution, and I see no reason to drop it.",
    "If the notice only travels with redistributed data, most of my concern goes away.",
    "The draft still mixes the model weights with the outputs in paragraph 3(a).",
    "We could move the field-of-use limits into a separate policy document.",
    "That reading would make the license fail the sixth criterion, as far as I can tell.",
]


def build(n: int, seed: int = 7) -> str:
    rng = random.Random(seed)
    parts: list[str] = []
    previous = ""
    for k in range(n):
        name, addr = AUTHORS[k % len(AUTHORS)]
        paragraphs = ["\n".join(rng.choice(SENTENCES) for _ in range(4)) for _ in range(13)]
        body = "\n\n".join(paragraphs)
        quote = "\n".join("> " + line for line in previous.split("\n")[:12])
        parts.append(
            f"From {addr} Wed May 14 09:02:11 2025\n"
            f"From: {name} <{addr}>\nTo: license-review@lists.example.org\n"
            f"Subject: Re: [License-review] Notice on outputs ({k // 20})\n"
            f"Date: Wed, {1 + k % 28:02d} May 2025 {k % 24:02d}:{k % 60:02d}:00 +0200\n"
            f"Message-ID: <m{k}@example.org>\nIn-Reply-To: <m{max(k - 1, 0)}@example.org>\n"
            "Content-Type: text/plain; charset=utf-8\n\n"
            f"{body}\n\n--\n{name}\n\nOn 14 May 2025, at 09:{k % 60:02d}, {AUTHORS[(k - 1) % 5][0]} wrote:\n\n{quote}\n\n"
            "_______________________________________________\nLicense-review mailing list\n"
            "License-review@lists.example.org\nhttp://lists.example.org/mailman/listinfo/license-review\n\n"
        )
        previous = body
    return "".join(parts)


LIMIT = 5 * 1024 * 1024


def shapes() -> dict[str, str]:
    interleaved = "> a line quoted from the earlier message\nmy answer to that line\n"
    return {
        "sig_dashes_128k": "-- \n" * (128 * 1024 // 4),
        "sig_dashes_800k": "-- \n" * (800 * 1024 // 4),
        "interleaved_quotes_5m": interleaved * (LIMIT // len(interleaved)),
        "nested_quotes_5m": "".join(">" * (k % 45) + " text at this level\n" for k in range(LIMIT // 64)),
        "colon_lines_5m": "a line of prose that ends in a colon 2025:\n" * (LIMIT // 43),
        "one_line_5m": "word " * (LIMIT // 5),
        "attributions_5m": "On 14 May 2025, at 09:00, Ada Moss <ada@example.org> wrote:\nwords\n"
        * (LIMIT // 68),
        "html_blockquotes_5m": "<blockquote>quoted</blockquote><div>reply</div>\n" * (LIMIT // 48),
        "parts_of_clauses_5m": "On 14 May: item (b) of clause 4 and paragraph (c) of Section 2.2.\n"
        * (LIMIT // 66),
        # constructs that never end: each cost a scan of the rest before html_tokens' budget
        "html_unended_tags_1m": "<html><body><p>x</p>" + '<a href="' * (1024 * 1024 // 9),
        "html_unended_comments_1m": "<html><body><p>x</p>" + "<!-- " * (1024 * 1024 // 5),
    }


def _time(fn) -> tuple[float, float, int]:
    best = (float("inf"), float("inf"), 0)
    for _ in range(2):
        wall, cpu = time.perf_counter(), time.process_time()
        n = len(fn())
        best = min(best, (time.process_time() - cpu, time.perf_counter() - wall, n))
    return best


def main() -> None:
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 1000
    shape_results = {}
    for name, text in shapes().items():
        cpu_s, wall_s, count = _time(lambda text=text: parse_thread(text))
        shape_results[name] = round(cpu_s, 3)
        print(
            f"{name:24s} {len(text.encode()) / 2**20:5.2f} MiB  CPU {cpu_s:6.3f} s  wall {wall_s:6.3f} s  ({count} messages)"
        )
    mbox = build(n)
    size = len(mbox.encode())
    runs: list[tuple[float, float]] = []  # (wall, cpu)
    for _ in range(3):  # best of three: the machine is shared
        wall, cpu = time.perf_counter(), time.process_time()
        messages = parse_thread(mbox)
        runs.append((time.perf_counter() - wall, time.process_time() - cpu))
    wall_s = min(r[0] for r in runs)
    cpu_s = min(r[1] for r in runs)
    print(
        f"parsed {n} messages ({size / 2**20:.2f} MiB) into {len(messages)}: best wall {wall_s:.3f} s, "
        f"best CPU {cpu_s:.3f} s (runs: {', '.join(f'{w:.2f}/{c:.2f}' for w, c in runs)}; target < 2 s)"
    )
    # The machine may be shared, so the verdict uses CPU time; wall time is reported beside it.
    print(
        json.dumps(
            {
                "bench": "mail.parse_thread",
                "messages_in": n,
                "messages_out": len(messages),
                "bytes": size,
                "seconds": round(wall_s, 3),
                "cpu_seconds": round(cpu_s, 3),
                "target_seconds": 2.0,
                "shapes_cpu_seconds": shape_results,
                "ok": cpu_s < 2.0 and all(v < 2.0 for v in shape_results.values()),
            }
        )
    )


if __name__ == "__main__":
    main()
