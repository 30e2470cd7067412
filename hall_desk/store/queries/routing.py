"""Read queries of 材料流转: the board, handoffs, handover sheets, labels and departments."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import ColumnElement, Select, func, select
from sqlalchemy.orm import Session

from hall_desk.domain.stations import station_department
from hall_desk.store.models import CaseItemRow, CaseRow
from hall_desk.store.models_catalog import ServiceItemRow
from hall_desk.store.models_intake import CaseMaterialRow
from hall_desk.store.models_routing import HandoffRow, HandoverSheetRow

# The columns a board row needs: loading whole ORM objects was most of the board's time.
BOARD_COLUMNS = (
    "id",
    "case_no",
    "title",
    "applicant_name",
    "state",
    "station",
    "window",
    "due_date",
    "due_estimated",
    "paused_since",
    "green_channel",
    "clerk",
    "station_since",
    "created_hlc",
    "created_on",
    "departments",
)


def catalog_departments(session: Session) -> list[str]:
    """Approving departments of the catalog, in catalog order."""
    rows = session.execute(
        select(ServiceItemRow.department, func.min(ServiceItemRow.position))
        .group_by(ServiceItemRow.department)
        .order_by(func.min(ServiceItemRow.position))
    ).all()
    return [r[0] for r in rows]


def is_known_department(session: Session, name: str) -> bool:
    """A department of the catalog, or of a case taken in under an older catalog."""
    return bool(
        session.scalar(
            select(func.count())
            .select_from(ServiceItemRow)
            .where(ServiceItemRow.department == name)
        )
        or session.scalar(
            select(func.count()).select_from(CaseItemRow).where(CaseItemRow.department == name)
        )
    )


def material_counts(session: Session, case_ids: list[str]) -> dict[str, tuple[int, int]]:
    """Received materials and copies of each case (what a handover sheet line lists)."""
    rows = session.execute(
        select(
            CaseMaterialRow.case_id,
            func.count(),
            func.coalesce(func.sum(CaseMaterialRow.received_copies), 0),
        )
        .where(CaseMaterialRow.case_id.in_(case_ids), CaseMaterialRow.received)
        .group_by(CaseMaterialRow.case_id)
    ).all()
    return {r[0]: (int(r[1]), int(r[2])) for r in rows}


def case_materials(session: Session, case_id: str) -> list[CaseMaterialRow]:
    return list(session.scalars(select(CaseMaterialRow).where(CaseMaterialRow.case_id == case_id)))


def last_sheet_no(session: Session, prefix: str) -> str | None:
    """The highest handover sheet number starting with `prefix` (longer numbers sort later)."""
    return session.scalar(
        select(HandoverSheetRow.sheet_no)
        # A range, not LIKE (which SQLite answers by reading every sheet number of the hall's
        # history), so that the unique index on sheet_no finds the day's sheets.
        .where(HandoverSheetRow.sheet_no >= prefix, HandoverSheetRow.sheet_no < prefix + "\uffff")
        .order_by(func.length(HandoverSheetRow.sheet_no).desc(), HandoverSheetRow.sheet_no.desc())
        .limit(1)
    )


def board_query(*conditions: ColumnElement[bool]) -> Select[Any]:
    """The board's columns of the cases meeting `conditions`."""
    return select(*[getattr(CaseRow, name) for name in BOARD_COLUMNS]).where(*conditions)


def case_handoffs(session: Session, case_id: str) -> list[HandoffRow]:
    """One folder's handoffs in the order they happened."""
    return list(
        session.scalars(
            select(HandoffRow).where(HandoffRow.case_id == case_id).order_by(HandoffRow.hlc)
        )
    )


def sheet_by_ref(session: Session, ref: str) -> HandoverSheetRow | None:
    """A handover sheet by its id or its number."""
    return (
        session.get(HandoverSheetRow, ref)
        or session.scalars(
            select(HandoverSheetRow).where(HandoverSheetRow.sheet_no == ref.upper())
        ).first()
    )


