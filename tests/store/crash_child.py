"""A workstation that takes intakes until it is killed, for the store's crash tests.

python -m tests.store.crash_child HOME

After each intake's commit it prints `SAVED <case number>`: the parent kills it (SIGKILL) as soon
as it has read a few, so whatever the log held was never copied back nor closed.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

from hall_desk.services import intake
from hall_desk.services.home import Home
from hall_desk.services.workstation import Workstation
from hall_desk.store.faults import PAUSE_ENV, RESUME_ENV
from tests.sync.helpers import DAY, FOOD, applicant, clerk, draft

ROOT = Path(__file__).resolve().parents[2]


@contextmanager
def taking_intakes(home: Path, **env: str) -> Iterator[Callable[[], str]]:
    """The child on `home`, pausing only at the fault points `env` names; yields its next
    line, and kills it (SIGKILL) the moment the block ends, closed or not."""
    inherited = {k: v for k, v in os.environ.items() if k not in (PAUSE_ENV, RESUME_ENV)}
    child_env = {**inherited, "PYTHONPATH": str(ROOT), **env}
    child = subprocess.Popen(
        [sys.executable, "-m", "tests.store.crash_child", str(home)],
        cwd=ROOT,
        env=child_env,
        stdout=subprocess.PIPE,
        text=True,
    )
    assert child.stdout is not None
    try:
        yield child.stdout.readline
        os.kill(child.pid, signal.SIGKILL)
    finally:
        child.kill()
        child.wait(timeout=30)
        child.stdout.close()


def main(argv: list[str]) -> int:
    ws = Workstation(Home(Path(argv[1])))
    n = 0
    while True:
        result = intake.accept(ws, clerk(ws), draft(ws, [FOOD], applicant(n)), on=DAY)
        print(f"SAVED {result.case_no}", flush=True)
        n += 1


if __name__ == "__main__":
    sys.exit(main(sys.argv))
