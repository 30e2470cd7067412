"""统一出件: the ready queue, hand-outs in person (本人/代领) or by post, returned mail, the log."""

from __future__ import annotations

import re
import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from enum import StrEnum
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session
from sqlalchemy.sql.elements import ColumnElement

from hall_desk.domain import identity
from hall_desk.domain.catalog import DeliveryMethod
from hall_desk.domain.errors import NotFound, ValidationError, ValidationErrors
from hall_desk.domain.lifecycle import CaseEvent, CaseState
from hall_desk.domain.roles import Actor, Permission
from hall_desk.services import routing
from hall_desk.services.cases import classify_query, today_number
from hall_desk.services.common import case_by_ref
from hall_desk.services.routing import APPLICANT, DELIVERY, Move
from hall_desk.services.workstation import Tx, Workstation
from hall_desk.store.models import ApplicantRow, CaseItemRow, CaseRow, Event
from hall_desk.store.models_routing import DeliveryRow

QUEUE_LIMIT = 200
MIN_RETURN_REASON = 2  # 拒收, 查无此人 …

CARRIERS = {
    "EMS": "中国邮政 EMS",
    "SF": "顺丰速运",
    "JD": "京东物流",
    "ZTO": "中通快递",
    "YTO": "圆通速递",
    "STO": "申通快递",
    "YUNDA": "韵达快递",
    "OTHER": "其他快递",
}
_EMS = re.compile(r"^(?:[A-Z]{2}\d{9}[A-Z]{2}|\d{13})$")
_SF = re.compile(r"^SF\d{12}$")
_OTHER = re.compile(r"^[A-Z0-9]{8,30}$")


class RecipientKind(StrEnum):
    APPLICANT = "applicant"
    PROXY = "proxy"
    MAIL = "mail"

    @property
    def label(self) -> str:
        return {"applicant": "本人领取", "proxy": "代领", "mail": "邮寄"}[self.value]


def carrier_label(code: str) -> str:
    return CARRIERS.get(code, code)


def check_carrier(raw: str) -> str:
    code = raw.strip().upper() or "EMS"
    if code not in CARRIERS:
        raise ValidationError("carrier", f"快递公司应为：{'、'.join(CARRIERS.values())}")
    return code


def check_tracking_no(carrier: str, raw: str) -> str:
    """The tracking number as printed on the waybill (spaces dropped, upper case), or an error
    that says which shape this carrier's numbers have."""
    number = "".join(identity.to_halfwidth(raw).split()).upper()
    if not number:
        raise ValidationError("tracking_no", "请填写运单号")
    if carrier == "EMS" and not _EMS.match(number):
        raise ValidationError(
            "tracking_no",
            f"EMS 运单号「{number}」格式不对：应为 13 位，如 EA123456789CN（2 个字母 + 9 位数字"
            f" + 2 个字母）或 13 位数字",
        )
    if carrier == "SF" and not _SF.match(number):
        raise ValidationError(
            "tracking_no",
            f"顺丰运单号「{number}」格式不对：应为 SF 加 12 位数字，如 SF123456789012",
        )
    if carrier not in ("EMS", "SF") and not _OTHER.match(number):
        raise ValidationError("tracking_no", f"运单号「{number}」格式不对：应为 8–30 位字母或数字")
    return number


def normalise_id(raw: str) -> str:
    return "".join(identity.to_halfwidth(raw).split()).upper()


