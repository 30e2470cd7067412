"""A batch of folds with a handler that still folds through the ORM (a kind added without
`@batched`): it sees what the batch wrote before it, and the batch does not write stale values
over what it changed."""

from __future__ import annotations

import json
from types import SimpleNamespace

from hall_desk.services import intake
from hall_desk.store import event_kinds, eventlog, projections
from hall_desk.store.event_kinds import CASE, EventKind, Record
from hall_desk.store.models import CaseRow
from tests.conftest import TODAY
from tests.services.helpers import draft_for

FOOD = "011050007001"


def _orm_touch(session, ev, p):  # type: ignore[no-untyped-def]
    row = session.get(CaseRow, ev.entity_id)
    assert row is not None, "the batch wrote the case before this handler ran"
    row.station = "ORM 改过的位置"


def _event(kind: str, case_id: str, hlc: str, payload: dict) -> SimpleNamespace:  # type: ignore[type-arg]
    return SimpleNamespace(
        id=f"test-{kind}",
        kind=kind,
        entity_type="case",
        entity_id=case_id,
        hlc=hlc,
        actor="clerk1",
        payload=json.dumps(payload),
    )


def test_an_orm_handler_between_batched_ones_sees_and_keeps_its_rows(ws, clerk, monkeypatch):
    case = intake.accept(ws, clerk, draft_for(ws, [FOOD]), on=TODAY)
    kind = EventKind("test.orm_touch", CASE, _orm_touch, Record({}))
    monkeypatch.setitem(event_kinds.KINDS, kind.name, kind)  # type: ignore[index]
    with ws.transaction(clerk) as tx:
        logged = list(eventlog.entity_events(tx.session, "case", case.case_id))
        last = logged[-1].hlc
        CASE.clear(tx.session, case.case_id)
        tx.session.flush()
        projections.apply_many(
            tx.session,
            [
                *logged,
                _event("test.orm_touch", case.case_id, last + "1", {}),
                _event("case.updated", case.case_id, last + "2", {"set": {"window": "综合窗口9"}}),
            ],
        )
    with ws.reading() as s:
        row = s.get(CaseRow, case.case_id)
        assert row is not None
        assert row.station == "ORM 改过的位置" and row.window == "综合窗口9"
        assert row.case_no == case.case_no and row.state == case.state.value
