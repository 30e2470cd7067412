"""Projection handlers: how each kind of event changes the tables (the registry names them).

Handlers are lenient on purpose: the service validated each step when it was taken, and sync
checked a pulled payload against its kind's declared shape; a fold only replays. Each receives
the payload already brought to its kind's current version by the registry. The one check a
fold makes is the lifecycle's: a case step not allowed from the state the case has reached in
the full order (two workstations moved it before either synced) does not move the case
(`lifecycle.takes_effect`); sync records it as a conflict for the team lead.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from sqlalchemy import Date, delete, select
from sqlalchemy.orm import Session

from hall_desk.domain.catalog import pinyin_keys
from hall_desk.domain.identity import remask_resident_id
from hall_desk.domain.lifecycle import CaseState, event_for_kind, takes_effect
from hall_desk.store.models import (
    ApplicantRow,
    Base,
    CalendarOverrideRow,
    CalendarYearRow,
    CaseItemRow,
    CaseMaterialRow,
    CaseRow,
    ConsultationRow,
    Event,
    HallSettingRow,
    MaterialRequirementRow,
    ServiceItemRow,
    ThemeItemRow,
    ThemeRow,
    User,
)
from hall_desk.store.models_ratings import RatingRow
from hall_desk.store.models_routing import DeliveryRow, HandoffRow, HandoverSheetRow
from hall_desk.store.models_tickets import TicketRow, TicketStepRow


def _typed(model: type[Base], values: dict[str, Any]) -> dict[str, Any]:
    """JSON carries dates as ISO text; give Date columns real dates. Masked ID numbers from
    older events are narrowed to today's mask, which is safe beside the stored birth year."""
    out: dict[str, Any] = {}
    columns = model.__table__.columns
    for key, value in values.items():
        column = columns[key]
        if isinstance(column.type, Date) and isinstance(value, str):
            value = date.fromisoformat(value)
        elif key.endswith("id_masked") and isinstance(value, str):
            value = remask_resident_id(value)
        out[key] = value
    return out


def _set(row: Base, values: dict[str, Any]) -> None:
    for key, value in _typed(type(row), values).items():
        setattr(row, key, value)


# --- users ----------------------------------------------------------------------------------


def user(session: Session, ev: Event, p: dict[str, Any]) -> None:
    row = session.get(User, ev.entity_id)
    if row is None:
        row = User(username=ev.entity_id, display_name="", role="clerk", password_hash="")
        session.add(row)
    _set(row, p["set"])


# --- catalog --------------------------------------------------------------------------------


def catalog(session: Session, ev: Event, p: dict[str, Any]) -> None:
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
                produces="\n".join(item.get("produces", [])),
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


def override_set(session: Session, ev: Event, p: dict[str, Any]) -> None:
    day = date.fromisoformat(ev.entity_id)
    row = session.get(CalendarOverrideRow, day) or CalendarOverrideRow(day=day)
    row.kind = p["kind"]
    row.note = p.get("note", "")
    session.add(row)


def override_removed(session: Session, ev: Event, p: dict[str, Any]) -> None:
    session.execute(
        delete(CalendarOverrideRow).where(
            CalendarOverrideRow.day == date.fromisoformat(ev.entity_id)
        )
    )


def year_covered(session: Session, ev: Event, p: dict[str, Any]) -> None:
    year = int(ev.entity_id)
    row = session.get(CalendarYearRow, year) or CalendarYearRow(year=year)
    row.note = p.get("note", "")
    session.add(row)


def year_uncovered(session: Session, ev: Event, p: dict[str, Any]) -> None:
    session.execute(delete(CalendarYearRow).where(CalendarYearRow.year == int(ev.entity_id)))


# --- applicants -----------------------------------------------------------------------------


def applicant(session: Session, ev: Event, p: dict[str, Any]) -> None:
    row = session.get(ApplicantRow, ev.entity_id)
    if row is None:
        row = ApplicantRow(id=ev.entity_id)
        session.add(row)
    _set(row, p["set"])
    row.updated_hlc = ev.hlc


# --- cases ----------------------------------------------------------------------------------


