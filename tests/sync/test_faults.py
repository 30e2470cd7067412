"""Faults: a killed process, a cut connection, a late commit; afterwards nothing is lost or doubled.

The child processes run `tests/sync/child_sync.py` and are held at a named point through
HALL_DESK_SYNC_PAUSE_AT (hall_desk/sync/faults.py), then SIGKILLed or released.
"""

from __future__ import annotations

import os
import queue
import signal
import sqlite3
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import psycopg
import pytest
from sqlalchemy import select
from sqlalchemy.engine import make_url

from hall_desk.store.models_sync import SyncPeer
from hall_desk.sync import SyncError, faults, sync_status
from tests.sync.conftest import _libpq
from tests.sync.helpers import (
    bulk_cases,
    converge,
    local_events,
    own_events,
    projections,
    shared_events_set,
    shared_rows,
    sync,
)
from tests.sync.proxy import CuttingProxy

ROOT = Path(__file__).resolve().parents[2]
WAIT_S = 60


class Child:
    def __init__(self, proc: subprocess.Popen[str]) -> None:
        self.proc = proc
        self.lines: queue.Queue[str] = queue.Queue()
        self.reader = threading.Thread(target=self._read, daemon=True)
        self.reader.start()

    def _read(self) -> None:
        assert self.proc.stdout is not None
        for line in self.proc.stdout:
            self.lines.put(line.strip())

    def wait_for(self, text: str) -> str:
        """The first line that starts with `text`."""
        while True:
            try:
                line = self.lines.get(timeout=WAIT_S)
            except queue.Empty:
                self.proc.kill()
                pytest.fail(f"the child never printed {text!r}")
            if line.startswith(text):
                return line
            if self.proc.poll() is not None and self.lines.empty():
                pytest.fail(f"the child ended before {text!r}: {self.proc.stderr.read()}")  # type: ignore[union-attr]

    def kill(self) -> None:
        os.kill(self.proc.pid, signal.SIGKILL)
        assert self.proc.wait(WAIT_S) == -signal.SIGKILL


