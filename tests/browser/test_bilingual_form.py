"""The page editor's two languages in a real browser, as an Editors user (issue 13): the
English notice follows the form while typing, submitting without English title asks once and
goes on when told to, and the copy button fills the empty English body."""

import io

import pytest

pytestmark = pytest.mark.browser

PASSWORD = "Redaktør-2026-kodeord"


@pytest.fixture
def editor_page(site_pages):
    """A Danish-only page with a Danish body, and an Editors user (before the browser starts:
    see conftest)."""
    from django.contrib.auth import get_user_model
    from django.contrib.auth.models import Group
    from django.core.management import call_command

    from core.models import InformationPage
    from editorial.roles import EDITORS, MODERATORS
    from strategy.models import HomePage
    from tests.factories import make_page

    # The groups and the workflow of the data migration (a previous test's flush removed them).
    call_command("setup_editorial_roles", stdout=io.StringIO())
    for username, group in (("redaktoer", EDITORS), ("moderator", MODERATORS)):
        user = get_user_model().objects.create_user(username, f"{username}@example.org", PASSWORD)
        user.groups.add(Group.objects.get(name=group))
    home = HomePage.objects.get()
    body = [
        {"type": "heading", "value": {"text": "Skybrud på Østergade"}},
        {"type": "paragraph", "value": '<p>Læs <a href="https://example.org/">rapporten</a>.</p>'},
        {"type": "quote", "value": {"text": "Vand er en ressource", "attribution": "Byrådet"}},
    ]
    page = make_page(home, InformationPage, "Skybrud", slug_da="skybrud", body_da=body)
    return page.pk


def log_in(page, site_url, username="redaktoer"):
    page.goto(f"{site_url}/admin/login/")
    page.fill("#id_username", username)
    page.fill("#id_password", PASSWORD)
    page.click("button[type=submit]")
    page.wait_for_url(f"{site_url}/admin/")


COUNT_SUBMITS = """() => {
    window.rvSubmits = 0;
    document.querySelector('[data-edit-form]').addEventListener('submit', () => window.rvSubmits++);
}"""


def notice_items(page):
    return page.locator("[data-english-completeness] li[data-english-field]:visible")


def test_notice_follows_typing_and_submit_without_english_title_asks_once(
    site_url, editor_page, page
):
    log_in(page, site_url)
    page.goto(f"{site_url}/admin/pages/{editor_page}/edit/")
    assert page.get_by_text("Titel (dansk)").count() >= 1
    assert page.get_by_text("Titel (engelsk)").count() >= 1
    assert page.locator("#id_title_en").get_attribute("placeholder") is None
    warning = page.locator("[data-english-title-missing]")
    assert warning.is_visible()
    assert "Titel" in notice_items(page).all_inner_texts()

    page.fill("#id_title_en", "Cloudburst")
    page.wait_for_function(
        "() => document.querySelector('[data-english-title-missing]').hidden === true"
    )
    assert "Titel" not in notice_items(page).all_inner_texts()
    page.fill("#id_title_en", "")
    warning.wait_for(state="visible")

    dialogs = []

    def answer(dialog, accept):
        dialogs.append(dialog.message)
        dialog.accept() if accept else dialog.dismiss()

    # "No": nothing is sent, the editor stays in the form.
    page.evaluate(COUNT_SUBMITS)
    page.once("dialog", lambda dialog: answer(dialog, False))
    page.locator("footer [data-w-dropdown-target='toggle']").first.click()
    page.locator("button[name='action-submit']").click()
    assert dialogs == ["Siden vises ikke på engelsk. Send til godkendelse alligevel?"]
    assert page.evaluate("window.rvSubmits") == 0
    assert page.url.endswith(f"/admin/pages/{editor_page}/edit/")
    assert page.locator("button[name='action-submit']").is_enabled()

    # "Yes": submitted as it is, after one question.
    page.once("dialog", lambda dialog: answer(dialog, True))
    with page.expect_navigation():
        page.locator("button[name='action-submit']").click()
    assert len(dialogs) == 2
    success = page.locator(".messages .success")
    assert success.count() == 1, page.content()
    assert "Skybrud" in success.inner_text()  # Wagtail's "submitted for moderation" message


