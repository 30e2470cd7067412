"""Lifecycle steps that cannot both be true are kept, recorded and resolved by the team lead."""

from __future__ import annotations

import pytest
from sqlalchemy import delete, select

from hall_desk.domain.errors import NotFound, PermissionDenied, ValidationError
from hall_desk.domain.lifecycle import CaseState
from hall_desk.services import delivery, intake, routing
from hall_desk.store.models import AuditEntry, CaseRow, Event
from hall_desk.store.models_sync import SyncConflict
from hall_desk.sync import list_conflicts, resolve_conflict, sync_status
from hall_desk.sync.conflicts import redetect_all
from tests.services.helpers import all_materials
from tests.sync.helpers import (
    DAY,
    EMPLOYMENT,
    FOOD,
    LEAD,
    applicant,
    clerk,
    conflicts,
    converge,
    draft,
    local_events,
    projections,
    resident,
    router,
    shared_events_set,
    sync,
)


def _deliver(ws, case_id: str, n: int) -> None:  # type: ignore[no-untyped-def]
    """本人领取 at this workstation's delivery window: the applicant shows their ID card."""
    delivery.pickup_by_applicant(ws, clerk(ws), case_id, resident(n), on=DAY)


def test_handed_out_at_two_windows_is_kept_and_shown_to_the_lead(hall, shared_url):
    w1, w2, w3 = hall.ws("W1"), hall.ws("W2"), hall.ws("W3")
    done = intake.complete_at_window(w1, clerk(w1), draft(w1, [EMPLOYMENT], applicant(30)), on=DAY)
    converge([w1, w2], shared_url)
    # Both delivery windows hand the same result out before either has synced.
    _deliver(w1, done.case_id, 30)
    _deliver(w2, done.case_id, 30)
    sync(w2, shared_url)
    report = sync(w1, shared_url)
    assert report.conflicts == 1
    converge([w3, w2, w1], shared_url)

    assert projections(w1) == projections(w2) == projections(w3)
    assert conflicts(w1) == conflicts(w2) == conflicts(w3)
    assert len(conflicts(w1)) == 1
    delivered = [e for e in local_events(w3) if e[5] == "case.delivered"]
    assert len(delivered) == 2, "both hand-outs are kept"

    [c] = list_conflicts(w3, LEAD)
    assert c.case_no == done.case_no and c.kind_label == c.other_label == "出件"
    assert {c.workstation, c.other_workstation} == {"W1", "W2"}
    assert c.state_before == "已出件" and not c.resolved
    assert "两步不能同时成立" in c.summary
    assert sync_status(w3).open_conflicts == 1
    assert "冲突待处理 1 条" in sync_status(w3).summary()

    with pytest.raises(PermissionDenied):
        resolve_conflict(w3, clerk(w3), c.event_id, "已核实，以第一次出件为准")
    with pytest.raises(ValidationError, match="处理结果"):
        resolve_conflict(w3, LEAD, c.event_id, "好")
    with pytest.raises(NotFound):
        resolve_conflict(w3, LEAD, "no-such-event", "已核实，以第一次出件为准")
    resolved = resolve_conflict(
        w3, LEAD, c.event_id, "已电话核实：申请人只领取了一份，以第一次出件为准"
    )
    assert resolved.resolved and resolved.resolved_by == "lead"
    with pytest.raises(ValidationError, match="已由"):
        resolve_conflict(w3, LEAD, c.event_id, "再处理一次试试")
    with w3.reading() as s:
        audit = s.scalars(select(AuditEntry).order_by(AuditEntry.seq.desc()).limit(1)).one()
        assert audit.action == "sync.conflict_resolve" and audit.actor == "lead"

    converge([w3, w1, w2], shared_url)
    for ws in (w1, w2, w3):
        assert list_conflicts(ws, LEAD) == []
        [kept] = list_conflicts(ws, LEAD, include_resolved=True)
        assert kept.note.startswith("已电话核实") and kept.resolved_by == "lead"
        assert sync_status(ws).open_conflicts == 0
    assert local_events(w1) == local_events(w2) == local_events(w3) == shared_events_set(shared_url)


def test_supplement_received_at_two_windows(hall, shared_url):
    """Two windows both accept the supplement of one case: the second step is a conflict."""
    w1, w2 = hall.ws("W1"), hall.ws("W2")
    waiting = intake.request_supplement(
        w1, clerk(w1), draft(w1, [FOOD], applicant(31), complete=False), on=DAY
    )
    converge([w1, w2], shared_url)
    for ws in (w1, w2):
        intake.receive_supplement(ws, clerk(ws), waiting.case_no, all_materials(ws, [FOOD]), on=DAY)
    converge([w1, w2], shared_url)
    assert projections(w1) == projections(w2)
    [c] = list_conflicts(w1, LEAD)
    assert c.kind == c.other_kind == "case.supplement_received"
    assert c.state_before == "已受理"
    assert conflicts(w1) == conflicts(w2)
    with w1.reading() as s:
        case = s.get(CaseRow, waiting.case_id)
        assert case is not None and case.state == CaseState.ACCEPTED