def mask_address(address: str) -> str:
    """Enough to recognise the place, not the door: the first 6 characters, then stars."""
    keep = min(6, len(address) // 2)
    return address[:keep] + "*" * min(8, len(address) - keep)


# --- the ready queue --------------------------------------------------------------------------


RESULT_KINDS = (CaseEvent.APPROVE.value, CaseEvent.DENY.value, CaseEvent.COMPLETE_AT_WINDOW.value)


def outcomes(session: Session, case_ids: Sequence[str]) -> dict[str, str]:
    """What each case's result is (the latest decision event): the case event kind."""
    out: dict[str, tuple[str, str]] = {}
    for chunk_start in range(0, len(case_ids), 500):
        chunk = list(case_ids[chunk_start : chunk_start + 500])
        for entity_id, kind, hlc in session.execute(
            select(Event.entity_id, Event.kind, Event.hlc).where(
                Event.entity_type == "case",
                Event.entity_id.in_(chunk),
                Event.kind.in_(RESULT_KINDS),
            )
        ):
            if entity_id not in out or hlc > out[entity_id][1]:
                out[entity_id] = (kind, hlc)
    return {k: v[0] for k, v in out.items()}


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
    kind, value = classify_query(text)
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


def _mail_allowed(ws: Workstation, session: Session, case_ids: Sequence[str]) -> dict[str, bool]:
    catalog = ws.catalog_items(session)
    allowed = dict.fromkeys(case_ids, True)
    for case_id, code in session.execute(
        select(CaseItemRow.case_id, CaseItemRow.item_code).where(
            CaseItemRow.case_id.in_(list(case_ids))
        )
    ):
        item = catalog.get(code)
        if item is not None and DeliveryMethod.MAIL not in item.delivery:
            allowed[case_id] = False
    return allowed


def _last_returns(session: Session, case_ids: Sequence[str]) -> dict[str, str]:
    out: dict[str, str] = {}
    for row in session.scalars(
        select(DeliveryRow)
        .where(DeliveryRow.case_id.in_(list(case_ids)), DeliveryRow.returned_on.is_not(None))
        .order_by(DeliveryRow.hlc)
    ):
        assert row.returned_on is not None
        out[row.case_id] = f"邮件退回（{row.returned_on.isoformat()}）：{row.return_reason}"
    return out


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
    stmt = select(CaseRow).where(CaseRow.state == CaseState.READY_FOR_DELIVERY.value)
    if query.strip():
        condition = _search_filter(ws, query)
        if condition is None:
            return []
        stmt = stmt.where(condition)
    with ws.reading() as s:
        cases = list(s.scalars(stmt))
        ids = [c.id for c in cases]
        results = outcomes(s, ids)
        mail = _mail_allowed(ws, s, ids)
        returns = _last_returns(s, ids)
    out = []
    for c in cases:
        since = routing.arrived_at(c)
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
                routing.station_label(c.station, c.window),
                since,
                routing.dwell_text(max(timedelta(0), now - since)),
                c.green_channel,
                "绿色通道" if c.green_channel else "",
                mail.get(c.id, True),
                returns.get(c.id, ""),
            )
        )
    out.sort(key=lambda r: (not r.green_channel, r.waiting_since, r.case_no))
    return out[:limit]


# --- handing out ------------------------------------------------------------------------------


@dataclass(frozen=True)
class DeliveryResult:
    delivery_id: str
    case_id: str
    case_no: str
    method: DeliveryMethod
    recipient_kind: RecipientKind
    recipient_name: str
    recipient_id_masked: str
    on: date
    carrier: str = ""
    tracking_no: str = ""


@dataclass
class ProxyDraft:
    """代领: the person collecting for the applicant, and what authorises them."""

    name: str = ""
    id_number: str = ""
    authorisation: str = ""  # e.g. 授权委托书（申请人签字）


@dataclass
class MailDraft:
    recipient: str = ""
    phone: str = ""
    address: str = ""
    carrier: str = "EMS"
    tracking_no: str = ""
    sent_on: date | None = None  # the day it was posted; default: the day recorded


