"""联办: a case whose items belong to several departments goes to each one (主办 first, then the
协办 departments, as the catalog orders the items) and is complete only when every one decided."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime, time

import pytest
from sqlalchemy import select

from hall_desk.domain.errors import TransitionError
from hall_desk.domain.lifecycle import CaseEvent, CaseState
from hall_desk.domain.stations import DELIVERY, ROUTING, Move
from hall_desk.services import delivery, intake, routing
from hall_desk.services.moves import record_move
from hall_desk.services.routing import Decision
from hall_desk.store.models import CaseRow
from hall_desk.store.models_routing import HandoffRow
from tests.conftest import TODAY
from tests.services.helpers import all_materials, person, resident_id

RESTAURANT = "YJS001"  # 开办餐饮店一件事: 市场监管 (two items), 消防, 住建
MARKET = "科尔沁左翼中旗市场监督管理局"
FIRE = "科尔沁左翼中旗消防救援大队"
HOUSING = "科尔沁左翼中旗住房和城乡建设局"
RESTAURANT_ITEMS = ["011050001001", "011050007001", "011190001001", "011070008001"]
NUMBER = resident_id(seq="612")


def at(day: date, hour: int, minute: int = 0) -> datetime:
    return datetime.combine(day, time(hour, minute)).astimezone()


def restaurant(ws, clerk) -> str:  # type: ignore[no-untyped-def]
    draft = intake.IntakeDraft(
        applicant=person(NUMBER),
        item_codes=RESTAURANT_ITEMS,
        theme_code=RESTAURANT,
        received=all_materials(ws, RESTAURANT_ITEMS),
    )
    case_no = intake.accept(ws, clerk, draft, on=TODAY).case_no
    return case_no


def case_row(ws, case_no: str) -> CaseRow:  # type: ignore[no-untyped-def]
    with ws.reading() as s:
        row = s.scalars(select(CaseRow).where(CaseRow.case_no == case_no)).one()
        s.expunge(row)
        return row


@pytest.fixture
def routed(ws, clerk, router) -> str:  # type: ignore[no-untyped-def]
    case_no = restaurant(ws, clerk)
    assert not routing.collect(ws, router, [case_no], at=at(TODAY, 10)).refused
    assert not routing.pass_prereview(ws, router, [case_no], at=at(TODAY, 10, 30)).refused
    return case_no


def visit(
    ws, router, case_no: str, department: str, hour: int, approved: bool = True, reason: str = ""
):  # type: ignore[no-untyped-def]
    sent = routing.dispatch(
        ws, router, department, [case_no], receiver="收件人", at=at(TODAY, hour)
    )
    assert not sent.refused, sent.refused
    back = routing.receive_back(
        ws,
        router,
        department,
        [Decision(case_no, approved, reason)],
        giver="审批人",
        at=at(TODAY, hour, 30),
    )
    assert not back.refused, back.refused
    return back.lines[0]


def test_the_case_knows_its_departments_in_catalog_order(ws, routed) -> None:
    assert case_row(ws, routed).departments == "、".join([MARKET, FIRE, HOUSING])


def test_back_from_the_first_department_the_folder_waits_for_the_others(ws, router, routed) -> None:
    line = visit(ws, router, routed, MARKET, 11)
    assert line.outstanding == (FIRE, HOUSING)
    assert line.message == f"已办结，已取回；尚待审批：{FIRE}、{HOUSING}，请移交「{FIRE}」"
    row = case_row(ws, routed)
    assert (row.state, row.station) == (CaseState.ROUTING.value, ROUTING)
    assert row.completed_on is None

    refused = routing.send_to_delivery(ws, router, [routed], receiver="出件窗口", at=at(TODAY, 12))
    assert refused.sheet is None
    assert refused.lines[0].message == (
        f"办件 {routed} 还有「{FIRE}、{HOUSING}」未审批，不能送出件窗口："
        "联办事项须各部门都审结后才能出件"
    )
    again = routing.dispatch(ws, router, MARKET, [routed], receiver="李明", at=at(TODAY, 12))
    assert again.lines[0].message == (
        f"办件 {routed} 的「{MARKET}」已审结，不能再次移交；尚待审批：{FIRE}、{HOUSING}"
    )


def test_complete_only_when_every_department_has_decided(ws, router, routed) -> None:
    visit(ws, router, routed, MARKET, 11)
    assert visit(ws, router, routed, FIRE, 13).outstanding == (HOUSING,)
    last = visit(ws, router, routed, HOUSING, 15)
    assert last.outstanding == () and last.message == "已办结，已取回"
    row = case_row(ws, routed)
    assert row.state == CaseState.CONCLUDED.value and row.completed_on == TODAY
    sent = routing.send_to_delivery(ws, router, [routed], receiver="出件窗口", at=at(TODAY, 16))
    assert not sent.refused
    with ws.reading() as s:
        backs = s.execute(
            select(HandoffRow.from_station, HandoffRow.result, HandoffRow.state)
            .where(HandoffRow.move == Move.RECEIVE_BACK.value)
            .order_by(HandoffRow.hlc)
        ).all()
    assert backs == [
        (f"dept:{MARKET}", "approved", "routing"),
        (f"dept:{FIRE}", "approved", "routing"),
        (f"dept:{HOUSING}", "approved", "concluded"),
    ]


def test_one_department_refusing_makes_the_case_a_denial_naming_it(ws, router, routed) -> None:
    visit(ws, router, routed, MARKET, 11)
    visit(ws, router, routed, FIRE, 13, approved=False, reason="疏散通道不符合要求")
    visit(ws, router, routed, HOUSING, 15)
    row = case_row(ws, routed)
    assert row.state == CaseState.DENIED.value
    assert row.reason == f"{FIRE}：疏散通道不符合要求"


def test_a_department_outside_the_case_is_refused_with_the_next_one_named(
    ws, router, routed
) -> None:
    visit(ws, router, routed, MARKET, 11)
    labour = "科尔沁左翼中旗人力资源和社会保障局"
    wrong = routing.dispatch(ws, router, labour, [routed], receiver="李明", at=at(TODAY, 12))
    assert wrong.lines[0].message.endswith(f"不能移交「{labour}」，请移交「{FIRE}」")


def test_the_board_shows_the_departments_outstanding_and_filters_by_one(
    ws, clerk, router, routed
) -> None:
    single = intake.accept(
        ws,
        clerk,
        intake.IntakeDraft(
            applicant=person(resident_id(seq="613")),
            item_codes=["201080005001"],
            received=all_materials(ws, ["201080005001"]),
        ),
        on=TODAY,
    ).case_no
    visit(ws, router, routed, MARKET, 11)
    now = at(TODAY, 17)
    rows = {r.case_no: r for r in routing.board(ws, router, now=now).rows}
    assert rows[routed].outstanding_text == f"待审批：{FIRE}、{HOUSING}"
    assert rows[single].outstanding_text == ""  # one department: nothing to say
    fire = routing.board(ws, router, involving=FIRE, now=now)
    assert [r.case_no for r in fire.rows] == [routed]
    labour = routing.board(ws, router, involving="科尔沁左翼中旗人力资源和社会保障局", now=now)
    assert [r.case_no for r in labour.rows] == [single]


def test_delivery_refuses_a_case_sent_on_after_one_department(ws, clerk, router, routed) -> None:
    """The case of the issue, as the program before this rule recorded it: back from 市场监管
    as 已办结 and sent to the delivery window while 消防 and 住建 never had it."""
    routing.dispatch(ws, router, MARKET, [routed], receiver="李明", at=at(TODAY, 11))
    with ws.transaction(router) as tx:
        case = tx.session.scalars(select(CaseRow).where(CaseRow.case_no == routed)).one()
        common = {"on": TODAY, "giver": "审批人", "receiver": "赵志刚"}
        record_move(
            tx,
            case,
            step=CaseEvent.APPROVE,
            move=Move.RECEIVE_BACK,
            to_station=ROUTING,
            at=at(TODAY, 11, 30),
            note="已办结",
            **common,  # type: ignore[arg-type]
        )
        tx.session.flush()
        record_move(
            tx,
            case,
            step=CaseEvent.SEND_TO_DELIVERY,
            move=Move.TO_DELIVERY,
            to_station=DELIVERY,
            at=at(TODAY, 12),
            **common,  # type: ignore[arg-type]
        )
    assert case_row(ws, routed).state == CaseState.READY_FOR_DELIVERY.value
    (queued,) = delivery.ready_queue(ws, clerk, routed)
    assert queued.last_return == f"还有「{FIRE}、{HOUSING}」未审批，不能出件"
    with pytest.raises(TransitionError) as refused:
        delivery.pickup_by_applicant(ws, clerk, routed, NUMBER, at=at(TODAY, 14))
    assert refused.value.message == (
        f"办件 {routed} 还有「{FIRE}、{HOUSING}」未审批，不能出件：联办事项须各部门都审结后才能出件"
    )
    draft = delivery.MailDraft(
        recipient="包海龙", phone="13904751234", address="保康镇民主街12号", tracking_no=""
    )
    with pytest.raises(TransitionError):
        delivery.mail(ws, clerk, routed, replace(draft, tracking_no="1234567890123"))
    assert case_row(ws, routed).state == CaseState.READY_FOR_DELIVERY.value
