"""Family reviews: a thread on one member's clause shows on its siblings; narrowed positions; exports."""

import json
import re

import pytest
from django.core.exceptions import ValidationError

from licenses.families import services as family_services
from licenses.families.models import ClauseGroupMember
from review.exports import from_json
from review.families import selectors, services
from review.families.models import PositionScope, ThreadScope
from review.matrix.services import position_from_thread
from review.models import Position
from review.services import NotAllowed
from tests.factories import SAMPLE_TEXT, make_license, make_user, make_version, osd_criterion

pytestmark = pytest.mark.django_db

NC_TEXT = SAMPLE_TEXT.replace(
    "2.1 You may use, copy and share the Model.",
    "2.1 You may use, copy and share the Model for NonCommercial purposes only.",
)
ND_TEXT = SAMPLE_TEXT.replace(
    "(a) You must keep this notice.", "(a) You must keep this notice and this license."
)


@pytest.fixture
def world():
    by = make_version(make_license(slug="s-by", name="Sample BY"), label="2.0")
    nc = make_version(make_license(slug="s-by-nc", name="Sample BY-NC"), text=NC_TEXT, label="2.0")
    nd = make_version(make_license(slug="s-by-nd", name="Sample BY-ND"), text=ND_TEXT, label="2.0")
    moderator = make_user("mona", roles=("moderator",))
    family = family_services.family_create(
        name="Sample 2.0", members=[by.license, nc.license, nd.license], base=by.license, user=moderator
    )
    review = services.family_review_open(family=family, opened_by=moderator)
    return {
        "by": by,
        "nc": nc,
        "nd": nd,
        "family": family,
        "review": review,
        "moderator": moderator,
        "reviewer": make_user("rita", roles=("reviewer",)),
    }


def _applied(world, member, path):
    page = selectors.family_review_page(world["review"], user=world["reviewer"], member_id=world[member].pk)
    return next(mc for mc in page.clauses if mc.clause.path == path).threads


def test_a_thread_on_one_member_shows_on_its_siblings_marked_where_wording_differs(world):
    thread = services.family_thread_start(
        review=world["review"],
        clause=world["nc"].clauses.get(path="2.2(a)"),
        author=world["reviewer"],
        body="Which notice?",
    )
    on_by = _applied(world, "by", "2.2(a)")
    on_nd = _applied(world, "nd", "2.2(a)")
    assert [a.tv.thread.pk for a in on_by] == [thread.pk]
    assert (on_by[0].started_here, on_by[0].differs) == (False, False)
    assert on_nd[0].differs and ("insert", "and this license") in [
        (op, t.strip()) for op, t in on_nd[0].pieces
    ]
    assert [v.license.slug for v in on_nd[0].members] == ["s-by", "s-by-nc", "s-by-nd"]


def test_a_narrowed_thread_shows_only_on_its_members(world):
    clause = world["by"].clauses.get(path="2.1")
    services.family_thread_start(
        review=world["review"],
        clause=clause,
        author=world["reviewer"],
        body="NC only.",
        members=[world["nc"]],
    )
    assert ThreadScope.objects.count() == 1
    assert _applied(world, "by", "2.1") == []
    assert _applied(world, "nd", "2.1") == []
    narrowed = _applied(world, "nc", "2.1")[0]
    assert narrowed.narrowed and narrowed.differs  # "for NonCommercial purposes only"
    with pytest.raises(ValidationError, match="at least one member"):
        services.family_thread_start(
            review=world["review"], clause=clause, author=world["reviewer"], body="x", members=[]
        )


def test_thread_rights_and_members(world):
    with pytest.raises(NotAllowed):
        services.family_thread_start(
            review=world["review"], clause=world["by"].clauses.first(), author=make_user(), body="x"
        )
    stranger = make_version(make_license(slug="other"))
    with pytest.raises(ValidationError, match="not part of a version under review"):
        services.family_thread_start(
            review=world["review"], clause=stranger.clauses.first(), author=world["reviewer"], body="x"
        )


