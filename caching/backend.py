"""Django's Redis cache backend, made so that Redis going away cannot take the site with it.

Every page reads the cache (page cache, fragments, remembered lookups, renditions). With
Django's backend as it is, a Redis that cannot be reached turns each of those reads into an
error page. Here:

- one redis.Redis client per connection pool instead of one per call (see get_client);
- a circuit breaker per process: after one failed call (refused, reset, or no answer within
  the short timeouts set in settings) no call of any cache alias goes to Redis for
  RETRY_SECONDS; the outage is logged once, and its end;
- meanwhile every operation goes to this process's memory instead, where nothing lives longer
  than FALLBACK_SECONDS: fragments and remembered lookups stay cheap (an uncached page costs
  what it costs with Redis up), and an edit made in another process shows here after at most
  that long. The page cache stores nothing meanwhile (`cache_is_down`);
- an edit made meanwhile could not drop its pages from Redis, which may still hold them when
  it comes back (Redis keeps its data across restarts): this process then empties the cache
  at its first successful call, before anything stale can be read through it;
- every drop of pages, and emptying the cache, is announced on a channel, so that each
  process's copies of page-cache entries (caching/page_memory.py) go at once too.
"""

import logging
import threading
import time

from django.core.cache.backends.locmem import LocMemCache
from django.core.cache.backends.redis import RedisCache, RedisCacheClient
from django.utils.functional import cached_property
from redis.exceptions import ConnectionError as RedisConnectionError
from redis.exceptions import TimeoutError as RedisTimeoutError

logger = logging.getLogger(__name__)

# The channel on which drops of pages are announced, and "every page" (caching/page_memory.py).
CHANNEL_KEY = "page-cache-drops"
EVERYTHING = "*"

UNREACHABLE = (RedisConnectionError, RedisTimeoutError)
# The cool-down after a failure: at most one request per process waits on Redis per period.
RETRY_SECONDS = 5.0
# How long anything lives in a process's own memory while Redis is away.
FALLBACK_SECONDS = 5
# Operations that drop something: missing one leaves stale entries behind.
DROPPING = {"delete", "delete_many", "incr", "clear", "publish_drops"}


class _Outage:
    """Shared by every cache alias and thread of the process."""

    lock = threading.Lock()
    retry_at = 0.0
    dropped_nothing = False  # a drop was missed: empty the cache once Redis answers
    failing = False  # between the first failure and the next answer: logged once each
    # Keys arrive here already made (prefix, version): kept as they are.
    memory = LocMemCache(
        "redis-outage",
        {"TIMEOUT": FALLBACK_SECONDS, "KEY_FUNCTION": lambda key, _prefix, _version: key},
    )


def cache_is_down() -> bool:
    """True while this process leaves Redis alone after a failure (always False without Redis)."""
    return time.monotonic() < _Outage.retry_at


def _in_memory(name, args):
    """The operation on this process's memory, every timeout cut to FALLBACK_SECONDS."""
    memory = _Outage.memory

    def short(timeout):
        return FALLBACK_SECONDS if timeout is None else min(timeout, FALLBACK_SECONDS)

    if name == "get":
        return memory.get(args[0], args[1] if len(args) > 1 else None)
    if name in ("set", "add"):
        return getattr(memory, name)(args[0], args[1], short(args[2]))
    if name == "touch":
        return memory.touch(args[0], short(args[1]))
    if name == "set_many":
        memory.set_many(args[0], short(args[1]))
        return None
    if name == "clear":
        return memory.clear()
    if name == "publish_drops":
        return None
    # delete, delete_many, get_many, has_key, incr (ValueError when missing, as Redis's client)
    return getattr(memory, name)(*args)


def _forgiving(name, original=None):
    original = original or getattr(RedisCacheClient, name)

    def operation(self, *args):
        if time.monotonic() < _Outage.retry_at:
            _Outage.dropped_nothing |= name in DROPPING
            return _in_memory(name, args)
        try:
            if _Outage.dropped_nothing:
                with _Outage.lock:
                    if _Outage.dropped_nothing:
                        _clear(self)
                        _Outage.dropped_nothing = False
                        _Outage.memory.clear()
                        logger.warning("Redis answers again: emptied it of what an edit missed")
            result = original(self, *args)
        except UNREACHABLE as error:
            with _Outage.lock:
                if not _Outage.failing:
                    _Outage.failing = True
                    logger.error("Redis cannot be reached; pages are rendered uncached: %s", error)
                _Outage.retry_at = time.monotonic() + RETRY_SECONDS
                _Outage.dropped_nothing |= name in DROPPING
            return _in_memory(name, args)
        if _Outage.failing:
            _Outage.failing = False
            logger.warning("Redis answers again")
        return result

    operation.__name__ = name
    return operation


def _clear(client):
    """Empties Redis and tells every process to throw its page copies away
    (caching/page_memory.py)."""
    RedisCacheClient.clear(client)
    client.get_client(write=True).publish(client.drops_channel, EVERYTHING)
    return True


def _publish_drops(client, index_keys):
    client.get_client(write=True).publish(client.drops_channel, " ".join(index_keys))


class ForgivingRedisCacheClient(RedisCacheClient):
    drops_channel = ""

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
    clear = _forgiving("clear", _clear)
    publish_drops = _forgiving("publish_drops", _publish_drops)


class ForgivingRedisCache(RedisCache):
    """Django's RedisCache with the client above."""

    def __init__(self, server, params):
        super().__init__(server, params)
        self._class = ForgivingRedisCacheClient
        # Where drops of pages are announced to every process (caching/page_memory.py).
        self.drops_channel = self.make_key(CHANNEL_KEY)

    @cached_property
    def _cache(self):
        client = ForgivingRedisCacheClient(self._servers, **self._options)
        client.drops_channel = self.drops_channel
        return client

    def publish_drops(self, index_keys) -> None:
        """Tells every process to throw away its copies of these paths' pages."""
        self._cache.publish_drops(list(index_keys))
