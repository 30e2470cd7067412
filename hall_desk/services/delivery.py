"""统一出件: handing results out in person (本人/代领) or by post, and returned mail.

The ready queue is `hall_desk.services.delivery_queue`, the records, the mailing list and the
ledger `hall_desk.services.delivery_records`, carriers and tracking numbers
`hall_desk.domain.mailing`; their public names are re-exported here for existing callers.
"""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from hall_desk.domain import identity
from hall_desk.domain.catalog import DeliveryMethod
from hall_desk.domain.errors import NotFound, TransitionError, ValidationError, ValidationErrors
from hall_desk.domain.lifecycle import CaseEvent, CaseState
from hall_desk.domain.limits import MAX_ADDRESS, MAX_NOTE
from hall_desk.domain.mailing import (
    CARRIERS,
    MIN_RETURN_REASON,
    RecipientKind,
    carrier_label,
    check_carrier,
    check_tracking_no,
    mask_address,
    normalise_id,
)
from hall_desk.domain.moves import departments_outstanding, outstanding_departments, refuse
from hall_desk.domain.roles import Actor, Permission
from hall_desk.domain.stations import APPLICANT, DELIVERY, Move, is_window
from hall_desk.domain.text import clean_text
from hall_desk.services.common import (
    arrived_at,
    case_by_ref,
    clean_name,
    find_case,
    iso,
    moment,
    read_ahead,
)
from hall_desk.services.delivery_queue import (
    QUEUE_LIMIT,
    RESULT_KINDS,
    ReadyCase,
    mail_allowed,
    outcomes,
    ready_queue,
    result_label,
)
from hall_desk.services.delivery_records import (
    DeliveryEntry,
    DeliveryFilter,
    DeliveryRecord,
    MailingEntry,
    delivery_log,
    delivery_record,
    delivery_windows,
    mailing_list,
)
from hall_desk.services.moves import decided_departments, record_move
from hall_desk.services.workstation import Tx, Workstation, each_by_its_clerk
from hall_desk.store.models import CaseRow
from hall_desk.store.models_intake import ApplicantRow
from hall_desk.store.queries import delivery as delivery_queries
from hall_desk.store.queries import routing as routing_queries
from hall_desk.store.queries.routing import DepartmentDecision

__all__ = [
    "CARRIERS",
    "MIN_RETURN_REASON",
    "QUEUE_LIMIT",
    "RESULT_KINDS",
    "DeliveryEntry",
    "DeliveryFilter",
    "DeliveryRecord",
    "DeliveryResult",
    "HandOut",
    "MailDraft",
    "MailReturn",
    "MailingEntry",
    "ProxyDraft",
    "ReadyCase",
    "RecipientKind",
    "carrier_label",
    "check_carrier",
    "check_tracking_no",
    "delivery_log",
    "delivery_record",
    "delivery_windows",
    "hand_out_many",
    "mail",
    "mail_draft_for",
    "mail_returned",
    "mailing_list",
    "mask_address",
    "normalise_id",
    "outcomes",
    "pickup_by_applicant",
    "pickup_by_proxy",
    "ready_queue",
    "result_label",
]


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


# tx.memo: what a bulk hand-out read ahead for its cases (`_read_ahead`).
_AHEAD = ("delivery", "read_ahead")


@dataclass(frozen=True)
class _ReadAhead:
    ids: frozenset[str]  # the cases read ahead
    decided: dict[str, dict[str, DepartmentDecision]]  # by case id: departments that decided
    results: dict[str, str]  # by case id: the latest result event's kind
    counts: dict[str, tuple[int, int]]  # by case id: received materials and copies
    mailable: dict[str, bool]  # by case id: whether every item of it may be posted


