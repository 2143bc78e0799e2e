"""`make bench` (or `python -m bench`): what a page costs, cached and uncached, as ratios.

Builds a throwaway site in a temporary folder (SQLite, the initial content plus 1,000
generated projects, collected static files), then for the home, strategy, pillar and project
pages measures:

- queries and CPU ms per uncached request (in this process, the page cache entry dropped
  before each request; fragments and renditions warm; the median of 7 batches of 50);
- requests per second with wrk against gunicorn with the production settings: uncached
  (DJANGO_PAGE_CACHE=off), page-cache hits from each worker's memory (DJANGO_CACHE=local) and
  from Redis (REDIS_URL, as production runs; database 14 of BENCH_REDIS_URL, emptied first),
  and through Varnish (deploy/varnish.vcl); with Redis unreachable (a closed port), against
  the uncached rate; uncached through Varnish (requests it passes, as editors') to one app
  server and to two in its round robin;
- the page cache's hit rate over JUNK_REQUESTS requests of the home page with made-up query
  strings (`/?utm_source=xN`), from Redis;
- the same with two reference servers serving the same bytes: a minimal Django view returning
  them from memory (same gunicorn settings) and nginx serving them as static files;

and prints the ratios the targets are set in. Varnish, nginx, wrk and Redis are used where there;
what is missing is skipped and named (without wrk, a slower Python load generator measures,
so its absolute figures are lower; the ratios still compare like with like). Loopback only;
nothing is written outside the temporary folder.
"""

import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "scripts"))
from lighthouse import (  # noqa: E402  (the same throwaway production site)
    GUNICORN_CONFIG,
    ROOT,
    free_port,
    manage,
    production_env,
    wait_until_serving,
)

from operations.varnish import vcl_for  # noqa: E402  (no Django: the VCL the tests run)

PAGES = {
    "home": "/",
    "strategy": "/strategien/",
    "pillar": "/strategien/klimaresiliens/",
    "project": "/strategien/klimaresiliens/fjordbyen/",
}
GENERATED_PROJECTS = 1000
JUNK_REQUESTS = 1500
REDIS_URL = os.environ.get("BENCH_REDIS_URL", "redis://127.0.0.1:6379/14")
CPU_WARM_UP = 20
CPU_BATCHES = 7
CPU_BATCH_SIZE = 50
WRK = ["-t2", "-c16", "-d5s"]
# A header deploy/varnish.vcl passes to the app (as it passes editors' requests) and Django
# ignores: uncached requests through Varnish, for the one- and two-app-server rows.
PASS = {"Authorization": "Bearer bench"}
GUNICORN = ["--workers", "2", "--worker-class", "sync", "--log-level", "warning"]
NGINX_CONFIG = """
worker_processes 2;
pid {folder}/nginx.pid;
error_log {folder}/nginx-error.log;
events {{ worker_connections 256; }}
http {{
    access_log off;
    client_body_temp_path {folder}/nginx-tmp;
    proxy_temp_path {folder}/nginx-tmp;
    fastcgi_temp_path {folder}/nginx-tmp;
    uwsgi_temp_path {folder}/nginx-tmp;
    scgi_temp_path {folder}/nginx-tmp;
    default_type text/html;
    server {{
        listen 127.0.0.1:{port};
        root {folder}/html;
        index index.html;
    }}
}}
"""


GENERATE_PROJECTS = f"""
from django.utils import translation
from strategy.models import PillarPage, PrinciplePage, ProjectPage
with translation.override("da"):
    pillar = PillarPage.objects.order_by("path").first()
    principle = PrinciplePage.objects.order_by("path").first()
    for number in range({GENERATED_PROJECTS}):
        project = ProjectPage(
            title_da=f"Genereret projekt {{number}}", slug_da=f"genereret-{{number}}",
            title_en=f"Generated project {{number}}", slug_en=f"generated-{{number}}",
            summary_da="Et genereret projekt til ydelsesmålingen.",
            summary_en="A generated project for the benchmark.",
        )
        pillar.add_child(instance=project)
        project.principles.add(principle)
    print(ProjectPage.objects.count(), "projects")
"""


