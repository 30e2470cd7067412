"""巡查: a checklist walk, a finding per fail, fix and re-check, escalation within 30 days."""

from __future__ import annotations

from datetime import date, datetime

import pytest
from sqlalchemy import text

from hall_desk.domain.errors import ValidationError, ValidationErrors
from hall_desk.domain.inspections import DEFAULT_CHECKLIST, CheckGroup, Escalation, FindingState
from hall_desk.services import inspections
from hall_desk.services.inspections import CheckEntry, InspectionDraft
from hall_desk.store import projections
from hall_desk.store.models_staff import FindingRow, InspectionRow
from tests.services import staff_helpers
from tests.services.staff_helpers import Hall

hall = staff_helpers.hall


def fail(item: str = "使用文明服务用语", **changes: object) -> CheckEntry:
    entry = CheckEntry(
        group="conduct",
        item=item,
        passed=False,
        note="对群众态度生硬",
        staff="clerk2",
        severity="major",
        fix_deadline=date(2026, 12, 4),
    )
    for key, value in changes.items():
        setattr(entry, key, value)
    return entry


def walk(h: Hall, day: date, *fails: CheckEntry, **changes: object) -> InspectionDraft:
    at = h.at(day, 10)
    h.at(day, 11, 0)
    draft = InspectionDraft(
        inspected_at=at,
        inspectors=["lead1"],
        area="综合受理区",
        items=[CheckEntry("environment", "环境卫生整洁"), *fails],
    )
    for key, value in changes.items():
        setattr(draft, key, value)
    return draft


def refused(h: Hall, call, field: str, message: str) -> None:  # type: ignore[no-untyped-def]
    before = h.counts()
    with pytest.raises((ValidationError, ValidationErrors)) as caught:
        call()
    found = caught.value.errors if isinstance(caught.value, ValidationErrors) else [caught.value]
    assert (field, message) in [(e.field, e.message) for e in found], found
    assert h.counts() == before


def test_the_default_checklist_has_the_four_groups_of_gb_t_36112(hall):
    groups = inspections.checklist(hall.ws)
    assert [g.label for g in groups] == ["服务环境", "行为规范", "服务标准", "服务效率"]
    assert groups == dict(DEFAULT_CHECKLIST)
    entries = inspections.entries_from_checklist(hall.ws)
    assert all(e.passed for e in entries) and len(entries) == sum(len(v) for v in groups.values())
    inspections.save_checklist(
        hall.ws,
        hall.lead,
        {
            "environment": ["环境卫生"],
            "conduct": ["仪容仪表"],
            "standards": ["一次性告知"],
            "efficiency": ["在岗在位"],
        },
    )
    assert inspections.checklist(hall.ws)[CheckGroup.CONDUCT] == ("仪容仪表",)
    with pytest.raises(ValidationError, match="四组"):
        inspections.save_checklist(hall.ws, hall.lead, {"environment": ["环境卫生"]})


def test_each_fail_becomes_a_finding_that_is_fixed_and_rechecked(hall):
    day = date(2026, 11, 30)
    inspection_id = inspections.record(hall.ws, hall.lead, walk(hall, day, fail()))
    with hall.ws.reading() as s:
        row = s.get(InspectionRow, inspection_id)
        assert row is not None and (row.items_total, row.items_failed) == (2, 1)
        assert row.inspector_names == "李秀兰"
    [finding] = inspections.findings(hall.ws)
    assert (finding.staff_name, finding.category, finding.severity.label) == (
        "刘海涛",
        CheckGroup.CONDUCT,
        "较重",
    )
    assert finding.state is FindingState.OPEN and finding.escalation is Escalation.REMINDER
    refused(
        hall,
        lambda: inspections.recheck(hall.ws, hall.lead, finding.id, True),
        "state",
        "尚未登记整改，不能复查",
    )
    hall.at(date(2026, 12, 2), 9)
    inspections.record_fix(hall.ws, hall.clerk2, finding.id, "已学习服务用语规范并当面致歉")
    # Only an inspector of that walk re-checks it, not another lead or the admin.
    refused(
        hall,
        lambda: inspections.recheck(hall.ws, hall.admin, finding.id, True),
        "recheck",
        "复查须由本次巡查人员（李秀兰）进行",
    )
    refused(
        hall,
        lambda: inspections.recheck(hall.ws, hall.lead, finding.id, False, "仍未改正"),
        "new_deadline",
        "复查未通过，请填写新的整改期限（不早于今天）",
    )
    assert (
        inspections.recheck(hall.ws, hall.lead, finding.id, False, "仍未改正", date(2026, 12, 9))
        is FindingState.OPEN
    )
    inspections.record_fix(hall.ws, hall.clerk2, finding.id, "再次整改")
    assert (
        inspections.recheck(hall.ws, hall.lead, finding.id, True, "复查合格") is FindingState.CLOSED
    )
    with hall.ws.db.write() as s:
        projections.rebuild_all(s, hall.ws.key.event_key)
    with hall.ws.reading() as s:
        folded = s.get(FindingRow, finding.id)
        assert folded is not None and folded.state == "closed" and folded.fix == "再次整改"
        assert folded.fix_deadline == date(2026, 12, 9) and folded.rechecked_by == "lead1"


