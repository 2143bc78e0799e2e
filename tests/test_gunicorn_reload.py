"""A code reload (SIGHUP to gunicorn with deploy/gunicorn.conf.py) never leaves visitors without a
warm worker: the old workers serve until every new one has warmed up, and a stop is a stop."""

import re
import signal
import subprocess
import sys
import time
from contextlib import suppress
from pathlib import Path

from tests.servers import BASE_DIR, free_port, get, subprocess_env

CONFIG = BASE_DIR / "deploy" / "gunicorn.conf.py"
WORKERS = 2


def worker_pids(master: int) -> set[int]:
    children = Path(f"/proc/{master}/task/{master}/children")
    return {int(pid) for pid in children.read_text().split()} if children.exists() else set()


def wait_for(condition, what: str, seconds: float = 120):
    deadline = time.monotonic() + seconds
    while not condition():
        assert time.monotonic() < deadline, f"gave up waiting for {what}"
        time.sleep(0.1)


def lines_about(log: str, pattern: str) -> dict[int, int]:
    """{worker pid: line number} of the log lines matching `pattern` (with a (\\d+) for the pid)."""
    return {
        int(match.group(1)): number
        for number, line in enumerate(log.splitlines())
        if (match := re.search(pattern, line))
    }


def test_old_workers_serve_until_the_new_ones_are_warm_and_a_stop_is_at_once(tmp_path):
    port = free_port()
    log_file = tmp_path / "gunicorn.log"
    url = f"http://127.0.0.1:{port}/healthz"
    with log_file.open("w") as log_out:
        master = subprocess.Popen(
            [sys.executable, "-m", "gunicorn", "resilient_vejle.wsgi", "-c", str(CONFIG)]
            + ["--bind", f"127.0.0.1:{port}", "--workers", str(WORKERS), "--log-level", "info"],
            cwd=BASE_DIR,
            env=subprocess_env(
                DATABASE_URL=f"sqlite:///{tmp_path / 'db.sqlite3'}",
                DJANGO_MEDIA_ROOT=str(tmp_path / "media"),
                GUNICORN_WARM_PATHS="/healthz",
            ),
            stdout=log_out,
            stderr=subprocess.STDOUT,
        )
    try:
        warmed = r"Worker (\d+) warmed up: ready to serve"
        wait_for(lambda: len(lines_about(log_file.read_text(), warmed)) == WORKERS, "the workers")
        old = worker_pids(master.pid)
        assert len(old) == WORKERS

        master.send_signal(signal.SIGHUP)
        answers = []

        def reloaded():
            with suppress(OSError):
                answers.append(get(url, timeout=30)[0])
            return not old & worker_pids(master.pid)

        wait_for(reloaded, "the old workers to leave")
        new = worker_pids(master.pid)
        assert len(new) == WORKERS and not new & old
        assert answers and set(answers) == {200}  # every request during the reload answered

        log = log_file.read_text()
        ready = lines_about(log, warmed)
        served_on = lines_about(log, r"Worker (\d+) serves on until the new workers are ready")
        stopped = lines_about(log, r"Worker (\d+) stops: the new workers are ready")
        assert set(served_on) == set(stopped) == old
        # Each old worker stopped only after every new worker had warmed up.
        assert max(ready[pid] for pid in new) < min(stopped.values())

        # Stopping the service: the workers stop at once, with no waiting for successors.
        master.send_signal(signal.SIGTERM)
        master.wait(timeout=60)
        log = log_file.read_text()
        assert not set(lines_about(log, r"Worker (\d+) serves on until")) & new
    finally:
        if master.poll() is None:
            master.kill()
            master.wait()
