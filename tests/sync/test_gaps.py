"""Rows deleted from the shared database: found at sync, named, put back by whoever holds them."""

from __future__ import annotations

from sqlalchemy import delete, select

from hall_desk.domain.roles import SYSTEM_ACTOR
from hall_desk.services import intake, routing
from hall_desk.store.models import CaseRow, Event
from hall_desk.store.models_sync import SyncRefusedEvent
from hall_desk.sync import sync_status
from hall_desk.sync.command import run_sync_command
from hall_desk.sync.shared import SharedDatabase, parse_location, shared_events
from hall_desk.sync.validate import WAITING
from tests.sync.helpers import (
    DAY,
    FOOD,
    applicant,
    clerk,
    draft,
    first_syncs,
    projections,
    router,
    sync,
)


def _accept(ws, n: int) -> str:  # type: ignore[no-untyped-def]
    return intake.accept(ws, clerk(ws), draft(ws, [FOOD], applicant(n)), on=DAY).case_id


def _seq_of(ws, case_id: str) -> int:  # type: ignore[no-untyped-def]
    with ws.reading() as s:
        return int(
            s.scalar(
                select(Event.seq).where(Event.entity_id == case_id, Event.kind == "case.accepted")
            )
        )


def _delete_shared(url: str, origin: str, first: int, last: int) -> None:
    """What anyone with the shared database's password can do: DELETE rows."""
    shared = SharedDatabase(parse_location(url))
    t = shared_events.c
    try:
        with shared.writing() as conn:
            conn.execute(
                delete(shared_events).where(t.origin == origin, t.seq.between(first, last))
            )
    finally:
        shared.close()


def _shared_seqs(url: str, origin: str) -> list[int]:
    shared = SharedDatabase(parse_location(url))
    t = shared_events.c
    try:
        with shared.reading() as conn:
            return list(conn.scalars(select(t.seq).where(t.origin == origin).order_by(t.seq)))
    finally:
        shared.close()


def _has_case(ws, case_id: str) -> bool:  # type: ignore[no-untyped-def]
    with ws.reading() as s:
        return s.get(CaseRow, case_id) is not None


def test_a_deleted_shared_row_is_reported_healed_by_a_holder_and_reaches_every_puller(
    hall, shared_url
):
    w1, w2, w3 = hall.ws("W1"), hall.ws("W2"), hall.ws("W3")
    first_syncs(shared_url, w1, w2)
    cases = [_accept(w2, 80 + n) for n in range(3)]
    # Later steps of the case whose first event goes missing: they reach W3 before it.
    assert routing.collect(w2, router(w2), [cases[1]], on=DAY)
    sync(w2, shared_url)
    sync(w1, shared_url)  # W1 now holds W2's events (pulled, not its own)
    seq = _seq_of(w2, cases[1])
    _delete_shared(shared_url, "W2", seq, seq)

    # W3 has never pulled: it passes the hole, and hears of it.
    report = sync(w3, shared_url)
    missing = f"共享数据库中缺少工作站 W2 的第 {seq} 号事件（共 1 条，记录被删除）"
    (notice,) = report.notices
    assert notice.startswith(missing) and "无法补回" in notice and "W2" in notice
    assert not _has_case(w3, cases[1]) and _has_case(w3, cases[2])
    # The later step of that case cannot fold without it: it waits, kept whole, not refused.
    with w3.reading() as s:
        (held,) = s.scalars(select(SyncRefusedEvent)).all()
    assert held.reason_code == WAITING and held.entity_id == cases[1] and held.payload
    assert "补回后自动重试" in held.reason and report.refused == 1
    status = sync_status(w3)
    assert status.level == "warning" and "共享库异常 1 项" in status.summary()
    assert any(missing in line for line in status.lines())

    # W1 holds the event it pulled: it puts it back, with its original MAC.
    report = sync(w1, shared_url)
    assert report.healed == 1
    assert report.notices == (f"{missing}：已由本机补回",)
    assert "补回共享数据库中被删除的记录 1 条" in report.summary
    assert _shared_seqs(shared_url, "W2") == list(range(1, _shared_seqs(shared_url, "W2")[-1] + 1))

    # W3's cursor went past the hole; the healed row is above it, so the next pull brings it.
    report = sync(w3, shared_url)
    assert report.pulled == 2 and report.refused == 0 and report.notices == ()
    assert _has_case(w3, cases[1])
    sync(w2, shared_url)  # W2 takes what the others pushed after its only sync (the hall's name)
    mine, theirs = projections(w3), projections(w2)
    # (Each template home made its own admin; every other table is the hall's.)
    assert {k: v for k, v in mine.items() if k != "users"} == {
        k: v for k, v in theirs.items() if k != "users"
    }
    assert mine["handoffs"] and mine["cases"]
    assert sync_status(w3).notices == () and sync_status(w3).refused_events == 0


