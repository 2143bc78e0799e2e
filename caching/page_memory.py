"""Each process's own copies of the page-cache entries it has read from Redis.

A page-cache hit from Redis is a network round trip; from this memory it is a dict lookup.
The copies stay right because every drop of a path (caching/page_cache.py `delete_pages`, and
emptying the cache) is also published on a Redis channel, and a thread in each process that
listens on it throws the dropped paths' copies away before Redis has even answered the
dropping process. While that thread is not subscribed (starting, Redis away, connection lost)
no copy is used and all are thrown away: a drop it could have missed cannot leave one behind.
A copy is kept at most COPY_SECONDS and at most MAX_COPIES of them (the oldest go first).

Only with the Redis backend (caching/backend.py); the cache in each process's memory needs no
copies.
"""

import logging
import os
import threading
import time

import redis

from caching.backend import EVERYTHING, cache_is_down

logger = logging.getLogger(__name__)

COPY_SECONDS = 60
MAX_COPIES = 500
RETRY_SECONDS = 5.0


class PageMemory:
    def __init__(self):
        self.lock = threading.Lock()
        self.copies: dict[str, dict[str, tuple]] = {}  # index key -> {variant: (until, entry)}
        self.count = 0
        self.generation = 0  # +1 for every drop: a read that raced one is not kept
        self.subscribed = False
        self.pid = None

    # -- the request side ---------------------------------------------------------------------
    def start(self, cache) -> bool:
        """True when copies may be used; starts this process's listener once (after a fork)."""
        if self.pid != os.getpid():
            with self.lock:
                if self.pid != os.getpid():
                    self.pid = os.getpid()
                    self.subscribed = False
                    self.copies.clear()
                    self.count = 0
                    threading.Thread(
                        target=self.listen, args=(cache,), name="page-memory", daemon=True
                    ).start()
        return self.subscribed

    def get(self, index_key: str, variant: str):
        copy = self.copies.get(index_key, {}).get(variant)
        if copy is None or not self.subscribed:
            return None
        until, entry = copy
        return entry if until > time.monotonic() else None

    def keep(self, index_key: str, variant: str, entry, generation: int) -> None:
        with self.lock:
            if generation != self.generation or not self.subscribed:
                return  # a drop came in since the entry was read: it may be the old one
            if self.count >= MAX_COPIES:
                oldest = next(iter(self.copies))
                self.count -= len(self.copies.pop(oldest))
            variants = self.copies.setdefault(index_key, {})
            self.count += variant not in variants
            variants[variant] = (time.monotonic() + COPY_SECONDS, entry)

    # -- the listener --------------------------------------------------------------------------
    def drop(self, index_keys) -> None:
        with self.lock:
            self.generation += 1
            if EVERYTHING in index_keys:
                self.copies.clear()
                self.count = 0
                return
            for key in index_keys:
                self.count -= len(self.copies.pop(key, ()))

    def unsubscribed(self) -> None:
        with self.lock:
            self.subscribed = False
            self.generation += 1
            self.copies.clear()
            self.count = 0

    def listen(self, cache) -> None:
        channel = cache.drops_channel
        pool = cache._cache.get_client(write=True).connection_pool
        # Its own connection, which waits for messages as long as need be.
        settings = {**pool.connection_kwargs, "socket_timeout": None, "health_check_interval": 10}
        while True:
            while cache_is_down():  # the requests' circuit breaker holds for this thread too
                time.sleep(1)
            try:
                listener = redis.Redis(
                    connection_pool=redis.ConnectionPool(
                        connection_class=pool.connection_class, **settings
                    )
                ).pubsub()
                listener.subscribe(channel)
                while True:
                    message = listener.get_message(timeout=5)
                    if message is None:
                        listener.check_health()  # a connection gone silently raises here
                    elif message["type"] == "subscribe":
                        with self.lock:
                            self.generation += 1
                            self.subscribed = True
                    elif message["type"] == "message":
                        self.drop(message["data"].decode().split())
            except Exception as error:  # noqa: BLE001 (whatever went wrong: no copies meanwhile)
                self.unsubscribed()
                logger.debug("The page-cache drop listener lost Redis: %s", error)
                time.sleep(RETRY_SECONDS)


def memory_of(cache) -> PageMemory | None:
    """The copies kept beside `cache` (a Redis cache), None for any other cache."""
    if not hasattr(cache, "drops_channel"):
        return None
    memory = cache.__dict__.get("page_memory")
    if memory is None:
        memory = cache.__dict__["page_memory"] = PageMemory()
    return memory
