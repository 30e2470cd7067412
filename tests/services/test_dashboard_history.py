"""The deadline figures read today's open work, not the hall's history: every query the
dashboard runs over the cases' due dates goes through the (state, due_date) index, so a closed
case with a past due date is never read (SQLite's own query plan, asked of each statement)."""

from __future__ import annotations

import sqlite3
from datetime import date

from sqlalchemy import event

from hall_desk.domain.roles import Actor, Role
from hall_desk.services import dashboard
from hall_desk.services.workstation import Workstation

LEAD = Actor("lead", "白玉兰", Role.LEAD, "班组长")
DAY = date(2026, 11, 27)


def _statements_over_due_dates(ws: Workstation, run) -> list[tuple[str, tuple]]:  # type: ignore[no-untyped-def,type-arg]
    seen: list[tuple[str, tuple]] = []  # type: ignore[type-arg]

    def record(conn, cursor, statement, parameters, context, executemany):  # type: ignore[no-untyped-def]
        if "due_date" in statement and "FROM cases" in statement and not executemany:
            seen.append((statement, tuple(parameters)))

    event.listen(ws.db.read_engine, "before_cursor_execute", record)
    try:
        run()
    finally:
        event.remove(ws.db.read_engine, "before_cursor_execute", record)
    return seen


def _plan(ws: Workstation, statement: str, parameters: tuple) -> str:  # type: ignore[type-arg]
    raw = sqlite3.connect(ws.home.db_path)
    try:
        return " / ".join(r[3] for r in raw.execute("EXPLAIN QUERY PLAN " + statement, parameters))
    finally:
        raw.close()


def test_the_deadline_lists_and_counts_never_walk_the_due_date_history(ws):
    def figures() -> None:
        dashboard.day_figures(ws, LEAD, DAY)
        dashboard.deadline_cases(ws, LEAD, DAY, "overdue")
        dashboard.deadline_cases(ws, LEAD, DAY, "near")

    statements = _statements_over_due_dates(ws, figures)
    deadline_statements = [(s, p) for s, p in statements if "state IN" in s]
    assert len(deadline_statements) >= 4, "counts, by station, by department, both lists"
    for statement, parameters in deadline_statements:
        plan = _plan(ws, statement, parameters)
        assert "ix_cases_due_date" not in plan, plan
        assert "ix_cases_state_due" in plan, plan
