"""The routing board: where every open folder is, how long it has waited, and its deadline flag
(the one rule of `hall_desk.domain.deadline`, as on the dashboard and in the case view)."""

from __future__ import annotations

from collections import namedtuple
from collections.abc import Collection
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any

from sqlalchemy import ColumnElement, Select, case, cast, func, literal, select
from sqlalchemy import Integer as SqlInteger
from sqlalchemy.orm import Session

from hall_desk.domain.deadline import (
    FLAG_ORDER,
    RESULT_STATES,
    DeadlineFlag,
    classify,
    clock_counts,
)
from hall_desk.domain.lifecycle import CaseState
from hall_desk.domain.moves import case_departments, outstanding_departments, outstanding_text
from hall_desk.domain.roles import Actor, Permission
from hall_desk.domain.stations import (
    DELIVERY,
    ROUTING,
    WINDOW,
    department_station,
    is_window,
    station_department,
    station_label,
)
from hall_desk.services.common import arrived_at, display_names, dwell_text
from hall_desk.services.workstation import Workstation
from hall_desk.store.models import CaseRow
from hall_desk.store.queries import deadline as deadline_sql
from hall_desk.store.queries import routing as routing_queries
from hall_desk.store.queries.routing import BOARD_COLUMNS

BOARD_STATES = (
    CaseState.ACCEPTED,
    CaseState.ACCEPTED_DEFERRED,
    CaseState.AWAITING_SUPPLEMENT,
    CaseState.PREREVIEW,
    CaseState.ROUTING,
    CaseState.UNDER_REVIEW,
    CaseState.CONCLUDED,
    CaseState.DENIED,
    CaseState.READY_FOR_DELIVERY,
)


@dataclass(frozen=True)
class BoardRow:
    case_id: str
    case_no: str
    title: str
    applicant_name: str
    state: CaseState
    state_label: str
    station: str
    station_label: str
    department: str  # of a dept: station, else ""
    since: datetime
    dwell: timedelta
    dwell_text: str
    due_date: date | None
    remaining_working_days: int | None  # negative when overdue
    flag: DeadlineFlag
    flag_text: str  # always words, never colour alone
    green_channel: bool
    green_text: str  # "绿色通道" or ""
    clerk: str
    window: str
    departments: tuple[str, ...] = ()  # of the case's items: 主办 first, then 协办
    outstanding: tuple[str, ...] = ()  # 联办: the departments that have not decided yet
    outstanding_text: str = ""  # "待审批：…" for a case of several departments, else ""


@dataclass(frozen=True)
class StationCount:
    station: str
    label: str
    department: str
    cases: int
    overdue: int
    near: int
    green: int


@dataclass(frozen=True)
class Board:
    as_of: datetime
    rows: list[BoardRow]
    stations: list[StationCount]

    @property
    def overdue(self) -> int:
        return sum(1 for r in self.rows if r.flag == DeadlineFlag.OVERDUE)

    @property
    def near(self) -> int:
        return sum(1 for r in self.rows if r.flag == DeadlineFlag.NEAR)


def _flag(
    case: CaseRow, state: CaseState, remaining_of: Any, today: date
) -> tuple[DeadlineFlag, int | None, str]:
    running = clock_counts(state, case.due_date, case.paused_since)
    status = classify(
        state,
        case.due_date,
        case.paused_since,
        today,
        remaining_of(case.due_date) if running else None,
        estimated=case.due_estimated,
    )
    return status.flag, status.remaining_working_days, status.text


# Board rows come back as plain tuples with named fields: attribute access on SQLAlchemy's Row
# objects was the board's largest cost on a busy hall.
BoardCase = namedtuple("BoardCase", BOARD_COLUMNS)
_STATE_BY_VALUE = {state.value: state for state in CaseState}


# States in which a case has not yet been decided by all its departments unless they say so.
_UNDECIDED = frozenset(
    {
        CaseState.ACCEPTED,
        CaseState.ACCEPTED_DEFERRED,
        CaseState.AWAITING_SUPPLEMENT,
        CaseState.PREREVIEW,
        CaseState.ROUTING,
        CaseState.UNDER_REVIEW,
    }
)


def _outstanding(case: CaseRow, state: CaseState, decided: Collection[str]) -> tuple[str, ...]:
    if state not in _UNDECIDED and not decided:
        return ()  # decided at the window (即办), or never reached a department
    return tuple(outstanding_departments(case, decided))


def _board_row(
    case: CaseRow,
    now: datetime,
    remaining_of: Any,
    names: dict[str, str],
    decided: Collection[str] = (),
) -> BoardRow:
    state = _STATE_BY_VALUE[case.state]
    departments = tuple(case_departments(case))
    left = _outstanding(case, state, decided)
    flag, remaining, text = _flag(case, state, remaining_of, now.date())
    since = arrived_at(case)
    dwell = max(timedelta(0), now - since)
    return BoardRow(
        case.id,
        case.case_no,
        case.title,
        case.applicant_name,
        state,
        state.label,
        case.station,
        station_label(case.station, case.window),
        station_department(case.station),
        since,
        dwell,
        dwell_text(dwell),
        case.due_date,
        remaining,
        flag,
        text,
        case.green_channel,
        "绿色通道" if case.green_channel else "",
        names.get(case.clerk, case.clerk),
        case.window,
        departments,
        left,
        f"待审批：{outstanding_text(left)}" if left and len(departments) > 1 else "",
    )


