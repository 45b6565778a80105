"""review.mail.html_text on its own: what an HTML mail or an archive page reads as, rule by rule.

(test_html_text checks that the tokenizer gives the stdlib parser's tokens.)"""

from __future__ import annotations

import pytest

from review.mail.html_text import html_to_text, looks_like_pipermail, parse_pipermail

# ---- what the text says, rule by rule -------------------------------------------------------


@pytest.mark.parametrize(
    ("markup", "text"),
    [
        ("<p>First  paragraph\n wraps.</p><p>Second.</p>", "First paragraph wraps.\n\nSecond."),
        ("One<br>Two<br/>Three", "One\nTwo\nThree"),
        ("One<br><br><br><br>Two", "One\n\nTwo"),
        ("<div>a\u00a0\u200bb</div><div>c</div>", "a b\nc"),
        ("<ul><li>keep the notice</li><li>drop the grant</li></ul>", "- keep the notice\n- drop the grant"),
        ("Above<hr>Below", "Above\n---\nBelow"),
        ("<pre>  x = 1\n    y = 2</pre>", "  x = 1\n    y = 2"),
        ("<p>caf&eacute; &amp; &lt;tea&gt;</p>", "café & <tea>"),
        ("<h1>Title</h1>Text", "Title\nText"),
        ("<span>in</span><b>line</b>", "inline"),
    ],
)
def test_blocks_breaks_lists_and_preformatted_text(markup: str, text: str) -> None:
    assert html_to_text(markup) == text


def test_each_blockquote_level_is_one_quote_mark() -> None:
    markup = (
        "Reply.<blockquote>Quoted.<blockquote>Older.<br><br>Still older.</blockquote>Back.</blockquote>Me."
    )
    assert html_to_text(markup) == "Reply.\n> Quoted.\n>> Older.\n>>\n>> Still older.\n>\n> Back.\n\nMe."
    assert (
        html_to_text("<p>Reply.</p><blockquote><p>Quoted.</p></blockquote><p>Me.</p>")
        == "Reply.\n\n> Quoted.\n\nMe."
    )


@pytest.mark.parametrize(
    ("markup", "text"),
    [
        (
            'See <a href="https://example.org/licence">the licence</a>.',
            "See [the licence](https://example.org/licence).",
        ),
        ('<a href="https://example.org/">https://example.org</a>', "https://example.org"),
        ('<a href="mailto:ana@example.org">Ana</a>', "Ana"),
        ('<a href="/relative">here</a>', "here"),
        ('<a href="https://example.org"> </a>x', "x"),
        ("<a>no href</a>", "no href"),
        (
            '<a href="http://example.org/a">one</a> <a href="http://example.org/b">two</a>',
            "[one](http://example.org/a) [two](http://example.org/b)",
        ),
    ],
)
def test_links_keep_their_address_when_the_text_does_not_show_it(markup: str, text: str) -> None:
    assert html_to_text(markup) == text


@pytest.mark.parametrize(
    "markup",
    [
        "<head><title>Mail</title><style>p{color:red}</style></head><p>Body.</p>",
        "<script>alert(1)</script><p>Body.</p>",
        "<template><p>hidden</p></template><p>Body.</p>",
        '<p>Body.</p><div class="gmail_signature">Ana<br>Example Foundation</div>',
        '<p>Body.</p><div class="x moz-signature">-- <br>Ana</div>',
        '<p>Body.</p><div class="apple-signature"><p>Ana</p></div>',
    ],
)
def test_heads_scripts_and_signature_blocks_are_not_text(markup: str) -> None:
    assert html_to_text(markup) == "Body."


def test_unclosed_and_misnested_tags_are_closed_for_the_reader() -> None:
    assert html_to_text("<blockquote><p>Quoted") == "> Quoted"
    assert html_to_text("<div><b>bold<p>para</b> tail</div>after") == "bold\npara\ntail\nafter"
    assert html_to_text("<blockquote><div>q</blockquote>after") == "> q\n\nafter"


def test_an_end_tag_never_opened_is_ignored() -> None:
    assert html_to_text("text</blockquote></p> more") == "text more"


def test_a_script_without_its_end_drops_the_rest() -> None:
    assert html_to_text("<p>Body.</p><script>var a = '<p>x</p>'") == "Body."


def test_comments_declarations_and_stray_brackets() -> None:
    assert html_to_text("<!DOCTYPE html><!-- note --><p>a < b</p><?xml x?>") == "a < b"
    assert html_to_text("x <") == "x <"
    assert html_to_text("<p>a <3 b</p>") == "a <3 b"


# ---- pipermail archive pages ----------------------------------------------------------------

