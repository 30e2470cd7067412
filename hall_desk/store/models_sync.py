"""Local tables of the sync with the hall's shared database (cursor, push state, conflicts)."""

from __future__ import annotations

from hall_desk.store.models import Base  # noqa: F401 - tables below subclass it

# Projections defined here, children first (rebuild empties them in this order).
PROJECTION_TABLES: list[type] = []
