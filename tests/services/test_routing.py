"""材料流转: every move of a folder, the scanned lists, the board, the journey, every refusal."""

from __future__ import annotations

import json
from datetime import date, datetime, time, timedelta

import pytest
from sqlalchemy import func, select

from hall_desk.domain.assistance import Assistance, AssistanceFlag
from hall_desk.domain.errors import (
    NotFound,
    PermissionDenied,
    TransitionError,
    ValidationError,
)
from hall_desk.domain.lifecycle import CaseState
from hall_desk.services import intake, routing
from hall_desk.services.routing import DeadlineFlag, Decision, Move
from hall_desk.store.models import AuditEntry, CaseRow, Event
from hall_desk.store.models_intake import CaseMaterialRow
from hall_desk.store.models_routing import HandoffRow, HandoverSheetRow
from tests.conftest import TODAY
from tests.services.helpers import draft_for, person, resident_id

FOOD = "011050007001"  # 食品经营许可（新办）: 3 working days, 市场监督管理局
CARD = "201080005001"  # 社会保障卡申领: 10 working days, 人社局
EMPLOYMENT = "201080001001"  # 就业登记: 即办件
MARKET = "科尔沁左翼中旗市场监督管理局"
LABOUR = "科尔沁左翼中旗人力资源和社会保障局"


def at(day: date, hour: int, minute: int = 0) -> datetime:
    return datetime.combine(day, time(hour, minute)).astimezone()


def counts(ws) -> tuple[int, int]:  # type: ignore[no-untyped-def]
    with ws.reading() as s:
        return (
            s.scalar(select(func.count()).select_from(Event)) or 0,
            s.scalar(select(func.count()).select_from(AuditEntry)) or 0,
        )


def case_row(ws, case_no: str) -> CaseRow:  # type: ignore[no-untyped-def]
    with ws.reading() as s:
        row = s.scalars(select(CaseRow).where(CaseRow.case_no == case_no)).one()
        s.expunge(row)
        return row


def accept(ws, clerk, code: str = FOOD, on: date = TODAY, n: int = 1, **kw) -> str:  # type: ignore[no-untyped-def]
    draft = draft_for(ws, [code], person(resident_id(seq=f"{100 + n}"), **kw))
    return intake.accept(ws, clerk, draft, on=on).case_no


def to_routing(ws, router, *case_nos: str, on: date = TODAY) -> None:  # type: ignore[no-untyped-def]
    assert not routing.collect(ws, router, case_nos, at=at(on, 10)).refused
    assert not routing.pass_prereview(ws, router, case_nos, at=at(on, 10, 30)).refused


def to_department(ws, router, department: str, *case_nos: str, on: date = TODAY) -> None:  # type: ignore[no-untyped-def]
    to_routing(ws, router, *case_nos, on=on)
    result = routing.dispatch(ws, router, department, case_nos, receiver="刘建军", at=at(on, 11))
    assert not result.refused


def to_delivery(ws, router, department: str, *case_nos: str, on: date = TODAY) -> None:  # type: ignore[no-untyped-def]
    to_department(ws, router, department, *case_nos, on=on)
    decisions = [Decision(c) for c in case_nos]
    assert not routing.receive_back(
        ws, router, department, decisions, giver="刘建军", at=at(on, 15)
    ).refused
    assert not routing.send_to_delivery(
        ws, router, case_nos, receiver="王晓燕", at=at(on, 15, 30)
    ).refused


def case_events(ws, case_no: str) -> list[tuple[str, dict]]:  # type: ignore[no-untyped-def, type-arg]
    case = case_row(ws, case_no)
    with ws.reading() as s:
        return [
            (e.kind, json.loads(e.payload))
            for e in s.scalars(
                select(Event)
                .where(Event.entity_type == "case", Event.entity_id == case.id)
                .order_by(Event.hlc)
            )
        ]


# --- the whole way through ----------------------------------------------------------------------


