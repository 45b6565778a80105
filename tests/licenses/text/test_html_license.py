"""licenses.text.html_license: a license saved as a web page reads as the text a browser shows."""

import time

from licenses.text.html_license import (
    html_to_license_text,
    looks_like_html,
    looks_like_spdx_xml,
    spdx_xml_to_license_text,
)
from licenses.text.segmentation import segment

PAGE = """<!DOCTYPE html>
<html lang="en"><head><title>Example License 2.0</title>
<style>body { font: 1em serif; }</style><script>var x = "<p>not text</p>";</script></head>
<body>
<nav><a href="/">Home</a> | <a href="/licenses">Licenses</a></nav>
<header><p>Example Foundation site</p></header>
<main>
<h1>Example License 2.0</h1>
<h3 id="s0">0. Definitions.</h3>
<p>&ldquo;This License&rdquo; refers to version 2.0 of the Example
   License.</p>
<h3 id="s1">1. Grant.</h3>
<p>You may copy and distribute the Program, provided that:</p>
<ol type="a">
  <li>you keep this notice;</li>
  <li>you mark your changes; and
    <ol type="i"><li>say when;</li><li>say who.</li></ol>
  </li>
</ol>
<p>Nothing else is granted.<br>Not even this.</p>
</main>
<footer><p>&copy; Example Foundation &middot; Privacy</p></footer>
</body></html>
"""


def test_a_saved_license_page_is_recognised():
    assert looks_like_html(PAGE)
    assert looks_like_html("  <html><body><p>Hi</p></body></html>")
    assert looks_like_html("<p>Permission is hereby granted.</p>\n<p>THE SOFTWARE IS PROVIDED AS IS.</p>")


def test_a_plain_text_license_is_not_html():
    # GPL's "how to apply" placeholder and a Markdown license with an inline tag stay text
    assert not looks_like_html("<one line to give the program's name and a brief idea of what it does.>\n")
    assert not looks_like_html("# MIT License\n\nPermission is granted. <br> Really.\n")
    assert not looks_like_html("Copyright <YEAR> <COPYRIGHT HOLDER>\n\nPermission is hereby granted")
    # a Markdown license that opens with a logo in HTML stays Markdown: its line breaks matter
    markdown = '<p align="center">\n  <a href="https://example.org"><img src="logo.png"></a>\n</p>\n\n# Example License\n\n' + "\n".join(
        f"{k}. Clause {k} says what it says." for k in range(1, 9)
    )
    assert not looks_like_html(markdown)


def test_the_page_reads_as_its_text_with_numbered_lists():
    text = html_to_license_text(PAGE)
    assert text.splitlines()[0] == "Example License 2.0"
    assert "Home" not in text and "Privacy" not in text and "Foundation site" not in text  # site furniture
    assert "font:" not in text and "not text" not in text  # style and script
    assert "“This License” refers to version 2.0 of the Example License." in text  # entities, wrapping
    assert "\n   a. you keep this notice;\n" in text  # indented as a browser indents a list
    assert "\n   b. you mark your changes; and\n" in text
    assert "\n      i. say when;\n      ii. say who.\n" in text
    assert "Nothing else is granted.\nNot even this." in text


def test_the_converted_page_segments_like_the_license():
    paths = [s.path for s in segment(html_to_license_text(PAGE))]
    assert paths == [
        "preamble",
        "0",
        "0.def-this-license",
        "1",
        "1(a)",
        "1(b)",
        "1(b)(i)",
        "1(b)(ii)",
        "1.closing",
    ]


def test_list_numbering_follows_start_value_and_type():
    page = (
        '<html><body><ol start="3"><li>three</li><li value="7">seven</li><li>eight</li></ol>'
        '<ol type="A"><li>first</li><li>second</li></ol><ol type="I"><li>one</li><li>two</li></ol>'
        "<ul><li>a bullet</li></ul></body></html>"
    )
    lines = html_to_license_text(page).splitlines()
    assert [ln.strip() for ln in lines if ln] == [
        "3. three", "7. seven", "8. eight", "A. first", "B. second", "I. one", "II. two", "- a bullet",
    ]  # fmt: skip


