"""Django's Redis cache backend, made so that Redis going away cannot take the site with it.

Every page reads the cache (page cache, fragments, remembered lookups). With Django's backend
as it is, a Redis that cannot be reached turns each of those reads into an error page. Here:

- one redis.Redis client per connection pool instead of one per call (see get_client);
- reads miss and writes do nothing while Redis is unreachable, so pages are rendered from the
  database (slower, still correct); after a failure Redis is left alone for RETRY_SECONDS,
  so no request waits on it meanwhile, and the outage is logged once;
- an edit made meanwhile could not drop its pages from Redis, which may still hold them when
  it comes back (Redis keeps its data across restarts): this process then empties the cache
  at its first successful call, before anything stale can be read through it.
"""

import logging
import threading
import time

from django.core.cache.backends.redis import RedisCache, RedisCacheClient
from redis.exceptions import ConnectionError as RedisConnectionError
from redis.exceptions import TimeoutError as RedisTimeoutError

logger = logging.getLogger(__name__)

UNREACHABLE = (RedisConnectionError, RedisTimeoutError)
RETRY_SECONDS = 2.0
# Operations that drop something: missing one leaves stale entries behind.
DROPPING = {"delete", "delete_many", "incr", "clear"}


class _Outage:
    """Shared by every cache alias and thread of the process."""

    lock = threading.Lock()
    retry_at = 0.0
    dropped_nothing = False  # a drop was missed: empty the cache once Redis answers


def _unreachable_answer(name, args):
    """What an operation answers when Redis cannot be reached: a miss, or "nothing done"."""
    if name == "get":
        return args[1] if len(args) > 1 else None  # the caller's default
    return {"get_many": {}, "add": False, "touch": False, "has_key": False}.get(name)


def _forgiving(name):
    original = getattr(RedisCacheClient, name)

    def operation(self, *args):
        if time.monotonic() < _Outage.retry_at:
            _Outage.dropped_nothing |= name in DROPPING
            return _unreachable_answer(name, args)
        try:
            if _Outage.dropped_nothing:
                with _Outage.lock:
                    if _Outage.dropped_nothing:
                        RedisCacheClient.clear(self)
                        _Outage.dropped_nothing = False
                        logger.warning("Redis answers again: emptied it of what an edit missed")
            return original(self, *args)
        except UNREACHABLE as error:
            with _Outage.lock:
                if time.monotonic() >= _Outage.retry_at:
                    logger.error("Redis cannot be reached; pages are rendered uncached: %s", error)
                _Outage.retry_at = time.monotonic() + RETRY_SECONDS
                _Outage.dropped_nothing |= name in DROPPING
            return _unreachable_answer(name, args)

    operation.__name__ = name
    return operation


class ForgivingRedisCacheClient(RedisCacheClient):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._clients = {}

    def get_client(self, key=None, *, write=False):
        # Django builds a new redis.Redis, with its table of ~170 reply callbacks, for every
        # call: half the cost of a page-cache hit. One per connection pool does the same work
        # (a redis.Redis is safe to share between threads; connections come from the pool).
        pool = self._get_connection_pool(write)
        client = self._clients.get(id(pool))
        if client is None:
            client = self._clients[id(pool)] = self._client(connection_pool=pool)
        return client

    add = _forgiving("add")
    get = _forgiving("get")
    set = _forgiving("set")
    touch = _forgiving("touch")
    delete = _forgiving("delete")
    get_many = _forgiving("get_many")
    has_key = _forgiving("has_key")
    incr = _forgiving("incr")
    set_many = _forgiving("set_many")
    delete_many = _forgiving("delete_many")
    clear = _forgiving("clear")


class ForgivingRedisCache(RedisCache):
    """Django's RedisCache with the client above."""

    def __init__(self, server, params):
        super().__init__(server, params)
        self._class = ForgivingRedisCacheClient
