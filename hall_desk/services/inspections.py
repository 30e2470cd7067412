"""巡查: recording an inspection over the hall's checklist, the fix and re-check of each finding,
and the escalation of repeated findings against one person.

`record` checks the whole form at once and writes one `inspection.recorded` event holding the
checked items and one finding per failed item; `record_fix` and `recheck` write
`inspection.finding_fixed` and `inspection.finding_rechecked` about the same inspection.
The checklist is a setting of this workstation (`inspection_checklist`), seeded from
GB/T 36112's topics (domain/inspections.py); each record keeps the item texts it was made with.
"""

from __future__ import annotations

import json
import uuid
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from hall_desk.domain.errors import NotFound, ValidationError, ValidationErrors
from hall_desk.domain.inspections import (
    BACKDATE_DAYS,
    CHECKLIST_SETTING,
    DEFAULT_CHECKLIST,
    MAX_ITEM,
    CheckGroup,
    Escalation,
    FindingState,
    Severity,
    checklist_problem,
    escalation_for,
    findings_within,
    window_start,
)
from hall_desk.domain.limits import MAX_NOTE
from hall_desk.domain.roles import Actor, Permission
from hall_desk.domain.text import clean_text, clean_window_name
from hall_desk.services.common import iso
from hall_desk.services.settings import emit_hall_setting
from hall_desk.services.staff_common import collect, moment, person, text
from hall_desk.services.workstation import Workstation
from hall_desk.store.models_staff import FindingRow, InspectionRow

MAX_AREA = 100


@dataclass
class CheckEntry:
    """One checklist item as the inspector marked it; a fail carries its finding's fields."""

    group: str
    item: str
    passed: bool = True
    note: str = ""
    staff: str = ""  # username of the person concerned (a fail)
    window: str = ""  # or the window concerned
    severity: str = ""
    fix_deadline: date | None = None


@dataclass
class InspectionDraft:
    inspected_at: datetime | None = None
    inspectors: list[str] = field(default_factory=list)  # usernames
    area: str = ""
    window: str = ""
    items: list[CheckEntry] = field(default_factory=list)
    late_reason: str = ""


@dataclass(frozen=True)
class FindingView:
    id: str
    inspection_id: str
    found_on: date
    staff: str
    staff_name: str
    window: str
    category: CheckGroup
    item: str
    severity: Severity
    note: str
    fix_deadline: date
    state: FindingState
    overdue: bool  # not fixed and past its fix deadline
    escalation: Escalation | None  # for the person, counting findings within 30 days of this one


def checklist(ws: Workstation) -> dict[CheckGroup, tuple[str, ...]]:
    """The hall's checklist by group: its setting (shared, it arrives with a sync), or the
    default seeded from GB/T 36112 until the hall saves its own."""
    raw = ws.hall_setting(CHECKLIST_SETTING)
    try:
        groups = json.loads(raw) if raw else None
    except ValueError:
        groups = None
    if isinstance(groups, dict) and not checklist_problem(groups):
        return {g: tuple(groups[g.value]) for g in CheckGroup}
    return dict(DEFAULT_CHECKLIST)


def entries_from_checklist(ws: Workstation) -> list[CheckEntry]:
    """Every item of the checklist, passed: the form the inspector starts from."""
    return [CheckEntry(g.value, item) for g, items in checklist(ws).items() for item in items]


def save_checklist(ws: Workstation, actor: Actor, groups: Mapping[str, Sequence[str]]) -> None:
    """The hall's checklist: every workstation of the hall uses it after its next sync."""
    actor.require(Permission.STAFF)
    cleaned = {
        g: [clean_text(i, "checklist", "检查项", max_len=MAX_ITEM) for i in items]
        for g, items in groups.items()
    }
    problem = checklist_problem(cleaned)
    if problem:
        raise ValidationError("checklist", problem)
    with ws.transaction(actor) as tx:
        emit_hall_setting(tx, CHECKLIST_SETTING, json.dumps(cleaned, ensure_ascii=False))
        tx.audit("inspection.checklist", ws.code, {g: len(i) for g, i in cleaned.items()})


