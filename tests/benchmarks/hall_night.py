"""A hall of 30 workstations syncing at 02:00 at once, each in its own process, against the real
PostgreSQL server: every sync succeeds at its first attempt (nothing here retries), nothing is
refused, and after two rounds every workstation holds the whole hall's log.

`make bench` runs it (it is not in `make test`: thirty processes that each start the program,
make a home and fold the whole hall cost about four CPU-minutes here) and fails loudly when the
hall does not converge. HALL_DESK_SYNC_STATIONS and HALL_DESK_SYNC_CASES change the size
(default 30 workstations × 40 intakes, a busy day at one window); alone:
    python -m tests.benchmarks.hall_night
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

from tests.conftest import make_home
from tests.sync.conftest import fresh_pg_database
from tests.sync.helpers import shared_rows

ROOT = Path(__file__).resolve().parents[2]
STATIONS = int(os.environ.get("HALL_DESK_SYNC_STATIONS", "30"))
CASES = int(os.environ.get("HALL_DESK_SYNC_CASES", "40"))


@dataclass(frozen=True)
class Synced:
    pushed: int
    pulled: int
    conflicts: int
    refused: int
    seconds: float
    events: int


def _read(child: subprocess.Popen[str], expected: str) -> str:
    assert child.stdout is not None and child.stderr is not None
    line = child.stdout.readline()
    if not line.startswith(expected):
        child.kill()
        raise AssertionError(f"expected {expected}, got {line!r}\n{child.stderr.read()}")
    return line


def _round(children: list[subprocess.Popen[str]]) -> tuple[float, list[Synced]]:
    """Every workstation starts its sync at once; the wall time until the last one is done."""
    started = time.perf_counter()
    for child in children:
        assert child.stdin is not None
        child.stdin.write("sync\n")
        child.stdin.flush()
    results = []
    for child in children:
        words = _read(child, "SYNCED").split()[1:]
        results.append(Synced(*map(int, words[:4]), float(words[4]), int(words[5])))
    return time.perf_counter() - started, results


def run_hall(
    root: Path, url: str, stations: int, cases: int
) -> tuple[float, float, list[Synced], list[Synced]]:
    """(first round's wall time, second round's, the first round's reports, the second's)."""
    first = make_home(root / "W01", "W01")
    key_file = root / "hall.key"
    first.key.write(key_file)
    first.close()
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    children = [
        subprocess.Popen(
            [
                sys.executable,
                "-m",
                "tests.benchmarks.child_workstation",
                str(root / f"W{n:02d}"),
                f"W{n:02d}",
                str(key_file),
                url,
                str(cases),
                str(n * 1000),
            ],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            cwd=ROOT,
            env=env,
        )
        for n in range(1, stations + 1)
    ]
    try:
        for child in children:
            _read(child, "READY")
        first_round, first_reports = _round(children)
        second_round, reports = _round(children)
    finally:
        for child in children:
            if child.stdin is not None and not child.stdin.closed:
                child.stdin.close()
        for child in children:
            child.wait(60)
    return first_round, second_round, first_reports, reports


def hall_night_figures() -> list[str]:
    """The wall times of both rounds; raises when the hall does not converge."""
    with tempfile.TemporaryDirectory() as folder, fresh_pg_database() as url:
        first_round, second_round, first_reports, reports = run_hall(
            Path(folder), url, STATIONS, CASES
        )
        rows = shared_rows(url)
    origins = {row[2] for row in rows}
    problems = []
    if len(origins) != STATIONS:
        problems.append(f"{len(origins)} workstations reached the shared database")
    if any(r.refused for r in reports):
        problems.append(f"pulled events refused: {reports}")
    # Every workstation holds every event of the hall, its own and all the others'.
    if [r.events for r in reports] != [len(rows)] * STATIONS:
        problems.append(f"logs differ from the shared {len(rows)}: {[r.events for r in reports]}")
    if sum(r.pushed for r in reports):
        problems.append("the second round pushed again: the first did not push everything")
    # Each workstation's applicants are its own (child_workstation.hall_applicant), so a
    # conflict here means sync saw a clash that was never made.
    conflicts = sum(r.conflicts for r in first_reports + reports)
    if conflicts:
        problems.append(f"{conflicts} conflicts found where none were made")
    if problems:
        raise AssertionError("the hall did not converge: " + "; ".join(problems))
    slowest = max(r.seconds for r in reports)
    return [
        f"{STATIONS} workstations × {CASES} intakes, all syncing at once on PostgreSQL"
        f" ({len(rows):,} events):",
        f"  first round (push and pull) {first_round:.1f} s wall;"
        f" second round (pull the rest) {second_round:.1f} s, slowest sync {slowest:.1f} s,"
        " no conflict",
    ]


if __name__ == "__main__":
    for line in hall_night_figures():
        print(line)
