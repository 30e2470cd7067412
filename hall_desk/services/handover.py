"""Handover sheets (交接单) for printing and reprinting, folder labels, and the routing ledger."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime

from hall_desk.domain.assistance import Assistance, AssistanceFlag, ServiceMode
from hall_desk.domain.errors import NotFound
from hall_desk.domain.lifecycle import CaseState
from hall_desk.domain.roles import Actor, Permission
from hall_desk.domain.stations import Move, department_station, station_label
from hall_desk.services.common import case_by_ref, display_names
from hall_desk.services.moves import SheetSummary, sheet_summary
from hall_desk.services.workstation import Workstation
from hall_desk.store.queries import routing as routing_queries


@dataclass(frozen=True)
class SheetLine:
    position: int
    case_id: str
    case_no: str
    title: str
    applicant_name: str
    items: list[str]
    departments: str
    materials: int
    copies: int
    due_date: date | None
    green_channel: bool
    state_label: str
    note: str


@dataclass(frozen=True)
class HandoverSheet:
    summary: SheetSummary
    lines: list[SheetLine]
    hall: str


def handover_sheet(ws: Workstation, actor: Actor, sheet_ref: str) -> HandoverSheet:
    """A 交接单 with its lines, by id or number (for printing and reprinting)."""
    actor.require(Permission.VIEW_CASES)
    with ws.reading() as s:
        row = routing_queries.sheet_by_ref(s, sheet_ref.strip())
        if row is None:
            raise NotFound(f"找不到交接单「{sheet_ref}」")
        handoffs = routing_queries.sheet_handoffs(s, row.id)
        ids = [h.case_id for h in handoffs]
        cases = routing_queries.cases_by_id(s, ids)
        items = routing_queries.item_names(s, ids)
        summary = sheet_summary(row)
    lines = []
    for h in handoffs:
        case = cases.get(h.case_id)
        lines.append(
            SheetLine(
                h.position,
                h.case_id,
                h.case_no,
                case.title if case else "",
                case.applicant_name if case else "",
                items.get(h.case_id, []),
                case.departments if case else "",
                h.materials,
                h.copies,
                h.due_date,
                bool(case and case.green_channel),
                CaseState(h.state).label,
                h.note,
            )
        )
    return HandoverSheet(summary, lines, ws.hall)


def sheets(
    ws: Workstation,
    actor: Actor,
    *,
    on: date | None = None,
    move: Move | None = None,
    limit: int = 100,
) -> list[SheetSummary]:
    """Recent handover sheets, newest first (for reprinting)."""
    actor.require(Permission.VIEW_CASES)
    with ws.reading() as s:
        rows = routing_queries.recent_sheets(
            s, on=on, move=move.value if move is not None else None, limit=limit
        )
        return [sheet_summary(r) for r in rows]


@dataclass(frozen=True)
class FolderLabel:
    case_no: str
    title: str
    items: list[str]
    departments: str
    applicant_name: str
    accepted_on: date | None
    due_date: date | None
    due_estimated: bool
    green_channel: bool
    assistance: str  # e.g. "帮您办（老年人·全程帮办）"


def folder_labels(ws: Workstation, actor: Actor, case_refs: Sequence[str]) -> list[FolderLabel]:
    """What a 材料袋 label prints, for each case in order."""
    actor.require(Permission.VIEW_CASES)
    out = []
    with ws.reading() as s:
        for ref in case_refs:
            case = case_by_ref(s, ref, ws.today())
            items = routing_queries.item_names(s, [case.id]).get(case.id, [])
            assistance = ""
            if case.green_channel and case.assistance_flags:
                flags = frozenset(AssistanceFlag(f) for f in case.assistance_flags.split(","))
                mode = ServiceMode(case.assistance_mode or "full")
                assistance = Assistance(flags, mode).label
            out.append(
                FolderLabel(
                    case.case_no,
                    case.title,
                    items,
                    case.departments,
                    case.applicant_name,
                    case.accepted_on,
                    case.due_date,
                    case.due_estimated,
                    case.green_channel,
                    assistance,
                )
            )
    return out


@dataclass(frozen=True)
class HandoffEntry:
    at: datetime
    on: date
    case_no: str
    title: str
    applicant_name: str
    departments: str
    move_label: str
    from_label: str
    to_label: str
    giver: str
    receiver: str
    batch_no: str
    state_label: str
    due_date: date | None
    note: str
    recorded_by: str


def handoff_log(
    ws: Workstation,
    actor: Actor,
    start: date,
    end: date,
    *,
    department: str | None = None,
    move: Move | None = None,
) -> list[HandoffEntry]:
    """Every handoff of [start, end] in the order it happened (材料流转台账)."""
    actor.require(Permission.VIEW_CASES)
    station = department_station(department) if department else None
    with ws.reading() as s:
        names = display_names(s)
        rows = routing_queries.handoffs_between(
            s, start, end, station=station, move=move.value if move is not None else None
        )
        return [
            HandoffEntry(
                datetime.fromisoformat(h.at),
                h.on,
                h.case_no,
                c.title,
                c.applicant_name,
                c.departments,
                Move(h.move).label,
                station_label(h.from_station, c.window),
                station_label(h.to_station, c.window),
                h.giver,
                h.receiver,
                h.batch_no,
                CaseState(h.state).label,
                h.due_date,
                h.note,
                names.get(h.recorded_by, h.recorded_by),
            )
            for h, c in rows
        ]
