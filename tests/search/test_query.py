"""The query language: parsing, and compiling to FTS5 and to_tsquery without letting syntax through."""

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from search.query import MAX_ITEMS, MAX_QUERY_CHARS, Item, any_of, parse, to_fts5, to_tsquery


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


def test_a_quoted_phrase_is_excluded_only_by_a_minus_that_starts_it():
    q = parse('-"no warranty" ok')
    assert (q.groups, q.excluded) == ([[Item(("ok",))]], [Item(("no", "warranty"))])
    assert to_fts5(q) == '"ok" NOT "no warranty"'
    assert to_tsquery(q) == "'ok' & !'no warranty'"
    assert parse('a -"p q"').excluded == [Item(("p", "q"))]
    glued = parse('x-"phrase" ok')
    assert glued.excluded == [] and glued.words() == ["x", "phrase", "ok"]


def test_or_joins_its_neighbours_only():
    assert to_fts5(parse("a OR b OR c")) == '("a" OR "b" OR "c")'
    assert to_tsquery(parse("a OR b OR c")) == "('a' | 'b' | 'c')"
    assert to_fts5(parse("a OR OR b")) == '("a" OR "b")'
    assert to_fts5(parse("OR a")) == '"a"'  # nothing before it to join
    assert to_fts5(parse("a OR")) == '"a"'
    assert to_fts5(parse("a OR -b c")) == '"a" AND "c" NOT "b"'  # an exclusion ends the OR
    assert to_fts5(parse("-x OR y")) == '"y" NOT "x"'
    assert to_fts5(parse("a or b")) == '"a" AND "or" AND "b"'  # only upper-case OR is the operator


def test_a_prefix_at_the_end_of_a_phrase():
    q = parse('"as a data*"')
    assert q.groups == [[Item(("as", "a", "data"), prefix=True)]]
    assert to_fts5(q) == '"as a data" *'
    assert to_tsquery(q) == "('as a' <-> 'data':*)"


def test_excluded_prefixes_compile_for_both_databases():
    q = parse("licen* -warr*")
    assert to_fts5(q) == '"licen" * NOT "warr" *'
    assert to_tsquery(q) == "'licen':* & !'warr':*"


def test_words_split_by_other_punctuation_become_a_phrase():
    assert parse("don't").groups == [[Item(("don", "t"))]]
    assert to_tsquery(parse("foo_bar")) == "'foo bar'"
    assert parse("C++").words() == ["C"]
    assert Item(("don", "t")).is_phrase and not Item(("x",)).is_phrase


def test_stray_minus_signs_and_empty_quotes_are_ignored():
    for raw in ['"" a', "- a", "a -"]:
        assert to_fts5(parse(raw)) == '"a"', raw
    assert parse('"a""b"').words() == ["a", "b"]


def test_only_words_to_look_for_are_highlighted():
    assert parse("a -b c").words() == ["a", "c"]
    assert parse(None).is_empty


def test_at_most_twelve_items_exclusions_included():
    twelve = parse(" ".join(f"w{i}" for i in range(MAX_ITEMS)))
    assert (twelve.shortened, len(twelve.groups)) == (False, 12)
    thirteen = parse(" ".join(f"w{i}" for i in range(MAX_ITEMS + 1)))
    assert (thirteen.shortened, len(thirteen.groups)) == (True, 12)
    mixed = parse("-e " + " ".join(f"w{i}" for i in range(MAX_ITEMS)))
    assert (mixed.shortened, len(mixed.groups), len(mixed.excluded)) == (True, 11, 1)


def test_input_is_cut_at_300_characters():
    assert parse("a" * MAX_QUERY_CHARS).shortened is False
    cut = parse("a" * (MAX_QUERY_CHARS + 1))
    assert cut.shortened is True and cut.words() == ["a" * MAX_QUERY_CHARS]


def test_words_keep_their_own_letters_at_either_end():
    assert parse("TAX").words() == ["TAX"]
    assert parse('"Xerox TAX"').words() == ["Xerox", "TAX"]


def test_after_an_or_the_next_plain_word_is_required_again():
    assert to_fts5(parse("a OR b c")) == '("a" OR "b") AND "c"'


def test_a_minus_at_the_end_does_not_exclude_a_phrase_at_the_start():
    q = parse('"no warranty" -')
    assert (q.groups, q.excluded) == ([[Item(("no", "warranty"))]], [])


def test_a_minus_glued_to_a_word_before_a_phrase_is_not_an_exclusion():
    assert parse('x-"a b"').excluded == []


def test_a_prefix_star_on_a_word_split_by_punctuation_applies_to_its_last_part():
    q = parse("x_y_licen*")
    assert q.groups == [[Item(("x", "y", "licen"), prefix=True)]]
    assert to_tsquery(q) == "('x y' <-> 'licen':*)"


@pytest.mark.parametrize(
    ("raw", "broader"),
    [
        ("output dataset notice", "output OR dataset OR notice"),
        ('licen* "as a dataset" -patent', 'licen* OR "as a dataset" -patent'),
        ("GPL-3.0-only don't", 'GPL-3.0-only OR "don t"'),
        ("sublicense OR relicense notice", "sublicense OR relicense OR notice"),
        ("notice", None),  # one item: nothing broader to offer
        ("sublicense OR relicense", None),  # already any of them
        ("", None),
    ],
)
def test_any_of_accepts_any_required_item(raw, broader):
    assert any_of(parse(raw)) == broader
    if broader:  # what it writes reads back as one group holding every item
        again = parse(broader)
        assert len(again.groups) == 1
        assert again.groups[0] == [item for group in parse(raw).groups for item in group]
        assert again.excluded == parse(raw).excluded


def test_any_of_is_none_when_it_would_not_fit_the_query_limit():
    raw = " ".join(f"word{k:02d}" + "x" * 20 for k in range(11))  # 11 items of 26 characters: 296
    assert len(raw) < MAX_QUERY_CHARS
    assert any_of(parse(raw)) is None  # " OR " between them: over 300 characters, parse would cut it
