"""Two app servers behind Varnish, as docs/deployment.md draws them: two gunicorn servers on
different ports sharing the PostgreSQL test database (committed to) and the tests' Redis
database, each with its own media folder, and varnishd in front running deploy/varnish.vcl
(operations.varnish.vcl_for: only its app servers part is written for the two ports).

Which server answered a request is read from the servers' own access logs: every request here
carries a User-Agent of its own. A second pair of servers has no database at all, as in a
database outage everywhere. Media are in a bucket of moto's S3 server (tests/s3.py), as in
production with several servers: an image an editor uploads through server 1 is shown by server 2.
Heavy (three servers, a 15-second probe window): `make
test-slow`, which CI runs on PostgreSQL with Redis.
"""

import os
import time
import urllib.error
import urllib.parse
import urllib.request
from http.cookiejar import CookieJar

import pytest
import urllib3
from django.apps import apps
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.db import connection
from django.utils import translation
from wagtail.images import get_image_model
from wagtail.images.tests.utils import get_test_image_file
from wagtail.models import Collection
from wagtail.test.utils.form_data import nested_form_data, streamfield

from core.models import SiteSettings
from editorial.roles import apply_roles
from strategy.models import ProjectPage
from tests.factories import make_page, make_site_tree, recreate_wagtail_defaults
from tests.s3 import files_below
from tests.servers import NoRedirects, app_servers_behind_varnish, get, kill_server, wait_for
from tests.test_media_storage import image_addresses
from tests.test_page_types import edit_form_data

REDIS_URL = os.environ.get("DJANGO_TEST_REDIS_URL", "")
PASSWORD = "fjordbyen-er-resilient-2016"  # noqa: S105 (a test user's)
# varnish.vcl's probe: a dead server is out after 3 failed probes 5 s apart. Generous on top,
# for a busy machine; the test polls Varnish's own view and never sleeps this long blindly.
PROBE_WINDOW_LIMIT = 90
RUN_AFTER_THE_WINDOW = 200

pytestmark = pytest.mark.slow


@pytest.fixture
def site(tmp_path, s3_bucket):
    """The site's pages, an editor, a moderator and two app servers behind Varnish serving them,
    their media in one bucket."""
    if connection.vendor != "postgresql":
        pytest.skip("the app servers need a database they can share: the PostgreSQL suite")
    if not REDIS_URL:
        pytest.skip("the app servers share Redis: DJANGO_TEST_REDIS_URL (make test-slow in CI)")
    recreate_wagtail_defaults()  # an earlier transactional test emptied every table
    tree = make_site_tree()
    tree["basin"] = make_page(
        tree["pillar"],
        ProjectPage,
        "Havneparken grønt regnvandsbassin",
        "Harbour Park rain basin",
        "havneparken-grønt-regnvandsbassin",
        "harbour-park-rain-basin",
    )
    SiteSettings.for_site(tree["home"].get_site())  # made now, not by the first visit
    apply_roles(apps)  # the groups and their permissions, emptied with every table
    for username, group in (("redaktør", "Editors"), ("moderator", "Moderators")):
        user = get_user_model().objects.create_user(username, f"{group}@example.org", PASSWORD)
        user.groups.add(Group.objects.get(name=group))
    db = connection.settings_dict
    database_url = f"postgres://{db['USER']}@{db['HOST']}:{db['PORT']}/{db['NAME']}"
    with app_servers_behind_varnish(
        database_url, tmp_path, env={"DJANGO_TEST_REDIS_URL": REDIS_URL, **s3_bucket}
    ) as cluster:
        yield tree, cluster


def address(page, language="da") -> str:
    with translation.override(language):
        return page.get_url()


def visit(url: str, visitor: str):
    """An anonymous visitor's GET (Host: the site's), as `visitor` (User-Agent)."""
    return get(url, headers={"Host": "localhost", "User-Agent": visitor}, timeout=60)