def test_copy_button_fills_the_empty_english_body(site_url, editor_page, page):
    log_in(page, site_url)
    page.goto(f"{site_url}/admin/pages/{editor_page}/edit/")
    dialogs = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    button = page.locator("button[name='copy-danish-body']")
    # Moved by the script into the English body's panel.
    assert button.evaluate("b => b.closest('section').id").endswith("body_en-section")
    assert page.locator("input[name='body_en-count']").input_value() == "0"
    with page.expect_navigation():
        button.click()
    assert dialogs == []  # saving a draft asks nothing
    assert page.locator("input[name='body_en-count']").input_value() == "3"
    assert page.locator("button[name='copy-danish-body']").count() == 0
    assert page.get_by_text("Det engelske indhold er stadig en kopi af det danske").is_visible()
    english_heading = page.locator("input[name='body_en-0-value-text']")
    assert english_heading.input_value() == "Skybrud på Østergade"


def test_moderator_publishing_without_english_title_is_asked_and_publishes(
    site_url, editor_page, page
):
    log_in(page, site_url, "moderator")
    page.goto(f"{site_url}/admin/pages/{editor_page}/edit/")
    dialogs = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.accept()))
    page.locator("footer [data-w-dropdown-target='toggle']").first.click()
    with page.expect_navigation():
        page.locator("button[name='action-publish']").click()
    assert dialogs == ["Siden vises ikke på engelsk. Udgiv alligevel?"]
    assert "Skybrud" in page.locator(".messages .success").inner_text()
    page.goto(f"{site_url}/skybrud/")
    assert page.locator("h1").inner_text() == "Skybrud"

    # With an English title nothing is asked.
    page.goto(f"{site_url}/admin/pages/{editor_page}/edit/")
    page.fill("#id_title_en", "Cloudburst")
    page.get_by_role("tab", name="Promover").click()  # the slug's tab
    page.fill("#id_slug_en", "cloudburst")
    page.locator("footer [data-w-dropdown-target='toggle']").first.click()
    with page.expect_navigation():
        page.locator("button[name='action-publish']").click()
    assert len(dialogs) == 1
    page.goto(f"{site_url}/en/cloudburst/")
    assert page.locator("h1").inner_text() == "Cloudburst"


@pytest.fixture
def submitted_page(editor_page):
    """The page, submitted for moderation by the editor (before the browser starts)."""
    from django.contrib.auth import get_user_model

    from core.models import InformationPage

    page = InformationPage.objects.get(pk=editor_page)
    editor = get_user_model().objects.get(username="redaktoer")
    page.save_revision(user=editor)
    page.get_workflow().start(page, editor)
    return page.pk


def test_moderator_approving_without_english_title_is_asked(site_url, submitted_page, page):
    log_in(page, site_url, "moderator")
    page.goto(f"{site_url}/admin/pages/{submitted_page}/edit/")
    dialogs = []
    page.once("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    approve = page.locator("button[data-workflow-action-name='approve']").first
    if not approve.is_visible():
        page.locator("footer [data-w-dropdown-target='toggle']").first.click()
    approve.click()
    assert dialogs == ["Siden vises ikke på engelsk. Udgiv alligevel?"]
    # Wagtail's own click handler (which adds the workflow action to the form) never ran.
    assert page.locator("input[name='action-workflow-action']").count() == 0
    assert page.url.endswith(f"/admin/pages/{submitted_page}/edit/")

    page.once("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.accept()))
    with page.expect_navigation():
        approve.click()
    assert len(dialogs) == 2
    page.goto(f"{site_url}/skybrud/")
    assert page.locator("h1").inner_text() == "Skybrud"
