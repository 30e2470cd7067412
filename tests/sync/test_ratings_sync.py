"""Ratings converge across workstations: a 差评 given at a window (W1), its 整改 ticket worked
there and checked from the lead's workstation (W2), the appeal reviewed there; one visit rated
at two workstations before they met counts once, the same everywhere. On a shared SQLite file
and on PostgreSQL."""

from __future__ import annotations

from datetime import date

from sqlalchemy import select

from hall_desk.domain.roles import Actor, Role
from hall_desk.services import intake, ratings, tickets, users
from hall_desk.store import projections as folding
from hall_desk.store.models_ratings import RatingRow
from hall_desk.store.models_tickets import TicketRow
from tests.conftest import STAFF_PASSWORD
from tests.sync.conftest import Hall
from tests.sync.helpers import FOOD, applicant, converge, draft, local_events, projections

ADMIN = Actor("admin", "张建国", Role.ADMIN)


def _people(ws):  # type: ignore[no-untyped-def]
    clerk = users.create_user(
        ws, ADMIN, "clerk2", "刘海涛", Role.CLERK, STAFF_PASSWORD, "综合窗口3"
    )
    lead = users.create_user(ws, ADMIN, "lead1", "李秀兰", Role.LEAD, STAFF_PASSWORD, "班组长")
    lead2 = users.create_user(ws, ADMIN, "lead2", "孙立军", Role.LEAD, STAFF_PASSWORD, "班组长")
    return clerk, lead, lead2


def _rows(ws) -> list[RatingRow]:  # type: ignore[no-untyped-def]
    with ws.reading() as s:
        rows = list(s.scalars(select(RatingRow).order_by(RatingRow.created_hlc)))
        for r in rows:
            s.expunge(r)
        return rows


def _ticket(ws, number: str) -> TicketRow:  # type: ignore[no-untyped-def]
    with ws.reading() as s:
        row = s.scalars(select(TicketRow).where(TicketRow.ticket_no == number)).one()
        s.expunge(row)
        return row


def test_a_bad_rating_at_one_workstation_is_put_right_and_checked_at_another(
    hall: Hall, shared_url: str
) -> None:
    window, lead_desk = hall.ws("W1"), hall.ws("W2")
    clerk, lead, lead2 = _people(window)
    case = intake.accept(window, clerk, draft(window, [FOOD], applicant(80)))
    result = ratings.rate(
        window,
        clerk,
        "intake",
        case.case_no,
        2,
        reasons=["一次性告知不清楚"],
        rater_name="包海龙",
        rater_phone="13904751234",
    )
    number = result.rectification_ticket_no
    assert number is not None
    tickets.analyse(window, lead, number, "核实：情况属实，非恶意差评")
    tickets.dispatch(window, lead, number, "window", "综合窗口3", "限期整改")
    ratings.appeal(window, clerk, result.rating_id, "当日已出具一次性告知书，申请人未细看")
    converge([window, lead_desk], shared_url)
    tickets.answer(window, clerk, number, "已向评价人说明并致歉，窗口已整改", "phone")
    ratings.review(lead_desk, lead2, result.rating_id, False, "告知书内容不完整，差评属实")
    converge([window, lead_desk], shared_url)
    tickets.check(lead_desk, lead, number, "回访完成", callback="satisfied")
    converge([window, lead_desk], shared_url)

    [at_window], [at_lead] = _rows(window), _rows(lead_desk)
    assert (at_lead.level, at_lead.staff, at_lead.ticket_no) == (2, "clerk2", number)
    assert (at_window.appeal_state, at_window.reviewed_by) == ("rejected", "lead2")
    assert at_window.rater_phone_cipher == at_lead.rater_phone_cipher
    assert ratings.reveal_rater(lead_desk, lead, result.rating_id) == ("包海龙", "13904751234")
    ticket = _ticket(window, number)
    assert (ticket.state, ticket.checked_by, ticket.source_ref) == (
        "checked",
        "lead1",
        result.rating_id,
    )
    day = date.fromisoformat(at_window.rated_on.isoformat())
    for ws in (window, lead_desk):
        figures = ratings.rating_figures(ws, day, day)
        assert (figures.given, figures.bad, figures.upheld) == (1, 1, 0)
    assert projections(window) == projections(lead_desk)
    assert local_events(window) == local_events(lead_desk)
    before = projections(lead_desk)
    with lead_desk.transaction(ADMIN) as tx:
        folding.rebuild_all(tx.session, lead_desk.key.event_key)
    assert projections(lead_desk) == before


def test_one_visit_rated_at_two_workstations_offline_counts_once(
    hall: Hall, shared_url: str
) -> None:
    first, second = hall.ws("W1"), hall.ws("W2")
    clerk, _lead, _ = _people(first)
    case = intake.accept(first, clerk, draft(first, [FOOD], applicant(81)))
    converge([first, second], shared_url)
    # Neither knows of the other's rating: the screen at W1, a proxy entry at W2.
    earlier = ratings.rate(first, clerk, "intake", case.case_no, 5).rating_id
    later = ratings.rate(
        second, clerk, "intake", case.case_no, 1, channel="proxy", proxy_reason="申请人请求协助"
    )
    # Folded in the other order at each workstation, the outcome is the same.
    converge([second, first], shared_url)
    for ws in (first, second):
        rows = {r.id: r for r in _rows(ws)}
        assert rows[earlier].duplicate_of == ""
        assert rows[later.rating_id].duplicate_of == earlier
        day = rows[earlier].rated_on
        figures = ratings.rating_figures(ws, day, day)
        assert (figures.given, figures.bad, figures.duplicates) == (1, 0, 1)
    # The later 差评's 整改 ticket stays for the lead to close (the ledger marks the duplicate).
    assert later.rectification_ticket_no is not None
    assert _ticket(first, later.rectification_ticket_no).source_ref == later.rating_id
    assert projections(first) == projections(second)
