"""绩效考评台账: every monthly sheet of the months that meet [from, to], one row each, with its
items, total, grade, rank, state and 复核 records."""

from __future__ import annotations

from datetime import date

from hall_desk.domain.roles import Actor, Permission
from hall_desk.reports.xlsx import Ledger
from hall_desk.services import evaluations
from hall_desk.services.workstation import Workstation

TITLE = "绩效考评台账"
COLUMNS: list[tuple[str, float]] = [
    ("考评月份", 9),
    ("姓名", 9),
    ("岗位/窗口", 12),
    ("方案版本", 8),
    ("各项得分", 48),
    ("业务量", 7),
    ("加分", 6),
    ("总分", 6),
    ("等次", 8),
    ("名次", 7),
    ("服务标兵候选", 10),
    ("连续垫底月数", 10),
    ("状态", 12),
    ("本人异议", 26),
    ("复核记录", 40),
]


def _months(start: date, end: date) -> list[str]:
    out = []
    year, month = start.year, start.month
    while (year, month) <= (end.year, end.month):
        out.append(f"{year}-{month:02d}")
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return out


def build(ws: Workstation, actor: Actor, start: date, end: date, *, unmask: bool) -> Ledger:
    actor.require(Permission.REPORTS)
    actor.require(Permission.STAFF)
    rows: list[list[object]] = []
    for month in _months(start, end):
        for v in evaluations.sheets(ws, actor, month):
            items = "；".join(f"{name} {got}/{top}" for name, top, got in v.items)
            reviews = "；".join(
                f"{r.on:%m-%d} {r.by}：{r.item} {r.points:+d}，{r.before}→{r.after}（{r.reason}）"
                for r in v.reviews
            )
            rows.append(
                [
                    None if x == "" else x
                    for x in [
                        month,
                        v.staff_name,
                        v.window,
                        v.scheme_version,
                        items,
                        v.workload,
                        v.bonus,
                        v.total,
                        v.grade,
                        f"{v.rank}/{v.of}",
                        "是" if v.standout else "否",
                        v.bottom_months,
                        v.state.label,
                        v.objection,
                        reviews,
                    ]
                ]
            )
    return Ledger(TITLE, [h for h, _ in COLUMNS], [w for _, w in COLUMNS], rows)