def test_pre_keeps_its_lines_and_tables_keep_their_rows():
    page = (
        "<html><body><pre>  1. Keep\n     this  spacing</pre>"
        "<table><tr><td>Name</td><td>Version</td></tr><tr><td>Core</td><td>2.1</td></tr></table></body></html>"
    )
    text = html_to_license_text(page)
    assert "  1. Keep\n     this  spacing" in text
    assert "Name    Version\nCore    2.1" in text


def test_a_page_with_a_main_element_reads_only_the_main_text():
    page = "<html><body><div>Cookie banner: accept all?</div><main><p>The license.</p></main></body></html>"
    assert html_to_license_text(page) == "The license.\n"


def test_hostile_markup_costs_linear_time():
    def cost(reps: int) -> float:
        markup = "<html><body>" + "<ol><li><p>x &amp; y<!-- c --><br>" * reps
        best = float("inf")
        for _ in range(3):
            start = time.perf_counter()
            html_to_license_text(markup)
            best = min(best, time.perf_counter() - start)
        return best

    small, big = cost(2000), cost(8000)
    assert big < 8 * small + 0.05  # about four times, never sixteen


def test_a_bulleted_item_that_prints_its_own_number_keeps_only_that_number():
    # GNU's license pages: <ul><li>a) The work must carry …</li></ul>
    page = (
        "<html><body><h3>1. Conveying Modified Source Versions.</h3><p>You may convey a work, provided that:</p>"
        "<ul><li>a) The work must carry prominent notices.</li><li>b) The work must say so.</li>"
        "<li>and a plain bullet</li></ul><h3>2. Termination.</h3><p>You may not convey it otherwise.</p></body></html>"
    )
    text = html_to_license_text(page)
    assert (
        "\n   a) The work must carry prominent notices.\n   b) The work must say so.\n   - and a plain bullet"
        in text
    )
    assert [s.path for s in segment(text)] == ["1", "1(a)", "1(b)", "2"]


SPDX_XML = """<?xml version="1.0" encoding="UTF-8"?>
<SPDXLicenseCollection xmlns="http://www.spdx.org/license">
  <license isOsiApproved="false" licenseId="Example-1.0" name="Example License 1.0">
    <crossRefs><crossRef>https://example.org/license</crossRef></crossRefs>
    <notes>Not part of the text.</notes>
    <text>
      <titleText><p>Example License 1.0</p></titleText>
      <copyrightText><p>Copyright <alt match=".+" name="copyright">(c) 2025 Example</alt></p></copyrightText>
      <list>
        <item><bullet>1</bullet>. Definitions
          <list>
            <item><bullet>a.</bullet>"Work" means the software.</item>
            <item><bullet>b.</bullet> "You" means the licensee.</item>
          </list>
        </item>
        <item><bullet>2.</bullet> Grant. You may copy the Work<optional>, and sublicense it</optional>.</item>
      </list>
      <p>End of terms.</p>
    </text>
    <standardLicenseHeader>Not part of the text either.</standardLicenseHeader>
  </license>
</SPDXLicenseCollection>
"""


def test_an_spdx_license_xml_file_reads_as_its_text():
    assert looks_like_spdx_xml(SPDX_XML)
    assert not looks_like_spdx_xml(PAGE)
    text = spdx_xml_to_license_text(SPDX_XML)
    assert text.startswith("Example License 1.0\n\nCopyright (c) 2025 Example\n")
    assert "Not part of" not in text and "example.org" not in text  # notes, header and crossRefs
    assert "\n   1. Definitions\n" in text  # "<bullet>1</bullet>." keeps its dot by the number
    assert '\n      a. "Work" means the software.\n' in text  # a bullet and its words apart
    assert "2. Grant. You may copy the Work, and sublicense it." in text
    assert [s.path for s in segment(text)][:5] == ["preamble", "1", "1(a)", "1(b)", "2"]
