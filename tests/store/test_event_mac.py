"""Migration 0005 seals the events a home already holds, with the key the program hands over."""

from __future__ import annotations

import pytest
from alembic import command
from sqlalchemy import select

from hall_desk.domain.errors import StorageError
from hall_desk.services.home import Home
from hall_desk.services.integrity import verify_events
from hall_desk.services.workstation import Workstation
from hall_desk.store import eventlog
from hall_desk.store.db import Database
from hall_desk.store.migrate import alembic_config, current_revision, head_revision, upgrade
from hall_desk.store.models import Event
from tests.conftest import make_home


def _back_to_0004(ws: Workstation) -> int:
    """The home as the program before event MACs left it."""
    path = ws.home.db_path
    with ws.reading() as s:
        count = len(s.scalars(select(Event.id)).all())
    ws.close()
    database = Database(path)
    try:
        command.downgrade(alembic_config(database.write_engine), "0004")
        assert current_revision(database.write_engine) == "0004"
    finally:
        database.close()
    return count


def test_opening_an_older_home_seals_its_events(tmp_path):
    ws = make_home(tmp_path / "home")
    count = _back_to_0004(ws)
    assert count >= 2  # the catalog import and the admin account

    reopened = Workstation(Home(tmp_path / "home"))
    try:
        check = verify_events(reopened)
        assert check.ok and check.events == count
        with reopened.reading() as s:
            assert all(
                eventlog.mac_ok(reopened.key.event_key, ev) for ev in s.scalars(select(Event))
            )
    finally:
        reopened.close()


def test_events_cannot_be_sealed_without_the_key(tmp_path):
    ws = make_home(tmp_path / "home")
    _back_to_0004(ws)
    database = Database(tmp_path / "home" / "local.sqlite3")
    try:
        with pytest.raises(StorageError, match="大厅密钥"):
            upgrade(database.write_engine)
        assert current_revision(database.write_engine) == "0004", "nothing half-migrated"
    finally:
        database.close()
    with Workstation(Home(tmp_path / "home")) as again:
        assert verify_events(again).ok
        with again.db.read() as s:
            assert current_revision(again.db.write_engine) == head_revision()
            assert s.scalar(select(Event.mac).limit(1))
