"""WAL checkpoints stay off the clerk's commit: the writers' automatic bound is far away, and a
background PASSIVE checkpoint copies the log back into the database file while it is open."""

from __future__ import annotations

import sqlite3
import time

from sqlalchemy import text

from hall_desk.store import db as db_module
from hall_desk.store.db import Database

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


def test_a_commit_does_not_checkpoint_at_sqlites_1000_pages(tmp_path):
    database = Database(tmp_path / "x.sqlite3")
    database.checkpointer.every_s = 3600.0  # no background round during this test
    with database.write() as s:
        assert s.execute(text("PRAGMA wal_autocheckpoint")).scalar() == (
            db_module.WAL_AUTOCHECKPOINT_PAGES
        )
    _write_pages(database, commits=30, pages_each=50)
    wal = tmp_path / "x.sqlite3-wal"
    # 1,500 pages and more in the log: no commit on the way copied it back and started it over.
    assert wal.stat().st_size > 1400 * PAGE
    database.close()
    assert not wal.exists() or wal.stat().st_size == 0, "closing checkpoints the rest"


def test_the_background_checkpoint_copies_the_log_back_while_open(tmp_path):
    database = Database(tmp_path / "x.sqlite3")
    database.checkpointer.every_s = 0.05
    _write_pages(database, commits=5, pages_each=20)
    deadline = time.monotonic() + 10
    while database.checkpointer.runs < 2 and time.monotonic() < deadline:
        time.sleep(0.02)
    assert database.checkpointer.runs >= 2
    # The database file itself now holds the 100 pages written: the log was copied back
    # without any commit or other connection doing it.
    assert (tmp_path / "x.sqlite3").stat().st_size >= 100 * PAGE
    raw = sqlite3.connect(tmp_path / "x.sqlite3")
    try:
        assert raw.execute("SELECT count(*) FROM filler").fetchone()[0] == 5
    finally:
        raw.close()
    checkpointer = database.checkpointer
    database.close()
    assert checkpointer._thread is None, "closing the database stops its checkpoint thread"
