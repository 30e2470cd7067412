"""办不成事 / 投诉 / 建议 / 咨询 / 表扬 tickets: each step an event, each rule refused in words."""

from __future__ import annotations

import json
from datetime import date, datetime, timedelta

import pytest
from sqlalchemy import select

from hall_desk.domain.errors import PermissionDenied, ValidationError, ValidationErrors
from hall_desk.domain.tickets import Step, TicketState
from hall_desk.services import settings, ticket_views, tickets
from hall_desk.services.ticket_views import TicketFilter
from hall_desk.store import projections
from hall_desk.store.models import AuditEntry, Event
from hall_desk.store.models_tickets import TicketRow, TicketStepRow
from tests.services import tickets_helpers
from tests.services.tickets_helpers import START, Desk, complaint

desk = tickets_helpers.desk


def refused(desk: Desk, call, field: str, message: str) -> None:  # type: ignore[no-untyped-def]
    """The call is refused on `field` with exactly `message`, and nothing is written."""
    before = desk.counts()
    with pytest.raises((ValidationError, ValidationErrors)) as caught:
        call()
    found = caught.value.errors if isinstance(caught.value, ValidationErrors) else [caught.value]
    assert (field, message) in [(e.field, e.message) for e in found], found
    assert desk.counts() == before


def row_of(desk: Desk, number: str) -> TicketRow:
    with desk.ws.reading() as s:
        row = s.scalars(select(TicketRow).where(TicketRow.ticket_no == number)).one()
        s.expunge(row)
        return row


def at(desk: Desk, day: date, hour: int = 10) -> None:
    desk.clock.set(datetime.combine(day, datetime.min.time()).replace(hour=hour))


def test_registering_numbers_the_ticket_and_computes_the_deadline_once(desk):
    result = tickets.register(desk.ws, desk.clerk, complaint())
    assert result.ticket_no == "FK20261124-W01-0001"
    assert result.due_date == date(2026, 12, 1)  # 5 working days after Tuesday 24 November
    second = tickets.register(desk.ws, desk.clerk, complaint(tier="special"))
    assert second.ticket_no == "FK20261124-W01-0002"
    assert second.due_date == date(2026, 12, 8)
    same_day = tickets.register(desk.ws, desk.clerk, complaint(tier="on_the_spot"))
    assert same_day.due_date == date(2026, 11, 24)
    row = row_of(desk, result.ticket_no)
    assert row.staff_name == "刘海涛" and row.window == "综合窗口3"
    assert row.phone_masked == "139****1234"
    with desk.ws.reading() as s:
        payloads = [
            e.payload for e in s.scalars(select(Event).where(Event.kind == "ticket.registered"))
        ]
        audit = s.scalars(select(AuditEntry).where(AuditEntry.action == "ticket.register")).all()
    assert payloads and all("13904751234" not in p for p in payloads)
    assert desk.ws.key.decrypt("phone", row.phone_cipher) == "13904751234"
    assert [a.target for a in audit] == [
        "FK20261124-W01-0001",
        "FK20261124-W01-0002",
        "FK20261124-W01-0003",
    ]


