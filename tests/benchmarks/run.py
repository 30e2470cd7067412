"""`make bench`: searches and intake on a home of 200,000 cases, each beside a raw-SQLite floor;
then the reports, printing, sync and a new workstation's first pull, each beside its own floor,
and the window's start-up (after the sync, as a workstation that has synced meets it).

The figures are taken at two sizes (HALL_DESK_BENCH_CASES, default "5000,200000"), and a last
table prints each figure's p95 at both with their ratio, so that whatever grows with the hall's
history shows. Each home is built once through the services' bulk path and cached under .bench/
(keyed by the schema revision and the size), so a rerun takes minutes, not hours. Set
HALL_DESK_BENCH_CASES=3000 (one size) to try a small home alone.
"""

from __future__ import annotations

import hashlib
import math
import os
import resource
import shutil
import sqlite3
import subprocess
import sys
import time
from datetime import date, datetime, timedelta
from pathlib import Path

from hall_desk.domain.calendar import WorkingCalendar
from hall_desk.services import cases, users
from hall_desk.services.demo import DEMO_PASSWORD, ensure_demo_staff, generate
from hall_desk.services.home import Home
from hall_desk.services.setup import init_home
from hall_desk.services.workstation import Workstation
from hall_desk.store.migrate import head_revision
from hall_desk.store.queries.deadline import near_deadline_last_day
from hall_desk.store.queries.routing import BOARD_COLUMNS
from tests.benchmarks.intake_bench import intake_rows
from tests.benchmarks.measure import header, percentile, precompile, row, timed

ROOT = Path(__file__).resolve().parents[2]
SIZES = [int(n) for n in os.environ.get("HALL_DESK_BENCH_CASES", "5000,200000").split(",")]
END = date(2026, 11, 27)
PER_DAY = 1000
SAMPLES = 300
TARGETS_MS = {"search": 50.0, "intake": 15.0}
WINDOW_RUNS = 30  # a p95 over 30 starts is the second slowest, not the slowest of five
INTAKES = 300  # a p95 over 300 intakes; ~13 of the floor's automatic checkpoints among them


def _working_days_back(n: int) -> int:
    """Calendar days ending at END that hold `n` working days."""
    cal, day, found = WorkingCalendar(), END, 0
    while found < n:
        found += cal.is_working_day(day)
        day -= timedelta(days=1)
    return (END - day).days


def schema_key() -> str:
    """Changes whenever a migration file changes, so a cached home never has a stale schema."""
    versions = sorted((ROOT / "hall_desk" / "store" / "migrations" / "versions").glob("*.py"))
    digest = hashlib.sha256(b"".join(v.read_bytes() for v in versions)).hexdigest()[:10]
    return f"{head_revision()}-{digest}"


def bench_home(cases: int) -> Path:
    path = ROOT / ".bench" / f"home-{schema_key()}-{cases}"
    if (path / "ready").exists():
        return path
    shutil.rmtree(path, ignore_errors=True)
    print(f"building a {cases:,}-case home through the services (once; cached in {path}) …")
    started, cpu = time.perf_counter(), time.process_time()
    ws = init_home(Home(path), hall="基准测试大厅", workstation="B01", demo=True)
    with ws:
        ensure_demo_staff(ws)
        # Visitors per day such that the decisions add up to about CASES cases.
        per_day = min(PER_DAY, cases)
        days = _working_days_back(math.ceil(cases / per_day))
        summary = generate(ws, days, per_day, seed=2026, end=END, consultation_share=0.0)
    (path / "ready").write_text(f"{summary.cases}\n")
    cpu = time.process_time() - cpu
    print(
        f"  built {summary.cases:,} cases in {time.perf_counter() - started:.0f} s"
        f" ({cpu:.0f} CPU-s: {summary.cases / max(cpu, 1e-6):.0f} cases per CPU-s; target ≥ 500)"
    )
    return path