def _ready_case(tx: Tx, case_ref: str) -> CaseRow:
    """The case, if its result is at a delivery point; else a refusal naming where it is."""
    case = case_by_ref(tx.session, case_ref, tx.ws.today())
    state = CaseState(case.state)
    at_point = case.station == DELIVERY or routing.is_window(case.station)
    if state == CaseState.READY_FOR_DELIVERY and at_point:
        return case
    if state == CaseState.DELIVERED:
        hint = f"已于 {case.delivered_on.isoformat() if case.delivered_on else '—'} 出件"
    elif state == CaseState.UNDER_REVIEW:
        hint = "审批结果尚未取回"
    elif state in (CaseState.CONCLUDED, CaseState.DENIED):
        hint = "结果尚在流转岗，未送达出件窗口"
    else:
        hint = "尚无办理结果"
    raise routing.refuse(case, "出件", hint)


def _record_delivery(
    tx: Tx,
    case: CaseRow,
    *,
    method: DeliveryMethod,
    kind: RecipientKind,
    recipient: str,
    on: date,
    at: datetime,
    fields: dict[str, Any],
    handoff_note: str,
) -> DeliveryResult:
    result = outcomes(tx.session, [case.id]).get(case.id, "")
    delivery_id = str(uuid.uuid4())
    tx.emit(
        "delivery.recorded",
        "delivery",
        delivery_id,
        {
            "set": {
                "case_id": case.id,
                "case_no": case.case_no,
                "method": method.value,
                "recipient_kind": kind.value,
                "on": on.isoformat(),
                "at": routing.iso(at),
                "result": {
                    CaseEvent.DENY.value: CaseState.DENIED.value,
                }.get(result, CaseState.CONCLUDED.value),
                "recipient_name": recipient,
                "clerk": tx.actor.username,
                "clerk_name": tx.actor.display_name,
                "window": tx.actor.window,
                "workstation": tx.ws.code,
                **fields,
            }
        },
    )
    routing.record_move(
        tx,
        case,
        step=CaseEvent.DELIVER,
        move=Move.MAIL if method == DeliveryMethod.MAIL else Move.PICKUP,
        to_station=APPLICANT,
        on=on,
        at=at,
        giver=tx.actor.display_name,
        receiver=recipient,
        case_set={"delivered_on": on.isoformat(), "delivery_method": method.value},
        note=handoff_note,
    )
    tx.audit(
        f"delivery.{kind.value}",
        case.case_no,
        {"method": method.value, "delivery": delivery_id},
    )
    return DeliveryResult(
        delivery_id,
        case.id,
        case.case_no,
        method,
        kind,
        recipient,
        fields.get("recipient_id_masked", ""),
        on,
        fields.get("carrier", ""),
        fields.get("tracking_no", ""),
    )


def _not_before_arrival(case: CaseRow, on: date, field: str = "on") -> None:
    since = routing.arrived_at(case).date()
    if on < since:
        raise ValidationError(field, f"出件日期不能早于结果到达出件窗口的日期 {since.isoformat()}")


def _check_presented_id(id_number: str) -> str:
    number = normalise_id(id_number)
    if not number:
        raise ValidationError("id_number", "请输入领取人出示的证件号码")
    return number


def _to_applicant(tx: Tx, case_ref: str, number: str, on: date, at: datetime) -> DeliveryResult:
    case = _ready_case(tx, case_ref)
    if tx.ws.key.blind_index("id_number", number) != case.applicant_id_index:
        raise ValidationError(
            "id_number",
            f"出示的证件号码与申请人登记的证件（{case.applicant_id_masked}）不一致，"
            f"不能本人领取；如由他人代领，请核验代领人身份和授权",
        )
    _not_before_arrival(case, on)
    return _record_delivery(
        tx,
        case,
        method=DeliveryMethod.PICKUP,
        kind=RecipientKind.APPLICANT,
        recipient=case.applicant_name,
        on=on,
        at=at,
        fields={
            "recipient_id_index": case.applicant_id_index,
            "recipient_id_masked": case.applicant_id_masked,
        },
        handoff_note=RecipientKind.APPLICANT.label,
    )


