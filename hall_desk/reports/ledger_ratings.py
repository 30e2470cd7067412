"""好差评台账: every rating (and 未评价) given between two dates, one row each, in time order.

Raters are masked (name and phone); the full values need the reveal permission and are audited
by the export. A second rating of one record (two workstations offline) stays in the file,
marked 重复评价（不计）; an upheld appeal is marked too, and its 差评 still shows as given.
"""

from __future__ import annotations

from datetime import date

from sqlalchemy import select

from hall_desk.domain.ratings import AppealState, Level, RatedKind, RatingChannel, RatingState
from hall_desk.domain.roles import Actor, Permission
from hall_desk.domain.tickets import TicketState
from hall_desk.reports.xlsx import Ledger
from hall_desk.services.workstation import Workstation
from hall_desk.store.models import User
from hall_desk.store.models_ratings import RatingRow
from hall_desk.store.models_tickets import TicketRow
from hall_desk.store.queries import ratings as queries

TITLE = "好差评台账"
COLUMNS: list[tuple[str, float]] = [
    ("评价时间", 17),
    ("评价对象", 8),
    ("服务内容", 32),
    ("受理编号", 20),
    ("工作人员", 9),
    ("工号", 9),
    ("窗口", 12),
    ("评价结果", 10),
    ("差评原因", 24),
    ("评价意见", 28),
    ("评价渠道", 11),
    ("代录原因", 20),
    ("评价人", 9),
    ("联系电话", 15),
    ("整改工单", 22),
    ("整改状态", 14),
    ("申诉", 10),
    ("申诉理由", 24),
    ("复核人", 9),
    ("复核意见", 24),
    ("计入统计", 18),
    ("记录人", 9),
    ("工作站", 7),
]


def _counted(row: RatingRow) -> str:
    if row.duplicate_of:
        return "重复评价（不计）"
    if row.appeal_state == AppealState.UPHELD.value:
        return "申诉成立（不计差评率）"
    return "是"


def build(ws: Workstation, actor: Actor, start: date, end: date, *, unmask: bool) -> Ledger:
    """Ratings whose rating day lies in [start, end]."""
    actor.require(Permission.REPORTS)
    if unmask:
        actor.require(Permission.UNMASK)
        actor.require(Permission.TICKETS)  # a rater's identity is the team lead's to see
    with ws.reading() as s:
        names = dict(s.execute(select(User.username, User.display_name)).all())
        found = queries.ratings_between(s, start, end)
        numbers = {r.ticket_no for r in found if r.ticket_no}
        states = (
            dict(
                s.execute(
                    select(TicketRow.ticket_no, TicketRow.state).where(
                        TicketRow.ticket_no.in_(numbers)
                    )
                ).all()
            )
            if numbers
            else {}
        )
        for row in found:
            s.expunge(row)
    key = ws.key
    rows: list[list[object]] = []
    for r in found:
        if unmask:
            rater = key.decrypt("name", r.rater_name_cipher) if r.rater_name_cipher else ""
            phone = key.decrypt("phone", r.rater_phone_cipher) if r.rater_phone_cipher else ""
        else:
            rater, phone = r.rater_name_masked, r.rater_phone_masked
        given = r.state == RatingState.GIVEN.value and r.level is not None
        result = Level(r.level).label if given and r.level else RatingState(r.state).label
        state = states.get(r.ticket_no, "")
        rows.append(
            [
                None if v == "" else v
                for v in [
                    r.rated_at[:16].replace("T", " "),
                    RatedKind(r.rated_kind).label,
                    r.what,
                    r.case_no,
                    r.staff_name,
                    r.staff,
                    r.window,
                    result,
                    "、".join(x for x in r.reasons.split("\n") if x),
                    r.note,
                    RatingChannel(r.channel).label if given else "",
                    r.proxy_reason,
                    rater or ("匿名" if given else ""),
                    phone,
                    r.ticket_no,
                    TicketState(state).label if state else "",
                    AppealState(r.appeal_state).label,
                    r.appeal_reason,
                    names.get(r.reviewed_by, r.reviewed_by),
                    r.review_note,
                    _counted(r),
                    names.get(r.recorded_by, r.recorded_by),
                    r.workstation,
                ]
            ]
        )
    return Ledger(TITLE, [h for h, _ in COLUMNS], [w for _, w in COLUMNS], rows)
