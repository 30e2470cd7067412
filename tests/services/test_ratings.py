"""好差评: each finished service rated once, refusals in words, a 差评's 整改 ticket, 申诉/复核,
the rater's confidentiality."""

from __future__ import annotations

import json
from datetime import date, datetime, timedelta

import pytest
from sqlalchemy import func, select

from hall_desk.domain.errors import (
    NotFound,
    PermissionDenied,
    ValidationError,
    ValidationErrors,
)
from hall_desk.domain.ratings import AppealState, Level, RatedKind
from hall_desk.domain.roles import Actor, Role
from hall_desk.services import consultations, delivery, intake, ratings, users
from hall_desk.services.consultations import ConsultationDraft
from hall_desk.store import projections
from hall_desk.store.models import AuditEntry, Event
from hall_desk.store.models_ratings import RatingRow
from hall_desk.store.models_tickets import TicketRow
from tests.conftest import STAFF_PASSWORD
from tests.services import tickets_helpers
from tests.services.helpers import draft_for, person, resident_id
from tests.services.test_routing import MARKET, to_delivery
from tests.services.tickets_helpers import Desk

desk = tickets_helpers.desk
FOOD = "011050007001"  # 食品经营许可（新办）: 承诺件
EMPLOYMENT = "201080001001"  # 就业登记: 即办件


def refused(desk: Desk, call, field: str, message: str) -> None:  # type: ignore[no-untyped-def]
    """Refused on `field` with exactly `message`, and nothing written."""
    before = desk.counts()
    with pytest.raises((ValidationError, ValidationErrors)) as caught:
        call()
    found = caught.value.errors if isinstance(caught.value, ValidationErrors) else [caught.value]
    assert (field, message) in [(e.field, e.message) for e in found], found
    assert desk.counts() == before


def accepted(desk: Desk, n: int = 1) -> intake.IntakeResult:
    draft = draft_for(desk.ws, [FOOD], person(resident_id(seq=f"{100 + n}")))
    return intake.accept(desk.ws, desk.handler, draft)


def rating_row(desk: Desk, rating_id: str) -> RatingRow:
    with desk.ws.reading() as s:
        row = s.get(RatingRow, rating_id)
        assert row is not None
        s.expunge(row)
        return row


def ticket_row(desk: Desk, number: str) -> TicketRow:
    with desk.ws.reading() as s:
        row = s.scalars(select(TicketRow).where(TicketRow.ticket_no == number)).one()
        s.expunge(row)
        return row


def test_the_target_names_what_was_done_and_who_served(desk):
    case = accepted(desk)
    target = ratings.target_for(desk.ws, RatedKind.INTAKE, case.case_no)
    assert target.what == "受理：食品经营许可（新办）"
    assert (target.staff, target.staff_name, target.window) == ("clerk2", "刘海涛", "综合窗口3")
    assert target.case_no == case.case_no
    # The id of the case, its number or the decision's own event all name the same visit.
    assert ratings.target_for(desk.ws, "intake", case.case_id).ref == target.ref
    assert ratings.target_for(desk.ws, "intake", target.ref).ref == target.ref
    with pytest.raises(NotFound):
        ratings.target_for(desk.ws, "consultation", "no-such-consultation")


def test_a_rating_is_kept_with_its_service_and_counted(desk):
    case = accepted(desk)
    result = ratings.rate(desk.ws, desk.handler, "intake", case.case_no, Level.VERY_SATISFIED)
    assert result.level is Level.VERY_SATISFIED and result.rectification_ticket_no is None
    row = rating_row(desk, result.rating_id)
    assert (row.level, row.channel, row.state, row.staff, row.window) == (
        5,
        "screen",
        "given",
        "clerk2",
        "综合窗口3",
    )
    assert row.rated_on == date(2026, 11, 24) and row.case_no == case.case_no
    with desk.ws.reading() as s:
        audit = s.scalars(select(AuditEntry).where(AuditEntry.action == "rating.give")).all()
    assert [a.target for a in audit] == [case.case_no]
    counts = ratings.my_rating_counts(desk.ws, desk.handler, date(2026, 11, 1), date(2026, 11, 30))
    assert counts.levels.given == 1 and counts.levels.by_level[Level.VERY_SATISFIED] == 1
    mine = ratings.my_rating_counts(desk.ws, desk.clerk, date(2026, 11, 1), date(2026, 11, 30))
    assert mine.levels.given == 0, "a staff member's counts are their own"


