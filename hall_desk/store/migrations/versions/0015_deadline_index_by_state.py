"""deadline index by state

Revision ID: 0015
Revises: 0014
Create Date: 2026-12-02

The overdue and near-deadline lists walked the due-date index through every closed case with
a past due date (the whole history); an index on (state, due_date) lets them read only the
cases whose clock may run. An index only: nothing to fold again.
"""

from collections.abc import Sequence

from alembic import op

revision: str = "0015"
down_revision: str | None = "0014"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("cases", schema=None) as batch_op:
        batch_op.create_index("ix_cases_state_due", ["state", "due_date"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("cases", schema=None) as batch_op:
        batch_op.drop_index("ix_cases_state_due")
