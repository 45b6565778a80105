"""Word vectors (licenses.text.embedding) and the links by meaning they feed (licenses.text.meaning).

Pure, on synthetic texts of our own: hand-made vectors where one word of a clause means what
another word of its rewrite means, and a tiny corpus where two verbs keep the same company.
"""

from __future__ import annotations

import io

import numpy as np

from licenses.text import embedding, meaning
from licenses.text.comparison import compare
from licenses.text.matching import Side
from licenses.text.meaning import MEANING_WORDS, by_meaning
from licenses.text.segmentation import Segment

# Eight clauses kept word for word: each speaks of its own matter (its own axis below).
STEADY = [f"{m}alpha {m}bravo {m}charlie {m}delta {m}echo." for m in "abcdefgh"]
OLD = "grant distribute convey propagate transfer deliver."  # rewritten in other words:
NEW = "permit share pass spread hand give."
SYNONYMS = dict(zip(OLD.rstrip(".").split(), NEW.rstrip(".").split(), strict=True))
OTHER_OLD = "warrant guarantee promise assure pledge represent."  # a second rewrite, of other matter
OTHER_NEW = "vouch certify swear attest undertake affirm."
OTHER_SYNONYMS = dict(zip(OTHER_OLD.rstrip(".").split(), OTHER_NEW.rstrip(".").split(), strict=True))


def seg(text: str, path: str) -> Segment:
    return Segment(f"{path}.", path, path, "", text, 0, len(text), 0, None)


def vectors(*, same: bool = True, every: bool = False) -> embedding.Vectors:
    """Each steady clause's words on its own axis; the old clause's words and their synonyms on
    the ninth (``same``; else the synonyms on a tenth); ``every``: all words on the ninth.
    OTHER's words and their synonyms share the eleventh."""
    eye = np.eye(12)
    words, rows = [], []
    for k, text in enumerate(STEADY):
        for w in text.rstrip(".").split():
            words.append(w)
            rows.append(eye[8 if every else k])
    for old, new in SYNONYMS.items():
        words += [old, new]
        rows += [eye[8], eye[8 if same else 9] + 0.05 * eye[0]]
    for old, new in OTHER_SYNONYMS.items():
        words += [old, new]
        rows += [eye[10], eye[10] + 0.05 * eye[1]]
    return embedding.Vectors(words, np.array(rows), np.ones(len(words)))


def sides(old: str = OLD, new: str = NEW, *, new_at: int = 4) -> tuple[Side, Side]:
    a = [seg(t, str(k)) for k, t in enumerate(STEADY[:4] + [old] + STEADY[4:])]
    b_texts = STEADY[:new_at] + [new] + STEADY[new_at:]
    b = [seg(t, str(k)) for k, t in enumerate(b_texts)]
    return Side(a), Side(b)


def steady_pairs(sa: Side, sb: Side) -> dict[int, tuple[int, float]]:
    where = {t: j for j, t in enumerate(sb.text)}
    return {i: (where[t], 1.0) for i, t in enumerate(sa.text) if t in where}


def links(sa: Side, sb: Side, vec: embedding.Vectors, extra: set[tuple[int, int]] = frozenset()):
    pairs = steady_pairs(sa, sb)
    linked = {(i, j) for i, (j, _) in pairs.items()} | set(extra)
    return by_meaning(sa, sb, pairs, linked, vec)


def test_a_rewrite_in_other_words_is_linked_by_meaning():
    sa, sb = sides()
    assert links(sa, sb, vectors()) == {(4, 4)}


def test_words_of_unrelated_meaning_link_nothing():
    sa, sb = sides()
    assert links(sa, sb, vectors(same=False)) == set()


def test_a_meaning_every_clause_shares_does_not_stand_out():
    sa, sb = sides()
    assert links(sa, sb, vectors(every=True)) == set()


def test_the_two_must_sit_between_the_same_aligned_neighbours():
    sa, sb = sides(new_at=8)  # the rewrite moved past four steady clauses
    assert links(sa, sb, vectors()) == set()


def test_a_clause_linked_already_is_not_linked_again():
    sa, sb = sides()
    assert links(sa, sb, vectors(), extra={(4, 0)}) == set()
    assert links(sa, sb, vectors(), extra={(0, 4)}) == set()


def test_short_clauses_are_never_linked_by_meaning():
    short_old = " ".join(list(SYNONYMS)[: MEANING_WORDS - 1]) + "."
    short_new = " ".join(list(SYNONYMS.values())[: MEANING_WORDS - 1]) + "."
    sa, sb = sides(short_old, short_new)
    assert links(sa, sb, vectors()) == set()


def test_a_vector_read_off_too_few_known_words_links_nothing():
    # seven content words, but only MEANING_WORDS - 1 of them known to the vectors
    known = list(SYNONYMS)[: MEANING_WORDS - 1]
    sa, sb = sides(" ".join(known + ["zzunknown", "qqunknown"]) + ".")
    assert len(sa.words[4]) > MEANING_WORDS
    assert links(sa, sb, vectors()) == set()


