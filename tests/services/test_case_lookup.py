"""One case lookup: full-width numbers and today's partial numbers at every entry point."""

from __future__ import annotations

from datetime import datetime, time, timedelta

import pytest

from hall_desk.domain.caseref import normalise
from hall_desk.domain.errors import NotFound
from hall_desk.services import case_clock, cases, delivery, intake, routing
from hall_desk.services.routing import Move
from tests.conftest import TODAY, running_clock
from tests.services.helpers import draft_for, resident_id
from tests.services.test_routing import MARKET, accept, at, to_delivery

LONG = "051040003001"  # 最低生活保障审核确认: 20 working days
APPLICANT_ID = resident_id(seq="101")


def full_width(case_no: str) -> str:
    """As an input method in full-width mode types it: ２０２６１１２４－Ｗ０１－０００１."""
    return "".join(chr(ord(c) + 0xFEE0) for c in case_no)


@pytest.fixture(autouse=True)
def on_today(ws):  # type: ignore[no-untyped-def]
    # Partial numbers mean today's cases: the workstation's today is the tests' TODAY.
    ws.wall = running_clock(datetime.combine(TODAY, time(10)))


def test_normalise_reads_every_width_and_dash() -> None:
    for typed in (
        "２０２６１１２４－Ｗ０１－０００１",
        " 20261124—w01–0001 ",
        "20261124－W01ー0001",
        "2026 1124-W01-0001",
    ):
        assert normalise(typed) == "20261124-W01-0001"


def test_full_width_numbers_at_every_entry_point(ws, clerk, router):
    case_no = accept(ws, clerk)
    typed = full_width(case_no)
    assert typed == "２０２６１１２４－Ｗ０１－０００１"
    assert cases.case_detail(ws, clerk, typed).case.case_no == case_no
    assert [h.case_no for h in cases.search_cases(ws, typed)] == [case_no]
    assert routing.check_scan(ws, router, Move.COLLECT, typed).ok
    assert routing.journey(ws, router, typed).case_no == case_no
    assert routing.folder_labels(ws, router, [typed])[0].case_no == case_no
    to_delivery(ws, router, MARKET, case_no)
    assert [r.case_no for r in delivery.ready_queue(ws, clerk, typed)] == [case_no]
    done = delivery.pickup_by_applicant(ws, clerk, typed, APPLICANT_ID)
    assert done.case_no == case_no


def test_full_width_numbers_in_the_clock_services(ws, clerk):
    case = intake.accept(ws, clerk, draft_for(ws, [LONG]), on=TODAY)
    typed = full_width(case.case_no)
    case_clock.pause_clock(ws, clerk, typed, "inspection", on=TODAY, note="房屋鉴定")
    assert cases.case_detail(ws, clerk, case.case_no).case.paused_since == TODAY
    due = case_clock.resume_clock(ws, clerk, typed, on=TODAY + timedelta(days=7))
    assert cases.case_detail(ws, clerk, case.case_no).case.due_date == due


def test_full_width_numbers_at_the_supplement_counter(ws, clerk, router):
    case_no = accept(ws, clerk)
    routing.collect(ws, router, [case_no], at=at(TODAY, 10))
    back = routing.return_for_supplement(
        ws, router, full_width(case_no), "营业执照复印件不清晰", materials=["营业执照"]
    )
    assert back.case_no == case_no
    result = intake.receive_supplement(ws, clerk, full_width(case_no), {"营业执照": 1})
    assert result.case_no == case_no and result.state.value == "accepted"


def _second_station(ws, clerk, case_no: str, station_no: str) -> None:  # type: ignore[no-untyped-def]
    """Renumber a case as if another workstation had taken it in (as a pull would bring it)."""
    case = cases.case_detail(ws, clerk, case_no).case
    with ws.transaction(clerk) as tx:
        tx.emit("case.updated", "case", case.id, {"set": {"case_no": station_no}})


def test_partial_numbers_find_todays_case(ws, clerk, router):
    first = accept(ws, clerk)
    second = accept(ws, clerk, n=2)
    assert (first, second) == ("20261124-W01-0001", "20261124-W01-0002")
    assert cases.case_detail(ws, clerk, "0002").case.case_no == second
    assert cases.case_detail(ws, clerk, "w01-0001").case.case_no == first
    assert cases.case_detail(ws, clerk, "Ｗ０１－０００２").case.case_no == second
    assert [h.case_no for h in cases.search_cases(ws, "0001")] == [first]
    line = routing.check_scan(ws, router, Move.COLLECT, "０００１")
    assert line.ok and line.case_no == first


def test_partial_numbers_refuse_yesterday_unknown_and_ambiguous(ws, clerk, router):
    accept(ws, clerk, on=TODAY - timedelta(days=1))  # 20261123-W01-0001
    with pytest.raises(NotFound, match=r"今日（2026-11-24）没有受理编号以「-0001」结尾的办件"):
        cases.case_detail(ws, clerk, "0001")
    with pytest.raises(NotFound, match="找不到受理编号为「20261124-W01-0001」的办件"):
        cases.case_detail(ws, clerk, "W01-0001")
    mine = accept(ws, clerk, n=2)
    other = cases.case_detail(ws, clerk, accept(ws, clerk, n=3)).case
    _second_station(ws, clerk, other.case_no, "20261124-W02-0001")
    line = routing.check_scan(ws, router, Move.COLLECT, "0001")
    assert not line.ok
    assert line.message == (
        "「0001」对应今日多个办件：20261124-W01-0001、20261124-W02-0001，"
        "请输入完整受理编号，或加上工作站（如 W01-0001）"
    )
    with pytest.raises(NotFound, match="对应今日多个办件"):
        intake.receive_supplement(ws, clerk, "0001", {"营业执照": 1})
    assert cases.case_detail(ws, clerk, "W02-0001").case.id == other.id
    assert routing.check_scan(ws, router, Move.COLLECT, "W01-0001").case_no == mine
    hits = {h.case_no for h in cases.search_cases(ws, "0001")}
    assert hits == {mine, "20261124-W02-0001"}


def test_not_a_case_number_is_said_in_words(ws, clerk, router):
    line = routing.check_scan(ws, router, Move.COLLECT, "食品")
    assert not line.ok and line.message.startswith("「食品」不是受理编号")
    with pytest.raises(NotFound, match="不是受理编号"):
        case_clock.pause_clock(ws, clerk, "abc", "inspection", note="送检")
