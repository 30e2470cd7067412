"""field conflicts

Revision ID: 0009
Revises: 0008
Create Date: 2026-12-02

Two workstations that change the same applicant field without knowing of each other make a
conflict for the team lead, kept in sync_conflicts beside the lifecycle ones: the field, the
applicant, both values (ciphertext for personal data) and their masks, and the value the lead
kept. A field conflict's key is "<event id>:<field>", so the key column widens to 64.
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0009"
down_revision: str | None = "0008"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_NEW = (
    ("field", sa.String(length=32)),
    ("applicant_id", sa.String(length=36)),
    ("value", sa.Text()),
    ("value_masked", sa.String(length=64)),
    ("other_value", sa.Text()),
    ("other_value_masked", sa.String(length=64)),
    ("kept_event_id", sa.String(length=36)),
)


def upgrade() -> None:
    with op.batch_alter_table("sync_conflicts", schema=None) as batch_op:
        batch_op.alter_column(
            "event_id", existing_type=sa.String(length=36), type_=sa.String(length=64)
        )
        for name, type_ in _NEW:
            batch_op.add_column(sa.Column(name, type_, nullable=False, server_default=""))
        batch_op.create_index(
            batch_op.f("ix_sync_conflicts_applicant_id"), ["applicant_id"], unique=False
        )


def downgrade() -> None:
    op.execute("DELETE FROM sync_conflicts WHERE field != ''")
    with op.batch_alter_table("sync_conflicts", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_sync_conflicts_applicant_id"))
        for name, _type in reversed(_NEW):
            batch_op.drop_column(name)
        batch_op.alter_column(
            "event_id", existing_type=sa.String(length=64), type_=sa.String(length=36)
        )
