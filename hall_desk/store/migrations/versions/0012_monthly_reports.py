"""monthly operations reports

Revision ID: 0012
Revises: 0011
Create Date: 2026-12-02

The monthly operations report (运营报告): one row per month folded from the monthly_report.*
events (the lead's sections, and the frozen figures once published). A new table: an older
log needs nothing here.
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0012"
down_revision: str | None = "0011"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "monthly_reports",
        sa.Column("month", sa.String(length=7), nullable=False),
        sa.Column("problems", sa.Text(), nullable=False),
        sa.Column("plan", sa.Text(), nullable=False),
        sa.Column("text_saved_by", sa.String(length=64), nullable=False),
        sa.Column("text_hlc", sa.String(length=20), nullable=False),
        sa.Column("published", sa.String(length=20), nullable=False),
        sa.Column("published_at", sa.String(length=32), nullable=False),
        sa.Column("published_by", sa.String(length=64), nullable=False),
        sa.Column("publisher_name", sa.String(length=64), nullable=False),
        sa.Column("figures", sa.Text(), nullable=False),
        sa.Column("sha256", sa.String(length=64), nullable=False),
        sa.Column("known", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("month", name=op.f("pk_monthly_reports")),
    )
    # The report counts a month's completions and its supplement rounds through these.
    with op.batch_alter_table("cases", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_cases_completed_on"), ["completed_on"], unique=False)
    op.create_index(
        "ix_events_supplements",
        "events",
        ["entity_id"],
        unique=False,
        sqlite_where=sa.text(
            "kind IN ('case.supplement_requested', 'case.returned_for_supplement')"
        ),
    )


def downgrade() -> None:
    op.drop_index("ix_events_supplements", table_name="events")
    with op.batch_alter_table("cases", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_cases_completed_on"))
    op.drop_table("monthly_reports")
