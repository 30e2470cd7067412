"""The shared database's rows in the old shape, scrubbed by a workstation that holds the key.

The rows travelled as the workstations wrote them, so a shared database (and each of its dumps)
still holds what revision 0006 scrubbed locally: version-1 applicant payloads with birth dates,
and wide masks (store/scrub.py). At each sync, before pushing and pulling, a workstation
scrubs the rows added since the last scrub; the position reached is kept in the shared meta
table (`scrubbed_through`, an additive key: an older program ignores it), so the work is done
once per row, by whoever syncs first, and an empty sync costs one read. A pusher of this
program moves the mark past its own rows as it places them, when the mark stood right below
them (sync/push.py): they are in the current shape, so the next sync has nothing to read.
A row is re-sealed only when its MAC holds, with the same bytes every scrubbing workstation
computes, so a workstation that already holds the event (and scrubbed its copy in 0006) holds
the same event.

A workstation not yet upgraded can still push old-shaped events after that mark; they are
scrubbed in the shared database by the next sync of an upgraded one, and a puller that applied
one in between scrubs its local copy after the pull (`scrub_pulled`), to the same bytes.
"""

from __future__ import annotations

from sqlalchemy import bindparam, func, select

from hall_desk.domain.roles import SYSTEM_ACTOR
from hall_desk.services.workstation import Workstation
from hall_desk.store import scrub
from hall_desk.store.eventlog import MAC_FIELDS
from hall_desk.store.scrub import ScrubCount
from hall_desk.sync.shared import PUSH_LOCK, SharedDatabase, shared_events, shared_meta

MARK = "scrubbed_through"
_PAGE = 2000
AUDIT_SHARED = "sync.shared_scrubbed"
AUDIT_PULLED = "records.scrubbed"


def mark_position(value: str | None) -> int:
    """The position a stored mark names (0 when it is missing or unreadable)."""
    try:
        return int(value or 0)
    except ValueError:
        return 0


def _mark(conn) -> int:  # type: ignore[no-untyped-def]
    return mark_position(conn.scalar(select(shared_meta.c.value).where(shared_meta.c.key == MARK)))


def _set_mark(conn, position: int, had: bool) -> None:  # type: ignore[no-untyped-def]
    if had:
        conn.execute(
            shared_meta.update().where(shared_meta.c.key == MARK).values(value=str(position))
        )
    else:
        conn.execute(shared_meta.insert().values(key=MARK, value=str(position)))


def scrub_due(shared: SharedDatabase, conn) -> bool:  # type: ignore[no-untyped-def]
    """Whether shared rows lie after the mark (read in the caller's transaction)."""
    return shared.max_position(conn) > _mark(conn)


def scrub_shared(ws: Workstation, shared: SharedDatabase) -> ScrubCount:
    """Scrubs the shared rows after the mark; returns what it changed (usually nothing)."""
    count = ScrubCount()
    with shared.reading() as conn:
        if shared.max_position(conn) <= _mark(conn):
            return count
    t = shared_events.c
    key = ws.key.event_key
    while True:
        # One page per transaction under the writer lock: pushes wait a page, not the whole run.
        with shared.writing(PUSH_LOCK) as conn:
            had = conn.scalar(select(func.count()).where(shared_meta.c.key == MARK)) > 0
            last = _mark(conn)
            top = shared.max_position(conn)
            # Only rows that may hold old data are read (scrub.may_hold_old_data).
            rows = conn.execute(
                select(t.position, *(t[name] for name in MAC_FIELDS), t.mac)
                .where(
                    t.position > last,
                    t.position <= top,
                    scrub.may_hold_old_data(t.kind, t.payload),
                )
                .order_by(t.position)
                .limit(_PAGE)
            ).all()
            updates = []
            for row in rows:
                done = scrub.scrub_event(key, row)
                if done is not None:
                    updates.append({"at": row.position, "clean": done.payload, "sealed": done.mac})
                elif scrub.scrubbed_text(row.kind, row.payload) is not None:
                    count.forged += 1
            if updates:
                conn.execute(
                    shared_events.update()
                    .where(t.position == bindparam("at"))
                    .values(payload=bindparam("clean"), mac=bindparam("sealed")),
                    updates,
                )
                count.events += len(updates)
            # A short page ends the range: the mark moves to the top this transaction saw.
            _set_mark(conn, int(rows[-1].position) if len(rows) == _PAGE else top, had)
        if len(rows) < _PAGE:
            break
    if count:
        with ws.transaction(SYSTEM_ACTOR) as tx:
            tx.audit(AUDIT_SHARED, shared.location.display, count.detail())
    return count


def scrub_pulled(ws: Workstation) -> ScrubCount:
    """Local events added since the last local scrub (pulled in the old shape), scrubbed.

    One's own events are not read: this program wrote them in the current shape (migration
    0006 scrubbed older ones; those taken back after a restore come from the shared rows,
    scrubbed above before any is read), so the first sync of a home does not read its whole
    history, nor each sync the day's work, for what only pulled events can hold."""
    count = ScrubCount()
    with ws.db.read() as s:
        conn = s.connection()
        since = scrub.read_mark(conn)
        pending, top = scrub.events_to_scrub(conn, since, besides=ws.code)
    if not pending:
        if top > since:
            # Only the mark moves, without waiting for the disk (store/db.py): a power cut that
            # takes it back makes the next sync look at these rows again.
            with ws.db.write(bulk=True) as s:
                scrub.write_mark(s.connection(), top)
        return count
    with ws.transaction(SYSTEM_ACTOR) as tx:
        conn = tx.session.connection()
        since = scrub.read_mark(conn)
        last = scrub.scrub_events(conn, ws.key.event_key, count, since, besides=ws.code)
        if last != since:
            scrub.write_mark(conn, last)
        if count:
            tx.audit(AUDIT_PULLED, "", count.detail())
    return count
