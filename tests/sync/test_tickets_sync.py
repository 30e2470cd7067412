"""Tickets converge across workstations: registered at the 办不成事 window (W1), worked on at
both, checked and archived from the lead's workstation (W2); on a shared SQLite file and on
PostgreSQL."""

from __future__ import annotations

from sqlalchemy import select

from hall_desk.domain.roles import Actor, Role
from hall_desk.services import ticket_views, tickets, users
from hall_desk.store import projections as folding
from hall_desk.store.models_tickets import TicketRow, TicketStepRow
from tests.conftest import STAFF_PASSWORD
from tests.services.tickets_helpers import complaint
from tests.sync.conftest import Hall
from tests.sync.helpers import converge, local_events, projections, shared_events_set, sync

ADMIN = Actor("admin", "张建国", Role.ADMIN)


def _ticket(ws, number: str) -> TicketRow:  # type: ignore[no-untyped-def]
    with ws.reading() as s:
        row = s.scalars(select(TicketRow).where(TicketRow.ticket_no == number)).one()
        s.expunge(row)
        return row


def _timeline(ws, ticket_id: str) -> list[tuple[str, str, str]]:  # type: ignore[no-untyped-def]
    with ws.reading() as s:
        return [
            (r.step, r.actor, r.note)
            for r in s.scalars(
                select(TicketStepRow)
                .where(TicketStepRow.ticket_id == ticket_id)
                .order_by(TicketStepRow.hlc, TicketStepRow.id)
            )
        ]


def test_a_ticket_registered_at_one_workstation_is_checked_from_another(
    hall: Hall, shared_url: str
) -> None:
    window, lead_desk = hall.ws("W1"), hall.ws("W2")
    clerk = users.create_user(
        window, ADMIN, "clerk1", "王晓燕", Role.CLERK, STAFF_PASSWORD, "办不成事反映窗口"
    )
    handler = users.create_user(
        window, ADMIN, "clerk2", "刘海涛", Role.CLERK, STAFF_PASSWORD, "综合窗口3"
    )
    lead = users.create_user(window, ADMIN, "lead1", "李秀兰", Role.LEAD, STAFF_PASSWORD, "班组长")
    number = tickets.register(window, clerk, complaint()).ticket_no
    tickets.analyse(window, clerk, number, "窗口对材料要求理解不一致")
    tickets.dispatch(window, clerk, number, "person", "clerk2")
    sync(window, shared_url)
    sync(lead_desk, shared_url)
    # The same ticket worked on at both workstations before either syncs again: both notes stay.
    tickets.progress(window, handler, number, "已电话联系反映人")
    tickets.progress(lead_desk, lead, number, "已协调市场监管局后台")
    converge([window, lead_desk], shared_url)
    tickets.answer(window, handler, number, "已为您办结变更登记", "phone")
    converge([window, lead_desk], shared_url)
    assert [t.ticket_no for t in ticket_views.awaiting_check(lead_desk, lead)] == [number]
    tickets.check(
        lead_desk, lead, number, "材料齐全，已办结", callback="satisfied", finding="substantiated"
    )
    tickets.archive(lead_desk, lead, number)
    converge([window, lead_desk], shared_url)

    at_window, at_lead = _ticket(window, number), _ticket(lead_desk, number)
    assert (at_window.state, at_window.checked_by, at_window.callback) == (
        "archived",
        "lead1",
        "satisfied",
    )
    assert at_window.phone_cipher == at_lead.phone_cipher and at_window.phone_masked == (
        "139****1234"
    )
    timeline = _timeline(window, at_window.id)
    assert [step for step, _, _ in timeline] == [
        "registered",
        "analysed",
        "dispatched",
        "progressed",
        "progressed",
        "answered",
        "checked",
        "archived",
    ]
    assert {note for step, _, note in timeline if step == "progressed"} == {
        "已电话联系反映人",
        "已协调市场监管局后台",
    }
    assert timeline == _timeline(lead_desk, at_window.id)
    assert projections(window) == projections(lead_desk)
    assert local_events(window) == local_events(lead_desk) == shared_events_set(shared_url)
    # What sync folded equals a full replay of the log.
    before = projections(lead_desk)
    with lead_desk.transaction(ADMIN) as tx:
        folding.rebuild_all(tx.session, lead_desk.key.event_key)
    assert projections(lead_desk) == before
