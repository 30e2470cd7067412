"""统计报表 figures recounted by hand-written SQL over a demo home with routing and delivery.

The home comes from `demo.generate`: intake, consultations, routing and delivery through the
real services; a few more steps go through real transactions. Every figure of `day_figures`
is then recomputed here straight from the SQLite file — from the events' own payloads rather
than the projections the dashboard reads — and compared.
"""

from __future__ import annotations

import shutil
import sqlite3
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

import pytest
from sqlalchemy import select

from hall_desk.domain.deadline import NEAR_DEADLINE_DAYS
from hall_desk.domain.errors import PermissionDenied, ValidationError
from hall_desk.domain.roles import Actor, Role
from hall_desk.services import case_clock, dashboard
from hall_desk.services.demo import generate
from hall_desk.services.home import Home
from hall_desk.services.workstation import Workstation
from hall_desk.store.models import CaseRow
from tests.conftest import make_home

END = date(2026, 11, 27)  # a Friday
DAYS = 24
PER_DAY = 12
SEED = 11
LEAD = Actor("lead", "白玉兰", Role.LEAD, "班组长")
ROUTER = Actor("router", "赵志刚", Role.ROUTER, "流转岗")
CLERK = Actor("clerk2", "包海龙", Role.CLERK, "综合窗口2")
CLOCK_STATES = ("accepted", "accepted_deferred", "prereview", "routing", "under_review")
# A dispatch event's station is "dept:<department>".
DEPARTMENT = "substr(json_extract({}, '$.set.station'), 6)"
INTAKE_KINDS = {
    "case.accepted": "accepted",
    "case.accepted_deferred": "accepted_deferred",
    "case.supplement_requested": "supplement_requested",
    "case.refused": "refused",
    "case.completed_at_window": "completed_at_window",
}


# --- the home -------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Story:
    """What the builder did beyond the demo, so tests can look at those cases by number."""

    paused_before_due: str  # clock stopped before the due date: not overdue
    paused_after_due: str  # stopped on the due date: still overdue
    refused_after_supplement: str  # asked for a supplement at intake, refused later


def build_routed_home(path: Path) -> tuple[Workstation, Story]:
    """The demo (intake, consultations, routing and delivery through the services), plus a few
    cases the tests look at by number."""
    ws = make_home(path)
    generate(ws, DAYS, PER_DAY, seed=SEED, end=END)
    with ws.reading() as s:
        awaiting = s.execute(
            select(CaseRow.id, CaseRow.case_no)
            .where(CaseRow.state == "awaiting_supplement", CaseRow.accepted_on.is_(None))
            .order_by(CaseRow.case_no)
        ).first()
        overdue = s.execute(
            select(CaseRow.case_no, CaseRow.accepted_on, CaseRow.due_date)
            .where(
                CaseRow.state.in_(CLOCK_STATES),
                CaseRow.paused_since.is_(None),
                CaseRow.due_date < END,
                CaseRow.accepted_on < CaseRow.due_date,
            )
            .order_by(CaseRow.case_no)
        ).all()
    assert awaiting is not None, "the demo home should hold a case awaiting a supplement"
    assert len(overdue) >= 2, "the demo home should hold overdue cases"
    # The supplement period ran out: refused after the one-time notice (a second intake-kind
    # event on the same case).
    with ws.transaction(CLERK) as tx:
        tx.emit(
            "case.refused",
            "case",
            awaiting.id,
            {"set": {"reason": "逾期未补正材料，不予受理", "station": ""}},
        )
    # Two overdue cases whose clock a special procedure stopped: before and on the due date.
    (before_no, accepted_on, _), (after_no, _, due) = overdue[0], overdue[1]
    case_clock.pause_clock(ws, ROUTER, before_no, "inspection", on=accepted_on, note="产品送检")
    case_clock.pause_clock(ws, ROUTER, after_no, "appraisal", on=due, note="房屋安全鉴定")
    return ws, Story(before_no, after_no, awaiting.case_no)


_PRISTINE: dict[str, tuple[Path, Story]] = {}