def pickup_by_applicant(
    ws: Workstation,
    actor: Actor,
    case_ref: str,
    id_number: str,
    *,
    on: date | None = None,
    at: datetime | None = None,
) -> DeliveryResult:
    """本人领取: the ID presented must be the applicant's on file (compared through the blind
    index; only masked forms are ever shown)."""
    actor.require(Permission.DELIVER)
    on, at = routing.moment(ws, on, at)
    number = _check_presented_id(id_number)
    with ws.transaction(actor) as tx:
        return _to_applicant(tx, case_ref, number, on, at)


@dataclass(frozen=True)
class _CheckedProxy:
    name: str
    number: str
    authorisation: str


def _check_proxy(proxy: ProxyDraft, on: date) -> _CheckedProxy:
    errors: list[ValidationError] = []
    name = number = ""
    try:
        name = routing.clean_name(proxy.name, "proxy_name", "代领人")
    except ValidationError as exc:
        errors.append(exc)
    try:
        number = identity.parse_resident_id(
            proxy.id_number, today=on, field="proxy_id_number"
        ).number
    except ValidationError as exc:
        errors.append(exc)
    authorisation = proxy.authorisation.strip()
    if len(authorisation) < 2:
        errors.append(
            ValidationError("authorisation", "请注明代领授权（如授权委托书、申请人电话确认）")
        )
    elif len(authorisation) > routing.MAX_NOTE:
        errors.append(ValidationError("authorisation", "授权说明过长（最多 500 字）"))
    if errors:
        raise ValidationErrors(errors)
    return _CheckedProxy(name, number, authorisation)


def _to_proxy(
    tx: Tx, case_ref: str, proxy: _CheckedProxy, on: date, at: datetime
) -> DeliveryResult:
    key = tx.ws.key
    index = key.blind_index("id_number", proxy.number)
    case = _ready_case(tx, case_ref)
    if index == case.applicant_id_index:
        raise ValidationError("proxy_id_number", "代领人证件号码与申请人相同，请选择本人领取")
    _not_before_arrival(case, on)
    return _record_delivery(
        tx,
        case,
        method=DeliveryMethod.PICKUP,
        kind=RecipientKind.PROXY,
        recipient=proxy.name,
        on=on,
        at=at,
        fields={
            "recipient_id_cipher": key.encrypt("id_number", proxy.number),
            "recipient_id_index": index,
            "recipient_id_masked": identity.mask_resident_id(proxy.number),
            "authorisation": proxy.authorisation,
        },
        handoff_note=f"代领（{proxy.authorisation}）",
    )


def pickup_by_proxy(
    ws: Workstation,
    actor: Actor,
    case_ref: str,
    proxy: ProxyDraft,
    *,
    on: date | None = None,
    at: datetime | None = None,
) -> DeliveryResult:
    """代领: the proxy's name and resident ID are checked and the authorisation is noted."""
    actor.require(Permission.DELIVER)
    on, at = routing.moment(ws, on, at)
    checked = _check_proxy(proxy, on)
    with ws.transaction(actor) as tx:
        return _to_proxy(tx, case_ref, checked, on, at)


@dataclass(frozen=True)
class _CheckedMail:
    recipient: str
    phone: str
    address: str
    carrier: str
    tracking_no: str
    sent_on: date


def _check_mail(draft: MailDraft, on: date) -> _CheckedMail:
    errors: list[ValidationError] = []
    recipient = phone = carrier = tracking = ""
    try:
        recipient = routing.clean_name(draft.recipient, "recipient", "收件人")
    except ValidationError as exc:
        errors.append(exc)
    if not draft.phone.strip():
        errors.append(ValidationError("phone", "请填写收件人电话"))
    else:
        try:
            phone = identity.normalize_phone(draft.phone, field="phone")
        except ValidationError as exc:
            errors.append(exc)
    address = " ".join(draft.address.split())
    if len(address) < 6:
        errors.append(ValidationError("address", "请填写详细的邮寄地址（省市县、乡镇街道、门牌）"))
    elif len(address) > 200:
        errors.append(ValidationError("address", "邮寄地址过长（最多 200 字）"))
    try:
        carrier = check_carrier(draft.carrier)
        tracking = check_tracking_no(carrier, draft.tracking_no)
    except ValidationError as exc:
        errors.append(exc)
    sent_on = draft.sent_on or on
    if sent_on > on:
        errors.append(ValidationError("sent_on", "寄出日期不能晚于今天"))
    if errors:
        raise ValidationErrors(errors)
    return _CheckedMail(recipient, phone, address, carrier, tracking, sent_on)


