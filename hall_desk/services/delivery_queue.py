"""待出件: the results waiting at the delivery window, found as the clerk types or scans."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from sqlalchemy.orm import Session
from sqlalchemy.sql.elements import ColumnElement

from hall_desk.domain.catalog import DeliveryMethod
from hall_desk.domain.lifecycle import CaseEvent, CaseState
from hall_desk.domain.limits import MAX_QUERY
from hall_desk.domain.moves import outstanding_departments, outstanding_text
from hall_desk.domain.roles import Actor, Permission
from hall_desk.domain.stations import station_label
from hall_desk.domain.text import clean_query
from hall_desk.services.cases import classify_query, today_number
from hall_desk.services.common import arrived_at, dwell_text
from hall_desk.services.workstation import Workstation
from hall_desk.store.models import CaseRow
from hall_desk.store.queries import delivery as delivery_queries
from hall_desk.store.queries import routing as routing_queries
from hall_desk.store.queries.routing import DepartmentDecision

QUEUE_LIMIT = 200

RESULT_KINDS = (CaseEvent.APPROVE.value, CaseEvent.DENY.value, CaseEvent.COMPLETE_AT_WINDOW.value)


def outcomes(session: Session, case_ids: Sequence[str]) -> dict[str, str]:
    """What each case's result is (the latest decision event): the case event kind."""
    return delivery_queries.latest_of_kinds(session, case_ids, RESULT_KINDS)


def result_label(kind: str | None) -> str:
    return {
        CaseEvent.APPROVE.value: "已办结",
        CaseEvent.DENY.value: "不予许可",
        CaseEvent.COMPLETE_AT_WINDOW.value: "即办办结",
    }.get(kind or "", "")


@dataclass(frozen=True)
class ReadyCase:
    case_id: str
    case_no: str
    title: str
    departments: str
    applicant_name: str
    applicant_kind: str
    applicant_id_masked: str
    applicant_phone_masked: str
    agent_name: str  # 代理人 at intake, if any
    agent_id_masked: str
    result: str  # 已办结 / 不予许可 / 即办办结
    reason: str  # the denial reason, when denied
    completed_on: date | None
    station_label: str
    waiting_since: datetime
    waiting_text: str
    green_channel: bool
    green_text: str
    mail_allowed: bool
    last_return: str  # "邮件退回（2026-11-20）：查无此人" after a returned mailing


def _search_filter(ws: Workstation, text: str) -> ColumnElement[bool] | None:
    query = clean_query(text, max_len=MAX_QUERY)
    if query is None:
        return None
    kind, value = classify_query(query)
    if not value:
        return None
    if kind == "case_no":
        return CaseRow.case_no == value
    if kind == "case_no_today":
        return today_number(value, ws.today())
    if kind == "case_no_prefix":
        return CaseRow.case_no.startswith(value)
    if kind == "id_number":
        idx = ws.key.blind_index("id_number", value)
        return (CaseRow.applicant_id_index == idx) | (CaseRow.agent_id_index == idx)
    if kind == "phone":
        return CaseRow.applicant_phone_index == ws.key.blind_index("phone", value)
    return (CaseRow.applicant_name >= value) & (CaseRow.applicant_name < value + "\U0010ffff")


def mail_allowed(ws: Workstation, session: Session, case_ids: Sequence[str]) -> dict[str, bool]:
    catalog = ws.catalog_items(session)
    allowed = dict.fromkeys(case_ids, True)
    for case_id, code in delivery_queries.item_codes(session, case_ids):
        item = catalog.get(code)
        if item is not None and DeliveryMethod.MAIL not in item.delivery:
            allowed[case_id] = False
    return allowed


def _last_returns(session: Session, case_ids: Sequence[str]) -> dict[str, str]:
    out: dict[str, str] = {}
    for row in delivery_queries.returned_mailings(session, case_ids):
        assert row.returned_on is not None
        out[row.case_id] = f"邮件退回（{row.returned_on.isoformat()}）：{row.return_reason}"
    return out


def _outstanding_note(case: CaseRow, decided: dict[str, dict[str, DepartmentDecision]]) -> str:
    """A case sent on after one of its departments (before every one had to decide) is listed
    with what it still lacks: handing it out is refused."""
    done = decided.get(case.id, {})
    left = outstanding_departments(case, done) if done else []
    return f"还有「{outstanding_text(left)}」未审批，不能出件" if left else ""


def ready_queue(
    ws: Workstation,
    actor: Actor,
    query: str = "",
    *,
    limit: int = QUEUE_LIMIT,
    now: datetime | None = None,
) -> list[ReadyCase]:
    """待出件: results waiting for the applicant, found by case number (or its barcode), ID
    number, phone or name; green channel first, then the longest waiting. Masked forms only."""
    actor.require(Permission.DELIVER)
    now = now if now is not None else ws.now()
    conditions = [CaseRow.state == CaseState.READY_FOR_DELIVERY.value]
    if query.strip():
        condition = _search_filter(ws, query)
        if condition is None:
            return []
        conditions.append(condition)
    with ws.reading() as s:
        cases = delivery_queries.cases_where(s, *conditions)
        ids = [c.id for c in cases]
        results = outcomes(s, ids)
        mail = mail_allowed(ws, s, ids)
        returns = _last_returns(s, ids)
        decided = routing_queries.department_decisions(s, ids)
    out = []
    for c in cases:
        since = arrived_at(c)
        result = results.get(c.id)
        out.append(
            ReadyCase(
                c.id,
                c.case_no,
                c.title,
                c.departments,
                c.applicant_name,
                c.applicant_kind,
                c.applicant_id_masked,
                c.applicant_phone_masked,
                c.agent_name,
                c.agent_id_masked,
                result_label(result),
                c.reason if result == CaseEvent.DENY.value else "",
                c.completed_on,
                station_label(c.station, c.window),
                since,
                dwell_text(max(timedelta(0), now - since)),
                c.green_channel,
                "绿色通道" if c.green_channel else "",
                mail.get(c.id, True),
                "；".join(x for x in (_outstanding_note(c, decided), returns.get(c.id, "")) if x),
            )
        )
    out.sort(key=lambda r: (not r.green_channel, r.waiting_since, r.case_no))
    return out[:limit]