def routed_home(tmp_path_factory: pytest.TempPathFactory, name: str) -> tuple[Workstation, Story]:
    """A private copy of the session's demo home: the demo moves every case through the real
    services, which takes a while, so it is built once and copied for each test module."""
    if "home" not in _PRISTINE:
        path = tmp_path_factory.mktemp("dashboard-pristine") / "home"
        ws, story = build_routed_home(path)
        ws.close()  # checkpoints the WAL into the file that gets copied
        _PRISTINE["home"] = (path, story)
    path, story = _PRISTINE["home"]
    copy = tmp_path_factory.mktemp(name) / "home"
    shutil.copytree(path, copy)
    return Workstation(Home(copy)), story


@pytest.fixture(scope="module")
def routed(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Workstation, Story]]:
    ws, story = routed_home(tmp_path_factory, "dashboard")
    yield ws, story
    ws.close()


# --- the recount ----------------------------------------------------------------------------------


class Recount:
    """The figures again, straight from the SQLite file with plain SQL."""

    def __init__(self, ws: Workstation) -> None:
        self.ws = ws
        self.con = sqlite3.connect(f"file:{ws.home.db_path}?mode=ro", uri=True)

    def close(self) -> None:
        self.con.close()

    def rows(self, sql: str, *params: object) -> list[tuple[object, ...]]:
        return self.con.execute(sql, params).fetchall()

    def counter(self, sql: str, *params: object) -> Counter[object]:
        return Counter({k: int(str(n)) for k, n in self.rows(sql, *params)})

    def consultations(self, day: date) -> Counter[object]:
        return self.counter(
            'SELECT channel, count(*) FROM consultations WHERE "on" = ? GROUP BY channel',
            day.isoformat(),
        )

    def consultations_by(self, column: str, day: date) -> Counter[object]:
        assert column in ("window", "clerk")
        return self.counter(
            f'SELECT "{column}", count(*) FROM consultations WHERE "on" = ? GROUP BY 1',
            day.isoformat(),
        )

    def intake(self, day: date, by: str | None = None) -> dict[object, Counter[str]]:
        """Intake decisions from the intake events themselves (only they carry created_on)."""
        group = f"json_extract(payload, '$.set.{by}')" if by else "''"
        out: dict[object, Counter[str]] = {}
        for key, kind, n in self.rows(
            f"SELECT {group}, kind, count(*) FROM events"
            " WHERE entity_type = 'case' AND json_extract(payload, '$.set.created_on') = ?"
            " GROUP BY 1, 2",
            day.isoformat(),
        ):
            out.setdefault(key, Counter())[INTAKE_KINDS[str(kind)]] += int(str(n))
        return out

    def green(self, day: date, by: str | None = None) -> Counter[object]:
        group = f"json_extract(payload, '$.set.{by}')" if by else "''"
        return self.counter(
            f"SELECT {group}, count(*) FROM events WHERE entity_type = 'case'"
            " AND json_extract(payload, '$.set.created_on') = ?"
            " AND json_extract(payload, '$.set.green_channel') = 1 GROUP BY 1",
            day.isoformat(),
        )

    def supplements_received(self, day: date) -> int:
        return int(
            str(
                self.rows(
                    "SELECT count(DISTINCT entity_id) FROM events"
                    " WHERE kind = 'case.supplement_received'"
                    " AND json_extract(payload, '$.set.accepted_on') = ?",
                    day.isoformat(),
                )[0][0]
            )
        )

    def dispatched(self, day: date) -> Counter[object]:
        return self.counter(
            f"SELECT {DEPARTMENT.format('payload')}, count(DISTINCT entity_id)"
            " FROM events WHERE kind = 'case.dispatched'"
            " AND json_extract(payload, '$.set.dispatched_on') = ? GROUP BY 1",
            day.isoformat(),
        )

    def returned(self, day: date) -> Counter[object]:
        """By the department of the latest dispatch before the result came back (联办: each
        department's return counts, the last one concludes the case)."""
        department = DEPARTMENT.format("d.payload")
        return self.counter(
            f"SELECT (SELECT {department} FROM events d"
            "   WHERE d.entity_type = 'case' AND d.entity_id = r.entity_id"
            "   AND d.kind = 'case.dispatched' AND d.hlc < r.hlc"
            "   ORDER BY d.hlc DESC LIMIT 1) AS department, count(DISTINCT r.entity_id)"
            " FROM events r"
            " WHERE r.kind IN ('case.approved', 'case.denied', 'case.department_decided')"
            " AND json_extract(r.payload, '$.set.returned_on') = ? GROUP BY 1",
            day.isoformat(),
        )

    def delivered(self, day: date, by: str = "method") -> Counter[object]:
        """Hand-outs, from the delivery events' own payloads."""
        assert by in ("method", "window", "clerk")
        return self.counter(
            f"SELECT json_extract(payload, '$.set.{by}'), count(*) FROM events"
            " WHERE kind = 'delivery.recorded' AND json_extract(payload, '$.set.on') = ?"
            " GROUP BY 1",
            day.isoformat(),
        )

    def applications_by_department(self, day: date) -> Counter[object]:
        return self.counter(
            "SELECT i.department, count(DISTINCT i.case_id) FROM case_items i"
            " JOIN cases c ON c.id = i.case_id WHERE c.created_on = ? GROUP BY 1",
            day.isoformat(),
        )

    def deadlines(self, day: date) -> tuple[list[tuple[str, ...]], list[tuple[str, ...]]]:
        """(overdue, near-deadline) open cases, each (case_no, due_date, station, window),
        decided in Python with the working calendar."""
        cal = self.ws.calendar()
        overdue, near = [], []
        marks = ",".join("?" for _ in CLOCK_STATES)
        for case_no, due, paused, station, window in self.rows(
            "SELECT case_no, due_date, paused_since, station, window FROM cases"
            f" WHERE state IN ({marks}) AND due_date IS NOT NULL",
            *CLOCK_STATES,
        ):
            if paused is not None and str(paused) < str(due):
                continue  # the clock stopped before the deadline
            row = (str(case_no), str(due), str(station), str(window))
            due_day = date.fromisoformat(str(due))
            if due_day < day:
                overdue.append(row)
            elif cal.working_days_between(day, due_day) <= NEAR_DEADLINE_DAYS:
                near.append(row)
        return overdue, near

    def departments_of(self, case_nos: list[str]) -> Counter[object]:
        if not case_nos:
            return Counter()
        marks = ",".join("?" for _ in case_nos)
        return self.counter(
            "SELECT i.department, count(DISTINCT i.case_id) FROM case_items i"
            f" JOIN cases c ON c.id = i.case_id WHERE c.case_no IN ({marks}) GROUP BY 1",
            *case_nos,
        )

    def display_names(self) -> dict[object, object]:
        return dict(self.rows("SELECT username, display_name FROM users"))


