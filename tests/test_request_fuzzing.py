"""Odd requests never get a 5xx: a fixed list of known troublemakers, plus generated ones.

Each generated example is one request through Django's test client against a small page tree
(no server, no browser), so a few hundred of them take seconds.
"""

from urllib.parse import quote

import pytest
from django.test import Client
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.factories import make_site_tree

METHODS = ["GET", "HEAD", "POST", "PUT", "DELETE", "PATCH", "OPTIONS", "TRACE", "FOO", "PROPFIND"]
PREFIXES = [
    "",
    "en/",
    "strategien/",
    "en/strategy/",
    "strategien/klimaresiliens/",
    "strategien.pdf",
    "en/strategy.pdf",
    "documents/",
    "documents/1/",
    "admin/",
    "sitemap.xml",
    "robots.txt",
    "healthz",
    ".well-known/security.txt",
    "was",
    "static/",
]
TRICKY_PIECES = [
    "%ff",
    "%00",
    "%c0%af",
    "%e2%82",
    "%2e%2e",
    "..",
    "%",
    "%%",
    "%zz",
    "//",
    ";",
    "%0d%0a",
    "\x00",
    "ø",
    "%F0%9F%92%A9",
    "?",
    "#",
    "&",
    "=",
    "+",
]
# Any Unicode text (no lone surrogates, which no client can send), percent-encoded as a browser
# would, and the tricky pieces above as they are.
TEXT = st.text(st.characters(codec="utf-8"), max_size=40).map(lambda t: quote(t, safe="/;:@&=+$,"))
PATHS = st.builds(
    lambda prefix, pieces: "/" + prefix + "".join(pieces),
    st.sampled_from(PREFIXES),
    st.lists(st.one_of(TEXT, st.sampled_from(TRICKY_PIECES)), max_size=6),
)
QUERIES = st.one_of(
    st.just(""), TEXT, st.lists(st.sampled_from(TRICKY_PIECES), max_size=4).map("".join)
)

HOST_HEADERS = [
    "evil.example.org",
    "",
    "localhost:port",
    "[::1",
    "exa mple.org",
    "a" * 300,
    "localhost\x00",
    "localhost@evil.example.org",
]
FIXED_PATHS = [
    "/%ff",
    "/%ff/",
    "/en/%ff",
    "/strategien/%ff%fe/",
    "/?q=%ff",
    "/%00",
    "/\x00",
    "/en/\x00strategy/",
    "/?q=%00",
    "/" + "a" * 10_000,
    "/" + "a/" * 3_000,
    "/en/" + "%ff" * 3_000,
    "/?q=" + "x" * 1_000_000,
    "/?" + "&".join(f"f{i}=1" for i in range(5_000)),
    "/strategien.pdf?" + "a=%ff&" * 2_000,
    "/documents/99999/x.pdf",
    "/admin/pages/%ff/edit/",
    "/../../etc/passwd",
    "/%2e%2e/%2e%2e/etc/passwd",
    "/static/../manage.py",
]


@pytest.fixture
def client(db):
    make_site_tree()
    return Client()


def send(client, method: str, path: str, **extra):
    response = client.generic(method, path, **extra)
    assert response.status_code < 500, (method, path, response.status_code)
    return response


def test_the_site_tree_is_served(client):
    assert send(client, "GET", "/").status_code == 200
    assert send(client, "GET", "/en/strategy/").status_code == 200


@pytest.mark.parametrize("path", FIXED_PATHS, ids=range(len(FIXED_PATHS)))
def test_fixed_paths(client, path):
    for method in ("GET", "HEAD", "POST"):
        send(client, method, path)


@pytest.mark.parametrize("host", HOST_HEADERS)
def test_bad_host_headers_get_400(client, host):
    for path in ("/", "/en/strategy/", "/healthz", "/strategien.pdf"):
        assert send(client, "GET", path, HTTP_HOST=host).status_code == 400


@pytest.mark.parametrize("method", ["FOO", "PROPFIND", "TRACE", "CONNECT", "M-SEARCH"])
def test_unknown_methods(client, method):
    for path in ("/", "/strategien/", "/strategien.pdf", "/healthz", "/sitemap.xml", "/admin/"):
        send(client, method, path)


@settings(
    max_examples=300,
    deadline=None,
    database=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(method=st.sampled_from(METHODS), path=PATHS, query=QUERIES)
def test_generated_requests(client, method, path, query):
    send(client, method, f"{path}?{query}" if query else path)
