"""The deadline SQL selects exactly the cases the Python rule flags (random cases, real SQLite)."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, timedelta
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import Engine, create_engine, delete, select
from sqlalchemy.orm import Session

from hall_desk.domain.calendar import WorkingCalendar
from hall_desk.domain.deadline import DeadlineFlag, classify, clock_counts
from hall_desk.domain.lifecycle import CaseState
from hall_desk.store.models import CaseRow
from hall_desk.store.queries import deadline as deadline_sql
from hall_desk.store.tables import Base

CALENDAR = WorkingCalendar()
START = date(2026, 9, 1)
days = st.integers(min_value=0, max_value=120).map(lambda n: START + timedelta(days=n))
cases = st.tuples(
    st.sampled_from(list(CaseState)),
    st.none() | days,  # due date
    st.none() | days,  # paused since
)


@pytest.fixture(scope="module")
def engine(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Engine]:
    path: Path = tmp_path_factory.mktemp("deadline") / "cases.sqlite"
    engine = create_engine(f"sqlite:///{path}")
    Base.metadata.create_all(engine)
    yield engine
    engine.dispose()


def _row(n: int, state: CaseState, due: date | None, paused: date | None) -> CaseRow:
    return CaseRow(
        id=f"case-{n}",
        case_no=f"20260901-W01-{n:04d}",
        state=state.value,
        title="食品经营许可（新办）",
        kind="promised",
        departments="市场监督管理局",
        applicant_id="a",
        applicant_kind="person",
        applicant_name="包海龙",
        applicant_id_index="i",
        applicant_id_masked="m",
        created_on=START,
        created_hlc="0",
        due_date=due,
        paused_since=paused,
        first_responder="clerk1",
        clerk="clerk1",
        workstation="W01",
        updated_hlc="0",
    )


def _python_flags(
    rows: list[tuple[CaseState, date | None, date | None]], day: date
) -> dict[str, DeadlineFlag]:
    out = {}
    for n, (state, due, paused) in enumerate(rows):
        remaining = (
            CALENDAR.working_days_between(day, due)
            if due is not None and clock_counts(state, due, paused)
            else None
        )
        out[f"case-{n}"] = classify(state, due, paused, day, remaining).flag
    return out


@settings(
    max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(rows=st.lists(cases, min_size=1, max_size=25), day=days)
def test_sql_and_python_flag_the_same_cases(engine: Engine, rows, day: date) -> None:  # type: ignore[no-untyped-def]
    last = deadline_sql.near_deadline_last_day(CALENDAR, day)
    with Session(engine) as s, s.begin():
        s.execute(delete(CaseRow))
        s.add_all(_row(n, *r) for n, r in enumerate(rows))
        s.flush()

        def selected(predicate) -> set[str]:  # type: ignore[no-untyped-def]
            return set(s.scalars(select(CaseRow.id).where(predicate)))

        overdue = selected(deadline_sql.overdue(day))
        near = selected(deadline_sql.near_deadline(day, last))
        either = selected(deadline_sql.overdue_or_near(day, last))
        overdue_by_due = selected(deadline_sql.overdue(day, by_due_date=True))
    flags = _python_flags(rows, day)
    assert overdue == {k for k, f in flags.items() if f == DeadlineFlag.OVERDUE}
    assert near == {k for k, f in flags.items() if f == DeadlineFlag.NEAR}
    assert either == overdue | near
    assert overdue_by_due == overdue


def test_a_pause_from_the_due_day_on_does_not_rescue_a_late_case() -> None:
    day = date(2026, 11, 24)
    due = date(2026, 11, 5)
    for paused, flag in (
        (date(2026, 11, 20), DeadlineFlag.OVERDUE),
        (due, DeadlineFlag.OVERDUE),
        (due - timedelta(days=1), DeadlineFlag.PAUSED),
    ):
        remaining = CALENDAR.working_days_between(day, due)
        if flag == DeadlineFlag.PAUSED:
            remaining = None
        assert classify(CaseState.UNDER_REVIEW, due, paused, day, remaining).flag == flag