def _sort_key(row: BoardRow) -> tuple[Any, ...]:
    # Green channel first, then the most urgent, then the longest waiting (the board itself
    # sorts in SQL by the same rule: `_board_order`).
    remaining = row.remaining_working_days
    return (
        not row.green_channel,
        FLAG_ORDER[row.flag],
        remaining if remaining is not None else 1 << 30,
        row.since,
        row.case_no,
    )


def _remaining_fn(ws: Workstation, session: Session, today: date) -> Any:
    calendar = ws.calendar(session)
    cache: dict[date, int] = {}

    def remaining_of(due: date) -> int:
        if due not in cache:
            cache[due] = calendar.working_days_between(today, due)
        return cache[due]

    return remaining_of


PAGE_ROWS = 100  # a screen and a half of the board: what its first view reads


@dataclass(frozen=True)
class BoardPage:
    """One page of the board in its order, with the figures of the whole board."""

    as_of: datetime
    offset: int
    rows: list[BoardRow]
    total: int  # folders on the whole board (with the filters), not only on this page
    overdue: int
    near: int

    @property
    def more(self) -> bool:
        return self.offset + len(self.rows) < self.total


def _flag_bucket(today: date, near_last: date) -> ColumnElement[int]:
    """`FLAG_ORDER` of `classify` in SQL (the flags of the board's states)."""
    c = CaseRow
    return case(
        (c.state.in_(sorted(s.value for s in RESULT_STATES)), FLAG_ORDER[DeadlineFlag.DONE]),
        (c.due_date.is_(None), FLAG_ORDER[DeadlineFlag.NONE]),
        (~deadline_sql.clock_running(), FLAG_ORDER[DeadlineFlag.PAUSED]),
        (c.due_date < today, FLAG_ORDER[DeadlineFlag.OVERDUE]),
        (c.due_date <= near_last, FLAG_ORDER[DeadlineFlag.NEAR]),
        else_=FLAG_ORDER[DeadlineFlag.OK],
    )


def _arrived_sql() -> ColumnElement[float]:
    """`services.common.arrived_at` as a Julian day number: the moment the folder reached its
    station, else its intake moment (the HLC's reading, or 09:00 local of a back-dated day)."""
    c = CaseRow
    ms = cast(func.substr(c.created_hlc, 1, 13), SqlInteger)
    recorded_day = func.date(ms / 1000.0, "unixepoch", "localtime")
    intake = case(
        (recorded_day == c.created_on, ms / 86_400_000.0 + 2_440_587.5),
        else_=func.julianday(c.created_on + literal(" 09:00:00"), "utc"),
    )
    return func.coalesce(func.julianday(c.station_since), intake)


def _board_order(today: date, near_last: date) -> list[ColumnElement[Any]]:
    """Green channel first, then the most urgent flag, the nearest due date among running
    clocks (the same order as the fewest working days left), the longest waiting, the number.
    In SQL, so that a page of the board reads only its own rows."""
    bucket = _flag_bucket(today, near_last)
    running = bucket <= FLAG_ORDER[DeadlineFlag.OK]
    return [
        CaseRow.green_channel.desc(),
        bucket,
        case((running, CaseRow.due_date), else_=None),
        _arrived_sql(),
        CaseRow.case_no,
    ]


def _board_filters(
    query: Select[Any],
    *,
    station: str | None,
    department: str | None,
    involving: str | None,
    flagged: tuple[date, date] | None,
) -> Select[Any]:
    if department:
        query = query.where(CaseRow.station == department_station(department))
    elif station:
        if station == WINDOW:
            query = query.where(
                (CaseRow.station == WINDOW) | CaseRow.station.startswith(WINDOW + ":")
            )
        elif station.endswith(":"):
            query = query.where(CaseRow.station.startswith(station))
        else:
            query = query.where(CaseRow.station == station)
    if involving:
        # Exactly that department among the case's (they are kept as "甲、乙"): a name that is
        # part of another department's name does not match it.
        listed = literal("、") + CaseRow.departments + literal("、")
        query = query.where(listed.contains(f"、{involving}、", autoescape=True))
    if flagged is not None:
        query = query.where(deadline_sql.overdue_or_near(*flagged))
    return query


def _board_state() -> ColumnElement[bool]:
    return CaseRow.state.in_([s.value for s in BOARD_STATES])


def _rows(
    ws: Workstation, s: Session, query: Select[Any], now: datetime, today: date, *, page: bool
) -> list[BoardRow]:
    names = display_names(s)
    remaining_of = _remaining_fn(ws, s, today)
    found = [BoardCase(*c) for c in s.execute(query)]
    # A page names its few cases; the whole board lets SQLite select them (no list of
    # thousands of parameters).
    cases = [c.id for c in found] if page else query.with_only_columns(CaseRow.id).order_by(None)
    decided = routing_queries.department_decisions(s, cases) if found else {}
    return [
        _board_row(c, now, remaining_of, names, decided.get(c.id, {}))  # type: ignore[arg-type]
        for c in found
    ]