PAGE = """<!DOCTYPE HTML PUBLIC "-//W3C//DTD HTML 4.01 Transitional//EN">
<HTML><HEAD><TITLE> [License-review] Notice duty</TITLE></HEAD><BODY>
<H1>[License-review] Notice duty &amp; 2.2(b)</H1>
<B>Pamela Ortiz</B>
<A HREF="mailto:license-review%40lists.example.org?Subject=Re%3A%20Notice&In-Reply-To=%3Ca1%40example.org%3E"
TITLE="[License-review] Notice duty">pamela at example.org
</A><BR>
<I>Wed May 14 09:02:11 EDT 2025</I>
<P><UL><LI>Previous message</LI></UL>
<!--beginarticle-->
<PRE>I read 2.2(b) as a field-of-use restriction &amp; more.

&gt; quoted line
</PRE>
<!--endarticle-->
</BODY></HTML>
"""


def test_a_pipermail_page_is_recognised() -> None:
    assert looks_like_pipermail(PAGE)
    assert looks_like_pipermail("<h1>s</h1><b>a</b><i>d</i><pre>x</pre>")
    assert not looks_like_pipermail("<h1>s</h1><b>a</b><pre>x</pre>")
    assert not looks_like_pipermail("<p>An HTML mail with <b>bold</b> and <i>italics</i>.</p>")


def test_a_pipermail_page_gives_its_fields() -> None:
    page = parse_pipermail(PAGE)
    assert (page.subject, page.author, page.address, page.date, page.in_reply_to) == (
        "[License-review] Notice duty & 2.2(b)",
        "Pamela Ortiz",
        "pamela at example.org",
        "Wed May 14 09:02:11 EDT 2025",
        "a1@example.org",
    )
    assert page.body == "I read 2.2(b) as a field-of-use restriction & more.\n\n> quoted line\n"


def test_a_page_without_the_article_markers_takes_the_pre_after_the_date() -> None:
    markup = "<h1>S</h1><b>Ana</b><pre>not this</pre><i>Mon May 12 2025</i><pre>the body <b>x</b></pre>"
    page = parse_pipermail(markup)
    assert (page.subject, page.author, page.date, page.body) == ("S", "Ana", "Mon May 12 2025", "the body x")
    assert (page.address, page.in_reply_to) == ("", None)


# ---- odd constructs read as the stdlib parser reads them ------------------------------------

ODD = [
    "<div class=\"x\" data-a='1' hidden>text</div>",
    "<span style='a:b'>styled</span >after",
    "<p>one</ p>two</ div>three",
    "<p>a</p x>b",
    "x </> y",
    "<x<y>z",
    "<div\u00a0x>odd space</div>",
    '<div "x">quoted attribute name</div>',
    "<div a= b>spaced</div>",
    "<div a=>empty value</div>",
    "<div a='>'>gt in value</div>",
    "<a b=c/>self closed<a href=https://example.org/a/>link</a>",
    "<img src=x /> after image",
    "<o:p>office</o:p> tags",
    "<![if !supportLists]>- <![endif]>item",
    "<!DOCTYPE html><p>after doctype</p>",
    "<?xml version='1.0'?><p>after pi</p>",
    "<!-- a comment --><p>after comment</p>",
    "<p>before <!-- unterminated comment",
    "<p>before <div class='x",
    "<p>before <div",
    "text <",
    "a < b > c",
    "<123>not a tag",
    "</123>not an end tag",
    "<p>a &amp b &#65; &#x42; &nosuch; &</p>",
    "<style>p{}</style>styled <script>x<y</script> after",
    "<SCRIPT>var a = '</p>';</SCRIPT>after",
    "<script type='text/javascript' async>code</script>after",
    "<title>t</title><p>body",
    "<p title='a &amp; b'>attr entity</p>",
    '<a href="https://example.org/?a=1&amp;b=2">query</a>',
    "<br/><br /><BR>caps",
    "<!--> odd comment --> text",
    "<!> empty declaration text",
    "<p>line\r\nbreak</p>",
    "<div class='x> more <b>bold</b> end",
    "<div class='x <p>para</p> end",
    "<!-- a > b",
    "<!-- a < b",
    "<!doctype",
    "<!doctype > after",
    "<?pi unterminated > x",
    "<?pi",
    "</p junk <b>x</b>",
    "</p junk",
    "<![CDATA[ x ]]> after",
    "<!x",
    "<!x > y",
    "<a href='",
    "<a href='x > y < z",
    "< p>not a tag",
    "<\u00e9>not ascii",
    "a <é b",
    "<script type='a' x=\"y\">code < more</script>after",
    "<style\u00a0x>p{}</style>after",
    "<script\u00a0x>never closed",
    "<div\u00a0x/>after",
    "<title\u00a0x>t</title>body",
    "<b>bold</b><",
    "<b>bold</b><!",
    "text <!--",
    "<br\u00a0/>after",
    "<p\u00a0class='gmail_signature'>sig</p>body",
    "<script src='a'b>var x = \"<p>\";</script>after",
    "<style media='a'b>p{}</style>after",
    "<script src='a'b>never closed <p>x</p>",
]