def _by_mail(tx: Tx, case_ref: str, m: _CheckedMail, at: datetime) -> DeliveryResult:
    if at.date() != m.sent_on:
        at = datetime.combine(m.sent_on, at.timetz())
    case = _ready_case(tx, case_ref)
    if not _mail_allowed(tx.ws, tx.session, [case.id])[case.id]:
        raise ValidationError(
            "method", f"事项「{case.title}」不支持邮寄送达，请通知申请人到窗口领取"
        )
    _not_before_arrival(case, m.sent_on, "sent_on")
    clash = tx.session.scalars(
        select(DeliveryRow).where(
            DeliveryRow.tracking_no == m.tracking_no,
            DeliveryRow.carrier == m.carrier,
            DeliveryRow.returned_on.is_(None),
        )
    ).first()
    if clash is not None:
        other = tx.session.get(CaseRow, clash.case_id)
        # One envelope may carry several results of the same applicant.
        if other is None or other.applicant_id_index != case.applicant_id_index:
            raise ValidationError(
                "tracking_no", f"运单号 {m.tracking_no} 已用于办件 {clash.case_no}（收件人不同）"
            )
    key = tx.ws.key
    return _record_delivery(
        tx,
        case,
        method=DeliveryMethod.MAIL,
        kind=RecipientKind.MAIL,
        recipient=m.recipient,
        on=m.sent_on,
        at=at,
        fields={
            "phone_cipher": key.encrypt("phone", m.phone),
            "phone_index": key.blind_index("phone", m.phone),
            "phone_masked": identity.mask_phone(m.phone),
            "address_cipher": key.encrypt("address", m.address),
            "address_masked": mask_address(m.address),
            "carrier": m.carrier,
            "tracking_no": m.tracking_no,
        },
        handoff_note=f"{carrier_label(m.carrier)} {m.tracking_no}",
    )


def mail(
    ws: Workstation,
    actor: Actor,
    case_ref: str,
    draft: MailDraft,
    *,
    on: date | None = None,
    at: datetime | None = None,
) -> DeliveryResult:
    """邮寄: recipient, phone and address sealed like an applicant's; carrier and a tracking
    number in that carrier's format; the day posted is the delivery day."""
    actor.require(Permission.DELIVER)
    on, at = routing.moment(ws, on, at)
    checked = _check_mail(draft, on)
    with ws.transaction(actor) as tx:
        return _by_mail(tx, case_ref, checked, at)


@dataclass(frozen=True)
class HandOut:
    """One hand-out for the bulk path: `mail`, else `proxy`, else the applicant's `id_number`."""

    case_ref: str
    id_number: str = ""
    proxy: ProxyDraft | None = None
    mail: MailDraft | None = None
    on: date | None = None
    at: datetime | None = None


def hand_out_many(ws: Workstation, actor: Actor, batch: Sequence[HandOut]) -> list[DeliveryResult]:
    """The bulk path (imports, demo data, benchmarks): the same checks and events as the
    single hand-outs, in one transaction; any refusal refuses the whole batch."""
    actor.require(Permission.DELIVER)
    results = []
    with ws.transaction(actor) as tx:
        for h in batch:
            on, at = routing.moment(ws, h.on, h.at)
            if h.mail is not None:
                results.append(_by_mail(tx, h.case_ref, _check_mail(h.mail, on), at))
            elif h.proxy is not None:
                results.append(_to_proxy(tx, h.case_ref, _check_proxy(h.proxy, on), on, at))
            else:
                number = _check_presented_id(h.id_number)
                results.append(_to_applicant(tx, h.case_ref, number, on, at))
    return results


