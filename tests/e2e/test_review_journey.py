"""The review journey of issue 4, in a real browser against the live server."""

import pytest
from playwright.sync_api import Browser, Page, expect

from review.models import Comment, Thread
from tests.factories import make_review, make_user, osd_criterion

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


PASSWORD = "a sturdy clause 42"


def log_in(page: Page, base: str, username: str, password: str = PASSWORD) -> None:
    page.goto(f"{base}/accounts/login/")
    page.get_by_label("Username").fill(username)
    page.get_by_label("Password").fill(password)
    page.locator("main").get_by_role("button", name="Log in").click()
    expect(page.locator(".account")).to_contain_text(username)


def select_words(page: Page, clause_selector: str, words: str) -> None:
    """Select ``words`` inside a clause's text the way a mouse drag would."""
    page.evaluate(
        """([sel, words]) => {
            const el = document.querySelector(sel);
            const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
            let node;
            while ((node = walker.nextNode())) {
                const at = node.data.indexOf(words);
                if (at >= 0) {
                    const range = document.createRange();
                    range.setStart(node, at);
                    range.setEnd(node, at + words.length);
                    const s = window.getSelection();
                    s.removeAllRanges();
                    s.addRange(range);
                    return;
                }
            }
            throw new Error("words not found");
        }""",
        [clause_selector, words],
    )


def test_review_journey(live_server, browser: Browser, settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    base = live_server.url
    admin = make_user(
        "mona", password=PASSWORD, is_staff=True, is_superuser=True
    )  # a moderator with the admin
    make_user("tomas", roles=("reviewer",), password=PASSWORD)
    review = make_review(opened_by=admin)
    review_url = f"{base}{review.get_absolute_url()}"

    # 1. Sign up.
    ines = browser.new_page()
    ines.goto(f"{base}/accounts/signup/")
    ines.get_by_label("Username").fill("ines")
    ines.get_by_label("Email").fill("ines@example.org")
    ines.get_by_label("Password", exact=True).fill(PASSWORD)
    ines.get_by_label("Password confirmation").fill(PASSWORD)
    ines.get_by_label("Display name").fill("Ines O.")
    ines.get_by_role("button", name="Sign up").click()
    expect(ines.get_by_role("heading", name="Your profile")).to_be_visible()
    expect(ines.locator("dl.meta")).to_contain_text("None yet")
    ines.goto(review_url)
    expect(ines.get_by_text("Only reviewers can comment")).to_be_visible()
    expect(ines.locator(".new-thread")).to_have_count(0)

    # 2. A moderator grants the reviewer role in the admin.
    mod = browser.new_page()
    mod.goto(f"{base}/admin/login/?next=/admin/auth/user/")
    mod.locator("#id_username").fill("mona")
    mod.locator("#id_password").fill(PASSWORD)
    mod.locator("input[type=submit]").click()
    mod.get_by_role("link", name="ines", exact=True).click()
    mod.locator("#id_groups_from").wait_for()  # the admin's two-list widget, built by its script
    mod.locator("#id_groups_from").select_option(label="reviewer")
    mod.locator("#id_groups_add").click()
    mod.locator("input[name=_save]").click()
    expect(mod.locator(".messagelist")).to_contain_text("was changed successfully")

    # 3. Open the review.
    ines.goto(review_url)
    expect(ines.get_by_role("heading", level=1)).to_contain_text("Review of")
    clause = ines.locator("#c-2\\.2\\.b")
    expect(clause).to_contain_text("as a dataset")

    # 4. Select words in a clause and post an objection tagged OSD 6.
    select_words(ines, "#c-2\\.2\\.b .clause-text", "as a dataset")
    ines.get_by_role("button", name="Comment on selection").click()
    form = ines.locator("#new-thread-" + str(review.version.clauses.get(anchor="2.2.b").pk))
    expect(form.locator(".quote-preview blockquote")).to_have_text("as a dataset")
    form.get_by_label("Criterion (optional)").select_option(label=f"OSD 6: {osd_criterion(6).title}")
    form.get_by_label("Objection").check()
    form.get_by_label("Comment", exact=True).fill("A dataset notice restricts *downstream* use.")
    form.get_by_role("button", name="Start thread").click()
    thread_box = ines.locator(".thread").first
    expect(thread_box).to_contain_text("OSD 6")
    expect(thread_box.locator(".comment-head .stance")).to_have_text("Objection")
    expect(clause.locator("mark")).to_have_text("as a dataset")
    thread = Thread.objects.get()
    assert (thread.quote_exact, thread.criterion.number) == ("as a dataset", 6)

    # 5. A second user replies with a question.
    tomas = browser.new_page()
    log_in(tomas, base, "tomas")
    tomas.goto(review_url)
    box = tomas.locator(f"#t-{thread.pk}")
    box.locator("summary", has_text="Reply").click()
    box.get_by_label("Question").check()
    box.get_by_label("Your reply").fill("Which downstream uses do you mean?")
    box.get_by_role("button", name="Post reply").click()
    expect(tomas.locator(f"#t-{thread.pk} .comment")).to_have_count(2)
    expect(tomas.locator(f"#t-{thread.pk} .comment").nth(1)).to_contain_text("Which downstream uses")

    # 6. The first edits their comment; the history shows.
    ines.reload()
    first = ines.locator(f"#t-{thread.pk} .comment").first
    first.get_by_role("link", name="Edit").click()
    ines.locator(".comment.editing textarea[name=body]").fill(
        "A dataset notice restricts every downstream user."
    )
    ines.get_by_role("button", name="Save changes").click()
    first = ines.locator(f"#t-{thread.pk} .comment").first
    expect(first.locator(".comment-body")).to_have_text("A dataset notice restricts every downstream user.")
    first.locator(".history summary").click()
    expect(first.locator(".revisions pre")).to_have_text("A dataset notice restricts *downstream* use.")

    # 7. A moderator resolves the thread.
    mod.goto(review_url)
    mod.locator(f"#t-{thread.pk}").get_by_role("button", name="Resolve thread").click()
    expect(mod.locator(f"#t-{thread.pk} .thread-status")).to_have_text("Resolved")
    expect(mod.locator(f"#t-{thread.pk} .comments")).to_be_hidden()  # collapsed

    # 8. After a reload, everything is there.
    ines.reload()
    box = ines.locator(f"#t-{thread.pk}")
    expect(box.locator(".thread-status")).to_have_text("Resolved")
    expect(box).to_contain_text("Resolved by mona")
    box.locator("summary.thread-head").click()
    expect(box.locator(".comment")).to_have_count(2)
    expect(box.locator(".comment").first.locator(".stance").first).to_have_text("Objection")
    expect(box.locator(".comment").nth(1)).to_contain_text("Which downstream uses")
    expect(box.locator(".history summary")).to_contain_text("edited")
    expect(ines.locator("#c-2\\.2\\.b mark")).to_have_text("as a dataset")
    ines.goto(review_url + "?show=resolved")
    expect(ines.locator("section.clause")).to_have_count(1)
    assert Comment.objects.count() == 2
    assert Comment.objects.filter(edited_at__isnull=False).count() == 1