def test_a_folder_travels_from_the_window_to_the_delivery_window(ws, clerk, router):
    case_no = accept(ws, clerk)
    wed, thu = TODAY + timedelta(days=1), TODAY + timedelta(days=2)

    collected = routing.collect(ws, router, [case_no], at=at(TODAY, 16, 40))
    assert [x.ok for x in collected.lines] == [True]
    sheet = collected.sheet
    assert sheet is not None and sheet.sheet_no == "JJ20261124-W01-001"
    assert (sheet.from_label, sheet.to_label) == ("综合窗口1", "流转岗")
    assert (sheet.giver, sheet.receiver) == ("王晓燕", "赵志刚")
    row = case_row(ws, case_no)
    assert (row.state, row.station) == ("prereview", "routing")

    routing.pass_prereview(ws, router, [case_no], at=at(wed, 9))
    assert case_row(ws, case_no).state == "routing"

    sent = routing.dispatch(ws, router, MARKET, [case_no], receiver="刘建军", at=at(wed, 10, 15))
    assert sent.sheet is not None and sent.sheet.sheet_no == "JJ20261125-W01-001"
    row = case_row(ws, case_no)
    assert (row.state, row.station, row.dispatched_on) == ("under_review", f"dept:{MARKET}", wed)

    back = routing.receive_back(
        ws, router, MARKET, [Decision(case_no)], giver="刘建军", at=at(thu, 14)
    )
    assert back.moved[0].message == "已办结，已取回"
    row = case_row(ws, case_no)
    assert (row.state, row.station, row.returned_on, row.completed_on) == (
        "concluded",
        "routing",
        thu,
        thu,
    )

    routing.send_to_delivery(ws, router, [case_no], receiver="李春梅", at=at(thu, 15))
    row = case_row(ws, case_no)
    assert (row.state, row.station) == ("ready_for_delivery", "delivery")

    # The event contract the team lead's dashboard is built on.
    payloads = {kind: p["set"] for kind, p in case_events(ws, case_no)}
    assert payloads["case.dispatched"]["dispatched_on"] == wed.isoformat()
    assert payloads["case.dispatched"]["station"] == f"dept:{MARKET}"
    assert payloads["case.approved"]["returned_on"] == thu.isoformat()
    assert payloads["case.approved"]["completed_on"] == thu.isoformat()
    assert payloads["case.sent_to_delivery"]["station"] == "delivery"

    # The custody chain: each handoff starts where the previous one ended.
    with ws.reading() as s:
        handoffs = list(s.scalars(select(HandoffRow).order_by(HandoffRow.hlc)))
    assert [(h.from_station, h.to_station) for h in handoffs] == [
        ("window", "routing"),
        ("routing", f"dept:{MARKET}"),
        (f"dept:{MARKET}", "routing"),
        ("routing", "delivery"),
    ]
    assert [(h.giver, h.receiver) for h in handoffs] == [
        ("王晓燕", "赵志刚"),
        ("赵志刚", "刘建军"),
        ("刘建军", "赵志刚"),
        ("赵志刚", "李春梅"),
    ]
    assert handoffs[1].materials == 8 and handoffs[1].copies >= 8
    assert handoffs[1].due_date == date(2026, 11, 27)

    trip = routing.journey(ws, router, case_no, now=at(thu, 17))
    assert [s.label for s in trip.stops] == [
        "综合窗口1",
        "流转岗",
        MARKET,
        "流转岗",
        "出件窗口",
    ]
    assert [s.arrived_by for s in trip.stops] == [
        "受理",
        "收取材料袋",
        "移交审批部门",
        "接收审批结果",
        "送出件窗口",
    ]
    # Collected 16:40, dispatched 10:15 next day; back 14:00 the day after; now 17:00.
    assert trip.stops[1].dwell == timedelta(hours=17, minutes=35)
    assert trip.stops[1].dwell_text == "17 小时 35 分"
    assert trip.stops[2].dwell_text == "1 天 3 小时"
    assert trip.stops[-1].until is None and trip.stops[-1].dwell == timedelta(hours=2)


def test_each_action_is_one_audited_transaction(ws, clerk, router):
    first, second = accept(ws, clerk, n=1), accept(ws, clerk, n=2)
    before = counts(ws)
    routing.collect(ws, router, [first, second], at=at(TODAY, 10))
    events, audits = counts(ws)
    # One sheet, then per case its step and its handoff; one audit entry for the batch.
    assert (events - before[0], audits - before[1]) == (1 + 2 * 2, 1)
    with ws.reading() as s:
        last = s.scalars(select(AuditEntry).order_by(AuditEntry.seq.desc()).limit(1)).one()
    assert (last.action, last.target) == ("routing.collect", "JJ20261124-W01-001")


