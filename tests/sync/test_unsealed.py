"""Rows from before event MACs that the upgrading workstation did not hold: held, then applied.

The hall upgrades: W1 is first on the release with MACs and seals the shared rows it holds;
W2's newest case, pushed by the old release after W1's last pull, stays without a MAC. W1
holds it back (not refused for good), W2's own sync on the new release seals it, and W1's
next sync applies it. A row given a wrong MAC instead is a forgery and stays refused.
"""

from __future__ import annotations

from sqlalchemy import delete, select

from hall_desk.services import case_clock, intake
from hall_desk.store.models import CaseRow, User
from hall_desk.store.models_sync import SyncRefusedEvent
from hall_desk.sync import sync_status
from hall_desk.sync.shared import SharedDatabase, parse_location, shared_events, shared_meta
from hall_desk.sync.validate import CORRUPT, FORGED, UNSEALED
from tests.sync.helpers import (
    DAY,
    FOOD,
    applicant,
    clerk,
    draft,
    insert_shared_rows,
    local_events,
    projections,
    shared_rows,
    sync,
)
from tests.sync.test_forgery import _as_schema_1, _row

ACCOUNT = {
    "display_name": "x",
    "role": "admin",
    "password_hash": "x",
    "window": "",
    "active": True,
}


def _as_the_old_release_left_it(url: str) -> None:
    """No MAC on any row, schema 1, and no workstation has checked its own rows yet."""
    _as_schema_1(url)
    shared = SharedDatabase(parse_location(url))
    try:
        with shared.writing() as conn:
            conn.execute(delete(shared_meta).where(shared_meta.c.key.like("sealed_through.%")))
    finally:
        shared.close()


def _set_mac(url: str, event_id: str, mac: str) -> None:
    shared = SharedDatabase(parse_location(url))
    try:
        with shared.writing() as conn:
            conn.execute(
                shared_events.update().where(shared_events.c.id == event_id).values(mac=mac)
            )
    finally:
        shared.close()


def _shared_mac(url: str, event_id: str) -> str:
    return {r[1]: r[-1] for r in shared_rows(url)}[event_id]


def _held(ws) -> dict[str, SyncRefusedEvent]:  # type: ignore[no-untyped-def]
    with ws.reading() as s:
        return {r.event_id: r for r in s.scalars(select(SyncRefusedEvent))}


def test_a_row_its_origin_seals_later_is_held_then_applied(hall, shared_url):
    w1, w2 = hall.ws("W1"), hall.ws("W2")
    intake.accept(w1, clerk(w1), draft(w1, [FOOD], applicant(81)), on=DAY)
    sync(w1, shared_url)
    sync(w2, shared_url)
    late = intake.accept(w2, clerk(w2), draft(w2, [FOOD], applicant(82)), on=DAY)
    sync(w2, shared_url)  # pushed by the old release: W1 has not pulled it when it upgrades
    _as_the_old_release_left_it(shared_url)
    intruder = _row(w1, "W7", 1, "user.created", ("user", "intruder"), {"set": ACCOUNT}, "")
    insert_shared_rows(shared_url, [intruder])
    # What W2 wrote since W1's last pull: the case and its new applicant.
    late_ids = {e[0] for e in local_events(w2) - local_events(w1)}
    assert len(late_ids) > 1

    report = sync(w1, shared_url)  # the upgrade: W1 seals what it holds, pulls the rest

    held = _held(w1)
    assert set(held) == late_ids | {intruder["id"]}
    assert report.refused == len(held)
    assert all(r.reason_code == UNSEALED and r.applied_at is None for r in held.values())
    assert "W2" in held[next(iter(late_ids))].reason and not held[next(iter(late_ids))].payload
    with w1.reading() as s:
        assert s.get(CaseRow, late.case_id) is None
    assert sync_status(w1).refused_events == len(held)
    # Still unsealed: a later sync of W1 alone changes nothing and reports nothing new.
    assert sync(w1, shared_url).refused == 0
    assert all(r.applied_at is None for r in _held(w1).values())

    # The release before this one refused such a row as forged, keeping nothing of it: one of
    # them is left so in W1's quarantine, as a workstation that pulled it back then has it.
    refused_before = next(iter(late_ids))
    with w1.db.write() as s:
        line = s.get(SyncRefusedEvent, refused_before)
        line.reason_code, line.reason, line.payload, line.mac = CORRUPT, FORGED, "", ""

    sync(w2, shared_url)  # W2 on the new release: it seals its own rows in the shared database
    w2_macs = {e[0]: e[-1] for e in local_events(w2) if e[0] in late_ids}
    assert {i: _shared_mac(shared_url, i) for i in late_ids} == w2_macs
    assert _shared_mac(shared_url, intruder["id"]) == "", "nobody holds the intruder's row"
    # W2 goes on with the case: its next step reaches W1 in the same pull as the sealed rows.
    case_clock.pause_clock(w2, clerk(w2), late.case_no, "hearing", on=DAY, note="举行听证")
    sync(w2, shared_url)

    report = sync(w1, shared_url)

    assert report.pulled > len(late_ids) and report.refused == 0
    held = _held(w1)
    assert all(held[i].applied_at is not None for i in late_ids)
    assert held[intruder["id"]].applied_at is None
    assert sync_status(w1).refused_events == 1
    with w1.reading() as s:
        assert s.get(CaseRow, late.case_id) is not None
        assert s.get(User, "intruder") is None
    sync(w2, shared_url)
    assert projections(w1) == projections(w2)
    assert local_events(w1) == local_events(w2)


def test_an_unsealed_row_given_a_wrong_mac_stays_refused(hall, shared_url):
    w1, w2 = hall.ws("W1"), hall.ws("W2")
    sync(w2, shared_url)
    sync(w1, shared_url)
    # Under W2's name, after W2's last event: nothing in the shared database looks amiss.
    next_seq = max(e[2] for e in local_events(w2) if e[1] == "W2") + 1
    intruder = _row(w1, "W2", next_seq, "user.created", ("user", "intruder"), {"set": ACCOUNT}, "")
    insert_shared_rows(shared_url, [intruder])
    sync(w1, shared_url)
    assert _held(w1)[intruder["id"]].reason_code == UNSEALED

    # Someone with the database's password "seals" it: with a guessed MAC, or W2's own seal
    # pass, which cannot vouch for an event W2 never wrote.
    sync(w2, shared_url)
    assert _shared_mac(shared_url, intruder["id"]) == ""
    _set_mac(shared_url, intruder["id"], "0" * 64)
    report = sync(w1, shared_url)

    assert report.refused == 1 and not report.notices
    row = _held(w1)[intruder["id"]]
    assert (row.reason_code, row.reason, row.applied_at) == (CORRUPT, FORGED, None)
    for _ in range(2):
        assert sync(w1, shared_url).refused == 0
        with w1.reading() as s:
            assert s.get(User, "intruder") is None
        assert _held(w1)[intruder["id"]].reason_code == CORRUPT
    assert sync_status(w1).refused_events == 1
