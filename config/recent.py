"""A small, bounded copy in this process of the pages it served last (config.http_cache).

A kept page is read from the shared cache (the database or Redis) on every visit: a query and
100 KB unpickled. Its key names everything it rests on (the page's stamp, the release, the
address), so a copy under the same key in this process can never be out of date: a change makes
a new key and the old copy is just never asked for again, until it falls out (least recently used
first, past ``MAX_BYTES`` or ``MAX_ITEMS``).
"""

from __future__ import annotations

import threading
from collections import OrderedDict

MAX_ITEMS = 256
MAX_BYTES = 32 * 1024 * 1024


class Recent:
    def __init__(self, *, max_items: int = MAX_ITEMS, max_bytes: int = MAX_BYTES) -> None:
        self.max_items, self.max_bytes = max_items, max_bytes
        self._items: OrderedDict[str, str] = OrderedDict()
        self._bytes = 0
        self._lock = threading.Lock()  # the server's worker threads share it

    def get(self, key: str) -> str | None:
        with self._lock:
            value = self._items.get(key)
            if value is not None:
                self._items.move_to_end(key)
            return value

    def put(self, key: str, value: str) -> None:
        if len(value) > self.max_bytes:
            return
        with self._lock:
            old = self._items.pop(key, None)
            self._bytes -= len(old) if old is not None else 0
            self._items[key] = value
            self._bytes += len(value)
            while len(self._items) > self.max_items or self._bytes > self.max_bytes:
                _, dropped = self._items.popitem(last=False)
                self._bytes -= len(dropped)

    def clear(self) -> None:
        with self._lock:
            self._items.clear()
            self._bytes = 0

    def __len__(self) -> int:
        return len(self._items)


pages = Recent()
