"""Load test: wrk, 64 connections for 30 s against gunicorn, with a graceful reload midway.

    make load-test            (or: .venv/bin/python scripts/load_test.py, after make messages)

Builds the same throwaway production-like site as `make lighthouse` (scripts/lighthouse.py:
SQLite copy of the initial content, collected static files, production settings), on 127.0.0.1
only, and serves it with gunicorn and the shipped deploy/gunicorn.conf.py, as in production.
Then runs wrk (2 threads, 64 connections, 30 s, 5 s timeout; every request carries the
X-Forwarded-Proto header nginx adds) over eight addresses in turn — pages in both languages,
the strategy PDF and /healthz — and halfway through reloads the code the documented way
(docs/deployment.md: SIGHUP to gunicorn's master, systemd's ExecReload). Prints the figures
and fails (exit 1) on any socket error, timeout, answer other than 2xx, request slower than
LOAD_TEST_MAX_MS (1,000 ms), or old worker still running at the end.

Needs wrk (Debian: apt-get install wrk); this script installs nothing. Nothing leaves the
machine. Environment: LOAD_TEST_SECONDS (default 30), LOAD_TEST_CONNECTIONS (default 64),
LOAD_TEST_WORKERS (gunicorn workers, default 3), LOAD_TEST_MAX_MS (default 1000),
LOAD_TEST_RELOAD=0 (the same run without a reload, for comparison).
"""

import contextlib
import os
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from lighthouse import (  # noqa: E402  (the same throwaway production site)
    ROOT,
    free_port,
    manage,
    production_env,
)

SECONDS = int(os.environ.get("LOAD_TEST_SECONDS", "30"))
CONNECTIONS = int(os.environ.get("LOAD_TEST_CONNECTIONS", "64"))
WORKERS = int(os.environ.get("LOAD_TEST_WORKERS", "3"))
MAX_MS = int(os.environ.get("LOAD_TEST_MAX_MS", "1000"))
# Early enough that the new workers take over while wrk still runs, even on a busy machine.
RELOAD_AFTER = SECONDS / 3
RELOAD = os.environ.get("LOAD_TEST_RELOAD", "1") != "0"
GUNICORN_CONFIG = ROOT / "deploy" / "gunicorn.conf.py"
# What nginx adds to every request (README): without it, production settings redirect to https.
PROXY_HEADERS = {"X-Forwarded-Proto": "https"}
PATHS = [
    "/",
    "/en/",
    "/strategien/",
    "/en/strategy/",
    "/strategien/klimaresiliens/",
    "/strategien/klimaresiliens/fjordbyen/",
    "/strategien.pdf",
    "/healthz",
]
# wrk's Lua: rotate over PATHS, count every answer and every one outside 2xx across threads.
WRK_SCRIPT = """
local paths = {%(paths)s}
local threads = {}
function setup(thread)
  table.insert(threads, thread)
end
function init(args)
  responses = 0
  non2xx = 0
  n = 0
end
function request()
  n = n + 1
  return wrk.format("GET", paths[(n %% #paths) + 1], {["X-Forwarded-Proto"] = "https"})
end
function response(status, headers, body)
  responses = responses + 1
  if status < 200 or status > 299 then
    non2xx = non2xx + 1
  end
end
function done(summary, latency, requests)
  local total, bad = 0, 0
  for _, thread in ipairs(threads) do
    total = total + thread:get("responses")
    bad = bad + thread:get("non2xx")
  end
  local e = summary.errors
  io.write(string.format(
    "RESULT responses=%%d non2xx=%%d connect=%%d read=%%d write=%%d status=%%d timeout=%%d " ..
    "duration_us=%%d mean_us=%%.0f p50_us=%%d p99_us=%%d max_us=%%d\\n",
    total, bad, e.connect, e.read, e.write, e.status, e.timeout, summary.duration,
    latency.mean, latency:percentile(50), latency:percentile(99), latency.max))
end
"""