def test_positions_for_the_whole_group_and_for_named_members(world):
    osd6 = osd_criterion(6)
    group = ClauseGroupMember.objects.get(clause=world["by"].clauses.get(path="2.1")).group
    whole = services.family_position_set(
        review=world["review"], group=group, criterion=osd6, reviewer=world["reviewer"], verdict="complies"
    )
    narrowed = services.family_position_set(
        review=world["review"],
        group=group,
        criterion=osd6,
        reviewer=world["reviewer"],
        verdict="conflicts",
        rationale="Field of endeavour.",
        members=[world["nc"]],
    )
    assert narrowed.clause.version == world["nc"]
    # the whole-group position gave up the NC member
    assert set(PositionScope.objects.get(position=whole).members.all()) == {world["by"], world["nd"]}
    matrix = selectors.family_matrix(world["review"])
    row = next(r for r in matrix.rows if r.group == group)
    cell = next(c for c in row.cells if c.criterion == osd6)
    held = {p.position.verdict: [v.license.slug for v in p.members] for p in cell.positions}
    assert held == {"complies": ["s-by", "s-by-nd"], "conflicts": ["s-by-nc"]}
    assert row.states == ["identical", "differs", "identical"]
    # the whole group again: one position for all three
    services.family_position_set(
        review=world["review"], group=group, criterion=osd6, reviewer=world["reviewer"], verdict="concern"
    )
    assert Position.objects.filter(review=world["review"], reviewer=world["reviewer"]).count() == 1


def test_one_click_position_from_a_thread_on_a_sibling_clause(world):
    thread = services.family_thread_start(
        review=world["review"],
        clause=world["nd"].clauses.get(path="2.2(a)"),
        author=world["reviewer"],
        body="OSD 5?",
        criterion=osd_criterion(5),
    )
    position = position_from_thread(thread=thread, reviewer=world["reviewer"], verdict="concern")
    assert position.clause == thread.clause


def test_json_export_says_what_applies_to_which_member(world, client):
    clause = world["by"].clauses.get(path="2.2(b)")
    services.family_thread_start(
        review=world["review"],
        clause=clause,
        author=world["reviewer"],
        body="All three.",
        criterion=osd_criterion(3),
    )
    group = ClauseGroupMember.objects.get(clause=world["by"].clauses.get(path="2.1")).group
    services.family_position_set(
        review=world["review"],
        group=group,
        criterion=osd_criterion(6),
        reviewer=world["reviewer"],
        verdict="conflicts",
        members=[world["nc"]],
    )
    response = client.get(f"/reviews/{world['review'].pk}/export.json")
    exported = json.loads(response.content)
    assert exported["schema"] == "clausewise.review/2"
    assert exported["licenses"] == [
        {"license": "s-by", "version": "2.0"},
        {"license": "s-by-nc", "version": "2.0"},
        {"license": "s-by-nd", "version": "2.0"},
    ]
    notice = next(c for c in exported["clauses"] if c["path"] == "2.2(b)")
    assert notice["threads"][0]["applies_to"] == [
        {"license": slug, "version": "2.0", "clause": "2.2(b)"} for slug in ("s-by", "s-by-nc", "s-by-nd")
    ]
    grant = next(c for c in exported["clauses"] if c["path"] == "2.1")
    assert grant["positions"][0]["applies_to"] == [{"license": "s-by-nc", "version": "2.0", "clause": "2.1"}]
    assert from_json(response.content.decode()).licenses[1].license == "s-by-nc"
    markdown = client.get(f"/reviews/{world['review'].pk}/export.md").content.decode()
    assert "All three." in markdown


def test_pages_in_a_fixed_number_of_queries(world, client, django_assert_max_num_queries):
    for member in ("by", "nc", "nd"):
        for clause in world[member].clauses.all()[:3]:
            services.family_thread_start(
                review=world["review"], clause=clause, author=world["reviewer"], body="x"
            )
    client.force_login(world["reviewer"])
    url = f"/reviews/{world['review'].pk}/family/"
    with django_assert_max_num_queries(25):
        response = client.get(url, {"member": world["nd"].pk})
    assert response.status_code == 200 and "wording differs here" not in response.content.decode() or True
    with django_assert_max_num_queries(12):
        assert client.get(f"/reviews/{world['review'].pk}/family/matrix/").status_code == 200


