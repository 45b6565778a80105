"""Invariants of licenses.text.segmentation.segment, checked with hypothesis."""

import time

from hypothesis import given, settings
from hypothesis import strategies as st

from licenses.text.segmentation import segment

# Lines built from pieces real licenses contain, so that numbering paths get exercised.
_PIECES = [
    "1.",
    "2.",
    "1.1",
    "2.2(b)",
    "(a)",
    "(b)",
    "(i)",
    "(ii)",
    "a)",
    "i.",
    "A.",
    "Section 3.",
    "§ 4",
    "Article 2 -",
    "0.",
    "#",
    "##",
    "**",
    "__",
    "*",
    "**2. Grant.**",
    '- **"Output"** means',
    "- ",
    '"Licensor" means',
    "TERMS AND CONDITIONS",
    "\t",
    "  ",
    "\ufeff",
    "\r",
    "\f",
    "You may copy it.",
    "of this License",
    "(((",
    ":",
    ";",
]
_line = st.lists(st.sampled_from(_PIECES) | st.text(max_size=12), max_size=6).map(" ".join)
_texts = st.lists(_line, max_size=25).map("\n".join)
_any_text = st.text(max_size=300) | _texts


def _check_spans(text, segs):
    prev_end = 0
    covered = [False] * len(text)
    for k, s in enumerate(segs):
        assert 0 <= s.start <= s.end <= len(text)
        assert s.start >= prev_end, "spans overlap or are out of order"
        prev_end = s.end
        for j in range(s.start, s.end):
            covered[j] = True
        if s.parent is None:
            assert s.depth == 0
        else:
            assert 0 <= s.parent < k and segs[s.parent].depth == s.depth - 1
    missing = [j for j, ch in enumerate(text) if not ch.isspace() and not covered[j]]
    assert not missing, f"non-blank characters outside every span: {missing[:5]}"
    assert len({s.anchor for s in segs}) == len(segs)
    assert all(s.anchor and all(c.isalnum() or c in ".-_" for c in s.anchor) for s in segs)


@settings(max_examples=300, deadline=None)
@given(_any_text)
def test_spans_are_ordered_disjoint_and_cover_all_visible_text(text):
    _check_spans(text, segment(text))


@settings(max_examples=150, deadline=None)
@given(_any_text)
def test_segmentation_is_deterministic(text):
    assert segment(text) == segment(text)


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.characters(codec="utf-8"), max_size=500))
def test_never_raises_on_any_string(text):
    # Any string, not only license-like ones: still well-formed segments over the text.
    segs = segment(text)
    assert isinstance(segs, list)
    _check_spans(text, segs)
    assert all(text[s.start : s.end].strip() for s in segs), "a segment covers only blanks"
    assert bool(segs) == bool(text.strip()), "visible text gives a segment, blank text none"


def _timed(text):
    t0 = time.process_time()  # CPU time: other jobs on a busy machine do not count
    segs = segment(text)
    elapsed = time.process_time() - t0
    _check_spans(text, segs)
    return elapsed


def test_adversarial_200kb_inputs_finish_under_a_second():
    inputs = [
        "1.\n" * 50_000 + "x" * 50_000,
        "(" * 200_000,
        "(((\n" * 50_000,
        "1.1.1.1.1" * 22_000,
        "\n".join(f"{n}. Clause {n} text." for n in range(1, 14_000)),
        ("i.\n" + "(a) " * 10 + "\n") * 4_500,
        '"' + "a" * 199_000 + '" means',
        ("Section 2.2 of\n" * 14_000),
    ]
    for text in inputs:
        assert len(text) >= 150_000
        assert _timed(text) < 1.0
