import re
from pathlib import Path

import pytest
from django.core.cache import cache
from django.urls import reverse

from licenses.compare import selectors as compare_selectors
from tests.factories import make_license, make_version

pytestmark = pytest.mark.django_db

OLD = """Test License

1. Definitions.

"Software" means the program and its documentation.

2. Grant.

You may use and copy the Software for any purpose, free of charge.

3. Advertising.

All advertising materials mentioning features or use of this software must display an acknowledgement.

4. Warranty.

The Software is provided as is, without warranty of any kind, express or implied.
"""

NEW = """Test License

1. Definitions.

"Software" means the program and its documentation.

2. Grant.

You may use, copy, modify and share the Software for any purpose, free of charge.

3. Patents.

Each contributor grants you a worldwide patent license under the claims they can license.

4. Termination.

Your rights end automatically if you sue anyone for patent infringement over the Software.

5. Warranty.

The Software is provided as is, without warranty of any kind, express or implied.
"""


@pytest.fixture(autouse=True)
def _empty_cache():
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def pair():
    license = make_license(slug="tl", name="Test License", spdx_id="TL-1")
    old = make_version(license, text=OLD, label="1.0")
    new = make_version(license, text=NEW, label="2.0")
    return old, new


def url(**params) -> str:
    query = "&".join(f"{k}={v}" for k, v in params.items())
    return f"{reverse('licenses:compare')}?{query}"


def rows(html: str) -> list[str]:
    return re.findall(r'<section class="cmp-row kind-([\w-]+)', html)


def test_compare_shows_summary_and_aligned_rows(client, pair):
    old, new = pair
    response = client.get(url(a="tl@1.0", b="tl@2.0"))
    assert response.status_code == 200
    html = response.content.decode()
    page = response.context["page"]
    assert page.summary["counts"]["changed"] >= 1
    assert page.summary["counts"]["removed"] == 1
    assert page.summary["counts"]["added"] >= 1
    assert "removed" in rows(html)
    assert "added" in rows(html)
    # both labels link to the clause permalinks of each version
    assert f'href="{old.get_absolute_url()}#c-2"' in html
    assert f'href="{new.get_absolute_url()}#c-2"' in html
    # renumbering is shown, not counted as a change
    assert "renumbered 4. → 5." in html
    assert "<del>" in html and "<ins>" in html
    assert 'id="comparison"' in html


MODELGO = Path(__file__).resolve().parents[4] / "shared" / "data" / "modelgo"


@pytest.mark.skipif(not MODELGO.is_dir(), reason="../shared/data/modelgo is absent")
def test_a_numbered_clause_moved_into_the_preamble_names_the_preamble(client):
    # MG-BY 2.0 moved 1.0's section 2 ("By exercising ... You accept and agree") into its preamble
    license = make_license(slug="mg-by", name="ModelGo Attribution License")
    make_version(license, label="1.0", text=(MODELGO / "V1" / "MG-BY-1.0.txt").read_text(encoding="utf-8"))
    make_version(license, label="2.0", text=(MODELGO / "V2" / "MG-BY-2.0.txt").read_text(encoding="utf-8"))
    html = client.get(url(a="mg-by@1.0", b="mg-by@2.0")).content.decode()
    assert "renumbered 2. → preamble" in html
    assert "→ </span>" not in html  # never an arrow to nothing


def test_side_by_side_redline_splits_old_and_new(client, pair):
    html = client.get(url(a="tl@1.0", b="tl@2.0")).content.decode()
    grant = html[html.index('id="d-2"') :]
    grant = grant[: grant.index("</section>")]
    old_side = grant[grant.index('class="cmp-a"') : grant.index('class="cmp-b"')]
    new_side = grant[grant.index('class="cmp-b"') :]
    assert "<ins>" not in old_side and "<del>" in old_side
    assert "<del>" not in new_side and "<ins>" in new_side


def test_inline_view_and_changes_only(client, pair):
    full = client.get(url(a="tl@1.0", b="tl@2.0")).content.decode()
    response = client.get(url(a="tl@1.0", b="tl@2.0", view="inline", changes="1"))
    assert response.status_code == 200
    html = response.content.decode()
    assert "view-inline" in html and "view-side" not in html
    assert "unchanged" in rows(full)
    assert "unchanged" not in rows(html)
    assert "unchanged clause" in html  # the gap marker says what was hidden
    assert 'aria-checked="true"' in html
    # the toggles keep the other setting
    assert 'href="/compare/?a=tl@1.0&amp;b=tl@2.0&amp;view=inline"' in html
    assert 'href="/compare/?a=tl@1.0&amp;b=tl@2.0&amp;changes=1"' in html