def python_load(
    url: str, headers: dict | None = None, connections: int = 16, seconds: float = 5.0
) -> float:
    """Requests per second from keep-alive connections in threads (where wrk is missing)."""
    import http.client
    import threading
    from urllib.parse import urlsplit

    parts = urlsplit(url)
    counts = [0] * connections
    errors = []
    deadline = time.monotonic() + seconds

    def client(index):
        connection = http.client.HTTPConnection(parts.hostname, parts.port, timeout=10)
        path = parts.path or "/"
        while time.monotonic() < deadline:
            connection.request("GET", path, headers=headers or {})
            response = connection.getresponse()
            response.read()
            if response.status != 200:
                errors.append(response.status)
                return
            counts[index] += 1

    threads = [threading.Thread(target=client, args=(i,)) for i in range(connections)]
    started = time.monotonic()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    if errors:
        sys.exit(f"{url} answered {errors[0]}")
    return sum(counts) / (time.monotonic() - started)


def wrk(url: str, headers: dict | None = None) -> float | None:
    if shutil.which("wrk") is None:
        return python_load(url, headers)
    header_options = [f"--header={name}: {value}" for name, value in (headers or {}).items()]
    done = subprocess.run(["wrk", *WRK, *header_options, url], capture_output=True, text=True)
    errors = re.search(r"Non-2xx or 3xx responses: (\d+)", done.stdout)
    if done.returncode or errors:
        print(done.stdout, done.stderr)
        sys.exit(f"wrk against {url} failed or got errors")
    return float(re.search(r"Requests/sec:\s+([\d.]+)", done.stdout).group(1))


def measure_in_process(env: dict) -> dict:
    """{page: (queries, cpu_ms)} for uncached renders in this process."""
    os.environ.update(env)
    import django

    django.setup()
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    from caching.page_cache import delete_pages

    client = Client(HTTP_HOST="localhost")
    results = {}
    for name, path in PAGES.items():
        client.get(path, secure=True)  # warm site root paths, renditions and fragments
        delete_pages([path])
        with CaptureQueriesContext(connection) as queries:
            response = client.get(path, secure=True)
        # Counted now: every later request empties Django's query log (request_started).
        query_count = len(queries)
        if response.status_code != 200 or response.get("X-Page-Cache") != "miss":
            sys.exit(f"{path}: expected an uncached render, got {response.status_code}")
        # The median of several batches: one slow batch (another process, a GC pass) does
        # not move it, and the first requests' one-off costs are in the warm-up.
        for _ in range(CPU_WARM_UP):
            delete_pages([path])
            client.get(path, secure=True)
        batches = []
        for _ in range(CPU_BATCHES):
            started = time.process_time()
            for _ in range(CPU_BATCH_SIZE):
                delete_pages([path])
                client.get(path, secure=True)
            batches.append((time.process_time() - started) * 1000 / CPU_BATCH_SIZE)
        results[name] = (query_count, statistics.median(batches))
    return results


def junk_hit_rate(base: str) -> float:
    """Share of page-cache hits over JUNK_REQUESTS home-page requests with made-up queries."""
    import http.client
    from urllib.parse import urlsplit

    parts = urlsplit(base)
    connection = http.client.HTTPConnection(parts.hostname, parts.port, timeout=10)
    connection.request("GET", "/")  # the plain page, as any visitor leaves it in the cache
    connection.getresponse().read()
    hits = 0
    for number in range(JUNK_REQUESTS):
        connection.request("GET", f"/?utm_source=x{number}")
        response = connection.getresponse()
        response.read()
        hits += response.getheader("X-Page-Cache") == "hit"
    return hits / JUNK_REQUESTS


def empty_bench_redis(url: str) -> bool:
    """Empties the benchmark's Redis database; False when no Redis answers there."""
    import redis

    try:
        redis.Redis.from_url(url, socket_connect_timeout=1).flushdb()
    except redis.RedisError:
        return False
    return True