@dataclass(frozen=True)
class MailReturn:
    delivery_id: str
    case_id: str
    case_no: str
    tracking_no: str
    reason: str
    on: date


def mail_returned(
    ws: Workstation,
    actor: Actor,
    case_ref: str,
    reason: str,
    *,
    on: date | None = None,
    at: datetime | None = None,
) -> MailReturn:
    """邮件退回: the mailing is marked returned and the result goes back to the ready queue."""
    actor.require(Permission.DELIVER)
    on, at = routing.moment(ws, on, at)
    reason = reason.strip()
    if len(reason) < MIN_RETURN_REASON:
        raise ValidationError("reason", "请填写退回原因（如查无此人、拒收、地址不详）")
    if len(reason) > routing.MAX_NOTE:
        raise ValidationError("reason", "退回原因过长（最多 500 字）")
    with ws.transaction(actor) as tx:
        case = case_by_ref(tx.session, case_ref, ws.today())
        posted = tx.session.scalars(
            select(DeliveryRow)
            .where(DeliveryRow.case_id == case.id, DeliveryRow.returned_on.is_(None))
            .order_by(DeliveryRow.hlc.desc())
            .limit(1)
        ).first()
        if (
            CaseState(case.state) != CaseState.DELIVERED
            or posted is None
            or posted.method != DeliveryMethod.MAIL.value
        ):
            raise routing.refuse(case, "登记邮件退回", "该办件没有未退回的邮寄记录")
        if on < posted.on:
            raise ValidationError("on", f"退回日期不能早于寄出日期 {posted.on.isoformat()}")
        tx.emit(
            "delivery.mail_returned",
            "delivery",
            posted.id,
            {"set": {"returned_on": on.isoformat(), "return_reason": reason}},
        )
        routing.record_move(
            tx,
            case,
            step=CaseEvent.MAIL_RETURNED,
            move=Move.MAIL_RETURNED,
            to_station=DELIVERY,
            on=on,
            at=at,
            giver=carrier_label(posted.carrier),
            receiver=actor.display_name,
            case_set={"delivered_on": None, "delivery_method": ""},
            note=reason,
        )
        tx.audit("delivery.mail_returned", case.case_no, {"delivery": posted.id})
        return MailReturn(posted.id, case.id, case.case_no, posted.tracking_no, reason, on)


def mail_draft_for(ws: Workstation, actor: Actor, case_ref: str) -> MailDraft:
    """The mailing form filled from the applicant on file (decrypted for the clerk; audited)."""
    actor.require(Permission.DELIVER)
    with ws.transaction(actor) as tx:
        case = case_by_ref(tx.session, case_ref, ws.today())
        applicant = tx.session.get(ApplicantRow, case.applicant_id)
        if applicant is None:
            raise NotFound("办件的申请人记录缺失")
        key = ws.key
        draft = MailDraft(
            recipient=applicant.contact_name or applicant.name,
            phone=key.decrypt("phone", applicant.phone_cipher) if applicant.phone_cipher else "",
            address=(
                key.decrypt("address", applicant.address_cipher) if applicant.address_cipher else ""
            ),
        )
        tx.audit("pii.unmask", case.case_no, {"field": "mail_prefill"})
        return draft


# --- records, the mailing list and the ledger -------------------------------------------------


