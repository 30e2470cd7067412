"""routing and delivery

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-29
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0002"
down_revision: str | None = "0001"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

CASE_DATES = ("dispatched_on", "returned_on", "delivered_on")
HANDOFF_INDEXES = ("case_id", "case_no", "to_station", "on", "batch_id", "hlc")
DELIVERY_INDEXES = (
    "case_id",
    "case_no",
    "method",
    "on",
    "recipient_id_index",
    "phone_index",
    "tracking_no",
    "clerk",
    "window",
)


def upgrade() -> None:
    with op.batch_alter_table("cases", schema=None) as batch_op:
        batch_op.add_column(sa.Column("station_since", sa.String(length=32), nullable=True))
        for name in CASE_DATES:
            batch_op.add_column(sa.Column(name, sa.Date(), nullable=True))
        batch_op.add_column(
            sa.Column("delivery_method", sa.String(length=8), server_default="", nullable=False)
        )
        for name in CASE_DATES:
            batch_op.create_index(batch_op.f(f"ix_cases_{name}"), [name], unique=False)

    op.create_table(
        "handoffs",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("case_id", sa.String(length=36), nullable=False),
        sa.Column("case_no", sa.String(length=32), nullable=False),
        sa.Column("move", sa.String(length=16), nullable=False),
        sa.Column("from_station", sa.String(length=120), nullable=False),
        sa.Column("to_station", sa.String(length=120), nullable=False),
        sa.Column("giver", sa.String(length=64), nullable=False),
        sa.Column("receiver", sa.String(length=64), nullable=False),
        sa.Column("at", sa.String(length=32), nullable=False),
        sa.Column("on", sa.Date(), nullable=False),
        sa.Column("batch_id", sa.String(length=36), nullable=False),
        sa.Column("batch_no", sa.String(length=40), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("state", sa.String(length=24), nullable=False),
        sa.Column("due_date", sa.Date(), nullable=True),
        sa.Column("materials", sa.Integer(), nullable=False),
        sa.Column("copies", sa.Integer(), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column("recorded_by", sa.String(length=64), nullable=False),
        sa.Column("workstation", sa.String(length=16), nullable=False),
        sa.Column("hlc", sa.String(length=20), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_handoffs")),
    )
    with op.batch_alter_table("handoffs", schema=None) as batch_op:
        for name in HANDOFF_INDEXES:
            batch_op.create_index(batch_op.f(f"ix_handoffs_{name}"), [name], unique=False)

    op.create_table(
        "handover_sheets",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("sheet_no", sa.String(length=40), nullable=False),
        sa.Column("move", sa.String(length=16), nullable=False),
        sa.Column("from_station", sa.String(length=120), nullable=False),
        sa.Column("to_station", sa.String(length=120), nullable=False),
        sa.Column("department", sa.String(length=100), nullable=False),
        sa.Column("giver", sa.String(length=64), nullable=False),
        sa.Column("receiver", sa.String(length=64), nullable=False),
        sa.Column("at", sa.String(length=32), nullable=False),
        sa.Column("on", sa.Date(), nullable=False),
        sa.Column("case_count", sa.Integer(), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column("recorded_by", sa.String(length=64), nullable=False),
        sa.Column("workstation", sa.String(length=16), nullable=False),
        sa.Column("hlc", sa.String(length=20), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_handover_sheets")),
        sa.UniqueConstraint("sheet_no", name=op.f("uq_handover_sheets_sheet_no")),
    )
    with op.batch_alter_table("handover_sheets", schema=None) as batch_op:
        for name in ("department", "on"):
            batch_op.create_index(batch_op.f(f"ix_handover_sheets_{name}"), [name], unique=False)

    op.create_table(
        "deliveries",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("case_id", sa.String(length=36), nullable=False),
        sa.Column("case_no", sa.String(length=32), nullable=False),
        sa.Column("method", sa.String(length=8), nullable=False),
        sa.Column("recipient_kind", sa.String(length=16), nullable=False),
        sa.Column("on", sa.Date(), nullable=False),
        sa.Column("at", sa.String(length=32), nullable=False),
        sa.Column("result", sa.String(length=24), nullable=False),
        sa.Column("recipient_name", sa.String(length=200), nullable=False),
        sa.Column("recipient_id_cipher", sa.Text(), nullable=False),
        sa.Column("recipient_id_index", sa.String(length=32), nullable=False),
        sa.Column("recipient_id_masked", sa.String(length=32), nullable=False),
        sa.Column("authorisation", sa.Text(), nullable=False),
        sa.Column("phone_cipher", sa.Text(), nullable=False),
        sa.Column("phone_index", sa.String(length=32), nullable=False),
        sa.Column("phone_masked", sa.String(length=32), nullable=False),
        sa.Column("address_cipher", sa.Text(), nullable=False),
        sa.Column("address_masked", sa.String(length=64), nullable=False),
        sa.Column("carrier", sa.String(length=16), nullable=False),
        sa.Column("tracking_no", sa.String(length=40), nullable=False),
        sa.Column("returned_on", sa.Date(), nullable=True),
        sa.Column("return_reason", sa.Text(), nullable=False),
        sa.Column("clerk", sa.String(length=64), nullable=False),
        sa.Column("clerk_name", sa.String(length=64), nullable=False),
        sa.Column("window", sa.String(length=32), nullable=False),
        sa.Column("workstation", sa.String(length=16), nullable=False),
        sa.Column("hlc", sa.String(length=20), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_deliveries")),
    )
    with op.batch_alter_table("deliveries", schema=None) as batch_op:
        for name in DELIVERY_INDEXES:
            batch_op.create_index(batch_op.f(f"ix_deliveries_{name}"), [name], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("deliveries", schema=None) as batch_op:
        for name in DELIVERY_INDEXES:
            batch_op.drop_index(batch_op.f(f"ix_deliveries_{name}"))
    op.drop_table("deliveries")
    with op.batch_alter_table("handover_sheets", schema=None) as batch_op:
        for name in ("department", "on"):
            batch_op.drop_index(batch_op.f(f"ix_handover_sheets_{name}"))
    op.drop_table("handover_sheets")
    with op.batch_alter_table("handoffs", schema=None) as batch_op:
        for name in HANDOFF_INDEXES:
            batch_op.drop_index(batch_op.f(f"ix_handoffs_{name}"))
    op.drop_table("handoffs")
    with op.batch_alter_table("cases", schema=None) as batch_op:
        for name in CASE_DATES:
            batch_op.drop_index(batch_op.f(f"ix_cases_{name}"))
        batch_op.drop_column("delivery_method")
        for name in reversed(CASE_DATES):
            batch_op.drop_column(name)
        batch_op.drop_column("station_since")
