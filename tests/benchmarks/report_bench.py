"""Reports on the bench home: the dashboard, the daily summary PDF and a month of the cases
ledger, each beside a floor measured in the same run on the same file.

`tests/benchmarks/run.py` calls `report_figures(ws, raw, day)` and prints the lines; run alone
with `python -m tests.benchmarks.report_bench HOME [YYYY-MM-DD]` on any home.
"""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

from sqlalchemy import event

from hall_desk.domain.roles import Actor, Role
from hall_desk.reports import daily, ledgers, xlsx
from hall_desk.reports import monthly as monthly_report
from hall_desk.services import dashboard, monthly
from hall_desk.services.home import Home
from hall_desk.services.workstation import Workstation
from tests.benchmarks import xlsx_compare
from tests.benchmarks.measure import precompile, row, timed

TARGETS_MS = {
    "dashboard": 50.0,  # DESIGN §5: flat in the hall's history, at 5k cases as at 200k
    "daily process": 600.0,
    "ledger": 700.0,
    "monthly": 5000.0,
}
PROCESS_RUNS = 10
ROOT = Path(__file__).resolve().parents[2]
LEAD = Actor("lead", "白玉兰", Role.LEAD, "班组长")
MONTH = 30  # days of ledger, ending on the bench day

CLOCK_STATES = "('accepted', 'accepted_deferred', 'prereview', 'routing', 'under_review')"
INTAKE_KIND = (
    "(SELECT e.kind FROM events e WHERE e.entity_type = 'case' AND e.entity_id = c.id"
    " AND e.kind IN ('case.accepted', 'case.accepted_deferred', 'case.supplement_requested',"
    " 'case.refused', 'case.completed_at_window') ORDER BY e.hlc LIMIT 1)"
)
# The dashboard's figures as bare SQL through the same indexes: what any implementation has to
# read (the deadline lists through the (state, due_date) index, as the dashboard's queries do;
# likely() steers the green-channel list exactly as they do).
FLOOR_COUNTS = [
    'SELECT channel, "window", clerk, count(*) FROM consultations WHERE "on" = :day'
    " GROUP BY 1, 2, 3",
    # The intake decisions of the day's cases and the supplements received (accepted on the
    # day) in one pass, each case's decision looked up once, as the dashboard reads them (the
    # two statements before looked it up three times a case).
    f'WITH d AS MATERIALIZED (SELECT "window", clerk, green_channel, created_on = :day AS new,'
    f" accepted_on = :day AS acc, {INTAKE_KIND} AS kind FROM cases c"
    " WHERE created_on = :day OR accepted_on = :day)"
    ' SELECT "window", clerk, kind, new, acc, sum(green_channel), count(*) FROM d'
    " GROUP BY 1, 2, 3, 4, 5",
    'SELECT to_station, count(DISTINCT case_id) FROM handoffs WHERE "on" = :day'
    " AND move = 'dispatch' GROUP BY 1",
    'SELECT from_station, count(DISTINCT case_id) FROM handoffs WHERE "on" = :day'
    " AND move = 'receive_back' GROUP BY 1",
    'SELECT method, "window", clerk, count(*) FROM deliveries WHERE "on" = :day GROUP BY 1, 2, 3',
    'SELECT station, "window", departments, sum(due_date < :day), sum(due_date >= :day)'
    f" FROM cases WHERE state IN {CLOCK_STATES} AND due_date <= :near"
    " AND (paused_since IS NULL OR paused_since >= due_date) GROUP BY 1, 2, 3",
    "SELECT i.department, count(DISTINCT i.case_id) FROM case_items i"
    " JOIN cases c ON c.id = i.case_id WHERE c.created_on = :day GROUP BY 1",
]
FLOOR_LISTS = [
    'SELECT id, case_no, title, applicant_name, due_date, state, station, "window"'
    f" FROM cases WHERE state IN {CLOCK_STATES} AND due_date < :day"
    " AND (paused_since IS NULL OR paused_since >= due_date)"
    " ORDER BY due_date, green_channel DESC, case_no LIMIT :limit",
    'SELECT id, case_no, title, applicant_name, due_date, state, station, "window"'
    f" FROM cases WHERE state IN {CLOCK_STATES} AND due_date BETWEEN :day AND :near"
    " AND (paused_since IS NULL OR paused_since >= due_date)"
    " ORDER BY due_date, green_channel DESC, case_no LIMIT :limit",
    "SELECT case_no, applicant_name, title, assistance_flags, assistance_mode, state"
    " FROM cases WHERE created_on = :day AND likely(green_channel = 1) ORDER BY case_no",
]
# The columns the cases ledger reads (ledger_cases.build), not c.*: a floor reading more than
# the program made the ledger look faster than its floor.
FLOOR_LEDGER = (
    "SELECT case_no, created_on, " + INTAKE_KIND + ", title, kind, departments, applicant_name,"
    " applicant_kind, applicant_id_masked, applicant_phone_masked, agent_name, agent_id_masked,"
    " accepted_on, due_date, due_estimated, dispatched_on, completed_on, delivered_on,"
    ' delivery_method, state, station, "window", green_channel, assistance_flags,'
    " assistance_mode, clerk, first_responder, reason, commitment FROM cases c"
    " WHERE created_on BETWEEN :start AND :end ORDER BY created_on, case_no"
)
# A whole process: the interpreter starting, sqlite3, and the same SQL (no program code).
PROCESS_FLOOR = (
    "import json, sqlite3, sys; job = json.load(sys.stdin); c = sqlite3.connect(job['db'])\n"
    "for sql in job['sql']: c.execute(sql, job['params']).fetchall()"
)


