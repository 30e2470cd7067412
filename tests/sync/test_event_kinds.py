"""The event registry in sync: every kind the program writes is registered and passes its own
check; a newer program's event is folded, not refused; our bugs stop the pull, bad data does not.
"""

from __future__ import annotations

import json
import uuid
from dataclasses import replace
from datetime import timedelta
from typing import Any

import pytest
from sqlalchemy import select

from hall_desk.domain.roles import SYSTEM_ACTOR, Actor, Role
from hall_desk.services import calendar as calendar_service
from hall_desk.services import case_clock, catalog, delivery, intake, monthly, users
from hall_desk.services.demo import generate
from hall_desk.store import event_kinds
from hall_desk.store.models import CaseRow, Event
from hall_desk.store.models_sync import SyncPeer, SyncRefusedEvent
from hall_desk.sync import list_conflicts, resolve_conflict, sync_status
from hall_desk.sync.command import run_sync_command
from hall_desk.sync.errors import ProjectionFailed
from hall_desk.sync.validate import CORRUPT
from tests.sync.helpers import (
    DAY,
    EMPLOYMENT,
    FOOD,
    LEAD,
    applicant,
    clerk,
    converge,
    draft,
    insert_shared_rows,
    local_events,
    projections,
    resident,
    shared_rows,
    sync,
)
from tests.sync.helpers import (
    raw_event as _raw,
)

ADMIN = Actor("admin", "管理员", Role.ADMIN)


def _others(url: str, code: str) -> int:
    """How many shared events came from workstations other than `code`."""
    return sum(1 for row in shared_rows(url) if row[2] != code)


def _every_kind_of_step(w1, w2, shared_url) -> None:  # type: ignore[no-untyped-def]
    """Demo data (intake, consultations, routing, delivery) plus the steps it does not take."""
    generate(w1, days=4, per_day=12, seed=3, end=DAY)
    calendar_service.set_override(w1, ADMIN, DAY + timedelta(days=20), "holiday", "设备检修")
    calendar_service.set_override(w1, ADMIN, DAY + timedelta(days=21), "workday", "调休")
    calendar_service.remove_override(w1, ADMIN, DAY + timedelta(days=21))
    calendar_service.set_year_covered(w1, ADMIN, 2027, True, "全年安排已录入")
    calendar_service.set_year_covered(w1, ADMIN, 2027, False)
    catalog.import_catalog(w1, ADMIN, catalog.bundled_catalog())
    users.change_password(w1, ADMIN, "clerk1", "另一个密码-2026")
    paused = intake.accept(w1, clerk(w1), draft(w1, [FOOD], applicant(70)), on=DAY)
    case_clock.pause_clock(w1, LEAD, paused.case_no, "inspection", on=DAY, note="送检")
    case_clock.resume_clock(w1, LEAD, paused.case_no, on=DAY + timedelta(days=3))
    # A conflict: both windows hand out one result before either has synced; the lead settles it.
    twice = intake.complete_at_window(w1, clerk(w1), draft(w1, [EMPLOYMENT], applicant(72)), on=DAY)
    converge([w1, w2], shared_url)
    for ws in (w1, w2):
        delivery.pickup_by_applicant(ws, clerk(ws), twice.case_id, resident(72), on=DAY)
    converge([w1, w2], shared_url)
    [conflict] = list_conflicts(w2, LEAD)
    resolve_conflict(w2, LEAD, conflict.event_id, "已核实：第二次为重复登记")
    _queue_steps(w1, shared_url)
    converge([w1, w2], shared_url)
    # The month's operations report: the lead's sections, then its publication.
    month = monthly.month_of(DAY)
    monthly.save_sections(w2, LEAD, month, "等候时间偏长", "增设窗口")
    converge([w1, w2], shared_url)
    w1.config.extra[monthly.PUBLISH_DAY_KEY] = 1  # the month is over: publish without waiting
    monthly.publish(w1, LEAD, month)
    converge([w1, w2], shared_url)