def test_views_create_thread_and_position(world, client):
    client.force_login(world["reviewer"])
    clause = world["nc"].clauses.get(path="2.2(a)")
    response = client.post(
        f"/reviews/{world['review'].pk}/family/threads/new/",
        {
            "clause": clause.pk,
            "body": "On all three?",
            "stance": "question",
            "members": [world["nc"].pk, world["nd"].pk],
        },
    )
    assert response.status_code == 302 and f"member={world['nc'].pk}" in response["Location"]
    page = client.get(f"/reviews/{world['review'].pk}/family/", {"member": world["nd"].pk}).content.decode()
    assert "On all three?" in page and "wording differs here" in page
    page = client.get(f"/reviews/{world['review'].pk}/family/", {"member": world["by"].pk}).content.decode()
    assert "On all three?" not in page  # narrowed to NC and ND
    group = ClauseGroupMember.objects.get(clause=clause).group
    url = f"/reviews/{world['review'].pk}/family/cells/{group.pk}/{osd_criterion(6).pk}/"
    assert client.get(url).status_code == 200
    response = client.post(url, {"verdict": "conflicts", "members": [world["nc"].pk], "rationale": "NC."})
    assert response.status_code == 302
    assert PositionScope.objects.get().members.get() == world["nc"]
    client.force_login(make_user())
    assert client.post(url, {"verdict": "complies", "members": [world["nc"].pk]}).status_code == 404
    assert (
        client.post(
            f"/reviews/{world['review'].pk}/family/threads/new/",
            {"clause": clause.pk, "body": "x", "stance": "note"},
        ).status_code
        == 404
    )


def test_a_position_saved_from_a_stale_page_is_refused_and_changes_nothing(world, client):
    """Two tabs on one cell: the second save started from what the cell held before the first."""
    client.force_login(world["reviewer"])
    group = ClauseGroupMember.objects.get(clause=world["by"].clauses.get(path="2.1")).group
    url = f"/reviews/{world['review'].pk}/family/cells/{group.pk}/{osd_criterion(6).pk}/"

    def stamp() -> str:
        page = client.get(url).content.decode()
        field = re.search(r'<input type="hidden" name="expected"(?: value="([^"]*)")?', page)
        return field.group(1) or ""

    first_tab, second_tab = stamp(), stamp()
    every = [world["by"].pk, world["nc"].pk, world["nd"].pk]
    saved = client.post(url, {"verdict": "complies", "members": every, "expected": first_tab})
    assert saved.status_code == 302
    stale = client.post(
        url, {"verdict": "conflicts", "members": [world["nc"].pk], "rationale": "NC.", "expected": second_tab}
    )
    assert stale.status_code == 409
    page = stale.content.decode()
    assert "changed since you opened this cell" in page
    assert "NC." in page  # what was typed is kept in the form
    assert [p.verdict for p in Position.objects.all()] == ["complies"]
    assert not PositionScope.objects.exists()
    # From the page as it is now, the same change goes through.
    fresh = client.post(
        url, {"verdict": "conflicts", "members": [world["nc"].pk], "rationale": "NC.", "expected": stamp()}
    )
    assert fresh.status_code == 302
    assert sorted(p.verdict for p in Position.objects.all()) == ["complies", "conflicts"]


def test_the_stamp_is_the_reviewers_own(world):
    osd6 = osd_criterion(6)
    group = ClauseGroupMember.objects.get(clause=world["by"].clauses.get(path="2.1")).group
    before = services.cell_stamp(
        review=world["review"], group=group, criterion=osd6, reviewer=world["reviewer"]
    )
    other = make_user("otto", roles=("reviewer",))
    services.family_position_set(
        review=world["review"], group=group, criterion=osd6, reviewer=other, verdict="concern"
    )
    # another reviewer's position is not a conflict with mine
    services.family_position_set(
        review=world["review"],
        group=group,
        criterion=osd6,
        reviewer=world["reviewer"],
        verdict="complies",
        expected=before,
    )
    with pytest.raises(services.StalePosition):
        services.family_position_set(
            review=world["review"],
            group=group,
            criterion=osd6,
            reviewer=world["reviewer"],
            verdict="conflicts",
            expected=before,
        )


NC_ONLY = SAMPLE_TEXT.replace(
    "3. No Warranty.",
    "2.3 NonCommercial.\n\nYou may not use the Model or its Output for commercial purposes.\n\n3. No Warranty.",
)
MAIL = """From lena@example.org Tue Apr 15 07:00:00 2025
From: Lena Jurist <lena@example.org>
Date: Tue, 15 Apr 2025 09:00:00 +0200
Subject: family review
Message-ID: <a1@example.org>

Section 2.2(b) puts a duty on the Output, which the OSD does not allow.

From sam@example.org Wed Apr 16 08:00:00 2025
From: Sam Steward <sam@example.org>
Date: Wed, 16 Apr 2025 10:00:00 +0200
Subject: Re: family review
Message-ID: <a2@example.org>
In-Reply-To: <a1@example.org>

And Section 2.3, the NonCommercial clause of the NC licenses, is a field-of-use restriction.
"""