# --- scanning a list ----------------------------------------------------------------------------


def test_a_scanned_list_refuses_bad_lines_and_moves_the_rest(ws, clerk, router):
    good = accept(ws, clerk, n=1)
    also_good = accept(ws, clerk, n=2)
    draft = draft_for(ws, [FOOD], person(resident_id(seq="103")))
    draft.received.pop("食品安全管理制度")
    waiting = intake.request_supplement(ws, clerk, draft, on=TODAY).case_no
    immediate = intake.complete_at_window(
        ws, clerk, draft_for(ws, [EMPLOYMENT], person(resident_id(seq="104"))), on=TODAY
    ).case_no
    lines = [
        good,
        "ABC-123",
        "20261124-W01-0099",
        f" {good.lower()} ",  # scanned twice, typed in lower case
        waiting,
        immediate,
        "",
        also_good,
    ]
    result = routing.collect(ws, router, lines, at=at(TODAY, 11))
    assert [x.ok for x in result.lines] == [True, False, False, False, False, False, False, True]
    messages = [x.message for x in result.lines]
    assert "「ABC-123」不是受理编号" in messages[1]
    assert "找不到受理编号为「20261124-W01-0099」的办件" in messages[2]
    assert "重复扫描" in messages[3]
    assert "当前在「综合窗口1」，状态「待补正」" in messages[4]
    assert "即办件已办结" in messages[5]
    assert "空行" in messages[6]
    assert result.sheet is not None and result.sheet.case_count == 2
    assert {case_row(ws, c).station for c in (good, also_good)} == {"routing"}
    assert case_row(ws, waiting).station == "window"


def test_check_scan_answers_each_line_and_writes_nothing(ws, clerk, router):
    case_no = accept(ws, clerk)
    routing.collect(ws, router, [case_no], at=at(TODAY, 10))
    before = counts(ws)
    line = routing.check_scan(ws, router, Move.DISPATCH, case_no, department=MARKET)
    assert not line.ok and "尚未预审通过" in line.message and "「流转岗」" in line.message
    line = routing.check_scan(ws, router, Move.PASS, case_no)
    assert line.ok and line.case_no == case_no and line.title == "食品经营许可（新办）"
    line = routing.check_scan(ws, router, Move.PASS, case_no, listed=[case_no])
    assert not line.ok and "重复扫描" in line.message
    assert counts(ws) == before


def test_a_list_with_only_refusals_writes_nothing(ws, clerk, router):
    case_no = accept(ws, clerk)
    before = counts(ws)
    result = routing.dispatch(ws, router, MARKET, [case_no, "nonsense"], receiver="刘建军")
    assert result.sheet is None and not result.moved
    assert "当前在「综合窗口1」，状态「已受理」，不能移交" in result.lines[0].message
    result = routing.pass_prereview(ws, router, [case_no])
    assert result.sheet is None and not result.moved
    assert counts(ws) == before


BAD_INPUT = [
    (lambda ws, r, c: routing.dispatch(ws, r, MARKET, [c], receiver="  "), "receiver"),
    (lambda ws, r, c: routing.dispatch(ws, r, "教育局", [c], receiver="刘建军"), "department"),
    (lambda ws, r, c: routing.dispatch(ws, r, "", [c], receiver="刘建军"), "department"),
    (lambda ws, r, c: routing.receive_back(ws, r, MARKET, [Decision(c)], giver=""), "giver"),
    (lambda ws, r, c: routing.send_to_delivery(ws, r, [c], receiver=""), "receiver"),
    (lambda ws, r, c: routing.collect(ws, r, [c], giver="长" * 40), "giver"),
    (lambda ws, r, c: routing.return_for_supplement(ws, r, c, "不清"), "reasons"),
    (
        lambda ws, r, c: routing.return_for_supplement(
            ws, r, c, "材料复印件不清晰", materials=["户口本"]
        ),
        "materials",
    ),
    (
        lambda ws, r, c: routing.return_for_supplement(
            ws, r, c, "材料复印件不清晰", deadline=TODAY, on=TODAY
        ),
        "deadline",
    ),
]


