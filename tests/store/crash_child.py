"""A workstation that takes intakes until it is killed, for tests/store/test_checkpoints.py.

python -m tests.store.crash_child HOME

After each intake's commit it prints `SAVED <case number>`: the parent kills it (SIGKILL) as soon
as it has read a few, so whatever the log held was never copied back nor closed.
"""

from __future__ import annotations

import sys
from pathlib import Path

from hall_desk.services import intake
from hall_desk.services.home import Home
from hall_desk.services.workstation import Workstation
from tests.sync.helpers import DAY, FOOD, applicant, clerk, draft


def main(argv: list[str]) -> int:
    ws = Workstation(Home(Path(argv[1])))
    n = 0
    while True:
        result = intake.accept(ws, clerk(ws), draft(ws, [FOOD], applicant(n)), on=DAY)
        print(f"SAVED {result.case_no}", flush=True)
        n += 1


if __name__ == "__main__":
    sys.exit(main(sys.argv))