def test_a_service_is_rated_once(desk):
    case = accepted(desk)
    ratings.rate(desk.ws, desk.handler, "intake", case.case_no, 4)
    refused(
        desk,
        lambda: ratings.rate(desk.ws, desk.handler, "intake", case.case_id, 5),
        "ref",
        "本次服务已评价，不能再次评价（一次一评）",
    )
    other = accepted(desk, 2)
    ratings.record_unrated(desk.ws, desk.handler, "intake", other.case_no)
    refused(
        desk,
        lambda: ratings.rate(desk.ws, desk.handler, "intake", other.case_no, 5),
        "ref",
        "本次服务已记录为未评价，不能再评价（一次一评）",
    )
    refused(
        desk,
        lambda: ratings.record_unrated(desk.ws, desk.handler, "intake", other.case_no),
        "ref",
        "本次服务已记录为未评价，不能再评价（一次一评）",
    )


def test_a_supplement_visit_and_the_later_acceptance_are_two_visits(desk):
    ws = desk.ws
    draft = draft_for(ws, [FOOD])
    required = next(iter(draft.received))
    missing = draft.received.pop(required)
    asked = intake.request_supplement(ws, desk.handler, draft)
    first = ratings.rate(ws, desk.handler, "intake", asked.case_no, 3)
    assert rating_row(desk, first.rating_id).what.startswith("一次性告知补正：")
    desk.clock.advance(timedelta(days=1))
    intake.receive_supplement(ws, desk.clerk, asked.case_no, {required: missing})
    with ws.reading() as s:
        kinds = [
            e.kind
            for e in s.scalars(
                select(Event).where(Event.entity_id == asked.case_id).order_by(Event.hlc)
            )
        ]
    assert kinds[-1] == "case.supplement_received"
    second = ratings.rate(ws, desk.clerk, "intake", asked.case_no, 5)
    row = rating_row(desk, second.rating_id)
    assert row.staff == "clerk1" and row.what == "补正材料收齐：食品经营许可（新办）"


def test_every_kind_of_service_can_be_rated(desk):
    ws = desk.ws
    done = intake.complete_at_window(ws, desk.handler, draft_for(ws, [EMPLOYMENT]))
    immediate = ratings.rate(ws, desk.handler, "immediate", done.case_no, 5)
    assert rating_row(desk, immediate.rating_id).what == "即办办结：就业登记"
    handed = delivery.pickup_by_applicant(ws, desk.clerk, done.case_no, resident_id())
    target = ratings.target_for(ws, "delivery", done.case_no)
    assert target.staff == "clerk1" and target.what.startswith("出件：")
    ratings.rate(ws, desk.clerk, "delivery", target.ref, 4)
    assert handed is not None
    asked = consultations.log_consultation(ws, desk.clerk, ConsultationDraft(topic="社保缴费"))
    consult = ratings.rate(ws, desk.clerk, "consultation", asked, 5)
    assert rating_row(desk, consult.rating_id).what == "咨询：社保缴费"
    case = accepted(desk, 3)
    with pytest.raises(ValidationError, match="不是当场即办办结的办件"):
        ratings.rate(ws, desk.handler, "immediate", case.case_no, 5)