def _read_ahead(tx: Tx, refs: Sequence[str]) -> None:
    """A bulk hand-out's cases, the departments that decided them, their results, material
    counts and whether they may be posted, each in one query for the whole batch where every
    hand-out read its own. A hand-out changes none of these (it records a pickup or a posting,
    not a department's decision, a result, a material or an item), so what is read before the
    first is what each would read itself."""
    today = tx.ws.today()
    read_ahead(tx.session, refs, today)
    found = [find_case(tx.session, ref, today) for ref in refs]
    ids = list(dict.fromkeys(c.id for c in found if c is not None))
    if ids:
        tx.memo[_AHEAD] = _ReadAhead(
            frozenset(ids),
            routing_queries.department_decisions(tx.session, ids),
            outcomes(tx.session, ids),
            routing_queries.material_counts(tx.session, ids),
            mail_allowed(tx.ws, tx.session, ids),
        )


def _decided(tx: Tx, case: CaseRow) -> dict[str, DepartmentDecision]:
    ahead: _ReadAhead | None = tx.memo.get(_AHEAD)
    if ahead is not None and case.id in ahead.ids:
        return ahead.decided.get(case.id, {})
    return decided_departments(tx.session, case)


def _ready_case(tx: Tx, case_ref: str) -> CaseRow:
    """The case, if its result is at a delivery point; else a refusal naming where it is."""
    case = case_by_ref(tx.session, case_ref, tx.ws.today())
    state = CaseState(case.state)
    at_point = case.station == DELIVERY or is_window(case.station)
    if state == CaseState.READY_FOR_DELIVERY and at_point:
        decided = _decided(tx, case)
        left = outstanding_departments(case, decided) if decided else []
        if left:
            # Sent on after one department of several (before every one had to decide).
            message = departments_outstanding(case, "出件", left)
            raise TransitionError(state.label, "出件", message)
        return case
    if state == CaseState.DELIVERED:
        hint = f"已于 {case.delivered_on.isoformat() if case.delivered_on else '—'} 出件"
    elif state == CaseState.UNDER_REVIEW:
        hint = "审批结果尚未取回"
    elif state in (CaseState.CONCLUDED, CaseState.DENIED):
        hint = "结果尚在流转岗，未送达出件窗口"
    else:
        hint = "尚无办理结果"
    raise refuse(case, "出件", hint)


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
    ahead: _ReadAhead | None = tx.memo.get(_AHEAD)
    if ahead is not None and case.id in ahead.ids:
        result, counts = ahead.results.get(case.id, ""), ahead.counts.get(case.id, (0, 0))
    else:
        result, counts = outcomes(tx.session, [case.id]).get(case.id, ""), None
    # The delivery, the case's step and its handoff fold together: none of them reads what
    # the others change (the handoff names the case's due date, which delivering keeps).
    with tx.folding_together():
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
                    "at": iso(at),
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
            fresh=True,
        )
        record_move(
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
            counts=counts,
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
    since = arrived_at(case).date()
    if on < since:
        raise ValidationError(field, f"出件日期不能早于结果到达出件窗口的日期 {since.isoformat()}")


def _check_presented_id(id_number: str) -> str:
    identity.refuse_overlong(id_number, "id_number", "证件号码")
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
    on, at = moment(ws, on, at)
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
        name = clean_name(proxy.name, "proxy_name", "代领人")
    except ValidationError as exc:
        errors.append(exc)
    try:
        number = identity.parse_resident_id(
            proxy.id_number, today=on, field="proxy_id_number"
        ).number
    except ValidationError as exc:
        errors.append(exc)
    authorisation = ""
    try:
        authorisation = clean_text(
            proxy.authorisation, "authorisation", "授权说明", max_len=MAX_NOTE
        )
        if len(authorisation) < 2:
            errors.append(
                ValidationError("authorisation", "请注明代领授权（如授权委托书、申请人电话确认）")
            )
    except ValidationError as exc:
        errors.append(exc)
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
    on, at = moment(ws, on, at)
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
        recipient = clean_name(draft.recipient, "recipient", "收件人")
    except ValidationError as exc:
        errors.append(exc)
    if not draft.phone.strip():
        errors.append(ValidationError("phone", "请填写收件人电话"))
    else:
        try:
            phone = identity.normalize_phone(draft.phone, field="phone")
        except ValidationError as exc:
            errors.append(exc)
    address = ""
    try:
        address = clean_text(draft.address, "address", "邮寄地址", max_len=MAX_ADDRESS)
        if len(address) < 6:
            errors.append(
                ValidationError("address", "请填写详细的邮寄地址（省市县、乡镇街道、门牌）")
            )
    except ValidationError as exc:
        errors.append(exc)
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
    ahead: _ReadAhead | None = tx.memo.get(_AHEAD)
    if ahead is not None and case.id in ahead.ids:
        mailable = ahead.mailable[case.id]
    else:
        mailable = mail_allowed(tx.ws, tx.session, [case.id])[case.id]
    if not mailable:
        raise ValidationError(
            "method", f"事项「{case.title}」不支持邮寄送达，请通知申请人到窗口领取"
        )
    _not_before_arrival(case, m.sent_on, "sent_on")
    clash = delivery_queries.tracking_in_use(tx.session, m.carrier, m.tracking_no)
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
    on, at = moment(ws, on, at)
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
        _read_ahead(tx, [h.case_ref for h in batch])
        for h in batch:
            on, at = moment(ws, h.on, h.at)
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
    on, at = moment(ws, on, at)
    reason = _return_reason(reason)
    with ws.transaction(actor) as tx:
        return _mail_returned_in(tx, case_ref, reason, on, at)


@dataclass(frozen=True)
class MailBack:
    """One posted result come back, recorded by `actor`."""

    actor: Actor
    case_ref: str
    reason: str
    on: date | None = None
    at: datetime | None = None


def mail_returned_many(ws: Workstation, lines: Sequence[MailBack]) -> list[MailReturn]:
    """The bulk path (demo data): each line as `mail_returned` records it, under its own clerk,
    in one transaction folded together at its end."""
    checked = {}
    for line in lines:
        line.actor.require(Permission.DELIVER)
        checked[id(line)] = (_return_reason(line.reason), *moment(ws, line.on, line.at))
    return each_by_its_clerk(
        ws, lines, lambda tx, line: _mail_returned_in(tx, line.case_ref, *checked[id(line)])
    )


def _return_reason(reason: str) -> str:
    reason = clean_text(reason, "reason", "退回原因", max_len=MAX_NOTE, multiline=True)
    if len(reason) < MIN_RETURN_REASON:
        raise ValidationError("reason", "请填写退回原因（如查无此人、拒收、地址不详）")
    return reason


def _mail_returned_in(tx: Tx, case_ref: str, reason: str, on: date, at: datetime) -> MailReturn:
    case = case_by_ref(tx.session, case_ref, tx.ws.today())
    tx.settle("case", case.id)  # the same case twice in one bulk batch
    posted = delivery_queries.open_delivery(tx.session, case.id)
    if (
        CaseState(case.state) != CaseState.DELIVERED
        or posted is None
        or posted.method != DeliveryMethod.MAIL.value
    ):
        raise refuse(case, "登记邮件退回", "该办件没有未退回的邮寄记录")
    if on < posted.on:
        raise ValidationError("on", f"退回日期不能早于寄出日期 {posted.on.isoformat()}")
    tx.emit(
        "delivery.mail_returned",
        "delivery",
        posted.id,
        {"set": {"returned_on": on.isoformat(), "return_reason": reason}},
    )
    record_move(
        tx,
        case,
        step=CaseEvent.MAIL_RETURNED,
        move=Move.MAIL_RETURNED,
        to_station=DELIVERY,
        on=on,
        at=at,
        giver=carrier_label(posted.carrier),
        receiver=tx.actor.display_name,
        case_set={"delivered_on": None, "delivery_method": ""},
        note=reason,
    )
    tx.audit("delivery.mail_returned", case.case_no, {"delivery": posted.id})
    return MailReturn(posted.id, case.id, case.case_no, posted.tracking_no, reason, on)


def mail_draft_for(ws: Workstation, actor: Actor, case_ref: str) -> MailDraft:
    """The mailing form filled from the applicant on file (decrypted for the clerk; audited)."""
    actor.require(Permission.DELIVER)
    actor.require(Permission.UNMASK)
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
        tx.audit(
            "pii.unmask", case.case_no, {"fields": ["phone", "address"], "reason": "mail_prefill"}
        )
        return draft
