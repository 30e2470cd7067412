"""One batch of folder moves: screening scanned lines, the handover sheet, each case's step
and handoff. Every routing command (collect, dispatch, receive back, send to delivery) is a
batch through `move_batch`; single moves (a return, a hand-out) use `record_move`.

Every move is a case event (the lifecycle step) plus a `handoff.recorded` event (from, to, who
gave, who received, when, batch); batches also record a `handover_sheet.recorded` (交接单).
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable
from contextlib import nullcontext
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from sqlalchemy.orm import Session

from hall_desk.domain import caseref, lifecycle
from hall_desk.domain.lifecycle import CaseEvent, CaseState
from hall_desk.domain.moves import move_refusal, too_early
from hall_desk.domain.stations import Move, station_label
from hall_desk.services.common import case_or_refusal, iso, read_ahead
from hall_desk.services.workstation import Tx
from hall_desk.store.models import CaseRow
from hall_desk.store.models_routing import HandoverSheetRow
from hall_desk.store.queries import routing as routing_queries
from hall_desk.store.queries.routing import DepartmentDecision

# A scanned line: what was typed, its case (when found), and why it cannot move ("" if it can).
Screened = tuple[str, CaseRow | None, str]


@dataclass(frozen=True)
class LineResult:
    """One line of a scanned list: moved (ok) or refused with the reason, in words."""

    ref: str
    ok: bool
    message: str
    case_id: str = ""
    case_no: str = ""
    title: str = ""
    applicant_name: str = ""
    due_date: date | None = None
    green_channel: bool = False
    # 联办: the departments still to decide after this line's move, in the order to visit them.
    outstanding: tuple[str, ...] = ()


def line_result(
    ref: str, case: CaseRow | None, message: str, ok: bool, outstanding: tuple[str, ...] = ()
) -> LineResult:
    if case is None:
        return LineResult(ref, ok, message)
    return LineResult(
        ref,
        ok,
        message,
        case.id,
        case.case_no,
        case.title,
        case.applicant_name,
        case.due_date,
        case.green_channel,
        outstanding,
    )


# The moves whose rules depend on which departments have already decided (联办).
_BY_DEPARTMENT = (Move.DISPATCH, Move.RECEIVE_BACK, Move.TO_DELIVERY)


def decided_departments(session: Session, case: CaseRow) -> dict[str, DepartmentDecision]:
    return routing_queries.department_decisions(session, [case.id]).get(case.id, {})


def screen(
    session: Session,
    today: date,
    refs: Iterable[str],
    move: Move,
    *,
    department: str = "",
    on: date | None = None,
    listed: Iterable[str] = (),
) -> list[Screened]:
    """Each line with its case when it may take the move, else None and the reason."""
    seen = {caseref.normalise(x) for x in listed}
    refs = list(refs)
    read_ahead(session, refs, today)
    found = [case_or_refusal(session, ref, today) for ref in refs]
    # Which departments decided, for every case of the list in one query (screening writes
    # nothing, so what it reads before the loop is what it would read in it).
    ids = list(dict.fromkeys(c.id for c, _ in found if c is not None))
    decisions = (
        routing_queries.department_decisions(session, ids) if ids and move in _BY_DEPARTMENT else {}
    )
    out: list[Screened] = []
    for ref, (case, problem) in zip(refs, found, strict=True):
        if case is not None:
            if case.case_no in seen:
                problem = f"办件 {case.case_no} 已在本批清单中（重复扫描）"
            else:
                decided = decisions.get(case.id, {}) if move in _BY_DEPARTMENT else ()
                problem = move_refusal(case, move, department, decided) or too_early(case, on)
        if case is not None and not problem:
            seen.add(case.case_no)
            out.append((ref.strip(), case, ""))
        else:
            out.append((ref.strip(), None if case is None else case, problem))
    return out


# --- batches and their handover sheets --------------------------------------------------------


@dataclass(frozen=True)
class SheetSummary:
    id: str
    sheet_no: str
    move: Move
    from_station: str
    to_station: str
    from_label: str
    to_label: str
    department: str
    giver: str
    receiver: str
    on: date
    at: datetime
    case_count: int
    note: str


@dataclass(frozen=True)
class BatchResult:
    lines: list[LineResult]
    sheet: SheetSummary | None  # None when every line was refused (nothing was written)

    @property
    def moved(self) -> list[LineResult]:
        return [x for x in self.lines if x.ok]

    @property
    def refused(self) -> list[LineResult]:
        return [x for x in self.lines if not x.ok]


def sheet_summary(row: HandoverSheetRow) -> SheetSummary:
    return SheetSummary(
        row.id,
        row.sheet_no,
        Move(row.move),
        row.from_station,
        row.to_station,
        station_label(row.from_station),
        station_label(row.to_station),
        row.department,
        row.giver,
        row.receiver,
        row.on,
        datetime.fromisoformat(row.at),
        row.case_count,
        row.note,
    )


def next_sheet_no(tx: Tx, on: date) -> str:
    prefix = f"JJ{on:%Y%m%d}-{tx.ws.code}-"
    last = routing_queries.last_sheet_no(tx.session, prefix)
    seq = int(last.rsplit("-", 1)[1]) + 1 if last else 1
    return f"{prefix}{seq:03d}"


@dataclass
class Batch:
    id: str
    sheet_no: str


def open_sheet(
    tx: Tx,
    move: Move,
    *,
    from_station: str,
    to_station: str,
    department: str,
    giver: str,
    receiver: str,
    on: date,
    at: datetime,
    count: int,
    note: str,
) -> Batch:
    batch = Batch(str(uuid.uuid4()), next_sheet_no(tx, on))
    tx.emit(
        "handover_sheet.recorded",
        "handover_sheet",
        batch.id,
        {
            "set": {
                "sheet_no": batch.sheet_no,
                "move": move.value,
                "from_station": from_station,
                "to_station": to_station,
                "department": department,
                "giver": giver,
                "receiver": receiver,
                "at": iso(at),
                "on": on.isoformat(),
                "case_count": count,
                "note": note,
                "recorded_by": tx.actor.username,
                "workstation": tx.ws.code,
            }
        },
        fresh=True,
    )
    return batch


def record_move(
    tx: Tx,
    case: CaseRow,
    *,
    step: CaseEvent,
    move: Move,
    to_station: str,
    on: date,
    at: datetime,
    giver: str,
    receiver: str,
    case_set: dict[str, Any] | None = None,
    extra: dict[str, Any] | None = None,
    batch: Batch | None = None,
    position: int = 0,
    note: str = "",
    counts: tuple[int, int] | None = None,
    result: str = "",
) -> None:
    """The case's lifecycle step and its handoff, inside the caller's transaction; a step the
    lifecycle does not allow from the case's state is refused (TransitionError)."""
    new_state = lifecycle.apply(CaseState(case.state), step)
    from_station = case.station
    payload: dict[str, Any] = {
        "set": {**(case_set or {}), "station": to_station, "station_since": iso(at)},
        **(extra or {}),
    }
    tx.emit(step.value, "case", case.id, payload)
    if counts is None:
        # Counted after the step's own changes (a return unticks materials), folded first
        # inside a bulk path's `folding_together`.
        tx.settle("case", case.id)
        counts = routing_queries.material_counts(tx.session, [case.id]).get(case.id, (0, 0))
    tx.emit(
        "handoff.recorded",
        "handoff",
        str(uuid.uuid4()),
        {
            "set": {
                "case_id": case.id,
                "case_no": case.case_no,
                "move": move.value,
                "from_station": from_station,
                "to_station": to_station,
                "giver": giver,
                "receiver": receiver,
                "at": iso(at),
                "on": on.isoformat(),
                "batch_id": batch.id if batch else "",
                "batch_no": batch.sheet_no if batch else "",
                "position": position,
                "state": new_state.value,
                "due_date": case.due_date.isoformat() if case.due_date else None,
                "materials": counts[0],
                "copies": counts[1],
                "note": note,
                "result": result,
                "recorded_by": tx.actor.username,
                "workstation": tx.ws.code,
            }
        },
        fresh=True,
    )


