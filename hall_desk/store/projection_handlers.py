"""Projection handlers: how each kind of event changes the tables (the registry names them).

Every handler here is `@batched`: it folds into the batch's plain rows (store/fold_rows.py:
one read per table and one write per table for a whole pulled batch), never through the ORM.
Rows a handler looks up by something other than its entity's id are named in `reads=`, so the
batch reads them ahead for all its events at once.

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

from sqlalchemy import Date
from sqlalchemy.orm import Session

from hall_desk.domain.identity import remask_resident_id
from hall_desk.domain.lifecycle import CaseState, event_for_kind, takes_effect
from hall_desk.store.catalog_pinyin import pinyin_keys
from hall_desk.store.fold_rows import FoldRows, Reads, Row, batched, of
from hall_desk.store.models import (
    Base,
    CalendarOverrideRow,
    CalendarYearRow,
    CaseItemRow,
    CaseRow,
    ConsultationRow,
    Event,
    HallSettingRow,
    User,
)
from hall_desk.store.models_catalog import (
    MaterialRequirementRow,
    ServiceItemRow,
    ThemeItemRow,
    ThemeRow,
)
from hall_desk.store.models_intake import ApplicantRow, CaseMaterialRow
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
    names, dates, converted = _columns_of(model)
    if not names.issuperset(values):
        # The registry's shape lets no such key through: a defect.
        raise KeyError(next(key for key in values if key not in names))
    out = dict(values)
    for key in converted.intersection(values) if converted else ():
        value = values[key]
        if isinstance(value, str):
            out[key] = date.fromisoformat(value) if key in dates else remask_resident_id(value)
    return out


@cache
def _columns_of(model: type[Base]) -> tuple[frozenset[str], frozenset[str], frozenset[str]]:
    """(every column, the Date ones, those and the masked ID numbers) of a table."""
    columns = model.__table__.columns
    dates = frozenset(c.name for c in columns if isinstance(c.type, Date))
    masked = frozenset(c.name for c in columns if c.name.endswith("id_masked"))
    return frozenset(c.name for c in columns), dates, dates | masked


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


@batched
def catalog(session: Session, ev: Event, p: dict[str, Any]) -> None:
    """An import replaces the whole catalog: the four tables are emptied and written again."""
    rows = of(session)
    for model in (ThemeItemRow, ThemeRow, MaterialRequirementRow, ServiceItemRow):
        rows.clear(model)
    for position, item in enumerate(p["items"]):
        full, initials = pinyin_keys(item["name"])
        rows.add(
            ServiceItemRow,
            {
                "code": item["code"],
                "name": item["name"],
                "department": item["department"],
                "kind": item["kind"],
                "legal_limit": item["legal_limit"],
                "promised_limit": item["promised_limit"],
                "limit_unit": item["limit_unit"],
                "fee": item["fee"],
                "delivery": ",".join(item["delivery"]),
                "produces": "\n".join(item.get("produces", [])),
                "pinyin_full": full,
                "pinyin_initials": initials,
                "position": position,
            },
        )
    for item in p["items"]:
        for mpos, m in enumerate(item["materials"]):
            rows.add(
                MaterialRequirementRow,
                {
                    "item_code": item["code"],
                    "position": mpos,
                    "name": m["name"],
                    "form": m["form"],
                    "copies": m["copies"],
                    "required": m["required"],
                    "deferrable": m["deferrable"],
                },
            )
    for position, theme in enumerate(p["themes"]):
        full, initials = pinyin_keys(theme["name"])
        rows.add(
            ThemeRow,
            {
                "code": theme["code"],
                "name": theme["name"],
                "pinyin_full": full,
                "pinyin_initials": initials,
                "position": position,
            },
        )
    for theme in p["themes"]:
        for ipos, code in enumerate(theme["items"]):
            rows.add(
                ThemeItemRow, {"theme_code": theme["code"], "position": ipos, "item_code": code}
            )


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


def _case_materials(rows: FoldRows, ev: Event, p: dict[str, Any]) -> list[tuple[Any, ...]]:
    """A case's materials, for a step that updates some of them; its items and materials are
    otherwise only ever replaced whole, which needs no read."""
    return [(CaseMaterialRow, "case_id", ev.entity_id)] if p.get("material_updates") else []


@batched(reads=_case_materials, own_row=True)
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


def _ticket_step(rows: FoldRows, ev: Event, p: dict[str, Any]) -> list[tuple[Any, ...]]:
    """The step's own timeline line (keyed by the event), not the ticket's whole timeline."""
    return [(TicketStepRow, "id", ev.id)] if p.get("step") is not None else []


@batched(reads=_ticket_step, own_row=True)
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
RECORD = ("rated_kind", "record_id")  # the record a rating is about (ix_ratings_record)


def _rated_record(rows: FoldRows, ev: Event, p: dict[str, Any]) -> list[tuple[Any, ...]]:
    """The other ratings of the same record, read ahead: the record as the event sets it, or
    as the rating row (read with the entity) holds it."""
    values = p.get("set", {})
    row = rows.get(RatingRow, ev.entity_id) if not all(c in values for c in RECORD) else None
    record = tuple(values.get(c, row[c] if row is not None else None) for c in RECORD)
    return [(RatingRow, RECORD, record)] if None not in record else []


@batched(reads=_rated_record, by=((RatingRow, RECORD),))
def rating(session: Session, ev: Event, p: dict[str, Any]) -> None:
    """Sets the rating's columns, then settles "one rating per record": of all the rows about
    the same record, the earliest by (HLC, id) counts and every other names it in
    `duplicate_of`. Settled on every fold of any of them, so the order events arrive in (two
    workstations rating one record offline) does not change the outcome."""
    rows = of(session)
    row = _get_or_add(
        rows, RatingRow, ev.entity_id, id=ev.entity_id, created_hlc=ev.hlc, duplicate_of=""
    )
    rows.update(RatingRow, row, {**_typed(RatingRow, p.get("set", {})), "updated_hlc": ev.hlc})
    same = sorted(
        rows.children(RatingRow, RECORD, tuple(row[c] for c in RECORD)),
        key=lambda r: (r["created_hlc"], r["id"]),
    )
    first = same[0]["id"]
    for other in same:
        duplicate_of = "" if other["id"] == first else first
        if other["duplicate_of"] != duplicate_of:
            rows.update(RatingRow, other, {"duplicate_of": duplicate_of})


# --- monthly operations report (运营报告) ---------------------------------------------------

_BLANK_REPORT = {
    "problems": "",
    "plan": "",
    "text_saved_by": "",
    "text_hlc": "",
    "published": "",
    "published_at": "",
    "published_by": "",
    "publisher_name": "",
    "figures": "",
    "sha256": "",
    "known": "{}",
}


@batched
def monthly_report(session: Session, ev: Event, p: dict[str, Any]) -> None:
    """The lead's sections follow the latest save; a publication freezes the row. The first
    publication by the hybrid clock stands (two workstations publishing the same month at once
    fold to the same one everywhere); sections saved after it never change what was published."""
    rows = of(session)
    row = _get_or_add(rows, MonthlyReportRow, ev.entity_id, month=ev.entity_id, **_BLANK_REPORT)
    if row["published"]:
        return
    sections = {"problems": p.get("problems", ""), "plan": p.get("plan", "")}
    if ev.kind == "monthly_report.text_saved":
        rows.update(
            MonthlyReportRow, row, {**sections, "text_saved_by": ev.actor, "text_hlc": ev.hlc}
        )
        return
    rows.update(
        MonthlyReportRow,
        row,
        {
            **sections,
            "published": ev.hlc,
            "published_at": p.get("published_at", ""),
            "published_by": ev.actor,
            "publisher_name": p.get("publisher_name", ""),
            "figures": p.get("figures", ""),
            "sha256": p.get("sha256", ""),
            "known": p.get("known", "{}"),
        },
    )


# --- the queue (取号/叫号) ----------------------------------------------------------------


@batched
def queue_ticket(session: Session, ev: Event, p: dict[str, Any]) -> None:
    """Each event carries the shared row after its step; the row's change count orders them,
    so an event that arrives late (another window's, by sync) never rolls a ticket back."""
    rows = of(session)
    values = p["set"]
    row = rows.get(QueueTicketRow, ev.entity_id)
    if row is None:
        row = rows.add(QueueTicketRow, {"id": ev.entity_id})
    elif int(values.get("version", 0)) < (row["version"] or 0):
        return
    rows.update(
        QueueTicketRow, row, _typed(QueueTicketRow, {k: v for k, v in values.items() if k != "id"})
    )


# --- meetings, inspections, evaluations ----------------------------------------------------------
# Their child rows with ids of their own (action items, findings, evaluation lines, …) are read
# ahead by id (`reads=`): the batch cannot tell from the parent's rows that an id is new.


def _put(rows: FoldRows, model: type[Base], key: tuple[Any, ...], values: dict[str, Any]) -> None:
    """Get-or-create by primary key, then set: a replayed event writes the same row again."""
    row = rows.get(model, *key)
    if row is None:
        rows.add(model, _typed(model, values))
    else:
        rows.update(model, row, _typed(model, values))


def _header(rows: FoldRows, model: type[Base], ev: Event, values: dict[str, Any]) -> None:
    row = _get_or_add(rows, model, ev.entity_id, id=ev.entity_id, created_hlc=ev.hlc)
    rows.update(model, row, {**_typed(model, values), "updated_hlc": ev.hlc})


def _by_id(*parts: tuple[type[Base], str, bool]) -> Reads:
    """Reads ahead the rows whose ids the payload's `key` carries: a list of entries (`many`)
    or one entry."""

    def reads(rows: FoldRows, ev: Event, p: dict[str, Any]) -> list[tuple[Any, ...]]:
        found: list[tuple[Any, ...]] = []
        for model, key, many in parts:
            entries = p.get(key, []) if many else [p[key]] if p.get(key) is not None else []
            found.extend((model, "id", entry["id"]) for entry in entries)
        return found

    return reads


@batched(
    reads=_by_id((MeetingActionRow, "actions", True), (MeetingCorrectionRow, "correction", False))
)
def meeting(session: Session, ev: Event, p: dict[str, Any]) -> None:
    """A correction that changed the attendance carries the whole list: the old rows go first."""
    rows = of(session)
    if "set" in p:
        _header(rows, MeetingRow, ev, p["set"])
    if p.get("attendance_replaced"):
        rows.delete_where(MeetingAttendanceRow, "meeting_id", ev.entity_id)
    for entry in p.get("attendance", []):
        values = {**entry, "meeting_id": ev.entity_id}
        _put(rows, MeetingAttendanceRow, (ev.entity_id, entry["username"]), values)
    for entry in p.get("actions", []):
        _put(rows, MeetingActionRow, (entry["id"],), {**entry, "meeting_id": ev.entity_id})
    correction = p.get("correction")
    if correction is not None:
        values = {**correction, "meeting_id": ev.entity_id}
        _put(rows, MeetingCorrectionRow, (correction["id"],), values)


@batched(reads=_by_id((FindingRow, "findings", True)))
def inspection(session: Session, ev: Event, p: dict[str, Any]) -> None:
    rows = of(session)
    if "set" in p:
        _header(rows, InspectionRow, ev, p["set"])
    for entry in p.get("items", []):
        values = {**entry, "inspection_id": ev.entity_id}
        _put(rows, InspectionItemRow, (ev.entity_id, entry["position"]), values)
    for entry in p.get("findings", []):
        _put(rows, FindingRow, (entry["id"],), {**entry, "inspection_id": ev.entity_id})


@batched
def eval_scheme(session: Session, ev: Event, p: dict[str, Any]) -> None:
    version = int(ev.entity_id)
    values = {**p["set"], "version": version, "hlc": ev.hlc}
    _put(of(session), EvalSchemeRow, (version,), values)


@batched(reads=_by_id((EvaluationLineRow, "lines", True), (EvaluationReviewRow, "review", False)))
def evaluation(session: Session, ev: Event, p: dict[str, Any]) -> None:
    """A (re)computation first drops the sheet's computed lines; manual and 复核 lines stay."""
    rows = of(session)
    if p.get("recomputed"):
        for line in rows.children(EvaluationLineRow, "evaluation_id", ev.entity_id):
            if line["manual"] is not None and not line["manual"]:
                rows.delete(EvaluationLineRow, line["id"])
    if "set" in p:
        _header(rows, EvaluationRow, ev, p["set"])
    for entry in p.get("lines", []):
        _put(rows, EvaluationLineRow, (entry["id"],), {**entry, "evaluation_id": ev.entity_id})
    review = p.get("review")
    if review is not None:
        values = {**review, "evaluation_id": ev.entity_id}
        _put(rows, EvaluationReviewRow, (review["id"],), values)
