"""Conflicts: two workstations did things that cannot both stand; the team lead decides.

Two sorts share one queue, one record table and one resolution event:
- lifecycle conflicts (below), and
- field conflicts: an applicant's phone, address, name, legal representative or contact set at
  two workstations, neither having seen the other's value (sync/history.py tells them from a
  sequential edit). The later by HLC shows until the lead keeps one of the two values; keeping
  one emits it as a new, sequential `applicant.recorded` beside the resolution, so every
  workstation ends with the chosen value. Both values are stored as recorded (ciphertext for
  personal data) and shown masked; the full values only through `reveal_values`, audited.

Both events are kept (events are the truth); the case folds as usual in (HLC, id) order. When a
step was not allowed from the state its case had reached in that order (handed out twice,
handed out and withdrawn at once, 预审通过 at one routing post after the folder came back from
the department at another), the step does not move the case (`lifecycle.takes_effect`: the
first step in clock order stands) and a conflict record names the case, the two events, their
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

from hall_desk.domain import identity
from hall_desk.domain.clock import Timestamp
from hall_desk.domain.errors import HallDeskError, NotFound, PermissionDenied, ValidationError
from hall_desk.domain.lifecycle import CaseState, event_for_kind, state_label, takes_effect
from hall_desk.domain.limits import MAX_NOTE
from hall_desk.domain.mailing import mask_address
from hall_desk.domain.roles import Actor, Permission, Role
from hall_desk.domain.text import clean_text
from hall_desk.services.applicants import seen_fields
from hall_desk.services.workstation import Tx, Workstation
from hall_desk.store import eventlog, payloads
from hall_desk.store.event_names import APPLICANT_FIELDS, RESOLVE_KIND, SYNC_CONFLICT_ENTITY
from hall_desk.store.keys import HallKey
from hall_desk.store.models import CaseRow, Event
from hall_desk.store.models_intake import ApplicantRow
from hall_desk.store.models_sync import SyncConflict
from hall_desk.sync.history import (
    APPLICANT_KIND,
    FIELDS,
    LABELS,
    Overwrite,
    overwrites,
    recompute_applicant,
)

CONFLICT_ENTITY = SYNC_CONFLICT_ENTITY
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
        if not takes_effect(state, ev.kind):
            found[ev.id] = (ev, last, state)
            if state is not None:
                # Mirror the projection: the step is kept in the log but does not move the
                # case; the conflict names the step that stands before it.
                continue
        # An event may also name the state outright (a returned mailing re-opens delivery).
        after = step.transition.target if step is not None else None
        named = _named_state(ev)
        if named is not None:
            after = named
        if after is not None:
            state = after
            last = ev
    existing = {
        row.event_id: row
        for row in session.scalars(
            select(SyncConflict).where(SyncConflict.case_id == case_id, SyncConflict.field == "")
        )
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


def _field_key(event_id: str, field: str) -> str:
    return f"{event_id}:{field}"


def _masked(key: HallKey, o: Overwrite, value: str, masked: str) -> str:
    """The value as the screen may show it: never in full."""
    if o.field.masked:
        return masked
    if o.field.cipher_field:
        try:
            return mask_address(key.decrypt(o.field.cipher_field, value)) if value else ""
        except (HallDeskError, ValueError):
            return "（无法解密）"
    return identity.mask_name(value)


def detect_applicant(session: Session, key: HallKey, applicant_id: str, detected_at: str) -> int:
    """Recompute the field conflicts of one applicant from its events; returns how many are new."""
    found = {
        _field_key(o.new.id, o.field.name): o
        for o in overwrites(session, key, applicant_id)
        if o.unseen
    }
    existing = {
        row.event_id: row
        for row in session.scalars(
            select(SyncConflict).where(
                SyncConflict.applicant_id == applicant_id, SyncConflict.field != ""
            )
        )
    }
    resolutions = _resolutions(session, set(found) | set(existing))
    new = 0
    for conflict_key, o in found.items():
        row = existing.pop(conflict_key, None)
        if row is None:
            row = SyncConflict(
                event_id=conflict_key,
                case_id="",
                applicant_id=applicant_id,
                detected_at=detected_at,
            )
            session.add(row)
            new += 1
        row.field, row.case_no, row.state_before = o.field.name, "", ""
        row.kind, row.origin, row.actor, row.hlc = o.new.kind, o.new.origin, o.new.actor, o.new.hlc
        row.value = o.new_value
        row.value_masked = _masked(key, o, o.new_value, o.new_masked)
        row.other_event_id, row.other_kind = o.old.id, o.old.kind
        row.other_origin, row.other_actor, row.other_hlc = o.old.origin, o.old.actor, o.old.hlc
        row.other_value = o.old_value
        row.other_value_masked = _masked(key, o, o.old_value, o.old_masked)
        _mark(row, resolutions.get(conflict_key))
    for row in existing.values():
        if not row.resolved:
            session.delete(row)
    return new


def _named_state(ev: Event) -> CaseState | None:
    values = payloads.payload_of(ev.kind, ev.payload).get("set") or {}
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


def _mark(row: SyncConflict, resolution: Event | eventlog.AppendedEvent | None) -> None:
    if resolution is None:
        row.resolved, row.resolved_at, row.resolved_by = False, "", ""
        row.resolution_note, row.resolution_event_id, row.kept_event_id = "", "", ""
        return
    payload = payloads.payload_of(resolution.kind, resolution.payload)
    row.resolved = True
    row.resolved_at = resolution.hlc
    row.resolved_by = resolution.actor
    row.resolution_note = str(payload.get("note", ""))
    row.resolution_event_id = resolution.id
    row.kept_event_id = str(payload.get("keep", ""))


def redetect_all(session: Session, detected_at: str) -> int:
    """Every case with events from more than one workstation, checked again (after a rebuild)."""
    case_ids = session.scalars(
        select(Event.entity_id)
        .where(Event.entity_type == "case")
        .group_by(Event.entity_id)
        .having(func.count(func.distinct(Event.origin)) > 1)
    ).all()
    return sum(detect_case(session, case_id, detected_at) for case_id in case_ids)


def redetect_applicants(session: Session, key: HallKey, detected_at: str) -> int:
    """Every applicant recorded from more than one workstation, checked again (after a rebuild)."""
    applicant_ids = session.scalars(
        select(Event.entity_id)
        .where(Event.entity_type == "applicant", Event.kind == APPLICANT_KIND)
        .group_by(Event.entity_id)
        .having(func.count(func.distinct(Event.origin)) > 1)
    ).all()
    return sum(detect_applicant(session, key, a, detected_at) for a in applicant_ids)


def _resolved_entities(events: Iterable[Event], name: str) -> set[str]:
    out = set()
    for ev in events:
        if ev.kind == RESOLVE_KIND:
            value = payloads.payload_of(ev.kind, ev.payload).get(name)
            if isinstance(value, str) and value:
                out.add(value)
    return out


def cases_of_resolutions(events: Iterable[Event]) -> set[str]:
    return _resolved_entities(events, "case_id")


def applicants_of_resolutions(events: Iterable[Event]) -> set[str]:
    return _resolved_entities(events, "applicant_id")


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
    # Field conflicts ("" for a lifecycle one): both values masked, the applicant, the choice.
    field: str = ""
    field_label: str = ""
    applicant_id: str = ""
    applicant: str = ""  # masked name and ID number
    value_masked: str = ""
    other_value_masked: str = ""
    kept_event_id: str = ""

    @property
    def subject(self) -> str:
        """What the conflict is about: the case's title, or which applicant detail."""
        return self.case_title or (f"申请人信息：{self.field_label}" if self.field else "")

    @property
    def overwriting_event_id(self) -> str:
        """The event whose step or value came later (by HLC)."""
        return self.event_id.partition(":")[0]

    def choices(self) -> list[tuple[str, str]]:
        """(event id, words) of the two values the lead may keep; the later one first."""
        if not self.field:
            return []
        return [
            (
                self.overwriting_event_id,
                f"工作站 {self.workstation}（{self.actor}）的{self.field_label}"
                f" {self.value_masked or '（空）'}",
            ),
            (
                self.other_event_id,
                f"工作站 {self.other_workstation}（{self.other_actor}）的{self.field_label}"
                f" {self.other_value_masked or '（空）'}",
            ),
        ]

    @property
    def summary(self) -> str:
        if self.field:
            return (
                f"申请人 {self.applicant}的{self.field_label}："
                f"工作站 {self.other_workstation}（{self.other_actor}）记为"
                f" {self.other_value_masked or '（空）'}，"
                f"工作站 {self.workstation}（{self.actor}）在不知情的情况下记为"
                f" {self.value_masked or '（空）'}；请核实后选定保留哪一个"
            )
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