def sheet_handoffs(session: Session, sheet_id: str) -> list[HandoffRow]:
    return list(
        session.scalars(
            select(HandoffRow)
            .where(HandoffRow.batch_id == sheet_id)
            .order_by(HandoffRow.position, HandoffRow.hlc)
        )
    )


def cases_by_id(session: Session, ids: Sequence[str]) -> dict[str, CaseRow]:
    return {c.id: c for c in session.scalars(select(CaseRow).where(CaseRow.id.in_(list(ids))))}


def item_names(session: Session, case_ids: Sequence[str]) -> dict[str, list[str]]:
    """Each case's item names in intake order."""
    items: dict[str, list[str]] = {}
    for item in session.scalars(
        select(CaseItemRow)
        .where(CaseItemRow.case_id.in_(list(case_ids)))
        .order_by(CaseItemRow.case_id, CaseItemRow.position)
    ):
        items.setdefault(item.case_id, []).append(item.item_name)
    return items


def recent_sheets(
    session: Session, *, on: date | None, move: str | None, limit: int
) -> list[HandoverSheetRow]:
    """Handover sheets, newest first."""
    query = select(HandoverSheetRow).order_by(HandoverSheetRow.hlc.desc()).limit(limit)
    if on is not None:
        query = query.where(HandoverSheetRow.on == on)
    if move is not None:
        query = query.where(HandoverSheetRow.move == move)
    return list(session.scalars(query))


def handoffs_between(
    session: Session, start: date, end: date, *, station: str | None, move: str | None
) -> list[tuple[HandoffRow, CaseRow]]:
    """Every handoff of [start, end] with its case, in the order it happened; `station` keeps
    those from or to it."""
    query = (
        select(HandoffRow, CaseRow)
        .join(CaseRow, CaseRow.id == HandoffRow.case_id)
        .where(HandoffRow.on >= start, HandoffRow.on <= end)
        .order_by(HandoffRow.on, HandoffRow.hlc)
    )
    if station:
        query = query.where(
            (HandoffRow.from_station == station) | (HandoffRow.to_station == station)
        )
    if move is not None:
        query = query.where(HandoffRow.move == move)
    return [(h, c) for h, c in session.execute(query)]


@dataclass(frozen=True)
class DepartmentDecision:
    """A department's result for a case, as its folder was brought back (取回)."""

    department: str
    approved: bool
    reason: str  # the 不予许可 reason, "" when approved
    on: date
    sheet_no: str


DENIAL_NOTE = "不予许可："


def department_decisions(
    session: Session, case_ids: Sequence[str] | Select[Any]
) -> dict[str, dict[str, DepartmentDecision]]:
    """Each case's departments that have decided, in the order they handed back their result.
    `case_ids`: the cases, or a select of their ids (the board reads its cases at once)."""
    query = (
        select(
            HandoffRow.case_id,
            HandoffRow.from_station,
            HandoffRow.result,
            HandoffRow.state,
            HandoffRow.note,
            HandoffRow.on,
            HandoffRow.batch_no,
        )
        .where(HandoffRow.move == "receive_back")
        .order_by(HandoffRow.hlc)
    )
    ids = case_ids if isinstance(case_ids, Select) else list(case_ids)
    query = query.where(HandoffRow.case_id.in_(ids))
    out: dict[str, dict[str, DepartmentDecision]] = {}
    for case_id, station, result, state, note, on, sheet_no in session.execute(query):
        department = station_department(station)
        # Before the result column a receive-back always ended the case: its state says it.
        denied = result == "denied" if result else state == "denied"
        reason = note.removeprefix(DENIAL_NOTE) if denied and note.startswith(DENIAL_NOTE) else ""
        out.setdefault(case_id, {})[department] = DepartmentDecision(
            department, not denied, reason, on, sheet_no
        )
    return out
