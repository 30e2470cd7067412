"""A bulk write (a pulled batch): atomic like any other, committed without waiting for the disk
and with a larger page cache; the connection is an ordinary writer again afterwards."""

from __future__ import annotations

import sqlite3
import threading

import pytest
from sqlalchemy import text

from hall_desk.store import db as db_module
from hall_desk.store.db import Database
from hall_desk.store.migrate import upgrade

FULL, NORMAL = 2, 1


def _pragmas(session) -> tuple[int, int]:  # type: ignore[no-untyped-def]
    conn = session.connection()
    return (
        conn.execute(text("PRAGMA synchronous")).scalar(),
        conn.execute(text("PRAGMA cache_size")).scalar(),
    )


def test_a_bulk_write_commits_lazily_then_the_writer_is_durable_again(tmp_path):
    database = Database(tmp_path / "x.sqlite3")
    upgrade(database.write_engine)
    try:
        with database.write() as s:
            ordinary = _pragmas(s)
        with database.write(bulk=True) as s:
            s.execute(text("INSERT INTO meta(key, value) VALUES ('bulk', '1')"))
            assert _pragmas(s) == (NORMAL, -db_module.BULK_CACHE_KIB)
        with database.write() as s:
            assert ordinary[0] == FULL and _pragmas(s) == ordinary
        raw = sqlite3.connect(tmp_path / "x.sqlite3")
        assert raw.execute("SELECT value FROM meta WHERE key = 'bulk'").fetchall() == [("1",)]
        raw.close()
    finally:
        database.close()


def test_a_failed_bulk_write_leaves_nothing_and_restores_the_writer(tmp_path):
    database = Database(tmp_path / "x.sqlite3")
    upgrade(database.write_engine)
    try:
        with database.write() as s:
            ordinary = _pragmas(s)
        with pytest.raises(ZeroDivisionError), database.write(bulk=True) as s:
            s.execute(text("INSERT INTO meta(key, value) VALUES ('half', '1')"))
            _ = 1 / 0
        with database.write() as s:
            assert _pragmas(s) == ordinary
            assert s.execute(text("SELECT count(*) FROM meta WHERE key = 'half'")).scalar() == 0
    finally:
        database.close()


def test_a_bulk_write_takes_the_write_lock_at_begin(tmp_path):
    database = Database(tmp_path / "x.sqlite3")
    upgrade(database.write_engine)
    other = sqlite3.connect(tmp_path / "x.sqlite3", timeout=0.2, isolation_level=None)
    try:
        with database.write(bulk=True) as s:
            s.execute(text("SELECT 1"))  # the transaction has begun: BEGIN IMMEDIATE
            with pytest.raises(sqlite3.OperationalError, match="locked"):
                other.execute("BEGIN IMMEDIATE")
        other.execute("BEGIN IMMEDIATE")
        other.execute("ROLLBACK")
    finally:
        other.close()
        database.close()


def _driver(session):  # type: ignore[no-untyped-def]
    return session.connection().connection.dbapi_connection


def test_a_bulk_run_writes_on_one_lazy_connection_then_the_writer_is_durable_again(tmp_path):
    database = Database(tmp_path / "x.sqlite3")
    upgrade(database.write_engine)
    seen: list[tuple[int, int]] = []
    try:
        with database.write() as s:
            ordinary = _pragmas(s)
        with database.bulk_writes():
            drivers = []
            for n in range(3):
                with database.write() as s:
                    s.execute(text(f"INSERT INTO meta(key, value) VALUES ('run{n}', '1')"))
                    assert _pragmas(s) == (NORMAL, -db_module.BULK_CACHE_KIB)
                    drivers.append(_driver(s))
            assert drivers[0] is drivers[1] is drivers[2], "one connection, its cache kept"

            # Another thread's write in the meantime is an ordinary, durable one.
            def other() -> None:
                with database.write() as s:
                    seen.append(_pragmas(s))

            thread = threading.Thread(target=other)
            thread.start()
            thread.join()
        assert seen == [ordinary]
        with database.write() as s:
            assert ordinary[0] == FULL and _pragmas(s) == ordinary
        raw = sqlite3.connect(tmp_path / "x.sqlite3")
        keys = raw.execute("SELECT key FROM meta WHERE key LIKE 'run%' ORDER BY key").fetchall()
        assert keys == [("run0",), ("run1",), ("run2",)]
        raw.close()
    finally:
        database.close()


def test_a_failed_transaction_of_a_bulk_run_leaves_nothing_and_the_run_goes_on(tmp_path):
    database = Database(tmp_path / "x.sqlite3")
    upgrade(database.write_engine)
    try:
        with database.bulk_writes():
            with pytest.raises(ZeroDivisionError), database.write() as s:
                s.execute(text("INSERT INTO meta(key, value) VALUES ('half', '1')"))
                _ = 1 / 0
            with database.write() as s:
                s.execute(text("INSERT INTO meta(key, value) VALUES ('next', '1')"))
        with database.write() as s:
            found = s.execute(text("SELECT key FROM meta WHERE key IN ('half', 'next')")).all()
            assert [k for (k,) in found] == ["next"]
            assert _pragmas(s)[0] == FULL
    finally:
        database.close()
