"""Events edited or deleted in the local database: `audit verify` names them, rebuild skips them."""

from __future__ import annotations

import json
import sqlite3

from sqlalchemy import select

from hall_desk.domain.roles import Role
from hall_desk.services import intake, users
from hall_desk.services.integrity import rebuild_projections, verify_audit, verify_events
from hall_desk.store.models import CaseRow, Event, User
from tests.conftest import STAFF_PASSWORD, TODAY
from tests.services.helpers import draft_for

FOOD = "011050007001"


def _sql(ws, sql: str, *params: object) -> None:  # type: ignore[no-untyped-def]
    con = sqlite3.connect(ws.home.db_path)
    with con:
        con.execute(sql, params)
    con.close()


def _event(ws, kind: str, entity_id: str) -> Event:  # type: ignore[no-untyped-def]
    with ws.reading() as s:
        return s.scalars(
            select(Event).where(Event.kind == kind, Event.entity_id == entity_id)
        ).one()


def test_an_honest_log_verifies(ws, admin, clerk):
    intake.accept(ws, clerk, draft_for(ws, [FOOD]), on=TODAY)
    check = verify_events(ws)
    assert check.ok and check.problem == ""
    with ws.reading() as s:
        assert check.events == len(s.scalars(select(Event.id)).all()) > 3


def test_an_edited_payload_is_reported_and_not_rebuilt(ws, admin, clerk):
    """A clerk made admin by editing the event that created the account."""
    created = _event(ws, "user.created", "clerk1")
    payload = json.loads(created.payload)
    payload["set"]["role"] = "admin"
    _sql(ws, "UPDATE events SET payload = ? WHERE id = ?", json.dumps(payload), created.id)

    check = verify_events(ws)
    assert not check.ok and check.forged == 1 and check.first_forged == created.id
    assert "校验码不符" in check.problem and created.id in check.problem
    assert verify_audit(ws).ok, "the audit chain itself was not touched"

    rebuilt = rebuild_projections(ws, admin)
    assert rebuilt.rejected == (created.id,)
    with ws.reading() as s:
        assert s.get(User, "clerk1") is None, "the forged account is not adopted"
        assert s.get(User, "admin").role == Role.ADMIN.value


def test_an_edited_actor_is_reported_and_not_rebuilt(ws, admin, clerk):
    case = intake.accept(ws, clerk, draft_for(ws, [FOOD]), on=TODAY)
    accepted = _event(ws, "case.accepted", case.case_id)
    _sql(ws, "UPDATE events SET actor = 'admin' WHERE id = ?", accepted.id)

    check = verify_events(ws)
    assert check.first_forged == accepted.id and not check.ok
    rebuilt = rebuild_projections(ws, admin)
    assert rebuilt.rejected == (accepted.id,)
    with ws.reading() as s:
        assert s.get(CaseRow, case.case_id) is None


def test_a_state_jump_written_into_the_log_is_not_folded(ws, admin, clerk):
    """A copied MAC does not fit another event: a forged 已出件 stays out of the tables."""
    case = intake.accept(ws, clerk, draft_for(ws, [FOOD]), on=TODAY)
    accepted = _event(ws, "case.accepted", case.case_id)
    with ws.reading() as s:
        last = max(s.scalars(select(Event.seq).where(Event.origin == ws.code)))
    _sql(
        ws,
        "INSERT INTO events (id, origin, seq, hlc, actor, kind, entity_type, entity_id, payload,"
        " mac) VALUES (?, ?, ?, ?, ?, 'case.delivered', 'case', ?, '{}', ?)",
        "01900000-0000-7000-8000-000000000001",
        ws.code,
        last + 1,
        accepted.hlc[:-4] + "9999",  # just after the acceptance
        clerk.username,
        case.case_id,
        accepted.mac,
    )
    assert not verify_events(ws).ok
    rebuild_projections(ws, admin)
    with ws.reading() as s:
        assert s.get(CaseRow, case.case_id).state == "accepted"


def test_a_deleted_own_event_is_a_gap_in_the_sequence(ws, admin, clerk):
    users.create_user(ws, admin, "router1", "李明", Role.ROUTER, STAFF_PASSWORD)
    created = _event(ws, "user.created", "clerk1")
    _sql(ws, "DELETE FROM events WHERE id = ?", created.id)

    check = verify_events(ws)
    assert check.forged == 0 and check.first_missing_seq == created.seq
    assert f"缺少第 {created.seq} 号" in check.problem