def batch_lines(screened: list[Screened], ok_message: str) -> list[LineResult]:
    return [
        line_result(ref, case, problem or ok_message, not problem)
        for ref, case, problem in screened
    ]


def good(screened: list[Screened]) -> list[CaseRow]:
    return [case for _, case, problem in screened if case is not None and not problem]


@dataclass(frozen=True)
class CaseMove:
    """One case of a batch: its lifecycle step, who handed it over, what else changes."""

    case: CaseRow
    step: CaseEvent
    giver: str
    case_set: dict[str, Any] | None = None
    note: str = ""
    result: str = ""  # a department's decision brought back: "approved" | "denied"


def move_batch(
    tx: Tx,
    move: Move,
    moves: list[CaseMove],
    *,
    from_station: str,
    to_station: str,
    department: str,
    giver: str,
    receiver: str,
    on: date,
    at: datetime,
    note: str,
) -> SheetSummary:
    """The handover sheet of a batch and every case's step and handoff on it, in list order.

    The batch's events fold together at its end (`Tx.folding_together`): each line is a case
    of its own, and a line reads of its case only what its own step does not change (the state
    and station it leaves, its due date), unless a step sets the due date: then one by one."""
    together = not any("due_date" in (m.case_set or {}) for m in moves)
    with tx.folding_together() if together else nullcontext():
        batch = _move_batch(
            tx,
            move,
            moves,
            from_station=from_station,
            to_station=to_station,
            department=department,
            giver=giver,
            receiver=receiver,
            on=on,
            at=at,
            note=note,
        )
    row = tx.session.get(HandoverSheetRow, batch.id)
    assert row is not None
    return sheet_summary(row)


def _move_batch(
    tx: Tx,
    move: Move,
    moves: list[CaseMove],
    *,
    from_station: str,
    to_station: str,
    department: str,
    giver: str,
    receiver: str,
    on: date,
    at: datetime,
    note: str,
) -> Batch:
    batch = open_sheet(
        tx,
        move,
        from_station=from_station,
        to_station=to_station,
        department=department,
        giver=giver,
        receiver=receiver,
        on=on,
        at=at,
        count=len(moves),
        note=note,
    )
    counts = routing_queries.material_counts(tx.session, [m.case.id for m in moves])
    for position, m in enumerate(moves, start=1):
        record_move(
            tx,
            m.case,
            step=m.step,
            move=move,
            to_station=to_station,
            on=on,
            at=at,
            giver=m.giver,
            receiver=receiver,
            case_set=m.case_set,
            batch=batch,
            position=position,
            note=m.note,
            counts=counts.get(m.case.id, (0, 0)),
            result=m.result,
        )
    return batch