def test_unknown_view_falls_back_to_side(client, pair):
    response = client.get(url(a="tl@1.0", b="tl@2.0", view="<script>"))
    assert response.status_code == 200
    assert "view-side" in response.content.decode()


@pytest.mark.parametrize(
    "params",
    [
        {"a": "tl@9.9", "b": "tl@2.0"},
        {"a": "tl@1.0", "b": "nope@1"},
        {"a": "nothing-at-all", "b": "tl@2.0"},
        {"a": "tl@1.0", "b": "%3Cscript%3Ealert(1)%3C/script%3E"},
        {"a": "@", "b": "@@"},
    ],
)
def test_bad_refs_give_a_clear_message(client, pair, params):
    response = client.get(url(**params))
    assert response.status_code == 404
    html = response.content.decode()
    assert "No license version matches" in html
    assert "<script>alert" not in html
    assert response.context["page"] is None


def test_bad_ref_suggests_versions(client, pair):
    response = client.get(url(a="test", b="tl@2.0"))
    assert response.status_code == 404
    html = response.content.decode()
    assert "Did you mean" in html
    assert "a=tl%401.0&amp;b=tl%402.0" in html


def test_spdx_id_or_slug_redirects_to_the_canonical_address(client, pair):
    response = client.get(url(a="TL-1", b="tl-1.0"))
    assert response.status_code == 302
    assert response["Location"] == "/compare/?a=tl@2.0&b=tl@1.0"


def test_only_a_shows_the_picker_for_b(client, pair):
    old, new = pair
    other = make_version(make_license(name="Other License"), label="3")
    response = client.get(url(a="tl@1.0"))
    assert response.status_code == 200
    html = response.content.decode()
    assert response.context["page"] is None
    assert 'id="cmp-b"' in html and "autofocus" in html
    assert 'value="tl@1.0"' in html
    assert f'<option value="{new.ref}">' in html
    assert f'<option value="{other.ref}">' in html
    # the same license's versions come first
    assert html.index(f"b={new.ref.replace('@', '%40')}") < html.index(f"b={other.ref.replace('@', '%40')}")


def test_empty_page_is_a_plain_form(client, pair):
    response = client.get(reverse("licenses:compare"))
    assert response.status_code == 200
    html = response.content.decode()
    assert '<form class="cmp-picker" method="get" action="/compare/">' in html
    assert 'name="a"' in html and 'name="b"' in html


def test_identical_versions(client, pair):
    response = client.get(url(a="tl@1.0", b="tl@1.0"))
    assert response.status_code == 200
    html = response.content.decode()
    assert "No differences." in html
    assert set(rows(html)) == {"unchanged"}
    html = client.get(url(a="tl@1.0", b="tl@1.0", changes="1")).content.decode()
    assert rows(html) == []


def test_versions_of_different_licenses(client, pair):
    other = make_version(
        make_license(slug="other", name="Other License"), text=NEW.replace("Test", "Other"), label="1"
    )
    response = client.get(url(a="tl@1.0", b=other.ref))
    assert response.status_code == 200
    html = response.content.decode()
    # a side is named by its license, not by a bare version label such as "1"
    assert '<p class="cmp-none">Not in Other License</p>' in html
    assert '<p class="cmp-none">Not in 1</p>' not in html


def test_versions_of_one_license_name_a_side_by_its_label(client, pair):
    html = client.get(url(a="tl@1.0", b="tl@2.0")).content.decode()
    assert '<p class="cmp-none">Not in 2.0</p>' in html


def test_clause_text_is_escaped(client):
    license = make_license(slug="xss")
    make_version(license, text="1. Grant.\n\nYou may <b>use</b> it.\n", label="1")
    make_version(license, text="1. Grant.\n\nYou may <script>alert(1)</script> it.\n", label="2")
    for view in ("side", "inline"):
        html = client.get(url(a="xss@1", b="xss@2", view=view)).content.decode()
        assert "<script>alert" not in html
        # the redline marks only the changed words: "<" stays equal, "script>…</script" is inserted
        assert "script&gt;alert(1)&lt;/script" in html
        assert "<b>use" not in html
        assert "b&gt;use&lt;/b" in html