def program_statements(ws: Workstation, month: str) -> list[tuple[str, tuple[object, ...]]]:
    """The statements the monthly report runs for `month`, with the values it binds, as they
    reach sqlite3: the floor replays exactly these (a floor written by hand had the 补正 kinds
    as literals where the program bound them, and so read an index the program could not)."""
    seen: list[tuple[str, tuple[object, ...]]] = []

    def record(conn, cursor, statement, parameters, context, executemany):  # type: ignore[no-untyped-def]
        if not executemany and statement.lstrip().upper().startswith(("SELECT", "WITH")):
            seen.append((statement, tuple(parameters)))

    event.listen(ws.db.read_engine, "before_cursor_execute", record)
    try:
        monthly.monthly_report(ws, LEAD, month)
    finally:
        event.remove(ws.db.read_engine, "before_cursor_execute", record)
    return seen


def monthly_figures(ws: Workstation, raw: sqlite3.Connection, day: date) -> list[str]:
    """The monthly report of the month before `day`'s (figures, and the whole PDF) beside its
    floor: the same statements, bound as the program binds them, run by raw sqlite3 (the
    month, its month-on-month and year-on-year bases, and the sections)."""
    month = monthly.shift(monthly.month_of(day), -1)
    statements = program_statements(ws, month)

    def floor() -> None:
        for sql, params in statements:
            raw.execute(sql, params).fetchall()

    def whole() -> None:
        report = monthly.monthly_report(ws, LEAD, month)
        monthly_report.build_monthly_pdf(ws, LEAD, report)

    cases = raw.execute(
        "SELECT count(*) FROM cases WHERE created_on BETWEEN ? AND ?",
        (monthly.period_of(month).first.isoformat(), monthly.period_of(month).last.isoformat()),
    ).fetchone()[0]
    floor_ms = timed(floor, 3)
    return [
        row(
            f"monthly figures {month}",
            timed(lambda: monthly.monthly_report(ws, LEAD, month), 3),
            floor_ms,
            None,
        ),
        row(f"monthly report PDF {month}", timed(whole, 3), floor_ms, TARGETS_MS["monthly"]),
        f"monthly floor: the report's own {len(statements)} statements, bound as it binds them,"
        f" as raw sqlite3 on the same file ({cases:,} cases in {month}).",
    ]


def _processes(ws: Workstation, command: list[str], suffix: str) -> list[float]:
    """Milliseconds of whole `hall-desk` processes, as a scheduler runs them."""
    precompile()
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    out = []
    with tempfile.TemporaryDirectory() as folder:
        for n in range(PROCESS_RUNS):
            target = Path(folder) / f"{n}.{suffix}"
            started = time.perf_counter()
            subprocess.run(
                [
                    sys.executable,
                    "-m",
                    "hall_desk",
                    "--home",
                    str(ws.home.path),
                    *command,
                    "--out",
                    str(target),
                ],
                cwd=ROOT,
                env=env,
                check=True,
                capture_output=True,
            )
            out.append((time.perf_counter() - started) * 1000)
    return out


def _process_floors(ws: Workstation, sql: list[str], params: dict[str, object]) -> list[float]:
    job = json.dumps({"db": str(ws.home.db_path), "sql": sql, "params": params})
    out = []
    for _ in range(PROCESS_RUNS):
        started = time.perf_counter()
        subprocess.run([sys.executable, "-c", PROCESS_FLOOR], input=job, text=True, check=True)
        out.append((time.perf_counter() - started) * 1000)
    return out


