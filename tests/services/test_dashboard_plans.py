"""Every statement of the dashboard reads through an index keyed by the day (or, for the
deadline figures, by the open states): none walks a table of the hall's history, so the
dashboard takes as long on the thousandth day as on the first (SQLite's own query plan, asked
of each statement the dashboard runs)."""

from __future__ import annotations

import re
import sqlite3
from datetime import date

from sqlalchemy import event

from hall_desk.domain.roles import Actor, Role
from hall_desk.services import dashboard
from hall_desk.services.workstation import Workstation

LEAD = Actor("lead", "白玉兰", Role.LEAD, "班组长")
DAY = date(2026, 11, 27)
# Tables that grow with every day the hall is open (users, the calendar and the catalog do not).
HISTORY = {"cases", "case_items", "events", "consultations", "handoffs", "deliveries", "ratings"}


def _statements(ws: Workstation) -> list[tuple[str, tuple]]:  # type: ignore[type-arg]
    seen: list[tuple[str, tuple]] = []  # type: ignore[type-arg]

    def record(conn, cursor, statement, parameters, context, executemany):  # type: ignore[no-untyped-def]
        if statement.lstrip().upper().startswith(("SELECT", "WITH")):
            seen.append((statement, tuple(parameters)))

    event.listen(ws.db.read_engine, "before_cursor_execute", record)
    try:
        dashboard.day_figures(ws, LEAD, DAY)
    finally:
        event.remove(ws.db.read_engine, "before_cursor_execute", record)
    return seen


def test_no_dashboard_statement_scans_a_table_of_the_history(ws):
    statements = _statements(ws)
    assert len(statements) >= 10
    raw = sqlite3.connect(ws.home.db_path)
    try:
        for statement, parameters in statements:
            plan = [r[3] for r in raw.execute("EXPLAIN QUERY PLAN " + statement, parameters)]
            scanned = {m.group(1) for step in plan if (m := re.match(r"SCAN (\w+)", step))}
            assert not scanned & HISTORY, (statement, plan)
    finally:
        raw.close()


def test_each_case_intake_decision_is_looked_up_once(ws):
    """The day's intake decisions and the supplements received come from one statement that
    looks each case's first intake event up once (not again for its grouping)."""
    reading_events = [(s, p) for s, p in _statements(ws) if "FROM events" in s]
    assert len(reading_events) == 1, reading_events
    statement, parameters = reading_events[0]
    raw = sqlite3.connect(ws.home.db_path)
    try:
        plan = [r[3] for r in raw.execute("EXPLAIN QUERY PLAN " + statement, parameters)]
    finally:
        raw.close()
    assert sum("SUBQUERY" in step for step in plan) == 1, plan
