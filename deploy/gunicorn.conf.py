"""gunicorn's configuration for Resiliente Vejle: code reloads (SIGHUP) that visitors do not notice.

    gunicorn resilient_vejle.wsgi -c deploy/gunicorn.conf.py --bind 127.0.0.1:8000 --workers 3
    kill -HUP <master pid>        # systemd: ExecReload=/bin/kill -s HUP $MAINPID

On SIGHUP gunicorn starts new workers, which import the new code, and at once tells the old ones
to stop. A new worker needs 1.5 s or more (several under load) to import Django and Wagtail and
render its first pages, so for that long nobody accepted connections: 2 s+ stalls. Here:

- every worker renders a few pages to itself (``WARM_PATHS``) before it accepts a connection,
  and the workers boot one after the other, leaving the CPU to those that serve;
- an old worker told to stop by a reload goes on serving until every worker of the latest reload
  is ready, then finishes its request and exits (at the latest ``RELOAD_WAIT_SECONDS`` after
  the signal). Stopping the service (SIGTERM to the master) or fewer workers (SIGTTOU) stop
  workers at once, as before.

Only for gunicorn's default sync workers. The app is not preloaded (``preload_app`` off), so
each reload brings the code on disk; a new Python or a changed gunicorn needs a restart.
"""

import fcntl
import io
import multiprocessing
import os
import signal
import sys
import tempfile
import threading
import time

# Addresses a new worker renders before it serves (GUNICORN_WARM_PATHS, comma-separated).
WARM_PATHS = [
    path.strip()
    for path in os.environ.get("GUNICORN_WARM_PATHS", "/,/en/,/strategien/,/healthz").split(",")
    if path.strip()
]
graceful_timeout = 30
timeout = 30
# How long an old worker serves on at most, waiting for the new ones (a busy machine may need
# a minute to boot them all one after the other); then it stops regardless.
RELOAD_WAIT_SECONDS = 120


# Shared by the master and every worker: [reload generation, its workers ready, workers it starts].
GENERATION, READY, NEEDED = 0, 1, 2


def when_ready(server):
    """Master, once at start (before the first workers). Kept on the arbiter, not in this
    module, because SIGHUP reads this file again."""
    server.warm_reload = multiprocessing.Array("q", 3)
    # One worker boots at a time (a POSIX lock: per process, dropped if a booting worker dies),
    # so the old workers keep most of the CPU while the new ones import and warm up.
    server.boot_lock = tempfile.TemporaryFile()  # noqa: SIM115 (open as long as the master)


def on_reload(server):
    """Master, on SIGHUP, before starting the new workers: a new generation, none ready yet."""
    shared = server.warm_reload
    with shared.get_lock():
        shared[GENERATION] += 1
        shared[READY] = 0
        shared[NEEDED] = server.cfg.workers


def pre_fork(server, worker):
    worker.warm_reload = server.warm_reload
    worker.generation = server.warm_reload[GENERATION]
    worker.boot_lock = server.boot_lock


def post_fork(server, worker):
    """Wait for the boot lock (released once this worker is warm), telling the master meanwhile
    that this worker is alive, or it would count the wait against ``timeout``."""
    while True:
        try:
            fcntl.lockf(worker.boot_lock, fcntl.LOCK_EX | fcntl.LOCK_NB)
            return
        except OSError:
            worker.notify()
            time.sleep(0.1)


def post_worker_init(worker):
    """A new worker: warm up, count itself ready, and once told to stop, wait for successors."""
    warm_up(worker)
    fcntl.lockf(worker.boot_lock, fcntl.LOCK_UN)
    # Logged before it counts: an old worker's "stops" line can then never come before it.
    worker.log.info("Worker %s warmed up: ready to serve", worker.pid)
    shared = worker.warm_reload
    with shared.get_lock():
        if shared[GENERATION] == worker.generation:
            shared[READY] += 1
    signal.signal(signal.SIGTERM, lambda signum, frame: retire(worker, signum, frame))
    signal.siginterrupt(signal.SIGTERM, False)  # as gunicorn has it: requests run undisturbed


def successors_ready(worker) -> bool:
    """No reload since this worker started (a stop, fewer workers), or the latest one's
    workers are all ready."""
    shared = worker.warm_reload
    with shared.get_lock():
        return shared[GENERATION] == worker.generation or shared[READY] >= shared[NEEDED]


def retire(worker, signum, frame):
    if successors_ready(worker):
        worker.handle_exit(signum, frame)
        return

    def wait_then_exit():
        deadline = time.monotonic() + RELOAD_WAIT_SECONDS
        while not successors_ready(worker) and time.monotonic() < deadline:
            time.sleep(0.05)
        why = "the new workers are ready" if successors_ready(worker) else "waited long enough"
        worker.log.info("Worker %s stops: %s", worker.pid, why)
        worker.handle_exit(signum, None)
        os.write(worker.PIPE[1], b".")  # wakes the worker's select() to notice

    worker.log.info("Worker %s serves on until the new workers are ready", worker.pid)
    threading.Thread(target=wait_then_exit, daemon=True).start()


def warm_up(worker):
    """Render WARM_PATHS through the worker's own WSGI app: imports, templates, connections."""
    from django.conf import settings

    host = next((h.lstrip(".") for h in settings.ALLOWED_HOSTS if h != "*"), "localhost")
    for path in WARM_PATHS:
        worker.notify()
        environ = {
            "REQUEST_METHOD": "GET",
            "PATH_INFO": path,
            "QUERY_STRING": "",
            "SCRIPT_NAME": "",
            "SERVER_NAME": host,
            "SERVER_PORT": "443",
            "SERVER_PROTOCOL": "HTTP/1.1",
            "HTTP_HOST": host,
            "HTTP_X_FORWARDED_PROTO": "https",
            "REMOTE_ADDR": "127.0.0.1",
            "wsgi.url_scheme": "https",
            "wsgi.input": io.BytesIO(),
            "wsgi.errors": sys.stderr,
            "wsgi.version": (1, 0),
            "wsgi.multithread": False,
            "wsgi.multiprocess": True,
            "wsgi.run_once": False,
        }
        try:
            response = worker.wsgi(environ, lambda status, headers, exc_info=None: None)
            try:
                for _chunk in response:
                    pass
            finally:
                if hasattr(response, "close"):
                    response.close()  # request_finished: connections returned as usual
        except Exception:  # a page that fails here fails for visitors too: serve regardless
            worker.log.exception("Warm-up request to %s failed", path)
