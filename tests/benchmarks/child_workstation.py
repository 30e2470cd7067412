"""One workstation of a busy hall in its own process, for tests/benchmarks/hall_night.py.

python -m tests.benchmarks.child_workstation HOME CODE KEY_FILE SHARED_URL CASES FIRST_APPLICANT

It joins the hall (its own home, made from the hall key; a HOME that exists is opened), takes
CASES intakes, prints READY and then, for every line it reads, syncs once and prints
    SYNCED <pushed> <pulled> <conflicts> <refused> <seconds> <events in its log>
A sync that raises ends the process with the traceback on stderr: nothing is retried.
"""

from __future__ import annotations

import sys
from pathlib import Path

from sqlalchemy import func, select

from hall_desk.services.home import Home
from hall_desk.services.workstation import Workstation
from hall_desk.store.models import Event
from tests.conftest import make_home
from tests.sync.helpers import bulk_cases, sync


def main(argv: list[str]) -> int:
    home, code, key_file, url = Path(argv[1]), argv[2], Path(argv[3]), argv[4]
    cases, first = int(argv[5]), int(argv[6])
    joined = Workstation(Home(home)) if home.exists() else make_home(home, code, key_file=key_file)
    with joined as ws:
        bulk_cases(ws, cases, first)
        print("READY", flush=True)
        for _line in sys.stdin:
            report = sync(ws, url)
            with ws.reading() as s:
                events = s.scalar(select(func.count()).select_from(Event))
            print(
                f"SYNCED {report.pushed} {report.pulled} {report.conflicts} {report.refused}"
                f" {report.seconds:.3f} {events}",
                flush=True,
            )
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
