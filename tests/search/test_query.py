"""The query language: parsing, and compiling to FTS5 and to_tsquery without letting syntax through."""

import re

from hypothesis import given
from hypothesis import strategies as st

from search.query import MAX_ITEMS, Item, parse, to_fts5, to_tsquery


def test_words_are_all_required():
    q = parse("output dataset")
    assert q.groups == [[Item(("output",))], [Item(("dataset",))]]
    assert to_fts5(q) == '"output" AND "dataset"'
    assert to_tsquery(q) == "'output' & 'dataset'"


def test_phrase_prefix_or_and_exclusion():
    q = parse('"as a dataset" sublicen* OR relicense -warranty')
    assert to_fts5(q) == '"as a dataset" AND ("sublicen" * OR "relicense") NOT "warranty"'
    assert to_tsquery(q) == "'as a dataset' & ('sublicen':* | 'relicense') & !'warranty'"


def test_a_one_letter_beginning_is_the_letter_itself():
    # "a*" would expand to thousands of words on either database (0.1 s per search on SQLite)
    assert to_fts5(parse("a* b* li*")) == '"a" AND "b" AND "li" *'
    assert to_tsquery(parse('"terms of a*"')) == "'terms of a'"
    assert to_tsquery(parse("li*")) == "'li':*"


def test_spdx_id_is_one_token():
    q = parse("GPL-3.0-only")
    assert q.groups == [[Item(("GPL-3.0-only",))]]
    assert to_fts5(q) == '"GPL-3.0-only"'


def test_operators_typed_by_people_are_text():
    # words glued by punctuation stay together as a phrase, as the databases would read them
    assert to_fts5(parse("NEAR(a b)")) == '"NEAR a" AND "b"'
    assert to_fts5(parse("a AND b")) == '"a" AND "AND" AND "b"'
    assert to_fts5(parse("title:secret ^x")) == '"title secret" AND "x"'
    assert to_tsquery(parse("a' | !b & c:*")) == "'a' & 'b' & 'c'"


def test_nothing_to_look_for():
    for raw in ["", "   ", '"', '""', "*", "OR", "-", "- -", "«»", "()"]:
        q = parse(raw)
        assert q.is_empty, raw
        assert to_fts5(q) == ""
        assert to_tsquery(q) == ""


def test_only_exclusions_is_empty():
    assert parse("-warranty").is_empty


def test_long_input_is_cut():
    q = parse("word " * 2000)
    assert q.shortened
    assert len(q.groups) <= MAX_ITEMS


def test_non_latin_scripts_are_words():
    assert parse("许可证 лицензия").words() == ["许可证", "лицензия"]


def test_unclosed_quote_is_a_phrase_to_the_end():
    assert to_fts5(parse('"larger work')) == '"larger work"'


_FTS5_SAFE = re.compile(r'^("[^"]+"( \*)?|\(|\)| AND | OR | NOT )*$')


@given(st.text(max_size=200))
def test_compiled_queries_only_hold_quoted_tokens(raw):
    q = parse(raw)
    fts = to_fts5(q)
    # every token is quoted, and nothing but operators sits between them
    assert _FTS5_SAFE.match(fts), fts
    pg = to_tsquery(q)
    outside = re.sub(r"'[^']*'", "", pg)
    assert set(outside) <= set(" &|!()<->:*"), pg
    assert "\\" not in pg