def routing_rows(ws: Workstation, raw: sqlite3.Connection) -> list[str]:
    """The routing post's board and one scan, beside the raw query of the same rows."""
    from hall_desk.services import routing

    router = users.login(ws, "router", DEMO_PASSWORD)
    at_post = [
        n for (n,) in raw.execute("SELECT case_no FROM cases WHERE state = 'routing' LIMIT 200")
    ] or [n for (n,) in raw.execute("SELECT case_no FROM cases LIMIT 200")]
    states = "('accepted','accepted_deferred','prereview','routing','under_review','concluded',"
    states += "'denied','ready_for_delivery','awaiting_supplement')"
    board_floor = f"SELECT * FROM cases WHERE state IN {states}"
    # The board's first screen: one page in the board's order and the whole board's counts,
    # beside the same page and counts as bare SQL (the flag bucket written out by hand).
    cal = ws.calendar()
    near = near_deadline_last_day(cal, END).isoformat()
    clock = (
        "state IN ('accepted','accepted_deferred','prereview','routing','under_review')"
        " AND due_date IS NOT NULL AND (paused_since IS NULL OR paused_since >= due_date)"
    )
    bucket = (
        "CASE WHEN state IN ('concluded','denied','ready_for_delivery') THEN 5"
        f" WHEN due_date IS NULL THEN 4 WHEN NOT ({clock}) THEN 3"
        " WHEN due_date < :today THEN 0 WHEN due_date <= :near THEN 1 ELSE 2 END"
    )
    columns = ", ".join(f'"{c}"' for c in BOARD_COLUMNS)
    page_floor = (
        f"SELECT {columns} FROM cases WHERE state IN {states} ORDER BY green_channel DESC,"
        f" {bucket}, due_date, coalesce(julianday(station_since), created_hlc), case_no"
        f" LIMIT {routing.PAGE_ROWS}"
    )
    count_floor = (
        f"SELECT count(*), sum(({bucket}) = 0), sum(({bucket}) = 1) FROM cases"
        f" WHERE state IN {states}"
    )
    at = {"today": END.isoformat(), "near": near}
    moment = datetime.combine(END, datetime.min.time().replace(hour=10)).astimezone()

    def page_floor_run() -> None:
        raw.execute(page_floor, at).fetchall()
        raw.execute(count_floor, at).fetchall()

    (open_folders,) = raw.execute(f"SELECT count(*) FROM cases WHERE state IN {states}").fetchone()
    return [
        row(
            "routing board first screen",
            timed(lambda: routing.board_page(ws, router, now=moment), n=50),
            timed(page_floor_run, n=50),
            100.0,
        ),
        row(
            "routing board (every row)",
            timed(lambda: routing.board(ws, router), n=20),
            timed(lambda: raw.execute(board_floor).fetchall(), n=20),
            None,
        ),
        f"board: {open_folders:,} open folders; the first screen reads {routing.PAGE_ROWS} of them"
        " (the window reads the rest a page at a time as the list is scrolled).",
        row(
            "one scan (dispatch check)",
            timed(
                lambda: routing.check_scan(
                    ws,
                    router,
                    routing.Move.DISPATCH,
                    at_post[0],
                    department="科尔沁左翼中旗市场监督管理局",
                ),
                n=200,
            ),
            timed(
                lambda: raw.execute(
                    "SELECT * FROM cases WHERE case_no = ?", (at_post[0],)
                ).fetchall(),
                n=200,
            ),
            30.0,
        ),
    ]


def _start(args: list[str]) -> tuple[float, float, dict[str, float]]:
    """One start: its milliseconds, its peak MB, and (the program's) ms by phase."""
    precompile()
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    out = subprocess.run(
        [sys.executable, "-m", "tests.benchmarks.window_ready", *args],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        check=True,
        timeout=120,
    ).stdout
    lines = out.strip().splitlines()
    seconds, rss_mb = lines[-1].split()
    phases: dict[str, float] = {}
    said = [line for line in lines if line.startswith("phases (ms): ")]
    for part in said[-1].removeprefix("phases (ms): ").split(", ") if said else []:
        name, ms = part.rsplit(" ", 1)
        phases[name] = float(ms)
    return float(seconds) * 1000, float(rss_mb), phases


def window_rows(home: Path) -> list[str]:
    """Process start to the main window painted, and that process's peak memory; then the
    median of each phase of the program's start (window_ready.py says where each ends)."""
    program = [_start([str(home), DEMO_PASSWORD]) for _ in range(WINDOW_RUNS)]
    floor = [_start(["--floor"]) for _ in range(WINDOW_RUNS)]
    phases = {name: [p[2][name] for p in program if name in p[2]] for name in program[0][2]}
    return [
        row("window ready (process)", [p[0] for p in program], [f[0] for f in floor], 600.0),
        row("window resident MB", [p[1] for p in program], [f[1] for f in floor], 150.0),
        "  its phases, median ms: "
        + ", ".join(f"{name} {percentile(ms, 50):.0f}" for name, ms in phases.items()),
    ]


