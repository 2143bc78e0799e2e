"""Every process shares the caches through Redis, as in production: an edit made in one process
is seen at once by all of gunicorn's workers, whatever worker a visitor reaches.

Two processes edit here: this test's own (as an editor's request on some worker would) and
`manage.py publish_scheduled` (as cron runs it). gunicorn serves the PostgreSQL test database,
committed to (transaction=True), with the tests' Redis database: CI's PostgreSQL suite.
"""

import os
import subprocess
import sys
from datetime import timedelta

import pytest
from django.db import connection
from django.utils import timezone

from core.models import SiteSettings
from tests.factories import make_site_tree, recreate_wagtail_defaults
from tests.servers import BASE_DIR, get, start_gunicorn, subprocess_env

REDIS_URL = os.environ.get("DJANGO_TEST_REDIS_URL", "")

pytestmark = [
    pytest.mark.skipif(
        not REDIS_URL, reason="needs Redis: DJANGO_TEST_REDIS_URL (make test-postgres in CI)"
    ),
    pytest.mark.django_db(transaction=True),
]

VISITS = 12  # a new connection each: both workers answer some


@pytest.fixture
def site_in_two_workers():
    if connection.vendor != "postgresql":
        pytest.skip("gunicorn needs a database it can share: the PostgreSQL suite")
    recreate_wagtail_defaults()  # an earlier transactional test emptied every table
    tree = make_site_tree()
    SiteSettings.for_site(tree["home"].get_site())  # made now, not by the first visit
    db = connection.settings_dict
    database_url = f"postgres://{db['USER']}@{db['HOST']}:{db['PORT']}/{db['NAME']}"
    env = {"DJANGO_TEST_REDIS_URL": REDIS_URL}
    url, process = start_gunicorn(database_url, workers=2, **env)
    yield tree, url, {**env, "DATABASE_URL": database_url}
    process.terminate()
    process.wait(timeout=30)


def visit(url: str) -> list[tuple[str, str]]:
    """(X-Page-Cache, body) of each of several visits."""
    answers = []
    for _ in range(VISITS):
        status, headers, body, _seconds = get(url, headers={"Host": "localhost"})
        assert status == 200, (url, status)
        answers.append((headers["X-Page-Cache"], body))
    return answers


def test_an_edit_in_any_process_reaches_every_worker(site_in_two_workers):
    tree, base, env = site_in_two_workers
    project, pillar = tree["project"], tree["pillar"]

    # One worker renders the page once; every later visit, on either worker, is a hit.
    first, *later = visit(base + project.url)
    assert first[0] == "miss"
    assert {cache for cache, _body in later} == {"hit"}
    visit(base + pillar.url)

    # An editor publishes (here: this process, as a request on one worker would).
    project.title_da = "Fjordbyen – udvidet"
    project.save_revision().publish()
    for url in (project.url, pillar.url):
        answers = visit(base + url)
        assert all("Fjordbyen – udvidet" in body for _cache, body in answers), url
        assert [cache for cache, _body in answers].count("miss") == 1, url

    # Cron's publish_scheduled, a third process, publishes a revision whose time has come.
    project.title_da = "Fjordbyen – planlagt"
    revision = project.save_revision()
    revision.approved_go_live_at = timezone.now() - timedelta(minutes=1)
    revision.save()
    done = subprocess.run(
        [sys.executable, "manage.py", "publish_scheduled"],
        cwd=BASE_DIR,
        env=subprocess_env(**env),
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    for url in (project.url, pillar.url):
        assert all("Fjordbyen – planlagt" in body for _cache, body in visit(base + url)), url