@pytest.fixture(scope="module")
def recount(routed: tuple[Workstation, Story]) -> Iterator[Recount]:
    r = Recount(routed[0])
    yield r
    r.close()


def busiest(recount: Recount, day: str, where: str) -> date:
    """The day (an expression over the events `e`) with the most events matching `where`."""
    rows = recount.rows(
        f"SELECT {day} AS d, count(*) AS n FROM events e WHERE {where}"
        " GROUP BY d HAVING d IS NOT NULL ORDER BY n DESC, d DESC LIMIT 1"
    )
    assert rows, f"the home has no events where {where}"
    return date.fromisoformat(str(rows[0][0]))


def interesting_days(recount: Recount) -> dict[str, date]:
    return {
        "end": END,
        "busiest-dispatch": busiest(
            recount, "json_extract(e.payload, '$.set.dispatched_on')", "kind = 'case.dispatched'"
        ),
        "busiest-delivery": busiest(
            recount, "json_extract(e.payload, '$.set.on')", "kind = 'delivery.recorded'"
        ),
        "mail-returned": busiest(
            recount,
            "json_extract(e.payload, '$.set.on')",
            "kind = 'delivery.recorded' AND EXISTS (SELECT 1 FROM events m"
            " WHERE m.kind = 'delivery.mail_returned' AND m.entity_id = e.entity_id)",
        ),
        "supplements": busiest(
            recount,
            "json_extract(e.payload, '$.set.accepted_on')",
            "kind = 'case.supplement_received'",
        ),
        "saturday": date(2026, 11, 21),
        "before-any-data": END - timedelta(days=DAYS + 30),
    }


DAY_LABELS = [
    "end",
    "busiest-dispatch",
    "mail-returned",
    "busiest-delivery",
    "supplements",
    "saturday",
    "before-any-data",
]


# --- the tests ------------------------------------------------------------------------------------


def nonzero(counter: Counter[object]) -> dict[object, int]:
    return {k: v for k, v in counter.items() if v}


