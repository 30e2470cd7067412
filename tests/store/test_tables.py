"""The table modules: one metadata holding every table, and the rebuild's list of projections."""

from __future__ import annotations

import json
import subprocess
import sys

from hall_desk.store.base import KEPT_TABLES
from hall_desk.store.tables import PROJECTION_TABLES, Base

# Every module of the store (the migrations' environment aside: it runs Alembic when imported),
# then the tables the metadata holds, parents first: the whole schema, however it was reached.
_EVERY_TABLE = """
import json, pkgutil, importlib
import hall_desk.store as store
for found in pkgutil.walk_packages(store.__path__, "hall_desk.store."):
    if not found.name.startswith("hall_desk.store.migrations"):
        importlib.import_module(found.name)
from hall_desk.store.base import Base
print(json.dumps([t.name for t in Base.metadata.sorted_tables]))
"""


def _printed(code: str) -> list[str]:
    """What a fresh interpreter running `code` printed last, as JSON."""
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    ).stdout
    return json.loads(out.strip().splitlines()[-1])  # type: ignore[no-any-return]


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


def test_the_program_names_the_same_kept_tables():
    """A transaction holds the rows it reads of every table but these (services/workstation.py):
    a projection missing from the program's list would not be held, a kept table held."""
    assert KEPT_TABLES == NOT_PROJECTIONS


def test_a_child_table_is_emptied_before_the_table_it_refers_to():
    position = {model.__tablename__: i for i, model in enumerate(PROJECTION_TABLES)}
    for model in PROJECTION_TABLES:
        for fk in model.__table__.foreign_keys:
            parent = fk.column.table.name
            assert position[model.__tablename__] < position[parent], (
                f"{model.__tablename__} must come before {parent} in PROJECTION_TABLES"
            )


def test_the_tables_module_alone_maps_every_table_of_the_store():
    """Migrations, schema checks and the rebuild import only `tables`: a table module it does
    not import would be missing from the migrations' metadata and the rebuild's list."""
    every = _printed(_EVERY_TABLE)
    alone = _printed(
        "import json; from hall_desk.store.tables import Base;"
        "print(json.dumps([t.name for t in Base.metadata.sorted_tables]))"
    )
    assert {"handoffs", "meetings", "sync_peers", "queue_tickets"} <= set(every)
    assert sorted(alone) == sorted(every)


def test_the_core_models_alone_leave_the_feature_tables_unmapped():
    """Each table module maps only its own tables: a command maps just those it reads."""
    alone = _printed(
        "import json; from hall_desk.store.models import Base;"
        "print(json.dumps(sorted(Base.metadata.tables)))"
    )
    assert {"events", "cases", "users"} <= set(alone)
    assert not {"handoffs", "tickets", "meetings", "sync_peers", "queue_tickets"} & set(alone)


def test_the_folds_write_order_is_the_whole_schemas_in_a_process_that_imported_nothing_else():
    """A batch writes parents before children by the order fold_rows computes: in a process
    that imported only fold_rows it must be the order over every table (a table missing from
    it would be written in no particular place, and its foreign key could fail)."""
    every = _printed(_EVERY_TABLE)
    order = _printed(
        "import json; from hall_desk.store import fold_rows;"
        "from hall_desk.store.base import Base;"
        "tables = Base.metadata.sorted_tables;"
        "print(json.dumps([t.name for t in sorted(tables, key=fold_rows._order)]))"
    )
    assert order == every