def test_the_whole_way_from_registration_to_the_archive(desk):
    ws = desk.ws
    number = tickets.register(ws, desk.clerk, complaint()).ticket_no
    tickets.analyse(ws, desk.clerk, number, "窗口对变更登记材料要求理解不一致")
    tickets.dispatch(ws, desk.clerk, number, "person", "clerk2", "请两日内联系反映人")
    desk.clock.advance(timedelta(hours=2))
    tickets.progress(ws, desk.handler, number, "已电话联系反映人，约定周四来办")
    tickets.answer(ws, desk.handler, number, "已为您办结变更登记", "phone")
    assert [t.ticket_no for t in ticket_views.awaiting_check(ws, desk.lead)] == [number]
    tickets.check(
        ws, desk.lead, number, "材料齐全，已办结", callback="satisfied", finding="substantiated"
    )
    assert ticket_views.awaiting_check(ws, desk.lead) == []
    state = tickets.archive(ws, desk.lead, number)
    assert state is TicketState.ARCHIVED
    shown = ticket_views.detail(ws, desk.lead, number)
    assert [(s.label, s.actor) for s in shown.steps] == [
        ("登记", "王晓燕"),
        ("分析原因", "王晓燕"),
        ("派发工单", "王晓燕"),
        ("办理进展", "刘海涛"),
        ("答复", "刘海涛"),
        ("结果核查", "李秀兰"),
        ("归档", "李秀兰"),
    ]
    assert shown.steps[2].note == "派发至人员：刘海涛。请两日内联系反映人"
    assert shown.steps[3].at == "2026-11-24T12:00:00+" + shown.steps[3].at.split("+")[1]
    assert shown.callback == "满意" and shown.handler == "刘海涛"
    row = row_of(desk, number)
    assert (row.closed_on, row.overdue_ever, row.due_date) == (
        START.date(),
        False,
        date(2026, 12, 1),
    )
    with ws.reading() as s:
        kinds = [e.kind for e in s.scalars(select(Event).where(Event.entity_type == "ticket"))]
        audited = [
            a.action for a in s.scalars(select(AuditEntry)) if a.action.startswith("ticket.")
        ]
    assert kinds == [
        "ticket.registered",
        "ticket.analysed",
        "ticket.dispatched",
        "ticket.progressed",
        "ticket.answered",
        "ticket.checked",
        "ticket.archived",
    ]
    assert audited == [
        "ticket.register",
        "ticket.analysed",
        "ticket.dispatched",
        "ticket.progressed",
        "ticket.answered",
        "ticket.checked",
        "ticket.archived",
    ]


# --- refusals, word for word, nothing written ---------------------------------------------------


def test_a_class_outside_the_list_is_refused(desk):
    refused(
        desk,
        lambda: tickets.register(desk.ws, desk.clerk, complaint(ticket_class="complain")),
        "ticket_class",
        "类别应为投诉、建议、咨询或表扬",
    )


def test_a_real_name_reporter_needs_a_valid_phone(desk):
    refused(
        desk,
        lambda: tickets.register(desk.ws, desk.clerk, complaint(phone="")),
        "phone",
        "实名反映须留有效的联系电话，或选择匿名",
    )
    refused(
        desk,
        lambda: tickets.register(desk.ws, desk.clerk, complaint(phone="1390475")),
        "phone",
        "手机号码应为11位数字，当前为7位",
    )
    anonymous = complaint(anonymous=True, reporter_name="", phone="")
    assert tickets.register(desk.ws, desk.clerk, anonymous).ticket_no.endswith("-0001")


def test_a_receipt_time_in_the_future_is_refused(desk):
    refused(
        desk,
        lambda: tickets.register(
            desk.ws, desk.clerk, complaint(received_at=START + timedelta(minutes=5))
        ),
        "received_at",
        "接收时间不能晚于现在（2026-11-24 10:00）",
    )


def test_closing_without_an_answer_and_a_check_by_another_user_is_refused(desk):
    ws = desk.ws
    number = tickets.register(ws, desk.clerk, complaint()).ticket_no
    tickets.analyse(ws, desk.clerk, number, "材料要求不一致")
    tickets.dispatch(ws, desk.clerk, number, "window", "综合窗口3")
    message = "尚未答复并经办理人以外的人员核查，不能归档"
    refused(desk, lambda: tickets.archive(ws, desk.lead, number), "state", message)
    tickets.answer(ws, desk.lead, number, "已办结", "in_person")
    refused(desk, lambda: tickets.archive(ws, desk.lead, number), "state", message)


