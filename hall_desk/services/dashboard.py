"""统计报表: the team lead's day in figures, every one a SQL aggregate over the local database
(the SQL is `hall_desk.store.queries.dashboard`; this module assembles and names the figures).

Definitions (the daily summary and the tests use the same ones):

- consultations: `consultations.on` is the day; by channel, window and clerk as logged.
- intake decisions: cases whose `created_on` is the day, split by the kind of their intake
  event (受理 / 容缺受理 / 一次性告知补正 / 不予受理 / 即办办结); window and clerk are the
  case's own (the window and clerk that took it in).
- supplements received: cases asked for a supplement at intake whose materials came in complete
  on the day, i.e. that were accepted (`accepted_on`) on the day.
- green channel: cases taken in on the day with the 帮您办 flag.
- dispatched / returned: the routing post's handoffs of the day (移交 to a department,
  取回 from it; table `handoffs`), each case once in all and once per department.
- delivered: the hand-outs recorded on the day (table `deliveries`: picked up, or posted —
  a posted result that later comes back still counts on the day it was posted), by method,
  and by the delivery window and clerk.
- overdue / near deadline: as `hall_desk.domain.deadline` defines them (the board and the case
  view use the same rule): cases whose 限时办结 clock runs now (accepted, deferred, prereview,
  routing, under review; not stopped by a special procedure that began before the due date)
  with a due date before the day (已超期), or at most NEAR_DEADLINE_DAYS working days after it
  (临近期限). The SQL is `hall_desk.store.queries.deadline`.
- ratings (好差评): `services.rating_figures.RatingFigures` of the day, by the day rated
  (`rated_on`), a second rating of one record (two workstations offline) left out: ratings
  given (with a level), 未评价 (the screen asked, nobody answered), by level
  非常满意…非常不满意, 差评 = the bottom two levels, 差评率 = 差评 / given, 满意率 = the top
  three levels / given, each shown with its numerator and denominator and "—" when nothing
  was given; 差评 whose appeal was upheld (申诉成立) stay in these raw counts and leave both
  sides of the 差评率 after appeals; given by channel (评价屏 / 窗口代录 / 二维码·线上).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from typing import Literal

from sqlalchemy.orm import Session

from hall_desk.domain.assistance import AssistanceFlag, ServiceMode
from hall_desk.domain.calendar import WorkingCalendar
from hall_desk.domain.catalog import DeliveryMethod
from hall_desk.domain.consultations import Channel
from hall_desk.domain.errors import ValidationError
from hall_desk.domain.lifecycle import CaseEvent, CaseState
from hall_desk.domain.roles import Actor, Permission
from hall_desk.domain.stations import (
    Move,
    is_window,
    station_department,
    station_label,
    window_station,
)
from hall_desk.services.rating_figures import RatingFigures, rating_figures
from hall_desk.services.workstation import Workstation
from hall_desk.store.queries import dashboard as queries
from hall_desk.store.queries.dashboard import (
    DEPARTMENT_SEPARATOR,
    NO_DEPARTMENT,
    DeliveryCount,
    IntakeRow,
)
from hall_desk.store.queries.deadline import near_deadline_last_day
from hall_desk.store.queries.users import display_names

LIST_LIMIT = 50  # rows of each deadline list carried by DayFigures; page with deadline_cases()

OVERDUE_MARK = "已超期"
NEAR_MARK = "临近期限"
GREEN_MARK = "绿色通道"

NO_WINDOW = "（未设窗口）"

DeadlineKind = Literal["overdue", "near"]


# --- results --------------------------------------------------------------------------------


@dataclass(frozen=True)
class LabelledCount:
    key: str
    label: str
    count: int


@dataclass(frozen=True)
class IntakeCounts:
    """The five intake decisions of one day (all of them, or one window's, or one clerk's)."""

    accepted: int = 0
    accepted_deferred: int = 0
    supplement_requested: int = 0
    refused: int = 0
    completed_at_window: int = 0

    @property
    def total(self) -> int:
        return (
            self.accepted
            + self.accepted_deferred
            + self.supplement_requested
            + self.refused
            + self.completed_at_window
        )


@dataclass(frozen=True)
class StaffFigures:
    """One row of 按窗口 or 按人员: `key` is the window name or the username."""

    key: str
    label: str
    consultations: int
    intake: IntakeCounts
    green_channel: int
    delivered: int  # hand-outs at the 出件 window


@dataclass(frozen=True)
class DepartmentFigures:
    department: str
    applications: int  # cases taken in on the day with an item of this department
    dispatched: int
    returned: int
    overdue: int
    near_deadline: int


@dataclass(frozen=True)
class StationFigures:
    """Overdue and near-deadline cases by where their folder is now (the responsible station)."""

    station: str  # a window's own code ("window:综合窗口1") for folders still at intake
    label: str
    department: str  # of a department's station, else ""
    overdue: int
    near_deadline: int


@dataclass(frozen=True)
class DeadlineRow:
    case_id: str
    case_no: str
    title: str
    applicant_name: str
    due_date: date
    due_estimated: bool
    remaining_working_days: int  # negative (or 0 on a closed day) once overdue
    overdue: bool
    state: CaseState
    station: str
    station_label: str
    departments: str
    green_channel: bool

    @property
    def mark(self) -> str:
        return OVERDUE_MARK if self.overdue else NEAR_MARK

    @property
    def remaining_text(self) -> str:
        """Words, never colour alone: 已超期 N 个工作日 / 今日到期 / 剩余 N 个工作日."""
        if self.overdue:
            late = -self.remaining_working_days
            return f"{OVERDUE_MARK} {late} 个工作日" if late > 0 else OVERDUE_MARK
        if self.remaining_working_days == 0:
            return "今日到期"
        return f"剩余 {self.remaining_working_days} 个工作日"

    @property
    def state_label(self) -> str:
        return self.state.label


@dataclass(frozen=True)
class GreenChannelRow:
    case_id: str
    case_no: str
    title: str
    applicant_name: str
    flags: str  # 老年人、残疾人 …
    mode: str  # 全程帮办 …
    helper: str
    state: CaseState
    clerk: str  # display name
    window: str

    @property
    def state_label(self) -> str:
        return self.state.label


@dataclass(frozen=True)
class DayFigures:
    day: date
    working_day: bool
    consultations: int
    consultations_by_channel: tuple[LabelledCount, ...]
    intake: IntakeCounts
    supplements_received: int
    dispatched: int
    returned: int
    delivered_by_method: tuple[LabelledCount, ...]
    green_channel: int
    overdue_count: int
    near_deadline_count: int
    overdue: tuple[DeadlineRow, ...]  # the first LIST_LIMIT, most overdue first
    near_deadline: tuple[DeadlineRow, ...]  # the first LIST_LIMIT, nearest first
    green_channel_cases: tuple[GreenChannelRow, ...]
    by_window: tuple[StaffFigures, ...]
    by_clerk: tuple[StaffFigures, ...]
    by_department: tuple[DepartmentFigures, ...]
    by_station: tuple[StationFigures, ...]
    ratings: RatingFigures

    @property
    def delivered(self) -> int:
        return sum(c.count for c in self.delivered_by_method)

    def delivered_via(self, method: str) -> int:
        return next((c.count for c in self.delivered_by_method if c.key == method), 0)


# --- entry points -----------------------------------------------------------------------------


def day_figures(
    ws: Workstation, actor: Actor, day: date, *, list_limit: int = LIST_LIMIT
) -> DayFigures:
    """Every figure of the dashboard for `day`, read in one consistent snapshot."""
    actor.require(Permission.REPORTS)
    calendar = ws.calendar()
    with ws.reading() as s:
        names = display_names(s)
        consult_rows = queries.consultation_counts(s, day)
        intake_rows, supplements = queries.intake_and_supplements(s, day)
        moves = queries.moves_by_department(s, day)
        deliveries = queries.deliveries(s, day)
        deadlines = _deadline_counts(s, calendar, day)
        dept_deadlines = deadlines.by_department
        applications_by_dept = queries.applications_by_department(s, day)
        overdue = _deadline_rows(s, calendar, day, "overdue", 0, list_limit)
        near = _deadline_rows(s, calendar, day, "near", 0, list_limit)
        green = _green_channel_rows(s, day, names)
        rated = rating_figures(s, day, day)

    channels = Counter[str]()
    for channel, _window, _clerk, n in consult_rows:
        channels[channel] += n
    by_channel = tuple(LabelledCount(c.value, c.label, channels.pop(c.value, 0)) for c in Channel)
    by_channel += tuple(LabelledCount(k, k, n) for k, n in sorted(channels.items()))

    methods = Counter[str]()
    for delivery in deliveries:
        methods[delivery.method] += delivery.count
    delivered_by_method = tuple(
        LabelledCount(m.value, m.label, methods.pop(m.value, 0)) for m in DeliveryMethod
    ) + tuple(LabelledCount(str(m), str(m or "（未注明）"), n) for m, n in sorted(methods.items()))

    dispatched_by_dept = moves[Move.DISPATCH.value].by_department
    returned_by_dept = moves[Move.RECEIVE_BACK.value].by_department
    departments = sorted(
        set(applications_by_dept)
        | set(dispatched_by_dept)
        | set(returned_by_dept)
        | set(dept_deadlines)
    )
    by_department = tuple(
        DepartmentFigures(
            department=dept,
            applications=applications_by_dept.get(dept, 0),
            dispatched=dispatched_by_dept.get(dept, 0),
            returned=returned_by_dept.get(dept, 0),
            overdue=dept_deadlines.get(dept, (0, 0))[0],
            near_deadline=dept_deadlines.get(dept, (0, 0))[1],
        )
        for dept in departments
    )

    return DayFigures(
        day=day,
        working_day=calendar.is_working_day(day),
        consultations=sum(n for *_, n in consult_rows),
        consultations_by_channel=by_channel,
        intake=_intake_total(intake_rows),
        supplements_received=supplements,
        dispatched=moves[Move.DISPATCH.value].total,
        returned=moves[Move.RECEIVE_BACK.value].total,
        delivered_by_method=delivered_by_method,
        green_channel=sum(r.green for r in intake_rows),
        overdue_count=deadlines.overdue,
        near_deadline_count=deadlines.near_deadline,
        overdue=tuple(overdue),
        near_deadline=tuple(near),
        green_channel_cases=tuple(green),
        by_window=_breakdown(consult_rows, intake_rows, deliveries, by="window", names=names),
        by_clerk=_breakdown(consult_rows, intake_rows, deliveries, by="clerk", names=names),
        by_department=by_department,
        by_station=deadlines.by_station,
        ratings=rated,
    )


def deadline_cases(
    ws: Workstation,
    actor: Actor,
    day: date,
    which: DeadlineKind,
    offset: int = 0,
    limit: int = LIST_LIMIT,
) -> list[DeadlineRow]:
    """One page of the overdue (most overdue first) or near-deadline (nearest first) list,
    green-channel cases first among equal due dates; for table models that fetch lazily."""
    actor.require(Permission.REPORTS)
    if which not in ("overdue", "near"):
        raise ValidationError("which", "清单类型应为 overdue（已超期）或 near（临近期限）")
    if offset < 0 or limit < 0:
        raise ValidationError("limit", "分页参数不能为负数")
    calendar = ws.calendar()
    with ws.reading() as s:
        return _deadline_rows(s, calendar, day, which, offset, limit)


def green_channel_cases(ws: Workstation, actor: Actor, day: date) -> list[GreenChannelRow]:
    """The 帮您办 cases taken in on `day`."""
    actor.require(Permission.REPORTS)
    with ws.reading() as s:
        return _green_channel_rows(s, day, display_names(s))


def responsible_station(station: str, window: str) -> str:
    """The station code a folder is the responsibility of; a folder still at intake belongs
    to the window that took it in ("window:综合窗口1")."""
    if is_window(station):
        return window_station(station.partition(":")[2] or window)
    return station


# --- queries ----------------------------------------------------------------------------------


def _intake_total(rows: Iterable[IntakeRow]) -> IntakeCounts:
    by_kind = Counter[str]()
    for r in rows:
        by_kind[r.kind] += r.count
    return IntakeCounts(
        accepted=by_kind[CaseEvent.ACCEPT.value],
        accepted_deferred=by_kind[CaseEvent.ACCEPT_DEFERRED.value],
        supplement_requested=by_kind[CaseEvent.REQUEST_SUPPLEMENT.value],
        refused=by_kind[CaseEvent.REFUSE.value],
        completed_at_window=by_kind[CaseEvent.COMPLETE_AT_WINDOW.value],
    )


def _breakdown(
    consult_rows: list[tuple[str, str, str, int]],
    intake_rows: list[IntakeRow],
    deliveries: list[DeliveryCount],
    *,
    by: Literal["window", "clerk"],
    names: dict[str, str],
) -> tuple[StaffFigures, ...]:
    consults = Counter[str]()
    for _channel, window, clerk, n in consult_rows:
        consults[window if by == "window" else clerk] += n
    delivered = Counter[str]()
    for d in deliveries:
        delivered[d.window if by == "window" else d.clerk] += d.count
    grouped: dict[str, list[IntakeRow]] = {}
    for r in intake_rows:
        grouped.setdefault(r.window if by == "window" else r.clerk, []).append(r)
    out = []
    for key in sorted(set(consults) | set(grouped) | set(delivered)):
        rows = grouped.get(key, [])
        label = (key or NO_WINDOW) if by == "window" else names.get(key, key)
        out.append(
            StaffFigures(
                key=key,
                label=label,
                consultations=consults[key],
                intake=_intake_total(rows),
                green_channel=sum(r.green for r in rows),
                delivered=delivered[key],
            )
        )
    return tuple(out)


@dataclass(frozen=True)
class _DeadlineCounts:
    overdue: int
    near_deadline: int
    by_station: tuple[StationFigures, ...]
    by_department: dict[str, tuple[int, int]]


def _deadline_counts(s: Session, calendar: WorkingCalendar, day: date) -> _DeadlineCounts:
    """One pass over the open cases due by the near-deadline boundary, grouped by where the
    folder is and by the case's departments (CaseRow.departments joins its items' distinct
    departments with 、)."""
    last = near_deadline_last_day(calendar, day)
    rows = queries.deadline_groups(s, day, last)
    stations: dict[str, list[int]] = {}
    departments: dict[str, list[int]] = {}
    for station, window, joined, _, o, n in rows:
        counts = stations.setdefault(responsible_station(station, window), [0, 0])
        counts[0] += int(o)
        counts[1] += int(n)
        for department in joined.split(DEPARTMENT_SEPARATOR) if joined else [NO_DEPARTMENT]:
            counts = departments.setdefault(department, [0, 0])
            counts[0] += int(o)
            counts[1] += int(n)
    by_department = {d: (o, n) for d, (o, n) in departments.items()}
    samples = {joined: case_id for _, _, joined, case_id, _, _ in rows}
    if not queries.splits_cleanly(s, samples):
        by_department = queries.deadline_counts_by_department(s, day, last)
    by_station = tuple(
        StationFigures(
            station=code,
            label=station_label(code),
            department=station_department(code),
            overdue=o,
            near_deadline=n,
        )
        for code, (o, n) in sorted(stations.items(), key=lambda kv: _station_order(kv[0]))
    )
    return _DeadlineCounts(
        overdue=sum(st.overdue for st in by_station),
        near_deadline=sum(st.near_deadline for st in by_station),
        by_station=by_station,
        by_department=by_department,
    )


def _station_order(code: str) -> tuple[int, str]:
    """Windows, the routing post, the departments, the delivery window: the folder's way."""
    kind = code.partition(":")[0]
    return ({"window": 0, "routing": 1, "dept": 2, "delivery": 3}.get(kind, 4), code)


