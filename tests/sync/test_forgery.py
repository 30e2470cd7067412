"""Rows written straight into the shared database without the hall key: refused by every puller."""

from __future__ import annotations

import json

import pytest
from argon2 import PasswordHasher
from sqlalchemy import func, select

from hall_desk.domain.clock import uuid7
from hall_desk.services import intake, users
from hall_desk.services.users import LoginRefused
from hall_desk.services.workstation import Workstation
from hall_desk.store import deferred_indexes
from hall_desk.store.models import CaseRow, Event, User
from hall_desk.store.models_sync import SyncRefusedEvent
from hall_desk.sync import sync_status
from hall_desk.sync.shared import (
    SCHEMA_VERSION,
    SharedDatabase,
    parse_location,
    shared_events,
    shared_meta,
)
from hall_desk.sync.validate import CORRUPT, FORGED, UNSEALED
from tests.conftest import ADMIN_PASSWORD
from tests.sync.helpers import (
    DAY,
    FOOD,
    applicant,
    bulk_cases,
    clerk,
    draft,
    first_syncs,
    insert_shared_rows,
    projections,
    shared_rows,
    signed,
    sync,
)

FORGED_PASSWORD = "intruder-2026-pass"


def _row(  # type: ignore[no-untyped-def]
    after: Workstation, origin: str, seq: int, kind: str, entity: tuple[str, str], payload, mac: str
) -> dict[str, object]:
    ts = after.clock.now()
    return {
        "id": str(uuid7(ts)),
        "origin": origin,
        "seq": seq,
        "hlc": ts.encode(),
        "actor": "admin",
        "kind": kind,
        "entity_type": entity[0],
        "entity_id": entity[1],
        "payload": json.dumps(payload, ensure_ascii=False, sort_keys=True, separators=(",", ":")),
        "mac": mac,
    }


def _edit_payload(url: str, event_id: str, edit) -> None:  # type: ignore[no-untyped-def]
    shared = SharedDatabase(parse_location(url))
    t = shared_events.c
    try:
        with shared.writing() as conn:
            payload = json.loads(conn.scalar(select(t.payload).where(t.id == event_id)))
            edit(payload)
            conn.execute(
                shared_events.update()
                .where(t.id == event_id)
                .values(payload=json.dumps(payload, ensure_ascii=False))
            )
    finally:
        shared.close()


def test_forged_shared_rows_are_refused_by_every_puller(hall, shared_url):
    w1, w2, w3 = hall.ws("W1"), hall.ws("W2"), hall.ws("W3")
    edited = intake.accept(w1, clerk(w1), draft(w1, [FOOD], applicant(61)), on=DAY)
    jumped = intake.accept(w1, clerk(w1), draft(w1, [FOOD], applicant(62)), on=DAY)
    sync(w1, shared_url)
    sync(w2, shared_url)  # W2 already holds W1's cases; W3 pulls everything after the forgery
    with w1.reading() as s:
        accepted = s.scalars(
            select(Event).where(Event.entity_id == edited.case_id, Event.kind == "case.accepted")
        ).one()
        genuine_mac = accepted.mac

    forged_hash = PasswordHasher().hash(FORGED_PASSWORD)
    admin_set = {
        "display_name": "系统管理员",
        "role": "admin",
        "password_hash": forged_hash,
        "window": "",
        "active": True,
    }
    forged = [
        # An admin account from a workstation that never joined the hall, with no MAC at all.
        _row(w1, "W7", 1, "user.created", ("user", "intruder"), {"set": admin_set}, ""),
        # The real admin's password replaced, under a real workstation's name and a guessed MAC.
        _row(
            w1,
            "W1",
            900,
            "user.updated",
            ("user", "admin"),
            {"set": {"password_hash": forged_hash}},
            "0" * 64,
        ),
        # A state jump to 已出件, carrying a MAC copied from a genuine event.
        _row(w1, "W8", 1, "case.delivered", ("case", jumped.case_id), {"set": {}}, genuine_mac),
    ]
    insert_shared_rows(shared_url, forged)
    # And a genuine row edited in place: the case's applicant name and deadline changed.
    _edit_payload(
        shared_url,
        accepted.id,
        lambda p: p["set"].update({"applicant_name": "冒名顶替", "limit_days": 1}),
    )
    genuine = intake.accept(w1, clerk(w1), draft(w1, [FOOD], applicant(63)), on=DAY)
    sync(w1, shared_url)  # the rest of the hall's work still flows past the forgeries

    for ws in (w2, w3):
        report = sync(ws, shared_url)
        refused_here = 4 if ws is w3 else 3  # W2 pulled the edited row before it was edited
        assert report.refused == refused_here, ws.code
        with ws.reading() as s:
            refused = {r.event_id: r for r in s.scalars(select(SyncRefusedEvent))}
            expected = {str(r["id"]) for r in forged} | ({accepted.id} if ws is w3 else set())
            assert set(refused) == expected
            # The row with no MAC at all is held as unsealed: only a workstation that holds the
            # identical event could seal it, and none does. The others carry a wrong MAC.
            unsealed = str(forged[0]["id"])
            assert refused[unsealed].reason_code == UNSEALED
            assert all(
                r.reason_code == CORRUPT and r.reason == FORGED
                for r in refused.values()
                if r.event_id != unsealed
            )
            assert s.get(User, "intruder") is None
            assert s.get(User, "admin").password_hash != forged_hash
            assert s.get(CaseRow, jumped.case_id).state == "accepted"
            assert s.get(CaseRow, genuine.case_id) is not None, "the genuine work landed"
            for ev_id in expected:
                assert s.get(Event, ev_id) is None, "a refused event is not in the log"
            case = s.get(CaseRow, edited.case_id)
            if ws is w3:
                assert case is None, "the edited event is not adopted"
            else:
                assert case.applicant_name != "冒名顶替"
        status = sync_status(ws)
        assert status.refused_events == refused_here and status.level == "warning"
        assert users.login(ws, "admin", ADMIN_PASSWORD).username == "admin"
        with pytest.raises(LoginRefused):
            users.login(ws, "intruder", FORGED_PASSWORD)
        with pytest.raises(LoginRefused):
            users.login(ws, "admin", FORGED_PASSWORD)

    # Nothing forged reaches anyone on a second sync either, and the forgeries stay reported.
    assert sync(w2, shared_url).refused == 0
    assert len(shared_rows(shared_url)) > len(forged)