def test_bad_input_is_refused_and_writes_nothing(ws, clerk, router):
    case_no = accept(ws, clerk)
    routing.collect(ws, router, [case_no], at=at(TODAY, 10))
    before = counts(ws)
    for call, field in BAD_INPUT:
        with pytest.raises(ValidationError) as exc:
            call(ws, router, case_no)
        assert exc.value.field == field, exc.value.message
    assert counts(ws) == before


def test_permissions(ws, clerk, router):
    case_no = accept(ws, clerk)
    with pytest.raises(PermissionDenied, match="材料流转"):
        routing.collect(ws, clerk, [case_no])
    with pytest.raises(PermissionDenied):
        routing.check_scan(ws, clerk, Move.COLLECT, case_no)
    assert routing.board(ws, clerk).rows, "window clerks see the board"


# --- impossible moves -----------------------------------------------------------------------------


def test_impossible_moves_name_the_station_and_the_state(ws, clerk, router):
    at_post = accept(ws, clerk, n=1)
    card = accept(ws, clerk, code=CARD, n=2)
    routing.collect(ws, router, [at_post], at=at(TODAY, 10))
    to_department(ws, router, LABOUR, card)

    never_sent = routing.receive_back(ws, router, MARKET, [Decision(at_post)], giver="刘建军")
    assert never_sent.lines[0].message == (
        f"办件 {at_post} 当前在「流转岗」，状态「预审」，不能从「{MARKET}」接收："
        "办件未移交该部门审批"
    )
    elsewhere = routing.receive_back(ws, router, MARKET, [Decision(card)], giver="刘建军")
    assert f"当前在「{LABOUR}」，状态「审批中」" in elsewhere.lines[0].message
    assert "不在该部门" in elsewhere.lines[0].message
    early = routing.send_to_delivery(ws, router, [card], receiver="王晓燕")
    assert f"当前在「{LABOUR}」，状态「审批中」，不能送出件窗口" in early.lines[0].message
    routing.pass_prereview(ws, router, [at_post])
    wrong = routing.dispatch(ws, router, LABOUR, [at_post], receiver="刘建军")
    assert f"的事项由「{MARKET}」办理，不能移交「{LABOUR}」" in wrong.lines[0].message
    with pytest.raises(TransitionError, match="当前在「流转岗」，状态「流转中」"):
        routing.return_for_supplement(ws, router, at_post, "材料复印件不清晰")
    with pytest.raises(NotFound, match="找不到受理编号"):
        routing.return_for_supplement(ws, router, "20261124-W01-0777", "材料复印件不清晰")


def test_a_move_cannot_be_dated_before_the_folder_arrived(ws, clerk, router):
    case_no = accept(ws, clerk)
    routing.collect(ws, router, [case_no], at=at(TODAY, 10))
    routing.pass_prereview(ws, router, [case_no], at=at(TODAY, 11))
    result = routing.dispatch(
        ws, router, MARKET, [case_no], receiver="刘建军", on=date(2026, 11, 23)
    )
    assert not result.moved and "交接日期不能早于该日" in result.lines[0].message


# --- 预审 returns and the supplement round ----------------------------------------------------