def test_the_origin_puts_back_its_own_deleted_rows(hall, shared_url):
    w1, w2 = hall.ws("W1"), hall.ws("W2")
    cases = [_accept(w1, 90 + n) for n in range(4)]
    sync(w1, shared_url)
    first, last = _seq_of(w1, cases[1]), _seq_of(w1, cases[2])
    _delete_shared(shared_url, "W1", first, last)

    report = sync(w1, shared_url)
    assert report.healed == last - first + 1
    assert report.notices == (
        f"共享数据库中缺少工作站 W1 的第 {first}–{last} 号事件"
        f"（共 {last - first + 1} 条，记录被删除）：已由本机补回",
    )
    assert report.reset_reason == ""  # nothing started over: only the hole was sent
    sync(w2, shared_url)
    assert all(_has_case(w2, c) for c in cases)


def test_a_deleted_tail_of_an_origin_is_found_by_its_anchor_and_put_back(hall, shared_url, capsys):
    """Rows deleted from the end leave no hole; the origin's shared anchor still names its last
    acknowledged event, and a workstation that pulled them holds them."""
    w1, w2, w3 = hall.ws("W1"), hall.ws("W2"), hall.ws("W3")
    first_syncs(shared_url, w1, w2)
    cases = [_accept(w2, 100 + n) for n in range(3)]
    sync(w2, shared_url)
    sync(w1, shared_url)
    top = _shared_seqs(shared_url, "W2")[-1]
    first = _seq_of(w2, cases[1])
    _delete_shared(shared_url, "W2", first, top)

    # As the scheduler's command line reports it, and `sync --status` after it.
    assert run_sync_command(w3, SYSTEM_ACTOR, shared=shared_url, status_only=False) == 0
    err = capsys.readouterr().err
    missing = f"共享数据库中缺少工作站 W2 的第 {first}–{top} 号事件（共 {top - first + 1} 条"
    assert f"注意：{missing}" in err and "无法补回" in err
    run_sync_command(w3, SYSTEM_ACTOR, shared=None, status_only=True)
    assert f"上次同步发现：{missing}" in capsys.readouterr().out
    assert sync(w1, shared_url).healed == top - first + 1
    sync(w3, shared_url)
    assert all(_has_case(w3, c) for c in cases)
    assert projections(w3)["cases"] == projections(w2)["cases"]


def test_an_intact_shared_database_reports_nothing(hall, shared_url):
    w1, w2 = hall.ws("W1"), hall.ws("W2")
    first_syncs(shared_url, w1, w2)
    _accept(w1, 110)
    _accept(w2, 111)
    for ws in (w1, w2, w1, w2):
        report = sync(ws, shared_url)
        assert report.notices == () and report.healed == 0
    assert sync_status(w1).notices == ()