def test_a_bad_rating_opens_its_rectification_in_the_same_transaction(desk):
    case = accepted(desk)
    result = ratings.rate(
        desk.ws,
        desk.handler,
        "intake",
        case.case_no,
        Level.UNSATISFIED,
        reasons=["等候时间过长", "服务态度不好"],
        note="叫号后等了很久",
        rater_name="包海龙",
        rater_phone="13904751234",
    )
    assert result.rectification_ticket_no == "FK20261124-W01-0001"
    ticket = ticket_row(desk, result.rectification_ticket_no)
    assert (ticket.source, ticket.source_ref) == ("rating", result.rating_id)
    assert (ticket.ticket_class, ticket.staff, ticket.staff_name) == (
        "complaint",
        "clerk2",
        "刘海涛",
    )
    assert ticket.case_no == case.case_no and not ticket.anonymous
    assert ticket.due_date == date(2026, 12, 1), "5 working days after Tuesday 24 November"
    assert "等候时间过长、服务态度不好" in ticket.description
    assert "叫号后等了很久" in ticket.description
    row = rating_row(desk, result.rating_id)
    assert row.ticket_no == result.rectification_ticket_no
    assert row.reasons.split("\n") == ["等候时间过长", "服务态度不好"]
    with desk.ws.reading() as s:
        kinds = [e.kind for e in s.scalars(select(Event).order_by(Event.seq.desc()).limit(2))]
    assert kinds == ["rating.given", "ticket.registered"], "one transaction, the ticket first"


def test_the_rectification_period_is_the_halls_setting(desk):
    ratings.set_rating_settings(desk.ws, desk.admin, rectify=7)
    assert ratings.rectify_days(desk.ws) == 7
    result = ratings.rate(desk.ws, desk.handler, "intake", accepted(desk).case_no, 1)
    assert result.rectification_ticket_no is not None
    assert ticket_row(desk, result.rectification_ticket_no).due_date == date(2026, 12, 3)
    with pytest.raises(ValidationError, match="1–30"):
        ratings.set_rating_settings(desk.ws, desk.admin, rectify=0)
    with pytest.raises(PermissionDenied):
        ratings.set_rating_settings(desk.ws, desk.lead, rectify=5)


def test_the_reasons_are_the_halls_list(desk):
    assert ratings.bad_reasons(desk.ws)[0] == "等候时间过长"
    ratings.set_rating_settings(desk.ws, desk.admin, reasons=["排队太久", "态度差", "排队太久"])
    assert ratings.bad_reasons(desk.ws) == ["排队太久", "态度差"]
    case = accepted(desk)
    refused(
        desk,
        lambda: ratings.rate(
            desk.ws, desk.handler, "intake", case.case_no, 1, reasons=["等候时间过长"]
        ),
        "reasons",
        "差评原因「等候时间过长」不在原因列表中",
    )
    ratings.rate(desk.ws, desk.handler, "intake", case.case_no, 1, reasons=["态度差"])


def test_bad_input_is_refused_beside_its_field_and_writes_nothing(desk):
    ws, clerk = desk.ws, desk.handler
    number = accepted(desk).case_no

    def rate(**kw):  # type: ignore[no-untyped-def]
        level = kw.pop("level", 5)
        return lambda: ratings.rate(ws, clerk, "intake", number, level, **kw)

    levels = "请选择评价等级：非常满意、满意、基本满意、不满意或非常不满意"
    for bad in (0, 6, True, "5", None):
        refused(desk, rate(level=bad), "level", levels)
    proxy = "窗口代录须写明原因（如：申请人请求协助），至少 4 个字"
    refused(desk, rate(channel="proxy"), "proxy_reason", proxy)
    refused(desk, rate(channel="proxy", proxy_reason="帮忙"), "proxy_reason", proxy)
    refused(desk, rate(channel="kiosk"), "channel", "评价渠道应为评价屏、窗口代录或二维码/线上")
    refused(desk, rate(level=1, reasons=["太热了"]), "reasons", "差评原因「太热了」不在原因列表中")
    refused(desk, rate(reasons=["等候时间过长"]), "reasons", "只有不满意、非常不满意需要选择原因")
    with pytest.raises(ValidationErrors) as caught:
        rate(rater_name="包海龙", rater_phone="12345")()
    assert [e.field for e in caught.value.errors] == ["rater_phone"]
    both = "实名评价请同时填写姓名和联系电话（或都不填）"
    refused(desk, rate(rater_name="包海龙"), "rater_phone", both)
    refused(desk, rate(rater_phone="13904751234"), "rater_name", both)
    with pytest.raises(ValidationErrors) as caught:
        rate(note="意见\x00")()
    assert [e.field for e in caught.value.errors] == ["note"]
    with pytest.raises(ValidationError, match="评价对象应为"):
        ratings.rate(ws, clerk, "visit", number, 5)
    with pytest.raises(NotFound):
        ratings.rate(ws, clerk, "intake", "20261124-W01-9999", 5)
    # What was refused left the record open: it can still be rated, by proxy with a reason.
    done = ratings.rate(
        ws, clerk, "intake", number, 4, channel="proxy", proxy_reason="申请人请求协助录入"
    )
    assert rating_row(desk, done.rating_id).proxy_reason == "申请人请求协助录入"


