"""tickets and their steps

Revision ID: 0010
Revises: 0009
Create Date: 2026-12-02

The feedback desk's tickets (办不成事 / 投诉 / 建议 / 咨询 / 表扬) and the timeline of their steps:
new tables folded from the ticket.* events, so an older log needs nothing here.
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0010"
down_revision: str | None = "0009"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "ticket_steps",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("ticket_id", sa.String(length=36), nullable=False),
        sa.Column("step", sa.String(length=16), nullable=False),
        sa.Column("actor", sa.String(length=64), nullable=False),
        sa.Column("at", sa.String(length=32), nullable=False),
        sa.Column("on", sa.Date(), nullable=False),
        sa.Column("state", sa.String(length=16), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column("due_date", sa.Date(), nullable=True),
        sa.Column("hlc", sa.String(length=20), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_ticket_steps")),
    )
    with op.batch_alter_table("ticket_steps", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_ticket_steps_hlc"), ["hlc"], unique=False)
        batch_op.create_index(batch_op.f("ix_ticket_steps_on"), ["on"], unique=False)
        batch_op.create_index(batch_op.f("ix_ticket_steps_ticket_id"), ["ticket_id"], unique=False)

    op.create_table(
        "tickets",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("ticket_no", sa.String(length=40), nullable=False),
        sa.Column("source", sa.String(length=16), nullable=False),
        sa.Column("source_ref", sa.String(length=36), nullable=False),
        sa.Column("ticket_class", sa.String(length=16), nullable=False),
        sa.Column("channel", sa.String(length=16), nullable=False),
        sa.Column("external_no", sa.String(length=40), nullable=False),
        sa.Column("bbcs_kind", sa.String(length=16), nullable=False),
        sa.Column("tier", sa.String(length=16), nullable=False),
        sa.Column("state", sa.String(length=16), nullable=False),
        sa.Column("description", sa.Text(), nullable=False),
        sa.Column("anonymous", sa.Boolean(), nullable=False),
        sa.Column("reporter_name", sa.String(length=64), nullable=False),
        sa.Column("phone_cipher", sa.Text(), nullable=False),
        sa.Column("phone_index", sa.String(length=32), nullable=False),
        sa.Column("phone_masked", sa.String(length=32), nullable=False),
        sa.Column("case_id", sa.String(length=36), nullable=False),
        sa.Column("case_no", sa.String(length=32), nullable=False),
        sa.Column("window", sa.String(length=32), nullable=False),
        sa.Column("staff", sa.String(length=64), nullable=False),
        sa.Column("staff_name", sa.String(length=64), nullable=False),
        sa.Column("received_at", sa.String(length=32), nullable=False),
        sa.Column("received_on", sa.Date(), nullable=False),
        sa.Column("due_date", sa.Date(), nullable=True),
        sa.Column("paused_since", sa.Date(), nullable=True),
        sa.Column("overdue_ever", sa.Boolean(), nullable=False),
        sa.Column("cause", sa.Text(), nullable=False),
        sa.Column("dispatch_kind", sa.String(length=16), nullable=False),
        sa.Column("dispatch_to", sa.String(length=100), nullable=False),
        sa.Column("handler", sa.String(length=64), nullable=False),
        sa.Column("answer", sa.Text(), nullable=False),
        sa.Column("answer_method", sa.String(length=16), nullable=False),
        sa.Column("answered_by", sa.String(length=64), nullable=False),
        sa.Column("answered_on", sa.Date(), nullable=True),
        sa.Column("checked_by", sa.String(length=64), nullable=False),
        sa.Column("checked_on", sa.Date(), nullable=True),
        sa.Column("callback", sa.String(length=16), nullable=False),
        sa.Column("closed_on", sa.Date(), nullable=True),
        sa.Column("excluded_matter", sa.String(length=16), nullable=False),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("reopened", sa.Boolean(), nullable=False),
        sa.Column("registered_by", sa.String(length=64), nullable=False),
        sa.Column("workstation", sa.String(length=16), nullable=False),
        sa.Column("created_hlc", sa.String(length=20), nullable=False),
        sa.Column("updated_hlc", sa.String(length=20), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_tickets")),
        sa.UniqueConstraint("ticket_no", name=op.f("uq_tickets_ticket_no")),
    )
    with op.batch_alter_table("tickets", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_tickets_answered_on"), ["answered_on"], unique=False)
        batch_op.create_index(batch_op.f("ix_tickets_closed_on"), ["closed_on"], unique=False)
        batch_op.create_index(batch_op.f("ix_tickets_due_date"), ["due_date"], unique=False)
        batch_op.create_index(batch_op.f("ix_tickets_phone_index"), ["phone_index"], unique=False)
        batch_op.create_index(batch_op.f("ix_tickets_received_on"), ["received_on"], unique=False)
        batch_op.create_index(batch_op.f("ix_tickets_staff"), ["staff"], unique=False)
        batch_op.create_index(batch_op.f("ix_tickets_state"), ["state"], unique=False)
        batch_op.create_index(batch_op.f("ix_tickets_ticket_class"), ["ticket_class"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("tickets", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_tickets_ticket_class"))
        batch_op.drop_index(batch_op.f("ix_tickets_state"))
        batch_op.drop_index(batch_op.f("ix_tickets_staff"))
        batch_op.drop_index(batch_op.f("ix_tickets_received_on"))
        batch_op.drop_index(batch_op.f("ix_tickets_phone_index"))
        batch_op.drop_index(batch_op.f("ix_tickets_due_date"))
        batch_op.drop_index(batch_op.f("ix_tickets_closed_on"))
        batch_op.drop_index(batch_op.f("ix_tickets_answered_on"))

    op.drop_table("tickets")
    with op.batch_alter_table("ticket_steps", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_ticket_steps_ticket_id"))
        batch_op.drop_index(batch_op.f("ix_ticket_steps_on"))
        batch_op.drop_index(batch_op.f("ix_ticket_steps_hlc"))

    op.drop_table("ticket_steps")