def test_a_prereview_return_pauses_the_clock_until_the_supplement_arrives(ws, clerk, router):
    case_no = accept(ws, clerk)  # Tuesday 24 Nov, due Friday 27 Nov
    assert case_row(ws, case_no).due_date == date(2026, 11, 27)
    wed = date(2026, 11, 25)
    routing.collect(ws, router, [case_no], at=at(TODAY, 16))
    returned = routing.return_for_supplement(
        ws,
        router,
        case_no,
        "营业执照复印件不清晰，请重新提供",
        materials=["营业执照"],
        at=at(wed, 9),
    )
    assert (returned.clerk, returned.window) == ("clerk1", "综合窗口1")
    assert returned.supplement_deadline == date(2026, 12, 2)  # five working days
    row = case_row(ws, case_no)
    assert (row.state, row.station) == ("awaiting_supplement", "window")
    assert row.paused_since == wed and row.reason.startswith("营业执照复印件不清晰")
    with ws.reading() as s:
        material = s.scalars(
            select(CaseMaterialRow).where(
                CaseMaterialRow.case_id == row.id, CaseMaterialRow.name == "营业执照"
            )
        ).one()
    assert not material.received

    # The accepting clerk sees it in their queue; the board says the clock is stopped.
    queue = routing.returned_for_supplement(ws, clerk)
    assert [r.case_no for r in queue] == [case_no]
    assert queue[0].flag == DeadlineFlag.PAUSED and "计时暂停" in queue[0].flag_text
    assert routing.returned_for_supplement(ws, router) == []

    # Monday 30 Nov the applicant brings it. Wednesday 25 counted; (25, 30] did not: the
    # second and third working days are Tuesday 1 and Wednesday 2 Dec.
    monday = date(2026, 11, 30)
    result = intake.receive_supplement(ws, clerk, case_no, {"营业执照": 1}, on=monday)
    assert result.state == CaseState.ACCEPTED
    assert result.due is not None and result.due.day == date(2026, 12, 2)
    row = case_row(ws, case_no)
    assert row.paused_since is None and row.station == "window"
    again = routing.collect(ws, router, [case_no], at=at(monday, 16))
    assert again.moved and again.sheet is not None
    assert again.sheet.from_label == "综合窗口1"
    with ws.reading() as s:
        stations = [
            (h.from_station, h.to_station)
            for h in s.scalars(select(HandoffRow).order_by(HandoffRow.hlc))
        ]
    assert stations == [
        ("window", "routing"),
        ("routing", "window"),
        ("window", "routing"),
    ]
    trip = routing.journey(ws, clerk, case_no, now=at(monday, 17))
    assert [(s.label, s.arrived_by) for s in trip.stops] == [
        ("综合窗口1", "受理"),
        ("流转岗", "收取材料袋"),
        ("综合窗口1", "预审退回补正"),
        ("流转岗", "收取材料袋"),
    ]
    assert trip.stops[2].note == "营业执照复印件不清晰，请重新提供"


def test_a_department_denial_needs_its_reason(ws, clerk, router):
    first, second = accept(ws, clerk, n=1), accept(ws, clerk, n=2)
    to_department(ws, router, MARKET, first, second)
    result = routing.receive_back(
        ws,
        router,
        MARKET,
        [
            Decision(first, approved=False),
            Decision(second, approved=False, reason="场所不符合要求"),
        ],
        giver="刘建军",
        at=at(TODAY, 15),
    )
    assert [x.ok for x in result.lines] == [False, True]
    assert "不予许可须写明理由" in result.lines[0].message
    row = case_row(ws, second)
    assert (row.state, row.reason, row.station) == ("denied", "场所不符合要求", "routing")
    denied = dict(case_events(ws, second))["case.denied"]["set"]
    assert denied["reason"] == "场所不符合要求" and denied["returned_on"] == TODAY.isoformat()
    assert case_row(ws, first).state == "under_review"


# --- the board ------------------------------------------------------------------------------------


