"""Tests for the hybrid logical clock and the UUIDv7 ids built from its readings."""

from __future__ import annotations

import itertools
import sys
import threading
import time
import uuid

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from hall_desk.domain.clock import MAX_COUNTER, HybridClock, Timestamp, uuid7

HOUR_MS = 3_600_000
BASE_MS = 1_767_225_600_000  # 2026-01-01 00:00 UTC


class FakeWall:
    """A wall clock the test sets by hand."""

    def __init__(self, ms: int) -> None:
        self.ms = ms
        self.calls = 0

    def __call__(self) -> int:
        self.calls += 1
        return self.ms


def strictly_increasing(values: list[Timestamp]) -> bool:
    return all(a < b for a, b in itertools.pairwise(values))


# --- Timestamp -------------------------------------------------------------------------------


def test_timestamps_order_by_ms_then_counter() -> None:
    assert Timestamp(5, 0) < Timestamp(5, 1) < Timestamp(6, 0)
    assert Timestamp(5, MAX_COUNTER) < Timestamp(6, 0)
    assert Timestamp(7, 3) == Timestamp(7, 3)


def test_encode_is_fixed_width() -> None:
    assert Timestamp(BASE_MS, 7).encode() == f"{BASE_MS}-0007"
    assert Timestamp(0, 0).encode() == "0000000000000-0000"
    assert Timestamp(1, MAX_COUNTER).encode() == "0000000000001-4095"
    assert len(Timestamp(BASE_MS, MAX_COUNTER).encode()) == len(Timestamp(0, 0).encode())


def test_decode_known_text() -> None:
    assert Timestamp.decode("1767225600000-0042") == Timestamp(BASE_MS, 42)


_ms = st.integers(min_value=0, max_value=10**13 - 1)
_counter = st.integers(min_value=0, max_value=MAX_COUNTER)
_timestamps = st.builds(Timestamp, _ms, _counter)


@settings(deadline=None, database=None)
@given(_timestamps)
def test_encode_decode_round_trip(ts: Timestamp) -> None:
    text = ts.encode()
    assert Timestamp.decode(text) == ts
    assert len(text) == 18


@settings(deadline=None, database=None)
@given(_timestamps, _timestamps)
def test_text_order_equals_clock_order(a: Timestamp, b: Timestamp) -> None:
    assert (a.encode() < b.encode()) == (a < b)
    assert (a.encode() == b.encode()) == (a == b)
    assert ((a.ms, a.counter) < (b.ms, b.counter)) == (a < b)


# --- HybridClock -----------------------------------------------------------------------------


def test_now_follows_a_wall_clock_that_moves_forward() -> None:
    wall = FakeWall(BASE_MS)
    clock = HybridClock(wall_ms=wall)
    first = clock.now()
    assert first == Timestamp(BASE_MS, 0)
    wall.ms += 5
    assert clock.now() == Timestamp(BASE_MS + 5, 0)
    assert clock.last == Timestamp(BASE_MS + 5, 0)
    assert wall.calls == 2


def test_same_millisecond_burst_increments_the_counter() -> None:
    wall = FakeWall(BASE_MS)
    clock = HybridClock(wall_ms=wall)
    readings = [clock.now() for _ in range(10)]
    assert [r.ms for r in readings] == [BASE_MS] * 10
    assert [r.counter for r in readings] == list(range(10))


def test_counter_resets_when_the_wall_moves_on() -> None:
    wall = FakeWall(BASE_MS)
    clock = HybridClock(wall_ms=wall)
    for _ in range(3):
        clock.now()
    wall.ms += 1
    assert clock.now() == Timestamp(BASE_MS + 1, 0)


def test_monotonic_when_the_wall_clock_jumps_back_hours() -> None:
    wall = FakeWall(BASE_MS)
    clock = HybridClock(wall_ms=wall)
    before = [clock.now() for _ in range(3)]
    wall.ms -= 5 * HOUR_MS  # somebody fixes the time zone
    during = [clock.now() for _ in range(100)]
    readings = before + during
    assert strictly_increasing(readings)
    assert all(r.ms == BASE_MS for r in during)  # held at the last reading, counting up
    # Once the wall catches up again, it takes over.
    wall.ms = BASE_MS + 10
    after = clock.now()
    assert after == Timestamp(BASE_MS + 10, 0)
    assert after > readings[-1]