def main():
    missing = [tool for tool in ("wrk", "varnishd", "nginx") if shutil.which(tool) is None]
    if missing:
        print(
            f"Skipped (not installed): {', '.join(missing)} — apt-get install {' '.join(missing)}"
        )
    if not empty_bench_redis(REDIS_URL):
        missing.append(f"Redis at {REDIS_URL}")
        print(f"Skipped: no Redis answers at {REDIS_URL} (BENCH_REDIS_URL)")
    folder = Path(tempfile.mkdtemp(prefix="resilient-vejle-bench-"))
    folder.chmod(0o755)  # nginx's workers read the saved pages
    processes = []
    varnish_pids = []
    try:
        env = production_env(folder)
        env.pop("REDIS_URL", None)
        env["DJANGO_CACHE"] = "local"  # each worker's own memory, unless told otherwise below
        print(f"Building the site in {folder}")
        manage(env, "migrate", "--noinput", "--verbosity=0")
        manage(env, "load_initial_content")
        manage(env, "shell", stdin=GENERATE_PROJECTS)
        manage(env, "collectstatic", "--noinput", "--verbosity=0")
        config = folder / "gunicorn_conf.py"
        config.write_text(GUNICORN_CONFIG)

        def gunicorn(port: int, extra_env: dict, app: str = "resilient_vejle.wsgi"):
            process = subprocess.Popen(
                [
                    sys.executable,
                    "-m",
                    "gunicorn",
                    app,
                    "--bind",
                    f"127.0.0.1:{port}",
                    "--config",
                    str(config),
                    *GUNICORN,
                ],
                cwd=ROOT,
                env={**env, **extra_env},
            )
            processes.append(process)
            wait_until_serving(f"http://127.0.0.1:{port}", process)
            return f"http://127.0.0.1:{port}"

        uncached = gunicorn(free_port(), {"DJANGO_PAGE_CACHE": "off"})
        cached = gunicorn(free_port(), {})
        shared = None
        if not any(item.startswith("Redis") for item in missing):
            shared = gunicorn(free_port(), {"REDIS_URL": REDIS_URL, "DJANGO_CACHE": ""})
        # Redis away: a port nothing listens on (refused at once, as after a Redis crash).
        away = gunicorn(
            free_port(), {"REDIS_URL": f"redis://127.0.0.1:{free_port()}/0", "DJANGO_CACHE": ""}
        )

        # The pages' bytes, for the reference servers.
        html = folder / "html"
        for path in PAGES.values():
            with urllib.request.urlopen(f"{cached}{path}") as response:
                body = response.read()
            target = html / path.strip("/") / "index.html"
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(body)
        minimal = gunicorn(free_port(), {"BENCH_HTML": str(html)}, app="bench.reference_app")

        edge = passed_to_one = passed_to_two = None
        if "varnishd" not in missing:

            def varnish(name: str, backends: list[str]) -> str:
                """varnishd with deploy/varnish.vcl for `backends` (their app servers part)."""
                port = free_port()
                addresses = [backend.removeprefix("http://") for backend in backends]
                (folder / f"{name}.vcl").write_text(vcl_for(addresses, "localhost"))
                subprocess.run(
                    [
                        "varnishd",
                        # As whoever runs the benchmark: the temporary folder is theirs.
                        "-j",
                        "none",
                        "-n",
                        str(folder / name),
                        "-a",
                        f"127.0.0.1:{port}",
                        "-f",
                        str(folder / f"{name}.vcl"),
                        "-s",
                        "malloc,64m",
                        "-P",
                        str(folder / f"{name}.pid"),
                    ],
                    check=True,
                )
                varnish_pids.append(folder / f"{name}.pid")
                wait_until_serving(f"http://127.0.0.1:{port}")
                return f"http://127.0.0.1:{port}"

            edge = varnish("varnish", [cached])
            # Uncached through Varnish: the same production server alone, and with a second
            # one beside it in the round robin (both DJANGO_PAGE_CACHE=off).
            passed_to_one = varnish("varnish-one-app", [uncached])
            second_uncached = gunicorn(free_port(), {"DJANGO_PAGE_CACHE": "off"})
            passed_to_two = varnish("varnish-two-apps", [uncached, second_uncached])
        static = None
        if "nginx" not in missing:
            port = free_port()
            (folder / "nginx-tmp").mkdir()
            (folder / "nginx.conf").write_text(NGINX_CONFIG.format(folder=folder, port=port))
            subprocess.run(["nginx", "-c", str(folder / "nginx.conf")], check=True)
            static = f"http://127.0.0.1:{port}"
            wait_until_serving(static)

        print("Measuring queries and CPU per uncached request (in process)")
        in_process = measure_in_process(env)
        print(f"Measuring requests per second (wrk {' '.join(WRK)})")
        rows = []
        for name, path in PAGES.items():
            row = {
                "page": name,
                "queries": in_process[name][0],
                "cpu_ms": in_process[name][1],
                "uncached": wrk(f"{uncached}{path}"),
                "hit": wrk(f"{cached}{path}"),
                "redis_hit": wrk(f"{shared}{path}") if shared else None,
                "redis_away": wrk(f"{away}{path}"),
                "minimal": wrk(f"{minimal}{path}"),
                "edge": wrk(f"{edge}{path}") if edge else None,
                "one_app": wrk(f"{passed_to_one}{path}", PASS) if passed_to_one else None,
                "two_apps": wrk(f"{passed_to_two}{path}", PASS) if passed_to_two else None,
                "nginx": wrk(f"{static}{path}") if static else None,
            }
            rows.append(row)
        junk = junk_hit_rate(shared) if shared else None
        report(rows, missing, junk)
    finally:
        for process in processes:
            process.terminate()
        for process in processes:
            try:
                process.wait(timeout=30)
            except subprocess.TimeoutExpired:  # a busy machine: still clean up below
                process.kill()
                process.wait()
        for pid in varnish_pids:
            if pid.exists():
                subprocess.run(["kill", pid.read_text().strip()])
        if (folder / "nginx.pid").exists():
            subprocess.run(["kill", (folder / "nginx.pid").read_text().strip()])
        shutil.rmtree(folder, ignore_errors=True)


