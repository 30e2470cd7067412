"""Projection handlers: how each kind of event changes the tables (the registry names them).

Handlers marked `@batched` fold into the batch's plain rows (store/fold_rows.py: one read
per table and one write per table for a whole pulled batch); a handler without the mark folds
through the ORM session as before (get the row, `_set` its columns), only slower in bulk.

Handlers are lenient on purpose: the service validated each step when it was taken, and sync
checked a pulled payload against its kind's declared shape; a fold only replays. Each receives
the payload already brought to its kind's current version by the registry. The one check a
fold makes is the lifecycle's: a case step not allowed from the state the case has reached in
the full order (two workstations moved it before either synced) does not move the case
(`lifecycle.takes_effect`); sync records it as a conflict for the team lead.
"""

from __future__ import annotations

from datetime import date
from functools import cache
from typing import Any

from sqlalchemy import Date, delete, select
from sqlalchemy.orm import Session

from hall_desk.domain.catalog import pinyin_keys
from hall_desk.domain.identity import remask_resident_id
from hall_desk.domain.lifecycle import CaseState, event_for_kind, takes_effect
from hall_desk.store.fold_rows import FoldRows, Row, batched, of
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
from hall_desk.store.models_monthly import MonthlyReportRow
from hall_desk.store.models_queue import QueueTicketRow
from hall_desk.store.models_ratings import RatingRow
from hall_desk.store.models_routing import DeliveryRow, HandoffRow, HandoverSheetRow
from hall_desk.store.models_staff import (
    EvalSchemeRow,
    EvaluationLineRow,
    EvaluationReviewRow,
    EvaluationRow,
    FindingRow,
    InspectionItemRow,
    InspectionRow,
    MeetingActionRow,
    MeetingAttendanceRow,
    MeetingCorrectionRow,
    MeetingRow,
)
from hall_desk.store.models_tickets import TicketRow, TicketStepRow


def _typed(model: type[Base], values: dict[str, Any]) -> dict[str, Any]:
    """JSON carries dates as ISO text; give Date columns real dates. Masked ID numbers from
    older events are narrowed to today's mask, which is safe beside the stored birth year."""
    names, dates = _columns_of(model)
    out = dict(values)
    for key, value in values.items():
        if key not in names:
            raise KeyError(key)  # the registry's shape lets no such key through: a defect
        if isinstance(value, str):
            if key in dates:
                out[key] = date.fromisoformat(value)
            elif key.endswith("id_masked"):
                out[key] = remask_resident_id(value)
    return out


@cache
def _columns_of(model: type[Base]) -> tuple[frozenset[str], frozenset[str]]:
    columns = model.__table__.columns
    return (
        frozenset(c.name for c in columns),
        frozenset(c.name for c in columns if isinstance(c.type, Date)),
    )


def _set(row: Base, values: dict[str, Any]) -> None:
    """For a handler that folds through the ORM (not `@batched`): set an ORM row's columns."""
    for key, value in _typed(type(row), values).items():
        setattr(row, key, value)


def _get_or_add(rows: FoldRows, model: type[Base], key: Any, **new: Any) -> Row:
    found = rows.get(model, key)
    return found if found is not None else rows.add(model, new)


# --- users ----------------------------------------------------------------------------------


@batched
def user(session: Session, ev: Event, p: dict[str, Any]) -> None:
    rows = of(session)
    row = _get_or_add(
        rows,
        User,
        ev.entity_id,
        username=ev.entity_id,
        display_name="",
        role="clerk",
        password_hash="",
    )
    rows.update(User, row, _typed(User, p["set"]))


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


@batched
def override_set(session: Session, ev: Event, p: dict[str, Any]) -> None:
    rows = of(session)
    day = date.fromisoformat(ev.entity_id)
    row = _get_or_add(rows, CalendarOverrideRow, day, day=day)
    rows.update(CalendarOverrideRow, row, {"kind": p["kind"], "note": p.get("note", "")})


@batched
def override_removed(session: Session, ev: Event, p: dict[str, Any]) -> None:
    of(session).delete(CalendarOverrideRow, date.fromisoformat(ev.entity_id))


@batched
def year_covered(session: Session, ev: Event, p: dict[str, Any]) -> None:
    rows = of(session)
    year = int(ev.entity_id)
    row = _get_or_add(rows, CalendarYearRow, year, year=year)
    rows.update(CalendarYearRow, row, {"note": p.get("note", "")})


@batched
def year_uncovered(session: Session, ev: Event, p: dict[str, Any]) -> None:
    of(session).delete(CalendarYearRow, int(ev.entity_id))


# --- applicants -----------------------------------------------------------------------------


@batched
def applicant(session: Session, ev: Event, p: dict[str, Any]) -> None:
    rows = of(session)
    row = _get_or_add(rows, ApplicantRow, ev.entity_id, id=ev.entity_id)
    rows.update(ApplicantRow, row, {**_typed(ApplicantRow, p["set"]), "updated_hlc": ev.hlc})


