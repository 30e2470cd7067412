"""a case material's requirement text; the certificates a catalog item issues

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-02

`case_materials.requirement`: what the 一次性告知书 asks of a missing material (原件、加盖公章…),
typed by the clerk. `service_items.produces`: the certificates an item issues (营业执照 for a
设立登记), one per line, so a 一件事 does not ask the applicant for what the bundle itself makes.
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0007"
down_revision: str | None = "0006"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("case_materials", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("requirement", sa.String(length=200), nullable=False, server_default="")
        )
    with op.batch_alter_table("service_items", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("produces", sa.String(length=400), nullable=False, server_default="")
        )


def downgrade() -> None:
    with op.batch_alter_table("service_items", schema=None) as batch_op:
        batch_op.drop_column("produces")
    with op.batch_alter_table("case_materials", schema=None) as batch_op:
        batch_op.drop_column("requirement")