def test_a_large_shared_database_is_looked_at_once_a_day(hall, shared_url, monkeypatch):
    """Past FULL_CHECK_ROWS the whole-table look runs at the first sync of a day; in between,
    its findings stand (and what waits for the hole keeps waiting)."""
    from hall_desk.store.models import Meta
    from hall_desk.sync import gaps

    monkeypatch.setattr(gaps, "FULL_CHECK_ROWS", 0)
    w1, w2, w3 = hall.ws("W1"), hall.ws("W2"), hall.ws("W3")
    first_syncs(shared_url, w1, w2)
    cases = [_accept(w2, 120 + n) for n in range(3)]
    assert routing.collect(w2, router(w2), [cases[1]], on=DAY)
    sync(w2, shared_url)
    sync(w1, shared_url)
    seq = _seq_of(w2, cases[1])
    _delete_shared(shared_url, "W2", seq, seq)

    (first,) = sync(w3, shared_url).notices  # never looked: looks now
    assert "无法补回" in first
    assert sync(w3, shared_url).notices == (first,)  # within the day: not looked, still said
    assert sync(w1, shared_url).healed == 0  # W1 looked today, before the hole: not due
    with w1.db.write() as s:  # a day has passed for W1
        s.merge(Meta(key=gaps.LAST_CHECK, value="2020-01-01T00:00:00+00:00"))
    assert sync(w1, shared_url).healed == 1
    report = sync(w3, shared_url)  # the healed row comes with the pull; the look is not due
    assert _has_case(w3, cases[1]) and report.notices == (first,)
    with w3.reading() as s:
        (held,) = s.scalars(select(SyncRefusedEvent)).all()
    assert held.applied_at is not None  # the waiting step folded once its case came back
    with w3.db.write() as s:
        s.merge(Meta(key=gaps.LAST_CHECK, value="2020-01-01T00:00:00+00:00"))
    assert sync(w3, shared_url).notices == ()


def _shared_statements(url: str) -> tuple[list[str], object]:
    """The statements SQLAlchemy sends to the shared database `url`, and the listener."""
    from sqlalchemy import Engine, event

    seen: list[str] = []

    def note(conn, _cursor, statement, _params, _context, _many) -> None:  # type: ignore[no-untyped-def]
        at = conn.engine.url
        if at.get_backend_name() == "postgresql" or (at.database or "").endswith(
            "hall-shared.sqlite3"
        ):
            seen.append(" ".join(str(statement).split()))

    event.listen(Engine, "before_cursor_execute", note)
    return seen, note


def _synced_seeing(ws, url: str):  # type: ignore[no-untyped-def]
    from sqlalchemy import Engine, event

    seen, note = _shared_statements(url)
    try:
        report = sync(ws, url)
    finally:
        event.remove(Engine, "before_cursor_execute", note)
    counts = [n for n, s in enumerate(seen) if "GROUP BY hall_sync_events.origin" in s]
    lock = "pg_advisory_xact_lock" if url.startswith("postgresql") else "BEGIN IMMEDIATE"
    writes = [n for n, s in enumerate(seen) if lock in s]
    return report, counts, writes


def test_holes_are_looked_for_before_the_push_and_healed_in_the_same_sync(hall, shared_url):
    w1 = hall.ws("W1")
    cases = [_accept(w1, 60 + n) for n in range(3)]
    sync(w1, shared_url)
    gone = _seq_of(w1, cases[1])
    _delete_shared(shared_url, "W1", gone, gone)
    for n in range(3):
        _accept(w1, 70 + n)  # unsent: this sync pushes them too
    report, counts, writes = _synced_seeing(w1, shared_url)
    assert report.healed == 1 and report.pushed > 0
    assert report.notices == (
        f"共享数据库中缺少工作站 W1 的第 {gone} 号事件（共 1 条，记录被删除）：已由本机补回",
    )
    # Looked for before the first write (the push); after the put-back only what is left is
    # counted again.
    assert writes and counts[0] < writes[0]
    assert len([n for n in counts if n > writes[0]]) == 1
    # Without holes, the table is counted once, before the push: its rows not again.
    _accept(w1, 80)
    report, counts, writes = _synced_seeing(w1, shared_url)
    assert report.pushed > 0 and report.notices == ()
    assert len(counts) == 1 and writes and counts[0] < writes[0]
