"""event mac

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-02

Every event gets a MAC under the hall's event key. The events already in the log are sealed
here, in the same transaction as the new column, with the key the program hands to Alembic at
open (`migrate.upgrade(..., program=...)`): there is no moment at which an event lacks a MAC
and a later open would seal whatever it finds. That vouches once for the log as it stood before
this version, which nothing protected; from here on an edit without the key is detected.
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import context, op

from hall_desk.domain.errors import StorageError
from hall_desk.store.eventlog import MAC_FIELDS, event_mac

revision: str = "0005"
down_revision: str | None = "0004"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_BATCH = 5000


def upgrade() -> None:
    # A plain ADD COLUMN (no table copy): SQLite adds a NOT NULL column that has a default.
    op.add_column(
        "events", sa.Column("mac", sa.String(length=64), nullable=False, server_default="")
    )
    op.add_column(
        "sync_refused_events", sa.Column("mac", sa.Text(), nullable=False, server_default="")
    )
    conn = op.get_bind()
    columns = ", ".join(MAC_FIELDS)
    if conn.execute(sa.text("SELECT 1 FROM events LIMIT 1")).first() is None:
        return
    key = context.config.attributes.get("event_key")
    if key is None:
        raise StorageError("升级本机数据库需要大厅密钥（为已有事件加校验码），请用 hall-desk 打开")
    last = ""
    while True:
        rows = conn.execute(
            sa.text(f"SELECT {columns} FROM events WHERE id > :last ORDER BY id LIMIT {_BATCH}"),
            {"last": last},
        ).all()
        if not rows:
            break
        conn.execute(
            sa.text("UPDATE events SET mac = :mac WHERE id = :id"),
            [{"mac": event_mac(key, row), "id": row.id} for row in rows],
        )
        last = rows[-1].id


def downgrade() -> None:
    op.drop_column("sync_refused_events", "mac")
    op.drop_column("events", "mac")
