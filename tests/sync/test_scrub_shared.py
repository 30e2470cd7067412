"""Shared rows still in the old shape: scrubbed by a workstation with the key, never laundered.

The rows are written as a workstation of the old release wrote them (applicant.recorded version
1: the birth date and the wide mask 150521********1234; tests/sync/test_scrub_old_records.py
runs that release itself), signed with the hall key as the release with MACs sealed them.
"""

from __future__ import annotations

import json
import uuid
from types import SimpleNamespace

import pytest
from sqlalchemy import select

from hall_desk.domain.clock import uuid7
from hall_desk.services.integrity import verify_audit, verify_events
from hall_desk.services.workstation import Workstation
from hall_desk.store.eventlog import dumps, mac_ok
from hall_desk.store.models import AuditEntry, Event
from hall_desk.store.models_sync import SyncRefusedEvent
from hall_desk.sync import run as sync_run
from hall_desk.sync.shared import EVENT_COLUMNS
from hall_desk.sync.validate import FORGED
from tests.sync.helpers import insert_shared_rows, resident, shared_rows, signed, sync

BIRTH = "1979-04-05"


def _old_applicant(ws: Workstation, n: int, seq: int, origin: str = "W3") -> dict[str, object]:
    """An applicant.recorded event as the release before the birth year wrote it."""
    number = resident(n)
    key = ws.key
    ts = ws.clock.now()
    body = {
        "set": {
            "address_cipher": "",
            "birth_date": f"{number[6:10]}-{number[10:12]}-{number[12:14]}",
            "contact_name": "",
            "id_cipher": key.encrypt("id_number", number),
            "id_index": key.blind_index("id_number", number),
            "id_masked": f"{number[:6]}********{number[-4:]}",
            "id_type": "resident_id",
            "kind": "person",
            "legal_representative": "",
            "name": f"旧申请人{n}",
            "phone_cipher": "",
            "phone_index": "",
            "phone_masked": "",
            "sex": "男" if int(number[16]) % 2 else "女",
        }
    }
    return {
        "id": str(uuid7(ts)),
        "origin": origin,
        "seq": seq,
        "hlc": ts.encode(),
        "actor": "clerk-w3",
        "kind": "applicant.recorded",
        "entity_type": "applicant",
        "entity_id": str(uuid.uuid4()),
        "payload": dumps(body),
        "mac": "",
    }


def _shared_by_id(url: str) -> dict[str, tuple[object, ...]]:
    # (position, id, origin, seq, hlc, actor, kind, entity_type, entity_id, payload, mac)
    return {r[1]: r for r in shared_rows(url)}


def _holds_old_data(payload: str) -> bool:
    values = json.loads(payload)["set"]
    return "birth_date" in values or "********" in values["id_masked"].replace("**********", "")


def test_old_shared_rows_are_scrubbed_once_and_a_forgery_is_never_sealed(
    hall, shared_url: str
) -> None:
    w1, w2 = hall.ws("W1"), hall.ws("W2")
    sync(w1, shared_url)
    sealed = signed(_old_applicant(w1, 1, 1), w1.key)
    unsealed = _old_applicant(w1, 2, 2)  # from before MACs, vouched for by no one
    forged = {**_old_applicant(w1, 3, 3), "mac": "0" * 64}
    insert_shared_rows(shared_url, [sealed, unsealed, forged])

    sync(w2, shared_url)
    rows = _shared_by_id(shared_url)
    clean = rows[sealed["id"]]
    assert not _holds_old_data(clean[9]) and json.loads(clean[9])["v"] == 2
    assert json.loads(clean[9])["set"]["birth_year"] == 1961
    assert mac_ok(
        w2.key.event_key, SimpleNamespace(**dict(zip(EVENT_COLUMNS, clean[1:], strict=True)))
    )
    assert not _holds_old_data(rows[unsealed["id"]][9]) and rows[unsealed["id"]][10] == ""
    # The forgery keeps its bytes (the evidence) and its failing MAC; every puller refuses it.
    assert rows[forged["id"]][9] == forged["payload"] and rows[forged["id"]][10] == "0" * 64
    with w2.reading() as s:
        held = s.get(Event, sealed["id"])
        assert held is not None and held.payload == clean[9] and held.mac == clean[10]
        assert s.get(Event, forged["id"]) is None
        assert s.get(SyncRefusedEvent, forged["id"]).reason == FORGED
        step = s.scalars(
            select(AuditEntry).where(AuditEntry.action == "sync.shared_scrubbed")
        ).one()
    assert json.loads(step.detail) == {
        "events": 2,
        "forged_left": 1,
        "quarantined": 0,
        "audit_entries": 0,
    }
    assert verify_audit(w2).ok and verify_events(w2).ok

    # Once per row: the next syncs find nothing to do and change no shared row.
    before = shared_rows(shared_url)
    sync(w1, shared_url)
    sync(w2, shared_url)
    assert shared_rows(shared_url) == before
    with w1.reading() as s:
        assert s.get(Event, sealed["id"]).payload == clean[9]


def test_an_old_row_pulled_before_any_shared_scrub_is_scrubbed_locally_the_same_way(
    hall, shared_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    w1, w2 = hall.ws("W1"), hall.ws("W2")
    sync(w1, shared_url)
    old = signed(_old_applicant(w1, 4, 1), w1.key)
    insert_shared_rows(shared_url, [old])
    # A workstation not yet upgraded pushed it after the last shared scrub: W1 pulls it as is.
    with monkeypatch.context() as patched:
        patched.setattr(sync_run, "scrub_shared", lambda ws, shared: None)
        sync(w1, shared_url)
        assert _holds_old_data(_shared_by_id(shared_url)[old["id"]][9])
    with w1.reading() as s:
        mine = s.get(Event, old["id"])
        assert mine is not None and not _holds_old_data(mine.payload)
        assert mac_ok(w1.key.event_key, mine)
    assert verify_events(w1).ok and verify_audit(w1).ok
    # The next upgraded sync scrubs the shared row to the very bytes W1 holds.
    sync(w2, shared_url)
    row = _shared_by_id(shared_url)[old["id"]]
    assert (row[9], row[10]) == (mine.payload, mine.mac)
    with w2.reading() as s:
        assert s.get(Event, old["id"]).payload == mine.payload
