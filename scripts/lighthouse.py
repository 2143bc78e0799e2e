"""Lighthouse scores for pages of the initial content, served like production.

    make lighthouse            (or: .venv/bin/python scripts/lighthouse.py, after make messages)

Builds a throwaway copy of the site in a temporary folder: an SQLite database with the initial
content, collected static files (whitenoise, hashed and compressed) and media. Serves it with
gunicorn and the production settings (DEBUG off) on 127.0.0.1, runs Lighthouse 12.2.3 through
npx with Debian's Chromium (mobile form factor, Lighthouse's default) on each page, and prints
the four category scores per page and the home page's total transfer size. The JSON and HTML
reports are kept in build/lighthouse/. The developer's own database and media are not touched.

The production settings redirect plain HTTP to HTTPS unless the proxy says the request came
over HTTPS (SECURE_PROXY_SSL_HEADER), and have no switch to turn that off. There is no TLS
here, so gunicorn plays nginx's part: a throwaway gunicorn config adds ``X-Forwarded-Proto:
https`` to every request (a ``pre_request`` hook), exactly the header nginx sets in production.
The application and its settings are unchanged. Side effect: absolute URLs in the pages
(canonical, hreflang) start with https://, as in production, while Lighthouse fetches http://.

Environment: CHROME_PATH (default /usr/bin/chromium), LIGHTHOUSE_PORT (default: a free port).
"""

import contextlib
import json
import os
import secrets
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
REPORTS = ROOT / "build" / "lighthouse"
LIGHTHOUSE = "lighthouse@12.2.3"
CHROME_FLAGS = (
    "--headless --no-sandbox --disable-gpu --disable-background-networking "
    "--disable-component-update --disable-sync --no-first-run"
)
ATTEMPTS = 3
CATEGORIES = ["performance", "accessibility", "best-practices", "seo"]
# What nginx tells gunicorn in production; without it Django redirects to https://.
GUNICORN_CONFIG = """
def pre_request(worker, req):
    req.headers.append(("X-FORWARDED-PROTO", "https"))
"""
# Danish URLs of the initial content (strategy/initial_content.py).
PAGES = {
    "home": "/",
    "strategy": "/strategien/",
    "pillar": "/strategien/klimaresiliens/",
    "project": "/strategien/klimaresiliens/fjordbyen/",
    "catalogue": "/projekter/",
    "filtered": "/projekter/?pillar=klimaresiliens&principle=mervaerdi",
}


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def production_env(folder: Path) -> dict:
    env = dict(os.environ)
    env.update(
        DJANGO_SETTINGS_MODULE="resilient_vejle.settings.production",
        DJANGO_SECRET_KEY=secrets.token_urlsafe(64),
        DJANGO_ALLOWED_HOSTS="127.0.0.1,localhost",
        DJANGO_MEDIA_ROOT=str(folder / "media"),
        DJANGO_STATIC_ROOT=str(folder / "static"),
        DATABASE_URL=f"sqlite:///{folder / 'db.sqlite3'}",
        DJANGO_LOG_LEVEL="WARNING",
    )
    if not env.get("REDIS_URL"):
        env["DJANGO_CACHE"] = "local"  # each worker's own memory: nothing is edited meanwhile
    return env


def manage(env: dict, *args: str, stdin: str | None = None):
    """Run a manage.py command (`stdin` fed to it); its output is shown only if it fails."""
    print(f"manage.py {' '.join(args)}", flush=True)
    done = subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env=env,
        input=stdin,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    if done.returncode:
        sys.exit(f"{done.stdout}\nmanage.py {' '.join(args)} failed (exit {done.returncode})")


def wait_until_serving(base_url: str, server: subprocess.Popen | None = None, timeout: float = 60):
    """Until `base_url`/ answers 200; exits if `server` (the process behind it) has died."""
    deadline = time.monotonic() + timeout
    request = urllib.request.Request(f"{base_url}/")
    while time.monotonic() < deadline:
        if server is not None and server.poll() is not None:
            sys.exit(f"the server for {base_url} exited with status {server.returncode}")
        try:
            with urllib.request.urlopen(request, timeout=10) as response:
                if response.status == 200:
                    return
        except OSError:  # not listening yet, or still starting (URLError, timeouts)
            pass
        time.sleep(0.3)
    sys.exit(f"{base_url}/ did not answer within {timeout:.0f} s")


def run_lighthouse(url: str, name: str, chrome: str) -> dict:
    REPORTS.mkdir(parents=True, exist_ok=True)
    command = [
        "npx",
        "--yes",
        LIGHTHOUSE,
        url,
        "--output=json",
        "--output=html",
        f"--output-path={REPORTS / name}",
        f"--only-categories={','.join(CATEGORIES)}",
        f"--chrome-flags={CHROME_FLAGS}",
        "--quiet",
    ]
    # Lighthouse now and then fails to record the trace (NO_NAVSTART, NO_FCP): try again.
    for attempt in range(1, ATTEMPTS + 1):
        print(f"lighthouse {url}" + (f" (attempt {attempt})" if attempt > 1 else ""), flush=True)
        done = subprocess.run(command, env={**os.environ, "CHROME_PATH": chrome})
        if done.returncode == 0:
            return json.loads((REPORTS / f"{name}.report.json").read_text())
    sys.exit(f"Lighthouse failed {ATTEMPTS} times on {url}")