def test_the_board_flags_deadlines_in_words_and_puts_green_channel_first(ws, clerk, router):
    overdue = accept(ws, clerk, on=date(2026, 11, 19), n=1)  # due Tue 24 Nov
    near = accept(ws, clerk, n=2)  # due Fri 27 Nov
    relaxed = accept(ws, clerk, code=CARD, n=3)  # due Tue 8 Dec
    green_draft = draft_for(ws, [CARD], person(resident_id(seq="104"), name="白玉兰"))
    green_draft.assistance = Assistance(frozenset({AssistanceFlag.ELDERLY}))
    green = intake.accept(ws, clerk, green_draft, on=TODAY).case_no
    to_department(ws, router, LABOUR, relaxed)
    now = at(date(2026, 11, 26), 10)

    board = routing.board(ws, router, now=now)
    assert [r.case_no for r in board.rows] == [green, overdue, near, relaxed]
    rows = {r.case_no: r for r in board.rows}
    assert rows[green].green_text == "绿色通道"
    assert (rows[overdue].flag, rows[overdue].remaining_working_days) == (DeadlineFlag.OVERDUE, -2)
    assert rows[overdue].flag_text == "已超期 2 个工作日"
    assert rows[near].flag == DeadlineFlag.NEAR
    assert rows[near].flag_text == "临近期限：剩余 1 个工作日"
    assert rows[relaxed].flag == DeadlineFlag.OK and rows[relaxed].flag_text == "剩余 8 个工作日"
    assert rows[relaxed].station_label == LABOUR and rows[relaxed].department == LABOUR
    assert rows[relaxed].dwell == timedelta(days=1, hours=23)  # dispatched Tuesday 11:00
    assert board.overdue == 1 and board.near == 1

    stations = {s.station: s for s in board.stations}
    assert (stations["window"].cases, stations["window"].overdue) == (3, 1)
    assert stations[f"dept:{LABOUR}"].cases == 1 and stations[f"dept:{LABOUR}"].label == LABOUR

    only_labour = routing.board(ws, router, department=LABOUR, now=now)
    assert [r.case_no for r in only_labour.rows] == [relaxed]
    flagged = routing.board(ws, router, flagged_only=True, now=now)
    assert [r.case_no for r in flagged.rows] == [overdue, near]
    windows = routing.board(ws, router, station="window", now=now)
    assert {r.case_no for r in windows.rows} == {green, overdue, near}
    assert routing.board(ws, router, station="dept:", now=now).rows[0].case_no == relaxed

    # Past the due day over a weekend: no working day lost yet, but overdue all the same.
    sunday = at(date(2026, 11, 29), 10)
    row = {r.case_no: r for r in routing.board(ws, router, now=sunday).rows}[near]
    assert row.flag == DeadlineFlag.OVERDUE and row.flag_text == "已超期（2026-11-27 到期）"


def test_the_board_keeps_finished_and_delivered_cases_apart(ws, clerk, router):
    done = accept(ws, clerk)
    to_delivery(ws, router, MARKET, done)
    board = routing.board(ws, router, now=at(date(2026, 11, 26), 10))
    (row,) = board.rows
    assert (row.station_label, row.flag, row.flag_text) == ("出件窗口", DeadlineFlag.DONE, "已办结")


# --- handover sheets ------------------------------------------------------------------------------


def test_a_handover_sheet_lists_exactly_its_batch(ws, clerk, router):
    first, second, other = (accept(ws, clerk, n=i) for i in (1, 2, 3))
    to_routing(ws, router, first, second, other)
    result = routing.dispatch(ws, router, MARKET, [second, first], receiver="刘建军")
    assert result.sheet is not None
    sheet = routing.handover_sheet(ws, router, result.sheet.sheet_no.lower())
    assert [line.case_no for line in sheet.lines] == [second, first]
    assert [line.position for line in sheet.lines] == [1, 2]
    assert sheet.lines[0].items == ["食品经营许可（新办）"] and sheet.lines[0].materials == 8
    assert sheet.summary.department == MARKET and sheet.summary.receiver == "刘建军"
    assert [s.sheet_no for s in routing.sheets(ws, router, move=Move.DISPATCH)] == [
        result.sheet.sheet_no
    ]
    with pytest.raises(NotFound):
        routing.handover_sheet(ws, router, "JJ20990101-W01-001")
    with ws.reading() as s:
        assert s.scalar(select(func.count()).select_from(HandoverSheetRow)) == 2


def test_folder_labels_carry_the_green_channel_mark(ws, clerk):
    draft = draft_for(ws, [FOOD], person(resident_id(seq="201")))
    draft.assistance = Assistance(frozenset({AssistanceFlag.ELDERLY}))
    green = intake.accept(ws, clerk, draft, on=TODAY).case_no
    (label,) = routing.folder_labels(ws, clerk, [green])
    assert label.green_channel and label.assistance == "帮您办（老年人·全程帮办）"
    assert label.due_date == date(2026, 11, 27) and label.departments == MARKET
    with pytest.raises(NotFound):
        routing.folder_labels(ws, clerk, ["20261124-W01-0999"])


def test_handover_names_and_notes_refuse_emoji_and_control_characters(ws, clerk, router):
    case_no = accept(ws, clerk)
    before = counts(ws)
    for kwargs, field in (({"giver": "王晓燕😀"}, "giver"), ({"note": "备注\x00"}, "note")):
        with pytest.raises(ValidationError) as exc:
            routing.collect(ws, router, [case_no], **kwargs)
        assert exc.value.field == field and "不能使用的字符" in exc.value.message
    assert counts(ws) == before