def test_findings_against_one_person_escalate_within_a_rolling_thirty_days(hall):
    days = [date(2026, 10, 20), date(2026, 11, 10), date(2026, 11, 18), date(2026, 11, 30)]
    for day in days:
        inspections.record(hall.ws, hall.lead, walk(hall, day, fail(fix_deadline=day)))
    by_day = {f.found_on: f.escalation for f in inspections.findings(hall.ws)}
    assert by_day == {
        date(2026, 10, 20): Escalation.REMINDER,
        date(2026, 11, 10): Escalation.TRANSFER,  # 20 October is 22 days before
        date(2026, 11, 18): Escalation.TALK,
        date(2026, 11, 30): Escalation.TALK,  # 20 October has left the 30 days; three remain
    }
    assert [e.label for e in Escalation] == ["提醒", "调岗建议", "约谈"]
    now = inspections.escalation(hall.ws, "clerk2", date(2026, 11, 30))
    assert (now.count, now.escalation) == (3, Escalation.TALK)
    with hall.ws.reading() as s:
        counted = s.scalar(
            text(
                "SELECT count(*) FROM findings WHERE staff = 'clerk2'"
                " AND found_on BETWEEN '2026-11-01' AND '2026-11-30'"
            )
        )
    assert counted == 3
    assert inspections.escalation(hall.ws, "clerk2", date(2026, 12, 31)).escalation is None


def test_an_inspection_is_refused_beside_each_wrong_field_and_nothing_is_written(hall):
    day = date(2026, 11, 30)
    call = lambda *f, **c: lambda: inspections.record(hall.ws, hall.lead, walk(hall, day, *f, **c))  # noqa: E731
    refused(hall, call(inspectors=[]), "inspectors", "请选择巡查人员")
    refused(hall, call(inspected_at=None), "inspected_at", "请填写巡查时间")
    refused(hall, call(area=""), "area", "请填写巡查区域或窗口")
    refused(
        hall,
        call(fail(group="")),
        "items.2",
        "不合格项「使用文明服务用语」请选择问题类别（服务环境、行为规范、服务标准、服务效率）",
    )
    refused(
        hall, call(fail(fix_deadline=None)), "items.2", "不合格项「使用文明服务用语」请填写整改期限"
    )
    refused(hall, call(fail(severity="")), "items.2", "不合格项「使用文明服务用语」请选择严重程度")
    refused(
        hall,
        call(fail(staff="", window="")),
        "items.2",
        "不合格项「使用文明服务用语」请写明涉及的人员或窗口",
    )
    refused(
        hall,
        call(inspected_at=datetime(2026, 11, 26, 10).astimezone()),
        "late_reason",
        "巡查时间已超过 3 天，补录须写明原因（至少 4 个字）",
    )
    # Three days back is on time; a window instead of a person is a finding too.
    inspections.record(
        hall.ws,
        hall.lead,
        walk(
            hall,
            day,
            fail(staff="", window="综合窗口3"),
            inspected_at=datetime(2026, 11, 27, 10).astimezone(),
        ),
    )
    [finding] = inspections.findings(hall.ws)
    assert finding.window == "综合窗口3" and finding.escalation is None