def test_a_posted_result_is_not_rated_at_a_window(desk):
    ws = desk.ws
    router = users.create_user(ws, desk.admin, "router", "赵志刚", Role.ROUTER, STAFF_PASSWORD, "")
    done = accepted(desk)
    to_delivery(ws, router, MARKET, done.case_no, on=date(2026, 11, 24))
    delivery.mail(
        ws,
        desk.clerk,
        done.case_no,
        delivery.MailDraft(
            recipient="包海龙",
            phone="13904751234",
            address="内蒙古通辽市科尔沁左翼中旗保康镇团结路88号",
            carrier="EMS",
            tracking_no="EA123456789CN",
        ),
    )
    with pytest.raises(ValidationError, match="邮寄送达的出件不在窗口评价"):
        ratings.rate(ws, desk.clerk, "delivery", done.case_no, 5)


def test_who_may_rate_and_who_may_see_the_rater(desk):
    ws = desk.ws
    router = users.create_user(ws, desk.admin, "router", "赵志刚", Role.ROUTER, STAFF_PASSWORD, "")
    case = accepted(desk)
    with pytest.raises(PermissionDenied):
        ratings.rate(ws, router, "intake", case.case_no, 5)
    with pytest.raises(PermissionDenied):
        ratings.rate(ws, desk.handler, "intake", case.case_no, 5, channel="imported")
    result = ratings.rate(
        ws, desk.handler, "intake", case.case_no, 2, rater_name="包海龙", rater_phone="13904751234"
    )
    with ws.reading() as s:
        payloads = [
            e.payload for e in s.scalars(select(Event).where(Event.entity_type == "rating"))
        ]
    assert payloads and all("13904751234" not in p and "包海龙" not in p for p in payloads)
    [view] = ratings.ratings_between(ws, desk.lead, date(2026, 11, 24), date(2026, 11, 24))
    assert view.rater_masked == "包** 139****1234"
    with pytest.raises(PermissionDenied):
        ratings.reveal_rater(ws, desk.handler, result.rating_id)
    with pytest.raises(PermissionDenied):
        ratings.ratings_between(ws, desk.handler, date(2026, 11, 24), date(2026, 11, 24))
    [mine] = ratings.my_bad_ratings(ws, desk.handler, date(2026, 11, 24), date(2026, 11, 24))
    assert mine.rater_masked == "" and mine.ticket_no == result.rectification_ticket_no
    assert ratings.reveal_rater(ws, desk.lead, result.rating_id, "回访") == (
        "包海龙",
        "13904751234",
    )
    with ws.reading() as s:
        [entry] = s.scalars(select(AuditEntry).where(AuditEntry.action == "pii.unmask")).all()
    assert entry.actor == "lead1" and "13904751234" not in (entry.detail or "")


