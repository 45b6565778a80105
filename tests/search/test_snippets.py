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
