"""Hybrid logical clock and UUIDv7 ids: event order that survives wall-clock jumps and sync."""

from __future__ import annotations

import os
import threading
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime, timedelta

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

    def next(self) -> Timestamp:
        """The smallest reading after this one."""
        if self.counter < MAX_COUNTER:
            return Timestamp(self.ms, self.counter + 1)
        return Timestamp(self.ms + 1, 0)


class WallClock:
    """The one reading of the machine's wall clock: every "now" and "today" comes from here.

    A workstation owns one and hands it to everything that needs the time, so that tests (and a
    hall that wants to replay a day) can set or step it instead of depending on the hour the
    suite happens to run at.
    """

    def __init__(self, source: Callable[[], datetime] | None = None) -> None:
        self._source = source or _system_now

    def now(self) -> datetime:
        """The local time, always timezone-aware."""
        moment = self._source()
        return moment if moment.tzinfo is not None else moment.astimezone()

    def today(self) -> date:
        return self.now().date()

    def ms(self) -> int:
        """Milliseconds since the epoch: the wall part of the hybrid clock."""
        return int(self.now().timestamp() * 1000)


class SettableClock(WallClock):
    """A wall clock that stands still until told otherwise (tests, demo replays)."""

    def __init__(self, at: datetime) -> None:
        self._at = at if at.tzinfo is not None else at.astimezone()
        super().__init__(lambda: self._at)

    def set(self, at: datetime) -> None:
        self._at = at if at.tzinfo is not None else at.astimezone()

    def advance(self, delta: timedelta) -> None:
        self._at = self._at + delta


def _system_now() -> datetime:
    return datetime.now().astimezone()


SYSTEM_CLOCK = WallClock()


class HybridClock:
    """Never goes backwards, even when the machine's clock is set back; absorbs remote clocks.

    `last` is restored from the newest event on start-up, so monotonicity survives restarts.

    With `max_drift_ms` (a workstation's clock) the clock is bounded by real time as well: it
    never runs further ahead of the wall clock than that. A remote reading beyond it is not
    absorbed (a peer whose clock runs fast must not drag this one along), and when `last` is
    found that far ahead — the wall clock ran fast and has been corrected, or was set back —
    the clock starts again from the wall. Order still follows what was seen where it matters,
    within one record: `eventlog.append` stamps an event after its entity's newest event.
    Without this bound a clock once set ten years ahead would stamp ten years ahead for good,
    and every peer would hold its work for that long (docs/architecture.md, "Clocks").
    """

    def __init__(
        self,
        last: Timestamp | None = None,
        wall_ms: Callable[[], int] | None = None,
        *,
        max_drift_ms: int | None = None,
    ) -> None:
        self._last = last or Timestamp(0, 0)
        self._wall_ms = wall_ms or SYSTEM_CLOCK.ms
        self._lock = threading.Lock()
        self.max_drift_ms = max_drift_ms
        self.drifted_from: Timestamp | None = None  # the last reading given up, when it was

    @property
    def last(self) -> Timestamp:
        return self._last

    def wall_ms(self) -> int:
        return self._wall_ms()

    def now(self) -> Timestamp:
        with self._lock:
            wall = self._wall_ms()
            last = self._last
            if self.max_drift_ms is not None and last.ms - wall > self.max_drift_ms:
                self.drifted_from = last
                last = Timestamp(0, 0)
            if wall > last.ms:
                ts = Timestamp(wall, 0)
            elif last.counter < MAX_COUNTER:
                ts = Timestamp(last.ms, last.counter + 1)
            else:
                # Counter exhausted: borrow the next millisecond rather than overflow the id.
                ts = Timestamp(last.ms + 1, 0)
            self._last = ts
            return ts

    def observe(self, remote: Timestamp) -> bool:
        """Merge a clock reading received from another workstation; False when beyond the
        bound (not absorbed)."""
        with self._lock:
            if self.max_drift_ms is not None and remote.ms - self._wall_ms() > self.max_drift_ms:
                return False
            if remote > self._last:
                self._last = remote
            return True


DAY_MS = 86_400_000


def skew_words(ms: int) -> str:
    """A clock difference as people say it: 10 年, 1 天, 3 小时, 25 分钟."""
    ms = abs(ms)
    if ms >= 365 * DAY_MS:
        return f"{round(ms / (365.25 * DAY_MS))} 年"
    if ms >= DAY_MS * 9 // 10:  # 23 h 50 min is "1 天" as people say it
        return f"{max(1, round(ms / DAY_MS))} 天"
    if ms >= 3_600_000:
        return f"{round(ms / 3_600_000)} 小时"
    return f"{max(1, round(ms / 60_000))} 分钟"


def uuid7(ts: Timestamp) -> uuid.UUID:
    """A UUIDv7 whose time and rand_a fields are the HLC reading: ids ordered as the clock."""
    rand_b = int.from_bytes(os.urandom(8), "big") & ((1 << 62) - 1)
    value = (ts.ms & ((1 << 48) - 1)) << 80
    value |= 0x7 << 76
    value |= (ts.counter & MAX_COUNTER) << 64
    value |= 0b10 << 62
    value |= rand_b
    return uuid.UUID(int=value)
