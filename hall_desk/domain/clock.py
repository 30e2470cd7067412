"""Hybrid logical clock and UUIDv7 ids: event order that survives wall-clock jumps and sync."""

from __future__ import annotations

import os
import threading
import time
import uuid
from collections.abc import Callable
from dataclasses import dataclass

# Twelve bits of the UUIDv7 `rand_a` field carry the HLC counter, so ids sort like the clock.
MAX_COUNTER = 0xFFF


@dataclass(frozen=True, order=True)
class Timestamp:
    """One HLC reading: wall milliseconds, then a counter for events within (or behind) it."""

    ms: int
    counter: int

    def encode(self) -> str:
        # Fixed width so that text order equals clock order in any database.
        return f"{self.ms:013d}-{self.counter:04d}"

    @classmethod
    def decode(cls, text: str) -> Timestamp:
        ms, _, counter = text.partition("-")
        return cls(int(ms), int(counter))


class HybridClock:
    """Never goes backwards, even when the machine's clock is set back; absorbs remote clocks.

    `last` is restored from the newest event on start-up, so monotonicity survives restarts.
    """

    def __init__(
        self, last: Timestamp | None = None, wall_ms: Callable[[], int] | None = None
    ) -> None:
        self._last = last or Timestamp(0, 0)
        self._wall_ms = wall_ms or (lambda: time.time_ns() // 1_000_000)
        self._lock = threading.Lock()

    @property
    def last(self) -> Timestamp:
        return self._last

    def now(self) -> Timestamp:
        with self._lock:
            wall = self._wall_ms()
            last = self._last
            if wall > last.ms:
                ts = Timestamp(wall, 0)
            elif last.counter < MAX_COUNTER:
                ts = Timestamp(last.ms, last.counter + 1)
            else:
                # Counter exhausted: borrow the next millisecond rather than overflow the id.
                ts = Timestamp(last.ms + 1, 0)
            self._last = ts
            return ts

    def observe(self, remote: Timestamp) -> None:
        """Merge a clock reading received from another workstation."""
        with self._lock:
            if remote > self._last:
                self._last = remote


def uuid7(ts: Timestamp) -> uuid.UUID:
    """A UUIDv7 whose time and rand_a fields are the HLC reading: ids ordered as the clock."""
    rand_b = int.from_bytes(os.urandom(8), "big") & ((1 << 62) - 1)
    value = (ts.ms & ((1 << 48) - 1)) << 80
    value |= 0x7 << 76
    value |= (ts.counter & MAX_COUNTER) << 64
    value |= 0b10 << 62
    value |= rand_b
    return uuid.UUID(int=value)
