"""Read queries of the monthly evaluation: one person's work and evidence within a period.

The definitions are in `hall_desk.services.evaluations`' docstring; the workload counts are the
dashboard's (`hall_desk.services.dashboard`), per person instead of per day.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import ColumnElement, func, select
from sqlalchemy.orm import Session

from hall_desk.domain.tickets import NO_FINDING_TEXT, Finding
from hall_desk.store.models import CaseRow, ConsultationRow
from hall_desk.store.models_ratings import RatingRow
from hall_desk.store.models_routing import DeliveryRow, HandoffRow
from hall_desk.store.models_staff import FindingRow, MeetingAttendanceRow, MeetingRow
from hall_desk.store.models_tickets import TicketRow


@dataclass(frozen=True)
class Workload:
    cases: int  # intake decisions taken (the case's clerk), by the day taken in
    consultations: int
    deliveries: int  # hand-outs at the 出件 window
    folders: int  # folder moves the person recorded (材料流转)

    @property
    def total(self) -> int:
        return self.cases + self.consultations + self.deliveries + self.folders


def _count(s: Session, query: object) -> int:
    return int(s.scalar(query) or 0)  # type: ignore[call-overload]


def workload(s: Session, username: str, start: date, end: date) -> Workload:
    c, k, d, h = CaseRow, ConsultationRow, DeliveryRow, HandoffRow
    return Workload(
        cases=_count(
            s,
            select(func.count())
            .select_from(c)
            .where(c.clerk == username, c.created_on >= start, c.created_on <= end),
        ),
        consultations=_count(
            s,
            select(func.count())
            .select_from(k)
            .where(k.clerk == username, k.on >= start, k.on <= end),
        ),
        deliveries=_count(
            s,
            select(func.count())
            .select_from(d)
            .where(d.clerk == username, d.on >= start, d.on <= end),
        ),
        folders=_count(
            s,
            select(func.count())
            .select_from(h)
            .where(h.recorded_by == username, h.on >= start, h.on <= end),
        ),
    )


@dataclass(frozen=True)
class Found:
    """One piece of evidence: what it is, its id and number, its day, a line of words."""

    kind: str
    ref: str
    ref_no: str
    on: date
    text: str


def complaints(s: Session, username: str, start: date, end: date) -> list[Found]:
    """Complaints naming the person, checked in [start, end], found 属实 or 部分属实. One checked
    before findings were recorded has none: it counts as 属实 and its line says so."""
    t = TicketRow
    rows = s.execute(
        select(t.id, t.ticket_no, t.checked_on, t.description, t.finding)
        .where(
            t.ticket_class == "complaint",
            # A 差评's 整改 ticket is not a complaint of its own: the rating is the evidence.
            t.source != "rating",
            t.staff == username,
            t.checked_on >= start,
            t.checked_on <= end,
            t.finding != Finding.UNFOUNDED.value,
        )
        .order_by(t.checked_on, t.ticket_no)
    )
    return [
        Found(
            "complaint",
            i,
            n,
            on,
            f"投诉 {n}（{Finding(f).label if f else NO_FINDING_TEXT}）：{d[:40]}",
        )
        for i, n, on, d, f in rows
    ]


def praise(s: Session, username: str, start: date, end: date) -> list[Found]:
    t = TicketRow
    rows = s.execute(
        select(t.id, t.ticket_no, t.received_on, t.description)
        .where(
            t.ticket_class == "praise",
            t.staff == username,
            t.received_on >= start,
            t.received_on <= end,
        )
        .order_by(t.received_on, t.ticket_no)
    )
    return [Found("praise", i, n, on, f"表扬 {n}：{d[:40]}") for i, n, on, d in rows]


def overdue_cases(s: Session, username: str, start: date, end: date) -> list[Found]:
    c = CaseRow
    rows = s.execute(
        select(c.id, c.case_no, c.completed_on, c.due_date)
        .where(
            c.clerk == username,
            c.completed_on >= start,
            c.completed_on <= end,
            c.due_date.is_not(None),
            c.completed_on > c.due_date,
        )
        .order_by(c.completed_on, c.case_no)
    )
    return [
        Found("overdue_case", i, n, on, f"办件 {n} 承诺 {due:%m-%d} 办结，{on:%m-%d} 才办结")
        for i, n, on, due in rows
    ]


SEVERITY_KINDS = {"minor": "finding_minor", "major": "finding_major", "serious": "finding_serious"}


def findings(s: Session, username: str, start: date, end: date) -> list[Found]:
    f = FindingRow
    rows = s.execute(
        select(f.id, f.found_on, f.item, f.severity)
        .where(f.staff == username, f.found_on >= start, f.found_on <= end)
        .order_by(f.found_on, f.position)
    )
    return [
        Found(SEVERITY_KINDS[sev], i, "", on, f"{on:%m-%d} 巡查：{item}")
        for i, on, item, sev in rows
    ]


MEETING_LABELS = {
    "morning": "晨会",
    "evening": "夕会",
    "weekly": "周例会",
    "monthly": "月度例会",
    "topical": "专题会议",
}


def meeting_absences(s: Session, username: str, start: date, end: date) -> list[Found]:
    a, m = MeetingAttendanceRow, MeetingRow
    rows = s.execute(
        select(a.meeting_id, a.held_on, a.status, m.kind)
        .join(m, m.id == a.meeting_id)
        .where(
            a.username == username,
            a.held_on >= start,
            a.held_on <= end,
            a.status.in_(("absent", "late")),
        )
        .order_by(a.held_on, m.held_at)
    )
    out = []
    for meeting_id, on, status, kind in rows:
        what = "缺席" if status == "absent" else "迟到"
        kind_of = "meeting_absent" if status == "absent" else "meeting_late"
        out.append(Found(kind_of, meeting_id, "", on, f"{on:%m-%d} {MEETING_LABELS[kind]}{what}"))
    return out


def _counted_bad(username: str, start: date, end: date) -> tuple[ColumnElement[bool], ...]:
    """The person's 差评 of [start, end] that the 差评率 counts: given, 不满意 or 非常不满意,
    not a repeat rating of the same visit."""
    r = RatingRow
    return (
        r.staff == username,
        r.state == "given",
        r.level <= 2,
        r.duplicate_of == "",
        r.rated_on >= start,
        r.rated_on <= end,
    )


def upheld_bad_ratings(s: Session, username: str, start: date, end: date) -> list[Found]:
    """差评 that stand against the person (kind "rating_upheld"): their ratings of 不满意 or
    非常不满意 given within [start, end] (by the day rated, as the 差评率 counts), not a repeat
    rating of the same visit, and not taken out by an upheld appeal (申诉成立). A pending appeal
    still counts until a lead upholds it; the sheet is recomputed after the 复核."""
    r = RatingRow
    rows = s.execute(
        select(r.id, r.ticket_no, r.rated_on, r.what)
        .where(*_counted_bad(username, start, end), r.appeal_state != "upheld")
        .order_by(r.rated_on, r.id)
    )
    return [Found("rating_upheld", i, n or i, on, f"差评 {n}：{w[:40]}") for i, n, on, w in rows]


def bad_ratings_in_appeal(
    s: Session, username: str, start: date, end: date
) -> list[tuple[str, str, date, str]]:
    """The person's counted 差评 of [start, end] whose appeal is not decided: (id, 整改 ticket
    number, day rated, appeal state) for those pending 复核 ("pending") or not appealed yet
    (""); the service keeps of the latter those still inside their appeal window."""
    r = RatingRow
    rows = s.execute(
        select(r.id, r.ticket_no, r.rated_on, r.appeal_state)
        .where(*_counted_bad(username, start, end), r.appeal_state.in_(("", "pending")))
        .order_by(r.rated_on, r.id)
    )
    return [(i, n, on, a) for i, n, on, a in rows]


def evidence(s: Session, username: str, start: date, end: date) -> list[Found]:
    """Every piece of evidence of the person in [start, end], by kind then day."""
    return [
        *complaints(s, username, start, end),
        *upheld_bad_ratings(s, username, start, end),
        *overdue_cases(s, username, start, end),
        *findings(s, username, start, end),
        *meeting_absences(s, username, start, end),
        *praise(s, username, start, end),
    ]


def evidence_day(s: Session, ref: str) -> tuple[str, date] | None:
    """What an id cited by a manual line is, and its day: a ticket, case, finding or meeting."""
    ticket = s.get(TicketRow, ref)
    if ticket is not None:
        return ticket.ticket_no, ticket.checked_on or ticket.received_on
    case = s.get(CaseRow, ref)
    if case is not None:
        return case.case_no, case.completed_on or case.created_on
    finding = s.get(FindingRow, ref)
    if finding is not None:
        return "", finding.found_on
    meeting = s.get(MeetingRow, ref)
    if meeting is not None:
        return "", meeting.held_on
    return None


def source_of(s: Session, ref: str) -> tuple[str, str] | None:
    """What record a line's evidence id names, and how to open it: ("ticket", its number),
    ("case" | "finding" | "meeting" | "rating", the id). Ids are UUIDs: one table holds it."""
    if not ref:
        return None
    number = s.scalar(select(TicketRow.ticket_no).where(TicketRow.id == ref))
    if number is not None:
        return "ticket", number
    for what, model in (
        ("case", CaseRow),
        ("finding", FindingRow),
        ("meeting", MeetingRow),
        ("rating", RatingRow),
    ):
        if s.scalar(select(model.id).where(model.id == ref)) is not None:
            return what, ref
    return None
