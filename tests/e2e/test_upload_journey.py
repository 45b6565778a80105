"""A steward uploads a license as they have it: a page saved from the steward's site, then a
damaged PDF. The page is read as its text and says so; the PDF is refused with what to do,
and the form keeps what was typed."""

import pytest
from playwright.sync_api import Page, expect

from tests.e2e.helpers import log_in
from tests.factories import make_license, make_user

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

PAGE = """<!DOCTYPE html><html><head><title>Example Model License</title><script>track()</script></head>
<body><header><nav><a href="/">Home</a> · <a href="/blog">Blog</a></nav></header>
<main><h1>Example Model License 2.0</h1>
<h2>1. Definitions</h2>
<ol type="a"><li>&ldquo;Model&rdquo; means the weights.</li><li>&ldquo;Output&rdquo; means what the Model makes.</li></ol>
<h2>2. Distribution</h2>
<p>You may distribute the Model, provided that:</p>
<ol type="a"><li>You keep this License with every copy; and</li><li>You mark Your changes.</li></ol>
</main><footer>&copy; Example · Privacy</footer></body></html>
"""


def test_a_saved_web_page_becomes_numbered_clauses_and_a_pdf_is_refused(live_server, page: Page, tmp_path):
    steward = make_user(username="sam", roles=("steward",))
    license = make_license(slug="eml", name="Example Model License")
    license.stewards.add(steward)
    log_in(page, live_server, steward)

    pdf = tmp_path / "EML-2.0.pdf"
    pdf.write_bytes(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog >>\n")
    page.goto(f"{live_server.url}/licenses/eml/versions/new/")
    page.get_by_label("Label").fill("2.0")
    page.locator("input[type=file]").set_input_files(str(pdf))
    page.get_by_role("button", name="Add version").click()
    expect(page.get_by_text("“EML-2.0.pdf” is a damaged PDF, or one in a form we cannot read.")).to_be_visible()
    expect(page.get_by_label("Label")).to_have_value("2.0")  # nothing typed is lost

    saved = tmp_path / "license.html"
    saved.write_text(PAGE, encoding="utf-8")
    page.locator("input[type=file]").set_input_files(str(saved))
    page.get_by_role("button", name="Add version").click()

    expect(page.get_by_text("“license.html” was a web page (HTML)")).to_be_visible()
    toc = page.locator("nav.toc")
    for address in ("1(a)", "1(b)", "2(a)", "2(b)"):
        expect(toc.get_by_role("link", name=f"{address} ", exact=False).first).to_be_visible()
    body = page.locator("main").inner_text()
    assert "Home" not in body.split("Example Model License 2.0")[-1]  # the site's menu is not a clause
    assert "track()" not in body and "Privacy" not in body


def test_a_word_draft_keeps_the_clause_numbers_word_draws(live_server, page: Page, tmp_path):
    from tests.licenses.documents import docx, docx_level, docx_list, docx_paragraph

    steward = make_user(username="wanda", roles=("steward",))
    license = make_license(slug="wml", name="Word Model License")
    license.stewards.add(steward)
    log_in(page, live_server, steward)
    numbering = docx_list(
        docx_level(0, "decimal", "%1."),
        docx_level(1, "decimal", "%1.%2"),
        docx_level(2, "lowerLetter", "(%3)"),
    )
    body = (
        docx_paragraph("Word Model License")
        + docx_paragraph("Definitions", num=1)
        + docx_paragraph("“Output” means what the Model makes.", num=1, level=1)
        + docx_paragraph("Distribution", num=1)
        + docx_paragraph("Conditions. You may share Output, provided that:", num=1, level=1)
        + docx_paragraph("You keep this License with every copy; and", num=1, level=2)
        + docx_paragraph("where You share a collection of Output as a dataset, You include a notice.", num=1, level=2)
    )
    draft = tmp_path / "WML draft 3.docx"
    draft.write_bytes(docx(body, numbering=numbering))

    page.goto(f"{live_server.url}/licenses/wml/versions/new/")
    page.get_by_label("Label").fill("draft 3")
    page.locator("input[type=file]").set_input_files(str(draft))
    page.get_by_role("button", name="Add version").click()

    expect(page.get_by_text("“WML draft 3.docx” was a Word document")).to_be_visible()
    toc = page.locator("nav.toc")
    for address in ("1.1", "2.1", "2.1(a)", "2.1(b)"):
        expect(toc.get_by_role("link", name=f"{address} ", exact=False).first).to_be_visible()
    expect(page.locator("main")).to_contain_text("You include a notice.")
