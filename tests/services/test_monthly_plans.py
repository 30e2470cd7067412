"""Every statement of the monthly report reads through an index keyed by the month's days (or
by the month's cases): none walks a table of the hall's history, so a month's report takes as
long in the hall's tenth year as in its first (SQLite's own query plan, asked of each statement
the report runs, with the values the program binds)."""

from __future__ import annotations

import re
import sqlite3
from collections.abc import Callable, Iterator

import pytest
from sqlalchemy import event

from hall_desk.services import monthly
from hall_desk.services.workstation import Workstation
from tests.services.monthly_helpers import LEAD, MONTH, demo_month_home

# Tables that grow with every day the hall is open.
HISTORY = {
    "cases",
    "case_items",
    "events",
    "consultations",
    "handoffs",
    "deliveries",
    "ratings",
    "tickets",
    "ticket_steps",
}


@pytest.fixture(scope="module")
def home(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Workstation]:
    ws = demo_month_home(tmp_path_factory, "monthly-plans")
    yield ws
    ws.close()


def _statements(ws: Workstation, run: Callable[[], object]) -> list[tuple[str, tuple]]:  # type: ignore[type-arg]
    seen: list[tuple[str, tuple]] = []  # type: ignore[type-arg]

    def record(conn, cursor, statement, parameters, context, executemany):  # type: ignore[no-untyped-def]
        if statement.lstrip().upper().startswith(("SELECT", "WITH")):
            seen.append((statement, tuple(parameters)))

    engines = {id(e): e for e in (ws.db.read_engine, ws.db.write_engine)}.values()
    for engine in engines:
        event.listen(engine, "before_cursor_execute", record)
    try:
        run()
    finally:
        for engine in engines:
            event.remove(engine, "before_cursor_execute", record)
    return seen


def _plan(ws: Workstation, statement: str, parameters: tuple) -> list[str]:  # type: ignore[type-arg]
    raw = sqlite3.connect(ws.home.db_path)
    try:
        return [r[3] for r in raw.execute("EXPLAIN QUERY PLAN " + statement, parameters)]
    finally:
        raw.close()


def _report_statements(ws: Workstation) -> list[tuple[str, tuple]]:  # type: ignore[type-arg]
    return _statements(ws, lambda: monthly.monthly_report(ws, LEAD, MONTH))


def test_no_monthly_statement_scans_a_table_of_the_history(home):
    statements = _report_statements(home)
    assert len(statements) >= 30  # the month, its two comparison months and the sections
    for statement, parameters in statements:
        plan = _plan(home, statement, parameters)
        scanned = {m.group(1) for step in plan if (m := re.match(r"SCAN (\w+)", step))}
        assert not scanned & HISTORY, (statement, plan)


def test_after_a_published_month_the_late_entries_are_sought_not_walked(tmp_path_factory):
    """With October published, November's report looks for events October's publication did
    not know (补录): each origin's later events by the (origin, seq) index, never every event
    of the hall; the publication itself finds each origin's last sequence the same way."""
    ws = demo_month_home(tmp_path_factory, "monthly-plans-late")
    try:
        publishing = _statements(ws, lambda: monthly.publish(ws, LEAD, "2026-10"))
        statements = _report_statements(ws)
    finally:
        ws.close()
    beyond = [(s, p) for s, p in statements if "FROM events" in s and "json_extract" in s]
    assert len(beyond) == 1, beyond
    for statement, parameters in statements + publishing:
        plan = _plan(ws, statement, parameters)
        scanned = {m.group(1) for step in plan if (m := re.match(r"SCAN (\w+)", step))}
        assert not scanned & HISTORY, (statement, plan)


def test_supplement_rounds_count_through_the_partial_index(home):
    """The 补正 rounds are counted per case of the month through ix_events_supplements: with
    the kinds bound as values SQLite cannot prove the index's condition and reads every event."""
    rounds = [
        (s, p)
        for s, p in _report_statements(home)
        if "case.returned_for_supplement" in s or "ix_events_supplements" in s
    ]
    assert len(rounds) == 1, rounds  # the month's only: a comparison month has no rounds
    plan = " / ".join(_plan(home, *rounds[0]))
    assert "USING INDEX ix_events_supplements" in plan, plan
    assert "ix_cases_created_on" in plan, plan


def test_each_case_intake_decision_is_looked_up_once_a_month(home):
    """The intake decisions, the cases by day and the supplements received of a month come
    from one statement, each case's first intake event looked up once; three months are
    counted (the month, the month before, the same month a year before)."""
    deciding = [(s, p) for s, p in _report_statements(home) if "case.accepted_deferred" in p]
    assert len(deciding) == 3, deciding
    for statement, parameters in deciding:
        plan = _plan(home, statement, parameters)
        assert sum("SUBQUERY" in step for step in plan) == 1, plan


def test_stays_read_the_handoffs_index_alone_in_its_order(home):
    """Each moved case's handoffs come from the covering index in (case, at, hlc) order: no
    table read and no sort for the window."""
    stays = [(s, p) for s, p in _report_statements(home) if "lag(" in s]
    assert len(stays) == 1, stays
    plan = _plan(home, *stays[0])
    assert any("COVERING INDEX ix_handoffs_case_order" in step for step in plan), plan
    assert not any("TEMP B-TREE FOR" in step and "DISTINCT" not in step for step in plan), plan
