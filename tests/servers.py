"""The site in a real gunicorn (test settings) in a subprocess, for tests across processes;
several of them behind varnishd running deploy/varnish.vcl."""

import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
from contextlib import contextmanager, suppress
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

from django.test import override_settings

from operations.varnish import vcl_for

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
    """The environment of a subprocess with the test settings: none of this shell's DJANGO_*,
    and not taken for a pytest-xdist worker (whose test settings would pick another Redis
    database: settings/test.py)."""
    clean = {
        k: v
        for k, v in os.environ.items()
        if not k.startswith("DJANGO_") and not k.startswith("PYTEST_XDIST_")
    }
    return {**clean, "DJANGO_SETTINGS_MODULE": "resilient_vejle.settings.test", **env}


def start_gunicorn(
    database_url: str,
    workers: int = 1,
    port: int | None = None,
    access_log: Path | None = None,
    **env,
) -> tuple[str, subprocess.Popen]:
    """gunicorn on a (free) loopback port, serving `database_url`; (base URL, process).

    With `access_log`, every request it answers is a line there (with the User-Agent). It runs
    in a process group of its own, which `kill_server` ends at once, workers and all.
    """
    port = port or free_port()
    logging = ["--access-logfile", str(access_log)] if access_log else []
    process = subprocess.Popen(
        [sys.executable, "-m", "gunicorn", "resilient_vejle.wsgi"]
        + ["--bind", f"127.0.0.1:{port}", "--workers", str(workers), "--timeout", "30"]
        + logging,
        cwd=BASE_DIR,
        env=subprocess_env(DATABASE_URL=database_url, **env),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
    )
    url = f"http://127.0.0.1:{port}"
    # Generous: two servers importing Django and Wagtail at once on a busy 2-core machine.
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        with suppress(OSError):
            if get(url + "/static/css/site.css", timeout=2)[0] == 200:
                return url, process
        if process.poll() is not None:
            raise AssertionError("gunicorn exited")
        time.sleep(0.2)
    process.terminate()
    raise AssertionError("gunicorn did not start within 60 s")


def kill_server(process: subprocess.Popen):
    """SIGKILL to gunicorn's master and workers at once, as a crash or a pulled plug would."""
    with suppress(ProcessLookupError):
        os.killpg(process.pid, signal.SIGKILL)
    process.wait(timeout=30)


def stop_server(process: subprocess.Popen):
    if process.poll() is None:
        process.terminate()
        try:
            process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            kill_server(process)


def wait_for(condition, seconds: float, what: str, every: float = 0.2):
    """Polls `condition` until it returns something true (returned), else fails naming `what`."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if found := condition():
            return found
        time.sleep(every)
    raise AssertionError(f"{what}: not within {seconds:.0f} s")


class Varnish:
    """varnishd in the foreground (a child of the tests) on a free loopback port, with its own
    working folder, running the VCL given (`operations.varnish.vcl_for`: the shipped one)."""

    def __init__(self, vcl: str, folder: Path, port: int | None = None):
        if shutil.which("varnishd") is None:
            raise AssertionError("varnishd is not installed (apt-get install varnish)")
        folder.mkdir(parents=True, exist_ok=True)
        self.workdir = folder / "varnish"
        (folder / "varnish.vcl").write_text(vcl)
        self.port = port or free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.log = folder / "varnishd.log"
        with self.log.open("wb") as log:
            self.process = subprocess.Popen(
                ["varnishd", "-F", "-j", "none", "-n", str(self.workdir)]
                + ["-a", f"127.0.0.1:{self.port}", "-f", str(folder / "varnish.vcl")]
                + ["-s", "malloc,32m"],
                stdout=log,
                stderr=subprocess.STDOUT,
            )

        def answers():
            if self.process.poll() is not None:
                raise AssertionError(f"varnishd exited: {self.log.read_text()[-2000:]}")
            with suppress(OSError):
                return get(self.url + "/healthz", timeout=5)[0] > 0
            return False

        wait_for(answers, 60, "varnishd answering")

    def backends(self) -> dict[str, bool]:
        """{backend name: healthy} as varnishd sees them now (its health probes)."""
        done = subprocess.run(
            ["varnishadm", "-n", str(self.workdir), "backend.list", "-j"],
            capture_output=True,
            text=True,
            timeout=30,
        )
        assert done.returncode == 0, done.stdout + done.stderr
        backends = json.loads(done.stdout)[3]
        return {
            name.rpartition(".")[2]: state["probe_message"][2] == "healthy"
            for name, state in backends.items()
        }

    def stop(self):
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()


@dataclass
class AppServer:
    url: str
    process: subprocess.Popen
    access_log: Path
    media_root: Path

    def answered(self, user_agent: str) -> bool:
        """Whether this server's access log has a request from `user_agent`."""
        return f'"{user_agent}"' in self.access_log.read_text(errors="replace")


@dataclass
class AppServersBehindVarnish:
    servers: list[AppServer]
    varnish: Varnish

    def answered_by(self, user_agent: str, seconds: float = 30) -> int:
        """The index of the server that logged a request from `user_agent` (polled: a log line
        is written as the response goes out)."""

        def server():
            found = [n for n, app in enumerate(self.servers) if app.answered(user_agent)]
            assert len(found) <= 1, f"{user_agent} answered by servers {found}"
            return found and found[0] + 1

        return wait_for(server, seconds, f"a server logging {user_agent}") - 1


@contextmanager
def app_servers_behind_varnish(
    database_url: str,
    folder: Path,
    count: int = 2,
    env: dict | None = None,
    env_per_server: list[dict] | None = None,
):
    """`count` gunicorn servers (test settings, one worker each) sharing `database_url` and
    `env` (e.g. DJANGO_TEST_REDIS_URL), each with its own DJANGO_MEDIA_ROOT and access log
    (`env_per_server[n]` overrides either), behind varnishd running deploy/varnish.vcl for
    their ports; every server purges that Varnish (DJANGO_VARNISH_URLS)."""
    varnish_port = free_port()
    ports = [free_port() for _ in range(count)]
    servers: list[AppServer] = []
    varnish = None
    try:
        for number, port in enumerate(ports, start=1):
            own = {"DJANGO_MEDIA_ROOT": str(folder / f"media-{number}")}
            own.update((env_per_server or [{}] * count)[number - 1])
            Path(own["DJANGO_MEDIA_ROOT"]).mkdir(parents=True, exist_ok=True)
            access_log = folder / f"access-{number}.log"
            url, process = start_gunicorn(
                database_url,
                port=port,
                access_log=access_log,
                DJANGO_VARNISH_URLS=f"http://127.0.0.1:{varnish_port}",
                **{**(env or {}), **own},
            )
            servers.append(AppServer(url, process, access_log, Path(own["DJANGO_MEDIA_ROOT"])))
        # The test settings allow the host "localhost": the probes' Host (.host_header).
        vcl = vcl_for([f"127.0.0.1:{port}" for port in ports], "localhost")
        varnish = Varnish(vcl, folder, port=varnish_port)
        yield AppServersBehindVarnish(servers, varnish)
    finally:
        if varnish is not None:
            varnish.stop()
        for app in servers:
            stop_server(app.process)


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