@dataclass(frozen=True)
class DeliveryRecord:
    """One delivery as the 领取签收单 prints it."""

    delivery_id: str
    case_no: str
    title: str
    items: list[str]
    departments: str
    applicant_name: str
    applicant_id_masked: str
    result: str
    reason: str
    method: DeliveryMethod
    recipient_kind: RecipientKind
    recipient_name: str
    recipient_id_masked: str
    authorisation: str
    phone_masked: str
    address_masked: str
    carrier: str
    tracking_no: str
    on: date
    at: datetime
    clerk_name: str
    window: str
    returned_on: date | None
    return_reason: str


def _items_of(session: Session, case_ids: Sequence[str]) -> dict[str, list[CaseItemRow]]:
    out: dict[str, list[CaseItemRow]] = {}
    for item in session.scalars(
        select(CaseItemRow)
        .where(CaseItemRow.case_id.in_(list(case_ids)))
        .order_by(CaseItemRow.case_id, CaseItemRow.position)
    ):
        out.setdefault(item.case_id, []).append(item)
    return out


def delivery_record(ws: Workstation, actor: Actor, delivery_id: str) -> DeliveryRecord:
    if not actor.may(Permission.DELIVER):
        actor.require(Permission.VIEW_CASES)
    with ws.reading() as s:
        row = s.get(DeliveryRow, delivery_id)
        if row is None:
            raise NotFound(f"找不到出件记录「{delivery_id}」")
        case = s.get(CaseRow, row.case_id)
        if case is None:
            raise NotFound(f"找不到办件「{row.case_no}」")
        items = [i.item_name for i in _items_of(s, [case.id]).get(case.id, [])]
    denied = row.result == CaseState.DENIED.value
    return DeliveryRecord(
        row.id,
        row.case_no,
        case.title,
        items,
        case.departments,
        case.applicant_name,
        case.applicant_id_masked,
        "不予许可" if denied else "已办结",
        case.reason if denied else "",
        DeliveryMethod(row.method),
        RecipientKind(row.recipient_kind),
        row.recipient_name,
        row.recipient_id_masked,
        row.authorisation,
        row.phone_masked,
        row.address_masked,
        row.carrier,
        row.tracking_no,
        row.on,
        datetime.fromisoformat(row.at),
        row.clerk_name,
        row.window,
        row.returned_on,
        row.return_reason,
    )


@dataclass(frozen=True)
class MailingEntry:
    position: int
    delivery_id: str
    case_no: str
    title: str
    recipient: str
    phone: str  # in full: the courier needs it
    address: str
    carrier: str
    carrier_label: str
    tracking_no: str
    clerk_name: str


def mailing_list(
    ws: Workstation, actor: Actor, sent_on: date, *, carrier: str | None = None
) -> list[MailingEntry]:
    """Everything posted on `sent_on` (批量邮寄清单), in full for the courier; audited."""
    actor.require(Permission.DELIVER)
    query = (
        select(DeliveryRow, CaseRow.title)
        .join(CaseRow, CaseRow.id == DeliveryRow.case_id)
        .where(DeliveryRow.method == DeliveryMethod.MAIL.value, DeliveryRow.on == sent_on)
        .order_by(DeliveryRow.carrier, DeliveryRow.hlc)
    )
    if carrier:
        query = query.where(DeliveryRow.carrier == check_carrier(carrier))
    key = ws.key
    with ws.transaction(actor) as tx:
        rows = list(tx.session.execute(query))
        entries = [
            MailingEntry(
                position,
                d.id,
                d.case_no,
                title,
                d.recipient_name,
                key.decrypt("phone", d.phone_cipher) if d.phone_cipher else "",
                key.decrypt("address", d.address_cipher) if d.address_cipher else "",
                d.carrier,
                carrier_label(d.carrier),
                d.tracking_no,
                d.clerk_name,
            )
            for position, (d, title) in enumerate(rows, start=1)
        ]
        if entries:
            tx.audit("delivery.mailing_list", sent_on.isoformat(), {"entries": len(entries)})
    return entries


@dataclass
class DeliveryFilter:
    start: date | None = None
    end: date | None = None
    window: str = ""
    method: str = ""  # pickup | mail
    item_code: str = ""
    department: str = ""