# --- cases ----------------------------------------------------------------------------------


@batched
def case(session: Session, ev: Event, p: dict[str, Any]) -> None:
    rows = of(session)
    found = rows.get(CaseRow, ev.entity_id)
    if found is not None and not takes_effect(CaseState(found["state"]), ev.kind):
        return  # a conflicting step: kept in the log and in the conflicts, not in the case
    row = (
        found
        if found is not None
        else rows.add(CaseRow, {"id": ev.entity_id, "created_hlc": ev.hlc})
    )
    values = _typed(CaseRow, p.get("set", {}))
    step = event_for_kind(ev.kind)
    if step is not None and step.transition.target is not None:
        values = {"state": step.transition.target.value, **values}
    rows.update(CaseRow, row, {**values, "updated_hlc": ev.hlc})
    if "items" in p:
        rows.delete_where(CaseItemRow, "case_id", ev.entity_id)
        for position, item in enumerate(p["items"]):
            rows.add(
                CaseItemRow,
                {**_typed(CaseItemRow, item), "case_id": ev.entity_id, "position": position},
            )
    if "materials" in p:
        rows.delete_where(CaseMaterialRow, "case_id", ev.entity_id)
        for position, m in enumerate(p["materials"]):
            rows.add(
                CaseMaterialRow,
                {**_typed(CaseMaterialRow, m), "case_id": ev.entity_id, "position": position},
            )
    for position, changes in p.get("material_updates", {}).items():
        material = rows.get(CaseMaterialRow, ev.entity_id, int(position))
        if material is not None:
            rows.update(CaseMaterialRow, material, _typed(CaseMaterialRow, changes))


# --- consultations --------------------------------------------------------------------------


@batched
def consultation(session: Session, ev: Event, p: dict[str, Any]) -> None:
    rows = of(session)
    row = _get_or_add(rows, ConsultationRow, ev.entity_id, id=ev.entity_id)
    rows.update(ConsultationRow, row, _typed(ConsultationRow, p["set"]))


# --- 材料流转 and 统一出件 ----------------------------------------------------------------------
# Handoffs, handover sheets and deliveries are entities of their own (no foreign key to the
# case): folding is get-or-create then set, so a refold or a replayed event changes nothing.


def _upsert(session: Session, model: type[Base], ev: Event, p: dict[str, Any]) -> None:
    rows = of(session)
    row = _get_or_add(rows, model, ev.entity_id, id=ev.entity_id)
    rows.update(model, row, {**_typed(model, p.get("set", {})), "hlc": ev.hlc})


@batched
def handoff(session: Session, ev: Event, p: dict[str, Any]) -> None:
    _upsert(session, HandoffRow, ev, p)


@batched
def handover_sheet(session: Session, ev: Event, p: dict[str, Any]) -> None:
    _upsert(session, HandoverSheetRow, ev, p)


@batched
def delivery(session: Session, ev: Event, p: dict[str, Any]) -> None:
    rows = of(session)
    row = _get_or_add(rows, DeliveryRow, ev.entity_id, id=ev.entity_id, hlc=ev.hlc)
    values = _typed(DeliveryRow, p.get("set", {}))
    if ev.kind == "delivery.recorded":
        values["hlc"] = ev.hlc  # the hand-out's clock, whichever event arrived first
    rows.update(DeliveryRow, row, values)


@batched
def hall_setting(session: Session, ev: Event, p: dict[str, Any]) -> None:
    # The latest change wins, whichever arrives first (pulls come from several origins).
    rows = of(session)
    row = rows.get(HallSettingRow, ev.entity_id)
    if row is None:
        rows.add(HallSettingRow, {"key": ev.entity_id, "value": p["value"], "hlc": ev.hlc})
    elif ev.hlc > row["hlc"]:
        rows.update(HallSettingRow, row, {"value": p["value"], "hlc": ev.hlc})


# --- tickets (办不成事 / 投诉 / 建议 / 咨询 / 表扬) ---------------------------------------


@batched
def ticket(session: Session, ev: Event, p: dict[str, Any]) -> None:
    """Each step sets the ticket's columns and adds its line to the timeline, keyed by the
    event: a replayed or re-folded event writes the same line again."""
    rows = of(session)
    row = _get_or_add(rows, TicketRow, ev.entity_id, id=ev.entity_id, created_hlc=ev.hlc)
    rows.update(TicketRow, row, {**_typed(TicketRow, p.get("set", {})), "updated_hlc": ev.hlc})
    step = p.get("step")
    if step is not None:
        line = _get_or_add(rows, TicketStepRow, ev.id, id=ev.id)
        rows.update(
            TicketStepRow,
            line,
            {
                **_typed(TicketStepRow, step),
                "ticket_id": ev.entity_id,
                "actor": ev.actor,
                "hlc": ev.hlc,
            },
        )


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


# --- monthly operations report (运营报告) ---------------------------------------------------


