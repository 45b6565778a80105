"""Families: create one, its stored clause groups, the variant table and hand corrections."""

import pytest
from django.core.exceptions import ValidationError

from licenses import rules
from licenses.families import selectors, services
from licenses.families.models import ClauseGroup, ClauseGroupMember, Family
from licenses.models import License
from tests.factories import SAMPLE_TEXT, make_license, make_user, make_version

pytestmark = pytest.mark.django_db

NC_TEXT = SAMPLE_TEXT.replace(
    "3. No Warranty.",
    "3. NonCommercial.\n\nYou may not use the Model commercially, in any way.\n\n4. No Warranty.",
)
ND_TEXT = SAMPLE_TEXT.replace("You must keep this notice.", "You must keep this notice and the license text.")


@pytest.fixture
def members():
    by = make_version(make_license(slug="s-by", name="Sample BY"), label="2.0")
    nc = make_version(make_license(slug="s-by-nc", name="Sample BY-NC"), text=NC_TEXT, label="2.0")
    nd = make_version(make_license(slug="s-by-nd", name="Sample BY-ND"), text=ND_TEXT, label="2.0")
    return by, nc, nd


@pytest.fixture
def family(members):
    moderator = make_user(roles=("moderator",))
    by, nc, nd = members
    return services.family_create(
        name="Sample 2.0", members=[nc.license, by.license, nd.license], base=by.license, user=moderator
    )


def _row(table, path):
    """The row of the base member's clause ``path``."""
    return next(r for r in table.rows if r.cells[0].clause is not None and r.cells[0].clause.path == path)


def test_a_family_aligns_its_members_against_the_base(family, members):
    by, nc, nd = members
    table = selectors.variant_table(family)
    assert [v.pk for v in table.versions] == [by.pk, nc.pk, nd.pk]  # the base first
    assert [c.state for c in _row(table, "2.2(b)").cells] == ["identical"] * 3
    assert [c.state for c in _row(table, "2.2(a)").cells] == ["identical", "identical", "differs"]
    noncommercial = next(r for r in table.rows if "NonCommercial" in r.heading)
    assert [c.state for c in noncommercial.cells] == ["absent", "identical", "absent"]
    assert [c.clause.path for c in _row(table, "3").cells] == ["3", "4", "3"]  # renumbered in BY-NC


def test_creating_needs_a_steward_or_moderator_and_two_members(members):
    by, nc, _ = members
    with pytest.raises(services.NotAllowed):
        services.family_create(
            name="X", members=[by.license, nc.license], user=make_user(roles=("reviewer",))
        )
    steward = make_user(roles=("steward",))
    with pytest.raises(ValidationError, match="at least two"):
        services.family_create(name="X", members=[by.license], user=steward)
    with pytest.raises(ValidationError, match="base license must be one of the members"):
        services.family_create(name="X", members=[by.license, nc.license], base=make_license(), user=steward)
    assert not Family.objects.exists()


def test_a_new_version_of_a_member_joins_the_rows_and_old_clauses_keep_theirs(family, members):
    by, nc, nd = members
    old_notice = nc.clauses.get(path="2.2(b)")
    newer = make_version(nc.license, text=NC_TEXT.replace("as a dataset", "as a data set"), label="3.0")
    table = selectors.variant_table(family)
    assert table.versions[1] == newer
    cells = _row(table, "2.2(b)").cells
    assert (cells[1].clause.version_id, cells[1].state) == (newer.pk, "differs")
    # the 2.0 clause stays in its row, for reviews of 2.0
    assert ClauseGroupMember.objects.get(clause=old_notice).group == _row(table, "2.2(b)").group


def test_a_hand_placed_clause_stays_through_a_realignment(family, members):
    by, nc, nd = members
    moderator = make_user(roles=("moderator",))
    warranty = nd.clauses.get(path="3")
    definitions = ClauseGroupMember.objects.get(clause=by.clauses.get(path="1")).group
    with pytest.raises(ValidationError, match="already holds"):
        services.group_place(family=family, clause=warranty, group=definitions, user=moderator)
    own = services.group_place(family=family, clause=warranty, group=None, user=moderator)
    assert list(own.entries.values_list("clause", "manual")) == [(warranty.pk, True)]
    row = next(r for r in selectors.variant_table(family).rows if r.group == own)
    assert [c.state for c in row.cells] == ["absent", "absent", "identical"]
    assert row.cells[2].manual
    # realigning from scratch keeps it there (the siblings' warranties may join it: same words)
    services.family_realign(family=family, user=moderator)
    assert ClauseGroupMember.objects.get(clause=warranty).group == own
    assert ClauseGroupMember.objects.get(clause=warranty).manual


