"""出件 records: the 领取签收单 of one delivery, the day's mailing list, the delivery ledger."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from hall_desk.domain.catalog import DeliveryMethod
from hall_desk.domain.errors import NotFound, ValidationError
from hall_desk.domain.lifecycle import CaseState
from hall_desk.domain.mailing import RecipientKind, carrier_label, check_carrier
from hall_desk.domain.roles import Actor, Permission
from hall_desk.services.workstation import Workstation
from hall_desk.store.models import CaseRow
from hall_desk.store.models_routing import DeliveryRow
from hall_desk.store.queries import delivery as delivery_queries
from hall_desk.store.queries.routing import item_names


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
        items = item_names(s, [case.id]).get(case.id, [])
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
    actor.require(Permission.UNMASK)
    code = check_carrier(carrier) if carrier else None
    key = ws.key
    with ws.transaction(actor) as tx:
        rows = delivery_queries.mailed_on(tx.session, sent_on, carrier=code)
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
            tx.audit(
                "delivery.mailing_list",
                sent_on.isoformat(),
                {"entries": len(entries), "fields": ["phone", "address"]},
            )
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
    if flt.method:
        try:
            DeliveryMethod(flt.method)
        except ValueError:
            raise ValidationError(
                "method", "出件方式应为 pickup（窗口领取）或 mail（邮寄）"
            ) from None
    key = ws.key
    with ws.reading() as s:
        rows = delivery_queries.deliveries(
            s,
            start=flt.start,
            end=flt.end,
            window=flt.window,
            method=flt.method,
            item_code=flt.item_code,
            department=flt.department,
        )
        items = item_names(s, list({d.case_id for d, _ in rows}))

    def reveal(field: str, cipher: str, masked: str) -> str:
        return key.decrypt(field, cipher) if unmask and cipher else masked

    entries = [
        DeliveryEntry(
            d.id,
            d.on,
            datetime.fromisoformat(d.at),
            d.case_no,
            c.title,
            "、".join(items.get(d.case_id, [])),
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
            tx.audit(
                "pii.unmask",
                "deliveries",
                {
                    "fields": ["id_number", "phone", "address"],
                    "reason": "delivery_log",
                    "rows": len(entries),
                },
            )
    return entries


def delivery_windows(ws: Workstation) -> list[str]:
    """Windows that have handed something out (for the ledger's filter)."""
    with ws.reading() as s:
        return delivery_queries.windows(s)
