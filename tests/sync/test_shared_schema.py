"""The shared schema is the program's own: created once, versioned, identified; local tables too."""

from __future__ import annotations

import threading

from alembic import command
from sqlalchemy import inspect, select

from hall_desk.store.db import Database
from hall_desk.store.migrate import alembic_config, upgrade
from hall_desk.sync.shared import SCHEMA_VERSION, SharedDatabase, parse_location, shared_meta


def test_first_contact_creates_the_schema_and_an_identity_once(hall, shared_url):
    w1 = hall.ws("W1")
    shared = SharedDatabase(parse_location(shared_url))
    try:
        infos = []
        errors: list[BaseException] = []

        def prepare() -> None:
            try:
                infos.append(shared.prepare(w1.key.fingerprint, w1.hall, w1.now()))
            except BaseException as exc:
                errors.append(exc)

        # Several workstations meeting an empty database at once: one schema, one identity.
        workers = [threading.Thread(target=prepare) for _ in range(4)]
        for w in workers:
            w.start()
        for w in workers:
            w.join(60)
        assert not errors
        assert len({i.identity for i in infos}) == 1
        assert all(i.schema_version == SCHEMA_VERSION for i in infos)
        assert infos[0].hall == w1.hall and infos[0].hall_fingerprint == w1.key.fingerprint
        with shared.reading() as conn:
            meta = dict(conn.execute(select(shared_meta.c.key, shared_meta.c.value)).all())
        assert meta["schema_version"] == str(SCHEMA_VERSION)
    finally:
        shared.close()


def test_the_local_sync_tables_migrate_down_and_up(tmp_path):
    database = Database(tmp_path / "x.sqlite3")
    try:
        upgrade(database.write_engine)
        sync_tables = {
            "sync_peers",
            "sync_runs",
            "sync_conflicts",
            "sync_refused_events",
            "sync_field_history",
        }
        assert sync_tables <= set(inspect(database.write_engine).get_table_names())
        command.downgrade(alembic_config(database.write_engine), "0002")
        assert not sync_tables & set(inspect(database.write_engine).get_table_names())
        upgrade(database.write_engine)
        assert sync_tables <= set(inspect(database.write_engine).get_table_names())
    finally:
        database.close()
