"""The local database: pragmas, migrations at start-up, refusing unsafe places and newer schemas."""

from __future__ import annotations

import sqlite3

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import text

from hall_desk.domain.errors import StorageError
from hall_desk.services.home import Home
from hall_desk.services.workstation import Workstation
from hall_desk.store import db as db_module
from hall_desk.store.db import Database, refuse_network_path
from hall_desk.store.migrate import head_revision, upgrade
from hall_desk.store.tables import Base


def test_pragmas_on_every_connection(tmp_path):
    database = Database(tmp_path / "x.sqlite3")
    with database.write() as s:
        assert s.execute(text("PRAGMA journal_mode")).scalar() == "wal"
        assert s.execute(text("PRAGMA synchronous")).scalar() == 2  # FULL
        assert s.execute(text("PRAGMA foreign_keys")).scalar() == 1
        assert s.execute(text("PRAGMA busy_timeout")).scalar() == db_module.BUSY_TIMEOUT_MS
    database.close()


def test_writers_take_the_lock_at_begin(tmp_path):
    """BEGIN IMMEDIATE: a second writer waits (here: times out) instead of failing mid-way."""
    database = Database(tmp_path / "x.sqlite3")
    upgrade(database.write_engine)
    other = sqlite3.connect(tmp_path / "x.sqlite3", timeout=0.2, isolation_level=None)
    with database.write() as s:
        s.execute(text("INSERT INTO meta(key, value) VALUES ('a', 'b')"))
        with pytest.raises(sqlite3.OperationalError, match="locked"):
            other.execute("BEGIN IMMEDIATE")
    other.execute("BEGIN IMMEDIATE")
    other.execute("ROLLBACK")
    other.close()
    database.close()


def test_migrations_match_the_models(tmp_path):
    database = Database(tmp_path / "x.sqlite3")
    upgrade(database.write_engine)
    with database.write_engine.connect() as conn:
        diff = compare_metadata(MigrationContext.configure(conn), Base.metadata)
    assert diff == [], f"models changed without a migration: {diff}"
    database.close()


def test_newer_database_is_refused_untouched(ws, tmp_path):
    path = ws.home.db_path
    ws.close()
    con = sqlite3.connect(path)
    con.execute("UPDATE alembic_version SET version_num = '9999_from_the_future'")
    con.commit()
    con.close()
    before = path.read_bytes()
    with pytest.raises(StorageError, match="更新版本"):
        Workstation(Home(ws.home.path))
    assert path.read_bytes() == before


def test_head_revision_is_applied(ws):
    with ws.reading() as s:
        assert (
            s.execute(text("SELECT version_num FROM alembic_version")).scalar() == head_revision()
        )


@pytest.mark.parametrize(
    "path", [r"\\server\share\hall\local.sqlite3", "//server/share/local.sqlite3"]
)
def test_network_share_paths_are_refused(path):
    with pytest.raises(StorageError, match="网络共享"):
        refuse_network_path(path)


def test_network_filesystem_mount_is_refused(tmp_path, monkeypatch):
    mounts = tmp_path / "mounts"
    mounts.write_text(f"server:/export {tmp_path} nfs4 rw 0 0\n/dev/sda1 / ext4 rw 0 0\n")
    monkeypatch.setattr(db_module, "MOUNTS_FILE", mounts)
    with pytest.raises(StorageError, match="nfs4"):
        refuse_network_path(tmp_path / "local.sqlite3")


def test_local_path_is_accepted(tmp_path):
    refuse_network_path(tmp_path / "local.sqlite3")


def test_head_read_from_files_matches_alembic():
    from alembic.script import ScriptDirectory

    from hall_desk.store.migrate import MIGRATIONS

    assert head_revision() == ScriptDirectory(str(MIGRATIONS)).get_current_head()
