"""Issue 13, done when: an editor publishes a bilingual project with an image and English alt
text through the moderation workflow, and an anonymous visitor sees it at once at both
addresses, one with "ø" in its slug — all through the real admin in Chromium (admin in Danish).
"""

import io
import socket
from urllib.parse import quote, urlsplit

import pytest
from PIL import Image
from playwright.sync_api import expect

from tests.servers import get

pytestmark = pytest.mark.browser

PASSWORD = "Grønt-bassin-2026-kodeord"
SLUG_DA = "havneparken-grønt-regnvandsbassin"
OLD_SUMMARY = "Regnvandet samles i et grønt bassin midt i Havneparken."
NEW_SUMMARY = "Bassinet står færdigt i 2027 – åbent for alle, også når det øser ned."
TITLE_EN = "Harbour Park green rain basin"
SLUG_EN = "harbour-park-green-rain-basin"
IMAGE_TITLE = "Regnvandsbassin i Havneparken"
ALT_DA = "Børn leger ved det grønne bassin på Havneparkens åbne plæne"
ALT_EN = "Children playing by the green basin on the Harbour Park lawn"


@pytest.fixture
def project(site_pages):
    """A live, Danish-only project with "ø" in its slug under a pillar, and an Editors and a
    Moderators user (all before the browser starts: see conftest)."""
    from django.contrib.auth import get_user_model
    from django.contrib.auth.models import Group
    from django.core.management import call_command

    from editorial.roles import EDITORS, MODERATORS
    from strategy.models import PillarPage, ProjectPage
    from tests.factories import make_page

    # The groups and the workflow (a previous live-server test's flush removed them).
    call_command("setup_editorial_roles", stdout=io.StringIO())
    for username, group in (("redaktoer", EDITORS), ("moderator", MODERATORS)):
        user = get_user_model().objects.create_user(username, f"{username}@example.org", PASSWORD)
        user.groups.add(Group.objects.get(name=group))
    pillar = PillarPage.objects.order_by("path").first()
    body = [{"type": "paragraph", "value": "<p>Bassinet tager regnvandet fra Østbyen.</p>"}]
    basin = make_page(
        pillar,
        ProjectPage,
        "Havneparken – grønt regnvandsbassin",
        slug_da=SLUG_DA,
        summary_da=OLD_SUMMARY,
        body_da=body,
    )
    # Published with a revision, as every page made in the admin or by load_initial_content is:
    # Wagtail's autosave refuses to overwrite a newer revision than the one the editor loaded,
    # but cannot tell for a page that had none (an autosave arriving after the copy action's
    # save then emptied the English body again).
    basin.save_revision().publish()
    assert not basin.title_en
    with_slug = basin.url_path_da  # e.g. /resiliente-vejle/strategien/klimaresiliens/<slug>/
    path_da = "/" + with_slug.strip("/").split("/", 1)[1] + "/"
    return {"pk": basin.pk, "path_da": path_da, "pillar_slug_en": pillar.slug_en}


def log_in(page, site_url, username):
    page.goto(f"{site_url}/admin/login/")
    page.fill("#id_username", username)
    page.fill("#id_password", PASSWORD)
    page.click("button[type=submit]")
    page.wait_for_url(f"{site_url}/admin/")


def png_bytes() -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", (640, 400), (46, 125, 50)).save(buffer, "PNG")
    return buffer.getvalue()


def anonymous(url):
    """(status, X-Page-Cache, body) of a visitor without cookies; an address with "ø" is sent
    as typed, its UTF-8 bytes in the request line (as curl does), which urllib refuses to do."""
    if url.isascii():
        status, headers, body, _ = get(url)
        return status, headers.get("X-Page-Cache"), body
    parts = urlsplit(url)
    with socket.create_connection((parts.hostname, parts.port), timeout=10) as connection:
        connection.sendall(f"GET {parts.path} HTTP/1.0\r\nHost: {parts.netloc}\r\n\r\n".encode())
        answer = b""
        while chunk := connection.recv(65536):
            answer += chunk
    head, _, body = answer.decode("utf-8", "replace").partition("\r\n\r\n")
    lines = head.split("\r\n")
    headers = dict(line.split(": ", 1) for line in lines[1:] if ": " in line)
    return int(lines[0].split()[1]), headers.get("X-Page-Cache"), body


