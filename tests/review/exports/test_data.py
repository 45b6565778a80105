"""The review summary's JSON form and the export options (review/exports/data.py), without Django."""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import datetime, timedelta, tzinfo

import pytest

from review.exports.data import (
    SCHEMA,
    AppliesTo,
    Criterion,
    ExportOptions,
    Member,
    ReviewSummary,
    apply_options,
    from_json,
    to_json,
)
from tests.review.exports.builders import T0_PLUS_2, decision, small_summary


def family_summary() -> ReviewSummary:
    """Every field set: two members, applies_to on positions and threads, labels of our own."""
    summary = small_summary(
        "transcript",
        spdx_id="Demo-1.0",
        family="Demo family",
        licenses=[Member("demo", "1.0"), Member("demo-nc", "1.0")],
        decision=decision(),
        generated_at=T0_PLUS_2,
        criteria=[
            Criterion("osd-3", 3, "Derived works", "Derived (OSD 3)"),
            Criterion("osd-9", 9, "No other software"),
        ],
    )
    notices = summary.clauses[0]
    here = [AppliesTo("demo", "1.0", "4.1"), AppliesTo("demo-nc", "1.0", "4.2")]
    notices.positions[0].applies_to = here
    notices.threads[0].applies_to = here[1:]
    return summary


def test_an_export_reads_back_as_the_summary_it_was_written_from():
    summary = family_summary()
    assert from_json(to_json(summary)) == summary


def test_the_json_names_each_member_and_where_each_item_applies():
    data = json.loads(to_json(family_summary()))
    assert data["schema"] == SCHEMA
    assert data["licenses"] == [
        {"license": "demo", "version": "1.0"},
        {"license": "demo-nc", "version": "1.0"},
    ]
    position = data["clauses"][0]["positions"][0]
    assert position["applies_to"] == [
        {"license": "demo", "version": "1.0", "clause": "4.1"},
        {"license": "demo-nc", "version": "1.0", "clause": "4.2"},
    ]
    assert data["clauses"][0]["threads"][0]["applies_to"] == [
        {"license": "demo-nc", "version": "1.0", "clause": "4.2"}
    ]
    assert [c["label"] for c in data["criteria"]] == ["Derived (OSD 3)", "OSD 9"]
    assert data["generated_at"] == "2026-03-01T11:30:00+02:00"


def test_an_export_without_a_generation_time_says_null():
    summary = small_summary("transcript")
    assert summary.generated_at is None
    assert json.loads(to_json(summary))["generated_at"] is None
    assert from_json(to_json(summary)).generated_at is None


def test_the_json_keeps_non_ascii_text_indented_and_ends_with_a_newline():
    summary = small_summary("transcript", license_name="Licence déposée")
    text = to_json(summary)
    assert '"name": "Licence déposée"' in text
    assert text.startswith('{\n  "schema": ')
    assert text.endswith("}\n")


def test_only_a_summary_export_carries_its_digest():
    assert "digest" in json.loads(to_json(small_summary("summary")))
    assert "digest" not in json.loads(to_json(small_summary("transcript")))


# Dates -----------------------------------------------------------------------------------------------


class NoOffset(tzinfo):
    """A zone that knows no offset: as naive as no zone at all."""

    def utcoffset(self, dt: datetime | None) -> timedelta | None:
        return None


@pytest.mark.parametrize(
    "when", [datetime(2026, 3, 1, 9, 30), datetime(2026, 3, 1, 9, 30, tzinfo=NoOffset())]
)
def test_an_export_refuses_a_date_without_an_offset(when):
    with pytest.raises(ValueError, match="Export dates must be timezone-aware"):
        to_json(small_summary("transcript", generated_at=when))


def test_a_file_with_a_date_without_an_offset_is_refused():
    data = json.loads(to_json(small_summary("transcript")))
    data["clauses"][0]["positions"][0]["updated_at"] = "2026-03-01T09:30:00"
    with pytest.raises(ValueError, match=r"Date without a UTC offset: '2026-03-01T09:30:00'\."):
        from_json(json.dumps(data))


# What a file must be ------------------------------------------------------------------------------------


def test_a_file_that_is_not_an_object_is_refused_with_its_schema_unknown():
    with pytest.raises(ValueError, match=r"Not a clausewise\.review/2 \(or /1\) export \(schema: None\)\."):
        from_json("[1, 2]")


def test_a_file_of_another_schema_is_refused_naming_it():
    with pytest.raises(ValueError, match=r"\(schema: 'other/9'\)\.$"):
        from_json(json.dumps({"schema": "other/9"}))


def test_a_file_without_the_kind_or_labels_reads_as_a_transcript_with_labels_derived():
    data = json.loads(to_json(small_summary("summary")))
    del data["options"]["kind"]
    for c in data["criteria"]:
        del c["label"]
    loaded = from_json(json.dumps(data))
    assert loaded.options.kind == "transcript"
    assert [c.label for c in loaded.criteria] == ["OSD 3", "OSD 9"]


