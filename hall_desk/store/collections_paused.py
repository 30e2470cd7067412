"""No cyclic garbage collection during a stretch of work that makes many objects and frees them
by reference counting."""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def collections_paused() -> Iterator[None]:
    """Bulk work (a pulled batch's row dicts and tuples, a month's ledger rows) makes objects
    by the ten thousand that stay alive until the work is done and are none of them in a cycle:
    they set off a collection every few hundred, and each full one walks the whole heap again,
    for nothing. Whatever cycles the work leaves are collected as usual after it. Nested uses
    are fine: only the outermost switches collection back on, and only if it was on (the
    window runs it from a timer of its own, with automatic collection off)."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()