def test_a_forged_row_is_refused_by_a_new_workstations_first_pull(hall, shared_url):
    """The first pull of a whole hall loads with its secondary indexes set aside (a load): the
    same checks hold there, and a row edited in the shared database is refused."""
    w1 = hall.ws("W1")
    bulk_cases(w1, 60, start=700)
    sync(w1, shared_url)
    with w1.reading() as s:
        target = s.scalars(select(Event).where(Event.kind == "case.accepted").limit(1)).one()
    _edit_payload(shared_url, target.id, lambda p: p["set"].update(title="伪造的事项"))
    w2 = hall.ws("W2")
    set_aside: list[int] = []
    real = deferred_indexes.set_aside

    def noting(session, kept):  # type: ignore[no-untyped-def]
        set_aside.append(real(session, kept))
        return set_aside[-1]

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(deferred_indexes, "set_aside", noting)
        report = sync(w2, shared_url, pull_batch=20)
    assert set_aside and set_aside[0] > 0, "the pull was a load"
    assert report.refused == 1
    with w2.reading() as s:
        refused = s.get(SyncRefusedEvent, target.id)
        assert refused is not None and (refused.reason_code, refused.reason) == (CORRUPT, FORGED)
        assert s.get(CaseRow, target.entity_id) is None
        assert s.scalar(select(func.count()).select_from(CaseRow)) == 59
    with w2.reading() as s:
        assert (
            not s.connection()
            .exec_driver_sql("SELECT 1 FROM meta WHERE key = ?", (deferred_indexes.MARKER,))
            .all()
        )


def test_an_event_signed_with_another_halls_key_is_refused(hall, shared_url):
    """The MAC is under this hall's key: another hall's workstation cannot write here either."""
    w1, w2, other = hall.ws("W1"), hall.ws("W2"), hall.ws("X1")
    sync(w1, shared_url)
    account = {
        "display_name": "x",
        "role": "admin",
        "password_hash": "x",
        "window": "",
        "active": True,
    }
    row = _row(w1, "W5", 1, "user.created", ("user", "intruder"), {"set": account}, "")
    insert_shared_rows(shared_url, [signed(row, other.key)])
    assert sync(w2, shared_url).refused == 1
    with w2.reading() as s:
        assert s.get(User, "intruder") is None
        assert s.get(SyncRefusedEvent, row["id"]).reason == FORGED


def _as_schema_1(url: str) -> None:
    """The shared database as the program before event MACs left it: no MAC on any row."""
    shared = SharedDatabase(parse_location(url))
    try:
        with shared.writing() as conn:
            conn.execute(shared_events.update().values(mac=""))
            conn.execute(
                shared_meta.update().where(shared_meta.c.key == "schema_version").values(value="1")
            )
    finally:
        shared.close()


def test_upgrading_the_shared_schema_seals_what_the_upgrader_holds(hall, shared_url):
    """Rows from before MACs: the first workstation on the new version vouches for the ones it
    holds field for field; a row it does not hold (written behind the hall's back) stays out."""
    w1, w2, w3 = hall.ws("W1"), hall.ws("W2"), hall.ws("W3")
    intake.accept(w1, clerk(w1), draft(w1, [FOOD], applicant(71)), on=DAY)
    first_syncs(shared_url, w1, w2, w3)
    intake.accept(w2, clerk(w2), draft(w2, [FOOD], applicant(72)), on=DAY)
    sync(w2, shared_url)
    sync(w1, shared_url)  # W1 now holds everything W2 wrote
    _as_schema_1(shared_url)
    account = {
        "display_name": "x",
        "role": "admin",
        "password_hash": "x",
        "window": "",
        "active": True,
    }
    intruder = _row(w1, "W7", 1, "user.created", ("user", "intruder"), {"set": account}, "")
    insert_shared_rows(shared_url, [intruder])

    sync(w1, shared_url)  # the upgrade
    report = sync(w3, shared_url)  # a new workstation pulls the whole history

    assert report.refused == 1
    with w3.reading() as s:
        assert s.get(User, "intruder") is None
        assert set(s.scalars(select(SyncRefusedEvent.event_id))) == {intruder["id"]}
    assert projections(w3)["cases"] == projections(w1)["cases"]
    shared = SharedDatabase(parse_location(shared_url))
    try:
        with shared.reading() as conn:
            meta = dict(conn.execute(select(shared_meta.c.key, shared_meta.c.value)).all())
            unsealed = conn.scalars(select(shared_events.c.id).where(shared_events.c.mac == ""))
            assert set(unsealed) == {intruder["id"]}
    finally:
        shared.close()
    assert meta["schema_version"] == str(SCHEMA_VERSION)
