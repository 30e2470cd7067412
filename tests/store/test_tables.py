"""The table modules: one metadata holding every table, and the rebuild's list of projections."""

from __future__ import annotations

import subprocess
import sys

from hall_desk.store.models import PROJECTION_TABLES, Base

# Written out by hand: the tables a rebuild must never empty (the truth, settings, and this
# workstation's own state). Anything else in the schema is a projection.
NOT_PROJECTIONS = {
    "events",
    "audit_log",
    "meta",
    "login_guard",
    "sync_peers",
    "sync_runs",
    "sync_conflicts",
    "sync_refused_events",
    "sync_field_history",
}


def test_every_table_is_a_projection_or_named_as_kept():
    listed = [model.__tablename__ for model in PROJECTION_TABLES]
    assert len(listed) == len(set(listed)), "a table is listed twice"
    assert not set(listed) & NOT_PROJECTIONS
    assert set(listed) | NOT_PROJECTIONS == set(Base.metadata.tables)


def test_a_child_table_is_emptied_before_the_table_it_refers_to():
    position = {model.__tablename__: i for i, model in enumerate(PROJECTION_TABLES)}
    for model in PROJECTION_TABLES:
        for fk in model.__table__.foreign_keys:
            parent = fk.column.table.name
            assert position[model.__tablename__] < position[parent], (
                f"{model.__tablename__} must come before {parent} in PROJECTION_TABLES"
            )


def test_importing_the_models_alone_maps_every_table():
    """Migrations and schema checks import only `models`: the feature tables must come along."""
    code = (
        "from hall_desk.store.models import Base, PROJECTION_TABLES, NAMING;"
        "print(','.join(sorted(Base.metadata.tables)))"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    ).stdout
    assert {"handoffs", "deliveries", "sync_peers", "sync_field_history"} <= set(
        out.strip().split(",")
    )