def test_an_appeal_by_the_staff_member_reviewed_by_another_lead(desk):
    ws = desk.ws
    case = accepted(desk)
    bad = ratings.rate(ws, desk.handler, "intake", case.case_no, 1).rating_id
    good = ratings.rate(ws, desk.handler, "intake", accepted(desk, 2).case_no, 5).rating_id
    with pytest.raises(PermissionDenied):
        ratings.appeal(ws, desk.clerk, bad, "申请人材料不全已一次性告知")
    with pytest.raises(ValidationError, match="只有差评"):
        ratings.appeal(ws, desk.handler, good, "申请人材料不全已一次性告知")
    with pytest.raises(ValidationError, match="申诉理由"):
        ratings.appeal(ws, desk.handler, bad, "冤枉")
    assert ratings.appeal(ws, desk.handler, bad, "申请人材料不全，已按规定一次性告知") is (
        AppealState.PENDING
    )
    with pytest.raises(ValidationError, match="已申诉过"):
        ratings.appeal(ws, desk.handler, bad, "申请人材料不全，已按规定一次性告知")
    assert [v.rating_id for v in ratings.pending_appeals(ws, desk.lead)] == [bad]
    with pytest.raises(PermissionDenied):
        ratings.review(ws, desk.handler, bad, True, "本人复核本人申诉")
    assert ratings.review(ws, desk.lead, bad, True, "调取录像核实，窗口按规定告知") is (
        AppealState.UPHELD
    )
    with pytest.raises(ValidationError, match="没有待复核的申诉"):
        ratings.review(ws, desk.lead2, bad, False, "再次复核一下")
    figures = ratings.rating_figures(ws, date(2026, 11, 24), date(2026, 11, 24))
    # The raw counts keep the upheld 差评; the rate after appeals leaves it out of both sides.
    assert (figures.given, figures.bad, figures.upheld) == (2, 1, 1)
    assert figures.levels.bad_rate.text == "50.0%（1/2）"
    assert figures.levels.bad_rate_after_appeals.text == "0.0%（0/1）"
    mine = ratings.my_rating_counts(ws, desk.handler, date(2026, 11, 24), date(2026, 11, 24))
    assert mine.levels.bad_rate_after_appeals.text == "0.0%（0/1）"


def test_a_lead_rated_is_reviewed_by_another_lead(desk):
    ws = desk.ws
    draft = draft_for(ws, [FOOD])
    case = intake.accept(ws, desk.lead, draft)
    bad = ratings.rate(ws, desk.lead, "intake", case.case_no, 2).rating_id
    ratings.appeal(ws, desk.lead, bad, "申请人要求不符合法定条件")
    with pytest.raises(ValidationError, match="复核须由申诉人以外的班组长进行"):
        ratings.review(ws, desk.lead, bad, True, "本人复核本人申诉")
    assert ratings.review(ws, desk.lead2, bad, False, "差评属实，须整改") is AppealState.REJECTED


def test_an_appeal_is_within_three_working_days(desk):
    ws = desk.ws
    bad = ratings.rate(ws, desk.handler, "intake", accepted(desk).case_no, 1).rating_id
    # Tuesday 24 November: the third working day after is Friday 27 November.
    desk.clock.set(datetime(2026, 11, 30, 9, 0))  # Monday: the fourth
    refused(
        desk,
        lambda: ratings.appeal(ws, desk.handler, bad, "申请人材料不全，已一次性告知"),
        "rating",
        "申诉期限为评价后 3 个工作日（至 2026-11-27），已过期",
    )
    desk.clock.set(datetime(2026, 11, 27, 16, 0))
    assert ratings.appeal(ws, desk.handler, bad, "申请人材料不全，已一次性告知")


def test_pending_targets_are_this_clerks_unrated_services_of_today(desk):
    ws = desk.ws
    first = accepted(desk, 1)
    desk.clock.advance(timedelta(minutes=5))
    second = accepted(desk, 2)
    desk.clock.advance(timedelta(minutes=5))
    asked = consultations.log_consultation(ws, desk.handler, ConsultationDraft(topic="办理时限"))
    intake.accept(ws, desk.clerk, draft_for(ws, [FOOD], person(resident_id(seq="555"))))
    pending = ratings.pending_targets(ws, desk.handler)
    assert [t.what for t in pending] == [
        "咨询：办理时限",
        "受理：食品经营许可（新办）",
        "受理：食品经营许可（新办）",
    ]
    assert [t.case_no for t in pending[1:]] == [second.case_no, first.case_no]
    ratings.rate(ws, desk.handler, "consultation", asked, 5)
    ratings.record_unrated(ws, desk.handler, "intake", first.case_no)
    assert [t.case_no for t in ratings.pending_targets(ws, desk.handler)] == [second.case_no]
    desk.clock.advance(timedelta(days=1))
    assert ratings.pending_targets(ws, desk.handler) == [], "yesterday's services are not asked"


