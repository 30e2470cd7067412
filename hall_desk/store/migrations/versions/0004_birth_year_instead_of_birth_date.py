"""birth year instead of birth date; masked ID numbers narrowed

Revision ID: 0004
Revises: 0003
Create Date: 2026-12-02

The birth date beside a masked number (150521********1234) gives the whole number away: the
applicant keeps the birth year only, and every stored mask is narrowed to 150521**********34
(domain/identity.py, above mask_resident_id, says why). Folding an older event narrows its mask
and drops its birth date the same way, so a rebuild agrees with this migration.
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0004"
down_revision: str | None = "0003"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# (table, column) of every masked ID number a projection holds.
MASKED = (
    ("applicants", "id_masked"),
    ("cases", "applicant_id_masked"),
    ("cases", "agent_id_masked"),
    ("deliveries", "recipient_id_masked"),
)


def upgrade() -> None:
    with op.batch_alter_table("applicants", schema=None) as batch_op:
        batch_op.add_column(sa.Column("birth_year", sa.Integer(), nullable=True))
    op.execute(
        "UPDATE applicants SET birth_year = CAST(substr(birth_date, 1, 4) AS INTEGER)"
        " WHERE birth_date IS NOT NULL"
    )
    with op.batch_alter_table("applicants", schema=None) as batch_op:
        batch_op.drop_column("birth_date")
    for table, column in MASKED:
        # Only the wide 18-character form (six shown, eight stars, four shown) changes.
        op.execute(
            f"UPDATE {table} SET {column} = substr({column}, 1, 6) || '**********'"
            f" || substr({column}, 17, 2)"
            f" WHERE length({column}) = 18 AND substr({column}, 7, 8) = '********'"
            f" AND instr(substr({column}, 1, 6), '*') = 0"
            f" AND instr(substr({column}, 15, 4), '*') = 0"
        )


def downgrade() -> None:
    # The birth date is not kept anywhere in plaintext any more; an older program reads none.
    with op.batch_alter_table("applicants", schema=None) as batch_op:
        batch_op.add_column(sa.Column("birth_date", sa.DATE(), nullable=True))
        batch_op.drop_column("birth_year")