def _view(row: SyncConflict, title: str, applicant: ApplicantRow | None = None) -> Conflict:
    before = CaseState(row.state_before) if row.state_before else None
    shown = f"{identity.mask_name(applicant.name)}（{applicant.id_masked}）" if applicant else ""
    return Conflict(
        event_id=row.event_id,
        case_id=row.case_id,
        case_no=row.case_no,
        case_title=title,
        state_before="" if row.field else state_label(before),
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
        field=row.field,
        field_label=LABELS.get(row.field, row.field),
        applicant_id=row.applicant_id,
        applicant=shown,
        value_masked=row.value_masked,
        other_value_masked=row.other_value_masked,
        kept_event_id=row.kept_event_id,
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
        return [
            _view(row, title or "", s.get(ApplicantRow, row.applicant_id) if row.field else None)
            for row, title in s.execute(query)
        ]


def resolve_conflict(
    ws: Workstation, actor: Actor, event_id: str, note: str, keep: str = ""
) -> Conflict:
    """The lead records how the conflict was settled; travels to every workstation, audited.

    A field conflict needs `keep`: the event whose value stands (one of the two). Once settled
    here it is refused here again; two leads settling the same conflict at two workstations
    before either syncs is the one case this cannot refuse — the later resolution by HLC
    stands, and if they kept different values, those are a new field conflict in turn.
    """
    _may_resolve(actor)
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
        payload: dict[str, str] = {"case_id": row.case_id, "note": note}
        applicant = None
        if row.field:
            payload.update(_keep_value(tx, row, keep))
            applicant = tx.session.get(ApplicantRow, row.applicant_id)
        ev = tx.emit(RESOLVE_KIND, CONFLICT_ENTITY, event_id, payload)
        _mark(row, ev)
        detail = {"event": event_id, "other": row.other_event_id}
        if row.field:
            detail.update({"field": row.field, "keep": keep})
        tx.audit(
            "sync.conflict_resolve",
            row.case_no or row.case_id or (applicant.id_masked if applicant else row.applicant_id),
            detail,
        )
        if row.field:
            tx.session.flush()
            recompute_applicant(tx.session, ws.key, row.applicant_id)
        case = tx.session.get(CaseRow, row.case_id) if row.case_id else None
        tx.session.flush()
        return _view(row, case.title if case is not None else "", applicant)


def _may_resolve(actor: Actor) -> None:
    if actor.role not in RESOLVING_ROLES:
        raise PermissionDenied(
            f"{actor.display_name}（{actor.role.label}）无权处理同步冲突：仅限班组长或系统管理员"
        )


def _keep_value(tx: Tx, row: SyncConflict, keep: str) -> dict[str, str]:
    """Emit the kept value as a sequential edit (when it is not the one shown now)."""
    plain = row.event_id.partition(":")[0]
    if keep not in (plain, row.other_event_id):
        raise ValidationError("keep", "请选择保留哪一个值")
    kept = tx.session.get(Event, keep)
    if kept is None:
        raise NotFound("找不到所选值的原始记录")
    values = payloads.payload_of(kept.kind, kept.payload).get("set", {})
    current = seen_fields(tx.session, row.applicant_id)[row.field]
    if current != keep:
        keys = APPLICANT_FIELDS[row.field]
        tx.emit(
            APPLICANT_KIND,
            "applicant",
            row.applicant_id,
            {"set": {k: values[k] for k in keys if k in values}, "seen": {row.field: current}},
        )
    return {"applicant_id": row.applicant_id, "keep": keep}


@dataclass(frozen=True)
class RevealedValues:
    value: str  # the later event's (Conflict.value_masked in full)
    other_value: str

    def words(self, conflict: Conflict) -> str:
        return (
            f"工作站 {conflict.workstation}：{self.value or '（空）'}；"
            f"工作站 {conflict.other_workstation}：{self.other_value or '（空）'}（查看已记录）"
        )


def reveal_values(ws: Workstation, actor: Actor, event_id: str) -> RevealedValues:
    """Both values of a field conflict in full, for the lead to compare: a reveal like any
    other, needing the unmask permission and leaving an audit entry (without the values)."""
    _may_resolve(actor)
    actor.require(Permission.UNMASK)
    with ws.transaction(actor) as tx:
        row = tx.session.get(SyncConflict, event_id)
        if row is None or not row.field:
            raise NotFound("找不到该申请人信息冲突")
        field = FIELDS[row.field]
        cipher = field.cipher_field or ("phone" if field.masked else "")

        def plain(value: str) -> str:
            return ws.key.decrypt(cipher, value) if cipher and value else value

        revealed = RevealedValues(plain(row.value), plain(row.other_value))
        tx.audit(
            "pii.unmask",
            row.applicant_id,
            {"fields": [row.field], "reason": "conflict_review", "conflict": event_id},
        )
        return revealed