def _queue_steps(ws, shared_url) -> None:  # type: ignore[no-untyped-def]
    """The queue's kinds: issue, call, recall, start, park, resume, transfer, finish, pause."""
    from datetime import time

    from hall_desk.domain.queue import DEFAULT_SETTINGS
    from hall_desk.services import queue
    from tests.sync.queue_helpers import open_shared

    all_day = tuple(
        replace(q, opens=time(0, 0), closes=time(23, 59)) for q in DEFAULT_SETTINGS.queues
    )
    queue.save_settings(ws, ADMIN, replace(DEFAULT_SETTINGS, queues=all_day))
    shared = open_shared(ws, shared_url)
    try:
        # Each ticket is issued with nobody waiting ahead of it, so that no estimate runs past
        # closing time whatever the hour the suite runs at.
        queue.issue(ws, ADMIN, shared, "A")
        queue.call_next(ws, ADMIN, shared)
        for code in ("A", "B"):
            queue.issue(ws, ADMIN, shared, code)
        queue.recall(ws, ADMIN, shared)
        queue.start(ws, ADMIN, shared)
        queue.park(ws, ADMIN, shared, "回去取材料")
        parked = queue.status(ws, shared).parked[0]
        queue.resume(ws, ADMIN, shared, parked.id)
        queue.link_visit(ws, ADMIN, shared, "case", "c1")
        queue.transfer(ws, ADMIN, shared, "B")
        queue.call_next(ws, ADMIN, shared)
        queue.no_show(ws, ADMIN, shared)
        queue.call_next(ws, ADMIN, shared)
        queue.finish(ws, ADMIN, shared)
        queue.call_next(ws, ADMIN, shared)
        queue.leave(ws, ADMIN, shared)
        queue.pause_window(ws, ADMIN, shared, "午休")
        queue.resume_window(ws, ADMIN, shared)
    finally:
        shared.close()


def test_every_kind_written_is_registered_and_passes_its_own_check(hall, shared_url):
    w1, w2 = hall.ws("W1"), hall.ws("W2")
    _every_kind_of_step(w1, w2, shared_url)
    with w2.reading() as s:
        events = list(s.scalars(select(Event)))
        refused = s.scalars(select(SyncRefusedEvent)).all()
    assert not refused, [r.reason for r in refused]
    kinds = {ev.kind for ev in events}
    assert kinds - set(event_kinds.KINDS) == set(), "every kind in the log is registered"
    for ev in events:
        # What this program writes, this program accepts when it is pulled.
        event_kinds.check(ev.kind, ev.entity_type, ev.entity_id, json.loads(ev.payload))
    written = {"W1", "W2"} & {ev.origin for ev in events}
    assert written == {"W1", "W2"}
    # The flows reach every kind of entity (the static scan in tests/store covers every kind).
    assert {ev.entity_type for ev in events} == set(event_kinds.ENTITIES)
    assert projections(w1) == projections(w2)


def _two_cases_on_the_shared_database(hall, shared_url):  # type: ignore[no-untyped-def]
    w1, w2 = hall.ws("W1"), hall.ws("W2")
    first = intake.accept(w1, clerk(w1), draft(w1, [FOOD], applicant(80)), on=DAY)
    second = intake.accept(w1, clerk(w1), draft(w1, [FOOD], applicant(81)), on=DAY)
    sync(w1, shared_url)
    return w1, w2, first, second


def test_an_event_from_a_newer_program_is_folded_on_the_keys_this_one_knows(hall, shared_url):
    w1, w2, first, _second = _two_cases_on_the_shared_database(hall, shared_url)
    sync(w2, shared_url)
    current = event_kinds.KINDS["case.updated"].version
    newer = _raw(
        w1,
        1,
        "case.updated",
        "case",
        first.case_id,
        {
            "v": current + 1,
            "set": {"commitment": "新版本写的承诺", "satisfaction_code": "A3"},
            "rating": {"level": 5, "channel": "评价器"},
        },
    )
    insert_shared_rows(shared_url, [newer])
    report = sync(w2, shared_url)
    assert (report.pulled, report.refused) == (1, 0), "applied, not refused as corrupt"
    with w2.reading() as s:
        case = s.get(CaseRow, first.case_id)
        assert case is not None and case.commitment == "新版本写的承诺"
        kept = s.get(Event, str(newer["id"]))
        assert kept is not None and kept.payload == newer["payload"], "kept whole in the log"
        assert s.scalars(select(SyncRefusedEvent)).all() == []
    assert sync_status(w2).refused_events == 0