@pytest.mark.parametrize("markup", ODD)
def test_odd_constructs_are_read_as_the_stdlib_parser_reads_them(markup: str) -> None:
    from tests.review.mail.test_html_text import outcome, reference

    assert outcome(html_to_text, markup) == outcome(reference, markup)


# ---- edges of the rules ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("markup", "text"),
    [
        # preformatted text keeps its spaces and lines, and only its own
        ("<pre>a  b\n\nc</pre><p>x   y</p>", "a  b\n\nc\n\nx y"),
        ("<div>a</div><p>x   y</p>", "a\n\nx y"),
        ("<div>a</div><pre>b</pre><div>c</div>", "a\n\nb\nc"),
        ("<pre>one\ntwo\nthree</pre>", "one\ntwo\nthree"),
        ("<pre>a\n\n\n\nb</pre>", "a\n\nb"),
        # at most one blank line in a row, however it comes
        ("<p>a</p><p> </p><p> </p><p>b</p>", "a\n\nb"),
        ("<div>Above</div><hr>Below", "Above\n---\nBelow"),
        ("<p>X marks the spot X</p>", "X marks the spot X"),
    ],
)
def test_preformatted_text_and_blank_lines(markup: str, text: str) -> None:
    assert html_to_text(markup) == text


@pytest.mark.parametrize(
    ("markup", "text"),
    [
        ('<a href="https://example.org">https://example.org/</a>', "https://example.org/"),
        ('<a href="https://example.org/X">https://example.org/X</a>', "https://example.org/X"),
        ('<a href="https://example.org/X">see X</a>', "[see X](https://example.org/X)"),
        ('<a href="https://example.org">the <b>licence</b></a>', "[the licence](https://example.org)"),
        (
            '<p><a href="https://example.org/l">the <b>licence</a> text</b></p>',
            "[the licence](https://example.org/l) text",
        ),
        ('<a download href="https://example.org/f">file</a>', "[file](https://example.org/f)"),
    ],
)
def test_link_edges(markup: str, text: str) -> None:
    assert html_to_text(markup) == text


def test_a_stray_end_tag_does_not_close_an_outer_quote() -> None:
    assert html_to_text("<blockquote><p>a</p></p>b</blockquote>") == "> a\n> b"
    assert html_to_text("<blockquote><b><p>a</b></p></p>b</blockquote>") == "> a\n> b"


def test_nested_skipped_elements_stay_skipped_until_the_outer_one_ends() -> None:
    assert html_to_text("<div class=gmail_signature><script>x</script>sig text</div>body") == "body"
    assert html_to_text('<div hidden class="gmail_signature">sig</div>body') == "body"


def test_a_stray_script_end_tag_before_a_script() -> None:
    assert html_to_text("text</script><script>code</script>after") == "textafter"


def test_the_article_markers_alone_make_a_pipermail_page() -> None:
    assert looks_like_pipermail("<html><!--beginarticle--><pre>body</pre><!--endarticle-->")


def test_header_markup_before_the_subject_is_not_read_as_the_fields() -> None:
    markup = (
        '<i>List archive</i> <b>License-review</b> <a href="mailto:owner@example.org">owner</a>'
        '<h1>Subject</h1><b>Ana</b> <a href="mailto:x?In-Reply-To=%3Cp1%40example.org%3E">ana at example.org</a>'
        "<i>Mon May 12 2025</i><pre>body</pre>"
    )
    page = parse_pipermail(markup)
    assert (page.subject, page.author, page.address, page.date, page.in_reply_to) == (
        "Subject",
        "Ana",
        "ana at example.org",
        "Mon May 12 2025",
        "p1@example.org",
    )


def test_without_the_authors_mail_link_there_is_no_reply_target() -> None:
    markup = '<h1>S</h1><b>Ana</b><i>Mon</i><a href="thread.html?in-reply-to=x1">thread</a><pre>b</pre>'
    assert parse_pipermail(markup).in_reply_to is None


def test_a_paragraph_or_pre_closed_over_an_open_inline_tag_ends_as_usual() -> None:
    assert html_to_text("<div>a</div><p><b></p>c") == "a\n\nc"
    assert html_to_text("<pre>a  b<b>x</pre>  y   z") == "a  bx\ny z"
