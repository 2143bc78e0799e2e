"""The client's address behind reverse proxies that append to X-Forwarded-For.

``PROXY_COUNT`` (``DJANGO_PROXY_COUNT``) reverse proxies stand in front of gunicorn, each
appending the address it received the request from: nginx alone writes ``client``, nginx then
Varnish write ``client, nginx``. Whatever a client writes itself comes before those entries, so
the client is the entry ``PROXY_COUNT`` places from the right and every entry left of it is
ignored. A header shorter than that did not come through all the proxies (or the count is set
too high): then nothing in it can be trusted and the peer's own address (``REMOTE_ADDR``) is
used. Used by django-axes (``AXES_CLIENT_IP_CALLABLE``) for the login lockout.
"""

import ipaddress

from django.conf import settings


def client_ip(request) -> str:
    remote_addr = request.META.get("REMOTE_ADDR", "")
    count = settings.PROXY_COUNT
    if count == 0:
        return remote_addr
    # Several X-Forwarded-For lines arrive joined with commas (gunicorn, WSGI), in order.
    entries = [e.strip() for e in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")]
    if len(entries) < count:
        return remote_addr
    candidate = entries[-count]
    try:
        return str(ipaddress.ip_address(candidate))
    except ValueError:
        # Our proxies write addresses; anything else is not theirs (e.g. a misconfigured hop).
        return remote_addr
