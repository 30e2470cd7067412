"""材料流转台账: every handoff of a period — case, from, to, who gave, who received, batch."""

from __future__ import annotations

from datetime import date

from hall_desk.domain.roles import Actor
from hall_desk.reports.xlsx import Ledger
from hall_desk.services import routing
from hall_desk.services.workstation import Workstation

HEADERS = [
    ("交接日期", 12),
    ("交接时间", 17),
    ("受理编号", 22),
    ("办理事项", 30),
    ("实施主体", 28),
    ("申请人", 14),
    ("流转环节", 14),
    ("移出", 22),
    ("移入", 22),
    ("移交人", 10),
    ("接收人", 10),
    ("交接单号", 20),
    ("交接后状态", 11),
    ("办结期限", 12),
    ("备注", 30),
    ("登记人", 10),
]


def build(ws: Workstation, actor: Actor, start: date, end: date, *, unmask: bool) -> Ledger:
    """`unmask` changes nothing here: the routing ledger holds no ID numbers or phones."""
    entries = routing.handoff_log(ws, actor, start, end)
    rows = [
        [
            e.on,
            # Excel has no time zones: the hall's local wall-clock time.
            e.at.astimezone().replace(tzinfo=None),
            e.case_no,
            e.title,
            e.departments,
            e.applicant_name,
            e.move_label,
            e.from_label,
            e.to_label,
            e.giver,
            e.receiver,
            e.batch_no,
            e.state_label,
            e.due_date,
            e.note,
            e.recorded_by,
        ]
        for e in entries
    ]
    return Ledger(
        title="材料流转台账",
        headers=[h for h, _ in HEADERS],
        widths=[w for _, w in HEADERS],
        rows=rows,
    )
