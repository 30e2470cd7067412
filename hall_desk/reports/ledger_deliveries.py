"""出件台账: every delivery of a period — to whom, how, by which window; masked unless asked."""

from __future__ import annotations

from datetime import date

from hall_desk.domain.roles import Actor
from hall_desk.reports.xlsx import Ledger
from hall_desk.services import delivery
from hall_desk.services.workstation import Workstation

HEADERS = [
    ("出件日期", 12),
    ("出件时间", 17),
    ("受理编号", 22),
    ("办理事项", 30),
    ("实施主体", 28),
    ("申请人", 14),
    ("办理结果", 10),
    ("出件方式", 10),
    ("领取类型", 10),
    ("领取人/收件人", 14),
    ("领取人证件号码", 22),
    ("收件人电话", 15),
    ("邮寄地址", 36),
    ("代领授权", 20),
    ("快递公司", 12),
    ("运单号", 18),
    ("退回日期", 12),
    ("退回原因", 20),
    ("出件窗口", 12),
    ("经办人", 10),
]


def build(
    ws: Workstation,
    actor: Actor,
    start: date,
    end: date,
    *,
    unmask: bool,
    window: str = "",
    method: str = "",
    item_code: str = "",
    department: str = "",
) -> Ledger:
    flt = delivery.DeliveryFilter(start, end, window, method, item_code, department)
    entries = delivery.delivery_log(ws, actor, flt, unmask=unmask)
    rows = [
        [
            e.on,
            e.at.astimezone().replace(tzinfo=None),
            e.case_no,
            e.items or e.title,
            e.departments,
            e.applicant_name,
            e.result,
            e.method_label,
            e.recipient_kind_label,
            e.recipient_name,
            e.recipient_id,
            e.phone,
            e.address,
            e.authorisation,
            e.carrier_label,
            e.tracking_no,
            e.returned_on,
            e.return_reason,
            e.window,
            e.clerk_name,
        ]
        for e in entries
    ]
    return Ledger(
        title="出件台账",
        headers=[h for h, _ in HEADERS],
        widths=[w for _, w in HEADERS],
        rows=rows,
    )
