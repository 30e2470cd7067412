"""ratings of services

Revision ID: 0011
Revises: 0010
Create Date: 2026-12-02

好差评: one row per rating (or 未评价) of a finished service, folded from the rating.* events, so
an older log needs nothing here.
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0011"
down_revision: str | None = "0010"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "ratings",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("rated_kind", sa.String(length=16), nullable=False),
        sa.Column("record_id", sa.String(length=36), nullable=False),
        sa.Column("duplicate_of", sa.String(length=36), nullable=False),
        sa.Column("case_id", sa.String(length=36), nullable=False),
        sa.Column("case_no", sa.String(length=32), nullable=False),
        sa.Column("what", sa.String(length=200), nullable=False),
        sa.Column("staff", sa.String(length=64), nullable=False),
        sa.Column("staff_name", sa.String(length=64), nullable=False),
        sa.Column("window", sa.String(length=32), nullable=False),
        sa.Column("state", sa.String(length=16), nullable=False),
        sa.Column("level", sa.Integer(), nullable=True),
        sa.Column("channel", sa.String(length=16), nullable=False),
        sa.Column("reasons", sa.Text(), nullable=False),
        sa.Column("reasons_version", sa.Integer(), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column("proxy_reason", sa.Text(), nullable=False),
        sa.Column("rater_name_cipher", sa.Text(), nullable=False),
        sa.Column("rater_name_masked", sa.String(length=64), nullable=False),
        sa.Column("rater_phone_cipher", sa.Text(), nullable=False),
        sa.Column("rater_phone_index", sa.String(length=32), nullable=False),
        sa.Column("rater_phone_masked", sa.String(length=32), nullable=False),
        sa.Column("rated_at", sa.String(length=32), nullable=False),
        sa.Column("rated_on", sa.Date(), nullable=False),
        sa.Column("recorded_by", sa.String(length=64), nullable=False),
        sa.Column("workstation", sa.String(length=16), nullable=False),
        sa.Column("ticket_id", sa.String(length=36), nullable=False),
        sa.Column("ticket_no", sa.String(length=40), nullable=False),
        sa.Column("appeal_state", sa.String(length=16), nullable=False),
        sa.Column("appeal_reason", sa.Text(), nullable=False),
        sa.Column("appealed_by", sa.String(length=64), nullable=False),
        sa.Column("appealed_on", sa.Date(), nullable=True),
        sa.Column("reviewed_by", sa.String(length=64), nullable=False),
        sa.Column("reviewed_on", sa.Date(), nullable=True),
        sa.Column("review_note", sa.Text(), nullable=False),
        sa.Column("created_hlc", sa.String(length=20), nullable=False),
        sa.Column("updated_hlc", sa.String(length=20), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_ratings")),
    )
    with op.batch_alter_table("ratings", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_ratings_rated_on"), ["rated_on"], unique=False)
        batch_op.create_index(
            batch_op.f("ix_ratings_rater_phone_index"), ["rater_phone_index"], unique=False
        )
        batch_op.create_index("ix_ratings_record", ["rated_kind", "record_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_ratings_staff"), ["staff"], unique=False)
        batch_op.create_index(batch_op.f("ix_ratings_window"), ["window"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("ratings", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_ratings_window"))
        batch_op.drop_index(batch_op.f("ix_ratings_staff"))
        batch_op.drop_index("ix_ratings_record")
        batch_op.drop_index(batch_op.f("ix_ratings_rater_phone_index"))
        batch_op.drop_index(batch_op.f("ix_ratings_rated_on"))

    op.drop_table("ratings")
