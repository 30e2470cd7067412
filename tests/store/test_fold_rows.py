"""A batch of folds with a handler that still folds through the ORM (a kind added without
`@batched`): it sees what the batch wrote before it, and the batch does not write stale values
over what it changed."""

from __future__ import annotations

import json
from datetime import date
from types import SimpleNamespace

import pytest
from sqlalchemy import inspect as sa_inspect
from sqlalchemy import select
from sqlalchemy.exc import IntegrityError

from hall_desk.services import intake
from hall_desk.store import event_kinds, eventlog, fold_rows, projections
from hall_desk.store.event_kinds import CASE, EventKind, Record
from hall_desk.store.models import CaseRow, HallSettingRow
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


def test_a_row_wrongly_taken_to_be_new_fails_the_fold_instead_of_folding_beside_it(ws, clerk):
    """`known_new` is a hint (a pull takes an entity with no event in the log to have no rows):
    a row there all the same is never folded over unseen. Added under a taken key, its insert
    is refused; not added, the flush finds it."""
    case = intake.accept(ws, clerk, draft_for(ws, [FOOD]), on=TODAY)
    with ws.reading() as s:
        name = s.get(HallSettingRow, "name").value  # type: ignore[union-attr]  # made at init
    with ws.db.write() as s:
        rows = fold_rows.FoldRows(s)
        rows.known_new(CaseRow, "id", [case.case_id])
        assert rows.get(CaseRow, case.case_id) is None  # not looked for
        with pytest.raises(fold_rows.NotNew):
            rows.flush()
    with ws.db.write() as s:
        rows = fold_rows.FoldRows(s)
        rows.known_new(HallSettingRow, "key", ["name"])
        assert rows.get(HallSettingRow, "name") is None
        rows.add(HallSettingRow, {"key": "name", "value": "另一个", "hlc": "2"})
        with pytest.raises(IntegrityError, match="UNIQUE"):
            rows.flush()
    # Keys that are new indeed: not looked for, and the flush lets them through.
    with ws.db.write() as s:
        rows = fold_rows.FoldRows(s)
        rows.known_new(HallSettingRow, "key", ["hall_address", "never_added"])
        assert rows.get(HallSettingRow, "hall_address") is None
        rows.add(HallSettingRow, {"key": "hall_address", "value": "路1号", "hlc": "3"})
        rows.flush()
    with ws.reading() as s:
        assert [(r.key, r.value) for r in s.scalars(select(HallSettingRow).order_by("key"))] == [
            ("hall_address", "路1号"),
            ("name", name),
        ]