def case(session: Session, ev: Event, p: dict[str, Any]) -> None:
    row = session.get(CaseRow, ev.entity_id)
    if row is not None and not takes_effect(CaseState(row.state), ev.kind):
        return  # a conflicting step: kept in the log and in the conflicts, not in the case
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


def consultation(session: Session, ev: Event, p: dict[str, Any]) -> None:
    row = session.get(ConsultationRow, ev.entity_id)
    if row is None:
        row = ConsultationRow(id=ev.entity_id)
        session.add(row)
    _set(row, p["set"])


# --- 材料流转 and 统一出件 ----------------------------------------------------------------------
# Handoffs, handover sheets and deliveries are entities of their own (no foreign key to the
# case): folding is get-or-create then set, so a refold or a replayed event changes nothing.


def _upsert(session: Session, model: type[Base], ev: Event, p: dict[str, Any]) -> None:
    row = session.get(model, ev.entity_id)
    if row is None:
        row = model(id=ev.entity_id)
        session.add(row)
    _set(row, p.get("set", {}))
    row.hlc = ev.hlc  # type: ignore[attr-defined]


def handoff(session: Session, ev: Event, p: dict[str, Any]) -> None:
    _upsert(session, HandoffRow, ev, p)


def handover_sheet(session: Session, ev: Event, p: dict[str, Any]) -> None:
    _upsert(session, HandoverSheetRow, ev, p)


def delivery(session: Session, ev: Event, p: dict[str, Any]) -> None:
    row = session.get(DeliveryRow, ev.entity_id)
    if row is None:
        row = DeliveryRow(id=ev.entity_id, hlc=ev.hlc)
        session.add(row)
    if ev.kind == "delivery.recorded":
        row.hlc = ev.hlc  # the hand-out's clock, whichever event arrived first
    _set(row, p.get("set", {}))


def hall_setting(session: Session, ev: Event, p: dict[str, Any]) -> None:
    # The latest change wins, whichever arrives first (pulls come from several origins).
    row = session.get(HallSettingRow, ev.entity_id)
    if row is None:
        session.add(HallSettingRow(key=ev.entity_id, value=p["value"], hlc=ev.hlc))
    elif ev.hlc > row.hlc:
        row.value, row.hlc = p["value"], ev.hlc


# --- tickets (办不成事 / 投诉 / 建议 / 咨询 / 表扬) ---------------------------------------


def ticket(session: Session, ev: Event, p: dict[str, Any]) -> None:
    """Each step sets the ticket's columns and adds its line to the timeline, keyed by the
    event: a replayed or re-folded event writes the same line again."""
    row = session.get(TicketRow, ev.entity_id)
    if row is None:
        row = TicketRow(id=ev.entity_id, created_hlc=ev.hlc)
        session.add(row)
    _set(row, p.get("set", {}))
    row.updated_hlc = ev.hlc
    step = p.get("step")
    if step is not None:
        line = session.get(TicketStepRow, ev.id)
        if line is None:
            line = TicketStepRow(id=ev.id)
            session.add(line)
        _set(line, step)
        line.ticket_id = ev.entity_id
        line.actor = ev.actor
        line.hlc = ev.hlc


# --- ratings ---------------------------------------------------------------------------------
def rating(session: Session, ev: Event, p: dict[str, Any]) -> None:
    """Sets the rating's columns, then settles "one rating per record": of all the rows about
    the same record, the earliest by (HLC, id) counts and every other names it in
    `duplicate_of`. Settled on every fold of any of them, so the order events arrive in (two
    workstations rating one record offline) does not change the outcome."""
    row = session.get(RatingRow, ev.entity_id)
    if row is None:
        row = RatingRow(id=ev.entity_id, created_hlc=ev.hlc, duplicate_of="")
        session.add(row)
    _set(row, p.get("set", {}))
    row.updated_hlc = ev.hlc
    session.flush()
    rows = session.scalars(
        select(RatingRow)
        .where(RatingRow.rated_kind == row.rated_kind, RatingRow.record_id == row.record_id)
        .order_by(RatingRow.created_hlc, RatingRow.id)
    ).all()
    first = rows[0].id
    for other in rows:
        other.duplicate_of = "" if other.id == first else first
