"""Unit boundaries of a costly redline (licenses.text.redline._unit_ends), pure.

The boundaries were rewritten to visit only tokens that may end a unit; they must be the
ones the plain token-by-token count gives.
"""

from __future__ import annotations

import random
import zlib

from licenses.text import redline as R


def _reference(keys: list[str], spaces: list[str], lo: int, hi: int) -> list[int]:
    ends: list[int] = []
    n = 0
    for i in range(lo, hi):
        n += 1
        k = keys[i]
        pick = zlib.crc32(k.encode()) & 15 == 0
        if n >= R.UNIT_TOKENS or k in R._UNIT_END or "\n" in spaces[i] or (n >= 4 and pick):
            ends.append(i + 1)
            n = 0
    if not ends or ends[-1] != hi:
        ends.append(hi)
    return ends


def test_unit_ends_match_the_token_by_token_count():
    rnd = random.Random(1)
    vocabularies = [["word"], ["a", "b", "c", "."], [f"w{k}" for k in range(50)] + [".", ";"], ["x", "y"]]
    for _ in range(2000):
        vocab = rnd.choice(vocabularies)
        n = rnd.randint(0, 400)
        keys = [rnd.choice(vocab) for _ in range(n)]
        spaces = [rnd.choice([" "] * 30 + ["\n\n", ""]) for _ in range(n)]
        lo = rnd.randint(0, n)
        hi = rnd.randint(lo, n)
        assert R._unit_ends(keys, spaces, lo, hi) == _reference(keys, spaces, lo, hi)


def test_a_long_run_without_marks_is_cut_every_unit_tokens():
    keys = ["word"] * 100  # "word" is not picked by its checksum
    assert zlib.crc32(b"word") & 15 != 0
    assert R._unit_ends(keys, [" "] * 100, 0, 100) == [48, 96, 100]


def test_sentence_marks_and_paragraph_breaks_end_units():
    keys = ["one", "two", ".", "three", "four", "five"]
    spaces = [" ", "", " ", " ", "\n\n", ""]
    assert R._unit_ends(keys, spaces, 0, 6) == [3, 5, 6]
