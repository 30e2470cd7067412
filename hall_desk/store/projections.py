"""Projections: tables folded from events. Rebuilding them from the log gives the same tables.

Handlers are lenient on purpose: the service validated each step when it was taken; a fold
only replays. Events that arrive late from another workstation re-fold their one entity.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import date
from typing import Any

from sqlalchemy import Date, delete
from sqlalchemy.orm import Session

from hall_desk.domain.catalog import pinyin_keys
from hall_desk.domain.lifecycle import event_for_kind
from hall_desk.store import eventlog
from hall_desk.store.models import (
    PROJECTION_TABLES,
    ApplicantRow,
    Base,
    CalendarOverrideRow,
    CalendarYearRow,
    CaseItemRow,
    CaseMaterialRow,
    CaseRow,
    ConsultationRow,
    Event,
    MaterialRequirementRow,
    ServiceItemRow,
    ThemeItemRow,
    ThemeRow,
    User,
)

Handler = Callable[[Session, Event, dict[str, Any]], None]
_HANDLERS: dict[str, Handler] = {}


def handles(*kinds: str) -> Callable[[Handler], Handler]:
    def register(fn: Handler) -> Handler:
        for kind in kinds:
            _HANDLERS[kind] = fn
        return fn

    return register


def _typed(model: type[Base], values: dict[str, Any]) -> dict[str, Any]:
    """JSON carries dates as ISO text; give Date columns real dates."""
    out: dict[str, Any] = {}
    columns = model.__table__.columns
    for key, value in values.items():
        column = columns[key]
        if isinstance(column.type, Date) and isinstance(value, str):
            value = date.fromisoformat(value)
        out[key] = value
    return out


def _set(row: Base, values: dict[str, Any]) -> None:
    for key, value in _typed(type(row), values).items():
        setattr(row, key, value)


def apply(session: Session, event: Event) -> None:
    handler = _HANDLERS.get(event.kind)
    if handler is None:
        # A newer program's event: kept in the log, folded once this program is upgraded.
        return
    handler(session, event, json.loads(event.payload))


# --- users ----------------------------------------------------------------------------------


@handles("user.created", "user.updated")
def _user(session: Session, ev: Event, p: dict[str, Any]) -> None:
    row = session.get(User, ev.entity_id)
    if row is None:
        row = User(username=ev.entity_id, display_name="", role="clerk", password_hash="")
        session.add(row)
    _set(row, p["set"])


# --- catalog --------------------------------------------------------------------------------


@handles("catalog.imported")
def _catalog(session: Session, ev: Event, p: dict[str, Any]) -> None:
    for model in (ThemeItemRow, ThemeRow, MaterialRequirementRow, ServiceItemRow):
        session.execute(delete(model))
    # No ORM relationships here, so parents are flushed before children by hand.
    for position, item in enumerate(p["items"]):
        full, initials = pinyin_keys(item["name"])
        session.add(
            ServiceItemRow(
                code=item["code"],
                name=item["name"],
                department=item["department"],
                kind=item["kind"],
                legal_limit=item["legal_limit"],
                promised_limit=item["promised_limit"],
                limit_unit=item["limit_unit"],
                fee=item["fee"],
                delivery=",".join(item["delivery"]),
                pinyin_full=full,
                pinyin_initials=initials,
                position=position,
            )
        )
    session.flush()
    for item in p["items"]:
        for mpos, m in enumerate(item["materials"]):
            session.add(
                MaterialRequirementRow(
                    item_code=item["code"],
                    position=mpos,
                    name=m["name"],
                    form=m["form"],
                    copies=m["copies"],
                    required=m["required"],
                    deferrable=m["deferrable"],
                )
            )
    for position, theme in enumerate(p["themes"]):
        full, initials = pinyin_keys(theme["name"])
        session.add(
            ThemeRow(
                code=theme["code"],
                name=theme["name"],
                pinyin_full=full,
                pinyin_initials=initials,
                position=position,
            )
        )
    session.flush()
    for theme in p["themes"]:
        for ipos, code in enumerate(theme["items"]):
            session.add(ThemeItemRow(theme_code=theme["code"], position=ipos, item_code=code))


# --- working calendar -----------------------------------------------------------------------


@handles("calendar.override_set")
def _override_set(session: Session, ev: Event, p: dict[str, Any]) -> None:
    day = date.fromisoformat(ev.entity_id)
    row = session.get(CalendarOverrideRow, day) or CalendarOverrideRow(day=day)
    row.kind = p["kind"]
    row.note = p.get("note", "")
    session.add(row)


@handles("calendar.override_removed")
def _override_removed(session: Session, ev: Event, p: dict[str, Any]) -> None:
    session.execute(
        delete(CalendarOverrideRow).where(
            CalendarOverrideRow.day == date.fromisoformat(ev.entity_id)
        )
    )


@handles("calendar.year_covered")
def _year_covered(session: Session, ev: Event, p: dict[str, Any]) -> None:
    year = int(ev.entity_id)
    row = session.get(CalendarYearRow, year) or CalendarYearRow(year=year)
    row.note = p.get("note", "")
    session.add(row)


@handles("calendar.year_uncovered")
def _year_uncovered(session: Session, ev: Event, p: dict[str, Any]) -> None:
    session.execute(delete(CalendarYearRow).where(CalendarYearRow.year == int(ev.entity_id)))


# --- applicants -----------------------------------------------------------------------------


@handles("applicant.recorded")
def _applicant(session: Session, ev: Event, p: dict[str, Any]) -> None:
    row = session.get(ApplicantRow, ev.entity_id)
    if row is None:
        row = ApplicantRow(id=ev.entity_id)
        session.add(row)
    _set(row, p["set"])
    row.updated_hlc = ev.hlc


# --- cases ----------------------------------------------------------------------------------

CASE_KINDS = [
    "case.consultation_opened",
    "case.accepted",
    "case.accepted_deferred",
    "case.supplement_requested",
    "case.refused",
    "case.completed_at_window",
    "case.supplement_received",
    "case.deferred_materials_received",
    "case.prereview_started",
    "case.prereview_passed",
    "case.returned_for_supplement",
    "case.dispatched",
    "case.approved",
    "case.denied",
    "case.sent_to_delivery",
    "case.delivered",
    "case.withdrawn",
    "case.updated",
    "case.clock_paused",
    "case.clock_resumed",
]


@handles(*CASE_KINDS)
def _case(session: Session, ev: Event, p: dict[str, Any]) -> None:
    row = session.get(CaseRow, ev.entity_id)
    is_new = row is None
    if row is None:
        row = CaseRow(id=ev.entity_id, created_hlc=ev.hlc)
        session.add(row)
    step = event_for_kind(ev.kind)
    if step is not None and step.transition.target is not None:
        row.state = step.transition.target.value
    _set(row, p.get("set", {}))
    row.updated_hlc = ev.hlc
    if is_new:
        session.flush()  # the case row before its items and materials (foreign keys)
    if "items" in p:
        if not is_new:
            session.execute(delete(CaseItemRow).where(CaseItemRow.case_id == ev.entity_id))
        for position, item in enumerate(p["items"]):
            session.add(CaseItemRow(case_id=ev.entity_id, position=position, **item))
    if "materials" in p:
        if not is_new:
            session.execute(delete(CaseMaterialRow).where(CaseMaterialRow.case_id == ev.entity_id))
        for position, m in enumerate(p["materials"]):
            session.add(CaseMaterialRow(case_id=ev.entity_id, position=position, **m))
    for position, changes in p.get("material_updates", {}).items():
        material = session.get(CaseMaterialRow, (ev.entity_id, int(position)))
        if material is not None:
            _set(material, changes)


# --- consultations --------------------------------------------------------------------------


@handles("consultation.logged", "consultation.updated")
def _consultation(session: Session, ev: Event, p: dict[str, Any]) -> None:
    row = session.get(ConsultationRow, ev.entity_id)
    if row is None:
        row = ConsultationRow(id=ev.entity_id)
        session.add(row)
    _set(row, p["set"])


# --- re-folding -----------------------------------------------------------------------------

_ENTITY_ROWS: dict[str, list[Any]] = {
    "user": [(User, User.username)],
    "applicant": [(ApplicantRow, ApplicantRow.id)],
    "case": [
        (CaseMaterialRow, CaseMaterialRow.case_id),
        (CaseItemRow, CaseItemRow.case_id),
        (CaseRow, CaseRow.id),
    ],
    "consultation": [(ConsultationRow, ConsultationRow.id)],
}


def refold(session: Session, entity_type: str, entity_id: str) -> None:
    """Recompute one entity from its events (used when an event arrives out of order)."""
    events = eventlog.entity_events(session, entity_type, entity_id)
    for model, key in _ENTITY_ROWS.get(entity_type, []):
        session.execute(delete(model).where(key == entity_id))
    if entity_type == "calendar_day":
        session.execute(
            delete(CalendarOverrideRow).where(
                CalendarOverrideRow.day == date.fromisoformat(entity_id)
            )
        )
    if entity_type == "calendar_year":
        session.execute(delete(CalendarYearRow).where(CalendarYearRow.year == int(entity_id)))
    session.flush()
    for ev in events:
        apply(session, ev)
        session.flush()


def rebuild_all(session: Session) -> int:
    """Empty every projection and replay the whole log; returns the number of events."""
    for model in PROJECTION_TABLES:
        session.execute(delete(model))
    count = 0
    for ev in eventlog.all_events(session):
        apply(session, ev)
        count += 1
        if count % 2000 == 0:
            # Keep memory flat on a large log: written rows need not stay in the session.
            session.flush()
            session.expunge_all()
    session.flush()
    return count


# --- 材料流转 and 统一出件 ----------------------------------------------------------------------
# Handoffs, handover sheets and deliveries are entities of their own (no foreign key to the
# case): folding is get-or-create then set, so a refold or a replayed event changes nothing.

from hall_desk.store.models_routing import (  # noqa: E402
    DeliveryRow,
    HandoffRow,
    HandoverSheetRow,
)

# A returned mailing puts a delivered case back in the queue; it names its state in "set".
ROUTING_CASE_KINDS = ["case.mail_returned"]
CASE_KINDS.extend(ROUTING_CASE_KINDS)
handles(*ROUTING_CASE_KINDS)(_case)


def _upsert(session: Session, model: type[Base], ev: Event, p: dict[str, Any]) -> None:
    row = session.get(model, ev.entity_id)
    if row is None:
        row = model(id=ev.entity_id)
        session.add(row)
    _set(row, p.get("set", {}))
    row.hlc = ev.hlc  # type: ignore[attr-defined]


@handles("handoff.recorded")
def _handoff(session: Session, ev: Event, p: dict[str, Any]) -> None:
    _upsert(session, HandoffRow, ev, p)


@handles("handover_sheet.recorded")
def _handover_sheet(session: Session, ev: Event, p: dict[str, Any]) -> None:
    _upsert(session, HandoverSheetRow, ev, p)


@handles("delivery.recorded", "delivery.mail_returned")
def _delivery(session: Session, ev: Event, p: dict[str, Any]) -> None:
    row = session.get(DeliveryRow, ev.entity_id)
    if row is None:
        row = DeliveryRow(id=ev.entity_id, hlc=ev.hlc)
        session.add(row)
    if ev.kind == "delivery.recorded":
        row.hlc = ev.hlc  # the hand-out's clock, whichever event arrived first
    _set(row, p.get("set", {}))
