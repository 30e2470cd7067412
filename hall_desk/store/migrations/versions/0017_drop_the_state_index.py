"""drop the state index

Revision ID: 0017
Revises: 0016
Create Date: 2026-12-04

`ix_cases_state` (state) is the first column of `ix_cases_state_due` (state, due_date), which
serves every lookup by state as well: the narrower index only cost a page of the write-ahead
log on every intake and every state change. An index only: nothing to fold again.
"""

from collections.abc import Sequence

from alembic import op

revision: str = "0017"
down_revision: str | None = "0016"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.drop_index("ix_cases_state", table_name="cases")


def downgrade() -> None:
    op.create_index("ix_cases_state", "cases", ["state"], unique=False)
