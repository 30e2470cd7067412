"""`make bench`: searches and intake on a home of 200,000 cases, each beside a raw-SQLite floor;
then the reports, printing and sync, each beside its own floor.

The home is built once through the services' bulk path and cached under .bench/ (keyed by the
schema revision and the size), so a rerun takes a minute, not an hour.
Set HALL_DESK_BENCH_CASES to try a smaller home.
"""

from __future__ import annotations

import hashlib
import math
import os
import random
import resource
import shutil
import sqlite3
import subprocess
import sys
import time
from datetime import date, timedelta
from pathlib import Path

from hall_desk.domain.calendar import WorkingCalendar
from hall_desk.services import cases, intake, users
from hall_desk.services.demo import DEMO_PASSWORD, ensure_demo_staff, generate
from hall_desk.services.home import Home
from hall_desk.services.setup import init_home
from hall_desk.services.workstation import Workstation
from hall_desk.store.migrate import head_revision
from tests.benchmarks.measure import header, row, timed

ROOT = Path(__file__).resolve().parents[2]
CASES = int(os.environ.get("HALL_DESK_BENCH_CASES", "200000"))
END = date(2026, 11, 27)
PER_DAY = 1000
SAMPLES = 300
TARGETS_MS = {"search": 50.0, "intake": 30.0}


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


def bench_home() -> Path:
    path = ROOT / ".bench" / f"home-{schema_key()}-{CASES}"
    if (path / "ready").exists():
        return path
    shutil.rmtree(path, ignore_errors=True)
    print(f"building a {CASES:,}-case home through the services (once; cached in {path}) …")
    started = time.perf_counter()
    ws = init_home(Home(path), hall="基准测试大厅", workstation="B01", demo=True)
    with ws:
        ensure_demo_staff(ws)
        # Visitors per day such that the decisions add up to about CASES cases.
        per_day = min(PER_DAY, CASES)
        days = _working_days_back(math.ceil(CASES / per_day))
        summary = generate(ws, days, per_day, seed=2026, end=END, consultation_share=0.0)
    (path / "ready").write_text(f"{summary.cases}\n")
    print(f"  built {summary.cases:,} cases in {time.perf_counter() - started:.0f} s")
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
    return [
        row(
            "routing board",
            timed(lambda: routing.board(ws, router), n=20),
            timed(lambda: raw.execute(board_floor).fetchall(), n=20),
            300.0,
        ),
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


def _start(args: list[str]) -> tuple[float, float]:
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
    seconds, rss_mb = out.strip().splitlines()[-1].split()
    return float(seconds) * 1000, float(rss_mb)


def window_rows(home: Path) -> list[str]:
    """Process start to the main window painted, and that process's peak memory (5 runs each)."""
    program = [_start([str(home), DEMO_PASSWORD]) for _ in range(5)]
    floor = [_start(["--floor"]) for _ in range(5)]
    return [
        row("window ready (process)", [p[0] for p in program], [f[0] for f in floor], 1500.0),
        row("window resident MB", [p[1] for p in program], [f[1] for f in floor], 300.0),
    ]


def main() -> int:
    path = bench_home()
    ws = Workstation(Home(path))
    raw = sqlite3.connect(path / "local.sqlite3")
    rng = random.Random(7)
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
    clerk = users.login(ws, "clerk1", DEMO_PASSWORD)
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

    from hall_desk.services.catalog import load_catalog
    from hall_desk.services.demo import _People, _received
    from hall_desk.services.intake import IntakeDraft

    items = [i for i in load_catalog(ws)[0] if i.kind != "immediate"]
    people = _People(rng)
    drafts = []
    for _ in range(100):
        item = rng.choice(items)
        drafts.append(
            IntakeDraft(
                applicant=people.person(END),
                item_codes=[item.code],
                received=_received([item], lambda n, req, dfr: False),
            )
        )
    results.extend(routing_rows(ws, raw))
    intake_samples = timed(lambda: intake.accept(ws, clerk, pick(drafts), on=END), n=100)
    raw.execute("PRAGMA synchronous=FULL")
    raw.isolation_level = None

    def floor_write() -> None:
        raw.execute("BEGIN IMMEDIATE")
        raw.execute(
            "INSERT OR REPLACE INTO meta(key, value) VALUES ('bench_floor', ?)", (str(time.time()),)
        )
        raw.execute("COMMIT")

    results.append(
        row(
            "intake saved (accept)", intake_samples, timed(floor_write, n=100), TARGETS_MS["intake"]
        )
    )
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    results.extend(window_rows(path))

    print()
    print(f"home: {path}  ({total:,} cases)   samples: {SAMPLES} per search, 100 intakes")
    print(header())
    for line in results:
        print(line)
    print(f"{'peak resident memory (MB)':<28} {peak_mb:>8.0f}  (the bench process, not the window)")
    print(
        "floors: the same lookup as raw sqlite3 SQL on the same file; for intake, one fsync'd"
        " one-row write transaction on the same file (synchronous=FULL)."
    )
    print()
    print("team lead's reports (ms):")
    from hall_desk.reports import pdf
    from tests.benchmarks.report_bench import report_figures

    # The window converts the font once per machine, in the background after login
    # (reports/font_convert.py); the reports below are timed as a clerk meets them, after it.
    started = time.perf_counter()
    pdf.prepare_font()
    print(f"{'font prepared (once a machine)':<28} {(time.perf_counter() - started) * 1000:>8.0f}")

    for line in report_figures(ws, raw, END):
        print(line)
    raw.close()
    ws.close()
    print()
    print("printing (ms):")
    from tests.benchmarks.print_bench import print_figures

    for line in print_figures(path, END):
        print(line)
    print()
    print("sync to PostgreSQL:")
    from tests.benchmarks.sync_bench import sync_figures

    for line in sync_figures(path):
        print(line)
    print()
    print("queue (取号/叫号) on PostgreSQL:")
    from tests.benchmarks.queue_bench import queue_figures

    for line in queue_figures():
        print(line)
    return 0


if __name__ == "__main__":
    sys.exit(main())
