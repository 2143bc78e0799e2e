"""Availability: /healthz for a load balancer, and the 503 page when the database is gone."""

import secrets

from django.core.cache import cache
from django.db import DatabaseError, InterfaceError, OperationalError, connection
from django.http import JsonResponse
from django.shortcuts import render
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe

# How long a client (or a proxy in front) should wait before asking again, in seconds.
RETRY_AFTER_SECONDS = 30
# Errors that mean "the database cannot be reached (right now)", not a bug in the code.
DATABASE_UNAVAILABLE = (OperationalError, InterfaceError)


def database_state() -> str:
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except DatabaseError:
        return "unavailable"
    return "ok"


def cache_state() -> str:
    from caching.backend import cache_is_down  # core uses caching only when called

    key = "healthz-probe"
    value = secrets.token_hex(8)
    try:
        cache.set(key, value, 10)
        # While Redis is away the cache answers from the process's memory: still "unavailable".
        return "ok" if cache.get(key) == value and not cache_is_down() else "unavailable"
    except Exception:  # any cache backend's connection error
        return "unavailable"


@never_cache
@require_safe
def healthz(request):
    """{"database": "ok", "cache": "ok"}: 200 while the database answers, else 503.

    The cache is optional (the site works without it), so its state is reported but does not
    take the app server out of the load balancer.
    """
    state = {"database": database_state(), "cache": cache_state()}
    status = 200 if state["database"] == "ok" else 503
    response = JsonResponse(state, status=status)
    if status == 503:
        response["Retry-After"] = str(RETRY_AFTER_SECONDS)
    return response


def service_unavailable(request):
    """The short bilingual "temporarily unavailable" page; renders without the database."""
    response = render(request, "503.html", status=503)
    response["Retry-After"] = str(RETRY_AFTER_SECONDS)
    response["Cache-Control"] = "no-store"
    return response