class AdminUser:
    """An editor or moderator in the admin of one app server: the real login, upload and edit
    forms."""

    def __init__(self, base: str, username: str):
        self.base = base
        self.username = username
        self.cookies = CookieJar()
        self.opener = urllib.request.build_opener(
            urllib.request.HTTPCookieProcessor(self.cookies), NoRedirects
        )

    def csrf_token(self) -> str:
        return next(cookie.value for cookie in self.cookies if cookie.name == "csrftoken")

    def post(self, path: str, data: dict, files: dict | None = None) -> int:
        """The answer's status; a redirect (success) is not followed. `files`: name →
        (file name, bytes, content type), sent as multipart/form-data as a browser does."""
        fields = {**data, "csrfmiddlewaretoken": self.csrf_token()}
        headers = {"Host": "localhost"}
        if files:
            body, headers["Content-Type"] = urllib3.encode_multipart_formdata({**fields, **files})
        else:
            body = urllib.parse.urlencode(fields).encode()
        request = urllib.request.Request(self.base + path, data=body, headers=headers)
        try:
            with self.opener.open(request, timeout=60) as response:
                return response.status
        except urllib.error.HTTPError as answer:
            return answer.code

    def log_in(self):
        request = urllib.request.Request(self.base + "/admin/login/", headers={"Host": "localhost"})
        self.opener.open(request, timeout=60).read()  # the form, and its CSRF cookie
        status = self.post("/admin/login/", {"username": self.username, "password": PASSWORD})
        assert status == 302, status
        assert any(cookie.name == "sessionid" for cookie in self.cookies), "not logged in"

    def upload_image(self, title: str, file_name: str) -> int:
        """Adds an image through the admin's upload form; its id."""
        image = get_test_image_file(filename=file_name, size=(1400, 900)).file.getvalue()
        data = {
            "title": title,
            "collection": Collection.get_first_root_node().pk,
            "tags": "",
            "description": f"{title}, set fra bådebroen",  # alt text, required in Danish
            "description_en": "",
        }
        files = {"file": (file_name, image, "image/png")}
        assert self.post("/admin/images/add/", data, files) == 302  # the form again: errors
        return get_image_model().objects.get(title=title).pk

    def publish(self, page, suffix: str, image_id: int | None = None) -> str:
        """Publishes `page` with `suffix` added to its titles (and the image as its body in both
        languages); the page's new Danish title."""
        data = {**edit_form_data(page, suffix), "action-publish": "action-publish"}
        if image_id is not None:
            block = ("image", {"image": image_id, "caption": "", "decorative": False})
            data = {k: v for k, v in data.items() if not k.startswith(("body_da-", "body_en-"))}
            data |= nested_form_data(
                {"body_da": streamfield([block]), "body_en": streamfield([block])}
            )
        # Published: a redirect to the explorer (the form again, 200, would list errors).
        assert self.post(f"/admin/pages/{page.pk}/edit/", data) == 302
        return page.title_da + f" {suffix}"


