"""Run by the fault tests in a child process: one sync of one home, then a line on stdout.

python -m tests.sync.child_sync HOME SHARED_URL PUSH_BATCH PULL_BATCH
(the pause point comes from HALL_DESK_SYNC_PAUSE_AT, see hall_desk/sync/faults.py)
"""

from __future__ import annotations

import sys
from pathlib import Path

from hall_desk.domain.roles import SYSTEM_ACTOR
from hall_desk.services.home import Home
from hall_desk.services.workstation import Workstation
from hall_desk.sync import SyncOptions, sync_once


def main(argv: list[str]) -> int:
    home, url, push_batch, pull_batch = argv[1], argv[2], int(argv[3]), int(argv[4])
    with Workstation(Home(Path(home))) as ws:
        options = SyncOptions(push_batch=push_batch, pull_batch=pull_batch)
        report = sync_once(ws, SYSTEM_ACTOR, url, options=options)
    print(f"DONE {report.pushed} {report.pulled}", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
