"""办件台账: every case taken in between two dates (by 登记日期), one row each, with where it
stands now (state, station, the routing and delivery days)."""

from __future__ import annotations

from datetime import date

from sqlalchemy import select

from hall_desk.domain.assistance import AssistanceFlag, ServiceMode
from hall_desk.domain.catalog import DeliveryMethod, ItemKind
from hall_desk.domain.lifecycle import CaseEvent, CaseState
from hall_desk.domain.roles import Actor, Permission
from hall_desk.domain.stations import station_label
from hall_desk.reports.xlsx import Ledger
from hall_desk.services.workstation import Workstation
from hall_desk.store.models import CaseRow, User
from hall_desk.store.models_intake import ApplicantRow
from hall_desk.store.queries.dashboard import intake_kind

TITLE = "办件台账"
COLUMNS: list[tuple[str, float]] = [
    ("受理编号", 20),
    ("登记日期", 12),
    ("受理方式", 14),
    ("办理事项", 36),
    ("办件类型", 9),
    ("实施部门", 30),
    ("申请人", 24),
    ("申请人类型", 10),
    ("证件号码", 22),
    ("联系电话", 15),
    ("代理人", 10),
    ("代理人证件号码", 22),
    ("受理日期", 12),
    ("办结期限", 12),
    ("移交审批日期", 12),
    ("办结日期", 12),
    ("出件日期", 12),
    ("出件方式", 9),
    ("当前状态", 10),
    ("材料所在岗位", 16),
    ("绿色通道", 22),
    ("受理人", 10),
    ("受理窗口", 12),
    ("首问负责人", 10),
    ("理由或说明", 30),
]
APPLICANT_KINDS = {"person": "个人", "organisation": "法人或其他组织"}


def build(ws: Workstation, actor: Actor, start: date, end: date, *, unmask: bool) -> Ledger:
    """Cases whose 登记日期 (created_on) lies in [start, end], by day and case number. ID numbers
    and phones are masked unless `unmask` (which needs the permission; export audits it)."""
    actor.require(Permission.REPORTS)
    if unmask:
        actor.require(Permission.UNMASK)
    c, a = CaseRow, ApplicantRow
    columns = [
        c.case_no,
        c.created_on,
        intake_kind().label("decision"),
        c.title,
        c.kind,
        c.departments,
        c.applicant_name,
        c.applicant_kind,
        c.applicant_id_masked,
        c.applicant_phone_masked,
        c.agent_name,
        c.agent_id_masked,
        c.accepted_on,
        c.due_date,
        c.due_estimated,
        c.dispatched_on,
        c.completed_on,
        c.delivered_on,
        c.delivery_method,
        c.state,
        c.station,
        c.window,
        c.green_channel,
        c.assistance_flags,
        c.assistance_mode,
        c.clerk,
        c.first_responder,
        c.reason,
        c.commitment,
    ]
    query = select(*columns)
    if unmask:
        # Ciphertexts are read only when they will be shown.
        query = select(*columns, a.id_cipher, a.phone_cipher, c.agent_id_cipher).outerjoin(
            a, a.id == c.applicant_id
        )
    query = query.where(c.created_on >= start, c.created_on <= end).order_by(
        c.created_on, c.case_no
    )
    key = ws.key
    with ws.reading() as s:
        names = dict(s.execute(select(User.username, User.display_name)).all())
        # Core, not the ORM: these are plain columns, and the ORM's row handling cost more
        # than the reading.
        result = s.connection().execute(query).all()
    steps = {step.value: step.label for step in CaseEvent}
    kinds = {k.value: k.label for k in ItemKind}
    flags = {f.value: f.label for f in AssistanceFlag}
    modes = {m.value: m.label for m in ServiceMode}
    methods = {m.value: m.label for m in DeliveryMethod}

    states = {state.value: state.label for state in CaseState}
    places: dict[tuple[str, str], str] = {}

    if unmask:  # the openers load the cipher library: a masked month needs none of it
        open_id, open_phone = key.opener("id_number"), key.opener("phone")
    rows: list[list[object]] = []
    # Unpacked by position: attribute access on tens of thousands of result rows was most
    # of a month's build. Empty text becomes an empty cell (None): Excel's filters show it as
    # (空白); only the text columns can be empty text, so only they are tested.
    for (
        case_no,
        created_on,
        decision,
        title,
        kind,
        departments,
        applicant_name,
        applicant_kind,
        id_number,
        phone,
        agent_name,
        agent_id,
        accepted_on,
        due_date,
        due_estimated,
        dispatched_on,
        completed_on,
        delivered_on,
        delivery_method,
        state,
        station,
        window,
        green_channel,
        assistance_flags,
        assistance_mode,
        clerk,
        first_responder,
        reason,
        commitment,
        *ciphers,
    ) in result:
        if unmask:
            id_cipher, phone_cipher, agent_id_cipher = ciphers
            id_number = open_id(id_cipher) if id_cipher else None
            phone = open_phone(phone_cipher) if phone_cipher else None
            agent_id = open_id(agent_id_cipher) if agent_id_cipher else None
        green = None
        if green_channel:
            who = "、".join(flags.get(f, f) for f in assistance_flags.split(",") if f)
            mode = modes.get(assistance_mode, assistance_mode)
            green = f"帮您办（{who}·{mode}）" if who else "帮您办"
        place = places.get((station, window))
        if place is None:
            place = places[(station, window)] = station_label(station, window) or None
        rows.append(
            [
                case_no or None,
                created_on,
                steps.get(decision),
                title or None,
                kinds.get(kind, kind) or None,
                departments or None,
                applicant_name or None,
                APPLICANT_KINDS.get(applicant_kind, applicant_kind) or None,
                id_number or None,
                phone or None,
                agent_name or None,
                agent_id or None,
                accepted_on,
                due_date,
                dispatched_on,
                completed_on,
                delivered_on,
                methods.get(delivery_method, delivery_method) or None,
                states[state],
                place,
                green,
                names.get(clerk, clerk) or None,
                window or None,
                names.get(first_responder, first_responder) or None,
                _note(reason, commitment, bool(due_estimated))
                if reason or commitment or due_estimated
                else None,
            ]
        )
    return Ledger(TITLE, [h for h, _ in COLUMNS], [w for _, w in COLUMNS], rows)


def _note(reason: str, commitment: str, due_estimated: bool) -> str:
    parts = []
    if reason:
        parts.append(reason)
    if commitment:
        parts.append(f"容缺承诺：{commitment}")
    if due_estimated:
        parts.append("办结期限为估算（该年法定节假日安排尚未录入）")
    return "；".join(parts)