def test_conflicts_depend_on_the_events_not_on_the_order_they_arrived(hall, tmp_path):
    """Three windows, three hand-outs of one result, pulled in different orders."""
    url = str(tmp_path / "shared.sqlite3")
    w1, w2, w3 = hall.ws("W1"), hall.ws("W2"), hall.ws("W3")
    done = intake.complete_at_window(w1, clerk(w1), draft(w1, [EMPLOYMENT], applicant(32)), on=DAY)
    converge([w1, w2, w3], url)
    for ws in (w3, w1, w2):
        _deliver(ws, done.case_id, 32)
    for ws in (w2, w3, w1, w3, w2, w1):
        sync(ws, url)
    assert conflicts(w1) == conflicts(w2) == conflicts(w3)
    found = conflicts(w1)
    assert len(found) == 2
    with w1.reading() as s:
        ordered = s.scalars(
            select(Event.id).where(Event.kind == "case.delivered").order_by(Event.hlc, Event.id)
        ).all()
    # The first hand-out in clock order stands; each later one is recorded against it.
    assert {(c[0], c[1]) for c in found} == {(ordered[1], ordered[0]), (ordered[2], ordered[0])}
    # The records are a function of the log: recomputed from scratch, they come out the same.
    with w1.db.write() as s:
        s.execute(delete(SyncConflict))
        assert redetect_all(s, "2026-11-24T00:00:00+08:00") == 2
    assert conflicts(w1) == found


def _department(ws, case_id: str) -> str:  # type: ignore[no-untyped-def]
    with ws.reading() as s:
        case = s.get(CaseRow, case_id)
        assert case is not None
        return routing.case_departments(case)[0]


def _state(ws, case_id: str) -> tuple[str, str]:  # type: ignore[no-untyped-def]
    with ws.reading() as s:
        case = s.get(CaseRow, case_id)
        assert case is not None
        return case.state, case.station


@pytest.mark.parametrize("carried", ["dispatched", "received_back", "sent_to_delivery"])
def test_a_stale_prereview_pass_does_not_fold_the_folder_back(hall, tmp_path, carried):
    """Routing post W1 carries a folder on; W2, which synced while it was in 预审, passes its
    pre-review later by the clock. The folder stays where W1 brought it (the later pass is a
    conflict for the lead), and the next step W1's post takes is accepted at every station."""
    url = str(tmp_path / "shared.sqlite3")
    w1, w2 = hall.ws("W1"), hall.ws("W2")
    case_id = intake.accept(w1, clerk(w1), draft(w1, [FOOD], applicant(33)), on=DAY).case_id
    staff = router(w1)
    assert routing.collect(w1, staff, [case_id], on=DAY).sheet is not None
    converge([w1, w2], url)
    department = _department(w1, case_id)
    assert routing.pass_prereview(w1, staff, [case_id], on=DAY).sheet is None
    assert routing.dispatch(w1, staff, department, [case_id], receiver="李主任", on=DAY).sheet
    if carried != "dispatched":
        back = routing.receive_back(
            w1, staff, department, [routing.Decision(case_id)], giver="李主任", on=DAY
        )
        assert back.sheet is not None
    if carried == "sent_to_delivery":
        assert routing.send_to_delivery(w1, staff, [case_id], receiver="王晓燕", on=DAY).sheet
    expected = _state(w1, case_id)
    [passed] = routing.pass_prereview(w2, router(w2), [case_id], on=DAY).lines
    assert passed.ok  # W2 had not seen the folder move on
    converge([w1, w2], url)

    assert _state(w1, case_id) == _state(w2, case_id) == expected
    assert projections(w1) == projections(w2)
    [c] = list_conflicts(w2, LEAD)
    assert c.kind == "case.prereview_passed" and c.workstation == "W2"
    assert c.other_workstation == "W1"
    assert c.state_before == CaseState(expected[0]).label
    assert conflicts(w1) == conflicts(w2)
    # The routing post goes on with the folder from where it is, at either workstation.
    if carried == "dispatched":
        done = routing.receive_back(
            w2, router(w2), department, [routing.Decision(case_id)], giver="李主任", on=DAY
        )
    elif carried == "received_back":
        done = routing.send_to_delivery(w2, router(w2), [case_id], receiver="王晓燕", on=DAY)
    else:
        delivery.pickup_by_applicant(w2, clerk(w2), case_id, resident(33), on=DAY)
        done = None
    assert done is None or all(line.ok for line in done.lines), done and done.lines
    converge([w2, w1], url)
    assert projections(w1) == projections(w2)
    assert len(list_conflicts(w1, LEAD)) == 1
