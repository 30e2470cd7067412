"""Tables of 材料流转 and 统一出件 (handoffs, handover sheets, deliveries)."""

from __future__ import annotations

from hall_desk.store.models import Base  # noqa: F401 - tables below subclass it

# Projections defined here, children first (rebuild empties them in this order).
PROJECTION_TABLES: list[type] = []
