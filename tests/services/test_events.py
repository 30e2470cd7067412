"""The event log: gapless per-workstation sequence, clock order that survives a clock set back."""

from __future__ import annotations

import json
from datetime import datetime, timedelta

from sqlalchemy import select

from hall_desk.domain.clock import Timestamp, WallClock
from hall_desk.services import intake
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


def test_clock_set_back_does_not_reorder_events(ws, clerk):
    intake.accept(ws, clerk, draft_for(ws, [FOOD]), on=TODAY)
    last = Timestamp.decode(events(ws)[-1].hlc)
    path = ws.home.path
    ws.close()
    # The machine's clock is set back a whole day, then the program restarts.
    day_behind = WallClock(lambda: datetime.now().astimezone() - timedelta(days=1))
    reopened = Workstation(Home(path), day_behind)
    try:
        intake.accept(reopened, clerk, draft_for(reopened, [FOOD]), on=TODAY)
        newest = events(reopened)[-1]
        assert Timestamp.decode(newest.hlc) > last
        assert newest.seq == events(reopened)[-2].seq + 1
    finally:
        reopened.close()