def test_labels_of_a_set_that_is_not_the_osd_are_their_keys():
    summary = small_summary(
        "transcript", criterion_set="dfsg", criteria=[Criterion("dfsg-1", 1, "Free redistribution")]
    )
    assert summary.criteria[0].label == "dfsg-1"


def test_an_unknown_export_kind_is_refused_naming_the_kinds():
    with pytest.raises(
        ValueError, match=r"^Unknown export kind 'digest'; expected one of summary, transcript\.$"
    ):
        ExportOptions(kind="digest")


# Files of schema /1 ----------------------------------------------------------------------------------------


def version_1(summary: ReviewSummary, clause_url: str) -> str:
    """The summary as a /1 file wrote it: no members, no applies_to, clause links under /licenses/."""
    data = json.loads(to_json(summary))
    data["schema"] = "clausewise.review/1"
    for key in ("family", "licenses"):
        del data[key]
    for cl in data["clauses"]:
        cl["url"] = clause_url.format(anchor=cl["anchor"])
        for item in (*cl["positions"], *cl["threads"]):
            del item["applies_to"]
    return json.dumps(data)


def test_a_version_1_file_gets_its_member_from_its_clause_links():
    loaded = from_json(
        version_1(small_summary("transcript"), "https://x.example/licenses/demo/1.0/#c-{anchor}")
    )
    assert loaded.licenses == [Member("demo", "1.0")]
    assert loaded.family is None
    notices = loaded.clauses[0]
    assert notices.positions[0].applies_to == [AppliesTo("demo", "1.0", "4.1")]
    assert notices.threads[0].applies_to == [AppliesTo("demo", "1.0", "4.1")]
    assert loaded.clauses[1].threads[0].applies_to == [AppliesTo("demo", "1.0", "5")]


def test_a_version_1_slug_is_the_segment_after_the_first_licenses_in_the_link():
    url = "https://x.example/licenses/demo/1.0/licenses/other/#c-{anchor}"
    assert from_json(version_1(small_summary("transcript"), url)).licenses == [Member("demo", "1.0")]


def test_a_version_1_file_whose_links_name_no_license_has_an_empty_slug():
    loaded = from_json(version_1(small_summary("transcript"), "https://x.example/r/1/#c-{anchor}"))
    assert loaded.licenses == [Member("", "1.0")]


def test_a_version_1_file_without_clauses_has_an_empty_slug():
    loaded = from_json(version_1(small_summary("transcript", clauses=[]), "unused"))
    assert loaded.licenses == [Member("", "1.0")]
    assert loaded.clauses == []


# Export options -------------------------------------------------------------------------------------------


def thread_ids(summary: ReviewSummary) -> list[int]:
    return [t.id for c in summary.clauses for t in c.threads]


def test_leaving_out_resolved_threads_keeps_the_open_ones():
    summary = small_summary("transcript")
    assert thread_ids(apply_options(summary, ExportOptions(include_resolved=False))) == [5]
    assert thread_ids(apply_options(summary, ExportOptions(include_resolved=True))) == [5, 6]


def test_one_criterion_keeps_its_positions_and_the_threads_tagged_with_it():
    summary = small_summary("transcript")
    on_3 = apply_options(summary, ExportOptions(criterion="osd-3"))
    assert [c.key for c in on_3.criteria] == ["osd-3"]
    assert thread_ids(on_3) == [5]  # the untagged resolved thread is left out
    assert len(on_3.clauses[0].positions) == 2
    on_9 = apply_options(summary, ExportOptions(criterion="osd-9"))
    assert thread_ids(on_9) == [] and on_9.clauses[0].positions == []
    assert on_9.options == ExportOptions(criterion="osd-9")


def test_all_criteria_keep_every_thread_and_position():
    summary = small_summary("transcript")
    every = apply_options(summary, ExportOptions())
    assert thread_ids(every) == [5, 6]
    assert every.clauses == summary.clauses


def test_an_unknown_criterion_is_refused_naming_it():
    with pytest.raises(ValueError, match=r"^Unknown criterion 'osd-11'\.$"):
        apply_options(small_summary("transcript"), ExportOptions(criterion="osd-11"))


def test_a_resolved_thread_is_known_by_its_status_word():
    summary = small_summary("transcript")
    settled = summary.clauses[1]
    summary.clauses[1] = replace(settled, threads=[replace(settled.threads[0], status="open")])
    assert thread_ids(apply_options(summary, ExportOptions(include_resolved=False))) == [5, 6]


def test_a_thread_written_before_thread_links_loads_without_one():
    data = json.loads(to_json(small_summary("transcript")))
    del data["clauses"][0]["threads"][0]["url"]
    assert from_json(json.dumps(data)).clauses[0].threads[0].url == ""


def test_the_criterion_set_is_read_back():
    summary = small_summary(
        "transcript", criterion_set="dfsg", criteria=[Criterion("dfsg-1", 1, "Free redistribution")]
    )
    assert from_json(to_json(summary)).criterion_set == "dfsg"