@dataclass(frozen=True)
class DeliveryEntry:
    delivery_id: str
    on: date
    at: datetime
    case_no: str
    title: str
    items: str
    departments: str
    applicant_name: str
    result: str
    method: DeliveryMethod
    method_label: str
    recipient_kind_label: str
    recipient_name: str
    recipient_id: str  # masked unless unmasked
    phone: str
    address: str
    authorisation: str
    carrier_label: str
    tracking_no: str
    returned_on: date | None
    return_reason: str
    window: str
    clerk_name: str


def delivery_log(
    ws: Workstation, actor: Actor, flt: DeliveryFilter | None = None, *, unmask: bool = False
) -> list[DeliveryEntry]:
    """出件台账: every delivery, filterable by day, window, method, item and department.
    Unmasked personal data needs the permission, and the reveal is audited."""
    if not actor.may(Permission.DELIVER):
        actor.require(Permission.REPORTS)
    if unmask:
        actor.require(Permission.UNMASK)
    flt = flt or DeliveryFilter()
    query = (
        select(DeliveryRow, CaseRow)
        .join(CaseRow, CaseRow.id == DeliveryRow.case_id)
        .order_by(DeliveryRow.on, DeliveryRow.hlc)
    )
    if flt.start is not None:
        query = query.where(DeliveryRow.on >= flt.start)
    if flt.end is not None:
        query = query.where(DeliveryRow.on <= flt.end)
    if flt.window:
        query = query.where(DeliveryRow.window == flt.window)
    if flt.method:
        try:
            method = DeliveryMethod(flt.method)
        except ValueError:
            raise ValidationError(
                "method", "出件方式应为 pickup（窗口领取）或 mail（邮寄）"
            ) from None
        query = query.where(DeliveryRow.method == method.value)
    if flt.item_code:
        query = query.where(
            DeliveryRow.case_id.in_(
                select(CaseItemRow.case_id).where(CaseItemRow.item_code == flt.item_code)
            )
        )
    if flt.department:
        query = query.where(
            DeliveryRow.case_id.in_(
                select(CaseItemRow.case_id).where(CaseItemRow.department == flt.department)
            )
        )
    key = ws.key
    with ws.reading() as s:
        rows = list(s.execute(query))
        items = _items_of(s, list({d.case_id for d, _ in rows}))

    def reveal(field: str, cipher: str, masked: str) -> str:
        return key.decrypt(field, cipher) if unmask and cipher else masked

    entries = [
        DeliveryEntry(
            d.id,
            d.on,
            datetime.fromisoformat(d.at),
            d.case_no,
            c.title,
            "、".join(i.item_name for i in items.get(d.case_id, [])),
            c.departments,
            c.applicant_name,
            "不予许可" if d.result == CaseState.DENIED.value else "已办结",
            DeliveryMethod(d.method),
            DeliveryMethod(d.method).label,
            RecipientKind(d.recipient_kind).label,
            d.recipient_name,
            reveal("id_number", d.recipient_id_cipher, d.recipient_id_masked),
            reveal("phone", d.phone_cipher, d.phone_masked),
            reveal("address", d.address_cipher, d.address_masked),
            d.authorisation,
            carrier_label(d.carrier) if d.carrier else "",
            d.tracking_no,
            d.returned_on,
            d.return_reason,
            d.window,
            d.clerk_name,
        )
        for d, c in rows
    ]
    if unmask and entries:
        with ws.transaction(actor) as tx:
            tx.audit("pii.unmask", "deliveries", {"field": "delivery_log", "rows": len(entries)})
    return entries


def delivery_windows(ws: Workstation) -> list[str]:
    """Windows that have handed something out (for the ledger's filter)."""
    with ws.reading() as s:
        return [
            w
            for w in s.scalars(select(DeliveryRow.window).distinct().order_by(DeliveryRow.window))
            if w
        ]