def test_two_rewrites_in_one_stretch_each_find_their_own():
    # the new text puts them in the other order: within the stretch, meaning decides
    a = [seg(t, str(k)) for k, t in enumerate(STEADY[:4] + [OLD, OTHER_OLD] + STEADY[4:])]
    b = [seg(t, str(k)) for k, t in enumerate(STEADY[:4] + [OTHER_NEW, NEW] + STEADY[4:])]
    sa, sb = Side(a), Side(b)
    assert links(sa, sb, vectors()) == {(4, 5), (5, 4)}


def test_a_second_clause_of_the_same_meaning_leaves_neither_standing_out():
    a = [
        seg(t, str(k))
        for k, t in enumerate(STEADY[:4] + [OLD, OLD.replace("grant", "transfer")] + STEADY[4:])
    ]
    b = [seg(t, str(k)) for k, t in enumerate(STEADY[:4] + [NEW] + STEADY[4:])]
    sa, sb = Side(a), Side(b)
    assert links(sa, sb, vectors()) == set()


def test_no_vectors_no_links():
    sa, sb = sides()
    empty = embedding.Vectors([], np.zeros((0, 4)), np.zeros(0))
    assert links(sa, sb, empty) == set()


def test_compare_shows_the_link_beside_the_pairing(monkeypatch):
    monkeypatch.setattr(meaning, "load", vectors)
    sa, sb = sides()
    rows = compare(sa.segs, sb.segs)
    gone = next(p for p in rows if p.kind == "removed")
    new = next(p for p in rows if p.kind == "added")
    assert [s.text for s in gone.more_into] == [NEW]
    assert [s.text for s in new.more_from] == [OLD]
    # and says that the link is one of meaning, not of shared words
    assert (gone.meaning_into, gone.meaning_from) == (frozenset({new.b.path}), frozenset())
    assert (new.meaning_from, new.meaning_into) == (frozenset({gone.a.path}), frozenset())
    assert all(p.kind == "unchanged" for p in rows if p not in (gone, new))
    assert all(not p.meaning_from and not p.meaning_into for p in rows if p not in (gone, new))


CORPUS = [
    "You may distribute copies of the program to anyone.\n\nThe program comes without warranty of any kind.",
    "You may share copies of the program to anyone.\n\nThe software comes without warranty of any kind.",
    "Each licensee may distribute copies of the work freely.\n\nNo warranty is given for the work.",
    "Each licensee may share copies of the work freely.\n\nNo liability is accepted for the work.",
    "You may distribute copies of the program to anyone.\n\nThe program comes without warranty of any kind.",
]


def test_words_in_the_same_company_get_close_vectors():
    vec = embedding.train(CORPUS, dims=4, min_count=1)
    cos = vec.matrix @ vec.matrix.T
    i = vec.index
    assert cos[i["distribute"], i["share"]] > cos[i["distribute"], i["warranty"]]
    assert cos[i["distribute"], i["share"]] > 0.9


def test_training_is_deterministic_and_the_file_round_trips():
    one = embedding.train(CORPUS, dims=4, min_count=1)
    two = embedding.train(CORPUS, dims=4, min_count=1)
    assert one.words == two.words
    assert np.array_equal(one.matrix, two.matrix)
    buf = io.BytesIO()
    one.save(buf)
    buf.seek(0)
    back = embedding.read(buf)
    assert back.words == one.words
    assert np.allclose(back.matrix, one.matrix, atol=2e-3)
    assert np.allclose(back.idf, one.idf, atol=1e-2)


def test_each_distinct_paragraph_counts_once():
    paras = embedding.paragraphs(CORPUS)
    assert len(paras) == 8  # the fifth text repeats the first: none of its paragraphs is new
    assert paras[0] == [
        "distribute",
        "copies",
        "program",
        "anyone",
    ]  # "you", "may", "of", "the", "to" are function words


def test_a_clause_vector_weighs_known_words_by_idf_and_ignores_the_rest():
    vec = embedding.Vectors(["x", "y"], np.eye(2), np.array([3.0, 1.0]))
    assert np.allclose(vec.clause(["x", "y", "unknown"]), np.array([3.0, 1.0]) / np.sqrt(10))
    assert not vec.clause(["unknown"]).any()
    assert vec.clauses([]).shape == (0, 2)
    many = [["x", "y", "unknown"], ["unknown"], ["y", "y", "x"], []]
    assert np.allclose(vec.clauses(many), np.vstack([vec.clause(w) for w in many]))


def test_the_shipped_vectors_are_small_and_load():
    assert embedding.VECTORS.stat().st_size < 3_000_000
    vec = embedding.load()
    assert vec is not None and len(vec.words) > 1000 and vec.dims >= 100
    assert np.allclose(np.linalg.norm(vec.matrix, axis=1), 1, atol=1e-2)  # no word without a vector
    assert len(vec.idf) == len(vec.words)
