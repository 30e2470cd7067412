"""好差评 pages driven with clicks and keys: the lead sees the rater masked, reveals with an audit
entry and reviews an appeal; the staff member sees counts only and appeals their own 差评."""

from __future__ import annotations

import json

from sqlalchemy import select

from hall_desk.domain.ratings import Level, RatingChannel
from hall_desk.services import consultations, ratings
from hall_desk.services.consultations import ConsultationDraft
from hall_desk.store.models import AuditEntry
from hall_desk.store.models_ratings import RatingRow
from hall_desk.ui.ratings_page import MyRatingsDialog, RatingsPage
from hall_desk.ui.tickets_workspace import TicketsWorkspace
from tests.services import tickets_helpers
from tests.services.tickets_helpers import Desk
from tests.ui.actions import click, fill, settle

desk = tickets_helpers.desk


def _bad_rating(d: Desk, topic: str = "社保卡补办") -> str:
    """A 差评 of clerk2's consultation, keyed in for a real-name applicant."""
    consulted = consultations.log_consultation(d.ws, d.handler, ConsultationDraft(topic=topic))
    result = ratings.rate(
        d.ws, d.handler, "consultation", consulted, Level.UNSATISFIED,
        channel=RatingChannel.PROXY, reasons=["等候时间过长"], proxy_reason="申请人请求协助录入",
        rater_name="包海龙", rater_phone="13904751234",
    )  # fmt: skip
    return result.rating_id


def _good_rating(d: Desk) -> None:
    consulted = consultations.log_consultation(d.ws, d.handler, ConsultationDraft(topic="公积金"))
    ratings.rate(d.ws, d.handler, "consultation", consulted, Level.VERY_SATISFIED)


def _row(d: Desk, rating_id: str) -> RatingRow:
    with d.ws.reading() as s:
        row = s.get(RatingRow, rating_id)
        assert row is not None
        s.expunge(row)
        return row


def test_the_lead_sees_the_rater_masked_and_reveals_with_an_audit_entry(qtbot, desk) -> None:
    _bad_rating(desk)
    _good_rating(desk)
    workspace = TicketsWorkspace(desk.ws, desk.lead)
    qtbot.addWidget(workspace)
    workspace.show()
    workspace.tabs.setCurrentWidget(workspace.ratings)
    page = workspace.ratings
    settle(qtbot)  # the lists are read off the GUI thread
    assert page.figures.text().startswith("评价 2 次（非常满意 1，满意 0，基本满意 0，不满意 1")
    assert "差评 1 次，差评率 50.0%（1/2）" in page.figures.text()
    shown = {page.model.rows[i].level: i for i in range(len(page.model.rows))}
    bad_row = shown[Level.UNSATISFIED]
    rater = page.model.index(bad_row, 7).data()
    assert rater == "包** 139****1234" and "13904751234" not in rater
    page.table.selectRow(shown[Level.VERY_SATISFIED])
    assert page.model.index(shown[Level.VERY_SATISFIED], 7).data() == "匿名"
    assert not page.reveal_button.isEnabled(), "nobody to reveal for an anonymous rating"
    assert not page.review_button.isEnabled(), "no appeal to review"
    page.table.selectRow(bad_row)
    click(qtbot, page.reveal_button)
    assert page.rater.text() == "评价人：包海龙　13904751234（本次查看已记录）"
    with desk.ws.reading() as s:
        entry = s.scalars(
            select(AuditEntry).where(AuditEntry.action == "pii.unmask").order_by(AuditEntry.seq)
        ).all()[-1]
    assert entry.actor == "lead1" and json.loads(entry.detail)["fields"] == ["rater"]
    assert "13904751234" not in entry.detail


def test_the_staff_member_appeals_and_another_lead_reviews(qtbot, desk) -> None:
    rating_id = _bad_rating(desk)
    mine = MyRatingsDialog(desk.ws, desk.handler)
    qtbot.addWidget(mine)
    mine.show()
    settle(qtbot)
    assert "差评 1 次，差评率 100.0%（1/1）" in mine.counts.text()
    headers = [mine.model.headerData(i, 1) for i in range(mine.model.columnCount())]
    assert "评价人" not in headers, "the staff member never sees who rated"
    click(qtbot, mine.appeal_button)
    assert mine.error.text() == "⚠ 请先选择要申诉的差评"
    mine.table.selectRow(0)
    fill(qtbot, mine.reason, "排队")
    click(qtbot, mine.appeal_button)
    assert mine.reason_error.isVisible() and "至少 4 个字" in mine.reason_error.text()
    assert _row(desk, rating_id).appeal_state == ""
    fill(qtbot, mine.reason, "当日系统故障，排队非本人原因")
    click(qtbot, mine.appeal_button)
    assert mine.message.text() == "已提出申诉，等待班组长复核"
    assert mine.model.index(0, 5).data() == "申诉中"

    page = RatingsPage(desk.ws, desk.lead2)
    qtbot.addWidget(page)
    page.show()
    page.only_bad.setCurrentIndex(page.only_bad.findData("appeals"))
    settle(qtbot)
    assert len(page.model.rows) == 1
    page.table.selectRow(0)
    page.decision.setCurrentIndex(page.decision.findData(True))
    fill(qtbot, page.review_note, "经核实系统故障属实")
    click(qtbot, page.review_button)
    row = _row(desk, rating_id)
    assert (row.appeal_state, row.reviewed_by) == ("upheld", "lead2")
    page.only_bad.setCurrentIndex(page.only_bad.findData("all"))
    settle(qtbot)
    assert page.figures.text().endswith("；申诉成立 1 次，扣除后差评率 —")
