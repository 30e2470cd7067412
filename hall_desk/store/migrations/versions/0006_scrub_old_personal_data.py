"""scrub old personal data from the event log, the quarantine and the audit log

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-02

Revision 0004 narrowed the tables; the records they are folded from still held the birth date
(applicant.recorded version 1) and the wide masks, from which a whole ID number is rebuilt.
They are rewritten here (store/scrub.py says exactly what may change): events re-sealed with
the key the program hands over at open, as 0005 sealed them; audit entries keep their hash and
their original detail, encrypted; the scrub itself is an audit entry. Rebuilding the tables
from the scrubbed log gives the same tables: the fold already read old events this way.
"""

from collections.abc import Sequence
from datetime import datetime

import sqlalchemy as sa
from alembic import context, op

from hall_desk.domain.errors import StorageError
from hall_desk.domain.roles import SYSTEM_ACTOR
from hall_desk.store import audit
from hall_desk.store.scrub import (
    ScrubCount,
    scrub_audit,
    scrub_events,
    scrub_quarantine,
    write_mark,
)

revision: str = "0006"
down_revision: str | None = "0005"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

AUDIT_ACTION = "records.scrubbed"


def upgrade() -> None:
    op.add_column(
        "audit_log",
        sa.Column("scrubbed_original", sa.Text(), nullable=False, server_default=""),
    )
    conn = op.get_bind()
    holds_records = conn.execute(
        sa.text("SELECT 1 FROM events UNION ALL SELECT 1 FROM audit_log LIMIT 1")
    ).first()
    if holds_records is None:
        return
    attributes = context.config.attributes
    key = attributes.get("hall_key")
    now = attributes.get("now")
    workstation = attributes.get("workstation")
    if key is None or not isinstance(now, datetime) or not workstation:
        raise StorageError(
            "升级本机数据库需要大厅密钥（清除旧记录中的个人信息），请用 hall-desk 打开"
        )
    count = ScrubCount()
    last = scrub_events(conn, key.event_key, count)
    write_mark(conn, last)
    scrub_quarantine(conn, key.event_key, count)
    scrub_audit(conn, key.encrypt, count)
    if count:
        last_entry = conn.execute(
            sa.text("SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1")
        ).first()
        entry = audit.new_entry(
            key.audit_key,
            audit.Anchor(last_entry.seq, last_entry.hash) if last_entry else None,
            workstation=str(workstation),
            actor=SYSTEM_ACTOR.username,
            action=AUDIT_ACTION,
            detail=count.detail(),
            at=now,
        )
        # By its columns, not through the model: a later revision may add columns to the model.
        conn.execute(
            sa.text(
                "INSERT INTO audit_log (seq, at, workstation, actor, action, target, detail,"
                " prev_hash, hash) VALUES (:seq, :at, :workstation, :actor, :action, :target,"
                " :detail, :prev_hash, :hash)"
            ),
            {c: getattr(entry, c) for c in _AUDIT_COLUMNS},
        )


_AUDIT_COLUMNS = (
    "seq",
    "at",
    "workstation",
    "actor",
    "action",
    "target",
    "detail",
    "prev_hash",
    "hash",
)


def downgrade() -> None:
    # The removed birth dates and wide masks are not restored: an older program reads the
    # scrubbed records as it reads a newer workstation's.
    op.drop_column("audit_log", "scrubbed_original")
