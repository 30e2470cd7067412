"""handoffs by case in time order and by day with their moves, deliveries by return day

Revision ID: 0018
Revises: 0017
Create Date: 2026-12-06

The monthly report's stays at each station follow every handoff of the month's moved cases in
their order (case, at, hlc): through the index on case_id alone SQLite read each row from the
table and sorted them all (~0.7 s a month at 200,000 cases). An index in that order carrying
the columns the stays read (the day, both stations) is read alone, already sorted; it also
serves every lookup by case_id, so the narrower index goes. The month's moved cases (and the
dashboard's day) are counted by (day, move, case) from the index alone, which replaces the one
on the day. Mail returned in a month is found by its return day instead of a walk of every
delivery. Indexes only: nothing to fold again.
"""

from collections.abc import Sequence

from alembic import op

revision: str = "0018"
down_revision: str | None = "0017"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

HANDOFF_ORDER = ["case_id", "at", "hlc", "on", "from_station", "to_station"]
HANDOFF_DAY = ["on", "move", "case_id"]


def upgrade() -> None:
    op.create_index("ix_handoffs_case_order", "handoffs", HANDOFF_ORDER, unique=False)
    op.drop_index("ix_handoffs_case_id", table_name="handoffs")
    op.create_index("ix_handoffs_day_move", "handoffs", HANDOFF_DAY, unique=False)
    op.drop_index("ix_handoffs_on", table_name="handoffs")
    op.create_index("ix_deliveries_returned_on", "deliveries", ["returned_on"], unique=False)


def downgrade() -> None:
    op.drop_index("ix_deliveries_returned_on", table_name="deliveries")
    op.create_index("ix_handoffs_on", "handoffs", ["on"], unique=False)
    op.drop_index("ix_handoffs_day_move", table_name="handoffs")
    op.create_index("ix_handoffs_case_id", "handoffs", ["case_id"], unique=False)
    op.drop_index("ix_handoffs_case_order", table_name="handoffs")
