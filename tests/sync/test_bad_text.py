"""A pulled event whose typed text could not have passed the text check is refused and
reported while the rest lands: a conflict note of 10 MB or with a right-to-left override never
reaches the other workstations' screens."""

from __future__ import annotations

import uuid

from sqlalchemy import select

from hall_desk.store.event_kinds import RESOLVE_KIND
from hall_desk.store.models import CaseRow, Event
from hall_desk.store.models_sync import SyncRefusedEvent
from hall_desk.sync.validate import CORRUPT
from tests.sync.helpers import insert_shared_rows, sync
from tests.sync.test_event_kinds import (
    _others,
    _raw,
    _two_cases_on_the_shared_database,
)


def test_bad_text_in_pulled_events_is_refused_while_the_rest_lands(hall, shared_url):
    w1, w2, first, _second = _two_cases_on_the_shared_database(hall, shared_url)
    conflict = str(uuid.uuid4())
    bad = [
        _raw(
            w1,
            1,
            RESOLVE_KIND,
            "sync_conflict",
            conflict,
            {"case_id": first.case_id, "note": "长" * (10 * 1024 * 1024)},
        ),
        _raw(
            w1,
            2,
            RESOLVE_KIND,
            "sync_conflict",
            conflict,
            {"case_id": first.case_id, "note": "已核实\u202e准为次一第以"},
        ),
        _raw(
            w1,
            3,
            "case.updated",
            "case",
            first.case_id,
            {"set": {"commitment": "下周\x1b[31m补齐"}},
        ),
        _raw(
            w1,
            4,
            "calendar.override_set",
            "calendar_day",
            "2026-12-30",
            {"kind": "holiday", "note": "闭馆\x00"},
        ),
    ]
    good = _raw(w1, 5, "case.updated", "case", first.case_id, {"set": {"commitment": "下周补齐"}})
    insert_shared_rows(shared_url, [*bad, good])
    report = sync(w2, shared_url)
    assert report.refused == len(bad)
    assert report.pulled == _others(shared_url, "W2") - len(bad)
    with w2.reading() as s:
        refused = {r.event_id: r for r in s.scalars(select(SyncRefusedEvent))}
        assert set(refused) == {str(r["id"]) for r in bad}
        assert all(r.reason_code == CORRUPT for r in refused.values())
        reasons = [refused[str(r["id"])].reason for r in bad]
        assert "过长" in reasons[0] and "U+202E" in reasons[1]
        assert "U+001B" in reasons[2] and "U+0000" in reasons[3]
        assert all(len(r) < 300 for r in reasons)
        case = s.get(CaseRow, first.case_id)
        assert case is not None and case.commitment == "下周补齐"
        assert s.scalars(select(Event).where(Event.id.in_([str(r["id"]) for r in bad]))).all() == []