def test_a_check_by_the_handler_is_refused(desk):
    ws = desk.ws
    number = tickets.register(ws, desk.clerk, complaint()).ticket_no
    tickets.analyse(ws, desk.lead, number, "材料要求不一致")
    tickets.dispatch(ws, desk.lead, number, "person", "lead2")
    tickets.answer(ws, desk.lead2, number, "已办结", "phone")
    message = "核查须由办理人以外的人员进行，办理人本人不能核查"
    refused(
        desk,
        lambda: tickets.check(
            ws, desk.lead2, number, callback="satisfied", finding="substantiated"
        ),
        "checker",
        message,
    )
    # Whoever recorded the answer handled it too, even when the ticket went to a window.
    other = tickets.register(ws, desk.clerk, complaint()).ticket_no
    tickets.analyse(ws, desk.lead, other, "材料要求不一致")
    tickets.dispatch(ws, desk.lead, other, "window", "综合窗口3")
    tickets.answer(ws, desk.lead, other, "已办结", "phone")
    refused(
        desk,
        lambda: tickets.check(ws, desk.lead, other, callback="satisfied", finding="substantiated"),
        "checker",
        message,
    )
    tickets.check(ws, desk.lead2, other, callback="basically", finding="substantiated")


def test_an_extension_after_the_deadline_is_refused_and_before_it_is_logged(desk):
    ws = desk.ws
    number = tickets.register(ws, desk.clerk, complaint()).ticket_no
    at(desk, date(2026, 12, 1))  # the due day itself: still in time
    tickets.extend(ws, desk.lead, number, date(2026, 12, 4), "需要市场监管局后台核实")
    assert row_of(desk, number).due_date == date(2026, 12, 4)
    at(desk, date(2026, 12, 7))
    refused(
        desk,
        lambda: tickets.extend(ws, desk.lead, number, date(2026, 12, 10), "还需要再核实一次"),
        "new_due",
        "已超过办理期限（2026-12-04），不能再延期",
    )
    line = ticket_views.detail(ws, desk.lead, number).steps[-1]
    assert line.note == "期限由 2026-12-01 延至 2026-12-04：需要市场监管局后台核实（须告知反映人）"


def test_dispatching_to_nobody_is_refused(desk):
    ws = desk.ws
    number = tickets.register(ws, desk.clerk, complaint()).ticket_no
    tickets.analyse(ws, desk.clerk, number, "材料要求不一致")
    message = "请选择派发对象（窗口、部门后台或人员）"
    refused(
        desk,
        lambda: tickets.dispatch(ws, desk.clerk, number, "window", "  "),
        "dispatch_to",
        message,
    )
    refused(
        desk,
        lambda: tickets.dispatch(ws, desk.clerk, number, "", "综合窗口3"),
        "dispatch_to",
        message,
    )


def test_an_excluded_matter_needs_a_reason(desk):
    ws = desk.ws
    number = tickets.register(ws, desk.clerk, complaint()).ticket_no
    refused(
        desk,
        lambda: tickets.exclude(ws, desk.lead, number, "petition", ""),
        "reason",
        "不予受理须写明理由",
    )
    tickets.exclude(ws, desk.lead, number, "petition", "已进入信访程序，由信访局办理")
    row = row_of(desk, number)
    assert (row.state, row.excluded_matter, row.closed_on) == ("excluded", "petition", START.date())
    assert (
        ticket_views.detail(ws, desk.lead, number).excluded == "涉访：已进入信访程序，由信访局办理"
    )


def test_a_12345_ticket_needs_its_platform_number(desk):
    refused(
        desk,
        lambda: tickets.register(desk.ws, desk.clerk, complaint(channel="hotline_12345")),
        "external_no",
        "12345 转办的工单请填写 12345 工单号",
    )
    done = tickets.register(
        desk.ws, desk.clerk, complaint(channel="hotline_12345", external_no="ｇｄ２０２６-1124")
    )
    assert row_of(desk, done.ticket_no).external_no == "GD2026-1124"