def test_a_bug_in_a_handler_stops_the_pull_and_the_next_pull_applies_the_event(
    hall, shared_url, monkeypatch, capsys
):
    w1, w2, _first, second = _two_cases_on_the_shared_database(hall, shared_url)
    accepted = event_kinds.KINDS["case.accepted"]
    assert accepted.handler is not None

    def broken(session: Any, ev: Event, p: dict[str, Any]) -> None:
        if ev.entity_id == second.case_id:
            raise KeyError("due_date")  # a defect in our own fold, on a perfectly good event
        accepted.handler(session, ev, p)  # type: ignore[misc]

    monkeypatch.setitem(event_kinds.KINDS, "case.accepted", replace(accepted, handler=broken))
    before = local_events(w2)
    with pytest.raises(ProjectionFailed, match=r"程序出错.*KeyError") as failed:
        sync(w2, shared_url)
    assert failed.value.kind == "case.accepted" and failed.value.origin == "W1"
    with w2.reading() as s:
        assert s.scalars(select(SyncRefusedEvent)).all() == [], "a good event is not quarantined"
        assert s.get(Event, failed.value.event_id) is None, "nor applied"
        peer = s.scalars(select(SyncPeer)).one()
        assert peer.pull_cursor == 0, "the cursor stays before it"
    assert local_events(w2) == before
    status = sync_status(w2)
    assert status.failing and status.last_failure is not None
    assert "程序缺陷" in status.last_failure.error
    # The command line shows it and exits as refused.
    assert run_sync_command(w2, SYSTEM_ACTOR, shared=shared_url, status_only=False) == 1
    assert "程序缺陷" in capsys.readouterr().err

    monkeypatch.undo()  # the fix
    report = sync(w2, shared_url)
    assert report.refused == 0 and report.pulled == _others(shared_url, "W2")
    assert projections(w1)["cases"] == projections(w2)["cases"]


def test_malformed_payloads_are_refused_and_reported_while_the_rest_lands(hall, shared_url):
    w1, w2, first, _second = _two_cases_on_the_shared_database(hall, shared_url)
    bad = [
        _raw(w1, 1, "case.updated", "case", first.case_id, {"set": {"limit_days": "五天"}}),
        _raw(w1, 2, "case.updated", "case", first.case_id, {"set": {"green_channel": "是"}}),
        _raw(w1, 3, "case.accepted", "applicant", str(uuid.uuid4()), {"set": {}}),
        _raw(w1, 4, "calendar.override_set", "calendar_day", "下周一", {"kind": "holiday"}),
        _raw(w1, 5, "handoff.recorded", "handoff", str(uuid.uuid4()), {"set": {"no_such": 1}}),
        _raw(w1, 6, "delivery.recorded", "delivery", str(uuid.uuid4()), {"set": {"on": "昨天"}}),
        _raw(
            w1,
            7,
            "catalog.imported",
            "catalog",
            "catalog",
            {"items": [{"code": "1"}], "themes": []},
        ),
        _raw(w1, 8, "case.updated", "case", first.case_id, "{not json"),
    ]
    good = _raw(w1, 9, "case.updated", "case", first.case_id, {"set": {"commitment": "下周补齐"}})
    insert_shared_rows(shared_url, [*bad, good])
    report = sync(w2, shared_url)
    assert report.refused == len(bad)
    assert report.pulled == _others(shared_url, "W2") - len(bad)
    with w2.reading() as s:
        refused = {r.event_id: r for r in s.scalars(select(SyncRefusedEvent))}
        assert set(refused) == {str(r["id"]) for r in bad}
        assert all(r.reason_code == CORRUPT for r in refused.values())
        reasons = [refused[str(r["id"])].reason for r in bad]
        assert "limit_days" in reasons[0] and "green_channel" in reasons[1]
        assert "对象应为 case" in reasons[2] and "下周一" in reasons[3]
        assert "no_such" in reasons[4] and "昨天" in reasons[5] and "缺少字段" in reasons[6]
        case = s.get(CaseRow, first.case_id)
        assert case is not None and case.commitment == "下周补齐"
    assert sync_status(w2).refused_events == len(bad)
