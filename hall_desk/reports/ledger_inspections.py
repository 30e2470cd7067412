"""巡查台账: every inspection between two dates; one row per finding, and one row for a walk
that found nothing."""

from __future__ import annotations

from datetime import date

from sqlalchemy import select

from hall_desk.domain.inspections import CheckGroup, FindingState, Severity
from hall_desk.domain.roles import Actor, Permission
from hall_desk.reports.xlsx import Ledger
from hall_desk.services.workstation import Workstation
from hall_desk.store.models import User
from hall_desk.store.models_staff import FindingRow, InspectionRow

TITLE = "巡查台账"
COLUMNS: list[tuple[str, float]] = [
    ("巡查日期", 11),
    ("时间", 7),
    ("巡查人员", 14),
    ("区域/窗口", 16),
    ("检查项", 7),
    ("不合格", 7),
    ("问题类别", 9),
    ("不合格项", 26),
    ("涉及人员", 9),
    ("涉及窗口", 12),
    ("严重程度", 8),
    ("问题说明", 26),
    ("整改期限", 11),
    ("整改情况", 26),
    ("整改日期", 11),
    ("复查人", 9),
    ("复查日期", 11),
    ("复查意见", 20),
    ("状态", 12),
    ("补录原因", 20),
]


def build(ws: Workstation, actor: Actor, start: date, end: date, *, unmask: bool) -> Ledger:
    """Inspections whose day lies in [start, end], by day and time."""
    actor.require(Permission.REPORTS)
    with ws.reading() as s:
        names = dict(s.execute(select(User.username, User.display_name)).all())
        walks = list(
            s.scalars(
                select(InspectionRow)
                .where(InspectionRow.inspected_on >= start, InspectionRow.inspected_on <= end)
                .order_by(InspectionRow.inspected_on, InspectionRow.inspected_at)
            )
        )
        ids = [w.id for w in walks]
        found: dict[str, list[FindingRow]] = {i: [] for i in ids}
        if ids:
            for f in s.scalars(
                select(FindingRow)
                .where(FindingRow.inspection_id.in_(ids))
                .order_by(FindingRow.position)
            ):
                found[f.inspection_id].append(f)
    rows: list[list[object]] = []
    for w in walks:
        place = "、".join(p for p in (w.area, w.window) if p)
        head = [
            w.inspected_on,
            w.inspected_at[11:16],
            w.inspector_names,
            place,
            w.items_total,
            w.items_failed,
        ]
        if not found[w.id]:
            rows.append([*head, None, "全部合格", *[None] * 11, w.late_reason or None])
            continue
        for f in found[w.id]:
            rows.append(
                [
                    None if v == "" else v
                    for v in [
                        *head,
                        CheckGroup(f.category).label,
                        f.item,
                        f.staff_name,
                        f.window,
                        Severity(f.severity).label,
                        f.note,
                        f.fix_deadline,
                        f.fix,
                        f.fixed_on,
                        names.get(f.rechecked_by, f.rechecked_by),
                        f.rechecked_on,
                        f.recheck_note,
                        FindingState(f.state).label,
                        w.late_reason,
                    ]
                ]
            )
    return Ledger(TITLE, [h for h, _ in COLUMNS], [w for _, w in COLUMNS], rows)