def test_staff_conduct_is_a_complaint_naming_the_staff_member(desk):
    refused(
        desk,
        lambda: tickets.register(
            desk.ws, desk.clerk, complaint(bbcs_kind="conduct", ticket_class="suggestion")
        ),
        "ticket_class",
        "反映工作人员作风问题应登记为投诉",
    )
    refused(
        desk,
        lambda: tickets.register(desk.ws, desk.clerk, complaint(bbcs_kind="conduct", staff="")),
        "staff",
        "反映工作人员作风问题须写明被反映的工作人员",
    )


def test_a_real_name_check_needs_the_callback_and_an_anonymous_one_has_none(desk):
    ws = desk.ws
    number = tickets.register(ws, desk.clerk, complaint()).ticket_no
    tickets.analyse(ws, desk.clerk, number, "材料要求不一致")
    tickets.dispatch(ws, desk.clerk, number, "window", "综合窗口3")
    tickets.answer(ws, desk.clerk, number, "已办结", "phone")
    refused(
        desk,
        lambda: tickets.check(ws, desk.lead, number),
        "callback",
        "实名反映须填写回访结果：满意、基本满意或不满意",
    )
    anonymous = tickets.register(ws, desk.clerk, complaint(anonymous=True, phone="")).ticket_no
    tickets.analyse(ws, desk.clerk, anonymous, "材料要求不一致")
    tickets.dispatch(ws, desk.clerk, anonymous, "window", "综合窗口3")
    tickets.answer(ws, desk.clerk, anonymous, "已在意见箱旁公示答复", "written")
    tickets.check(ws, desk.lead, anonymous, finding="substantiated")
    assert (
        ticket_views.detail(ws, desk.lead, anonymous).steps[-1].note
        == "核查通过，核查结论：属实（匿名，未回访）"
    )


def test_a_step_the_table_does_not_allow_is_refused_in_words(desk):
    number = tickets.register(desk.ws, desk.clerk, complaint()).ticket_no
    refused(
        desk,
        lambda: tickets.answer(desk.ws, desk.clerk, number, "已办结", "phone"),
        "state",
        "工单当前为「已登记」，不能答复",
    )


def test_deciding_steps_are_the_leads(desk):
    number = tickets.register(desk.ws, desk.clerk, complaint()).ticket_no
    with pytest.raises(PermissionDenied, match="办不成事与投诉处理"):
        tickets.exclude(desk.ws, desk.clerk, number, "petition", "已进入信访程序")


# --- the clock ----------------------------------------------------------------------------------


def _dispatched(desk: Desk, **changes: object) -> str:
    number = tickets.register(desk.ws, desk.clerk, complaint(**changes)).ticket_no
    tickets.analyse(desk.ws, desk.clerk, number, "材料要求不一致")
    tickets.dispatch(desk.ws, desk.clerk, number, "person", "clerk2")
    return number


def test_waiting_on_the_reporter_stops_the_clock(desk):
    number = _dispatched(desk)
    at(desk, date(2026, 11, 26))
    tickets.pause(desk.ws, desk.handler, number, "等待反映人补充营业执照原件")
    at(desk, date(2026, 12, 3))  # past the due day, but the clock stood still
    line = ticket_views.list_tickets(desk.ws, desk.lead)[0]
    assert line.urgency.text == "计时暂停（等待反映人）"
    at(desk, date(2026, 11, 30))
    tickets.resume(desk.ws, desk.handler, number)
    # Friday 27 and Monday 30 November stood still: the due day moves two working days on.
    row = row_of(desk, number)
    assert (row.due_date, row.paused_since, row.overdue_ever) == (date(2026, 12, 3), None, False)
    assert ticket_views.detail(desk.ws, desk.lead, number).steps[-1].note == (
        "恢复办理，暂停 2 个工作日，期限顺延至 2026-12-03"
    )