def record(ws: Workstation, actor: Actor, draft: InspectionDraft) -> str:
    """Records an inspection and its findings; returns its id. Refuses everything wrong at once."""
    actor.require(Permission.STAFF)
    with ws.transaction(actor) as tx:
        errors: list[ValidationError] = []
        when = collect(
            errors,
            lambda: moment(
                ws, draft.inspected_at, "inspected_at", "巡查时间", BACKDATE_DAYS, draft.late_reason
            ),
        )
        inspectors = []
        for name in dict.fromkeys(n.strip() for n in draft.inspectors if n.strip()):
            user = collect(errors, lambda n=name: person(tx, n, "inspectors", "巡查人员"))
            if user is not None:
                inspectors.append(user)
        if not draft.inspectors or not any(n.strip() for n in draft.inspectors):
            errors.append(ValidationError("inspectors", "请选择巡查人员"))
        area = collect(errors, lambda: clean_text(draft.area, "area", "巡查区域", max_len=MAX_AREA))
        window = collect(errors, lambda: clean_window_name(draft.window))
        if area == "" and window == "":
            errors.append(ValidationError("area", "请填写巡查区域或窗口"))
        if not draft.items:
            errors.append(ValidationError("items", "巡查清单不能为空"))
        items: list[dict[str, object]] = []
        findings: list[dict[str, object]] = []
        day = when[0].date() if when is not None else ws.today()
        for n, entry in enumerate(draft.items, start=1):
            where = f"items.{n}"
            label = entry.item.strip()[:20] or f"第 {n} 项"
            try:
                group = CheckGroup(entry.group)
            except ValueError:
                message = (
                    f"不合格项「{label}」请选择问题类别（服务环境、行为规范、服务标准、服务效率）"
                    if not entry.passed
                    else f"检查项「{label}」不属于四个检查组之一"
                )
                errors.append(ValidationError(where, message))
                continue
            item = collect(
                errors, lambda e=entry, w=where: clean_text(e.item, w, "检查项", max_len=60)
            )
            note = collect(errors, lambda e=entry, w=where: text(e.note, w, "说明", limit=MAX_NOTE))
            if not item:
                if item == "":
                    errors.append(ValidationError(where, f"第 {n} 项请写明检查项"))
                continue
            items.append(
                {
                    "position": n,
                    "group": group.value,
                    "item": item,
                    "passed": bool(entry.passed),
                    "note": note or "",
                }
            )
            if entry.passed:
                continue
            staff_name = ""
            staff = entry.staff.strip()
            if staff:
                user = collect(
                    errors, lambda e=entry, w=where: person(tx, e.staff, w, "问题涉及人员")
                )
                staff_name = user.display_name if user is not None else ""
            found_window = collect(errors, lambda e=entry: clean_window_name(e.window)) or ""
            if not staff and not found_window:
                errors.append(ValidationError(where, f"不合格项「{label}」请写明涉及的人员或窗口"))
            try:
                severity = Severity(entry.severity)
            except ValueError:
                errors.append(ValidationError(where, f"不合格项「{label}」请选择严重程度"))
                continue
            if entry.fix_deadline is None:
                errors.append(ValidationError(where, f"不合格项「{label}」请填写整改期限"))
                continue
            if entry.fix_deadline < day:
                errors.append(ValidationError(where, f"不合格项「{label}」的整改期限早于巡查日期"))
                continue
            findings.append(
                {
                    "id": str(uuid.uuid4()),
                    "position": n,
                    "found_on": day.isoformat(),
                    "staff": staff,
                    "staff_name": staff_name,
                    "window": found_window,
                    "category": group.value,
                    "item": item,
                    "severity": severity.value,
                    "note": note or "",
                    "fix_deadline": entry.fix_deadline.isoformat(),
                    "state": FindingState.OPEN.value,
                    "fix": "",
                    "fixed_on": None,
                    "fixed_by": "",
                    "rechecked_by": "",
                    "rechecked_on": None,
                    "recheck_note": "",
                }
            )
        if errors:
            raise ValidationErrors(errors)
        assert when is not None
        at, late = when
        inspection_id = str(uuid.uuid4())
        tx.emit(
            "inspection.recorded",
            "inspection",
            inspection_id,
            {
                "set": {
                    "inspected_at": iso(at),
                    "inspected_on": day.isoformat(),
                    "inspectors": ",".join(u.username for u in inspectors),
                    "inspector_names": "、".join(u.display_name for u in inspectors),
                    "area": area or "",
                    "window": window or "",
                    "late_reason": late,
                    "items_total": len(items),
                    "items_failed": len(findings),
                    "recorded_by": actor.username,
                    "workstation": ws.code,
                },
                "items": items,
                "findings": findings,
            },
        )
        tx.audit(
            "inspection.record",
            inspection_id,
            {"on": day.isoformat(), "items": len(items), "findings": len(findings)},
        )
        return inspection_id


def _finding(session: Session, finding_id: str) -> FindingRow:
    row = session.get(FindingRow, finding_id.strip())
    if row is None:
        raise NotFound("找不到这条巡查问题")
    return row


