"""This process's copies of kept pages (config.recent): bounded by count and by size, least
recently used out first; and a kept page is served from the copy once the shared cache lost it
(its key names everything it rests on)."""

import pytest
from django.core.cache import cache
from django.test import Client

from config import recent
from config.recent import Recent
from tests.factories import make_review


def test_bounded_by_count_least_recently_used_out_first():
    kept = Recent(max_items=2, max_bytes=1000)
    kept.put("a", "1")
    kept.put("b", "2")
    assert kept.get("a") == "1"  # now the most recent
    kept.put("c", "3")
    assert (kept.get("a"), kept.get("b"), kept.get("c")) == ("1", None, "3")
    assert len(kept) == 2


def test_bounded_by_size():
    kept = Recent(max_items=10, max_bytes=10)
    kept.put("a", "x" * 6)
    kept.put("b", "y" * 6)
    assert kept.get("a") is None and kept.get("b") == "y" * 6
    kept.put("b", "z" * 3)  # replaced, counted once
    kept.put("c", "w" * 7)
    assert kept.get("b") == "z" * 3 and kept.get("c") == "w" * 7
    kept.put("huge", "h" * 11)  # never kept
    assert kept.get("huge") is None and kept.get("b") == "z" * 3


@pytest.mark.django_db
def test_a_visitor_is_served_the_copy_and_a_write_makes_a_new_page():
    review = make_review()
    path = review.get_absolute_url()
    Client().get(path)
    assert len(recent.pages) == 1
    cache.clear()  # the shared cache lost it (another worker's restart, an eviction)
    assert Client().get(path).status_code == 200
    assert len(recent.pages) == 1  # served from the copy, nothing new rendered
    review.status = "deferred"
    review.save()
    assert "Deferred" in Client().get(path).content.decode()
    assert len(recent.pages) == 2