@contextmanager
def child_sync(
    home: Path, url: str, pause_at: str, *, resume: Path | None = None, batch: int = 20
) -> Iterator[Child]:
    env = dict(os.environ)
    env[faults.PAUSE_ENV] = pause_at
    if resume is not None:
        env[faults.RESUME_ENV] = str(resume)
    proc = subprocess.Popen(
        [sys.executable, "-m", "tests.sync.child_sync", str(home), url, str(batch), str(batch)],
        cwd=ROOT,
        env=env,
        stdin=subprocess.DEVNULL,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    child = Child(proc)
    try:
        child.wait_for(f"{faults.MARK} {pause_at.partition(':')[0]}")
        yield child
    finally:
        if proc.poll() is None:
            proc.kill()
        proc.wait(WAIT_S)
        child.reader.join(5)
        assert proc.stdout is not None and proc.stderr is not None
        proc.stdout.close()
        proc.stderr.close()


def _peer(ws) -> SyncPeer:  # type: ignore[no-untyped-def]
    with ws.reading() as s:
        return s.scalars(select(SyncPeer)).one()


def _assert_whole(url: str, *stations) -> None:  # type: ignore[no-untyped-def]
    converge(stations, url)
    rows = shared_rows(url)
    ids = [r[1] for r in rows]
    assert len(ids) == len(set(ids)), "no event twice in the shared database"
    everything = shared_events_set(url)
    assert all(local_events(ws) == everything for ws in stations), "no event lost anywhere"
    first = projections(stations[0])
    assert all(projections(ws) == first for ws in stations[1:])


def test_killed_during_push(hall, shared_url):
    w1, w2 = hall.ws("W1"), hall.ws("W2")
    bulk_cases(w1, 30, start=100)
    total = len(own_events(w1))
    # Held inside the second batch's shared transaction: batch one is committed and acked.
    with child_sync(w1.home.path, shared_url, "push.before_commit:2") as child:
        child.kill()
    assert len(shared_rows(shared_url)) == 20
    assert _peer(w1).pushed_seq == 20
    status = sync_status(w1)
    assert status.unsent == total - 20 and status.interrupted is not None
    assert "未完成" in status.summary()
    report = sync(w1, shared_url)
    assert report.pushed == total - 20
    assert sync_status(w1).interrupted is None
    _assert_whole(shared_url, w1, w2)


def _copying(url: str) -> int:
    """Rows the server has taken in so far from a COPY into the shared events table still
    under way (0 when none is), waiting a little for what is on the wire."""
    with psycopg.connect(_libpq(url), autocommit=True) as conn:
        waited_until = time.monotonic() + 10
        while True:
            row = conn.execute(
                "SELECT tuples_processed FROM pg_stat_progress_copy"
                " WHERE relid = 'hall_sync_events'::regclass AND command = 'COPY FROM'"
            ).fetchone()
            if (row is not None and row[0] > 0) or time.monotonic() > waited_until:
                return int(row[0]) if row is not None else 0
            time.sleep(0.05)


def test_killed_mid_copy_and_repeated_gives_the_uninterrupted_table(hall, shared_url):
    w1, w2 = hall.ws("W1"), hall.ws("W2")
    bulk_cases(w1, 60, start=150)
    mine = sorted(own_events(w1), key=lambda e: e[2])  # type: ignore[arg-type, return-value]
    batch = 50
    assert len(mine) > 2 * batch
    # Batch one committed and acknowledged; half of batch two on its way into the table.
    with child_sync(w1.home.path, shared_url, "push.mid_copy:2", batch=batch) as child:
        if not shared_url.endswith(".sqlite3"):
            taken = _copying(shared_url)
            assert 0 < taken < batch, "the server is in the middle of the batch's COPY"
        child.kill()
    assert len(shared_rows(shared_url)) == batch
    assert _peer(w1).pushed_seq == batch
    report = sync(w1, shared_url, push_batch=batch)
    assert report.pushed == len(mine) - batch
    # As one uninterrupted push leaves it: every event once, positions 1… in seq order.
    rows = shared_rows(shared_url)
    assert [r[0] for r in rows] == list(range(1, len(mine) + 1))
    assert [r[1:] for r in rows] == mine
    _assert_whole(shared_url, w1, w2)


def test_killed_between_shared_commit_and_local_acknowledgement(hall, shared_url):
    w1, w2 = hall.ws("W1"), hall.ws("W2")
    bulk_cases(w1, 30, start=200)
    total = len(own_events(w1))
    with child_sync(w1.home.path, shared_url, "push.after_commit") as child:
        child.kill()
    assert len(shared_rows(shared_url)) == 20, "the shared database committed"
    assert _peer(w1).pushed_seq == 0, "…but the workstation never heard back"
    # Sent again from the start; the shared database keeps one copy of each.
    report = sync(w1, shared_url)
    assert report.pushed == total
    assert len(shared_rows(shared_url)) == total
    _assert_whole(shared_url, w1, w2)


def test_killed_during_pull(hall, shared_url):
    w1, w2 = hall.ws("W1"), hall.ws("W2")
    bulk_cases(w1, 30, start=300)
    sync(w1, shared_url)
    with child_sync(w2.home.path, shared_url, "pull.before_commit:2") as child:
        child.kill()
    # Batch one (events and cursor together) landed; batch two left no trace.
    from_w1 = {e for e in local_events(w2) if e[1] == "W1"}
    assert len(from_w1) == 20
    peer = _peer(w2)
    cursor_row = [r for r in shared_rows(shared_url) if r[0] == peer.pull_cursor]
    assert cursor_row and cursor_row[0][1] == peer.cursor_event_id
    assert {
        r[1:] for r in shared_rows(shared_url) if r[0] <= peer.pull_cursor and r[2] == "W1"
    } == (from_w1)
    _assert_whole(shared_url, w1, w2)


def _index_list(db: Path) -> set[tuple[str, str, int]]:
    """(table, index, unique) of every index of the file, as PRAGMA index_list gives them."""
    with sqlite3.connect(db) as conn:
        tables = [r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")]
        return {
            (table, name, unique)
            for table in tables
            for _seq, name, unique, *_rest in conn.execute(f'PRAGMA index_list("{table}")')
        }


def test_killed_during_a_load_the_next_open_makes_its_indexes_again(hall, shared_url):
    """A new workstation's first pull of a whole hall (a load: its secondary indexes set aside)
    killed in its second batch: the next open finds every index again, and the program works."""
    w1 = hall.ws("W1")
    bulk_cases(w1, 60, start=600)
    sync(w1, shared_url)
    home = hall.home("W2")  # not opened here: only the child has the file open
    db = home / "local.sqlite3"
    before = _index_list(db)
    with child_sync(home, shared_url, "pull.before_commit:2") as child:
        assert _index_list(db) < before, "the child loads with indexes set aside"
        child.kill()
    assert _index_list(db) < before
    w2 = hall.ws("W2")
    assert _index_list(db) == before
    _assert_whole(shared_url, w1, w2)
    assert _index_list(db) == before
    # Found through the indexes made again: the window's search by applicant name.
    with w2.reading() as s:
        plan = (
            s.connection()
            .exec_driver_sql(
                "EXPLAIN QUERY PLAN SELECT id FROM cases WHERE applicant_name = ?", ("张三",)
            )
            .all()
        )
    assert any("ix_cases_applicant_name" in str(step) for step in plan)


def test_a_push_committing_late_is_not_skipped_by_a_pull(hall, shared_url, tmp_path):
    """W1's push holds its transaction open; W2 pulls meanwhile; W3 pushes after it."""
    w1, w2, w3 = hall.ws("W1"), hall.ws("W2"), hall.ws("W3")
    converge([w1, w2, w3], shared_url)
    bulk_cases(w1, 10, start=400)
    bulk_cases(w3, 10, start=500)
    late = own_events(w1) - shared_events_set(shared_url)
    resume = tmp_path / "resume"
    with child_sync(
        w1.home.path, shared_url, "push.before_commit", resume=resume, batch=500
    ) as child:
        # W1's rows are written, not committed. A pull now must not move past them.
        sync(w2, shared_url)
        cursor_during = _peer(w2).pull_cursor
        assert not late & local_events(w2)
        # W3's push waits for W1's transaction (the writer lock) instead of overtaking it.
        w3_done = threading.Event()
        errors: list[BaseException] = []

        def push_w3() -> None:
            try:
                sync(w3, shared_url)
            except BaseException as exc:
                errors.append(exc)
            finally:
                w3_done.set()

        worker = threading.Thread(target=push_w3)
        worker.start()
        # Polled with sleeps rather than Event.wait(timeout): timed waits on a condition never
        # return under libfaketime, with which the suite is also run.
        waited_until = time.monotonic() + 1.0
        while time.monotonic() < waited_until and not w3_done.is_set():
            time.sleep(0.02)
        assert not w3_done.is_set(), f"W3 must wait for W1's open push {errors}"
        resume.touch()
        assert child.wait_for("DONE ").split()[1] == str(len(late))
        worker.join(WAIT_S)
    assert not errors and w3_done.is_set()
    rows = shared_rows(shared_url)
    w1_positions = [r[0] for r in rows if r[1:] in late]
    w3_positions = [r[0] for r in rows if r[2] == "W3" and r[1:] in own_events(w3)]
    assert min(w1_positions) > cursor_during
    assert max(w1_positions) < max(w3_positions), "W3 got its positions after W1 committed"
    report = sync(w2, shared_url)
    assert late <= local_events(w2), "the late commit reached W2"
    assert report.pulled >= len(late)
    _assert_whole(shared_url, w1, w2, w3)


@pytest.mark.postgres
@pytest.mark.parametrize("direction", ["up", "down"])
def test_connection_cut_mid_batch(hall, pg_url, direction):
    """Through a proxy that drops the connection after 100 kB: mid-push ("up") or mid-pull."""
    w1, w2 = hall.ws("W1"), hall.ws("W2")
    bulk_cases(w1, 40, start=600)
    if direction == "down":
        sync(w1, pg_url)
    station = w1 if direction == "up" else w2
    url = make_url(pg_url)
    with CuttingProxy(
        url.host or "127.0.0.1", url.port or 5432, cut_after=100_000, direction=direction
    ) as proxy:
        via_proxy = url.set(port=proxy.port).render_as_string(hide_password=False)
        with pytest.raises(SyncError, match="连接中断"):
            sync(station, via_proxy, push_batch=20, pull_batch=20)
        assert proxy.cuts == 1
    status = sync_status(station)
    assert status.failing and "连接中断" in status.last_failure.error  # type: ignore[union-attr]
    # Whole batches only: what was acknowledged or applied is complete, the rest is not there.
    peer = _peer(station)
    if direction == "up":
        assert 0 < peer.pushed_seq < len(own_events(w1))
        assert len(shared_rows(pg_url)) == peer.pushed_seq
    else:
        from_w1 = {e for e in local_events(w2) if e[1] == "W1"}
        assert 0 < len(from_w1) < len(own_events(w1))
        upto = {r[1:] for r in shared_rows(pg_url) if r[0] <= peer.pull_cursor and r[2] == "W1"}
        assert upto == from_w1
    _assert_whole(pg_url, w1, w2)