def _deadline_rows(
    s: Session,
    calendar: WorkingCalendar,
    day: date,
    which: DeadlineKind,
    offset: int,
    limit: int,
) -> list[DeadlineRow]:
    last = near_deadline_last_day(calendar, day)
    rows = queries.deadline_cases(s, which, day, last, offset, limit)
    out = []
    for cid, no, title, name, due, estimated, state, station, window, depts, green in rows:
        assert due is not None
        out.append(
            DeadlineRow(
                case_id=cid,
                case_no=no,
                title=title,
                applicant_name=name,
                due_date=due,
                due_estimated=bool(estimated),
                remaining_working_days=calendar.working_days_between(day, due),
                overdue=due < day,
                state=CaseState(state),
                station=station,
                station_label=station_label(station, window),
                departments=depts,
                green_channel=bool(green),
            )
        )
    return out


def _labels(encoded: str, known: dict[str, str]) -> str:
    return "、".join(known.get(v, v) for v in encoded.split(",") if v)


def _green_channel_rows(s: Session, day: date, names: dict[str, str]) -> list[GreenChannelRow]:
    rows = queries.green_channel_cases(s, day)
    flags = {f.value: f.label for f in AssistanceFlag}
    modes = {m.value: m.label for m in ServiceMode}
    return [
        GreenChannelRow(
            case_id=cid,
            case_no=no,
            title=title,
            applicant_name=name,
            flags=_labels(encoded_flags, flags),
            mode=modes.get(mode, mode),
            helper=helper,
            state=CaseState(state),
            clerk=names.get(clerk, clerk),
            window=window,
        )
        for cid, no, title, name, encoded_flags, mode, helper, state, clerk, window in rows
    ]