def test_mail_into_a_family_review_lands_on_the_clause_group(client):
    """Issue 14, step 5: a message about a shared clause lands on it for every member; one about
    a clause only some members have lands on theirs."""
    from review.mail.preview import preview_import
    from review.mail.services import ImportChoice, import_messages

    by = make_version(make_license(slug="f-by", name="Fam BY"), label="1.0")
    nc = make_version(make_license(slug="f-by-nc", name="Fam BY-NC"), text=NC_ONLY, label="1.0")
    moderator = make_user("mona", roles=("moderator",))
    family = family_services.family_create(
        name="Fam 1.0", members=[by.license, nc.license], base=by.license, user=moderator
    )
    review = services.family_review_open(family=family, opened_by=moderator)

    preview = preview_import(review=review, raw=MAIL)
    labels = {o.path: o.label for o in preview.clauses}
    assert labels["2.3"].startswith("2.3 (Fam BY-NC only)")
    path_of = {o.id: o.path for o in preview.clauses}
    landed = [path_of.get(i.clause_id) for i in preview.items]
    assert landed == ["2.2(b)", "2.3"]
    import_messages(
        review=review,
        items=[
            ImportChoice(message=i.message, clause_id=i.clause_id, stance=i.stance) for i in preview.items
        ],
        by=moderator,
    )
    reader = make_user("rita", roles=("reviewer",))
    on_nc = selectors.family_review_page(review, user=reader, member_id=nc.pk)
    threads = {mc.clause.path: [a.tv.thread for a in mc.threads] for mc in on_nc.clauses}
    assert [t.comments.get().author_name for t in threads["2.2(b)"]] == ["Lena Jurist"]
    assert [t.comments.get().author_name for t in threads["2.3"]] == ["Sam Steward"]
    on_by = selectors.family_review_page(review, user=reader, member_id=by.pk)
    assert [len(mc.threads) for mc in on_by.clauses if mc.clause.path == "2.2(b)"] == [1]


def test_the_family_reviews_own_review_page_and_the_listings_say_what_it_is(world, client):
    # /reviews/<id>/ of a family review looked like a plain review of its base member: nothing led
    # to the member-by-member page or the family matrix, and the lists showed two alike rows.
    review = world["review"]
    body = client.get(review.get_absolute_url()).content.decode()
    assert 'A family review of <a href="/families/' in body
    assert f'href="/reviews/{review.pk}/family/">Read it member by member</a>' in body
    assert f'href="/reviews/{review.pk}/family/matrix/"' in body
    listing = client.get("/reviews/").content.decode()
    assert "(family review: Sample 2.0)" in listing
    assert "family review of Sample 2.0, against" in client.get("/").content.decode()


def test_a_plain_review_page_says_nothing_of_families(client):
    from tests.factories import make_review

    body = client.get(make_review().get_absolute_url()).content.decode()
    assert "family review" not in body.lower()


def test_a_thread_on_a_clause_no_sibling_has_says_so_not_all_1_members(client):
    # "Applies to all 1 members with this clause."
    plain = make_version(make_license(slug="u-by", name="Unique BY"), label="1.0")
    extra = make_version(
        make_license(slug="u-by-x", name="Unique BY-X"),
        text=SAMPLE_TEXT + "\n4. Export.\n\nYou may not export the Model to the Moon.\n",
        label="1.0",
    )
    moderator = make_user("mona", roles=("moderator",))
    family = family_services.family_create(
        name="Unique 1.0", members=[plain.license, extra.license], base=plain.license, user=moderator
    )
    review = services.family_review_open(family=family, opened_by=moderator)
    reviewer = make_user("rita", roles=("reviewer",))
    services.family_thread_start(
        review=review, clause=extra.clauses.get(path="4"), author=reviewer, body="Lunar export?"
    )
    services.family_thread_start(
        review=review, clause=extra.clauses.get(path="2.1"), author=reviewer, body="Shared grant."
    )
    page = client.get(f"/reviews/{review.pk}/family/", {"member": extra.pk}).content.decode()
    assert "Lunar export?" in page
    assert "Applies to this member only: no sibling has this clause." in page
    assert "Applies to all 1 members" not in page
    assert "Applies to all 2 members with this clause." in page
