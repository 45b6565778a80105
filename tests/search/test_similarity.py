"""MinHash signatures (pure) and the similar-clause / closest-license reads built on them."""

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from search import similarity
from search.neighbours import closest_report, closest_versions, similar_clauses
from tests.factories import SAMPLE_TEXT, make_license, make_version


def test_identical_texts_have_identical_signatures():
    a, n = similarity.signature("The Licensor grants you a worldwide royalty-free license.")
    b, _ = similarity.signature("the licensor grants YOU a worldwide, royalty-free license")
    assert n == 6
    assert np.array_equal(a, b)
    assert similarity.estimate(a, similarity.stack([similarity.to_bytes(b)]))[0] == 1.0


def test_estimate_tracks_jaccard():
    base = " ".join(f"word{i}" for i in range(300))
    half = " ".join(f"word{i}" for i in range(150)) + " " + " ".join(f"other{i}" for i in range(150))
    a, _ = similarity.signature(base)
    b, _ = similarity.signature(half)
    est = similarity.estimate(a, similarity.stack([similarity.to_bytes(b)]))[0]
    assert 0.2 < est < 0.45  # true Jaccard of the 3-shingles: 148 / 448 = 0.33


def test_empty_text():
    sig, n = similarity.signature("the of and 12 (a)")
    assert n == 0 and sig.shape == (similarity.NUM_PERM,)


def test_bytes_round_trip():
    sig, _ = similarity.signature("grant of copyright license")
    assert np.array_equal(similarity.from_bytes(similarity.to_bytes(sig)), sig)


def test_resemblance():
    assert similarity.resemblance("Grant of patent license", "grant of patent licence") == pytest.approx(
        2 / 3
    )
    assert similarity.resemblance("", "") == 1.0
    assert similarity.resemblance("of the", "of the") == 1.0  # no content words, same text
    assert similarity.resemblance("a b c", "") == 0.0
    assert similarity.resemblance("warranty disclaimer", "") == 0.0


def test_top_is_stable():
    assert similarity.top(np.array([0.1, 0.5, 0.5, 0.9], dtype=np.float32), 3) == [3, 1, 2]
    assert similarity.top(np.array([], dtype=np.float32), 3) == []


@settings(max_examples=50, deadline=None)
@given(st.text(max_size=300), st.text(max_size=300))
def test_resemblance_is_symmetric_and_bounded(a, b):
    r = similarity.resemblance(a, b)
    assert 0.0 <= r <= 1.0
    assert r == pytest.approx(similarity.resemblance(b, a))


# --- against the database ----------------------------------------------------------------------

DERIVED = SAMPLE_TEXT.replace(
    "you must include a notice that it was made with the Model.",
    "you must include a prominent notice stating that it was generated with the Model and link to it.",
)
UNRELATED = """Unrelated Terms

1. Payment.

The customer pays the fee within thirty days of the invoice.

2. Termination.

Either party may end this agreement with ninety days written notice.
"""


@pytest.fixture
def catalogue(db, index_on_commit):
    base = index_on_commit(make_version, make_license(name="Base License", spdx_id="BASE-1.0"), label="1.0")
    derived = index_on_commit(make_version, make_license(name="Derived License"), text=DERIVED, label="1.0")
    other = index_on_commit(make_version, make_license(name="Other Terms"), text=UNRELATED, label="1.0")
    return base, derived, other


def test_similar_clauses_in_other_licenses(catalogue):
    base, derived, other = catalogue
    clause = base.clauses.get(anchor="2.2.b")
    found = similar_clauses(clause)
    assert found[0].clause.version == derived
    assert found[0].clause.anchor == "2.2.b"
    assert 0.5 < found[0].resemblance < 1.0
    assert ("insert", "prominent ") in found[0].redline or any(op == "insert" for op, _ in found[0].redline)
    assert all(s.clause.version.license_id != base.license_id for s in found)


def test_identical_wordings_are_grouped(catalogue, index_on_commit):
    base, derived, _ = catalogue
    copy = index_on_commit(make_version, make_license(name="Copy License"), text=DERIVED, label="1.0")
    found = similar_clauses(base.clauses.get(anchor="2.2.b"))
    first = found[0]
    assert {first.clause.version_id, *(c.version_id for c in first.same_wording)} == {derived.pk, copy.pk}


def test_closest_versions_rank_the_base_first(catalogue):
    base, derived, other = catalogue
    ranked = closest_versions(DERIVED, exclude=derived)
    assert ranked[0].version == base
    assert ranked[0].resemblance > 0.8
    assert ranked[-1].version == other or len(ranked) == 1


def test_closest_report_says_what_changed(catalogue):
    base, _, _ = catalogue
    report = closest_report(
        SAMPLE_TEXT.replace("provided as is.", "provided as is, without any guarantee of fitness.")
    )
    assert report.top.version == base
    assert "Base License 1.0" in report.headline and "with 1 clause changed" in report.headline
    assert report.rows and all(row.is_change for row in report.rows)


def test_closest_report_for_an_identical_text(catalogue):
    report = closest_report(SAMPLE_TEXT)
    assert report.identical
    assert report.headline == "This is Base License 1.0, word for word."


def test_nothing_close():
    report = closest_report("the of and")
    assert report.closest == [] and "No license" in report.headline
