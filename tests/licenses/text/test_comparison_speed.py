"""The comparison's faster parts agree with their plain definitions (pure).

Folding, the rare-phrase count of the second pass, the content words of a side and the
price of a word diff were rewritten for speed (bench/comparison.py); these tests hold each
to the straightforward version on random synthetic text, so the alignment and the redlines
stay the same.
"""

from __future__ import annotations

import random
import re
import unicodedata
from collections import Counter, defaultdict

from licenses.text import rescue as R
from licenses.text.matching import _TYPOGRAPHY, Side, fold
from licenses.text.redline import content_words, work
from licenses.text.segmentation import Segment

WORDS = ["grant", "notice", "copy", "source", "you", "the", "of", "a", "ß", "Straße", "İstanbul", "x1", "2"]
MARKS = ["“", "”", "‘", "’", "`", "–", "—", "−", "«", "»", '"', "'", "-", ",", ".", "(", ")", "ﬁ", "²", "½"]
SPACES = [" ", "  ", "\n", "\n\n", "\t", "\u00a0"]


def _plain_fold(text: str) -> str:
    text = unicodedata.normalize("NFKC", text).translate(_TYPOGRAPHY).casefold()
    folded = " ".join(re.findall(r"\w+|[^\w\s]", text))
    return re.sub(r"(?:\s*[.:;])+$", "", folded)  # the stop that ends the text is typography


def _text(rnd: random.Random, n: int) -> str:
    parts = []
    for _ in range(n):
        parts.append(rnd.choice(WORDS + MARKS) if rnd.random() < 0.8 else rnd.choice(MARKS))
        parts.append(rnd.choice(SPACES) if rnd.random() < 0.7 else "")
    return "".join(parts)


def test_fold_agrees_with_its_plain_definition():
    rnd = random.Random(7)
    for _ in range(2000):
        text = _text(rnd, rnd.randint(0, 30))
        assert fold(text) == _plain_fold(text), repr(text)
    assert fold("`Quoted'") == fold("‘quoted’") == "' quoted '"


def _plain_phrases(wa: list[list[str]], wb: list[list[str]]) -> dict[tuple[int, int], int]:
    """Rare shared phrases as first written: every window of every clause, one by one."""
    n = R.SHINGLE

    def shingles(words):
        return {tuple(words[k : k + n]) for k in range(len(words) - n + 1)}

    sh_b = [shingles(w) for w in wb]
    count_a = Counter(s for w in wa for s in shingles(w))
    count_b = Counter(s for sh in sh_b for s in sh)
    where_b = {s: j for j, sh in enumerate(sh_b) for s in sh if count_b[s] == 1}
    phrases: dict[tuple[int, int], int] = defaultdict(int)
    for i, words in enumerate(wa):
        prev, run = None, 0
        for k in range(len(words) - n + 1):
            s = tuple(words[k : k + n])
            j = where_b.get(s) if count_a[s] == 1 else None
            if j is not None and j == prev:
                run += 1
                if run == R.LONG_RUN - n:
                    phrases[(i, j)] += 1
            elif j is not None:
                phrases[(i, j)] += 1
                run = 0
            prev = j
    return phrases


def _side(clauses: list[str]) -> Side:
    return Side([Segment(f"{k}.", str(k), str(k), "", t, 0, len(t), 0, None) for k, t in enumerate(clauses)])


def test_rare_phrases_agree_with_the_plain_window_loop():
    """Counts and their order (the second pass visits them in order) match, on texts that share
    runs of every length, repeat phrases within a clause, and use a small vocabulary."""
    rnd = random.Random(11)
    for _ in range(400):
        vocab = [f"w{k}" for k in range(rnd.choice([2, 3, 6, 40]))]
        a = [[rnd.choice(vocab) for _ in range(rnd.randint(0, 40))] for _ in range(rnd.randint(0, 6))]
        b = [[rnd.choice(vocab) for _ in range(rnd.randint(0, 40))] for _ in range(rnd.randint(0, 6))]
        if a and b and rnd.random() < 0.7:  # carry a passage over, so that long runs occur
            b[0] = a[0][rnd.randint(0, 5) :] + b[0]
        sa, sb = _side([" ".join(w) for w in a]), _side([" ".join(w) for w in b])
        got = R.Evidence(sa, sb).phrases
        assert list(got.items()) == list(_plain_phrases(sa.tokens, sb.tokens).items())


def test_a_side_splits_each_clause_into_words_once_for_both_uses():
    rnd = random.Random(3)
    side = _side([_text(rnd, rnd.randint(0, 40)) for _ in range(200)])
    for key, tokens, words in zip(side.key, side.tokens, side.words, strict=True):
        assert tokens == re.findall(r"\w+", key)
        assert words == content_words(key)


def test_the_price_of_a_word_diff_agrees_with_its_plain_definition():
    rnd = random.Random(5)
    for _ in range(500):
        vocab = [f"t{k}" for k in range(rnd.randint(1, 30))]
        ka = [rnd.choice(vocab) for _ in range(rnd.randint(0, 60))]
        kb = [rnd.choice(vocab) for _ in range(rnd.randint(0, 60))]
        count = Counter(ka)
        plain = sum(count[k] for k in kb) * min(len(ka), len(kb)) if ka and kb else 0
        assert work(ka, kb) == plain
