"""The 交办单 and the 答复函 read back: number, deadline in words, masked phone, the answer."""

from __future__ import annotations

import pytest

from hall_desk.domain.errors import ValidationError
from hall_desk.reports.ticket_papers import answer_letter, assignment_sheet
from hall_desk.services import tickets
from tests.reports.test_notices import text_of
from tests.services import tickets_helpers
from tests.services.tickets_helpers import complaint

desk = tickets_helpers.desk


def test_the_assignment_sheet_carries_the_deadline_and_the_dispatch(desk) -> None:
    ws = desk.ws
    number = tickets.register(ws, desk.clerk, complaint(external_no="")).ticket_no
    with pytest.raises(ValidationError, match="尚未派发，没有交办单"):
        assignment_sheet(ws, desk.lead, number)
    tickets.analyse(ws, desk.clerk, number, "窗口对变更登记材料要求理解不一致")
    tickets.dispatch(ws, desk.clerk, number, "department", "市场监督管理局")
    title, data = assignment_sheet(ws, desk.lead, number)
    text = text_of(data)
    assert title == "交办单"
    assert "办不成事（投诉）交办单" in text and number in text
    assert "部门后台：市场监督管理局" in text and "2026年12月1日" in text
    assert "多次往返未办成" in text and "窗口对变更登记材料要求理解不一致" in text
    assert "139****1234" in text and "13904751234" not in text


def test_the_answer_letter_says_the_answer_to_the_reporter(desk) -> None:
    ws = desk.ws
    number = tickets.register(ws, desk.clerk, complaint()).ticket_no
    with pytest.raises(ValidationError, match="尚未答复，没有答复函"):
        answer_letter(ws, desk.lead, number)
    tickets.analyse(ws, desk.clerk, number, "材料要求不一致")
    tickets.dispatch(ws, desk.clerk, number, "window", "综合窗口3")
    tickets.answer(
        ws, desk.clerk, number, "您的变更登记已于今日办结，可到出件窗口领取执照。", "written"
    )
    title, data = answer_letter(ws, desk.lead, number)
    text = text_of(data)
    assert title == "答复函"
    assert text.count("包海龙：") == 1 and number in text
    assert "您的变更登记已于今日办结，可到出件窗口领取执照。" in text
    assert "2026年11月24日" in text and "13904751234" not in text
