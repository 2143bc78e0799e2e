"""The database goes away: gunicorn keeps answering 503 quickly, and recovers when it is back.

The site runs in a real gunicorn (test settings) in a subprocess; the database is a closed port
(nothing listens on 127.0.0.1:1), or, on PostgreSQL, a TCP relay to the test database that the
test cuts and restores, as a database restart or a network fault would.
"""

import os
import socket
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
from contextlib import suppress
from pathlib import Path

import pytest
from django.db import connection

BASE_DIR = Path(__file__).resolve().parent.parent
PAGES = ["/", "/en/", "/strategien/", "/en/strategy/", "/findes-ikke/", "/strategien.pdf"]


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def get(url: str, headers=None, timeout: float = 10):
    """(status, headers, body, seconds) of a GET; error statuses are answers too."""
    request = urllib.request.Request(url, headers=headers or {})
    started = time.monotonic()
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            status, head, body = response.status, response.headers, response.read()
    except urllib.error.HTTPError as error:
        status, head, body = error.code, error.headers, error.read()
    return status, head, body.decode("utf-8", "replace"), time.monotonic() - started


class NoRedirects(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


urllib.request.install_opener(urllib.request.build_opener(NoRedirects))


@pytest.fixture
def gunicorn():
    """Start gunicorn with the given DATABASE_URL; returns its base URL."""
    processes = []

    def start(database_url: str, **env) -> str:
        port = free_port()
        clean = {k: v for k, v in os.environ.items() if not k.startswith("DJANGO_")}
        process = subprocess.Popen(
            [sys.executable, "-m", "gunicorn", "resilient_vejle.wsgi"]
            + ["--bind", f"127.0.0.1:{port}", "--workers", "1", "--timeout", "30"],
            cwd=BASE_DIR,
            env={
                **clean,
                "DJANGO_SETTINGS_MODULE": "resilient_vejle.settings.test",
                "DATABASE_URL": database_url,
                **env,
            },
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        processes.append(process)
        url = f"http://127.0.0.1:{port}"
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            with suppress(OSError):
                if get(url + "/static/css/site.css", timeout=2)[0] == 200:
                    return url
            assert process.poll() is None, "gunicorn exited"
            time.sleep(0.2)
        raise AssertionError("gunicorn did not start within 30 s")

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


class Relay:
    """A TCP relay to PostgreSQL that can be cut (connections dropped, port closed) and restored."""

    def __init__(self, upstream: tuple[str, int]):
        self.upstream = upstream
        self.port = free_port()
        self.listener = None
        self.connections: list[socket.socket] = []
        self.lock = threading.Lock()

    def start(self):
        listener = socket.socket()
        listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        listener.bind(("127.0.0.1", self.port))
        listener.listen(16)
        self.listener = listener
        threading.Thread(target=self._accept, args=(listener,), daemon=True).start()

    def _accept(self, listener):
        while True:
            try:
                client, _ = listener.accept()
            except OSError:
                return
            server = socket.create_connection(self.upstream)
            with self.lock:
                self.connections += [client, server]
            for a, b in ((client, server), (server, client)):
                threading.Thread(target=self._pump, args=(a, b), daemon=True).start()

    @staticmethod
    def _pump(source, target):
        with suppress(OSError):
            while data := source.recv(65536):
                target.sendall(data)
        for sock in (source, target):
            with suppress(OSError):
                sock.shutdown(socket.SHUT_RDWR)

    def drop_connections(self):
        with self.lock:
            for sock in self.connections:
                with suppress(OSError):
                    sock.shutdown(socket.SHUT_RDWR)
                sock.close()
            self.connections = []

    def stop(self):
        # shutdown() first: it wakes the thread blocked in accept() and stops the listening.
        with suppress(OSError):
            self.listener.shutdown(socket.SHUT_RDWR)
        self.listener.close()
        self.drop_connections()


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
