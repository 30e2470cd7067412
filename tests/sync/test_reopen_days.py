"""工单重开期限 is the hall's rule: set once in 设置, the same at every window after a sync; a
pulled value that could not have been typed is refused."""

from __future__ import annotations

from sqlalchemy import select

from hall_desk.domain.roles import Actor, Role
from hall_desk.services import settings, tickets
from hall_desk.store.models_sync import SyncRefusedEvent
from hall_desk.sync.validate import CORRUPT
from tests.sync.helpers import converge, insert_shared_rows, raw_event, sync

ADMIN = Actor("admin", "张建国", Role.ADMIN)


def test_the_reopen_days_set_on_one_workstation_hold_on_another(hall, shared_url) -> None:
    w1, w2 = hall.ws("W1"), hall.ws("W2")
    converge([w1, w2], shared_url)
    assert tickets.reopen_days(w2) == 5, "the default until the hall sets one"
    settings.update_settings(w1, ADMIN, ticket_reopen_days=10)
    assert tickets.reopen_days(w1) == 10
    assert "ticket_reopen_days" not in w1.config.extra, "the hall's, not this workstation's"
    sync(w1, shared_url)
    sync(w2, shared_url)
    assert tickets.reopen_days(w2) == 10


def test_a_pulled_reopen_limit_out_of_range_is_refused(hall, shared_url) -> None:
    w1, w2 = hall.ws("W1"), hall.ws("W2")
    converge([w1, w2], shared_url)
    kind, entity = "hall.setting_changed", "hall_setting"
    bad = [
        raw_event(w1, 1, kind, entity, "ticket_reopen_days", {"value": "99"}),
        raw_event(w1, 2, kind, entity, "ticket_reopen_days", {"value": "五"}),
    ]
    good = raw_event(w1, 3, kind, entity, "ticket_reopen_days", {"value": "7"})
    insert_shared_rows(shared_url, [*bad, good])
    report = sync(w2, shared_url)
    assert report.refused == len(bad)
    with w2.reading() as s:
        refused = list(s.scalars(select(SyncRefusedEvent)))
    assert {r.event_id for r in refused} == {str(r["id"]) for r in bad}
    assert all(r.reason_code == CORRUPT and "0–30 的工作日数" in r.reason for r in refused)
    assert tickets.reopen_days(w2) == 7
