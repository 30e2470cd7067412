"""咨询登记台账: every question logged between two dates, one row each."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import select

from hall_desk.domain.consultations import Channel, Outcome
from hall_desk.domain.roles import Actor, Permission
from hall_desk.reports.xlsx import Ledger
from hall_desk.services.workstation import Workstation
from hall_desk.store.models import CaseRow, ConsultationRow, User
from hall_desk.store.models_catalog import ServiceItemRow

TITLE = "咨询登记台账"
COLUMNS: list[tuple[str, float]] = [
    ("登记时间", 17),
    ("咨询渠道", 9),
    ("咨询内容", 32),
    ("事项编码", 16),
    ("事项名称", 28),
    ("处理结果", 11),
    ("引导至窗口", 12),
    ("咨询人", 12),
    ("联系电话", 15),
    ("备注", 30),
    ("接待人员", 10),
    ("窗口", 12),
    ("工作站", 8),
    ("转入受理编号", 20),
]


def build(ws: Workstation, actor: Actor, start: date, end: date, *, unmask: bool) -> Ledger:
    """Consultations whose day lies in [start, end], in time order. Phones are masked unless
    `unmask` (which needs the permission; export audits it)."""
    actor.require(Permission.REPORTS)
    if unmask:
        actor.require(Permission.UNMASK)
    c = ConsultationRow
    columns = [
        c.at,
        c.channel,
        c.topic,
        c.item_code,
        ServiceItemRow.name.label("item_name"),
        c.outcome,
        c.guided_window,
        c.applicant_name,
        c.phone_masked,
        c.note,
        c.clerk,
        c.window,
        c.workstation,
        CaseRow.case_no,
    ]
    if unmask:
        columns.append(c.phone_cipher)
    query = (
        select(*columns)
        .outerjoin(ServiceItemRow, ServiceItemRow.code == c.item_code)
        .outerjoin(CaseRow, CaseRow.id == c.case_id)
        .where(c.on >= start, c.on <= end)
        .order_by(c.at, c.id)
    )
    with ws.reading() as s:
        names = dict(s.execute(select(User.username, User.display_name)).all())
        result = s.execute(query).all()
    channels = {ch.value: ch.label for ch in Channel}
    outcomes = {o.value: o.label for o in Outcome}
    key = ws.key
    rows: list[list[object]] = []
    for r in result:
        if unmask:
            phone = key.decrypt("phone", r.phone_cipher) if r.phone_cipher else ""
        else:
            phone = r.phone_masked
        rows.append(
            _blanks(
                [
                    _local(r.at),
                    channels.get(r.channel, r.channel),
                    r.topic,
                    r.item_code,
                    r.item_name,
                    outcomes.get(r.outcome, r.outcome),
                    r.guided_window,
                    r.applicant_name,
                    phone,
                    r.note,
                    names.get(r.clerk, r.clerk),
                    r.window,
                    r.workstation,
                    r.case_no,
                ]
            )
        )
    return Ledger(TITLE, [h for h, _ in COLUMNS], [w for _, w in COLUMNS], rows)


def _local(at: str) -> datetime:
    """The wall-clock time the clerk logged (Excel has no time zones)."""
    return datetime.fromisoformat(at).replace(tzinfo=None, microsecond=0)


def _blanks(row: list[object]) -> list[object]:
    # Empty text as an empty cell: Excel's filters show it as (空白), and the file is smaller.
    return [None if v == "" else v for v in row]
