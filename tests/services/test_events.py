"""The event log: gapless per-workstation sequence, clock order that survives a clock set back."""

from __future__ import annotations

import json
from datetime import datetime, timedelta

from sqlalchemy import select

from hall_desk.domain.clock import Timestamp, WallClock
from hall_desk.services import case_clock, intake
from hall_desk.services.home import Home
from hall_desk.services.workstation import Workstation
from hall_desk.store.models import Event
from tests.conftest import TODAY
from tests.services.helpers import draft_for, person, resident_id

FOOD = "011050007001"


def events(ws) -> list[Event]:  # type: ignore[no-untyped-def]
    with ws.reading() as s:
        return list(s.scalars(select(Event).order_by(Event.seq)))


def test_sequence_is_gapless_and_ids_follow_the_clock(ws, clerk):
    for i in range(3):
        applicant = person(number=resident_id(seq=f"{100 + i}"))
        intake.accept(ws, clerk, draft_for(ws, [FOOD], applicant), on=TODAY)
    rows = events(ws)
    assert [r.seq for r in rows] == list(range(1, len(rows) + 1))
    assert {r.origin for r in rows} == {"W01"}
    hlcs = [r.hlc for r in rows]
    assert hlcs == sorted(hlcs) and len(set(hlcs)) == len(hlcs)
    assert [r.id for r in rows] == sorted(r.id for r in rows), "UUIDv7 ids sort as the clock"


def test_payloads_carry_no_plaintext(ws, clerk):
    number = resident_id(seq="555")
    intake.accept(ws, clerk, draft_for(ws, [FOOD], person(number=number)), on=TODAY)
    for row in events(ws):
        assert number not in row.payload and "13904751234" not in row.payload
        json.loads(row.payload)  # valid JSON, readable by any workstation


def test_clock_set_back_keeps_each_record_in_order_and_is_told(ws, clerk):
    """Set back a whole day (beyond the clock margin), the clock follows the wall again, as
    it must after a clock that ran ahead is corrected (docs/architecture.md, "Clocks"); what
    must not reorder are the events of one record, which fold in timestamp order."""
    first = intake.accept(ws, clerk, draft_for(ws, [FOOD]), on=TODAY)
    last = Timestamp.decode(events(ws)[-1].hlc)
    path = ws.home.path
    ws.close()
    # The machine's clock is set back a whole day, then the program restarts.
    day_behind = WallClock(lambda: datetime.now().astimezone() - timedelta(days=1))
    reopened = Workstation(Home(path), day_behind)
    try:
        assert reopened.clock_notice.startswith("本机时钟比本机最新一条记录的时间早 1 天")
        other = intake.accept(reopened, clerk, draft_for(reopened, [FOOD]), on=TODAY)
        stamped = [e for e in events(reopened) if e.entity_id == other.case_id]
        assert abs(Timestamp.decode(stamped[0].hlc).ms - day_behind.ms()) < 60_000
        # A step on the first case sorts after that case's earlier events, whatever the wall.
        case_clock.pause_clock(reopened, clerk, first.case_no, "hearing", on=TODAY, note="听证")
        steps = [e for e in events(reopened) if e.entity_id == first.case_id]
        assert [e.kind for e in steps][-1] == "case.clock_paused"
        assert Timestamp.decode(steps[-1].hlc) > last
        assert [e.seq for e in events(reopened)] == list(range(1, len(events(reopened)) + 1))
    finally:
        reopened.close()
