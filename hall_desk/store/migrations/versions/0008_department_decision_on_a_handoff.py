"""department decision on a handoff; the hall's shared settings

Revision ID: 0008
Revises: 0007
Create Date: 2026-12-02

A case whose items belong to several departments (联办, 一件事) goes to each department in turn
and is complete only when every one has decided: the handoff that brings a department's folder
back records that department's decision ("approved" / "denied"). Handoffs recorded before this
column keep "" and are read from the state they left the case in (`store/queries/routing.py`),
which is what a rebuild from their events gives too.

`hall_settings` holds the settings of the whole hall (its name), folded from
`hall.setting_changed` events, so that a workstation which joined with the hall key prints the
hall's own name once it has synced. A hall made before this version has no such event: its
workstations keep the name each was set up with until an admin changes the hall's name in
设置 (a name saved as shown does not travel, so that a workstation not yet synced cannot
spread the name it was set up with).
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0008"
down_revision: str | None = "0007"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "hall_settings",
        sa.Column("key", sa.String(length=40), nullable=False),
        sa.Column("value", sa.Text(), nullable=False),
        sa.Column("hlc", sa.String(length=20), nullable=False),
        sa.PrimaryKeyConstraint("key"),
    )
    # A plain ADD COLUMN (no table copy): SQLite adds a NOT NULL column that has a default.
    op.add_column(
        "handoffs", sa.Column("result", sa.String(length=16), nullable=False, server_default="")
    )


def downgrade() -> None:
    op.drop_table("hall_settings")
    with op.batch_alter_table("handoffs", schema=None) as batch_op:
        batch_op.drop_column("result")
