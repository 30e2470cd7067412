"""queue tickets

Revision ID: 0013
Revises: 0012
Create Date: 2026-12-02

The queue's tickets (取号/叫号) as the queue.* events tell them: a new table folded from new
events, so an older log needs nothing here.
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0013"
down_revision: str | None = "0012"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "queue_tickets",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("day", sa.Date(), nullable=False),
        sa.Column("queue", sa.String(length=1), nullable=False),
        sa.Column("label", sa.String(length=8), nullable=False),
        sa.Column("priority", sa.String(length=8), nullable=False),
        sa.Column("flags", sa.String(length=64), nullable=False),
        sa.Column("state", sa.String(length=16), nullable=False),
        sa.Column("issued_at", sa.String(length=32), nullable=False),
        sa.Column("issued_ms", sa.BigInteger(), nullable=False),
        sa.Column("called_at", sa.String(length=32), nullable=False),
        sa.Column("called_ms", sa.BigInteger(), nullable=True),
        sa.Column("finished_ms", sa.BigInteger(), nullable=True),
        sa.Column("window", sa.String(length=16), nullable=False),
        sa.Column("target_window", sa.String(length=16), nullable=False),
        sa.Column("recalls", sa.Integer(), nullable=False),
        sa.Column("call_seq", sa.Integer(), nullable=True),
        sa.Column("id_cipher", sa.Text(), nullable=False),
        sa.Column("id_index", sa.String(length=32), nullable=False),
        sa.Column("id_masked", sa.String(length=32), nullable=False),
        sa.Column("visit_kind", sa.String(length=16), nullable=False),
        sa.Column("visit_id", sa.String(length=36), nullable=False),
        sa.Column("reason", sa.String(length=100), nullable=False),
        sa.Column("transferred_from", sa.String(length=36), nullable=False),
        sa.Column("issued_by", sa.String(length=16), nullable=False),
        sa.Column("called_by", sa.String(length=64), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_queue_tickets")),
    )
    with op.batch_alter_table("queue_tickets", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_queue_tickets_day"), ["day"], unique=False)
        batch_op.create_index(batch_op.f("ix_queue_tickets_state"), ["state"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("queue_tickets", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_queue_tickets_state"))
        batch_op.drop_index(batch_op.f("ix_queue_tickets_day"))

    op.drop_table("queue_tickets")
