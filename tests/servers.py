"""The site in a real gunicorn (test settings) in a subprocess, for tests across processes."""

import os
import socket
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
from contextlib import suppress
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

from django.test import override_settings

BASE_DIR = Path(__file__).resolve().parent.parent


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class NoRedirects(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


OPENER = urllib.request.build_opener(NoRedirects)


def get(url: str, headers=None, timeout: float = 10):
    """(status, headers, body, seconds) of a GET, redirects not followed; errors are answers."""
    request = urllib.request.Request(url, headers=headers or {})
    started = time.monotonic()
    try:
        with OPENER.open(request, timeout=timeout) as response:
            status, head, body = response.status, response.headers, response.read()
    except urllib.error.HTTPError as error:
        status, head, body = error.code, error.headers, error.read()
    return status, head, body.decode("utf-8", "replace"), time.monotonic() - started


def subprocess_env(**env) -> dict:
    """The environment of a subprocess with the test settings: none of this shell's DJANGO_*."""
    clean = {k: v for k, v in os.environ.items() if not k.startswith("DJANGO_")}
    return {**clean, "DJANGO_SETTINGS_MODULE": "resilient_vejle.settings.test", **env}


def start_gunicorn(database_url: str, workers: int = 1, **env) -> tuple[str, subprocess.Popen]:
    """gunicorn on a free loopback port, serving `database_url`; (base URL, process)."""
    port = free_port()
    process = subprocess.Popen(
        [sys.executable, "-m", "gunicorn", "resilient_vejle.wsgi"]
        + ["--bind", f"127.0.0.1:{port}", "--workers", str(workers), "--timeout", "30"],
        cwd=BASE_DIR,
        env=subprocess_env(DATABASE_URL=database_url, **env),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        with suppress(OSError):
            if get(url + "/static/css/site.css", timeout=2)[0] == 200:
                return url, process
        if process.poll() is not None:
            raise AssertionError("gunicorn exited")
        time.sleep(0.2)
    process.terminate()
    raise AssertionError("gunicorn did not start within 30 s")


class Relay:
    """A TCP relay to a server (PostgreSQL, Redis) that can be cut (connections dropped, port
    closed) and restored, as a restart or a network fault would."""

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


class PurgeRecorder(BaseHTTPRequestHandler):
    """Stands in for Varnish: records the addresses of the PURGE requests Wagtail sends."""

    received: list[str] = []

    def do_PURGE(self):  # noqa: N802 (HTTP method name)
        PurgeRecorder.received.append(f"http://{self.headers['Host']}{self.path}")
        self.send_response(200)
        self.end_headers()

    def log_message(self, *args):
        pass

    @classmethod
    def paths(cls) -> set[str]:
        """The purged addresses on the test site's host, as paths."""
        return {url.removeprefix("http://localhost") for url in cls.received}


class RecordsPurges:
    """A TestCase mixin: Wagtail's frontend cache sends its PURGEs to a PurgeRecorder on a free
    port for the class's tests; each test starts with none recorded."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.purge_server = ThreadingHTTPServer(("127.0.0.1", 0), PurgeRecorder)
        threading.Thread(target=cls.purge_server.serve_forever, daemon=True).start()
        cls.frontend_cache = override_settings(
            WAGTAILFRONTENDCACHE={
                "varnish": {
                    "BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend",
                    "LOCATION": f"http://127.0.0.1:{cls.purge_server.server_port}",
                }
            }
        )
        cls.frontend_cache.enable()

    @classmethod
    def tearDownClass(cls):
        cls.frontend_cache.disable()
        cls.purge_server.shutdown()
        super().tearDownClass()

    def setUp(self):
        super().setUp()
        PurgeRecorder.received.clear()
