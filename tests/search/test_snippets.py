from search.snippets import START, STOP, clean, lead, to_html
from search.suggest import nearest


def test_marks_and_escapes():
    raw = f"a <script>alert(1)</script> {START}dataset{STOP} & more"
    assert to_html(raw) == "a &lt;script&gt;alert(1)&lt;/script&gt; <mark>dataset</mark> &amp; more"


def test_unpaired_marks_never_leave_an_open_tag():
    assert to_html(f"{START}open") == "<mark>open</mark>"
    assert to_html(f"close{STOP}") == "close"


def test_clean_strips_sentinels_from_user_text():
    assert START not in clean(f"x{START}y{STOP}")


def test_lead_is_escaped_and_short():
    assert lead("<b>" + "word " * 200).startswith("&lt;b&gt;")
    assert len(lead("word " * 200)) < 260


def test_nearest_license_name():
    names = ["Apache License 2.0 Apache-2.0", "MIT License MIT", "Mozilla Public License 2.0 MPL-2.0"]
    assert nearest("Apahce", names) == 0
    assert nearest("Mozila public", names) == 2
    assert nearest("zz", names) is None
    assert nearest("qqqqqqqqqqq", names) is None


def test_whitespace_in_a_snippet_is_collapsed_and_trimmed():
    assert to_html("  a  \n\t b ") == "a b"
    assert to_html(None) == "" and to_html("") == ""


def test_quotes_are_escaped_for_attributes_too():
    assert to_html("\"q\" 's'") == "&quot;q&quot; &#x27;s&#x27;"
    assert lead("\"q\" 's'") == "&quot;q&quot; &#x27;s&#x27;"


def test_a_long_snippet_is_cut_at_the_limit_with_an_ellipsis():
    assert to_html("abcdef ghij", limit=5) == "abcde…"
    assert to_html("abcd fghij", limit=5) == "abcd…"  # the space before the cut goes
    assert to_html("abcde", limit=5) == "abcde"


def test_a_cut_inside_a_match_still_closes_the_mark():
    assert to_html(f"ab{START}cdef{STOP} gh", limit=4) == "ab<mark>cd…</mark>"


def test_the_limit_counts_shown_text_not_marks_or_escapes():
    assert to_html(f"{START}ab{STOP}&{START}cd{STOP}", limit=5) == "<mark>ab</mark>&amp;<mark>cd</mark>"
    assert to_html("<<<", limit=3) == "&lt;&lt;&lt;"


def test_nested_or_repeated_marks_open_one_mark_at_a_time():
    assert to_html(f"{START}{START}x{STOP}{STOP}y") == "<mark>x</mark>y"
    assert to_html(f"a{STOP}{START}b{STOP}") == "a<mark>b</mark>"


def test_the_default_limit_is_400_characters():
    assert to_html("x" * 400) == "x" * 400
    assert to_html("x" * 401) == "x" * 400 + "…"


def test_clean_replaces_control_characters_but_keeps_line_breaks_and_tabs():
    assert clean("a\x00b\tc\nd\x1fe\rf\x0bg\x0ch\x0ei\x08j") == "a b\tc\nd e\rf g h i j"
    assert clean(None) == ""


def test_lead_cuts_at_a_word_with_an_ellipsis():
    assert lead("a " * 10, limit=7) == "a a a …"
    assert lead("abcdefghij", limit=4) == "abcd …"
    assert lead("abcd", limit=4) == "abcd"
    assert lead("x\x02y  \n z") == "x y z"  # sentinels and runs of space go
    assert lead("w" * 240) == "w" * 240 and lead("w" * 241) == "w" * 240 + " …"
    assert lead(None) == ""


def test_a_snippet_that_fills_the_limit_at_a_mark_still_says_it_goes_on():
    assert to_html(f"abc{START}de{STOP}fg", limit=5) == "abc<mark>de</mark>…"
    assert to_html(f"abc{START}de{STOP}", limit=5) == "abc<mark>de</mark>"  # nothing more to show


def test_lead_cut_just_after_a_space_keeps_the_last_whole_word():
    assert lead("aa bb cc", limit=6) == "aa bb …"
