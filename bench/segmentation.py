"""Benchmark the clause segmenter against the SPDX license-list XML markup.

Run from the repo root:  .venv/bin/python bench/segmentation.py [--all] [--show ID]

Ground truth: the <list>/<item>/<bullet> tree inside <text> of each XML in
../shared/data/spdx-license-xml/src, skipping <optional>. The segmenter runs on the same
license's text from the SPDX pip package. Paths are compared as lower-case alphanumeric
tokens joined by dots, by the longest common subsequence; a found path also matches a truth
path it ends with ("section.1.a" matches "a").
"""

from __future__ import annotations

import argparse
import re
import sys
import time
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from licenses.sources import spdx_ids, spdx_text  # noqa: E402
from licenses.text.segmentation import segment  # noqa: E402

XML_DIR = ROOT.parent / "shared" / "data" / "spdx-license-xml" / "src"
NS = "{http://www.spdx.org/license}"


def norm(path: str) -> str:
    return ".".join(re.findall(r"[a-z0-9]+", path.lower()))


WORDS = {"section", "article", "clause"}


def _carries(toks: list[str], prefix: list[str], lenient: bool) -> bool:
    if lenient:  # "1.1" inside "Section 1" carries its parent's number too
        prefix = [t for t in prefix if t not in WORDS]
    return bool(prefix) and toks[: len(prefix)] == prefix


def _own_bullet(item: ET.Element) -> ET.Element | None:
    """The item's bullet: a child, or inside its first <p> (MPL), never one of a nested list."""
    for child in item:
        tag = child.tag.removeprefix(NS)
        if tag == "bullet":
            return child
        if tag not in ("list", "optional", "item"):
            found = _own_bullet(child)
            if found is not None:
                return found
    return None


def truth_paths(xml_path: Path, lenient: bool = False) -> list[str]:
    text = ET.parse(xml_path).getroot().find(f"{NS}license/{NS}text")
    out: list[str] = []

    def walk(el: ET.Element, prefix: list[str]) -> None:
        for child in el:
            tag = child.tag.removeprefix(NS)
            if tag == "optional":
                continue
            own = prefix
            if tag == "item":
                bullet = _own_bullet(child)
                toks = (
                    re.findall(r"[a-z0-9]+", "".join(bullet.itertext()).lower()) if bullet is not None else []
                )
                if toks:
                    own = toks if _carries(toks, prefix, lenient) else prefix + toks
                    out.append(".".join(own))
            walk(child, own)

    if text is not None:
        walk(text, [])
    return out


def found_paths(text: str) -> list[str]:
    return [norm(s.path) for s in segment(text) if s.label]


def _match(found: str, truth: str) -> bool:
    return found == truth or found.endswith("." + truth)


def lcs(found: list[str], truth: list[str]) -> int:
    prev = [0] * (len(truth) + 1)
    for f in found:
        cur = [0]
        for j, t in enumerate(truth):
            cur.append(prev[j] + 1 if _match(f, t) else max(prev[j + 1], cur[j]))
        prev = cur
    return prev[-1]


def f1(p: float, r: float) -> float:
    return 2 * p * r / (p + r) if p + r else 0.0


def score(found_by_id: dict[str, list[str]], lenient: bool) -> tuple[list, tuple[int, int, int]]:
    rows = []
    tot = [0, 0, 0]
    for spdx_id, found in found_by_id.items():
        truth = truth_paths(XML_DIR / f"{spdx_id}.xml", lenient)
        n = lcs(found, truth)
        tot = [tot[0] + n, tot[1] + len(found), tot[2] + len(truth)]
        p = n / len(found) if found else float(not truth)
        r = n / len(truth) if truth else float(not found)
        rows.append((f1(p, r), spdx_id, len(truth), len(found), n))
    return rows, (tot[0], tot[1], tot[2])


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--show", help="print truth and found paths for one SPDX id")
    ap.add_argument("--worst", type=int, default=10)
    ap.add_argument("--lenient", action="store_true", help="with --show: the lenient prefix rule")
    args = ap.parse_args()
    if not XML_DIR.is_dir():
        sys.exit(f"no SPDX XML at {XML_DIR}")
    if args.show:
        truth = truth_paths(XML_DIR / f"{args.show}.xml", args.lenient)
        found = found_paths(spdx_text(args.show))
        print("truth:", " ".join(truth))
        print("found:", " ".join(found))
        print("lcs:", lcs(found, truth))
        return

    found_by_id = {x.stem: found_paths(spdx_text(x.stem)) for x in sorted(XML_DIR.glob("*.xml"))}
    for lenient in (False, True):
        rows, (n, nf, nt) = score(found_by_id, lenient)
        precision, recall = n / max(nf, 1), n / max(nt, 1)
        if not lenient:
            print(f"SPDX XML ground truth: {len(rows)} licenses, {nt} truth paths, {nf} found")
            print(f"worst {args.worst} by path-F1:")
            for f, spdx_id, t_count, f_count, m in sorted(rows)[: args.worst]:
                print(f"  {spdx_id:32} F1 {f:.3f}  truth {t_count:3}  found {f_count:3}  matched {m:3}")
        rule = "lenient: '1.1' in 'Section 1' is not re-prefixed" if lenient else "literal prefix rule"
        print(f"overall ({rule}): P {precision:.4f}  R {recall:.4f}  F1 {f1(precision, recall):.4f}")

    ids = spdx_ids()
    texts = [(i, spdx_text(i)) for i in ids]
    texts = [(i, t) for i, t in texts if t]
    zero, crashes = [], []
    t0 = time.perf_counter()
    for spdx_id, text in texts:
        try:
            if not any(s.label for s in segment(text)):
                zero.append(spdx_id)
        except Exception as exc:  # the benchmark reports crashes instead of stopping
            crashes.append(f"{spdx_id}: {exc!r}")
    elapsed = time.perf_counter() - t0
    print(f"all SPDX texts: {len(texts)} of {len(ids)} ids have a text; segmented in {elapsed:.2f} s")
    print(f"  texts with zero numbered segments: {len(zero)}; crashes: {len(crashes)}")
    for line in crashes[:10]:
        print("  crash", line)


if __name__ == "__main__":
    main()
