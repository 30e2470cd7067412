"""A hall on one machine keeps its queue in the SQLite shared file: when other windows hold it
past the busy timeout, the step is refused as busy (the queue is up, nothing changed, press
again), not as a shared database that cannot be reached."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from hall_desk.domain.clock import SettableClock
from hall_desk.domain.roles import Actor, Role
from hall_desk.services import queue
from hall_desk.store import db
from tests.conftest import next_morning
from tests.sync.conftest import Hall
from tests.sync.queue_helpers import open_shared, seed_waiting, set_window, tickets

CLERK = Actor("clerk3", "窗口3", Role.CLERK)


def test_a_shared_file_held_by_another_window_refuses_the_call_as_busy(
    hall: Hall, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(db, "BUSY_TIMEOUT_MS", 200)
    start = next_morning().replace(hour=8, minute=0, second=0, microsecond=0)
    day = start.date().isoformat()
    ws = hall.ws("W1", SettableClock(start.replace(hour=9)))
    set_window(ws, "3")
    path = tmp_path / "hall-shared.sqlite3"
    shared = open_shared(ws, str(path))
    try:
        seed_waiting(shared, day, start, 2, green_share=0.0, seed=1)
        queue.status(ws, shared)  # the day's reconciliation done: the next step is the call
        other = sqlite3.connect(path, isolation_level=None)
        other.execute("BEGIN IMMEDIATE")  # another window's step, holding the write lock
        try:
            with pytest.raises(queue.QueueBusy) as refused:
                queue.call_next(ws, CLERK, shared)
        finally:
            other.execute("ROLLBACK")
            other.close()
        assert "共享数据库正忙" in refused.value.message
        assert "无法连接" not in refused.value.message
        assert not isinstance(refused.value, queue.QueueUnavailable)
        assert [t.state for t in tickets(shared, day)] == ["waiting", "waiting"]
        called = queue.call_next(ws, CLERK, shared)  # pressed again once the lock is gone
        assert called is not None and called.label == "A0001"
    finally:
        shared.close()
