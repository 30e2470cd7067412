"""One workstation of a busy hall in its own process, for tests/benchmarks/hall_night.py.

python -m tests.benchmarks.child_workstation HOME CODE KEY_FILE SHARED_URL CASES FIRST_APPLICANT

It joins the hall (its own home, made from the hall key; a HOME that exists is opened), takes
CASES intakes of applicants no other workstation sees (numbered from FIRST_APPLICANT, so the
hall's night has nothing to conflict over and any conflict it reports is a defect), prints
READY and then, for every line it reads, syncs once and prints
    SYNCED <pushed> <pulled> <conflicts> <refused> <seconds> <events in its log>
A sync that raises ends the process with the traceback on stderr: nothing is retried.
"""

from __future__ import annotations

import sys
from datetime import date, timedelta
from pathlib import Path

from sqlalchemy import func, select

from hall_desk.domain.identity import resident_id_check_char
from hall_desk.domain.lifecycle import CaseEvent
from hall_desk.services import intake
from hall_desk.services.applicants import ApplicantDraft
from hall_desk.services.home import Home
from hall_desk.services.workstation import Workstation
from hall_desk.store.models import Event
from tests.conftest import make_home
from tests.sync.helpers import DAY, FOOD, clerk, draft, person_name, phone, sync


def hall_applicant(n: int) -> ApplicantDraft:
    """A resident whose ID number is n's alone: a birth date n days after 1940-01-01."""
    born = date(1940, 1, 1) + timedelta(days=n)
    first17 = f"150521{born:%Y%m%d}{n % 1000:03d}"
    return ApplicantDraft(
        kind="person",
        id_number=first17 + resident_id_check_char(first17),
        name=person_name(n),
        phone=phone(n),
        address=f"科尔沁左翼中旗保康镇团结路{n}号",
    )


def main(argv: list[str]) -> int:
    home, code, key_file, url = Path(argv[1]), argv[2], Path(argv[3]), argv[4]
    cases, first = int(argv[5]), int(argv[6])
    joined = Workstation(Home(home)) if home.exists() else make_home(home, code, key_file=key_file)
    with joined as ws:
        intake.intake_many(
            ws,
            clerk(ws),
            [
                (CaseEvent.ACCEPT, draft(ws, [FOOD], hall_applicant(first + n)), DAY)
                for n in range(cases)
            ],
        )
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
