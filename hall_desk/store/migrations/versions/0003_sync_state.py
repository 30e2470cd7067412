"""sync state

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-29
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0003"
down_revision: str | None = "0002"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "sync_peers",
        sa.Column("identity", sa.String(length=36), nullable=False),
        sa.Column("hall_fingerprint", sa.String(length=16), nullable=False),
        sa.Column("location", sa.String(length=400), nullable=False),
        sa.Column("pull_cursor", sa.Integer(), nullable=False),
        sa.Column("cursor_event_id", sa.String(length=36), nullable=False),
        sa.Column("pushed_seq", sa.Integer(), nullable=False),
        sa.Column("first_seen_at", sa.String(length=32), nullable=False),
        sa.Column("last_seen_at", sa.String(length=32), nullable=False),
        sa.Column("resets", sa.Integer(), nullable=False),
        sa.Column("reset_reason", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("identity", name=op.f("pk_sync_peers")),
    )
    op.create_table(
        "sync_runs",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("started_at", sa.String(length=32), nullable=False),
        sa.Column("finished_at", sa.String(length=32), nullable=True),
        sa.Column("ok", sa.Boolean(), nullable=True),
        sa.Column("actor", sa.String(length=64), nullable=False),
        sa.Column("location", sa.String(length=400), nullable=False),
        sa.Column("identity", sa.String(length=36), nullable=False),
        sa.Column("pushed", sa.Integer(), nullable=False),
        sa.Column("pulled", sa.Integer(), nullable=False),
        sa.Column("conflicts", sa.Integer(), nullable=False),
        sa.Column("refused", sa.Integer(), nullable=False),
        sa.Column("error", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_sync_runs")),
    )
    op.create_table(
        "sync_conflicts",
        sa.Column("event_id", sa.String(length=36), nullable=False),
        sa.Column("case_id", sa.String(length=36), nullable=False),
        sa.Column("case_no", sa.String(length=32), nullable=False),
        sa.Column("state_before", sa.String(length=24), nullable=False),
        sa.Column("kind", sa.String(length=64), nullable=False),
        sa.Column("origin", sa.String(length=16), nullable=False),
        sa.Column("actor", sa.String(length=64), nullable=False),
        sa.Column("hlc", sa.String(length=20), nullable=False),
        sa.Column("other_event_id", sa.String(length=36), nullable=False),
        sa.Column("other_kind", sa.String(length=64), nullable=False),
        sa.Column("other_origin", sa.String(length=16), nullable=False),
        sa.Column("other_actor", sa.String(length=64), nullable=False),
        sa.Column("other_hlc", sa.String(length=20), nullable=False),
        sa.Column("detected_at", sa.String(length=32), nullable=False),
        sa.Column("resolved", sa.Boolean(), nullable=False),
        sa.Column("resolved_at", sa.String(length=20), nullable=False),
        sa.Column("resolved_by", sa.String(length=64), nullable=False),
        sa.Column("resolution_note", sa.Text(), nullable=False),
        sa.Column("resolution_event_id", sa.String(length=36), nullable=False),
        sa.PrimaryKeyConstraint("event_id", name=op.f("pk_sync_conflicts")),
    )
    with op.batch_alter_table("sync_conflicts", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_sync_conflicts_case_id"), ["case_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_sync_conflicts_resolved"), ["resolved"], unique=False)
    op.create_table(
        "sync_refused_events",
        sa.Column("event_id", sa.String(length=64), nullable=False),
        sa.Column("reason_code", sa.String(length=16), nullable=False),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("shared_identity", sa.String(length=36), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("origin", sa.Text(), nullable=False),
        sa.Column("seq", sa.Integer(), nullable=False),
        sa.Column("hlc", sa.Text(), nullable=False),
        sa.Column("actor", sa.Text(), nullable=False),
        sa.Column("kind", sa.Text(), nullable=False),
        sa.Column("entity_type", sa.Text(), nullable=False),
        sa.Column("entity_id", sa.Text(), nullable=False),
        sa.Column("payload", sa.Text(), nullable=False),
        sa.Column("first_seen_at", sa.String(length=32), nullable=False),
        sa.Column("last_seen_at", sa.String(length=32), nullable=False),
        sa.Column("applied_at", sa.String(length=32), nullable=True),
        sa.PrimaryKeyConstraint("event_id", name=op.f("pk_sync_refused_events")),
    )
    with op.batch_alter_table("sync_refused_events", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_sync_refused_events_reason_code"), ["reason_code"], unique=False
        )
    op.create_table(
        "sync_field_history",
        sa.Column("new_event_id", sa.String(length=36), nullable=False),
        sa.Column("field", sa.String(length=32), nullable=False),
        sa.Column("entity_type", sa.String(length=32), nullable=False),
        sa.Column("entity_id", sa.String(length=64), nullable=False),
        sa.Column("old_value", sa.Text(), nullable=False),
        sa.Column("old_masked", sa.String(length=64), nullable=False),
        sa.Column("old_event_id", sa.String(length=36), nullable=False),
        sa.Column("old_origin", sa.String(length=16), nullable=False),
        sa.Column("old_hlc", sa.String(length=20), nullable=False),
        sa.Column("new_origin", sa.String(length=16), nullable=False),
        sa.Column("new_hlc", sa.String(length=20), nullable=False),
        sa.PrimaryKeyConstraint("new_event_id", "field", name=op.f("pk_sync_field_history")),
    )
    with op.batch_alter_table("sync_field_history", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_sync_field_history_entity_id"), ["entity_id"], unique=False
        )


def downgrade() -> None:
    with op.batch_alter_table("sync_field_history", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_sync_field_history_entity_id"))
    op.drop_table("sync_field_history")
    with op.batch_alter_table("sync_refused_events", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_sync_refused_events_reason_code"))
    op.drop_table("sync_refused_events")
    with op.batch_alter_table("sync_conflicts", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_sync_conflicts_resolved"))
        batch_op.drop_index(batch_op.f("ix_sync_conflicts_case_id"))
    op.drop_table("sync_conflicts")
    op.drop_table("sync_runs")
    op.drop_table("sync_peers")