def test_was_ever_overdue_stays_after_closing_and_reopening_starts_no_alarm(desk):
    ws = desk.ws
    number = _dispatched(desk)
    at(desk, date(2026, 12, 3))  # two days late
    assert (
        ticket_views.list_tickets(ws, desk.lead, TicketFilter(overdue=True))[0].ticket_no == number
    )
    tickets.answer(ws, desk.handler, number, "已办结", "phone")
    tickets.check(ws, desk.lead, number, callback="basically", finding="substantiated")
    tickets.archive(ws, desk.lead, number)
    row = row_of(desk, number)
    assert (row.state, row.overdue_ever) == ("archived", True)
    assert ticket_views.list_tickets(ws, desk.lead)[0].urgency.text == "已归档（曾超期）"
    at(desk, date(2026, 12, 4))
    tickets.reopen(ws, desk.lead, number, "反映人称变更后信息仍有误")
    row = row_of(desk, number)
    assert (row.state, row.overdue_ever, row.due_date) == ("handling", True, date(2026, 12, 11))
    line = ticket_views.list_tickets(ws, desk.lead)[0]
    assert line.urgency.text == "剩余 5 个工作日（曾超期）"
    assert ticket_views.list_tickets(ws, desk.lead, TicketFilter(overdue=True)) == []


def test_reopening_is_allowed_within_the_set_working_days_of_closing(desk):
    ws = desk.ws
    number = tickets.register(
        ws, desk.clerk, complaint(ticket_class="praise", tier="complex")
    ).ticket_no
    tickets.archive(ws, desk.lead, number)  # Tuesday 24 November
    at(desk, date(2026, 12, 2))  # six working days later
    refused(
        desk,
        lambda: tickets.reopen(ws, desk.lead, number, "表扬信补充了内容"),
        "state",
        "工单当前为「已归档」，不能重开",
    )
    complaint_no = _dispatched(desk)
    tickets.answer(ws, desk.handler, complaint_no, "已办结", "phone")
    tickets.check(ws, desk.lead, complaint_no, callback="satisfied", finding="substantiated")
    tickets.archive(ws, desk.lead, complaint_no)  # Wednesday 2 December
    at(desk, date(2026, 12, 10))  # six working days later
    refused(
        desk,
        lambda: tickets.reopen(ws, desk.lead, complaint_no, "反映人再次来电"),
        "state",
        "归档已超过 5 个工作日（2026-12-02 归档），不能重开",
    )
    settings.update_settings(ws, desk.admin, ticket_reopen_days=10)
    tickets.reopen(ws, desk.lead, complaint_no, "反映人再次来电")


def test_praise_has_no_deadline_and_is_filed_at_once(desk):
    result = tickets.register(desk.ws, desk.clerk, complaint(ticket_class="praise", bbcs_kind=""))
    assert result.due_date is None
    assert tickets.archive(desk.ws, desk.lead, result.ticket_no) is TicketState.ARCHIVED


def test_only_a_logged_extension_moves_the_deadline(desk):
    number = _dispatched(desk)
    tickets.progress(desk.ws, desk.handler, number, "已联系市场监管局")
    with desk.ws.reading() as s:
        dues = {
            e.kind: json.loads(e.payload)["set"].get("due_date", "unchanged")
            for e in s.scalars(select(Event).where(Event.entity_type == "ticket"))
        }
    assert dues == {
        "ticket.registered": "2026-12-01",
        "ticket.analysed": "unchanged",
        "ticket.dispatched": "unchanged",
        "ticket.progressed": "unchanged",
    }


