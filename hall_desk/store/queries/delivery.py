"""Read queries of 统一出件: cases waiting, their results, mailings, and the delivery ledger."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from sqlalchemy import ColumnElement, select
from sqlalchemy.orm import Session

from hall_desk.store.models import CaseItemRow, CaseRow, Event
from hall_desk.store.models_routing import DeliveryRow

CHUNK = 500  # ids per IN (…): below SQLite's variable limit on every build


def cases_where(session: Session, *conditions: ColumnElement[bool]) -> list[CaseRow]:
    return list(session.scalars(select(CaseRow).where(*conditions)))


def latest_of_kinds(
    session: Session, case_ids: Sequence[str], kinds: Sequence[str]
) -> dict[str, str]:
    """The kind of each case's latest event among `kinds` (by HLC)."""
    out: dict[str, tuple[str, str]] = {}
    for chunk_start in range(0, len(case_ids), CHUNK):
        chunk = list(case_ids[chunk_start : chunk_start + CHUNK])
        for entity_id, kind, hlc in session.execute(
            select(Event.entity_id, Event.kind, Event.hlc).where(
                Event.entity_type == "case",
                Event.entity_id.in_(chunk),
                Event.kind.in_(list(kinds)),
            )
        ):
            if entity_id not in out or hlc > out[entity_id][1]:
                out[entity_id] = (kind, hlc)
    return {k: v[0] for k, v in out.items()}


def item_codes(session: Session, case_ids: Sequence[str]) -> list[tuple[str, str]]:
    """(case id, item code) of every item of the cases."""
    return [
        (case_id, code)
        for case_id, code in session.execute(
            select(CaseItemRow.case_id, CaseItemRow.item_code).where(
                CaseItemRow.case_id.in_(list(case_ids))
            )
        )
    ]


def returned_mailings(session: Session, case_ids: Sequence[str]) -> list[DeliveryRow]:
    """The cases' mailings that came back, oldest first."""
    return list(
        session.scalars(
            select(DeliveryRow)
            .where(DeliveryRow.case_id.in_(list(case_ids)), DeliveryRow.returned_on.is_not(None))
            .order_by(DeliveryRow.hlc)
        )
    )


def open_delivery(session: Session, case_id: str) -> DeliveryRow | None:
    """The case's latest delivery that has not come back."""
    return session.scalars(
        select(DeliveryRow)
        .where(DeliveryRow.case_id == case_id, DeliveryRow.returned_on.is_(None))
        .order_by(DeliveryRow.hlc.desc())
        .limit(1)
    ).first()


def tracking_in_use(session: Session, carrier: str, tracking_no: str) -> DeliveryRow | None:
    """A mailing still under way with this carrier's tracking number."""
    return session.scalars(
        select(DeliveryRow).where(
            DeliveryRow.tracking_no == tracking_no,
            DeliveryRow.carrier == carrier,
            DeliveryRow.returned_on.is_(None),
        )
    ).first()


def mailed_on(
    session: Session, sent_on: date, *, carrier: str | None
) -> list[tuple[DeliveryRow, str]]:
    """Everything posted on `sent_on` with its case title, by carrier then in order."""
    query = (
        select(DeliveryRow, CaseRow.title)
        .join(CaseRow, CaseRow.id == DeliveryRow.case_id)
        .where(DeliveryRow.method == "mail", DeliveryRow.on == sent_on)
        .order_by(DeliveryRow.carrier, DeliveryRow.hlc)
    )
    if carrier:
        query = query.where(DeliveryRow.carrier == carrier)
    return [(d, title) for d, title in session.execute(query)]


def deliveries(
    session: Session,
    *,
    start: date | None,
    end: date | None,
    window: str,
    method: str,
    item_code: str,
    department: str,
) -> list[tuple[DeliveryRow, CaseRow]]:
    """The delivery ledger with each row's case, by day then in order; "" filters match all."""
    query = (
        select(DeliveryRow, CaseRow)
        .join(CaseRow, CaseRow.id == DeliveryRow.case_id)
        .order_by(DeliveryRow.on, DeliveryRow.hlc)
    )
    if start is not None:
        query = query.where(DeliveryRow.on >= start)
    if end is not None:
        query = query.where(DeliveryRow.on <= end)
    if window:
        query = query.where(DeliveryRow.window == window)
    if method:
        query = query.where(DeliveryRow.method == method)
    if item_code:
        query = query.where(
            DeliveryRow.case_id.in_(
                select(CaseItemRow.case_id).where(CaseItemRow.item_code == item_code)
            )
        )
    if department:
        query = query.where(
            DeliveryRow.case_id.in_(
                select(CaseItemRow.case_id).where(CaseItemRow.department == department)
            )
        )
    return [(d, c) for d, c in session.execute(query)]


def windows(session: Session) -> list[str]:
    """Windows that have handed something out."""
    return [
        w
        for w in session.scalars(select(DeliveryRow.window).distinct().order_by(DeliveryRow.window))
        if w
    ]