def wait_until_serving(base_url: str, server: subprocess.Popen, timeout: float = 60):
    """Until / answers 200 (a cold worker's first page may take seconds on a busy machine)."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if server.poll() is not None:
            sys.exit(f"gunicorn exited with status {server.returncode}")
        try:
            request = urllib.request.Request(f"{base_url}/", headers=PROXY_HEADERS)
            with urllib.request.urlopen(request, timeout=10) as response:
                if response.status == 200:
                    return
        except OSError:
            pass
        time.sleep(0.3)
    sys.exit(f"gunicorn did not answer {base_url}/ within {timeout:.0f} s")


def worker_pids(master: int) -> list[int]:
    children = Path(f"/proc/{master}/task/{master}/children")
    return sorted(int(pid) for pid in children.read_text().split()) if children.exists() else []


def main():
    wrk = shutil.which("wrk")
    if wrk is None:
        sys.exit("wrk not found: install it (Debian/Ubuntu: apt-get install wrk) and run again.")
    port = free_port()
    base_url = f"http://127.0.0.1:{port}"
    with tempfile.TemporaryDirectory(prefix="resilient-vejle-load-") as folder:
        folder = Path(folder)
        env = production_env(folder)
        env["DJANGO_CONN_MAX_AGE"] = "60"
        log = folder / "gunicorn.log"
        script = folder / "count.lua"
        script.write_text(WRK_SCRIPT % {"paths": ", ".join(f'"{p}"' for p in PATHS)})
        manage(env, "migrate", "--noinput", "--verbosity=0")
        manage(env, "load_initial_content")
        manage(env, "collectstatic", "--noinput", "--verbosity=0")
        server = subprocess.Popen(
            [sys.executable, "-m", "gunicorn", "resilient_vejle.wsgi"]
            + [f"--config={GUNICORN_CONFIG}"]
            + [f"--bind=127.0.0.1:{port}", f"--workers={WORKERS}", "--log-level=info"]
            + [f"--error-logfile={log}"],
            cwd=ROOT,
            env=env,
        )
        try:
            wait_until_serving(base_url, server)
            # The workers boot one after the other: measure once all have warmed up.
            deadline = time.monotonic() + 120
            while log.read_text().count("warmed up: ready to serve") < WORKERS:
                if time.monotonic() > deadline:
                    sys.exit(f"the gunicorn workers did not all warm up:\n{log.read_text()}")
                time.sleep(0.2)
            for path in PATHS:  # warm every worker's caches a little before measuring
                request = urllib.request.Request(f"{base_url}{path}", headers=PROXY_HEADERS)
                urllib.request.urlopen(request, timeout=30).close()
            before = worker_pids(server.pid)
            print(f"gunicorn {base_url}, workers {before}; wrk -c{CONNECTIONS} -d{SECONDS}s")

            takeover = {}

            def reload_midway():
                time.sleep(RELOAD_AFTER)
                # As systemd's ExecReload=/bin/kill -s HUP $MAINPID (docs/deployment.md).
                print(f"{RELOAD_AFTER:.0f} s: kill -HUP {server.pid} (code reload)", flush=True)
                sent = time.monotonic()
                os.kill(server.pid, signal.SIGHUP)
                # The old workers stay until the new ones have warmed up (deploy/gunicorn.conf.py).
                while set(before) & set(worker_pids(server.pid)):
                    time.sleep(0.1)
                takeover["seconds"] = time.monotonic() - sent

            reloader = threading.Thread(target=reload_midway, daemon=True)
            if RELOAD:
                reloader.start()
            done = subprocess.run(
                [wrk, "-t2", f"-c{CONNECTIONS}", f"-d{SECONDS}s", "--timeout=5s"]
                + ["--latency", "-s", str(script), base_url],
                capture_output=True,
                text=True,
            )
            if RELOAD:
                reloader.join(timeout=150)  # a reload slower than the run still has to finish
            after = worker_pids(server.pid)
        finally:
            server.terminate()
            try:
                server.wait(timeout=60)
            except subprocess.TimeoutExpired:  # a master still busy with the reload
                workers = worker_pids(server.pid)
                server.kill()
                for pid in workers:
                    with contextlib.suppress(ProcessLookupError):
                        os.kill(pid, signal.SIGKILL)
                server.wait()
    print(done.stdout)
    if done.returncode:
        sys.exit(f"wrk failed: {done.stderr}")
    match = re.search(r"^RESULT (.*)$", done.stdout, re.M)
    figures = {key: float(value) for key, value in re.findall(r"(\w+)=([\d.]+)", match.group(1))}
    errors = sum(figures[key] for key in ("connect", "read", "write", "timeout"))
    seconds = figures["duration_us"] / 1e6
    # Every old worker gone, as many new ones as before.
    reloaded = (len(after) == len(before) and not set(before) & set(after)) if RELOAD else True
    slowest_ms = figures["max_us"] / 1000
    print(
        f"{figures['responses']:.0f} responses in {seconds:.1f} s "
        f"({figures['responses'] / seconds:.0f}/s), latency mean {figures['mean_us'] / 1000:.0f} "
        f"ms, p50 {figures['p50_us'] / 1000:.0f} ms, p99 {figures['p99_us'] / 1000:.0f} ms, "
        f"max {figures['max_us'] / 1000:.0f} ms; socket errors {errors:.0f}, "
        f"non-2xx {figures['non2xx']:.0f}; workers replaced by the reload: "
        f"{'yes' if reloaded else 'NO'} ({before} -> {after})"
    )
    within = not RELOAD or ("seconds" in takeover and RELOAD_AFTER + takeover["seconds"] < seconds)
    if "seconds" in takeover:
        print(f"the new workers took over {takeover['seconds']:.1f} s after SIGHUP")
    if errors or figures["non2xx"] or not figures["responses"] or not reloaded:
        sys.exit("FAILED: errors, non-2xx answers or no reload")
    if not within:
        sys.exit("FAILED: the new workers did not take over while wrk ran: run longer")
    if slowest_ms > MAX_MS:
        sys.exit(f"FAILED: the slowest request took {slowest_ms:.0f} ms (at most {MAX_MS} ms)")


if __name__ == "__main__":
    main()