@pytest.mark.parametrize("label", DAY_LABELS)
def test_every_figure_equals_its_sql_recount(routed, recount: Recount, label: str) -> None:
    ws, _ = routed
    day = interesting_days(recount)[label]
    f = dashboard.day_figures(ws, LEAD, day)
    assert f.day == day

    channels = recount.consultations(day)
    assert f.consultations == sum(channels.values())
    assert {c.key: c.count for c in f.consultations_by_channel} == {
        "onsite": channels["onsite"],
        "phone": channels["phone"],
        "other": channels["other"],
    }

    intake = recount.intake(day).get("", Counter())
    assert f.intake.accepted == intake["accepted"]
    assert f.intake.accepted_deferred == intake["accepted_deferred"]
    assert f.intake.supplement_requested == intake["supplement_requested"]
    assert f.intake.refused == intake["refused"]
    assert f.intake.completed_at_window == intake["completed_at_window"]
    assert f.intake.total == sum(intake.values())
    assert f.supplements_received == recount.supplements_received(day)
    assert f.green_channel == recount.green(day)[""]

    dispatched = recount.dispatched(day)
    returned = recount.returned(day)
    delivered = recount.delivered(day)
    assert f.dispatched == sum(dispatched.values())
    assert f.returned == sum(returned.values())
    assert {c.key: c.count for c in f.delivered_by_method} == {
        "pickup": delivered["pickup"],
        "mail": delivered["mail"],
    }
    assert f.delivered == sum(delivered.values())
    assert {c.key for c in f.delivered_by_method} == {"pickup", "mail"}

    overdue, near = recount.deadlines(day)
    assert f.overdue_count == len(overdue)
    assert f.near_deadline_count == len(near)

    by_department = {d.department: d for d in f.by_department}
    assert nonzero(Counter({k: d.applications for k, d in by_department.items()})) == nonzero(
        recount.applications_by_department(day)
    )
    assert nonzero(Counter({k: d.dispatched for k, d in by_department.items()})) == nonzero(
        dispatched
    )
    assert nonzero(Counter({k: d.returned for k, d in by_department.items()})) == nonzero(returned)
    assert nonzero(Counter({k: d.overdue for k, d in by_department.items()})) == nonzero(
        recount.departments_of([r[0] for r in overdue])
    )
    assert nonzero(Counter({k: d.near_deadline for k, d in by_department.items()})) == nonzero(
        recount.departments_of([r[0] for r in near])
    )

    def station(row: tuple[str, ...]) -> str:
        # A folder still at intake is its window's: "window" + the case's window.
        return f"window:{row[3]}" if row[2] == "window" else row[2]

    assert {s.station: s.overdue for s in f.by_station if s.overdue} == nonzero(
        Counter(station(r) for r in overdue)
    )
    assert {s.station: s.near_deadline for s in f.by_station if s.near_deadline} == nonzero(
        Counter(station(r) for r in near)
    )
    for s in f.by_station:
        if s.station.startswith("window:"):
            assert (s.label, s.department) == (s.station[7:], "")
        elif s.station.startswith("dept:"):
            assert s.label == s.department == s.station[5:]
        else:
            assert s.label == {"routing": "流转岗", "delivery": "出件窗口"}[s.station]


@pytest.mark.parametrize("label", ["end", "busiest-delivery", "supplements"])
@pytest.mark.parametrize("by", ["window", "clerk"])
def test_per_window_and_per_clerk_equal_their_recount(
    routed, recount: Recount, label: str, by: str
) -> None:
    ws, _ = routed
    day = interesting_days(recount)[label]
    f = dashboard.day_figures(ws, LEAD, day)
    rows = f.by_window if by == "window" else f.by_clerk
    intake = recount.intake(day, by)
    green = recount.green(day, by)
    consultations = recount.consultations_by(by, day)
    delivered = recount.delivered(day, by)
    keys = set(intake) | set(consultations) | set(delivered)
    assert {r.key for r in rows} == {k for k in keys if k is not None}
    names = recount.display_names()
    for r in rows:
        expected = intake.get(r.key, Counter())
        assert r.consultations == consultations[r.key]
        assert r.intake.accepted == expected["accepted"]
        assert r.intake.accepted_deferred == expected["accepted_deferred"]
        assert r.intake.supplement_requested == expected["supplement_requested"]
        assert r.intake.refused == expected["refused"]
        assert r.intake.completed_at_window == expected["completed_at_window"]
        assert r.green_channel == green[r.key]
        assert r.delivered == delivered[r.key]
        assert r.label == (r.key if by == "window" else names[r.key])
    # The rows add up to the day's totals.
    assert sum(r.consultations for r in rows) == f.consultations
    assert sum(r.intake.total for r in rows) == f.intake.total
    assert sum(r.green_channel for r in rows) == f.green_channel
    assert sum(r.delivered for r in rows) == f.delivered


