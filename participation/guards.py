"""What keeps the cookie-free form safe: same-origin posts, size, rate and spam traps.

Django's CSRF protection needs a cookie; this form uses none. A browser says where a post
comes from (`Origin`, `Sec-Fetch-Site`), and a cross-site post is refused with 403 before the
form is read (middleware.py). Every refusal is a calm message in the page's language and
stores nothing.
"""

import hashlib
from urllib.parse import urlsplit

from django.conf import settings
from django.core.cache import cache
from django.utils.translation import gettext as _

from operations.client_address import client_ip
from participation.forms import HONEYPOT, STAMP, stamp_age

# Defaults; each can be set in the settings under the same name with PARTICIPATION_ before it.
MIN_SECONDS = 3  # a person needs longer than this to fill in the form
STAMP_MAX_AGE = 24 * 60 * 60  # a form open longer than a day gets a fresh stamp first
MAX_POST_BYTES = 32 * 1024
RATE_LIMIT = (10, 10 * 60)  # posts per client address per window of seconds
RATE_KEY_PREFIX = "participation-rate:"


def setting(name: str, default):
    return getattr(settings, f"PARTICIPATION_{name}", default)


# -- same origin --------------------------------------------------------------------------------
def own_origins(request) -> set[str]:
    scheme = "https" if request.is_secure() else "http"
    origins = {f"{scheme}://{request.get_host()}"}
    origins.update(origin.rstrip("/") for origin in getattr(settings, "CSRF_TRUSTED_ORIGINS", []))
    return origins


def is_same_origin(request) -> bool:
    """True when the browser says the post comes from this site itself.

    `Sec-Fetch-Site` (when sent) must be `same-origin`; `Origin` (when sent) must be one of the
    site's own origins. A post with neither is judged by `Referer`; with none of the three it
    is refused: every browser of the last years sends `Origin` with a form post.
    """
    fetch_site = request.META.get("HTTP_SEC_FETCH_SITE")
    if fetch_site is not None and fetch_site != "same-origin":
        return False
    origin = request.META.get("HTTP_ORIGIN")
    if origin is not None:
        return origin in own_origins(request)
    if fetch_site is not None:
        return True
    referer = request.META.get("HTTP_REFERER")
    if not referer:
        return False
    parts = urlsplit(referer)
    return f"{parts.scheme}://{parts.netloc}" in own_origins(request)


# -- before the form is read ------------------------------------------------------------------
def post_too_large(request) -> bool:
    try:
        length = int(request.META.get("CONTENT_LENGTH") or 0)
    except ValueError:
        return True
    return length > setting("MAX_POST_BYTES", MAX_POST_BYTES)


def over_rate_limit(request) -> bool:
    """Counts this post for the client's address; True past the limit for the window.

    The address is only hashed into a cache key that expires with the window: nothing is
    stored in the database."""
    posts, seconds = setting("RATE_LIMIT", RATE_LIMIT)
    digest = hashlib.sha256(f"{settings.SECRET_KEY}|{client_ip(request)}".encode()).hexdigest()
    key = f"{RATE_KEY_PREFIX}{digest}"
    if cache.add(key, 1, seconds):
        count = 1
    else:
        try:
            count = cache.incr(key)
        except ValueError:  # expired between add and incr
            cache.add(key, 1, seconds)
            count = 1
    # With the cache away (None) nothing can be counted: the post goes on, never a 500.
    return isinstance(count, int) and count > posts


def check_post(request, page):
    """(message, status) when the post is refused before its answers are read, else None."""
    if post_too_large(request):
        return _("Din besked er for lang til at blive sendt. Gør den kortere, og prøv igen."), 413
    if over_rate_limit(request):
        return (
            _(
                "Der er sendt mange beskeder fra din forbindelse på kort tid. Vent lidt, og "
                "prøv igen senere."
            ),
            429,
        )
    return None


def check_traps(data):
    """The message when a spam trap caught the post, else None."""
    if data.get(HONEYPOT):
        return _("Din besked blev ikke sendt. Lad feltet “Lad dette felt være tomt” være tomt.")
    age = stamp_age(data.get(STAMP, ""))
    if age is None or age < setting("MIN_SECONDS", MIN_SECONDS):
        return _("Formularen blev sendt meget hurtigt. Tjek dine svar, og send den igen.")
    if age > setting("STAMP_MAX_AGE", STAMP_MAX_AGE):
        return _("Formularen har været åben længe. Tjek dine svar, og send den igen.")
    return None


def refused_cross_site(request):
    """403 for a post from another site (or from no site a browser names)."""
    from django.shortcuts import render

    return render(request, "participation/cross_site.html", status=403)