@pytest.mark.django_db(transaction=True)
def test_two_app_servers_share_the_load_media_purges_and_a_crash(site, s3_server, s3_bucket):
    tree, cluster = site
    first, second = cluster.servers
    varnish = cluster.varnish.url

    # (a) Varnish shares visitors' requests between the two servers, round robin.
    pages = ["home", "strategy", "pillar", "principles", "catalogue", "network"]
    answered = []
    for number, name in enumerate(pages):
        status, headers, _body, _ = visit(varnish + address(tree[name]), f"rundgang-{number}")
        assert (status, headers["X-Edge-Cache"]) == (200, "miss"), name
        answered.append(cluster.answered_by(f"rundgang-{number}"))
    assert answered.count(0) == answered.count(1) == len(pages) // 2, answered
    # Varnish keeps them: a second visit reaches no server.
    status, headers, _body, _ = visit(varnish + address(tree["home"]), "igen")
    assert (status, headers["X-Edge-Cache"]) == (200, "hit")
    assert not first.answered("igen") and not second.answered("igen")

    # (b) A moderator publishes on server 1; the next visitor, sent to server 2, sees it.
    basin = tree["basin"]
    basin_address = address(basin)
    assert "gr%C3%B8nt" in basin_address  # ø, percent-encoded as browsers send it
    visit(varnish + basin_address, "fylder-cachen")
    status, headers, body, _ = visit(varnish + basin_address, "fra-cachen")
    assert (status, headers["X-Edge-Cache"]) == (200, "hit")
    assert "Havneparken grønt regnvandsbassin" in body

    # The editor's photo goes up through server 1, into the bucket; the moderator puts it on the
    # page, also through server 1.
    editor = AdminUser(first.url, "redaktør")
    editor.log_in()
    image_id = editor.upload_image("Regnvandsbassinet i Havneparken", "havneparken-bassin.png")
    moderator = AdminUser(first.url, "moderator")
    moderator.log_in()
    new_title = moderator.publish(basin, "– ny etape", image_id=image_id)

    # Steer the round robin: once server 1 has answered an uncached request, server 2 is next.
    steering = iter(range(10))

    def server_1_answered_last():
        agent = f"styring-{next(steering)}"
        assert visit(varnish + "/healthz", agent)[0] == 200
        return cluster.answered_by(agent) == 0

    wait_for(server_1_answered_last, 60, "a request through Varnish answered by server 1")
    status, headers, body, _ = visit(varnish + basin_address, "efter-udgivelsen")
    assert cluster.answered_by("efter-udgivelsen") == 1
    assert (status, headers["X-Edge-Cache"]) == (200, "miss")
    assert new_title in body
    # Server 2 shows the photo server 1 received: its renditions, loaded from the bucket.
    photos = [a for a in image_addresses(body) if "havneparken-bassin" in a]
    assert photos, "the uploaded image is not on the page server 2 rendered"
    for photo in photos:
        assert photo.startswith(s3_server.endpoint), photo
        status, headers, _body, _ = get(photo)
        assert status == 200 and headers["Content-Type"].startswith("image/"), photo
    # Nothing an app server needs was kept on one server's own disk.
    assert files_below(first.media_root) == files_below(second.media_root) == []

    # (c) Server 1 crashes. Visitors' requests that reach the servers (new addresses: campaign
    # links) keep being answered while Varnish's probes notice, and after that by server 2.
    kill_server(first.process)
    killed_at = time.monotonic()
    during_window = []
    requests = iter(range(10_000))

    def server_1_out():
        status = visit(varnish + f"{basin_address}?utm_source=nedbrud-{next(requests)}", "")[0]
        during_window.append(status)
        return not cluster.varnish.backends()["app_1"]

    wait_for(server_1_out, PROBE_WINDOW_LIMIT, "Varnish's probe taking server 1 out", every=0.1)
    errors_in_window = sum(status >= 500 for status in during_window)
    print(
        f"\nServer 1 killed: {len(during_window)} requests in the "
        f"{time.monotonic() - killed_at:.1f} s until Varnish's probe took it out, "
        f"{errors_in_window} of them answered 5xx."
    )
    after = []
    for number in range(RUN_AFTER_THE_WINDOW):
        status, _headers, body, _ = visit(
            varnish + f"{basin_address}?utm_source=efter-{number}", f"efter-{number}"
        )
        after.append(status)
        assert new_title in body
    assert after == [200] * RUN_AFTER_THE_WINDOW
    assert cluster.answered_by(f"efter-{RUN_AFTER_THE_WINDOW - 1}") == 1
    # Varnish asks the next server once when a server refuses the connection
    # (vcl_backend_error): not even the requests inside the probe window failed.
    assert errors_in_window == 0, during_window


def test_with_the_database_away_everywhere_visitors_get_the_apps_own_503_page(tmp_path):
    """Every server fails its probe (/healthz: 503 without a database): Varnish asks them all
    the same, and visitors get the site's bilingual 503 page with Retry-After, not Varnish's."""
    unreachable = "postgres://postgres@127.0.0.1:1/rv_database_away"  # nothing listens on 1
    with app_servers_behind_varnish(unreachable, tmp_path) as cluster:
        varnish = cluster.varnish

        def both_out():
            health = varnish.backends()
            return not health["app_1"] and not health["app_2"]

        wait_for(both_out, PROBE_WINDOW_LIMIT, "Varnish's probes taking both servers out")
        for number, path in enumerate(["/", "/strategien/", "/en/"]):
            status, headers, body, _ = visit(varnish.url + path, f"nedetid-{number}")
            assert status == 503, path
            assert int(headers["Retry-After"]) > 0, path
            assert "Siden er midlertidigt utilgængelig" in body, path
            assert cluster.answered_by(f"nedetid-{number}") in {0, 1}