def test_the_list_is_sorted_by_urgency_and_filters(desk):
    ws = desk.ws
    late = _dispatched(desk)
    praise = tickets.register(
        ws, desk.clerk, complaint(ticket_class="praise", bbcs_kind="")
    ).ticket_no
    at(desk, date(2026, 11, 30))
    soon = tickets.register(ws, desk.clerk, complaint(tier="on_the_spot", staff="")).ticket_no
    later = tickets.register(
        ws, desk.clerk, complaint(tier="special", ticket_class="suggestion")
    ).ticket_no
    at(desk, date(2026, 12, 2))
    lines = ticket_views.list_tickets(ws, desk.lead)
    assert [(ln.ticket_no, ln.urgency.text) for ln in lines] == [
        (soon, "已超期 2 个工作日"),
        (late, "已超期 1 个工作日"),
        (later, "剩余 8 个工作日"),
        (praise, "无办理期限"),
    ]
    assert [
        ln.ticket_no
        for ln in ticket_views.list_tickets(ws, desk.lead, TicketFilter(ticket_class="suggestion"))
    ] == [later]
    assert [
        ln.ticket_no
        for ln in ticket_views.list_tickets(ws, desk.lead, TicketFilter(staff="clerk2"))
    ] == [late, later, praise]
    assert ticket_views.list_tickets(ws, desk.lead, TicketFilter(near=True)) == []
    assert [
        ln.ticket_no
        for ln in ticket_views.list_tickets(ws, desk.lead, TicketFilter(state="dispatched"))
    ] == [late]


def test_refolding_a_ticket_gives_the_same_rows(desk):
    number = _dispatched(desk)
    tickets.progress(desk.ws, desk.handler, number, "已联系市场监管局")
    before = row_of(desk, number)
    with desk.ws.transaction(desk.admin) as tx:
        projections.refold(tx.session, "ticket", before.id, desk.ws.key.event_key)
    after = row_of(desk, number)
    names = [c.name for c in TicketRow.__table__.columns]
    assert {c: getattr(after, c) for c in names} == {c: getattr(before, c) for c in names}
    with desk.ws.reading() as s:
        steps = s.scalars(
            select(TicketStepRow.step).where(TicketStepRow.ticket_id == before.id)
        ).all()
    assert sorted(steps) == sorted(["registered", "analysed", "dispatched", "progressed"])


def test_the_reporters_phone_is_revealed_only_with_an_audit_entry(desk):
    number = tickets.register(desk.ws, desk.clerk, complaint()).ticket_no
    assert ticket_views.reveal_phone(desk.ws, desk.lead, number, "回访") == "13904751234"
    with desk.ws.reading() as s:
        entry = s.scalars(select(AuditEntry).where(AuditEntry.action == "pii.unmask")).one()
    assert entry.target == number and "13904751234" not in entry.detail


def test_steps_name_every_kind_in_the_registry():
    from hall_desk.store.event_kinds import KINDS

    for step in Step:
        assert KINDS[step.kind].entity.name == "ticket"


def test_a_failed_check_sends_the_ticket_back_to_handling_against_the_same_deadline(desk):
    ws = desk.ws
    number = _dispatched(desk)  # due Tuesday 1 December
    tickets.answer(ws, desk.handler, number, "已解释政策", "phone")
    refused(
        desk,
        lambda: tickets.fail_check(ws, desk.lead, number, "  "),
        "reason",
        "核查不通过须写明理由",
    )
    assert tickets.fail_check(ws, desk.lead, number, "回访称问题仍未解决") is TicketState.HANDLING
    row = row_of(desk, number)
    assert (row.answered_on, row.answered_by, row.checked_by) == (None, "", "")
    assert row.due_date == date(2026, 12, 1)
    # Archiving needs a new answer and a new check.
    refused(
        desk,
        lambda: tickets.archive(ws, desk.lead, number),
        "state",
        "尚未答复并经办理人以外的人员核查，不能归档",
    )
    at(desk, date(2026, 12, 2))  # the new answer comes after the deadline: once overdue
    tickets.answer(ws, desk.handler, number, "已重新受理并办结", "in_person")
    tickets.check(ws, desk.lead, number, callback="satisfied", finding="substantiated")
    assert row_of(desk, number).overdue_ever is True
    with ws.reading() as s:
        lines = s.scalars(
            select(TicketStepRow.note)
            .join(TicketRow, TicketRow.id == TicketStepRow.ticket_id)
            .where(TicketRow.ticket_no == number, TicketStepRow.step == "check_failed")
        ).all()
    assert lines == ["核查不通过，退回办理：回访称问题仍未解决"]