@settings(deadline=None, database=None)
@given(st.lists(st.integers(min_value=-24 * HOUR_MS, max_value=24 * HOUR_MS), max_size=200))
def test_monotonic_under_any_wall_clock_jumps(jumps: list[int]) -> None:
    wall = FakeWall(BASE_MS)
    clock = HybridClock(wall_ms=wall)
    readings = [clock.now()]
    fastest = wall.ms
    for jump in jumps:
        wall.ms += jump
        fastest = max(fastest, wall.ms)
        readings.append(clock.now())
        # Too few readings to exhaust the counter: never ahead of the fastest wall reading.
        assert readings[-1].ms == fastest
    assert strictly_increasing(readings)
    assert all(0 <= r.counter <= MAX_COUNTER for r in readings)


def test_counter_overflow_borrows_the_next_millisecond() -> None:
    wall = FakeWall(BASE_MS)
    clock = HybridClock(wall_ms=wall)
    readings = [clock.now() for _ in range(MAX_COUNTER + 3)]
    assert readings[MAX_COUNTER] == Timestamp(BASE_MS, MAX_COUNTER)
    assert readings[MAX_COUNTER + 1] == Timestamp(BASE_MS + 1, 0)
    assert readings[MAX_COUNTER + 2] == Timestamp(BASE_MS + 1, 1)
    assert strictly_increasing(readings)
    assert all(r.counter <= MAX_COUNTER for r in readings)


def test_overflow_from_a_restored_full_counter() -> None:
    wall = FakeWall(BASE_MS - HOUR_MS)
    clock = HybridClock(last=Timestamp(BASE_MS, MAX_COUNTER), wall_ms=wall)
    assert clock.now() == Timestamp(BASE_MS + 1, 0)


def test_observe_a_later_remote_reading() -> None:
    wall = FakeWall(BASE_MS)
    clock = HybridClock(wall_ms=wall)
    local = clock.now()
    remote = Timestamp(BASE_MS + 2 * HOUR_MS, 17)  # a workstation whose clock runs fast
    clock.observe(remote)
    assert clock.last == remote
    following = [clock.now() for _ in range(5)]
    assert all(r > remote for r in following)
    assert following[0] == Timestamp(remote.ms, remote.counter + 1)
    assert strictly_increasing([local, remote, *following])


def test_observe_a_remote_reading_in_the_same_millisecond() -> None:
    clock = HybridClock(wall_ms=FakeWall(BASE_MS))
    clock.now()
    clock.now()  # (BASE_MS, 1)
    remote = Timestamp(BASE_MS, 40)
    clock.observe(remote)
    assert clock.last == remote
    assert clock.now() == Timestamp(BASE_MS, 41)


def test_observe_a_remote_reading_with_a_full_counter() -> None:
    clock = HybridClock(wall_ms=FakeWall(BASE_MS))
    remote = Timestamp(BASE_MS + 1000, MAX_COUNTER)
    clock.observe(remote)
    assert clock.now() == Timestamp(BASE_MS + 1001, 0)


def test_observe_an_older_remote_reading_changes_nothing() -> None:
    wall = FakeWall(BASE_MS)
    clock = HybridClock(wall_ms=wall)
    for _ in range(3):
        clock.now()
    last = clock.last
    clock.observe(Timestamp(BASE_MS - HOUR_MS, 999))
    clock.observe(Timestamp(BASE_MS, 0))
    assert clock.last == last
    assert clock.now() == Timestamp(BASE_MS, 3)


@settings(deadline=None, database=None)
@given(st.lists(st.tuples(st.booleans(), _timestamps, st.integers(-HOUR_MS, HOUR_MS))))
def test_now_exceeds_everything_seen_before(steps: list[tuple[bool, Timestamp, int]]) -> None:
    wall = FakeWall(BASE_MS)
    clock = HybridClock(wall_ms=wall)
    seen: list[Timestamp] = []
    for is_remote, remote, jump in steps:
        if is_remote:
            clock.observe(remote)
            seen.append(remote)
        else:
            wall.ms += jump
            reading = clock.now()
            assert all(reading > s for s in seen)
            seen.append(reading)


def test_restart_with_last_restored_stays_monotonic() -> None:
    wall = FakeWall(BASE_MS)
    clock = HybridClock(wall_ms=wall)
    readings = [clock.now() for _ in range(4)]

    # The program restarts after the machine clock was set back a day.
    wall.ms -= 24 * HOUR_MS
    restarted = HybridClock(last=Timestamp.decode(readings[-1].encode()), wall_ms=wall)
    assert restarted.last == readings[-1]
    more = [restarted.now() for _ in range(4)]
    assert strictly_increasing(readings + more)
    assert more[0] == Timestamp(BASE_MS, 4)


def test_a_fresh_clock_without_history_starts_at_the_wall() -> None:
    clock = HybridClock(wall_ms=FakeWall(BASE_MS))
    assert clock.last == Timestamp(0, 0)
    assert clock.now() == Timestamp(BASE_MS, 0)