def report(rows: list[dict], missing: list[str], junk: float | None):
    def number(value, digits=0):
        return "skipped" if value is None else f"{value:,.{digits}f}"

    def ratio(a, b):
        return "n/a" if a is None or b is None else f"{a / b:.2f}"

    print()
    servers = f"gunicorn {' '.join(GUNICORN)}; wrk {' '.join(WRK)}"
    print(f"{GENERATED_PROJECTS} generated projects; {servers}")
    header = [
        "page",
        "queries",
        "CPU ms",
        "uncached/s",
        "hit/s",
        "Redis hit/s",
        "Redis away/s",
        "minimal/s",
        "Varnish/s",
        "nginx/s",
        "1 app via Varnish, uncached/s",
        "2 apps via Varnish, uncached/s",
    ]
    print("| " + " | ".join(header) + " |")
    print("|" + "---|" * len(header))
    for row in rows:
        print(
            f"| {row['page']} | {row['queries']} | {row['cpu_ms']:.1f} | "
            f"{number(row['uncached'])} | {number(row['hit'])} | {number(row['redis_hit'])} | "
            f"{number(row['redis_away'])} | "
            f"{number(row['minimal'])} | "
            f"{number(row['edge'])} | {number(row['nginx'])} | "
            f"{number(row['one_app'])} | {number(row['two_apps'])} |"
        )
    print()
    print("Ratios (target in brackets):")
    for row in rows:
        print(
            f"  {row['page']}: minimal view / page-cache hit = {ratio(row['minimal'], row['hit'])} "
            f"(Redis: {ratio(row['minimal'], row['redis_hit'])}) [<= 1.5]; "
            f"Redis away / uncached = {ratio(row['redis_away'], row['uncached'])} [>= 0.8]; "
            f"Varnish / nginx = {ratio(row['edge'], row['nginx'])} [>= 0.5]; "
            f"2 app servers / 1 behind Varnish, uncached = "
            f"{ratio(row['two_apps'], row['one_app'])} [> 1 only with cores to spare]; "
            f"CPU ms vs 9 ms aim = {row['cpu_ms'] / 9:.2f} [<= 1]; "
            f"bakerydemo's 37 ms (quoted) / ours = {37 / row['cpu_ms']:.1f} [>= 4]"
        )
    if junk is not None:
        print(
            f"Home page from Redis after {JUNK_REQUESTS:,} made-up query strings "
            f"(/?utm_source=xN): hit rate {junk:.1%} [unchanged: 100%]"
        )
    if missing:
        print(f"Skipped: {', '.join(missing)} (not installed or not answering).")


if __name__ == "__main__":
    main()