def test_a_rebuild_gives_the_same_ratings(desk):
    ws = desk.ws
    ratings.rate(ws, desk.handler, "intake", accepted(desk).case_no, 1, reasons=["其他"])
    ratings.record_unrated(ws, desk.handler, "intake", accepted(desk, 2).case_no)

    def rows():  # type: ignore[no-untyped-def]
        with ws.reading() as s:
            return sorted(
                json.dumps(
                    {c.name: str(getattr(r, c.name)) for c in RatingRow.__table__.columns},
                    ensure_ascii=False,
                )
                for r in s.scalars(select(RatingRow))
            )

    before = rows()
    with ws.db.write() as s:
        projections.rebuild_all(s, ws.key.event_key)
    assert rows() == before and len(before) == 2


def test_a_second_rating_of_one_record_folded_later_is_a_duplicate(desk):
    """Two workstations rating one visit before they meet: the fold keeps the earliest."""
    ws = desk.ws
    case = accepted(desk)
    first = ratings.rate(ws, desk.handler, "intake", case.case_no, 5).rating_id
    target = ratings.target_for(ws, "intake", case.case_no)
    # The other workstation's event, as a pull would apply it: same record, later clock.
    with ws.transaction(Actor("clerk1", "王晓燕", Role.CLERK)) as tx:
        values = {
            **ratings._base_values(tx, target, ratings.RatingState.GIVEN),
            "level": 1,
            "channel": "screen",
        }
        tx.emit("rating.given", "rating", "00000000-0000-4000-8000-000000000002", {"set": values})
    assert rating_row(desk, first).duplicate_of == ""
    assert rating_row(desk, "00000000-0000-4000-8000-000000000002").duplicate_of == first
    figures = ratings.rating_figures(ws, date(2026, 11, 24), date(2026, 11, 24))
    assert (figures.given, figures.bad, figures.duplicates) == (1, 0, 1)


def test_ratings_folded_together_are_rated_once_and_number_their_tickets_on(desk):
    """A bulk path rates a day's services in one transaction folded at its end: a second
    rating of a record rated in it is refused before any row is folded, and two 差评 tickets
    of the transaction take two numbers."""
    first, second, third = accepted(desk, 1), accepted(desk, 2), accepted(desk, 3)
    messages = []
    with desk.ws.transaction(desk.handler) as tx, tx.folding_together():
        ratings.read_ahead(tx, [(RatedKind.INTAKE, c.case_no) for c in (first, second)])
        bad = ratings.rate_in(tx, "intake", first.case_no, 1, reasons=["等候时间过长"])
        ratings.unrated_in(tx, "intake", second.case_no)
        worse = ratings.rate_in(tx, "intake", third.case_no, 2, reasons=["服务态度不好"])
        with desk.ws.reading() as s:  # nothing folded yet
            assert s.scalar(select(func.count()).select_from(RatingRow)) == 0
        for case in (first, second, third):
            with pytest.raises(ValidationError) as caught:
                ratings.rate_in(tx, "intake", case.case_id, 5)
            messages.append(caught.value.message)
    assert messages == [
        "本次服务已评价，不能再次评价（一次一评）",
        "本次服务已记录为未评价，不能再评价（一次一评）",
        "本次服务已评价，不能再次评价（一次一评）",
    ]
    assert (bad.rectification_ticket_no, worse.rectification_ticket_no) == (
        "FK20261124-W01-0001",
        "FK20261124-W01-0002",
    )
    with desk.ws.reading() as s:
        states = sorted(s.scalars(select(RatingRow.state)))
        numbers = sorted(s.scalars(select(TicketRow.ticket_no)))
    assert states == ["given", "given", "unrated"]
    assert numbers == ["FK20261124-W01-0001", "FK20261124-W01-0002"]