def test_only_moderators_and_the_members_stewards_edit(family, members):
    steward = make_user(roles=("steward",))
    assert not rules.may_edit_family(steward, family)
    members[0].license.stewards.add(steward)
    assert rules.may_edit_family(steward, family)
    with pytest.raises(services.NotAllowed):
        services.family_realign(family=family, user=make_user(roles=("reviewer",)))


def test_variant_table_page_in_a_fixed_number_of_queries(client, django_assert_max_num_queries, family):
    with django_assert_max_num_queries(8):
        response = client.get(family.get_absolute_url())
    assert response.status_code == 200
    html = response.content.decode()
    assert "wording differs" in html and "Sample BY-NC" in html
    for n in range(3):
        License.objects.get(slug="s-by").pk  # noqa: B018 - keep the fixture's rows warm
        extra = make_version(
            make_license(slug=f"s-more-{n}"), text=ND_TEXT + f"\n{n}. Extra {n}.\n", label="1"
        )
        family.members.add(extra.license)
    services.groups_refresh(family=family)
    with django_assert_max_num_queries(8):
        assert client.get(family.get_absolute_url()).status_code == 200


def test_cell_shows_the_redline(client, family, members):
    by, nc, nd = members
    clause = nd.clauses.get(path="2.2(a)")
    group = ClauseGroupMember.objects.get(clause=clause).group
    url = f"/families/{family.slug}/cells/{group.pk}/{clause.pk}/"
    page = client.get(url)
    assert "<ins>" in page.content.decode() and "the license text" in page.content.decode()
    fragment = client.get(url, headers={"HX-Request": "true"}).content.decode()
    assert "<html" not in fragment and "Wording differs" in fragment
    other = ClauseGroup.objects.exclude(pk=group.pk).filter(family=family).first()
    assert client.get(f"/families/{family.slug}/cells/{other.pk}/{clause.pk}/").status_code == 404


def test_create_page_flow(client, members):
    by, nc, nd = members
    client.force_login(make_user(roles=("steward",)))
    assert client.get("/families/new/").status_code == 200
    response = client.post("/families/new/", {"name": "Sample", "members": [by.license.pk]})
    assert "Pick at least two" in response.content.decode()
    response = client.post(
        "/families/new/",
        {
            "name": "Sample",
            "members": [by.license.pk, nc.license.pk],
            "base": by.license.pk,
            "description": "",
        },
    )
    family = Family.objects.get()
    assert response["Location"] == family.get_absolute_url() == "/families/sample/"
    assert family.groups.exists()


def test_writes_answer_404_to_others(client, family, members):
    by, nc, nd = members
    client.force_login(make_user(roles=("reviewer",)))
    assert client.get("/families/new/").status_code == 404
    assert client.get(f"/families/{family.slug}/edit/").status_code == 404
    assert client.post(f"/families/{family.slug}/realign/").status_code == 404
    clause = nd.clauses.get(path="3")
    group = ClauseGroupMember.objects.get(clause=clause).group
    before = list(ClauseGroupMember.objects.values_list("pk", "group", "manual"))
    assert (
        client.post(f"/families/{family.slug}/cells/{group.pk}/{clause.pk}/move/", {"group": ""}).status_code
        == 404
    )
    assert list(ClauseGroupMember.objects.values_list("pk", "group", "manual")) == before


def test_import_license_names_a_family(tmp_path):
    from django.core.management import call_command

    first, second = tmp_path / "a.txt", tmp_path / "b.txt"
    first.write_text(SAMPLE_TEXT)
    second.write_text(NC_TEXT)
    call_command(
        "import_license", first, slug="a", name="A", version_label="1", family="fam", family_name="Fam"
    )
    call_command("import_license", second, slug="b", name="B", version_label="1", family="fam")
    family = Family.objects.get(slug="fam")
    assert (family.name, sorted(family.members.values_list("slug", flat=True))) == ("Fam", ["a", "b"])
    table = selectors.variant_table(family)
    assert [c.state for c in _row(table, "2.2(b)").cells] == ["identical", "identical"]
