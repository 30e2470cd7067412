"""The declarative base every table module maps onto: one metadata, one naming convention.

The table modules (models*.py) do without `from __future__ import annotations`: with it every
`Mapped[...]` annotation is a string that SQLAlchemy evaluates again at mapping time, two
`eval`s a column, and mapping the tables is paid at every start (a fifth of the 41 tables'
mapping time went to it). Their annotations name nothing defined later, so none need quoting.
"""

from __future__ import annotations

from sqlalchemy import MetaData
from sqlalchemy.orm import DeclarativeBase

# Named constraints keep Alembic's batch mode (SQLite table rebuilds) able to drop and
# recreate them by name.
NAMING = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING)


# The tables that are not projections: the truth (events, audit_log), settings (meta) and this
# workstation's own state. Every other table is folded from the events (store/tables.py lists
# those for the rebuild; a test keeps the two a partition of the schema). Named here, where no
# table is mapped, so that a transaction can tell a projection's row (services/workstation.py)
# without mapping every table, which a login or a read never needs.
KEPT_TABLES = frozenset(
    {
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
)