def test_htmx_view_switch_returns_the_fragment(client, pair):
    response = client.get(
        url(a="tl@1.0", b="tl@2.0", view="inline"), headers={"HX-Request": "true", "HX-Target": "comparison"}
    )
    assert response.status_code == 200
    html = response.content.decode()
    assert html.lstrip().startswith('<div id="comparison"')
    assert "<html" not in html


def test_autocomplete_returns_options(client, pair):
    make_version(make_license(slug="apache", name="Apache License", spdx_id="Apache-2.0"), label="2.0")
    response = client.get(reverse("licenses:compare-versions"), {"b": "apache"})
    assert response.status_code == 200
    html = response.content.decode()
    assert '<option value="apache@2.0">Apache License 2.0 (Apache-2.0)</option>' in html
    assert "tl@" not in html
    html = client.get(reverse("licenses:compare-versions"), {"q": "TL-1"}).content.decode()
    assert html.count("<option") == 2


def test_query_count_is_bounded(client, pair, django_assert_max_num_queries):
    with django_assert_max_num_queries(6):
        assert client.get(url(a="tl@1.0", b="tl@2.0")).status_code == 200
    # warm: the catalogue stamp (a visitor's validator), the two version look-ups and the hand links
    with django_assert_max_num_queries(4):
        assert client.get(url(a="tl@1.0", b="tl@2.0")).status_code == 200
    with django_assert_max_num_queries(4):
        assert client.get(url(a="tl@1.0", b="tl@2.0", view="inline", changes="1")).status_code == 200


def test_query_count_does_not_grow_with_clauses(client, django_assert_max_num_queries):
    license = make_license(slug="big")
    from tests.factories import numbered_text

    make_version(license, text=numbered_text(5), label="1")
    make_version(license, text=numbered_text(80).replace("Clause number 7 ", "Clause seven "), label="2")
    with django_assert_max_num_queries(6):
        assert client.get(url(a="big@1", b="big@2")).status_code == 200


def test_cache_is_keyed_by_text_and_algorithm(pair, monkeypatch):
    old, new = pair
    calls = []
    real = compare_selectors.compare
    monkeypatch.setattr(compare_selectors, "compare", lambda a, b, **kw: calls.append(1) or real(a, b, **kw))
    compare_selectors.compare_page(old, new, view="side", changes_only=False)
    compare_selectors.compare_page(old, new, view="inline", changes_only=True)
    assert len(calls) == 1
    monkeypatch.setattr(compare_selectors, "ALGORITHM_VERSION", "another")
    compare_selectors.compare_page(old, new, view="side", changes_only=False)
    assert len(calls) == 2


def test_moved_clause_says_where_it_went():
    license = make_license(slug="mv")
    body = {
        1: "The licensor grants you a licence to reproduce and distribute the work in any medium.",
        2: "You must give appropriate credit and indicate whether changes were made to the work.",
        3: "The licensor offers the work as is and makes no warranties of any kind about it.",
        4: "These terms are governed by the laws of the country where the licensor resides.",
    }
    old = "\n\n".join(f"{i}. {body[i]}" for i in (1, 2, 3, 4)) + "\n"
    new = "\n\n".join(f"{n}. {body[i]}" for n, i in enumerate((1, 3, 4, 2), start=1)) + "\n"
    a = make_version(license, text=old, label="1")
    b = make_version(license, text=new, label="2")
    page = compare_selectors.compare_page(a, b, view="side", changes_only=False)
    html = str(page.rows_html)
    kinds = rows(html)
    assert "moved" in kinds and "moved-away" in kinds
    moved = re.search(r'id="(d-[\w.-]+)" tabindex="-1" aria-label="Moved', html).group(1)
    assert f'href="#{moved}"' in html  # the stub at the old place links to the new one
    assert f'href="#{moved}-was"' in html  # and the moved row links back


def test_a_hand_correction_is_not_hidden_by_the_cache(client, pair):
    from licenses.corrections.services import clause_merge, correction_undo
    from tests.factories import make_user

    old, new = pair
    editor = make_user(is_superuser=True, is_staff=True)
    before = rows(client.get(url(a=old.ref, b=new.ref)).content.decode())
    first = new.clauses.filter(label__gt="").order_by("ordinal").first()
    clause_merge(clause=first, actor=editor)
    new.refresh_from_db()
    merged = rows(client.get(url(a=old.ref, b=new.ref)).content.decode())
    assert merged != before
    correction_undo(version=new, actor=editor)
    assert rows(client.get(url(a=old.ref, b=new.ref)).content.decode()) == before


