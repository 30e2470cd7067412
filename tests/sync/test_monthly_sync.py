"""A published month stays as published when a late sync brings events dated inside it; the
next month's report lists them as 补录 with their effect. On a shared SQLite file and on
PostgreSQL."""

from __future__ import annotations

from datetime import date

from hall_desk.services import intake, monthly
from tests.sync.conftest import Hall
from tests.sync.helpers import DAY, FOOD, LEAD, applicant, clerk, converge, draft, sync

MONTH = monthly.month_of(DAY)
LATE_DAY = date(2026, 11, 20)


def test_a_late_sync_changes_no_published_figure_and_is_listed_next_month(
    hall: Hall, shared_url: str
) -> None:
    desk, window = hall.ws("W1"), hall.ws("W2")
    for n in range(3):
        intake.accept(desk, clerk(desk), draft(desk, [FOOD], applicant(40 + n)), on=DAY)
    converge([desk, window], shared_url)
    # W2 takes a case in on 20 November and stays offline while the lead publishes November.
    late = intake.accept(window, clerk(window), draft(window, [FOOD], applicant(50)), on=LATE_DAY)
    desk.config.extra[monthly.PUBLISH_DAY_KEY] = 1  # the month is over: publish without waiting
    published = monthly.publish(desk, LEAD, MONTH)
    assert published.data["figures"]["intake_total"] == 3
    sync(desk, shared_url)
    sync(window, shared_url)
    sync(desk, shared_url)

    again = monthly.monthly_report(desk, LEAD, MONTH)
    assert again.sha256 == published.sha256
    assert again.data["figures"]["intake_total"] == 3
    # The other workstation holds the same frozen report once it has the publication.
    assert monthly.monthly_report(window, LEAD, MONTH).sha256 == published.sha256

    december = monthly.shift(MONTH, 1)
    entries = monthly.monthly_report(desk, LEAD, december).data["late"]
    assert entries["month"] == MONTH and entries["count"] >= 1
    assert [LATE_DAY.isoformat(), "受理", late.case_no, "W2"] in entries["events"]
    assert ["受理环节办件", "3", "4"] in entries["effects"]
