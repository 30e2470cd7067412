"""A batch of folds with a handler that still folds through the ORM (a kind added without
`@batched`): it sees what the batch wrote before it, and the batch does not write stale values
over what it changed."""

from __future__ import annotations

import json
from datetime import date
from types import SimpleNamespace

from sqlalchemy import inspect as sa_inspect

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


def _columns(row: CaseRow) -> dict[str, object]:
    return {c.key: getattr(row, c.key) for c in sa_inspect(CaseRow).columns}


def test_a_held_row_takes_what_the_fold_wrote_as_a_reload_reads_it(ws, clerk):
    case = intake.accept(ws, clerk, draft_for(ws, [FOOD]), on=TODAY)
    with ws.transaction(clerk) as tx:
        held = tx.session.get(CaseRow, case.case_id)
        assert held is not None
        tx.emit(
            "case.updated",
            "case",
            case.case_id,
            # A date as payloads carry it (text), a flag, a number and a text.
            {"set": {"due_date": "2027-01-05", "due_estimated": True, "window": "综合窗口9"}},
        )
        # No reload: the values are in place, of their columns' types.
        assert "due_date" in held.__dict__ and held.due_date == date(2027, 1, 5)
        in_place = _columns(held)
        tx.session.expire(held)
        assert _columns(held) == in_place  # a reload reads exactly the same
    assert in_place["window"] == "综合窗口9" and in_place["due_estimated"] is True


def test_a_value_sqlite_would_change_is_reloaded_not_kept(ws, clerk):
    case = intake.accept(ws, clerk, draft_for(ws, [FOOD]), on=TODAY)
    with ws.transaction(clerk) as tx:
        held = tx.session.get(CaseRow, case.case_id)
        assert held is not None
        # A number into a text column: SQLite gives it back as text, so the row reloads.
        tx.emit("case.updated", "case", case.case_id, {"set": {"window": 9}})
        assert "window" not in held.__dict__
        assert held.window == "9"
