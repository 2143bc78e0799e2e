"""The database goes away: gunicorn keeps answering 503 quickly, and recovers when it is back.

The site runs in a real gunicorn (test settings) in a subprocess; the database is a closed port
(nothing listens on 127.0.0.1:1), or, on PostgreSQL, a TCP relay to the test database that the
test cuts and restores, as a database restart or a network fault would.
"""

import time

import pytest
from django.db import connection

from tests.servers import Relay, get, start_gunicorn

PAGES = ["/", "/en/", "/strategien/", "/en/strategy/", "/findes-ikke/", "/strategien.pdf"]


@pytest.fixture
def gunicorn():
    """Start gunicorn with the given DATABASE_URL; returns its base URL."""
    processes = []

    def start(database_url: str, **env) -> str:
        url, process = start_gunicorn(database_url, **env)
        processes.append(process)
        return url

    yield start
    for process in processes:
        process.terminate()
        process.wait(timeout=30)


def assert_unavailable_page(status, headers, body, seconds, url):
    assert status == 503, url
    assert int(headers["Retry-After"]) > 0, url
    assert "Siden er midlertidigt utilgængelig" in body, url
    assert "Temporarily unavailable" in body, url
    assert "default-src 'self'" in headers["Content-Security-Policy"], url
    assert seconds < 1, f"{url} took {seconds:.2f} s"


def test_every_page_answers_503_within_a_second_when_the_database_is_unreachable(gunicorn):
    base = gunicorn("postgres://postgres@127.0.0.1:1/rv_hardening_unreachable")
    for url in PAGES:
        assert_unavailable_page(*get(base + url), url)
    # A logged-in editor's session lives in the database too.
    assert_unavailable_page(*get(base + "/admin/", {"Cookie": "sessionid=" + "a1" * 16}), "/admin/")

    status, _headers, body, _seconds = get(base + "/healthz")
    assert status == 503
    assert '"database": "unavailable"' in body
    # Static files do not need the database.
    status, _headers, body, _seconds = get(base + "/static/css/site.css")
    assert status == 200
    assert body


@pytest.mark.django_db
def test_recovers_when_the_database_returns_with_persistent_connections(gunicorn):
    if connection.vendor != "postgresql":
        pytest.skip("needs PostgreSQL (make test-postgres): the relay speaks to a real server")
    db = connection.settings_dict
    relay = Relay((db["HOST"] or "127.0.0.1", int(db["PORT"] or 5432)))
    relay.start()
    try:
        url = f"postgres://{db['USER']}@127.0.0.1:{relay.port}/{db['NAME']}"
        base = gunicorn(url, DJANGO_CONN_MAX_AGE="600")
        assert get(base + "/healthz")[0] == 200

        # The database restarts between two requests: the persistent connection is dead, the
        # health check at the start of the next request notices and reconnects.
        relay.drop_connections()
        for _ in range(3):
            assert get(base + "/healthz")[0] == 200
            assert get(base + "/findes-ikke/")[0] == 404

        # The database is gone for a while: 503 ...
        relay.stop()
        for page in ("/", "/findes-ikke/"):
            assert_unavailable_page(*get(base + page), page)
        assert get(base + "/healthz")[0] == 503
        # ... and back: the next requests succeed, with no error in between.
        relay.start()
        for _ in range(3):
            assert get(base + "/healthz")[0] == 200
            assert get(base + "/findes-ikke/")[0] == 404
    finally:
        relay.stop()


@pytest.mark.django_db
def test_a_statement_timeout_bounds_a_stuck_query():
    if connection.vendor != "postgresql":
        pytest.skip("statement_timeout is PostgreSQL's (make test-postgres)")
    from django.db import OperationalError

    with connection.cursor() as cursor:
        cursor.execute("SHOW statement_timeout")
        assert cursor.fetchone()[0] == "30s"  # DJANGO_STATEMENT_TIMEOUT_MS, default 30000
    # The same mechanism with a shorter limit, so the test does not wait 30 s.
    started = time.monotonic()
    with pytest.raises(OperationalError, match="statement timeout"), connection.cursor() as cursor:
        cursor.execute("SET LOCAL statement_timeout = '200ms'")
        cursor.execute("SELECT pg_sleep(10)")
    assert time.monotonic() - started < 5
