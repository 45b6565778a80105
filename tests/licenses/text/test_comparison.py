"""Clause alignment and redlines: properties (hypothesis) and known license pairs."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from licenses.sources import spdx_text
from licenses.text.comparison import (
    ALGORITHM_VERSION,
    KINDS,
    Pair,
    clause_text,
    compare,
    label_key,
    rebuild,
    redline,
    summary,
)
from licenses.text.matching import fold
from licenses.text.redline import normalise, tokens
from licenses.text.segmentation import Segment, segment

MODELGO = Path(__file__).resolve().parents[4] / "shared" / "data" / "modelgo"


# no deadline: a busy machine must not turn a slow example into a failure
# derandomize: the same examples on every run, so that a rare input (see the xfail below) cannot
# turn CI red at random; the examples are still many and varied
PROPERTY = settings(suppress_health_check=[HealthCheck.too_slow], deadline=None, derandomize=True)


def seg(text: str, label: str = "", heading: str = "") -> Segment:
    return Segment(label, label or "preamble", label or "preamble", heading, text, 0, len(text), 0, None)


# --- strategies -------------------------------------------------------------------------------

WORDS = [
    "licensor",
    "grant",
    "patent",
    "software",
    "you",
    "may",
    "shall",
    "source",
    "code",
    "notice",
    "copy",
    "distribute",
    "terms",
    "the",
    "of",
]
word = st.sampled_from(WORDS + ["a", "(c)", "Section", "1", "2", ",", ".", ";"])
sentence = st.lists(word, min_size=1, max_size=30).map(" ".join)
label = st.sampled_from(["", "1.", "2.", "(a)", "a.", "b)", "Section 3", "12.", "13"])
segment_st = st.builds(seg, sentence, label)
segments = st.lists(segment_st, max_size=12)


@st.composite
def edited(draw) -> tuple[list[Segment], list[Segment]]:
    """A segment list and a plausible next version: edits, inserts, deletes, swaps, splits."""
    a = draw(segments)
    b: list[Segment] = []
    for s in a:
        op = draw(st.sampled_from(["keep", "keep", "edit", "drop", "split", "relabel", "rewrap"]))
        words = s.text.split()
        if op == "keep":
            b.append(s)
        elif op == "edit":
            at = draw(st.integers(0, len(words)))
            b.append(seg(" ".join(words[:at] + draw(st.lists(word, max_size=4)) + words[at + 1 :]), s.label))
        elif op == "split" and len(words) > 1:
            at = draw(st.integers(1, len(words) - 1))
            b += [seg(" ".join(words[:at]), s.label), seg(" ".join(words[at:]), "")]
        elif op == "relabel":
            b.append(seg(s.text, draw(label)))
        elif op == "rewrap":
            b.append(seg("\n  ".join(words), s.label))
        if draw(st.booleans()) and draw(st.booleans()):
            b.append(draw(segment_st))
    if len(b) > 1 and draw(st.booleans()):
        i, j = draw(st.integers(0, len(b) - 1)), draw(st.integers(0, len(b) - 1))
        b[i], b[j] = b[j], b[i]
    return a, b


# --- properties -------------------------------------------------------------------------------


@PROPERTY
@given(segments)
def test_text_against_itself_is_all_unchanged(a):
    pairs = compare(a, a)
    assert [p.kind for p in pairs] == ["unchanged"] * len(a)
    assert all(p.a is p.b and p.similarity == 1.0 and not p.renumbered for p in pairs)


def _ids(pairs: list[Pair], side: str) -> list[int]:
    return sorted(id(s) for p in pairs for s in (p.a_segments if side == "a" else p.b_segments))


@PROPERTY
@given(edited())
def test_every_segment_appears_exactly_once(ab):
    a, b = ab
    pairs = compare(a, b)
    assert _ids(pairs, "a") == sorted(map(id, a))
    assert _ids(pairs, "b") == sorted(map(id, b))
    assert {p.kind for p in pairs} <= set(KINDS)
    # output follows b's order
    order = [next(i for i, s in enumerate(b) if s is p.b) for p in pairs if p.b is not None]
    assert order == sorted(order)


def _texts(pairs: list[Pair], kind: str, side: str) -> list[str]:
    return sorted(clause_text(s) for p in pairs if p.kind == kind for s in getattr(p, f"{side}_segments"))


@PROPERTY
@given(edited())
def test_swapping_sides_swaps_added_and_removed(ab):
    a, b = ab
    forward, backward = compare(a, b), compare(b, a)
    assert _texts(forward, "added", "b") == _texts(backward, "removed", "a")
    assert _texts(forward, "removed", "a") == _texts(backward, "added", "b")
    assert _texts(forward, "split", "a") == _texts(backward, "merged", "b")
    assert _texts(forward, "merged", "b") == _texts(backward, "split", "a")
    counts, back = summary(forward)["counts"], summary(backward)["counts"]
    assert (counts["added"], counts["removed"]) == (back["removed"], back["added"])


@pytest.mark.xfail(
    strict=True,
    reason="known: with two identical clauses on one side, a split a -> b1 + b2 is not always the "
    "mirror of the merge b1 + b2 -> a (found by Hypothesis; latent since before comparison-13)",
)
def test_swapping_sides_with_duplicated_clauses():
    grant = "grant licensor licensor licensor licensor licensor licensor grant licensor grant licensor"
    a = [seg("licensor"), seg("licensor"), seg(grant), seg("licensor"), seg(grant)]
    b = [seg("licensor"), seg("licensor"), seg("grant"), seg(grant.removeprefix("grant ")), seg("licensor")]
    forward, backward = compare(a, b), compare(b, a)
    assert _texts(forward, "added", "b") == _texts(backward, "removed", "a")


@PROPERTY
@given(edited())
def test_redlines_rebuild_both_sides(ab):
    a, b = ab
    for p in compare(a, b):
        assert (
            rebuild(p.redline, "a") == p.a_text == "\n\n".join(filter(None, map(clause_text, p.a_segments)))
        )
        assert (
            rebuild(p.redline, "b") == p.b_text == "\n\n".join(filter(None, map(clause_text, p.b_segments)))
        )
        assert 0.0 <= p.similarity <= 1.0
        if p.kind == "unchanged" and p.typography:  # only marks differ: the final stop, quotes, case
            assert fold(p.a_text) == fold(p.b_text)
        elif p.kind == "unchanged":
            assert " ".join(p.a_text.split()) == " ".join(p.b_text.split())
            assert label_key(p.a.label) != label_key(p.b.label) or not p.renumbered


prose = st.text(st.sampled_from("ab cd,.;\n\t-*“”é(1)"), max_size=80)


@PROPERTY
@given(prose, prose)
def test_redline_rebuilds_normalised_texts_without_slivers(x, y):
    pieces = redline(x, y)
    assert rebuild(pieces, "a") == normalise(x)
    assert rebuild(pieces, "b") == normalise(y)
    assert all(text for _, text in pieces)
    assert all(p[0] != q[0] for p, q in zip(pieces, pieces[1:], strict=False))  # no two pieces of one kind
    # an equal run between two real (not whitespace-only) changes has more than two tokens
    for k in range(1, len(pieces) - 1):
        before, op, after = pieces[k - 1][1], pieces[k][0], pieces[k + 1][1]
        if op == "equal" and before.strip() and after.strip():
            assert len(tokens(pieces[k][1])) > 2


def test_redline_reads_naturally():
    pieces = redline(
        "You may copy and distribute verbatim copies of the Program's source code.",
        "You may convey verbatim copies of the Program's source code, in any medium.",
    )
    assert pieces == [
        ("equal", "You may "),
        ("delete", "copy and distribute "),
        ("insert", "convey "),
        ("equal", "verbatim copies of the Program's source code"),
        ("insert", ", in any medium"),
        ("equal", "."),
    ]


def test_short_equal_runs_are_folded_into_the_change():
    assert redline("alpha beta the gamma delta", "one two the three four") == [
        ("delete", "alpha beta the gamma delta"),
        ("insert", "one two the three four"),
    ]


def test_whitespace_wrapping_and_decoration_do_not_change_a_clause():
    a = [seg("Termination\n-----------\nThis License   ends\nautomatically.", "8.")]
    b = [seg("Termination\n\nThis License ends automatically.", "9")]
    (p,) = compare(a, b)
    assert p.kind == "unchanged"
    assert p.renumbered
    assert compare([seg("x", "(a)")], [seg("x", "a.")])[0].renumbered is False


def test_star_boxes_are_decoration():
    boxed = (
        "*" * 20
        + "\n*  6. Disclaimer of Warranty  *\n*  ----------  *\n*          *\n*  Provided as is.  *\n"
        + "*" * 20
    )
    assert normalise(boxed) == "6. Disclaimer of Warranty\n\nProvided as is."
    assert normalise("**bold** stays *\n* and so does this") == "**bold** stays * * and so does this"


def test_short_headings_do_not_pair_with_unrelated_short_clauses():
    a = [seg("TERMINATION.", "8."), seg("You may copy the software under these terms.", "9.")]
    b = [seg("SEVERABILITY.", "8."), seg("You may copy the software under these terms and conditions.", "9.")]
    assert [p.kind for p in compare(a, b)] == ["removed", "added", "changed"]


def test_moves_splits_and_merges():
    one = seg("The licensor grants you a worldwide royalty-free licence to copy the software.", "1.")
    two = seg(
        "You must keep every copyright notice and this licence text with each copy you distribute.", "2."
    )
    three = seg("The software is provided as is, without warranty of any kind, express or implied.", "3.")
    moved = compare([one, two, three], [three, one, two])
    assert [(p.kind, p.b is three) for p in moved] == [
        ("moved", True),
        ("unchanged", False),
        ("unchanged", False),
    ]

    first = seg("You must keep every copyright notice and this licence text", "2.")
    second = seg("with each copy of the software that you distribute to others.", "3.")
    whole = seg(
        "You must keep every copyright notice and this licence text with each copy of the software that you distribute to others.",
        "2.",
    )
    (split,) = compare([whole], [first, second])
    assert (split.kind, split.a, split.b, split.b2) == ("split", whole, first, second)
    assert split.b_text == clause_text(first) + "\n\n" + clause_text(second)
    (merged,) = compare([first, second], [whole])
    assert (merged.kind, merged.a, merged.a2, merged.b) == ("merged", first, second, whole)


def test_removed_clauses_sit_near_their_old_neighbours():
    texts = [f"Clause {w} says that the licensee shall {w} the software promptly." for w in WORDS[:5]]
    a = [seg(t, f"{n}.") for n, t in enumerate(texts)]
    pairs = compare(a, a[:2] + a[3:])
    assert [p.kind for p in pairs] == ["unchanged", "unchanged", "removed", "unchanged", "unchanged"]
    assert pairs[2].a is a[2]


def test_summary_and_version():
    pairs = compare([seg("same text here"), seg("old words gone")], [seg("same text here")])
    assert summary(pairs) == {
        "counts": dict.fromkeys(KINDS, 0) | {"unchanged": 1, "removed": 1},
        "renumbered": 0,
        "similarity": 0.6667,  # 2 x 3 shared words / (6 + 3) words
        "quick": False,  # small enough for the full alignment
    }
    assert ALGORITHM_VERSION


# --- known pairs --------------------------------------------------------------------------------


def _pairs(a: str, b: str) -> list[Pair]:
    return compare(segment(a), segment(b))


def _find(pairs: list[Pair], side: str, needle: str) -> Pair:
    """The pair whose ``side`` text contains ``needle`` (whitespace-insensitive)."""
    needle = " ".join(needle.split())
    found = [p for p in pairs if needle in " ".join(getattr(p, f"{side}_text").split())]
    assert found, f"no pair with {needle!r} on side {side}"
    return found[0]


def _inserted(p: Pair) -> str:
    return " ".join("".join(t for op, t in p.redline if op == "insert").split())


def _deleted(p: Pair) -> str:
    return " ".join("".join(t for op, t in p.redline if op == "delete").split())


def test_gpl3_to_agpl3():
    pairs = _pairs(spdx_text("GPL-3.0-only"), spdx_text("AGPL-3.0-only"))
    # §13 is retitled and gains the network-interaction paragraph
    p13 = _find(pairs, "b", "interacting with it remotely through a computer network")
    assert p13.kind == "changed"
    assert "Use with the GNU Affero General Public License" in p13.a_text
    assert "Remote Network Interaction" in _inserted(p13)
    assert "remotely through a computer network" in _inserted(p13)
    # the rest lines up one to one, in order
    assert _find(pairs, "b", "Basic Permissions").kind == "unchanged"
    assert _find(pairs, "b", "Conveying Verbatim Copies").kind == "unchanged"
    counts = summary(pairs)["counts"]
    assert counts["moved"] == counts["split"] == counts["merged"] == 0
    assert summary(pairs)["similarity"] > 0.85


def test_gpl2_to_gpl3():
    pairs = _pairs(spdx_text("GPL-2.0-only"), spdx_text("GPL-3.0-only"))
    # GPL-2.0 §1, §2, §4, §7 and §11 live on as GPL-3.0 §4, §5, §8, §12 and §15
    for new, old in [
        ("Conveying Verbatim Copies", "You may copy and distribute verbatim copies"),
        ("Conveying Modified Source Versions", "You may modify your copy or copies of the Program"),
        (
            "Termination. You may not propagate or modify",
            "You may not copy, modify, sublicense, or distribute",
        ),
        ("No Surrender of Others' Freedom", "If, as a consequence of a court judgment"),
        ("Disclaimer of Warranty", "BECAUSE THE PROGRAM IS LICENSED FREE OF CHARGE"),
    ]:
        p = _find(pairs, "b", new)
        assert p.kind == "changed", new
        assert old in p.a_text, new
        assert p.renumbered, new
    # new in GPL-3.0
    assert _find(pairs, "b", "Protecting Users' Legal Rights From Anti-Circumvention Law").kind == "added"
    assert _find(pairs, "b", "Use with the GNU Affero General Public License").kind == "added"
    verbatim = _find(pairs, "b", "Conveying Verbatim Copies")
    assert "copy and distribute" in _deleted(verbatim)
    assert "convey" in _inserted(verbatim)


def test_apache2_to_ecl2():
    pairs = _pairs(spdx_text("Apache-2.0"), spdx_text("ECL-2.0"))
    patent = _find(pairs, "b", "Grant of Patent License")
    assert patent.kind == "changed"
    assert "is limited to patent claims where the individual that is the author of the Work" in _inserted(
        patent
    )
    assert 0.7 < patent.similarity < 1
    # (a) -> a. in ECL: a style change only
    notice = _find(pairs, "b", "You must give any other recipients of the Work")
    assert notice.kind == "unchanged"
    assert not notice.renumbered
    assert _find(pairs, "b", "Limitation of Liability").kind == "unchanged"
    counts = summary(pairs)["counts"]
    assert counts["added"] == counts["removed"] == counts["moved"] == 0


def test_mpl11_to_mpl20():
    pairs = _pairs(spdx_text("MPL-1.1"), spdx_text("MPL-2.0"))
    assert _find(pairs, "b", '"License" means this document').kind == "unchanged"
    licensable = _find(pairs, "b", '"Licensable" means having the right to grant')
    assert licensable.kind == "changed"
    assert licensable.similarity > 0.8
    steward = _find(pairs, "b", "Mozilla Foundation is the license steward")
    assert steward.kind in ("changed", "moved")
    assert "Netscape" in _deleted(steward)
    # MPL-1.1's "Commercial Use" definition has no counterpart (while the segmenter keeps it
    # in the "Definitions" heading clause, that clause pairs with MPL-2.0's heading only)
    commercial = _find(pairs, "a", '"Commercial Use" means distribution')
    assert commercial.kind == "removed" or commercial.b_text == "Definitions"


@pytest.mark.skipif(not MODELGO.is_dir(), reason="../shared/data/modelgo is not present")
def test_modelgo_by_1_to_2():
    read = lambda rel: (MODELGO / rel).read_text(encoding="utf-8-sig")  # noqa: E731
    pairs = _pairs(read("V1/MG-BY-1.0.txt"), read("V2/MG-BY-2.0.txt"))
    modification = _find(pairs, "b", "MODIFICATION OF THIS LICENSE")
    assert modification.kind == "changed"
    assert "Modification of This License" in modification.a_text
    assert modification.similarity > 0.6
    assert _find(pairs, "a", "Third-Party Materials The Licensed Materials").kind == "removed"
    assert _find(pairs, "a", "Interpretation of Sections 3 and 4").kind == "removed"
    termination = _find(pairs, "b", "This License shall terminate immediately if You breach")
    assert termination.kind == "changed"
    assert "Termination for Patent Action" in termination.a_text


@pytest.mark.skipif(not MODELGO.is_dir(), reason="../shared/data/modelgo is not present")
def test_modelgo_by_2_to_by_nc_2():
    read = lambda rel: (MODELGO / rel).read_text(encoding="utf-8-sig")  # noqa: E731
    pairs = _pairs(read("V2/MG-BY-2.0.txt"), read("V2/MG-BY-NC-2.0.txt"))
    assert _find(pairs, "b", '"NonCommercial" means not primarily intended').kind == "added"
    assert _find(pairs, "b", '"Extracted Models" means any model').kind == "added"
    grant = _find(pairs, "a", "make, have made, use, reproduce, sell, offer to sell")
    assert grant.kind == "changed"
    assert "sell" in _deleted(grant)
    counts = summary(pairs)["counts"]
    assert counts["removed"] == counts["moved"] == 0
    assert counts["unchanged"] > counts["changed"]


@pytest.mark.parametrize("spdx_id", ["GPL-3.0-only", "MPL-2.0", "CC-BY-4.0"])
def test_real_text_against_itself(spdx_id):
    segs = segment(spdx_text(spdx_id))
    assert Counter(p.kind for p in compare(segs, segs)) == Counter({"unchanged": len(segs)})