def record_fix(ws: Workstation, actor: Actor, finding_id: str, fix: str) -> None:
    """整改: the person concerned or the lead writes what was done."""
    with ws.transaction(actor) as tx:
        row = _finding(tx.session, finding_id)
        if actor.username != row.staff:
            actor.require(Permission.STAFF)
        if FindingState(row.state) is not FindingState.OPEN:
            raise ValidationError(
                "state", f"这条问题当前为「{FindingState(row.state).label}」，不能再登记整改"
            )
        words = text(fix, "fix", "整改情况", "请写明整改情况")
        today = ws.today()
        tx.emit(
            "inspection.finding_fixed",
            "inspection",
            row.inspection_id,
            {
                "findings": [
                    {
                        "id": row.id,
                        "state": FindingState.FIXED.value,
                        "fix": words,
                        "fixed_on": today.isoformat(),
                        "fixed_by": actor.username,
                    }
                ]
            },
        )
        tx.audit("inspection.fix", row.id, {"late": today > row.fix_deadline})


def recheck(
    ws: Workstation,
    actor: Actor,
    finding_id: str,
    passed: bool,
    note: str = "",
    new_deadline: date | None = None,
) -> FindingState:
    """复查 by one of the inspectors: passed closes the finding; failed reopens it with a new
    fix deadline."""
    actor.require(Permission.STAFF)
    with ws.transaction(actor) as tx:
        row = _finding(tx.session, finding_id)
        inspection = tx.session.get(InspectionRow, row.inspection_id)
        assert inspection is not None
        if actor.username not in inspection.inspectors.split(","):
            raise ValidationError(
                "recheck", f"复查须由本次巡查人员（{inspection.inspector_names}）进行"
            )
        if FindingState(row.state) is not FindingState.FIXED:
            raise ValidationError("state", "尚未登记整改，不能复查")
        words = text(note, "note", "复查意见", "" if passed else "复查未通过，请写明原因")
        today = ws.today()
        change: dict[str, object] = {
            "id": row.id,
            "rechecked_by": actor.username,
            "rechecked_on": today.isoformat(),
            "recheck_note": words,
        }
        if passed:
            state = FindingState.CLOSED
        else:
            if new_deadline is None or new_deadline < today:
                raise ValidationError(
                    "new_deadline", "复查未通过，请填写新的整改期限（不早于今天）"
                )
            state = FindingState.OPEN
            change["fix_deadline"] = new_deadline.isoformat()
        change["state"] = state.value
        tx.emit(
            "inspection.finding_rechecked", "inspection", row.inspection_id, {"findings": [change]}
        )
        tx.audit("inspection.recheck", row.id, {"passed": passed})
        return state


def _view(row: FindingRow, days_of_person: Sequence[date], today: date) -> FindingView:
    count = findings_within(days_of_person, row.found_on) if row.staff else 0
    return FindingView(
        row.id,
        row.inspection_id,
        row.found_on,
        row.staff,
        row.staff_name,
        row.window,
        CheckGroup(row.category),
        row.item,
        Severity(row.severity),
        row.note,
        row.fix_deadline,
        FindingState(row.state),
        FindingState(row.state) is FindingState.OPEN and row.fix_deadline < today,
        escalation_for(count),
    )


def findings(
    ws: Workstation, *, start: date | None = None, end: date | None = None, open_only: bool = False
) -> list[FindingView]:
    """Findings, newest first, each with the escalation it called for when it was found."""
    today = ws.today()
    with ws.reading() as s:
        query = select(FindingRow)
        if start is not None:
            query = query.where(FindingRow.found_on >= start)
        if end is not None:
            query = query.where(FindingRow.found_on <= end)
        if open_only:
            query = query.where(FindingRow.state != FindingState.CLOSED.value)
        rows = s.scalars(query.order_by(FindingRow.found_on.desc(), FindingRow.position)).all()
        people = {r.staff for r in rows if r.staff}
        days: dict[str, list[date]] = {p: [] for p in people}
        if people:
            for staff, found_on in s.execute(
                select(FindingRow.staff, FindingRow.found_on).where(FindingRow.staff.in_(people))
            ):
                days[staff].append(found_on)
    return [_view(r, days.get(r.staff, []), today) for r in rows]


@dataclass(frozen=True)
class PersonEscalation:
    staff: str
    count: int  # findings against the person within the 30 days ending on `day`
    escalation: Escalation | None


def escalation(ws: Workstation, staff: str, day: date | None = None) -> PersonEscalation:
    """Where a person stands on `day` (today by default): findings within the rolling 30 days."""
    day = day or ws.today()
    with ws.reading() as s:
        count = len(
            s.scalars(
                select(FindingRow.id).where(
                    FindingRow.staff == staff,
                    FindingRow.found_on >= window_start(day),
                    FindingRow.found_on <= day,
                )
            ).all()
        )
    return PersonEscalation(staff, count, escalation_for(count))
