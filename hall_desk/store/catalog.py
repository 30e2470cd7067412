"""Catalog read queries: items with their materials and 一件事 bundles, as domain values."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from hall_desk.domain.calendar import LimitUnit
from hall_desk.domain.catalog import (
    DeliveryMethod,
    ItemKind,
    MaterialForm,
    MaterialRequirement,
    ServiceItem,
    Theme,
)
from hall_desk.domain.errors import NotFound, ValidationError
from hall_desk.store.models_catalog import (
    MaterialRequirementRow,
    ServiceItemRow,
    ThemeItemRow,
    ThemeRow,
)


def _item(row: ServiceItemRow, materials: list[MaterialRequirementRow]) -> ServiceItem:
    return ServiceItem(
        code=row.code,
        name=row.name,
        department=row.department,
        kind=ItemKind(row.kind),
        legal_limit=row.legal_limit,
        promised_limit=row.promised_limit,
        limit_unit=LimitUnit(row.limit_unit),
        fee=row.fee,
        delivery=tuple(DeliveryMethod(d) for d in row.delivery.split(",") if d),
        materials=tuple(
            MaterialRequirement(m.name, MaterialForm(m.form), m.copies, m.required, m.deferrable)
            for m in materials
        ),
        produces=tuple(p for p in row.produces.split("\n") if p),
    )


def all_items(session: Session) -> list[ServiceItem]:
    """Every catalog item in catalog order, with its materials."""
    mats: dict[str, list[MaterialRequirementRow]] = {}
    for m in session.scalars(
        select(MaterialRequirementRow).order_by(
            MaterialRequirementRow.item_code, MaterialRequirementRow.position
        )
    ):
        mats.setdefault(m.item_code, []).append(m)
    rows = session.scalars(select(ServiceItemRow).order_by(ServiceItemRow.position))
    return [_item(r, mats.get(r.code, [])) for r in rows]


def items_by_code(session: Session, codes: list[str]) -> list[ServiceItem]:
    """The items in the order asked; an unknown code is a ValidationError naming it."""
    known = {i.code: i for i in all_items(session)}
    missing = [c for c in codes if c not in known]
    if missing:
        raise ValidationError("items", f"事项库中没有事项编码：{'、'.join(missing)}")
    return [known[c] for c in codes]


def theme_by_code(session: Session, code: str) -> Theme:
    row = session.get(ThemeRow, code)
    if row is None:
        raise NotFound(f"事项库中没有一件事编码「{code}」")
    members = session.scalars(
        select(ThemeItemRow.item_code)
        .where(ThemeItemRow.theme_code == code)
        .order_by(ThemeItemRow.position)
    )
    return Theme(row.code, row.name, tuple(members))