def test_default_wall_clock_is_real_time() -> None:
    before = time.time_ns() // 1_000_000
    reading = HybridClock().now()
    after = time.time_ns() // 1_000_000
    assert before <= reading.ms <= after


# --- uuid7 -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "ts",
    [
        Timestamp(BASE_MS, 0),
        Timestamp(BASE_MS, MAX_COUNTER),
        Timestamp(0, 0),
        Timestamp((1 << 48) - 1, 1),
    ],
)
def test_uuid7_fields(ts: Timestamp) -> None:
    u = uuid7(ts)
    assert u.version == 7
    assert u.variant == uuid.RFC_4122
    assert u.int >> 80 == ts.ms
    assert (u.int >> 64) & 0xFFF == ts.counter
    assert str(u)[14] == "7"
    assert str(u)[19] in "89ab"


@settings(deadline=None, database=None)
@given(st.builds(Timestamp, st.integers(0, (1 << 48) - 1), _counter))
def test_uuid7_fields_for_any_timestamp(ts: Timestamp) -> None:
    u = uuid7(ts)
    assert u.version == 7
    assert u.variant == uuid.RFC_4122
    assert u.int >> 80 == ts.ms
    assert (u.int >> 64) & 0xFFF == ts.counter


def test_uuid7_differs_for_the_same_timestamp() -> None:
    ts = Timestamp(BASE_MS, 1)
    ids = {uuid7(ts) for _ in range(100)}
    assert len(ids) == 100


def test_uuid7_sorts_like_the_clock() -> None:
    wall = FakeWall(BASE_MS)
    clock = HybridClock(wall_ms=wall)
    readings: list[Timestamp] = []
    for step in range(300):
        if step % 50 == 0:
            wall.ms -= HOUR_MS  # jumps back
        elif step % 7 == 0:
            wall.ms += HOUR_MS + 3
        readings.append(clock.now())
    readings += [clock.now() for _ in range(MAX_COUNTER + 5)]  # across an overflow
    ids = [uuid7(ts) for ts in readings]
    assert strictly_increasing(readings)
    assert [u.int for u in ids] == sorted(u.int for u in ids)
    assert [str(u) for u in ids] == sorted(str(u) for u in ids)
    assert len({u.int for u in ids}) == len(ids)


@settings(deadline=None, database=None)
@given(_timestamps, _timestamps)  # ms below 10**13 fits the 48-bit field
def test_uuid7_order_follows_distinct_timestamps(a: Timestamp, b: Timestamp) -> None:
    if a == b:
        return
    ua, ub = uuid7(a), uuid7(b)
    assert (ua.int < ub.int) == (a < b)
    assert (str(ua) < str(ub)) == (a < b)


# --- threads ---------------------------------------------------------------------------------


def test_threads_get_distinct_readings() -> None:
    clock = HybridClock()
    results: list[list[Timestamp]] = [[] for _ in range(4)]
    start = threading.Barrier(4)

    def work(out: list[Timestamp]) -> None:
        start.wait()
        for _ in range(2000):
            out.append(clock.now())

    threads = [threading.Thread(target=work, args=(out,)) for out in results]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=30)
    assert not any(t.is_alive() for t in threads)
    everything = [ts for out in results for ts in out]
    assert len(everything) == 8000
    assert len(set(everything)) == 8000
    for out in results:
        assert strictly_increasing(out)  # each thread sees its own readings in order


def test_threads_get_distinct_readings_under_frequent_thread_switches() -> None:
    # Switching threads every microsecond makes a race inside now() (two threads reading the
    # same `last`) likely enough to show up without the lock.
    clock = HybridClock(wall_ms=FakeWall(BASE_MS))
    results: list[list[Timestamp]] = [[] for _ in range(4)]
    start = threading.Barrier(4)

    def work(out: list[Timestamp]) -> None:
        start.wait()
        for _ in range(2000):
            out.append(clock.now())

    interval = sys.getswitchinterval()
    sys.setswitchinterval(1e-6)
    try:
        threads = [threading.Thread(target=work, args=(out,)) for out in results]
        for t in threads:
            t.start()
        for t in threads:
            t.join(timeout=60)
    finally:
        sys.setswitchinterval(interval)
    assert not any(t.is_alive() for t in threads)
    everything = sorted(ts for out in results for ts in out)
    assert len(set(everything)) == 8000
    # Nothing skipped either: 8000 consecutive readings from (BASE_MS, 0), borrowing as needed.
    assert everything[0] == Timestamp(BASE_MS, 0)
    assert everything[-1] == Timestamp(
        BASE_MS + 7999 // (MAX_COUNTER + 1), 7999 % (MAX_COUNTER + 1)
    )
