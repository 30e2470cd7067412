"""complaint finding; meeting corrections

Revision ID: 0016
Revises: 0015
Create Date: 2026-12-02

`tickets.finding`: the 核查结论 (属实 / 部分属实 / 不属实) a lead records at a complaint's
结果核查, carried by the `ticket.checked` event (ticket kinds version 2). Complaints checked
before it keep "" and count as 属实 in the evaluation, which says so on the line; a rebuild
from their events gives the same.

`meeting_corrections`: a saved meeting is changed only by a correction record (who, why,
before → after), folded from `meeting.corrected`.
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0016"
down_revision: str | None = "0015"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    # A plain ADD COLUMN (no table copy): SQLite adds a NOT NULL column that has a default.
    op.add_column(
        "tickets", sa.Column("finding", sa.String(length=16), nullable=False, server_default="")
    )
    op.create_table(
        "meeting_corrections",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("meeting_id", sa.String(length=36), nullable=False),
        sa.Column("by", sa.String(length=64), nullable=False),
        sa.Column("at", sa.String(length=32), nullable=False),
        sa.Column("on", sa.Date(), nullable=False),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("before", sa.Text(), nullable=False),
        sa.Column("after", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_meeting_corrections")),
    )
    with op.batch_alter_table("meeting_corrections", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_meeting_corrections_meeting_id"), ["meeting_id"], unique=False
        )


def downgrade() -> None:
    with op.batch_alter_table("meeting_corrections", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_meeting_corrections_meeting_id"))
    op.drop_table("meeting_corrections")
    with op.batch_alter_table("tickets", schema=None) as batch_op:
        batch_op.drop_column("finding")
