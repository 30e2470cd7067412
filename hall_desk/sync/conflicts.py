"""Lifecycle conflicts: two workstations took steps that cannot both be true; the lead decides.

Both events are kept (events are the truth); the case folds as usual in (HLC, id) order. When a
step was not allowed from the state its case had reached in that order (handed out twice,
handed out and withdrawn at once), a conflict record names the case, the two events, their
kinds, workstations and clerks. The record set of a case is a pure function of its events, so
every workstation that holds the same events shows the same conflicts. Resolving one is itself
an event (`sync.conflict_resolved`), so it travels to every workstation like any other step.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from hall_desk.domain.clock import Timestamp
from hall_desk.domain.errors import NotFound, PermissionDenied, ValidationError
from hall_desk.domain.lifecycle import CaseState, can_apply, event_for_kind, state_label
from hall_desk.domain.limits import MAX_NOTE
from hall_desk.domain.roles import Actor, Permission, Role
from hall_desk.domain.text import clean_text
from hall_desk.services.workstation import Workstation
from hall_desk.store import event_kinds, eventlog
from hall_desk.store.event_kinds import RESOLVE_KIND, SYNC_CONFLICT
from hall_desk.store.models import CaseRow, Event
from hall_desk.store.models_sync import SyncConflict

CONFLICT_ENTITY = SYNC_CONFLICT.name
MIN_NOTE = 4
RESOLVING_ROLES = (Role.LEAD, Role.ADMIN, Role.SYSTEM)


def _kind_label(kind: str) -> str:
    step = event_for_kind(kind)
    return step.label if step is not None else kind


def _at(hlc: str) -> datetime | None:
    if not hlc:
        return None
    return datetime.fromtimestamp(Timestamp.decode(hlc).ms / 1000).astimezone()


# --- detection (inside the sync's local transaction) -----------------------------------------


def detect_case(session: Session, case_id: str, detected_at: str) -> int:
    """Recompute the conflicts of one case from its events; returns how many are new."""
    found: dict[str, tuple[Event, Event | None, CaseState | None]] = {}
    state: CaseState | None = None
    last: Event | None = None
    for ev in eventlog.entity_events(session, "case", case_id):
        step = event_for_kind(ev.kind)
        if step is not None and not can_apply(state, step):
            found[ev.id] = (ev, last, state)
        # Mirror the projection: the later step wins the state (the earlier one is kept), and
        # an event may also name the state outright (a returned mailing re-opens delivery).
        after = step.transition.target if step is not None else None
        named = _named_state(ev)
        if named is not None:
            after = named
        if after is not None:
            state = after
            last = ev
    existing = {
        row.event_id: row
        for row in session.scalars(select(SyncConflict).where(SyncConflict.case_id == case_id))
    }
    resolutions = _resolutions(session, set(found) | set(existing))
    case = session.get(CaseRow, case_id)
    new = 0
    for event_id, (ev, other, before) in found.items():
        row = existing.pop(event_id, None)
        if row is None:
            row = SyncConflict(event_id=event_id, case_id=case_id, detected_at=detected_at)
            session.add(row)
            new += 1
        row.case_no = case.case_no if case is not None else ""
        row.state_before = before.value if before is not None else ""
        row.kind, row.origin, row.actor, row.hlc = ev.kind, ev.origin, ev.actor, ev.hlc
        row.other_event_id = other.id if other else ""
        row.other_kind = other.kind if other else ""
        row.other_origin = other.origin if other else ""
        row.other_actor = other.actor if other else ""
        row.other_hlc = other.hlc if other else ""
        _mark(row, resolutions.get(event_id))
    for row in existing.values():
        # No longer a conflict in the full order (an earlier event arrived): unresolved records
        # go; a resolved one stays as the record of what the lead decided.
        if not row.resolved:
            session.delete(row)
    return new


def _named_state(ev: Event) -> CaseState | None:
    values = event_kinds.payload_of(ev.kind, ev.payload).get("set") or {}
    try:
        return CaseState(values["state"]) if "state" in values else None
    except ValueError:
        return None


def _resolutions(session: Session, event_ids: set[str]) -> dict[str, Event]:
    if not event_ids:
        return {}
    latest: dict[str, Event] = {}
    ids = sorted(event_ids)
    for start in range(0, len(ids), 500):
        for ev in session.scalars(
            select(Event)
            .where(
                Event.entity_type == CONFLICT_ENTITY, Event.entity_id.in_(ids[start : start + 500])
            )
            .order_by(Event.hlc, Event.id)
        ):
            latest[ev.entity_id] = ev  # the latest resolution by HLC stands
    return latest


def _mark(row: SyncConflict, resolution: Event | None) -> None:
    if resolution is None:
        row.resolved, row.resolved_at, row.resolved_by = False, "", ""
        row.resolution_note, row.resolution_event_id = "", ""
        return
    payload = event_kinds.payload_of(resolution.kind, resolution.payload)
    row.resolved = True
    row.resolved_at = resolution.hlc
    row.resolved_by = resolution.actor
    row.resolution_note = str(payload.get("note", ""))
    row.resolution_event_id = resolution.id


def redetect_all(session: Session, detected_at: str) -> int:
    """Every case with events from more than one workstation, checked again (after a rebuild)."""
    case_ids = session.scalars(
        select(Event.entity_id)
        .where(Event.entity_type == "case")
        .group_by(Event.entity_id)
        .having(func.count(func.distinct(Event.origin)) > 1)
    ).all()
    return sum(detect_case(session, case_id, detected_at) for case_id in case_ids)


def cases_of_resolutions(events: Iterable[Event]) -> set[str]:
    out = set()
    for ev in events:
        if ev.kind == RESOLVE_KIND:
            case_id = event_kinds.payload_of(ev.kind, ev.payload).get("case_id")
            if isinstance(case_id, str):
                out.add(case_id)
    return out


# --- what the team lead sees and does --------------------------------------------------------


@dataclass(frozen=True)
class Conflict:
    event_id: str
    case_id: str
    case_no: str
    case_title: str
    state_before: str  # label of the state the case had reached before the step
    kind: str
    kind_label: str
    workstation: str
    actor: str
    at: datetime | None
    other_event_id: str
    other_kind: str
    other_label: str
    other_workstation: str
    other_actor: str
    other_at: datetime | None
    detected_at: str
    resolved: bool
    resolved_at: datetime | None
    resolved_by: str
    note: str

    @property
    def summary(self) -> str:
        first = (
            f"工作站 {self.other_workstation}（{self.other_actor}）「{self.other_label}」"
            if self.other_event_id
            else "此前没有有效步骤"
        )
        return (
            f"办件 {self.case_no or self.case_id}：{first}之后，"
            f"工作站 {self.workstation}（{self.actor}）又执行了「{self.kind_label}」，"
            f"办件当时的状态为「{self.state_before}」，两步不能同时成立"
        )


def _view(row: SyncConflict, title: str) -> Conflict:
    before = CaseState(row.state_before) if row.state_before else None
    return Conflict(
        event_id=row.event_id,
        case_id=row.case_id,
        case_no=row.case_no,
        case_title=title,
        state_before=state_label(before),
        kind=row.kind,
        kind_label=_kind_label(row.kind),
        workstation=row.origin,
        actor=row.actor,
        at=_at(row.hlc),
        other_event_id=row.other_event_id,
        other_kind=row.other_kind,
        other_label=_kind_label(row.other_kind) if row.other_kind else "",
        other_workstation=row.other_origin,
        other_actor=row.other_actor,
        other_at=_at(row.other_hlc),
        detected_at=row.detected_at,
        resolved=row.resolved,
        resolved_at=_at(row.resolved_at),
        resolved_by=row.resolved_by,
        note=row.resolution_note,
    )


def list_conflicts(
    ws: Workstation, actor: Actor, *, include_resolved: bool = False
) -> list[Conflict]:
    """Open conflicts first by time (or all of them, newest resolution last)."""
    actor.require(Permission.VIEW_CASES)
    with ws.reading() as s:
        query = (
            select(SyncConflict, CaseRow.title)
            .outerjoin(CaseRow, CaseRow.id == SyncConflict.case_id)
            .order_by(SyncConflict.resolved, SyncConflict.hlc, SyncConflict.event_id)
        )
        if not include_resolved:
            query = query.where(SyncConflict.resolved.is_(False))
        return [_view(row, title or "") for row, title in s.execute(query)]


def open_conflict_count(session: Session) -> int:
    return int(
        session.scalar(
            select(func.count()).select_from(SyncConflict).where(SyncConflict.resolved.is_(False))
        )
        or 0
    )


def resolve_conflict(ws: Workstation, actor: Actor, event_id: str, note: str) -> Conflict:
    """The lead records how the conflict was settled; travels to every workstation, audited."""
    if actor.role not in RESOLVING_ROLES:
        raise PermissionDenied(
            f"{actor.display_name}（{actor.role.label}）无权处理同步冲突：仅限班组长或系统管理员"
        )
    note = clean_text(note, "note", "处理结果", max_len=MAX_NOTE, multiline=True)
    if len(note) < MIN_NOTE:
        raise ValidationError(
            "note", "请写明处理结果（至少 4 个字），例如已与申请人核实、以哪次出件为准"
        )
    with ws.transaction(actor) as tx:
        row = tx.session.get(SyncConflict, event_id)
        if row is None:
            raise NotFound("找不到该同步冲突记录")
        if row.resolved:
            raise ValidationError("conflict", f"该冲突已由 {row.resolved_by} 处理")
        ev = tx.emit(
            RESOLVE_KIND, CONFLICT_ENTITY, event_id, {"case_id": row.case_id, "note": note}
        )
        _mark(row, ev)
        tx.audit(
            "sync.conflict_resolve",
            row.case_no or row.case_id,
            {"event": event_id, "other": row.other_event_id},
        )
        case = tx.session.get(CaseRow, row.case_id)
        tx.session.flush()
        return _view(row, case.title if case is not None else "")
