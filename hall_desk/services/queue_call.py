"""叫号 on PostgreSQL in one statement: the window's whole call is one round trip.

Calls of one queue take turns on the queue's day row (the green streak and the call order
must not depend on who won a race), so what the ten windows of a hall wait for is the time
that row stays locked. In services/queue.py's step-by-step call it stayed locked for several
round trips, each paid again by every window waiting behind; here the server takes the lock,
picks, writes and commits in one round trip (autocommit: the lock is not held while the client,
on a busy machine, gets round to sending COMMIT).

The statement, in the order PostgreSQL runs it:
- `d` locks the day rows of the window's queues (in code order, as before);
- `cand` takes, per queue and class, the longest-waiting ticket with FOR UPDATE SKIP LOCKED:
  a LATERAL over the locked rows, so it reads only once the queue's row is ours (a ticket
  another window called meanwhile is re-checked by the lock and passed over);
- `choice` is the calling rule (domain/queue.choose, which the SQLite file still runs in
  Python; tests/sync/test_queue_call.py holds the two to the same answers);
- then the day row, the ended visit (完成), the called ticket and the window's row are written.
The snapshot of the window's own row (paused, current) is the statement's: only this window
changes it, one action at a time.

The commit waits for the disk under the queue's lock (a normal commit: a call the window
announced is never lost by a server crash); that flush is the one step left that every window
pays in turn.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection, text

from hall_desk.domain.queue import AT_WINDOW_STATES, Priority, TicketState

_AT_WINDOW = ", ".join(f"'{s.value}'" for s in sorted(AT_WINDOW_STATES))

CALL_SQL = text(
    f"""
WITH prev AS (
    SELECT paused, "current" FROM hall_queue_windows WHERE "window" = :window
), d AS (
    SELECT queue, green_streak FROM hall_queue_days
    WHERE day = :day AND queue = ANY(:queues) AND NOT EXISTS (SELECT 1 FROM prev WHERE paused)
    ORDER BY queue
    FOR UPDATE
), cand AS MATERIALIZED (
    SELECT d.queue, p.priority, t.id, t.label, t.issued_ms
    FROM d
    CROSS JOIN (VALUES ('{Priority.GREEN.value}'), ('{Priority.NORMAL.value}')) AS p (priority)
    CROSS JOIN LATERAL (
        SELECT id, label, issued_ms FROM hall_queue_tickets
        WHERE day = :day AND queue = d.queue AND state = '{TicketState.WAITING.value}'
          AND priority = p.priority AND target_window IN ('', :window)
        ORDER BY issued_ms, label
        LIMIT 1
        FOR UPDATE SKIP LOCKED
    ) AS t
), picks AS MATERIALIZED (
    SELECT d.queue, d.green_streak, g.id AS gid, g.label AS glabel, g.issued_ms AS gms,
           n.id AS nid, n.label AS nlabel, n.issued_ms AS nms,
           g.id IS NOT NULL AND (n.id IS NULL OR d.green_streak < :ratio) AS green
    FROM d
    LEFT JOIN cand AS g ON g.queue = d.queue AND g.priority = '{Priority.GREEN.value}'
    LEFT JOIN cand AS n ON n.queue = d.queue AND n.priority = '{Priority.NORMAL.value}'
    WHERE g.id IS NOT NULL OR n.id IS NOT NULL
), choice AS MATERIALIZED (
    SELECT queue,
           CASE WHEN green THEN gid ELSE nid END AS id,
           CASE WHEN green AND nid IS NOT NULL THEN green_streak + 1 ELSE 0 END AS streak
    FROM picks
    ORDER BY NOT green, CASE WHEN green THEN gms ELSE nms END,
             CASE WHEN green THEN glabel ELSE nlabel END
    LIMIT 1
), day_row AS (
    UPDATE hall_queue_days AS q SET calls = q.calls + 1, green_streak = choice.streak
    FROM choice
    WHERE q.day = :day AND q.queue = choice.queue
    RETURNING q.calls
), ended AS (
    UPDATE hall_queue_tickets
    SET state = '{TicketState.DONE.value}', finished_ms = :now_ms, version = version + 1
    WHERE id = (SELECT "current" FROM prev WHERE NOT paused)
      AND day = :day AND state IN ({_AT_WINDOW})
    RETURNING *
), called AS (
    UPDATE hall_queue_tickets AS t
    SET state = '{TicketState.CALLED.value}', called_at = :now_iso, called_ms = :now_ms,
        "window" = :window, recalls = 0, call_seq = (SELECT calls FROM day_row),
        called_by = :username, version = t.version + 1
    FROM choice
    WHERE t.id = choice.id
    RETURNING t.*
), win AS (
    INSERT INTO hall_queue_windows ("window", workstation, queues, day, updated_ms, "current")
    VALUES (:window, :workstation, :queues_text, :day, :now_ms,
            coalesce((SELECT id FROM choice), ''))
    ON CONFLICT ("window") DO UPDATE
    SET workstation = excluded.workstation, queues = excluded.queues, day = excluded.day,
        updated_ms = excluded.updated_ms,
        "current" = CASE WHEN hall_queue_windows.paused THEN hall_queue_windows."current"
                         ELSE excluded."current" END
    RETURNING paused
)
SELECT (SELECT paused FROM win) AS paused,
       (SELECT row_to_json(ended) FROM ended) AS ended,
       (SELECT row_to_json(called) FROM called) AS called,
       CASE WHEN (SELECT paused FROM win) THEN '' ELSE pg_notify(:channel, :what)::text END
           AS notified
"""
)


@dataclass(frozen=True)
class SharedRow:
    """A ticket row as the statement returned it (JSON): what `_mapping` gives a Row."""

    _mapping: Mapping[str, Any]

    def __getattr__(self, name: str) -> Any:
        try:
            return self._mapping[name]
        except KeyError:
            raise AttributeError(name) from None


@dataclass(frozen=True)
class CallResult:
    paused: bool
    ended: SharedRow | None
    called: SharedRow | None


def call_in_one_statement(
    conn: Connection,
    *,
    window: str,
    workstation: str,
    queues: Sequence[str],
    day: str,
    now_ms: int,
    now_iso: str,
    username: str,
    ratio: int,
    channel: str,
) -> CallResult:
    found = conn.execute(
        CALL_SQL,
        {
            "window": window,
            "workstation": workstation,
            "queues": list(queues),
            "queues_text": ",".join(queues),
            "day": day,
            "now_ms": now_ms,
            "now_iso": now_iso,
            "username": username,
            "ratio": ratio,
            "channel": channel,
            "what": f"called {window}",
        },
    ).one()
    return CallResult(
        bool(found.paused),
        SharedRow(found.ended) if found.ended is not None else None,
        SharedRow(found.called) if found.called is not None else None,
    )