def test_a_failed_check_by_the_handler_or_before_an_answer_is_refused(desk):
    ws = desk.ws
    number = _dispatched(desk)
    refused(
        desk,
        lambda: tickets.fail_check(ws, desk.lead, number, "问题未解决"),
        "state",
        "工单当前为「已派发」：尚未答复，不能核查",
    )
    tickets.answer(ws, desk.lead, number, "已解释政策", "phone")  # the lead answered it
    refused(
        desk,
        lambda: tickets.fail_check(ws, desk.lead, number, "问题未解决"),
        "checker",
        "核查须由办理人以外的人员进行，办理人本人不能核查",
    )
    with pytest.raises(PermissionDenied):
        tickets.fail_check(ws, desk.handler, number, "问题未解决")


def test_supervision_is_written_on_a_checked_ticket_before_it_is_filed(desk):
    ws = desk.ws
    number = _dispatched(desk)
    refused(
        desk,
        lambda: tickets.supervise(ws, desk.lead, number, "抽查整改情况"),
        "state",
        "工单当前为「已派发」，不能监督检查",
    )
    tickets.answer(ws, desk.handler, number, "已办结", "phone")
    tickets.check(ws, desk.lead, number, callback="satisfied", finding="substantiated")
    refused(
        desk, lambda: tickets.supervise(ws, desk.lead2, number, ""), "note", "请填写监督检查意见"
    )
    assert tickets.supervise(ws, desk.lead2, number, "抽查属实，已整改") is TicketState.CHECKED
    assert tickets.archive(ws, desk.lead, number) is TicketState.ARCHIVED
    detail = ticket_views.detail(ws, desk.lead, number)
    assert [s.label for s in detail.steps][-2:] == ["监督检查", "归档"]


def test_a_complaint_is_checked_with_a_finding_and_other_tickets_without(desk):
    ws = desk.ws
    number = _dispatched(desk)
    tickets.answer(ws, desk.handler, number, "已办结", "phone")
    refused(
        desk,
        lambda: tickets.check(ws, desk.lead, number, callback="satisfied"),
        "finding",
        "投诉须填写核查结论：属实、部分属实或不属实",
    )
    refused(
        desk,
        lambda: tickets.check(ws, desk.lead, number, callback="satisfied", finding="maybe"),
        "finding",
        "投诉须填写核查结论：属实、部分属实或不属实",
    )
    tickets.check(ws, desk.lead, number, callback="satisfied", finding="unfounded")
    row = row_of(desk, number)
    assert (row.state, row.finding) == ("checked", "unfounded")
    assert ticket_views.detail(ws, desk.lead, number).finding == "不属实"
    with ws.reading() as s:
        payload = json.loads(
            s.scalars(
                select(Event.payload).where(Event.kind == "ticket.checked").order_by(Event.hlc)
            ).all()[-1]
        )
    assert payload["set"]["finding"] == "unfounded" and payload["v"] == 2
    # A suggestion needs none, and is refused one.
    other = _dispatched(desk, ticket_class="suggestion", bbcs_kind="")
    tickets.answer(ws, desk.handler, other, "已采纳", "phone")
    refused(
        desk,
        lambda: tickets.check(ws, desk.lead, other, callback="satisfied", finding="partly"),
        "finding",
        "只有投诉需要核查结论，请不要填写",
    )
    tickets.check(ws, desk.lead, other, callback="satisfied")
    assert row_of(desk, other).finding == ""
    # Reopening sets the finding aside with the check: the next 结果核查 gives a new one.
    tickets.archive(ws, desk.lead, number)
    tickets.reopen(ws, desk.lead, number, "反映人补充了新的情况")
    assert row_of(desk, number).finding == ""