def test_the_home_exercises_every_figure(routed, recount: Recount) -> None:
    """Guards the recount tests against comparing zeros with zeros: on the days they look at,
    every figure is non-zero at least once."""
    ws, _ = routed
    days = interesting_days(recount)
    tested = days_figures(ws, days.values())
    figures: dict[str, Callable[[dashboard.DayFigures], int]] = {
        "consultations": lambda f: f.consultations,
        "accepted": lambda f: f.intake.accepted,
        "accepted_deferred": lambda f: f.intake.accepted_deferred,
        "supplement_requested": lambda f: f.intake.supplement_requested,
        "refused": lambda f: f.intake.refused,
        "completed_at_window": lambda f: f.intake.completed_at_window,
        "supplements_received": lambda f: f.supplements_received,
        "green_channel": lambda f: f.green_channel,
        "dispatched": lambda f: f.dispatched,
        "returned": lambda f: f.returned,
        "pickup": lambda f: f.delivered_via("pickup"),
        "mail": lambda f: f.delivered_via("mail"),
        "overdue": lambda f: f.overdue_count,
        "near_deadline": lambda f: f.near_deadline_count,
    }
    for name, figure in figures.items():
        assert any(figure(f) for f in tested), f"no tested day has any {name}"
    assert dashboard.day_figures(ws, LEAD, days["busiest-dispatch"]).dispatched >= 2
    end = dashboard.day_figures(ws, LEAD, END)
    assert end.intake.total and end.overdue_count and end.near_deadline_count
    flagged = {s.station.partition(":")[0] for s in end.by_station if s.overdue or s.near_deadline}
    assert flagged >= {"window", "dept"}
    saturday = dashboard.day_figures(ws, LEAD, days["saturday"])
    assert not saturday.working_day and saturday.intake.total == 0
    assert saturday.overdue_count or saturday.near_deadline_count, "deadlines run on any day"


def days_figures(ws: Workstation, days) -> list[dashboard.DayFigures]:  # type: ignore[no-untyped-def]
    return [dashboard.day_figures(ws, LEAD, d) for d in days]


@pytest.mark.parametrize("which", ["overdue", "near"])
def test_deadline_lists_page_through_every_case_with_words_and_working_days(
    routed, recount: Recount, which: str
) -> None:
    ws, _ = routed
    cal = ws.calendar()
    overdue, near = recount.deadlines(END)
    expected = overdue if which == "overdue" else near
    pages: list[dashboard.DeadlineRow] = []
    while page := dashboard.deadline_cases(ws, LEAD, END, which, offset=len(pages), limit=7):  # type: ignore[arg-type]
        pages.extend(page)
    assert sorted(r.case_no for r in pages) == sorted(r[0] for r in expected)
    assert len({r.case_no for r in pages}) == len(pages), "a case appeared on two pages"
    # Most urgent first; green channel first among equal due dates.
    keys = [(r.due_date, not r.green_channel, r.case_no) for r in pages]
    assert keys == sorted(keys)
    for r in pages:
        assert r.remaining_working_days == cal.working_days_between(END, r.due_date)
        assert r.overdue == (which == "overdue")
        assert r.mark == ("已超期" if which == "overdue" else "临近期限")
        if which == "overdue":
            assert r.remaining_text.startswith("已超期")
        else:
            assert 0 <= r.remaining_working_days <= 3
            assert r.remaining_text in ("今日到期", f"剩余 {r.remaining_working_days} 个工作日")
        assert r.state_label in ("已受理", "容缺受理", "预审", "流转中", "审批中")
        assert r.station_label and r.title and r.applicant_name
    figures = dashboard.day_figures(ws, LEAD, END, list_limit=5)
    head = figures.overdue if which == "overdue" else figures.near_deadline
    assert [r.case_no for r in head] == [r.case_no for r in pages[:5]]


