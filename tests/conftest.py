import threading

import pytest
from django.core.cache import caches
from django.core.servers.basehttp import ThreadedWSGIServer
from django.test.testcases import LiveServerThread
from django.utils import translation


def _forget_redis_outages():
    """A test that cut Redis leaves this process's circuit breaker open for a few seconds, and
    meanwhile the page cache is skipped: the next test must not inherit that."""
    from caching.backend import _Outage

    _Outage.retry_at = 0.0
    _Outage.dropped_nothing = False
    _Outage.failing = False
    _Outage.memory.clear()


class OneRequestAtATimeOnASharedConnection(ThreadedWSGIServer):
    """The live server (pytest-django's live_server, the browser tests) answering one request at
    a time when its threads share the test process's database connection (in-memory SQLite).

    On one shared connection, two requests at once run inside each other's transactions. Wagtail's
    page editor autosaves a draft every half second while the editor types, so a submit to
    moderation and an autosave of the same page meet often enough: the search index's rows of
    one were written into the other's transaction (a UNIQUE failure) and the submit never came
    back. A real server gives each thread its own connection (as on PostgreSQL, where the live
    server stays fully threaded).
    """

    def set_app(self, application):
        if self.connections_override:
            lock = threading.Lock()

            def one_at_a_time(environ, start_response):
                with lock:
                    return application(environ, start_response)

            return super().set_app(one_at_a_time)
        return super().set_app(application)


LiveServerThread.server_class = OneRequestAtATimeOnASharedConnection


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    """pytest-django's test database, which every flush now leaves as the migrations made it
    (tests/migrated_data.py)."""
    from tests.migrated_data import TableRows, restore_after_every_flush

    with django_db_blocker.unblock():
        restore_after_every_flush(TableRows().capture())


@pytest.fixture(autouse=True)
def _fresh_cache_and_language():
    """Caches hold site root paths, renditions and pages that outlive each test's database."""
    _forget_redis_outages()
    for cache in caches.all():
        cache.clear()
    translation.activate("da")
    yield
    _forget_redis_outages()
    for cache in caches.all():
        cache.clear()
    translation.deactivate()


@pytest.fixture(autouse=True)
def _client_login_passes_a_request(monkeypatch):
    """django-axes refuses authenticate() without a request; Client.login() gives none.

    The real login form always passes one (the lockout tests use it); this lets the tests'
    ``client.login()`` (and Wagtail's ``WagtailTestUtils.login``) go through axes the same way.
    """
    from django.http import HttpRequest
    from django.test.client import Client

    original_login = Client.login

    def login(self, **credentials):
        credentials.setdefault("request", HttpRequest())
        return original_login(self, **credentials)

    monkeypatch.setattr(Client, "login", login)


@pytest.fixture(scope="session")
def s3_server():
    """moto's S3 API server in its own process for the whole run (tests/s3.py). Skipped
    without moto, failed when CI is set."""
    from tests.browser.conftest import ci_is_set
    from tests.s3 import S3Server, moto_missing_reason

    reason = moto_missing_reason()
    if reason is not None:
        if ci_is_set():
            pytest.fail(f"{reason} (CI is set, so the S3 tests fail instead of skipping)")
        pytest.skip(reason)
    server = S3Server().start()
    yield server
    server.stop()


@pytest.fixture
def s3_bucket(s3_server):
    """A new, empty bucket: the environment a server process needs to keep its media there
    (DJANGO_S3_BUCKET, DJANGO_S3_ENDPOINT_URL, DJANGO_S3_REGION, AWS_ACCESS_KEY_ID,
    AWS_SECRET_ACCESS_KEY), e.g. start_gunicorn(database_url, **s3_bucket)."""
    return s3_server.bucket_environment()


@pytest.fixture
def media_in_bucket(s3_bucket, settings, monkeypatch, tmp_path):
    """This test process keeps its media in `s3_bucket`, with the settings base.py makes of
    that environment; MEDIA_ROOT is a new, empty folder (which must stay empty)."""
    from tests.s3 import keep_media_in

    keep_media_in(s3_bucket, settings, monkeypatch, tmp_path / "media")
    return s3_bucket


@pytest.fixture
def empty_database(tmp_path):
    """(DATABASE_URL, connect) of a new, empty database of the engine the tests run on
    (restores: tests/test_backup_restore.py, tests/test_media_storage.py)."""
    import sqlite3
    import uuid

    from django.db import connection

    if connection.vendor == "sqlite":
        path = tmp_path / "restored.sqlite3"
        yield (
            f"sqlite:///{path}",
            lambda: sqlite3.connect(path, detect_types=sqlite3.PARSE_DECLTYPES),
        )
        return
    import psycopg

    db = connection.settings_dict
    name = f"rv_hardening_restore_{uuid.uuid4().hex[:8]}"
    server = {
        "host": db["HOST"] or "127.0.0.1",
        "port": db["PORT"] or 5432,
        "user": db["USER"],
        "password": db["PASSWORD"] or None,
    }
    with psycopg.connect(dbname="postgres", autocommit=True, **server) as admin:
        admin.execute(f'CREATE DATABASE "{name}"')
    url = f"postgres://{db['USER']}@{server['host']}:{server['port']}/{name}"
    try:
        yield url, lambda: psycopg.connect(dbname=name, **server)
    finally:
        with psycopg.connect(dbname="postgres", autocommit=True, **server) as admin:
            admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