def score(report: dict, category: str) -> str:
    value = report["categories"][category]["score"]
    return "n/a" if value is None else str(round(value * 100))


def examples(audit: dict, limit: int = 3) -> str:
    """A few of the audit's items (URLs, elements), for a one-line hint."""
    found = []
    for item in (audit.get("details") or {}).get("items", [])[:limit]:
        node = item.get("node") or {}
        where = item.get("url") or (item.get("sourceLocation") or {}).get("url")
        found.append(node.get("snippet") or where or item.get("description") or "")
    return "; ".join(filter(None, found))


def failing_audits(report: dict, category: str) -> list[str]:
    """Audits of `category` that count towards its score and did not get full marks."""
    lines = []
    for ref in report["categories"][category]["auditRefs"]:
        audit = report["audits"][ref["id"]]
        if ref["weight"] == 0:
            continue
        if audit["scoreDisplayMode"] in {"manual", "notApplicable", "informative", "error"}:
            continue
        if audit["score"] is not None and audit["score"] < 1:
            shown = f" ({audit['displayValue']})" if audit.get("displayValue") else ""
            hint = examples(audit)
            lines.append(
                f"{audit['id']}: {audit['title']}{shown} [score {audit['score']:.2f}]"
                + (f" e.g. {hint}" if hint else "")
            )
    return lines


def opportunities(report: dict) -> list[str]:
    """Performance opportunities with estimated savings, biggest first."""
    found = []
    for audit in report["audits"].values():
        details = audit.get("details") or {}
        if details.get("type") != "opportunity" or (
            audit["score"] is not None and audit["score"] >= 1
        ):
            continue
        ms = details.get("overallSavingsMs") or 0
        kib = (details.get("overallSavingsBytes") or 0) / 1024
        if ms or kib:
            found.append(
                (ms, kib, f"{audit['id']}: {audit['title']} (~{ms:.0f} ms, ~{kib:.0f} KiB)")
            )
    return [line for _ms, _kib, line in sorted(found, reverse=True)]


@contextlib.contextmanager
def serving_initial_content(port: int):
    """The throwaway production-like site (see the module's docstring) at http://127.0.0.1:port,
    for as long as the `with` block runs; the folder and gunicorn are gone afterwards."""
    base_url = f"http://127.0.0.1:{port}"
    with tempfile.TemporaryDirectory(prefix="resilient-vejle-lighthouse-") as folder:
        env = production_env(Path(folder))
        gunicorn_config = Path(folder) / "gunicorn_behind_tls_proxy.py"
        gunicorn_config.write_text(GUNICORN_CONFIG)
        manage(env, "migrate", "--noinput", "--verbosity=0")
        manage(env, "load_initial_content")
        manage(env, "collectstatic", "--noinput", "--verbosity=0")
        server = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "gunicorn",
                "resilient_vejle.wsgi",
                f"--config={gunicorn_config}",
                f"--bind=127.0.0.1:{port}",
                "--workers=2",
                "--log-level=warning",
            ],
            cwd=ROOT,
            env=env,
        )
        try:
            wait_until_serving(base_url, server)
            print(f"gunicorn (production settings) serving {base_url}", flush=True)
            yield base_url
        finally:
            server.terminate()
            server.wait(timeout=10)


def main():
    chrome = os.environ.get("CHROME_PATH", "/usr/bin/chromium")
    if not os.access(chrome, os.X_OK):
        sys.exit(f"Chromium not found at {chrome}: apt-get install chromium")
    port = int(os.environ.get("LIGHTHOUSE_PORT") or free_port())
    reports = {}
    with serving_initial_content(port) as base_url:
        for name, path in PAGES.items():
            reports[name] = run_lighthouse(f"{base_url}{path}", name, chrome)

    print()
    width = max(len(path) for path in PAGES.values())
    print(f"{'URL':<{width}}  {'perf':>4}  {'a11y':>4}  {'bp':>4}  {'seo':>4}")
    for name, path in PAGES.items():
        scores = [score(reports[name], category) for category in CATEGORIES]
        print(f"{path:<{width}}  " + "  ".join(f"{value:>4}" for value in scores))
    weight = reports["home"]["audits"]["total-byte-weight"]["numericValue"]
    print(f"\nHome page total transfer size: {weight / 1024:.1f} KB")

    for name, path in PAGES.items():
        report = reports[name]
        print(f"\n{path}")
        for metric in [
            "first-contentful-paint",
            "largest-contentful-paint",
            "total-blocking-time",
            "cumulative-layout-shift",
            "speed-index",
        ]:
            audit = report["audits"][metric]
            print(f"  {audit['title']}: {audit.get('displayValue', '')}")
        for category in CATEGORIES[1:]:
            for line in failing_audits(report, category):
                print(f"  [{category}] {line}")
        for line in opportunities(report):
            print(f"  [opportunity] {line}")
    print(f"\nReports: {REPORTS.relative_to(ROOT)}/<page>.report.html and .report.json")


if __name__ == "__main__":
    main()
