"""An editor in the real admin: slugs typed from titles, a refused image in the multiple upload."""

import pytest
from playwright.sync_api import expect

from tests.test_upload_limits import bomb_png

pytestmark = pytest.mark.browser

PASSWORD = "redaktoer-kodeord-2026"


@pytest.fixture
def editor(site_pages):
    """A user of the Editors group (as the roles set it up), created before the browser."""
    from django.apps import apps
    from django.contrib.auth import get_user_model
    from django.contrib.auth.models import Group
    from wagtail.models import Page

    from editorial.roles import apply_roles

    # A live-server test's database is flushed after it, groups from migrations included.
    apply_roles(apps)
    user = get_user_model().objects.create_user("redaktoer", "r@example.org", PASSWORD)
    user.groups.add(Group.objects.get(name="Editors"))
    return {"home_id": Page.objects.get(depth=2).pk}


def log_in(page, site_url):
    page.goto(f"{site_url}/admin/login/")
    page.fill("#id_username", "redaktoer")
    page.fill("#id_password", PASSWORD)
    page.click("button[type=submit]")
    page.wait_for_url(f"{site_url}/admin/")


def test_slugs_typed_from_titles_spell_danish_letters(site_url, editor, page):
    log_in(page, site_url)
    page.goto(f"{site_url}/admin/pages/add/core/informationpage/{editor['home_id']}/")
    title = page.locator("#id_title_da")
    title.press_sequentially("Æblehaven på Østergård")
    # Wagtail copies the title to the slug a moment (its debounce) after typing stops.
    expect(page.locator("#id_slug_da")).to_have_value("aeblehaven-paa-oestergaard")
    title.press_sequentially(" – Café Über ÆRØ")
    expect(page.locator("#id_slug_da")).to_have_value("aeblehaven-paa-oestergaard-cafe-uber-aeroe")


def test_a_refused_image_in_the_multiple_upload_shows_one_message(site_url, editor, page):
    log_in(page, site_url)
    page.goto(f"{site_url}/admin/images/multiple/add/")
    page.set_input_files(
        "#fileupload", files=[{"name": "bombe.png", "mimeType": "image/png", "buffer": bomb_png()}]
    )
    row = page.locator("#upload-list > li.upload-failure")
    row.wait_for()
    row.locator(".error_messages").filter(has_text="pixels").wait_for()
    visible = [p.inner_text().strip() for p in row.locator(".right p").all() if p.is_visible()]
    assert visible == [
        "Billedet har for mange pixels. Det må højst have 40 megapixel; gør det mindre, og "
        "prøv igen."
    ]
