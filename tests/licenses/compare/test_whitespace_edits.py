"""A space removed or added between two versions (issue 13, friction): shown as a marked ␣ or ¶
with words for screen readers, never a struck-through space that reads as "-"."""

import re

import pytest
from django.core.cache import cache
from django.urls import reverse

from tests.factories import make_license, make_version

pytestmark = pytest.mark.django_db

OLD = "Test License\n\n1. Grant.\n\nCreative Commons Attribution 4.0 International.\n\n2. End.\n\nThe end.\n"
NEW = "Test License\n\n1. Grant.\n\nCreative Commons Attribution-NonCommercial 4.0 International.\n\n2. End.\n\nThe end.\n"


@pytest.fixture
def pair():
    cache.clear()
    license = make_license(slug="tl", name="Test License", spdx_id="TL-1")
    return make_version(license, text=OLD, label="1.0"), make_version(license, text=NEW, label="2.0")


@pytest.mark.parametrize("view", ["side", "inline"])
def test_a_removed_space_is_a_marked_sign_with_words(client, pair, view):
    html = client.get(f"{reverse('licenses:compare')}?a=tl@1.0&b=tl@2.0&view={view}").content.decode()
    assert not re.search(r"<del>\s+</del>|<ins>\s+</ins>", html)
    assert (
        html.count(
            '<del class="ws" title="space removed"><span aria-hidden="true">␣</span>'
            '<span class="visually-hidden">space removed</span></del>'
        )
        == 1
    )  # side by side: on the old side only
    assert "<ins>-NonCommercial </ins>" in html


def test_quotes_of_another_style_are_marked_quietly_around_an_equal_word(client):
    cache.clear()
    license = make_license(slug="ql", name="Quote License")
    make_version(
        license,
        label="1.0",
        text="Quote License\n\n1. Definitions.\n\n“Contributor” means each entity that creates Software.\n",
    )
    make_version(
        license,
        label="2.0",
        text='Quote License\n\n1. Definitions.\n\n"Contributor" means each legal entity that creates Software.\n',
    )
    html = client.get(f"{reverse('licenses:compare')}?a=ql@1.0&b=ql@2.0").content.decode()
    assert '<del class="mark" title="punctuation style">“</del>Contributor' in html
    assert '<ins class="mark" title="punctuation style">&quot;</ins>Contributor' in html
    assert "<del>“Contributor”" not in html  # the defined term is not struck
    assert "<ins>legal </ins>" in html