def report_figures(ws: Workstation, raw: sqlite3.Connection, day: date) -> list[str]:
    """Printable lines: the dashboard, the daily summary PDF and a month of the cases ledger
    (built, and exported to .xlsx), each beside its floor."""
    near = dashboard.near_deadline_last_day(ws.calendar(), day)
    params = {
        "day": day.isoformat(),
        "near": near.isoformat(),
        "limit": daily.PDF_LIST_LIMIT,
        "start": (day - timedelta(days=MONTH - 1)).isoformat(),
        "end": day.isoformat(),
    }

    def counts() -> None:
        for sql in FLOOR_COUNTS:
            raw.execute(sql, params).fetchall()

    def counts_and_lists() -> None:
        counts()
        for sql in FLOOR_LISTS:
            raw.execute(sql, params).fetchall()

    start, end = day - timedelta(days=MONTH - 1), day
    out: list[str] = []
    dashboard.day_figures(ws, LEAD, day)  # warm the page cache and the calendar
    out.append(
        row(
            "dashboard (one day)",
            timed(lambda: dashboard.day_figures(ws, LEAD, day), 20),
            timed(counts, 20),
            TARGETS_MS["dashboard"],
        )
    )
    out.append(
        row(
            "daily summary PDF",
            timed(lambda: daily.build_daily_summary(ws, LEAD, day), 5),
            timed(counts_and_lists, 5),
            None,
        )
    )
    daily_sql = [*FLOOR_COUNTS, *FLOOR_LISTS]
    out.append(
        row(
            "report daily (process)",
            _processes(ws, ["report", "daily", "--date", day.isoformat()], "pdf"),
            _process_floors(ws, daily_sql, params),
            TARGETS_MS["daily process"],
        )
    )
    raw.execute(FLOOR_LEDGER, params).fetchall()  # warm, as the program is below
    ledger_floor = timed(lambda: raw.execute(FLOOR_LEDGER, params).fetchall(), 5)
    rows = len(raw.execute(FLOOR_LEDGER, params).fetchall())
    ledger = ledgers.builder("cases")(ws, LEAD, start, end, unmask=False)
    out.append(
        row(
            f"cases ledger {MONTH} d: build",
            timed(lambda: ledgers.builder("cases")(ws, LEAD, start, end, unmask=False), 5),
            ledger_floor,
            None,
        )
    )
    with tempfile.TemporaryDirectory() as folder:
        paths = iter(Path(folder) / f"cases-{n}.xlsx" for n in range(40))
        exported = timed(lambda: ledgers.export(ws, LEAD, "cases", start, end, next(paths)), 5)
        ours = timed(lambda: xlsx.write(ledger, next(paths)), 5)
        theirs = (
            timed(lambda: xlsx_compare.write(ledger, next(paths)), 3)
            if xlsx_compare.available()
            else None
        )
    out.append(row(f"cases ledger {MONTH} d: .xlsx", exported, ledger_floor, TARGETS_MS["ledger"]))
    if theirs is not None:
        # Writing alone, ours beside XlsxWriter's constant_memory mode on the same rows.
        out.append(row("  writer: ours / XlsxWriter", ours, theirs, None))
    else:
        out.append("  (XlsxWriter is not installed: the writers' comparison is left out)")
    out.append(
        row(
            "export ledger cases (process)",
            _processes(
                ws,
                ["export", "ledger", "cases", "--from", start.isoformat(), "--to", end.isoformat()],
                "xlsx",
            ),
            _process_floors(ws, [FLOOR_LEDGER], params),
            None,
        )
    )
    out += monthly_figures(ws, raw, day)
    out.append(
        f"report floors: the same counts and rows as raw sqlite3 SQL on the same file"
        f" ({day.isoformat()}; ledger {start.isoformat()}–{end.isoformat()}, {rows:,} cases);"
        f" for a process, a Python process running that SQL ({PROCESS_RUNS} runs each)."
    )
    return out


def main(argv: list[str]) -> int:
    home = Path(argv[0])
    day = date.fromisoformat(argv[1]) if len(argv) > 1 else date.today()
    ws = Workstation(Home(home))
    raw = sqlite3.connect(ws.home.db_path)
    try:
        header = ("measure (ms)", "p50", "p95", "floor p95", "ratio", "target")
        print("{:<28} {:>8} {:>8} {:>10} {:>9} {:>8}".format(*header))
        for text in report_figures(ws, raw, day):
            print(text)
    finally:
        raw.close()
        ws.close()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
