"""WAL checkpoints stay off the clerk's commit (store/checkpoints.py): the writers' automatic
bound is far away, a background thread copies the log back once the workstation is quiet, the
log stays bounded when commits never pause, and what committed survives a killed process."""

from __future__ import annotations

import sqlite3
import time
from pathlib import Path

from sqlalchemy import text

from hall_desk.services import intake
from hall_desk.services.home import Home
from hall_desk.services.workstation import Workstation
from hall_desk.store import checkpoints
from hall_desk.store.db import Database
from tests.conftest import make_home
from tests.store.crash_child import taking_intakes
from tests.sync.helpers import DAY, FOOD, applicant, clerk, draft

PAGE = 4096


def _write_pages(database: Database, commits: int, pages_each: int) -> None:
    with database.write() as s:
        s.execute(text("CREATE TABLE IF NOT EXISTS filler (n INTEGER PRIMARY KEY, body BLOB)"))
    for n in range(commits):
        with database.write() as s:
            s.execute(
                text("INSERT INTO filler (body) VALUES (:b)"),
                {"b": bytes([n % 251]) * (pages_each * PAGE)},
            )


def _log_frames(db_path: Path) -> int:
    """Frames in the log now, as SQLite counts them (a PASSIVE round copies, never waits)."""
    raw = sqlite3.connect(db_path, isolation_level=None)
    try:
        return int(raw.execute("PRAGMA wal_checkpoint(PASSIVE)").fetchone()[1])
    finally:
        raw.close()


def test_a_commit_does_not_checkpoint_at_sqlites_1000_pages(tmp_path):
    database = Database(tmp_path / "x.sqlite3")
    database.checkpointer.stop()  # no background round during this test
    with database.write() as s:
        assert s.execute(text("PRAGMA wal_autocheckpoint")).scalar() == (
            checkpoints.WAL_AUTOCHECKPOINT_PAGES
        )
        assert s.execute(text("PRAGMA synchronous")).scalar() == 2, "FULL: a commit is on disk"
    _write_pages(database, commits=30, pages_each=50)
    wal = tmp_path / "x.sqlite3-wal"
    # 1,500 pages and more in the log: no commit on the way copied it back and started it over.
    assert wal.stat().st_size > 1400 * PAGE
    database.close()
    assert not wal.exists() or wal.stat().st_size == 0, "closing checkpoints the rest"


def test_the_log_is_copied_back_once_quiet_and_then_starts_over(tmp_path):
    path = tmp_path / "x.sqlite3"
    database = Database(path)
    _write_pages(database, commits=5, pages_each=20)
    deadline = time.monotonic() + 10
    while database.checkpointer.runs < 1 and time.monotonic() < deadline:
        time.sleep(0.02)
    assert database.checkpointer.runs >= 1
    # The database file itself holds the 100 pages written, without a commit or another
    # connection copying them back.
    assert path.stat().st_size >= 100 * PAGE
    with database.write() as s:
        s.execute(text("INSERT INTO filler (body) VALUES (x'00')"))
    # The next commit found the log copied back and wrote at its beginning.
    assert _log_frames(path) < 10
    checkpointer = database.checkpointer
    database.close()
    assert checkpointer._thread is None, "closing the database stops its checkpoint thread"


def test_the_log_stays_bounded_over_many_intakes_without_a_pause(ws, monkeypatch):
    # Small caps, so that 60 intakes (~40 pages each) cross them many times over.
    monkeypatch.setattr(checkpoints, "SOFT_CAP_PAGES", 80)
    monkeypatch.setattr(checkpoints, "HARD_CAP_PAGES", 200)
    monkeypatch.setattr(checkpoints, "IDLE_POLLS", 10**9)  # the clerk never pauses
    wal = Path(f"{ws.home.db_path}-wal")
    largest = 0
    checkpointer = ws.db.checkpointer
    for n in range(60):
        intake.accept(ws, clerk(ws), draft(ws, [FOOD], applicant(n)), on=DAY)
        largest = max(largest, wal.stat().st_size // checkpoints.FRAME_BYTES)
        # The thread's next two looks, however busy the machine: one poll's worth of intakes is
        # what the bound allows, not however many a loaded machine fits into one.
        seen = checkpointer.polls
        for _ in range(2000):
            if checkpointer.polls >= seen + 2:
                break
            time.sleep(0.005)
    with ws.reading() as s:
        assert s.execute(text("SELECT count(*) FROM cases")).scalar() == 60
    assert ws.db.checkpointer.runs >= 1
    # Without the background rounds the log would hold every page of the 60 intakes (some
    # 2,400, below the writers' own bound of 10,000); a round looks once per poll, so the log
    # overshoots the hard cap by the few intakes of one poll at most.
    assert largest <= 200 + 400, f"the log reached {largest} pages"


def test_what_committed_before_a_kill_is_there_on_reopen(tmp_path):
    make_home(tmp_path / "home").close()
    saved = []
    with taking_intakes(tmp_path / "home") as next_line:
        while len(saved) < 3:
            line = next_line()
            assert line.startswith("SAVED "), f"the child stopped: {line!r}"
            saved.append(line.split()[1])
    # Killed right after the third commit returned.
    db_path = tmp_path / "home" / "local.sqlite3"
    # Killed, not closed: its commits were still in the log, nobody had copied them back.
    assert Path(f"{db_path}-wal").stat().st_size > 0
    reopened = Workstation(Home(tmp_path / "home"))
    try:
        with reopened.reading() as s:
            found = {n for (n,) in s.execute(text("SELECT case_no FROM cases"))}
            assert set(saved) <= found
        assert reopened.db.integrity_check() == "ok"
    finally:
        reopened.close()


def test_one_commit_leaves_the_log_to_the_close_and_the_second_starts_the_thread(tmp_path):
    path = tmp_path / "x.sqlite3"
    database = Database(path)
    _write_pages(database, commits=0, pages_each=1)  # the table: one commit
    # So the close waits for no thread's next look, and SQLite copies the log back itself.
    assert database.checkpointer._thread is None, "one commit starts no thread"
    database.close()
    wal = Path(f"{path}-wal")
    assert not wal.exists() or wal.stat().st_size == 0
    database = Database(path)
    _write_pages(database, commits=1, pages_each=20)  # two commits
    assert database.checkpointer._thread is not None, "the second commit starts it"
    # The first commit's pages count as behind too: the thread copies them back once quiet.
    deadline = time.monotonic() + 10
    while database.checkpointer.runs < 1 and time.monotonic() < deadline:
        time.sleep(0.02)
    assert database.checkpointer.runs >= 1
    database.close()