def monthly_report(session: Session, ev: Event, p: dict[str, Any]) -> None:
    """The lead's sections follow the latest save; a publication freezes the row. The first
    publication by the hybrid clock stands (two workstations publishing the same month at once
    fold to the same one everywhere); sections saved after it never change what was published."""
    row = session.get(MonthlyReportRow, ev.entity_id)
    if row is None:
        row = MonthlyReportRow(
            month=ev.entity_id,
            problems="",
            plan="",
            text_saved_by="",
            text_hlc="",
            published="",
            published_at="",
            published_by="",
            publisher_name="",
            figures="",
            sha256="",
            known="{}",
        )
        session.add(row)
    if row.published:
        return
    if ev.kind == "monthly_report.text_saved":
        row.problems, row.plan = p.get("problems", ""), p.get("plan", "")
        row.text_saved_by, row.text_hlc = ev.actor, ev.hlc
        return
    row.problems, row.plan = p.get("problems", ""), p.get("plan", "")
    row.published, row.published_at = ev.hlc, p.get("published_at", "")
    row.published_by, row.publisher_name = ev.actor, p.get("publisher_name", "")
    row.figures, row.sha256 = p.get("figures", ""), p.get("sha256", "")
    row.known = p.get("known", "{}")


# --- the queue (取号/叫号) ----------------------------------------------------------------


def queue_ticket(session: Session, ev: Event, p: dict[str, Any]) -> None:
    """Each event carries the shared row after its step; the row's change count orders them,
    so an event that arrives late (another window's, by sync) never rolls a ticket back."""
    values = p["set"]
    row = session.get(QueueTicketRow, ev.entity_id)
    if row is None:
        row = QueueTicketRow(id=ev.entity_id)
        session.add(row)
    elif int(values.get("version", 0)) < (row.version or 0):
        return
    _set(row, {k: v for k, v in values.items() if k != "id"})


# --- meetings, inspections, evaluations ----------------------------------------------------------


def _put(session: Session, model: type[Base], key: Any, values: dict[str, Any]) -> Any:
    """Get-or-create by primary key, then set: a replayed event writes the same row again."""
    row = session.get(model, key)
    if row is None:
        row = model()
        session.add(row)
    _set(row, values)
    return row


def _header(session: Session, model: type[Base], ev: Event, values: dict[str, Any]) -> None:
    row = session.get(model, ev.entity_id)
    if row is None:
        row = model(id=ev.entity_id, created_hlc=ev.hlc)
        session.add(row)
    _set(row, values)
    row.updated_hlc = ev.hlc  # type: ignore[attr-defined]


def meeting(session: Session, ev: Event, p: dict[str, Any]) -> None:
    """A correction that changed the attendance carries the whole list: the old rows go first."""
    if "set" in p:
        _header(session, MeetingRow, ev, p["set"])
    if p.get("attendance_replaced"):
        session.execute(
            delete(MeetingAttendanceRow).where(MeetingAttendanceRow.meeting_id == ev.entity_id)
        )
    for entry in p.get("attendance", []):
        values = {**entry, "meeting_id": ev.entity_id}
        _put(session, MeetingAttendanceRow, (ev.entity_id, entry["username"]), values)
    for entry in p.get("actions", []):
        _put(session, MeetingActionRow, entry["id"], {**entry, "meeting_id": ev.entity_id})
    correction = p.get("correction")
    if correction is not None:
        values = {**correction, "meeting_id": ev.entity_id}
        _put(session, MeetingCorrectionRow, correction["id"], values)


def inspection(session: Session, ev: Event, p: dict[str, Any]) -> None:
    if "set" in p:
        _header(session, InspectionRow, ev, p["set"])
    for entry in p.get("items", []):
        values = {**entry, "inspection_id": ev.entity_id}
        _put(session, InspectionItemRow, (ev.entity_id, entry["position"]), values)
    for entry in p.get("findings", []):
        _put(session, FindingRow, entry["id"], {**entry, "inspection_id": ev.entity_id})


def eval_scheme(session: Session, ev: Event, p: dict[str, Any]) -> None:
    row = _put(
        session, EvalSchemeRow, int(ev.entity_id), {**p["set"], "version": int(ev.entity_id)}
    )
    row.hlc = ev.hlc


def evaluation(session: Session, ev: Event, p: dict[str, Any]) -> None:
    """A (re)computation first drops the sheet's computed lines; manual and 复核 lines stay."""
    if p.get("recomputed"):
        session.execute(
            delete(EvaluationLineRow).where(
                EvaluationLineRow.evaluation_id == ev.entity_id,
                EvaluationLineRow.manual.is_(False),
            )
        )
    if "set" in p:
        _header(session, EvaluationRow, ev, p["set"])
    for entry in p.get("lines", []):
        _put(session, EvaluationLineRow, entry["id"], {**entry, "evaluation_id": ev.entity_id})
    review = p.get("review")
    if review is not None:
        _put(session, EvaluationReviewRow, review["id"], {**review, "evaluation_id": ev.entity_id})
