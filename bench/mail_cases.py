"""Reply extraction on real mail: the talon cases in ../shared/data/mail-cases/ (see its README).

For each case the reply text is the body of the newest message that is not ``quoted`` in what
``parse_thread`` returns (for ``eml`` cases also through ``parse_thread_bytes``, the upload path;
the worse of the two counts, so both paths must hold). A case with a ``sender`` is sent through
the upload path wrapped as a message from that sender, as the data set's README allows. A case is right when its token F1 against
``expected`` (or ``expected_without_signature``) is at least 0.95.

Run: .venv/bin/python bench/mail_cases.py [-v]   (target: at least 95 % right)
Prints the failures (id, F1, what we got and what was expected with -v), then the share right.
The last line is JSON.
"""

from __future__ import annotations

import json
import re
import sys
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from review.mail.parse import MailFormatError, parse_thread, parse_thread_bytes  # noqa: E402

CASES = ROOT.parent / "shared" / "data" / "mail-cases" / "talon.json"
RIGHT = 0.95
TARGET = 0.95


def tokens(text: str | None) -> list[str]:
    return re.findall(r"\w+", (text or "").lower())


def f1(got: str, want: str) -> float:
    g, w = tokens(got), tokens(want)
    if g == w:
        return 1.0
    common = sum((Counter(g) & Counter(w)).values())
    if not common:
        return 0.0
    p, r = common / len(g), common / len(w)
    return 2 * p * r / (p + r)


def reply_of(messages) -> str:
    own = [m for m in messages if not m.quoted]
    return own[-1].body if own else ""


def wrapped(case: dict) -> bytes:
    """A plain or HTML case as an uploaded message, with the case's sender as From: (README)."""
    kind = "html" if case["kind"] == "html" else "plain"
    head = (
        f"From: {case['sender']}\nSubject: case\nMIME-Version: 1.0\n"
        f"Content-Type: text/{kind}; charset=utf-8\nContent-Transfer-Encoding: 8bit\n\n"
    )
    return (head + case["input"]).encode("utf-8")


def extract(case: dict) -> list[str]:
    """The reply text by each input path that applies to the case.

    A case that names its sender is read as an upload with that From: line, the way such a
    reply reaches the app; the others as a paste (and, for eml, also as an upload).
    """
    out = []
    if "sender" in case:
        try:
            return [reply_of(parse_thread_bytes(wrapped(case)))]
        except MailFormatError:
            return [""]
    try:
        out.append(reply_of(parse_thread(case["input"])))
    except MailFormatError:
        out.append("")
    if case["kind"] == "eml":
        try:
            out.append(reply_of(parse_thread_bytes(case["input"].encode("utf-8"))))
        except MailFormatError:
            out.append("")
    return out


def score(case: dict, got: str) -> float:
    wants = [case["expected"]] + (
        [case["expected_without_signature"]] if "expected_without_signature" in case else []
    )
    return max(f1(got, want) for want in wants)


def main() -> None:
    verbose = "-v" in sys.argv
    cases = json.loads(CASES.read_text(encoding="utf-8"))
    right = 0
    failures = []
    started = time.perf_counter()
    by_kind: Counter[str] = Counter()
    right_by_kind: Counter[str] = Counter()
    for case in cases:
        results = [(score(case, got), got) for got in extract(case)]
        worst, got = min(results, key=lambda r: r[0])
        by_kind[case["kind"]] += 1
        if worst >= RIGHT:
            right += 1
            right_by_kind[case["kind"]] += 1
        else:
            failures.append((case, worst, got))
    elapsed = time.perf_counter() - started
    for case, value, got in failures:
        print(f"FAIL {case['id']} ({case['kind']}) F1 {value:.2f}")
        if verbose:
            print("  got:      " + repr(got[:400]))
            print("  expected: " + repr(case["expected"][:400]))
    share = right / len(cases)
    kinds = ", ".join(f"{k} {right_by_kind[k]}/{n}" for k, n in sorted(by_kind.items()))
    print(f"{right}/{len(cases)} right ({share:.1%}; {kinds}) in {elapsed:.2f} s; target {TARGET:.0%}")
    print(
        json.dumps(
            {
                "bench": "mail.cases",
                "cases": len(cases),
                "right": right,
                "share": round(share, 4),
                "by_kind": {k: [right_by_kind[k], n] for k, n in sorted(by_kind.items())},
                "failures": [c["id"] for c, _, _ in failures],
                "target": TARGET,
                "ok": share >= TARGET,
            }
        )
    )


if __name__ == "__main__":
    main()
