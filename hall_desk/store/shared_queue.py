"""The queue's (取号/叫号) live tables in the hall's shared database (schema version 4 of
sync/shared.py), where every window and the kiosk see them at once.

Apart from the mapped tables (store/models_queue.py) because their partial indexes name
PostgreSQL: SQLAlchemy loads its PostgreSQL dialect (some 50 ms and 2 MB) for a table that says
`postgresql_where`, and a command that never reaches the shared database (`report daily`, the
window before the queue bar) should not pay for it.
"""

from __future__ import annotations

from sqlalchemy import (
    BigInteger,
    Boolean,
    Column,
    Index,
    Integer,
    MetaData,
    String,
    Table,
    Text,
    text,
)

shared_queue_metadata = MetaData()

shared_queue_tickets = Table(
    "hall_queue_tickets",
    shared_queue_metadata,
    Column("id", String(36), primary_key=True),
    Column("day", String(10), nullable=False),
    Column("queue", String(1), nullable=False),
    Column("label", String(8), nullable=False),
    Column("priority", String(8), nullable=False),
    Column("flags", String(64), nullable=False, server_default=""),
    Column("state", String(16), nullable=False),
    Column("issued_at", String(32), nullable=False),
    Column("issued_ms", BigInteger, nullable=False),
    Column("called_at", String(32), nullable=False, server_default=""),
    Column("called_ms", BigInteger, nullable=True),
    Column("finished_ms", BigInteger, nullable=True),
    Column("window", String(16), nullable=False, server_default=""),
    Column("target_window", String(16), nullable=False, server_default=""),
    Column("recalls", Integer, nullable=False, server_default="0"),
    Column("call_seq", Integer, nullable=True),
    Column("id_cipher", Text, nullable=False, server_default=""),
    Column("id_index", String(32), nullable=False, server_default=""),
    Column("id_masked", String(32), nullable=False, server_default=""),
    Column("visit_kind", String(16), nullable=False, server_default=""),
    Column("visit_id", String(36), nullable=False, server_default=""),
    Column("reason", String(100), nullable=False, server_default=""),
    Column("transferred_from", String(36), nullable=False, server_default=""),
    Column("issued_by", String(16), nullable=False, server_default=""),
    Column("called_by", String(64), nullable=False, server_default=""),
    Column("version", Integer, nullable=False, server_default="1"),
    # Numbers are per queue and day, never issued twice; a transferred ticket keeps its label
    # in the queue it moves to (and may move back), so only issued ones are unique.
    Index(
        "uq_hall_queue_tickets_number",
        "day",
        "queue",
        "label",
        unique=True,
        sqlite_where=text("transferred_from = ''"),
        postgresql_where=text("transferred_from = ''"),
    ),
    # The calling query: a queue's waiting tickets of one class, longest wait first.
    Index("ix_hall_queue_tickets_waiting", "day", "queue", "state", "priority", "issued_ms"),
    # One ticket holding a place per ID number per queue (the service checks first and says so;
    # the index is the net under two kiosks issuing at once).
    Index(
        "uq_hall_queue_tickets_one_per_id",
        "day",
        "queue",
        "id_index",
        unique=True,
        sqlite_where=text("id_index <> '' AND state IN ('waiting','called','serving','parked')"),
        postgresql_where=text(
            "id_index <> '' AND state IN ('waiting','called','serving','parked')"
        ),
    ),
)

# Each queue's day: the last number issued (the range never wraps), how many calls it made
# (the call order), and its green streak (the anti-starvation ratio). Its row is the lock a
# call takes: calls of one queue take turns, calls of different queues do not wait.
shared_queue_days = Table(
    "hall_queue_days",
    shared_queue_metadata,
    Column("day", String(10), primary_key=True),
    Column("queue", String(1), primary_key=True),
    Column("last_number", Integer, nullable=False),
    Column("issued", Integer, nullable=False, server_default="0"),
    Column("calls", Integer, nullable=False, server_default="0"),
    Column("green_streak", Integer, nullable=False, server_default="0"),
)

# Each window as it last said: its queues, paused or not, its current ticket.
shared_queue_windows = Table(
    "hall_queue_windows",
    shared_queue_metadata,
    Column("window", String(16), primary_key=True),
    Column("workstation", String(16), nullable=False),
    Column("queues", String(64), nullable=False),
    Column("paused", Boolean, nullable=False, server_default=text("false")),
    Column("pause_reason", String(100), nullable=False, server_default=""),
    Column("current", String(36), nullable=False, server_default=""),
    Column("day", String(10), nullable=False, server_default=""),
    Column("updated_ms", BigInteger, nullable=False, server_default="0"),
)

QUEUE_TICKET_COLUMNS = tuple(c.name for c in shared_queue_tickets.columns)
