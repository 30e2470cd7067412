"""A load's secondary indexes: set aside with the statements that make them again, made again
exactly as they were, never one a fold finds rows by, and made again at the next open when the
process died in between."""

from __future__ import annotations

import sqlite3
from datetime import date
from pathlib import Path

from hall_desk.services.demo import generate
from hall_desk.services.home import Home
from hall_desk.services.workstation import Workstation
from hall_desk.store import deferred_indexes, fold_rows, projections
from hall_desk.store.tables import PROJECTION_TABLES


def _indexes(db: Path) -> set[tuple[str, str, int, str]]:
    """(table, index, unique, statement) of every index, as PRAGMA index_list names them."""
    with sqlite3.connect(db) as conn:
        tables = [r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")]
        found = set()
        for table in tables:
            for _seq, name, unique, *_rest in conn.execute(f'PRAGMA index_list("{table}")'):
                (sql,) = conn.execute(
                    "SELECT coalesce(sql, '') FROM sqlite_master WHERE name = ?", (name,)
                ).fetchone()
                found.add((table, name, unique, sql))
    return found


def _set_aside(ws: Workstation) -> int:
    with ws.db.write() as s:
        return deferred_indexes.set_aside(s, projections.fold_lookups())


def test_indexes_set_aside_are_made_again_exactly(ws):
    before = _indexes(ws.home.db_path)
    assert _set_aside(ws) > 40
    during = _indexes(ws.home.db_path)
    gone = before - during
    projected = {m.__tablename__ for m in PROJECTION_TABLES}
    assert gone and all(table in projected and not unique for table, _n, unique, _s in gone)
    assert {i for i in before if i[2]} <= during, "unique indexes stay"
    assert _set_aside(ws) == 0  # nothing more to set aside: the statements stay as they were
    with ws.db.write() as s:
        assert deferred_indexes.make_again(s) == len(gone)
    assert _indexes(ws.home.db_path) == before
    with ws.db.write() as s:
        assert deferred_indexes.make_again(s) == 0


def test_a_database_left_without_them_has_them_again_at_its_next_open(ws):
    before = _indexes(ws.home.db_path)
    _set_aside(ws)
    ws.close()  # as a process that died during its load leaves the file
    assert _indexes(ws.home.db_path) != before
    with Workstation(Home(ws.home.path)) as again:
        assert _indexes(again.home.db_path) == before
        with again.db.read() as s:
            assert (
                not s.connection()
                .exec_driver_sql("SELECT 1 FROM meta WHERE key = ?", (deferred_indexes.MARKER,))
                .all()
            )


def test_no_index_a_fold_finds_rows_by_is_set_aside(ws, monkeypatch):
    """Every lookup the folds make over a demo hall's whole history (and its rebuild) has its
    index kept, or is by a primary key: a load never scans a table to find a row."""
    looked_up: set[tuple[str, str]] = set()
    read = fold_rows.FoldRows._read

    def noting(self, t, column, wanted):  # type: ignore[no-untyped-def]
        looked_up.add((t.table.name, fold_rows._names(column)[0]))
        return read(self, t, column, wanted)

    monkeypatch.setattr(fold_rows.FoldRows, "_read", noting)
    generate(ws, days=3, per_day=15, seed=7, end=date(2026, 11, 27))
    with ws.db.write() as s:
        projections.rebuild_all(s, ws.key.event_key)
    kept = projections.fold_lookups()
    assert len(looked_up) > 10
    assert {(table, column) for table, column in looked_up if column not in kept[table]} == set()


def test_a_statement_planted_in_meta_is_never_run(ws, tmp_path, caplog):
    """Whoever can write the database file could put any statement among those run at the next
    open; only a plain index's is run (an ATTACH would make a file wherever the clerk may write)."""
    import json

    planted = tmp_path / "planted.sqlite3"
    before = _indexes(ws.home.db_path)
    ws.close()
    with sqlite3.connect(ws.home.db_path) as conn:
        conn.execute(
            "INSERT INTO meta (key, value) VALUES (?, ?)",
            (deferred_indexes.MARKER, json.dumps([f"ATTACH DATABASE '{planted}' AS planted"])),
        )
    with Workstation(Home(ws.home.path)) as again:
        assert not planted.exists()
        assert _indexes(again.home.db_path) == before
        with again.db.read() as s:
            assert (
                not s.connection()
                .exec_driver_sql("SELECT 1 FROM meta WHERE key = ?", (deferred_indexes.MARKER,))
                .all()
            )
    assert "not a plain index" in caplog.text
