"""Texts too large for the full alignment get the quick one, and the compare page says so."""

import pytest
from django.core.cache import cache
from django.urls import reverse

from licenses.text.comparison import compare, summary
from licenses.text.segmentation import Segment
from tests.factories import make_license, make_version, numbered_text


def seg(text: str, k: int) -> Segment:
    return Segment(f"{k}.", str(k), str(k), "", text, 0, len(text), 0, None)


def test_the_full_alignment_is_not_quick():
    a = [seg("You may copy the work.", 1), seg("No warranty is given.", 2)]
    b = [seg("You may copy and share the work.", 1), seg("No warranty is given.", 2)]
    pairs = compare(a, b)
    assert not pairs.quick
    assert summary(pairs)["quick"] is False


def test_one_clause_against_one_is_not_quick_however_long():
    text = "word " * 40_000
    assert not compare([seg(text, 1)], [seg(text + "more", 1)]).quick


def test_thousands_of_clauses_are_aligned_quickly_and_say_so():
    a = [seg(f"Clause {k} speaks of licensor{k} and patent{k}.", k) for k in range(700)]
    b = [seg(f"Clause {k} speaks of licensor{k} and patents{k}.", k) for k in range(700)]
    pairs = compare(a, b)
    assert pairs.quick
    assert summary(pairs)["quick"] is True
    assert {s.anchor for p in pairs for s in p.a_segments} == {s.anchor for s in a}


@pytest.mark.django_db
def test_the_compare_page_says_when_the_alignment_was_quick(client):
    cache.clear()
    lic = make_license(slug="huge")
    make_version(lic, text=numbered_text(700), label="1")
    make_version(lic, text=numbered_text(700).replace("says something", "says more"), label="2")
    page = client.get(reverse("licenses:compare"), {"a": "huge@1", "b": "huge@2"})
    assert page.status_code == 200
    assert "too large for the full alignment" in page.content.decode()

    small = make_license(slug="small")
    make_version(small, text=numbered_text(5), label="1")
    make_version(small, text=numbered_text(5).replace("says something", "says more"), label="2")
    page = client.get(reverse("licenses:compare"), {"a": "small@1", "b": "small@2"})
    assert "too large for the full alignment" not in page.content.decode()
    cache.clear()