def test_overdue_rows_carry_the_case_and_its_station(routed, recount: Recount) -> None:
    ws, _ = routed
    f = dashboard.day_figures(ws, LEAD, END, list_limit=1000)
    for row in f.overdue:
        (case_no, title, name, due, state, station, window, green) = recount.rows(
            "SELECT case_no, title, applicant_name, due_date, state, station, window,"
            " green_channel FROM cases WHERE id = ?",
            row.case_id,
        )[0]
        assert (row.case_no, row.title, row.applicant_name) == (case_no, title, name)
        assert row.due_date.isoformat() == due and row.state.value == state
        assert row.green_channel == bool(green)
        assert row.station == station
        if station == "window":
            assert row.station_label == window
        elif str(station).startswith("dept:"):
            assert row.station_label == str(station)[5:]
        assert row.due_date < END


def test_a_clock_stopped_before_the_deadline_is_not_overdue(routed) -> None:
    ws, story = routed
    rows = dashboard.deadline_cases(ws, LEAD, END, "overdue", limit=10_000)
    numbers = {r.case_no for r in rows}
    assert story.paused_before_due not in numbers
    assert story.paused_after_due in numbers


def test_a_case_refused_after_a_supplement_request_counts_as_a_supplement_request(
    routed, recount: Recount
) -> None:
    ws, story = routed
    created_on, state = recount.rows(
        "SELECT created_on, state FROM cases WHERE case_no = ?", story.refused_after_supplement
    )[0]
    assert state == "refused"
    day = date.fromisoformat(str(created_on))
    f = dashboard.day_figures(ws, LEAD, day)
    refused_now = int(
        str(
            recount.rows(
                "SELECT count(*) FROM cases WHERE created_on = ? AND state = 'refused'",
                day.isoformat(),
            )[0][0]
        )
    )
    # The projection says "refused" for one more case than were refused at intake that day.
    assert f.intake.refused == refused_now - 1
    assert f.intake.supplement_requested == recount.intake(day)[""]["supplement_requested"]


def test_green_channel_cases_of_the_day(routed, recount: Recount) -> None:
    ws, _ = routed
    rows = dashboard.green_channel_cases(ws, LEAD, END)
    expected = recount.rows(
        "SELECT case_no, applicant_name, assistance_helper FROM cases"
        " WHERE created_on = ? AND green_channel = 1 ORDER BY case_no",
        END.isoformat(),
    )
    assert [(r.case_no, r.applicant_name, r.helper) for r in rows] == expected
    assert rows, "the demo day has green-channel applicants"
    assert all(r.flags and r.mode and r.state_label for r in rows)
    assert dashboard.day_figures(ws, LEAD, END).green_channel_cases == tuple(rows)


def test_near_deadline_boundary_is_three_working_days(routed) -> None:
    ws, _ = routed
    cal = ws.calendar()
    # Friday 27 Nov: Mon 30, Tue 1, Wed 2 are the three working days; Thursday 3 is not near.
    assert dashboard.near_deadline_last_day(cal, END) == date(2026, 12, 2)
    # Around National Day: Wed 30 Sep → Thu 8, Fri 9, Sat 10 (make-up working day).
    assert dashboard.near_deadline_last_day(cal, date(2026, 9, 30)) == date(2026, 10, 11)


@pytest.mark.parametrize(
    "actor",
    [ROUTER, CLERK],
    ids=["router", "clerk"],
)
def test_reports_need_the_permission(routed, actor: Actor) -> None:
    ws, _ = routed
    for call in (
        lambda: dashboard.day_figures(ws, actor, END),
        lambda: dashboard.deadline_cases(ws, actor, END, "overdue"),
        lambda: dashboard.green_channel_cases(ws, actor, END),
    ):
        with pytest.raises(PermissionDenied) as err:
            call()
        assert "无权执行：统计报表" in err.value.message


def test_bad_list_arguments_are_refused_in_chinese(routed) -> None:
    ws, _ = routed
    with pytest.raises(ValidationError, match="清单类型"):
        dashboard.deadline_cases(ws, LEAD, END, "late")  # type: ignore[arg-type]
    with pytest.raises(ValidationError, match="不能为负数"):
        dashboard.deadline_cases(ws, LEAD, END, "near", offset=-1)