def test_without_javascript_the_list_names_every_version(client, pair, monkeypatch):
    """The list of links is how a reader without JavaScript picks a version: none is left out,
    even past the number the <datalist>s carry (it once stopped at 300 of 703)."""
    monkeypatch.setattr(compare_selectors, "PICKER_LIMIT", 2)
    others = [make_version(make_license(name=f"Zeta License {n}"), label="1") for n in range(3)]
    response = client.get(reverse("licenses:compare"))
    html = response.content.decode()
    assert "All versions (5)" in html
    for version in [*pair, *others]:
        assert f'?a={version.ref.replace("@", "%40")}"' in html
    assert html.count("<option value=") == 2 * 2  # two datalists, the first two versions each


def test_secondary_links_name_the_other_clauses(client, django_assert_max_num_queries):
    # Old 2 holds two grants; the new text keeps the first in 2 and moves the second to the
    # end as a clause of its own: new 5 says it was drawn from old 2, and old 2 where its
    # words also went.
    license = make_license(slug="fan")
    grant = (
        "Each contributor grants a licence to reproduce, modify, display, perform and distribute its "
        "contributions in source or object form, with or without modifications, as part of a larger work."
    )
    patents = "Patent claims reading on the work are licensed royalty free by every contributor as well."
    steady = {
        1: "The licensor grants you a licence to reproduce and distribute the work in any medium.",
        3: "The licensor offers the work as is and makes no warranties of any kind about it.",
        4: "These terms are governed by the laws of the country where the licensor resides.",
    }
    old = f"1. {steady[1]}\n\n2. {grant} {patents}\n\n3. {steady[3]}\n\n4. {steady[4]}\n"
    new = f"1. {steady[1]}\n\n2. {grant}\n\n3. {steady[3]}\n\n4. {steady[4]}\n\n5. {patents}\n"
    make_version(license, text=old, label="1")
    make_version(license, text=new, label="2")
    with django_assert_max_num_queries(6):
        html = client.get(url(a="fan@1", b="fan@2")).content.decode()
    added = html[html.index('aria-label="Added: 5"') :]
    added = added[: added.index("</header>")]
    assert "drawn from" in added and 'href="/' in added and "#c-2" in added and "of 1" in added
    changed = html[html.index('aria-label="Changed: 2 → 2"') :]
    changed = changed[: changed.index("</header>")]
    assert "some of its words also went into" in changed and "#c-5" in changed


def test_a_link_by_meaning_is_called_a_rewording_not_shared_words(client, monkeypatch):
    from licenses.text import meaning
    from tests.licenses.text.test_alignment_meaning import NEW as REWORDED
    from tests.licenses.text.test_alignment_meaning import OLD as ORIGINAL
    from tests.licenses.text.test_alignment_meaning import STEADY, vectors

    monkeypatch.setattr(meaning, "load", vectors)  # hand-made vectors: the two clauses mean alike

    def text(middle: str) -> str:
        clauses = [*STEADY[:4], middle, *STEADY[4:]]
        return "Meaning License\n\n" + "\n\n".join(f"{k}. {c}" for k, c in enumerate(clauses, 1))

    lic = make_license(name="Meaning License", slug="meaning")
    make_version(lic, label="1.0", text=text(ORIGINAL))
    make_version(lic, label="2.0", text=text(REWORDED))
    body = client.get(reverse("licenses:compare"), {"a": "meaning@1.0", "b": "meaning@2.0"}).content.decode()
    page = re.sub(r"\s+", " ", re.sub(r"<[^>]+>", "", body))
    # one row, "reworded", where the two clauses name only each other (not "removed" + "added")
    assert 'aria-label="Reworded: 5 → 5"' in body
    assert "Removed: 5" not in body and "Added: 5" not in body
    assert "rewritten, matched by meaning: few words in common" in page
    assert "1 reworded" in page
    assert "live on in" not in page and "drawn from" not in page


def test_a_license_without_versions_is_not_titled_by_the_spdx_imports_1(client, pair):
    # MIT, ISC, BSD: the SPDX import labels their one text "1", a number nobody gave them
    mit = make_version(make_license(slug="mit", name="MIT License", spdx_id="MIT"), text=NEW, label="1")
    html = client.get(url(a="tl@1.0", b=mit.ref)).content.decode()
    title = re.search(r'<h1 class="cmp-title">(.*?)</h1>', html, re.S).group(1)
    assert ">MIT License</a>" in title
    assert '<span class="muted">1.0</span>' in title  # a real version keeps its label