def test_editor_publishes_bilingual_project_through_moderation(site_url, project, page):
    typed = site_url + project["path_da"]
    encoded = site_url + quote(project["path_da"])
    assert "ø" in typed and "%C3%B8" in encoded
    # 1. The visitor's page cache holds the old, Danish-only version under both forms.
    for url in (typed, encoded):
        status, _, body = anonymous(url)
        assert status == 200 and OLD_SUMMARY in body
    for url in (typed, encoded):
        status, cached, body = anonymous(url)
        assert (status, cached) == (200, "hit") and OLD_SUMMARY in body, url

    # 2. The editor uploads an image with a Danish and an English description.
    log_in(page, site_url, "redaktoer")
    page.goto(f"{site_url}/admin/images/add/")
    page.set_input_files(
        "#id_file", files=[{"name": "bassin.png", "mimeType": "image/png", "buffer": png_bytes()}]
    )
    page.fill("#id_title", IMAGE_TITLE)
    expect(page.get_by_label("Beskrivelse (dansk)")).to_be_visible()
    page.get_by_label("Beskrivelse (dansk)").fill(ALT_DA)
    page.get_by_label("Beskrivelse (engelsk)").fill(ALT_EN)
    with page.expect_navigation():
        page.locator("#id_file").evaluate("input => input.form.requestSubmit()")
    expect(page.locator(".messages .success")).to_contain_text(IMAGE_TITLE)

    # 3. The editor edits the project: an image block in the Danish body (StreamField UI and the
    # image chooser), a new Danish summary, the English title and slug.
    page.goto(f"{site_url}/admin/pages/{project['pk']}/edit/")
    page.fill("#id_summary_da", NEW_SUMMARY)
    page.fill("#id_title_en", TITLE_EN)
    body_da = page.locator("[id$='body_da-section']")
    body_da.locator("button.c-sf-add-button").last.click()
    page.get_by_role("option", name="Billede").click()
    image_block = body_da.locator("[data-contentpath='image']").last
    image_block.get_by_role("button", name="Vælg et billede").click()
    modal = page.locator(".modal-dialog")
    modal.get_by_role("link", name=IMAGE_TITLE).click()
    expect(modal).to_be_hidden()
    expect(image_block).to_contain_text(IMAGE_TITLE)
    page.get_by_role("tab", name="Promover").click()  # the slugs' tab
    page.fill("#id_slug_en", SLUG_EN)
    page.get_by_role("tab", name="Indhold").click()
    # The copy action saves a draft with the Danish blocks (the image) in the English body.
    with page.expect_navigation():
        page.locator("button[name='copy-danish-body']").click()
    expect(page.locator("input[name='body_en-count']")).to_have_value("2")
    dialogs = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.accept()))
    page.locator("footer [data-w-dropdown-target='toggle']").first.click()
    submit = page.get_by_role("button", name="Indsend til Godkendelse")
    # Wagtail autosaves the draft while the editor types: the submission may meet an autosave
    # (on in-memory SQLite the live server takes them one at a time: tests/conftest.py).
    with page.expect_navigation():
        submit.click()
    assert dialogs == []  # the English title is set: nothing to ask
    expect(page.locator(".messages .success")).to_be_visible()
    # Not yet public: the visitor still gets the old page.
    status, _, body = anonymous(typed)
    assert status == 200 and OLD_SUMMARY in body

    # 4. The moderator approves (publishes) it from the admin.
    page.context.clear_cookies()
    log_in(page, site_url, "moderator")
    page.goto(f"{site_url}/admin/pages/{project['pk']}/edit/")
    approve = page.locator("button[data-workflow-action-name='approve']").first
    if not approve.is_visible():
        page.locator("footer [data-w-dropdown-target='toggle']").first.click()
    with page.expect_navigation():
        approve.click()
    assert dialogs == []
    expect(page.locator(".messages .success")).to_be_visible()

    # 5. At once, as an anonymous visitor: both forms of the Danish address, first as typed and
    # encoded on the wire, then in a fresh browser context (no cookies).
    for url in (typed, encoded):
        status, _, body = anonymous(url)
        assert status == 200 and NEW_SUMMARY in body and OLD_SUMMARY not in body, url
    visitor = page.context.browser.new_context()
    try:
        tab = visitor.new_page()
        for url in (typed, encoded):
            response = tab.goto(url)
            assert response.status == 200, url
            expect(tab.locator(".page-header__summary")).to_have_text(NEW_SUMMARY)
            expect(tab.locator("html")).to_have_attribute("lang", "da")
            expect(tab.locator(f"img[alt='{ALT_DA}']")).to_have_count(1)
        # Served from the cache again, with the new version.
        status, cached, body = anonymous(encoded)
        assert (status, cached) == (200, "hit") and NEW_SUMMARY in body

        tab.goto(typed)
        tab.locator("a[hreflang='en']").first.click()
        tab.wait_for_load_state()
        assert tab.url.startswith(site_url + "/en/") and tab.url.endswith(f"/{SLUG_EN}/")
        expect(tab.locator("html")).to_have_attribute("lang", "en")
        expect(tab.locator("h1")).to_have_text(TITLE_EN)
        english_image = tab.locator(f"img[alt='{ALT_EN}']")
        expect(english_image).to_have_count(1)
        assert english_image.get_attribute("lang") is None  # English, not the Danish fallback
        expect(tab.locator(f"img[alt='{ALT_DA}']")).to_have_count(0)
    finally:
        visitor.close()
