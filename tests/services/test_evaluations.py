"""绩效考评: every point recounted from its evidence; refusals; review, publication, 复核."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from sqlalchemy import text

from hall_desk.domain.errors import PermissionDenied, ValidationError
from hall_desk.domain.evaluation import DEFAULT_SCHEME, EvidenceKind, SheetState
from hall_desk.domain.roles import Actor
from hall_desk.services import consultations, evaluations, inspections, meetings, ratings, tickets
from hall_desk.services.consultations import ConsultationDraft
from hall_desk.services.demo import generate
from hall_desk.services.evaluations import sheet_id
from hall_desk.services.inspections import CheckEntry, InspectionDraft
from hall_desk.services.meetings import AttendeeEntry, MeetingDraft
from hall_desk.services.tickets import TicketDraft
from hall_desk.store import projections
from tests.services import staff_helpers
from tests.services.staff_helpers import Hall
from tests.services.tickets_helpers import checked_the_old_way

hall = staff_helpers.hall
MONTH = "2026-11"


def complaint_about(h: Hall, who: str, day: date, finding: str = "substantiated") -> str:
    """A complaint naming `who`, taken through to 结果核查 on `day` with `finding` ("" as a
    complaint checked before findings were recorded); returns its id."""
    h.at(day, 9)
    draft = TicketDraft(
        ticket_class="complaint",
        channel="window",
        description="窗口工作人员态度生硬，推诿不办",
        reporter_name="包海龙",
        phone="13904751234",
        staff=who,
        tier="complex",
    )
    result = tickets.register(h.ws, h.lead, draft)
    tickets.analyse(h.ws, h.lead, result.ticket_no, "服务意识不强")
    tickets.dispatch(h.ws, h.lead, result.ticket_no, "person", "clerk2")
    tickets.answer(h.ws, h.clerk2, result.ticket_no, "已当面致歉并办结", "phone")
    if finding:
        tickets.check(h.ws, h.lead, result.ticket_no, "核查属实", "satisfied", finding=finding)
    else:
        checked_the_old_way(h.ws, h.lead, result.ticket_no)
    return result.ticket_id


def praise_for(h: Hall, who: str, day: date) -> str:
    h.at(day, 9)
    draft = TicketDraft(
        ticket_class="praise",
        channel="window",
        description="耐心细致，帮老人全程代办",
        reporter_name="包海龙",
        phone="13904751234",
        staff=who,
        tier="on_the_spot",
    )
    return tickets.register(h.ws, h.lead, draft).ticket_id


def absent_from_morning_meeting(h: Hall, who: str, day: date) -> str:
    held = h.at(day)
    h.at(day, 17, 0)
    return meetings.record(
        h.ws,
        h.lead,
        MeetingDraft(
            held_at=held,
            host="lead1",
            attendees=[AttendeeEntry(who, "absent", reason="未请假未到会")],
            topics="今日工作安排",
        ),
    )


def sheet(h: Hall, who: str = "clerk1") -> evaluations.SheetView:
    return evaluations.sheet_of(h.ws, h.lead, MONTH, who)


def test_base_100_minus_a_complaint_three_absences_plus_praise_is_92(hall):
    complaint_about(hall, "clerk1", date(2026, 11, 10))
    for day in (date(2026, 11, 3), date(2026, 11, 4), date(2026, 11, 5)):
        absent_from_morning_meeting(hall, "clerk1", day)
    praise_for(hall, "clerk1", date(2026, 11, 20))
    # Evidence outside the month counts nowhere.
    complaint_about(hall, "clerk1", date(2026, 10, 30))
    hall.at(date(2026, 11, 30), 17)
    assert evaluations.compute_month(hall.ws, hall.lead, MONTH) == 3  # clerk1, clerk2, router
    mine = sheet(hall)
    assert mine.total == 92 and mine.grade == "合格"
    assert dict((n, v) for n, _m, v in mine.items) == {
        "工作态度": 20,
        "执行纪律": 19,
        "行为规范": 20,
        "业务办理量": 20,
        "投诉情况": 10,
    }
    assert mine.bonus == 3
    kinds = sorted((line.kind.value, line.points) for line in mine.lines)
    assert kinds == [
        ("complaint", -5),
        ("meeting_absent", -2),
        ("meeting_absent", -2),
        ("meeting_absent", -2),
        ("praise", 3),
    ]
    # Recounted by hand from the tables the evidence lives in.
    with hall.ws.reading() as s:
        complaints = s.scalar(
            text(
                "SELECT count(*) FROM tickets WHERE ticket_class = 'complaint'"
                " AND source = 'desk' AND finding <> 'unfounded'"
                " AND staff = 'clerk1' AND checked_on BETWEEN '2026-11-01' AND '2026-11-30'"
            )
        )
        absences = s.scalar(
            text(
                "SELECT count(*) FROM meeting_attendance WHERE username = 'clerk1'"
                " AND status = 'absent' AND held_on BETWEEN '2026-11-01' AND '2026-11-30'"
            )
        )
        praise = s.scalar(
            text(
                "SELECT count(*) FROM tickets WHERE ticket_class = 'praise' AND staff = 'clerk1'"
                " AND received_on BETWEEN '2026-11-01' AND '2026-11-30'"
            )
        )
    assert 100 - 5 * complaints - 2 * absences + 3 * praise == mine.total
    # Ranked: the others have no deductions (100); clerk1 is last, in the first month at the bottom.
    assert (mine.rank, mine.of, mine.bottom_months) == (3, 3, 1)
    assert sheet(hall, "clerk2").rank == 1 and sheet(hall, "clerk2").standout


def test_only_substantiated_and_partly_substantiated_complaints_deduct(hall):
    true = complaint_about(hall, "clerk1", date(2026, 11, 9), "substantiated")
    partly = complaint_about(hall, "clerk1", date(2026, 11, 10), "partly")
    complaint_about(hall, "clerk1", date(2026, 11, 11), "unfounded")
    old = complaint_about(hall, "clerk1", date(2026, 11, 12), "")
    hall.at(date(2026, 11, 30), 17)
    evaluations.compute_month(hall.ws, hall.lead, MONTH)
    mine = sheet(hall)
    lines = {line.ref: line for line in mine.lines if line.kind is EvidenceKind.COMPLAINT}
    assert set(lines) == {true, partly, old}  # 不属实 counts nothing
    assert "（属实）" in lines[true].text and "（部分属实）" in lines[partly].text
    assert "（未记核查结论，按属实计）" in lines[old].text
    with hall.ws.reading() as s:
        findings = dict(
            s.execute(
                text(
                    "SELECT finding, count(*) FROM tickets WHERE ticket_class = 'complaint'"
                    " AND staff = 'clerk1' AND checked_on BETWEEN '2026-11-01' AND '2026-11-30'"
                    " GROUP BY finding"
                )
            ).all()
        )
    assert findings == {"substantiated": 1, "partly": 1, "unfounded": 1, "": 1}
    counted = findings["substantiated"] + findings["partly"] + findings[""]
    assert dict((n, v) for n, _m, v in mine.items)["投诉情况"] == 15 - 5 * counted
    assert mine.total == 100 - 5 * counted
    # A rebuild from the events gives the same findings (the old check's stays "").
    with hall.ws.db.write() as s:
        projections.rebuild_all(s, hall.ws.key.event_key)
    with hall.ws.reading() as s:
        again = dict(s.execute(text("SELECT id, finding FROM tickets")).all())
    assert again[true] == "substantiated" and again[partly] == "partly" and again[old] == ""


def test_deductions_worth_130_in_one_item_floor_at_zero(hall):
    body = DEFAULT_SCHEME.to_json()
    body["rules"]["complaint"] = ["投诉情况", -65]
    scheme = evaluations.save_scheme(hall.ws, hall.admin, body)
    assert scheme.version == 2
    complaint_about(hall, "clerk1", date(2026, 11, 10))
    complaint_about(hall, "clerk1", date(2026, 11, 12))
    hall.at(date(2026, 11, 30), 17)
    evaluations.compute_month(hall.ws, hall.lead, MONTH)
    mine = sheet(hall)
    assert sum(line.points for line in mine.lines) == -130
    assert dict((n, v) for n, _m, v in mine.items)["投诉情况"] == 0  # not 15 − 130
    assert mine.total == 85 and mine.scheme_version == 2
    # Version 1 (the default the hall started with) is still there, unchanged.
    assert evaluations.scheme_version(hall.ws, 1).rules[EvidenceKind.COMPLAINT].points == -5


def test_a_scheme_whose_maxima_do_not_add_up_is_refused(hall):
    body = DEFAULT_SCHEME.to_json()
    body["items"][0] = ["工作态度", 25]
    with pytest.raises(ValidationError, match="各考评项目满分之和为 105，与方案总分 100 不符"):
        evaluations.save_scheme(hall.ws, hall.admin, body)
    with pytest.raises(PermissionDenied):
        evaluations.save_scheme(hall.ws, hall.lead, DEFAULT_SCHEME.to_json())
    assert evaluations.current_scheme(hall.ws).version == 1


def test_workload_equals_a_direct_sql_count_of_the_persons_work(tmp_path):
    h = staff_helpers.open_hall(tmp_path / "home")
    try:
        generate(h.ws, days=12, per_day=10, seed=5, end=date(2026, 11, 27))
        h.at(date(2026, 11, 30), 17)
        body = DEFAULT_SCHEME.to_json()
        body["workload_target"] = 400
        evaluations.save_scheme(h.ws, h.admin, body)
        evaluations.compute_month(h.ws, h.lead, MONTH)
        views = {v.staff: v for v in evaluations.sheets(h.ws, h.lead, MONTH)}
        with h.ws.reading() as s:
            for who in ("clerk1", "clerk2", "clerk3", "router"):
                args = {"who": who, "a": "2026-11-01", "b": "2026-11-30"}
                direct = sum(
                    int(s.scalar(text(sql), args) or 0)
                    for sql in (
                        "SELECT count(*) FROM cases WHERE clerk = :who"
                        " AND created_on BETWEEN :a AND :b",
                        "SELECT count(*) FROM consultations WHERE clerk = :who"
                        ' AND "on" BETWEEN :a AND :b',
                        "SELECT count(*) FROM deliveries WHERE clerk = :who"
                        ' AND "on" BETWEEN :a AND :b',
                        "SELECT count(*) FROM handoffs WHERE recorded_by = :who"
                        ' AND "on" BETWEEN :a AND :b',
                    )
                )
                assert views[who].workload == direct, who
                expected = round(20 * min(1, direct / 400))
                assert dict((n, v) for n, _m, v in views[who].items)["业务办理量"] == expected
        assert views["clerk1"].workload > 0 and views["router"].workload > 0
    finally:
        h.ws.close()


def test_manual_adjustments_need_a_reason_stay_in_the_month_and_never_count_twice(hall):
    ticket = complaint_about(hall, "clerk1", date(2026, 11, 10))
    old = complaint_about(hall, "clerk1", date(2026, 10, 28))
    hall.at(date(2026, 11, 30), 17)
    evaluations.compute_month(hall.ws, hall.lead, MONTH)
    sid = sheet_id(MONTH, "clerk1")
    with pytest.raises(ValidationError, match="人工调整须写明理由"):
        evaluations.adjust(hall.ws, hall.lead, sid, "工作态度", -2, "")
    with pytest.raises(ValidationError, match="同一依据不能重复计分"):
        evaluations.adjust(hall.ws, hall.lead, sid, "投诉情况", -5, "再扣一次", ticket)
    with pytest.raises(ValidationError, match="不在考评月份 2026-11 内"):
        evaluations.adjust(hall.ws, hall.lead, sid, "工作态度", -2, "上月投诉补扣", old)
    with pytest.raises(ValidationError, match="超过满分"):
        evaluations.adjust(hall.ws, hall.lead, sid, "工作态度", 1, "表现突出多加一分")
    # The complaint may count in another item once, with a reason; the total follows.
    assert (
        evaluations.adjust(hall.ws, hall.lead, sid, "工作态度", -2, "服务态度差被投诉", ticket)
        == 93
    )
    mine = sheet(hall)
    [manual] = [line for line in mine.lines if line.manual]
    assert (manual.kind_label, manual.text, manual.ref_no[:2]) == (
        "人工调整",
        "服务态度差被投诉",
        "FK",
    )
    # Recomputing keeps the manual line and does not count the complaint twice in its item.
    evaluations.compute_month(hall.ws, hall.lead, MONTH)
    assert sheet(hall).total == 93


def test_review_publish_respond_and_only_a_review_record_changes_a_published_sheet(hall):
    complaint_about(hall, "clerk1", date(2026, 11, 10))
    hall.at(date(2026, 11, 30), 17)
    evaluations.compute_month(hall.ws, hall.lead, MONTH)
    sid = sheet_id(MONTH, "clerk1")
    with pytest.raises(ValidationError, match="尚有未审核的考评表"):
        evaluations.publish_month(hall.ws, hall.lead, MONTH)
    evaluations.check_month(hall.ws, hall.lead, MONTH)
    respond_by = evaluations.publish_month(hall.ws, hall.lead, MONTH)
    assert respond_by == date(2026, 12, 3)  # 3 working days after Monday 30 November
    with pytest.raises(ValidationError, match="只能通过复核记录更改"):
        evaluations.compute_month(hall.ws, hall.lead, MONTH)
    with pytest.raises(ValidationError, match="须登记复核记录"):
        evaluations.adjust(hall.ws, hall.lead, sid, "工作态度", -2, "发布后再扣分")
    # The staff member sees only their own published sheet, and answers it themselves.
    assert [v.staff for v in evaluations.sheets(hall.ws, hall.clerk, MONTH)] == ["clerk1"]
    with pytest.raises(PermissionDenied):
        evaluations.confirm(hall.ws, hall.clerk2, sid)
    hall.at(date(2026, 12, 2), 9)
    evaluations.object_to(hall.ws, hall.clerk, sid, "投诉所述情况与事实不符，有录像为证")
    assert sheet(hall).state is SheetState.OBJECTED
    # The lead re-examines it: a 复核 record with who, why, before and after.
    assert (
        evaluations.record_review(
            hall.ws, hall.lead, sid, "投诉情况", 5, "调阅录像，投诉不属实，撤销扣分"
        )
        == 100
    )
    [review] = sheet(hall).reviews
    assert (review.by, review.before, review.after, review.points) == ("lead1", 95, 100, 5)
    with hall.ws.db.write() as s:
        projections.rebuild_all(s, hall.ws.key.event_key)
    again = sheet(hall)
    assert again.total == 100 and len(again.reviews) == 1 and again.state is SheetState.OBJECTED


def test_staff_answer_within_three_working_days(hall):
    hall.at(date(2026, 11, 30), 17)
    evaluations.compute_month(hall.ws, hall.lead, MONTH)
    evaluations.check_month(hall.ws, hall.lead, MONTH)
    evaluations.publish_month(hall.ws, hall.lead, MONTH)
    hall.at(date(2026, 12, 3) + timedelta(days=1), 9)
    with pytest.raises(ValidationError, match="确认期限已过（应在 2026-12-03 前确认或提出异议）"):
        evaluations.confirm(hall.ws, hall.clerk, sheet_id(MONTH, "clerk1"))
    hall.at(date(2026, 12, 3), 9)
    evaluations.confirm(hall.ws, hall.clerk2, sheet_id(MONTH, "clerk2"))
    assert sheet(hall, "clerk2").state is SheetState.CONFIRMED


def test_inspection_findings_count_by_severity(hall):
    day = date(2026, 11, 16)
    at = hall.at(day, 10)
    hall.at(day, 11, 0)
    inspections.record(
        hall.ws,
        hall.lead,
        InspectionDraft(
            inspected_at=at,
            inspectors=["lead1"],
            area="综合受理区",
            items=[
                CheckEntry(
                    "conduct",
                    "在岗在位，无脱岗串岗",
                    False,
                    "离岗二十分钟",
                    "clerk2",
                    "",
                    "serious",
                    day,
                ),
                CheckEntry(
                    "conduct",
                    "仪容仪表规范、佩戴工牌",
                    False,
                    "未佩戴工牌",
                    "clerk2",
                    "",
                    "minor",
                    day,
                ),
            ],
        ),
    )
    hall.at(date(2026, 11, 30), 17)
    evaluations.compute_month(hall.ws, hall.lead, MONTH)
    theirs = sheet(hall, "clerk2")
    assert dict((n, v) for n, _m, v in theirs.items)["行为规范"] == 3  # 20 − 15 − 2
    assert theirs.total == 83


def _rated(h: Hall, who: Actor, day: date, level: int) -> str:
    h.at(day, 10)
    consulted = consultations.log_consultation(h.ws, who, ConsultationDraft(topic="社保卡补办"))
    return ratings.rate(h.ws, who, "consultation", consulted, level).rating_id


def test_a_bad_rating_counts_unless_its_appeal_is_upheld_and_its_rectification_is_no_complaint(
    hall,
):
    standing = _rated(hall, hall.clerk, date(2026, 11, 10), 1)
    appealed = _rated(hall, hall.clerk, date(2026, 11, 16), 2)
    _rated(hall, hall.clerk, date(2026, 11, 17), 5)
    _rated(hall, hall.clerk, date(2026, 10, 29), 1)  # last month: counts nowhere here
    hall.at(date(2026, 11, 17), 11)
    ratings.appeal(hall.ws, hall.clerk, appealed, "当日系统故障，排队非本人原因")
    ratings.review(hall.ws, hall.lead, appealed, True, "经核实系统故障属实")
    # The standing 差评's 整改 ticket is worked through to 结果核查 like a complaint.
    with hall.ws.reading() as s:
        ticket_no = s.scalar(text(f"SELECT ticket_no FROM ratings WHERE id = '{standing}'"))
    tickets.analyse(hall.ws, hall.lead, ticket_no, "核实属实")
    tickets.dispatch(hall.ws, hall.lead, ticket_no, "person", "clerk2")
    tickets.answer(hall.ws, hall.clerk2, ticket_no, "已致歉", "phone")
    tickets.check(hall.ws, hall.lead, ticket_no, "整改到位")
    hall.at(date(2026, 11, 30), 17)
    evaluations.compute_month(hall.ws, hall.lead, MONTH)
    mine = sheet(hall)
    kinds = sorted((line.kind.value, line.points) for line in mine.lines)
    assert kinds == [("rating_upheld", -5)], "one 差评 stands; its 整改 ticket is not a complaint"
    with hall.ws.reading() as s:
        counted = s.scalar(
            text(
                "SELECT count(*) FROM ratings WHERE staff = 'clerk1' AND state = 'given'"
                " AND level <= 2 AND duplicate_of = '' AND appeal_state <> 'upheld'"
                " AND rated_on BETWEEN '2026-11-01' AND '2026-11-30'"
            )
        )
    assert counted == 1 and mine.total == 100 - 5 * counted


def test_a_month_is_not_published_while_a_bad_rating_may_still_be_taken_out(hall):
    late = _rated(hall, hall.clerk, date(2026, 11, 26), 1)  # window to Tuesday 1 December
    waiting = _rated(hall, hall.clerk2, date(2026, 11, 10), 2)
    old = _rated(hall, hall.clerk, date(2026, 11, 3), 1)  # window long past, not appealed
    hall.at(date(2026, 11, 11), 9)
    ratings.appeal(hall.ws, hall.clerk2, waiting, "当日系统故障，排队非本人原因")
    hall.at(date(2026, 11, 30), 17)
    evaluations.compute_month(hall.ws, hall.lead, MONTH)
    evaluations.check_month(hall.ws, hall.lead, MONTH)
    with hall.ws.reading() as s:
        numbers = dict(s.execute(text("SELECT id, ticket_no FROM ratings")).all())
    before = hall.counts()
    with pytest.raises(ValidationError) as refused:
        evaluations.publish_month(hall.ws, hall.lead, MONTH)
    message = refused.value.message
    assert refused.value.field == "month"
    assert message.startswith("考评结果可能还会变化，暂不能发布：")
    assert f"刘海涛的差评 {numbers[waiting]}（11-10）申诉待复核" in message
    assert f"王晓燕的差评 {numbers[late]}（11-26）仍在申诉期内（至 2026-12-01）" in message
    assert numbers[old] not in message
    assert hall.counts() == before
    # Recounted by hand: the sheets that hold the month back.
    with hall.ws.reading() as s:
        pending = s.scalar(
            text(
                "SELECT count(*) FROM ratings WHERE appeal_state = 'pending' AND level <= 2"
                " AND rated_on BETWEEN '2026-11-01' AND '2026-11-30'"
            )
        )
        unappealed = s.execute(
            text(
                "SELECT rated_on FROM ratings WHERE appeal_state = '' AND level <= 2"
                " AND state = 'given' AND rated_on BETWEEN '2026-11-01' AND '2026-11-30'"
            )
        ).all()
    assert pending == 1 and message.count("申诉待复核") == pending
    assert len(unappealed) == 2 and message.count("仍在申诉期内") == 1  # 11-03 is long past
    # Decided, and a day past the last window: the month publishes.
    ratings.review(hall.ws, hall.lead, waiting, False, "经核实非系统原因")
    with pytest.raises(ValidationError, match="仍在申诉期内"):
        evaluations.publish_month(hall.ws, hall.lead, MONTH)
    hall.at(date(2026, 12, 2), 9)
    evaluations.publish_month(hall.ws, hall.lead, MONTH)
    assert sheet(hall).state is SheetState.PUBLISHED