def one_size(cases_wanted: int) -> None:
    path = bench_home(cases_wanted)
    ws = Workstation(Home(path))
    raw = sqlite3.connect(path / "local.sqlite3")
    case_rows = raw.execute(
        "SELECT id, case_no, applicant_id_index, applicant_name FROM cases"
        " ORDER BY random() LIMIT ?",
        (SAMPLES,),
    ).fetchall()
    total = raw.execute("SELECT count(*) FROM cases").fetchone()[0]
    ids = [
        ws.key.decrypt("id_number", c)
        for (c,) in raw.execute(
            "SELECT a.id_cipher FROM applicants a JOIN cases c ON c.applicant_id = a.id "
            "WHERE a.id_type = 'resident_id' ORDER BY random() LIMIT ?",
            (SAMPLES,),
        )
    ]
    names = [r[3][:2] for r in case_rows]
    order = "ORDER BY green_channel DESC, created_hlc DESC LIMIT 50"

    it = iter(range(10**9))

    def pick(seq):  # type: ignore[no-untyped-def]
        return seq[next(it) % len(seq)]

    results = []
    results.append(
        row(
            "search: case number",
            timed(lambda: cases.search_cases(ws, pick(case_rows)[1])),
            timed(
                lambda: raw.execute(
                    "SELECT * FROM cases WHERE case_no = ?", (pick(case_rows)[1],)
                ).fetchall()
            ),
            TARGETS_MS["search"],
        )
    )
    results.append(
        row(
            "search: ID number (blind)",
            timed(lambda: cases.search_cases(ws, pick(ids))),
            timed(
                lambda: raw.execute(
                    "SELECT * FROM cases WHERE applicant_id_index = ? OR agent_id_index = ? "
                    + order,
                    (pick(case_rows)[2],) * 2,
                ).fetchall()
            ),
            TARGETS_MS["search"],
        )
    )
    results.append(
        row(
            "search: applicant name",
            timed(lambda: cases.search_cases(ws, pick(names))),
            timed(
                lambda: raw.execute(
                    "SELECT * FROM cases WHERE applicant_name >= ? AND applicant_name < ?"
                    " ORDER BY applicant_name LIMIT 50",
                    (n := pick(names), n + "\U0010ffff"),
                ).fetchall()
            ),
            TARGETS_MS["search"],
        )
    )

    results.extend(routing_rows(ws, raw))
    ws.close()  # the intakes open the home themselves, beside their floor's copy of it
    results.extend(intake_rows(path, INTAKES))
    ws = Workstation(Home(path))
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024

    print()
    print(f"home: {path}  ({total:,} cases)   samples: {SAMPLES} per search, {INTAKES} intakes")
    print(header())
    for line in results:
        print(line)
    print(f"{'peak resident memory (MB)':<28} {peak_mb:>8.0f}  (the bench process, not the window)")
    print(
        "floors: the same lookup as raw sqlite3 SQL on the same file; for intake, the intakes'"
        " own writes replayed as raw SQL on a copy of the home, with SQLite's default automatic"
        " checkpoint (synchronous=FULL), so the floor pays checkpoints too."
    )
    raw.close()
    print()
    print("team lead's reports (ms):")
    from hall_desk.reports import pdf
    from tests.benchmarks.report_bench import report_figures

    # The window converts the font once per machine, in the background after login
    # (reports/font_convert.py); the reports below are timed as a clerk meets them, after it.
    started = time.perf_counter()
    pdf.prepare_font()
    print(f"{'font prepared (once a machine)':<28} {(time.perf_counter() - started) * 1000:>8.0f}")

    # A connection of their own: the floors must not read through whatever the searches and
    # the intakes left in another connection's cache and snapshot.
    report_raw = sqlite3.connect(path / "local.sqlite3")
    try:
        for line in report_figures(ws, report_raw, END):
            print(line)
    finally:
        report_raw.close()
    ws.close()
    print()
    print("printing (ms):")
    from tests.benchmarks.print_bench import print_figures

    for line in print_figures(path, END):
        print(line)
    print()
    print("sync to PostgreSQL, and a new workstation's first pull of the whole hall:")
    from tests.benchmarks.pull_bench import first_pull_figures
    from tests.benchmarks.sync_bench import sync_figures

    for line in sync_figures(path, then=first_pull_figures):
        print(line)
    print()
    print("queue (取号/叫号) on PostgreSQL:")
    from tests.benchmarks.queue_bench import queue_figures

    for line in queue_figures():
        print(line)
    print()
    from tests.benchmarks.display_bench import display_figures

    for line in display_figures():
        print(line)
    print()
    print("a hall's night: every workstation syncs at once (processes, PostgreSQL):")
    from tests.benchmarks.hall_night import hall_night_figures

    for line in hall_night_figures():
        print(line)

    # After the sync: a workstation that has synced starts without a backlog of unsent events.
    print(f"window start-up over {WINDOW_RUNS} starts (ms, MB):")
    print(header())
    for line in window_rows(path):
        print(line)


def growth(by_size: dict[int, dict[str, tuple[float, float]]]) -> list[str]:
    """Each figure's p95 at the smallest and the largest size, and how much it grew."""
    small, large = min(by_size), max(by_size)
    lines = [
        f"{'growth (p95)':<28} {f'{small:,}':>10} {f'{large:,}':>10} {'ratio':>8}"
        f" {'floor ratio':>12}"
    ]
    for name, (p95, f95) in by_size[small].items():
        if name not in by_size[large]:
            continue
        big, big_floor = by_size[large][name]
        lines.append(
            f"{name:<28} {p95:>10.2f} {big:>10.2f} {big / max(p95, 1e-6):>7.1f}x"
            f" {big_floor / max(f95, 1e-6):>11.1f}x"
        )
    return lines


def main() -> int:
    from tests.benchmarks import measure

    by_size: dict[int, dict[str, tuple[float, float]]] = {}
    for cases_wanted in SIZES:
        print(f"\n===== a home of {cases_wanted:,} cases =====")
        measure.FIGURES.clear()
        one_size(cases_wanted)
        by_size[cases_wanted] = dict(measure.FIGURES)
    if len(by_size) > 1:
        print()
        for line in growth(by_size):
            print(line)
    return 0


if __name__ == "__main__":
    sys.exit(main())