def _now(ws: Workstation, now: datetime | None) -> datetime:
    now = now if now is not None else ws.now()
    return now.astimezone() if now.tzinfo is None else now


def board(
    ws: Workstation,
    actor: Actor,
    *,
    station: str | None = None,
    department: str | None = None,
    involving: str | None = None,
    flagged_only: bool = False,
    now: datetime | None = None,
) -> Board:
    """Where every open folder is: by station and department, with dwell time, remaining
    working days, a worded deadline flag and, for a case of several departments, the ones
    still to decide; green-channel cases first (`_board_order`).
    `station` filters by code ("window" means every window, "dept:" every department);
    `department` keeps the folders at that department, `involving` those with an item of it
    wherever they are. The window reads the board a page at a time (`board_page`)."""
    actor.require(Permission.VIEW_CASES)
    now = _now(ws, now)
    today = now.date()
    with ws.reading() as s:
        near_last = deadline_sql.near_deadline_last_day(ws.calendar(s), today)
        query = _board_filters(
            routing_queries.board_query(_board_state()),
            station=station,
            department=department,
            involving=involving,
            flagged=(today, near_last) if flagged_only else None,
        ).order_by(*_board_order(today, near_last))
        rows = _rows(ws, s, query, now, today, page=False)
    counts: dict[str, list[int]] = {}
    labels: dict[str, str] = {}
    for r in rows:
        key = WINDOW if is_window(r.station) else r.station
        labels.setdefault(key, "受理窗口" if key == WINDOW else r.station_label)
        c = counts.setdefault(key, [0, 0, 0, 0])
        c[0] += 1
        c[1] += r.flag == DeadlineFlag.OVERDUE
        c[2] += r.flag == DeadlineFlag.NEAR
        c[3] += r.green_channel
    order = {WINDOW: 0, ROUTING: 1, DELIVERY: 3}
    stations = [
        StationCount(key, labels[key], station_department(key), *c)
        for key, c in sorted(counts.items(), key=lambda kv: (order.get(kv[0], 2), kv[0]))
    ]
    return Board(now, rows, stations)


def board_page(
    ws: Workstation,
    actor: Actor,
    *,
    involving: str | None = None,
    flagged_only: bool = False,
    offset: int = 0,
    limit: int = PAGE_ROWS,
    now: datetime | None = None,
) -> BoardPage:
    """`limit` rows of the board from `offset` on, in the board's order, and the whole board's
    count of folders, overdue and near the deadline: what the window shows first reads one page
    and three counts, however many folders are out (SQLite sorts in C and keeps only the page)."""
    actor.require(Permission.VIEW_CASES)
    now = _now(ws, now)
    today = now.date()
    with ws.reading() as s:
        near_last = deadline_sql.near_deadline_last_day(ws.calendar(s), today)

        def filtered(query: Select[Any]) -> Select[Any]:
            return _board_filters(
                query,
                station=None,
                department=None,
                involving=involving,
                flagged=(today, near_last) if flagged_only else None,
            )

        bucket = _flag_bucket(today, near_last)
        total, overdue, near = s.execute(
            filtered(
                select(
                    func.count(),
                    func.coalesce(
                        func.sum(case((bucket == FLAG_ORDER[DeadlineFlag.OVERDUE], 1), else_=0)), 0
                    ),
                    func.coalesce(
                        func.sum(case((bucket == FLAG_ORDER[DeadlineFlag.NEAR], 1), else_=0)), 0
                    ),
                ).where(_board_state())
            )
        ).one()
        query = (
            filtered(routing_queries.board_query(_board_state()))
            .order_by(*_board_order(today, near_last))
            .offset(max(0, offset))
            .limit(max(0, limit))
        )
        rows = _rows(ws, s, query, now, today, page=True)
    return BoardPage(now, max(0, offset), rows, int(total), int(overdue), int(near))


def returned_for_supplement(
    ws: Workstation, actor: Actor, *, everyone: bool = False, now: datetime | None = None
) -> list[BoardRow]:
    """Cases the routing post sent back (待补正 after acceptance): by default the actor's own,
    as the clerk who accepted them sees them in their queue."""
    actor.require(Permission.VIEW_CASES)
    now = now if now is not None else ws.now()
    query = routing_queries.board_query(
        CaseRow.state == CaseState.AWAITING_SUPPLEMENT.value, CaseRow.accepted_on.is_not(None)
    )
    if not everyone:
        query = query.where(CaseRow.clerk == actor.username)
    with ws.reading() as s:
        names = display_names(s)
        remaining_of = _remaining_fn(ws, s, now.date())
        rows = [
            _board_row(BoardCase(*c), now, remaining_of, names)  # type: ignore[arg-type]
            for c in s.execute(query)
        ]
    rows.sort(key=_sort_key)
    return rows
