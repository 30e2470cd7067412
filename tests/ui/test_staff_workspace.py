"""人员与巡查 workspace driven with keys and clicks: a meeting refused then saved, an inspection
with a finding fixed and re-checked, a month computed, adjusted, published and printed."""

from __future__ import annotations

import io
from datetime import date

from pypdf import PdfReader
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QComboBox
from sqlalchemy import select, text

from hall_desk.store.models_staff import (
    EvaluationReviewRow,
    FindingRow,
    MeetingAttendanceRow,
    MeetingRow,
)
from hall_desk.ui.staff_workspace import StaffWorkspace
from tests.services import staff_helpers
from tests.services.staff_helpers import Hall
from tests.services.test_evaluations import complaint_about
from tests.ui.actions import click, settle
from tests.ui.conftest import type_text

hall = staff_helpers.hall
CTRL = Qt.KeyboardModifier.ControlModifier


def _page(qtbot, h: Hall) -> StaffWorkspace:  # type: ignore[no-untyped-def]
    page = StaffWorkspace(h.ws, h.lead)
    qtbot.addWidget(page)
    page.resize(1366, 768)
    page.show()
    qtbot.waitExposed(page)
    page.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is page)
    return page


def _pick(qtbot, box: QComboBox, value: str) -> None:  # type: ignore[no-untyped-def]
    """Chooses an option with the arrow keys, as a clerk does."""
    box.setFocus()
    qtbot.keyClick(box, Qt.Key.Key_Home)
    while box.currentData() != value:
        before = box.currentIndex()
        qtbot.keyClick(box, Qt.Key.Key_Down)
        assert box.currentIndex() != before, f"{value} is not offered"


def test_a_meeting_is_refused_beside_its_fields_then_saved_at_the_keyboard(qtbot, hall) -> None:
    page = _page(qtbot, hall)
    tab = page.meetings
    status, reason = tab.attendance["clerk1"]
    _pick(qtbot, status, "absent")
    qtbot.keyClick(status, Qt.Key.Key_Return, CTRL)
    settle(qtbot)
    assert tab.form.error_labels["topics"].text() == "⚠ 请填写会议内容（议题）"
    assert tab.form.error_labels["attendees"].text() == "⚠ 「王晓燕」缺席，请写明原因"
    assert QApplication.focusWidget() is tab.topics
    with hall.ws.reading() as s:
        assert s.scalars(select(MeetingRow)).all() == []
    type_text(qtbot, tab.topics, "通报上周办件情况")
    reason.setFocus()
    type_text(qtbot, reason, "未请假未到会")
    qtbot.keyClick(reason, Qt.Key.Key_Return, CTRL)
    settle(qtbot)
    assert tab.message.text() == "✓ 已保存晨会记录"
    with hall.ws.reading() as s:
        (meeting,) = s.scalars(select(MeetingRow)).all()
        statuses = dict(
            s.execute(select(MeetingAttendanceRow.username, MeetingAttendanceRow.status)).all()
        )
    assert meeting.kind == "morning" and meeting.host == "lead1"
    assert statuses == {"clerk1": "absent", "clerk2": "present", "router": "present"}
    assert not tab.form.error_labels["topics"].isVisible()


def test_an_inspection_finding_is_fixed_and_rechecked_from_the_list(qtbot, hall) -> None:
    page = _page(qtbot, hall)
    page.tabs.setCurrentIndex(1)
    tab = page.inspections
    _entry, passed, who, severity, _deadline, note, _err = next(
        row for row in tab.items if row[0].item == "使用文明服务用语"
    )
    passed.setFocus()
    qtbot.keyClick(passed, Qt.Key.Key_Space)
    assert not passed.isChecked() and who.isEnabled()
    _pick(qtbot, who, "clerk2")
    _pick(qtbot, severity, "major")
    note.setFocus()
    type_text(qtbot, note, "对群众态度生硬")
    qtbot.keyClick(note, Qt.Key.Key_Return, CTRL)
    settle(qtbot)
    assert tab.form.error_labels["area"].text() == "⚠ 请填写巡查区域或窗口"
    assert QApplication.focusWidget() is tab.area
    type_text(qtbot, tab.area, "综合受理区")
    click(qtbot, tab.save)
    assert tab.message.text() == "✓ 已保存巡查记录：不合格 1 项"
    (shown,) = tab.findings.rows
    assert (shown.staff_name, shown.severity.label, shown.escalation.label) == (
        "刘海涛",
        "较重",
        "提醒",
    )
    tab.findings_view.setFocus()
    tab.findings_view.selectRow(0)
    tab.fix.setFocus()
    type_text(qtbot, tab.fix, "已当面致歉并学习服务用语")
    click(qtbot, tab.fix_button)
    assert tab.message.text() == "✓ 已登记整改"
    assert tab.findings.rows[0].state.label == "已整改待复查"
    tab.findings_view.selectRow(0)
    click(qtbot, tab.pass_button)
    assert tab.findings.rows == []
    with hall.ws.reading() as s:
        (row,) = s.scalars(select(FindingRow)).all()
    assert (row.state, row.fix, row.rechecked_by) == ("closed", "已当面致歉并学习服务用语", "lead1")


def test_a_month_is_computed_adjusted_published_reviewed_and_printed(qtbot, hall) -> None:
    complaint_about(hall, "clerk1", date(2026, 11, 10))
    hall.at(date(2026, 11, 30), 17)
    page = _page(qtbot, hall)
    page.tabs.setCurrentIndex(2)
    tab = page.evaluations
    click(qtbot, tab.compute)
    assert tab.message.text() == "✓ 已按本月数据计算 3 张考评表"
    names = [v.staff_name for v in tab.sheets.rows]
    assert names[-1] == "王晓燕" and tab.sheets.rows[-1].total == 95
    tab.sheets_view.setFocus()
    tab.sheets_view.selectRow(len(names) - 1)
    assert [line.kind.value for line in tab.lines.rows] == ["complaint"]
    _pick(qtbot, tab.item, "工作态度")
    tab.points.setFocus()
    tab.points.selectAll()
    type_text(qtbot, tab.points, "-2")
    click(qtbot, tab.adjust)
    assert tab.form.error_labels["reason"].text() == "⚠ 人工调整须写明理由"
    tab.reason.setFocus()
    type_text(qtbot, tab.reason, "服务态度差")
    click(qtbot, tab.adjust)
    assert tab.message.text() == "✓ 已调整，总分 93"
    click(qtbot, tab.check)
    click(qtbot, tab.publish)
    assert tab.message.text() == "✓ 已发布，本人应在 2026-12-03 前确认"
    # After publication the same button records a 复核, with its reason and before → after.
    tab.sheets_view.selectRow([v.staff for v in tab.sheets.rows].index("clerk1"))
    _pick(qtbot, tab.item, "工作态度")
    tab.points.setFocus()
    tab.points.selectAll()
    type_text(qtbot, tab.points, "2")
    tab.reason.setFocus()
    type_text(qtbot, tab.reason, "核实后撤销扣分")
    click(qtbot, tab.adjust)
    with hall.ws.reading() as s:
        (review,) = s.scalars(select(EvaluationReviewRow)).all()
    assert (review.before, review.after, review.reason) == (93, 95, "核实后撤销扣分")
    click(qtbot, tab.print_summary)
    preview = tab.preview
    assert preview is not None
    text = "".join(p.extract_text() for p in PdfReader(io.BytesIO(preview.pdf.data)).pages)
    assert "考评汇总表" in text.replace(" ", "")
    preview.close()


def test_the_dashboard_names_open_findings_overdue_actions_and_missing_meetings(qtbot, hall):
    from hall_desk.services import inspections, meetings
    from hall_desk.services.inspections import CheckEntry, InspectionDraft
    from hall_desk.services.meetings import ActionDraft, AttendeeEntry, MeetingDraft
    from hall_desk.ui.reports_workspace import ReportsWorkspace

    day = date(2026, 11, 2)
    held = hall.at(day)
    hall.at(day, 17, 0)
    meetings.record(
        hall.ws,
        hall.lead,
        MeetingDraft(
            held_at=held,
            host="lead1",
            attendees=[AttendeeEntry("clerk1")],
            topics="本周安排",
            actions=[ActionDraft("更新办事指南", "clerk1", date(2026, 11, 4))],
        ),
    )
    inspections.record(
        hall.ws,
        hall.lead,
        InspectionDraft(
            inspected_at=held,
            inspectors=["lead1"],
            area="综合受理区",
            items=[CheckEntry("conduct", "仪容仪表", False, "", "clerk2", "", "minor", day)],
        ),
    )
    hall.at(date(2026, 11, 5), 17)
    page = ReportsWorkspace(hall.ws, hall.lead)
    qtbot.addWidget(page)
    page.day.setDate(page._qdate(date(2026, 11, 5)))
    settle(qtbot)  # the people figures are read off the GUI thread
    assert page.people_summary.text() == (
        "待整改巡查问题 1 条（其中已逾期 1 条）；逾期未完成的会议待办 1 项；本月缺少的会议记录 2 次"
    )
    assert page.tabs.tabText(page.people_index) == "⚠ 人员与巡查（4）"
    assert [m.text for m in page.missing.rows] == [
        "2026-11-03 缺少晨会记录",
        "2026-11-04 缺少晨会记录",
    ]


def test_the_dashboard_reminds_the_lead_of_a_published_sheet_nobody_answered(qtbot, hall) -> None:
    from hall_desk.services import evaluations
    from hall_desk.ui.reports_workspace import ReportsWorkspace

    hall.at(date(2026, 11, 30), 17)
    evaluations.compute_month(hall.ws, hall.lead, "2026-11")
    evaluations.check_month(hall.ws, hall.lead, "2026-11")
    evaluations.publish_month(hall.ws, hall.lead, "2026-11")
    hall.at(date(2026, 12, 1), 9)
    for clerk in (hall.clerk2, hall.router):
        evaluations.confirm(hall.ws, clerk, evaluations.sheet_id("2026-11", clerk.username))
    hall.at(date(2026, 12, 4), 9)
    page = ReportsWorkspace(hall.ws, hall.lead)
    qtbot.addWidget(page)
    page.day.setFocus()
    qtbot.keyClick(page.day, Qt.Key.Key_Up)  # the dashboard's day: from 12-04 back is the arrows'
    qtbot.keyClick(page.day, Qt.Key.Key_Down)
    settle(qtbot)
    reminders = [
        line for line in page.people_summary.text().splitlines() if line.startswith("提醒：")
    ]
    assert reminders == [
        "提醒：王晓燕（clerk1）2026-11 考评表逾期未确认（应于 2026-12-03 前确认或提出异议）"
    ]
    assert page.tabs.tabText(page.people_index).startswith("⚠ 人员与巡查（")


def test_a_staff_member_objects_to_their_published_sheet_with_a_reason(qtbot, hall) -> None:
    from hall_desk.services import evaluations
    from hall_desk.ui.my_evaluation import MyEvaluationDialog

    complaint_about(hall, "clerk1", date(2026, 11, 10))
    hall.at(date(2026, 11, 30), 17)
    evaluations.compute_month(hall.ws, hall.lead, "2026-11")
    evaluations.check_month(hall.ws, hall.lead, "2026-11")
    evaluations.publish_month(hall.ws, hall.lead, "2026-11")
    dialog = MyEvaluationDialog(hall.ws, hall.clerk)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    assert [(v.month, v.total, v.state.label) for v in dialog.months.rows] == [
        ("2026-11", 95, "已发布待确认")
    ]
    assert [line.kind.value for line in dialog.lines.rows] == ["complaint"]
    click(qtbot, dialog.object)
    assert dialog.reason_error.text() == "⚠ 提出异议须写明理由"
    assert QApplication.focusWidget() is dialog.reason
    type_text(qtbot, dialog.reason, "投诉与事实不符，有录像为证")
    click(qtbot, dialog.object)
    assert dialog.message.text() == "✓ 已对 2026-11 的考评提出异议，班组长将复核"
    assert dialog.months.rows[0].state.label == "本人有异议"
    assert evaluations.sheet_of(hall.ws, hall.lead, "2026-11", "clerk1").objection == (
        "投诉与事实不符，有录像为证"
    )


def test_the_admin_saves_a_new_scheme_version_refused_first_when_maxima_do_not_add_up(
    qtbot, hall
) -> None:
    from hall_desk.services import evaluations

    page = StaffWorkspace(hall.ws, hall.admin)
    qtbot.addWidget(page)
    page.show()
    page.tabs.setCurrentIndex(2)
    tab = page.evaluations
    assert tab.scheme_button is not None
    click(qtbot, tab.scheme_button)
    dialog = tab.scheme_dialog
    name, maximum = dialog.items[0]
    assert name.text() == "工作态度"
    maximum.setFocus()
    maximum.selectAll()
    type_text(qtbot, maximum, "25")
    click(qtbot, dialog.save)
    assert dialog.errors.labels["total"].text() == "⚠ 各考评项目满分之和为 105，与方案总分 100 不符"
    assert evaluations.current_scheme(hall.ws).version == 1
    dialog.total.setFocus()
    dialog.total.selectAll()
    type_text(qtbot, dialog.total, "105")
    dialog.cap.setFocus()
    dialog.cap.selectAll()
    type_text(qtbot, dialog.cap, "115")
    click(qtbot, dialog.save)
    saved = evaluations.current_scheme(hall.ws)
    assert (saved.version, saved.total, saved.items[0].maximum) == (2, 105, 25)
    assert tab.message.text() == "✓ 已保存考评方案第 2 版：本月重新计算后按新版本计分"
    # A staff lead sees no scheme button: the scheme is the admin's.
    lead_page = StaffWorkspace(hall.ws, hall.lead)
    qtbot.addWidget(lead_page)
    assert lead_page.evaluations.scheme_button is None


def test_a_lines_evidence_opens_with_enter_in_the_tickets_list(qtbot, hall) -> None:
    from hall_desk.ui.main_window import MainWindow

    complaint_about(hall, "clerk1", date(2026, 11, 10))
    hall.at(date(2026, 11, 30), 17)
    main = MainWindow(hall.ws, hall.lead)
    qtbot.addWidget(main)
    main.show()
    assert main.show_workspace("staff")
    tab = main.staff.evaluations
    main.staff.tabs.setCurrentWidget(tab)
    click(qtbot, tab.compute)
    tab.sheets_view.selectRow([v.staff for v in tab.sheets.rows].index("clerk1"))
    tab.lines_view.setFocus()
    tab.lines_view.setCurrentIndex(tab.lines.index(0, 0))
    qtbot.keyClick(tab.lines_view, Qt.Key.Key_Return)
    number = tab.lines.rows[0].ref_no
    assert main.tickets.isVisible()
    chosen = main.tickets.desk.table.currentIndex()
    assert main.tickets.desk.model.row_at(chosen.row()).ticket_no == number


def test_the_lead_changes_the_checklist_and_the_form_follows(qtbot, hall) -> None:
    page = _page(qtbot, hall)
    page.tabs.setCurrentIndex(1)
    tab = page.inspections
    before = len(tab.items)
    click(qtbot, tab.checklist_button)
    dialog = tab.checklist_dialog
    conduct = dialog.groups[next(g for g in dialog.groups if g.value == "conduct")]
    conduct.selectAll()
    conduct.setFocus()
    qtbot.keyClick(conduct, Qt.Key.Key_Delete)
    click(qtbot, dialog.save)
    assert dialog.errors.fallback.text() == "⚠ 巡查清单「行为规范」组至少要有一项"
    type_text(qtbot, conduct, "仪容仪表")
    click(qtbot, dialog.save)
    assert len(tab.items) == before - 3
    assert [e.item for e, *_rest in tab.items if e.group == "conduct"] == ["仪容仪表"]
    assert tab.message.text() == f"✓ 巡查清单已保存：共 {before - 3} 项"


def _enter_on_line(qtbot, tab, kind: str):  # type: ignore[no-untyped-def]
    """Enter on the first line of `kind` in the chosen sheet; returns that line."""
    row = [line.kind.value for line in tab.lines.rows].index(kind)
    tab.lines_view.setFocus()
    tab.lines_view.setCurrentIndex(tab.lines.index(row, 0))
    qtbot.keyClick(tab.lines_view, Qt.Key.Key_Return)
    return tab.lines.rows[row]


def test_every_kind_of_evidence_opens_its_record(qtbot, hall) -> None:
    from hall_desk.services import inspections, meetings, ratings
    from hall_desk.services.inspections import CheckEntry, InspectionDraft
    from tests.services.test_evaluations import (
        _rated,
        absent_from_morning_meeting,
        praise_for,
    )

    ticket = complaint_about(hall, "clerk1", date(2026, 11, 10))
    bad = _rated(hall, hall.clerk, date(2026, 11, 12), 1)
    meeting = absent_from_morning_meeting(hall, "clerk1", date(2026, 11, 3))
    praise_for(hall, "clerk1", date(2026, 11, 20))
    day = date(2026, 11, 16)
    held = hall.at(day)
    inspections.record(
        hall.ws,
        hall.lead,
        InspectionDraft(
            inspected_at=held,
            inspectors=["lead1"],
            area="综合受理区",
            items=[
                CheckEntry("conduct", "仪容仪表", False, "未佩戴工牌", "clerk1", "", "minor", day)
            ],
        ),
    )
    with hall.ws.reading() as s:
        (finding,) = s.scalars(select(FindingRow.id)).all()
    # Fixed and re-checked: the finding is no longer in the open list, and still opens.
    inspections.record_fix(hall.ws, hall.lead, finding, "已佩戴")
    inspections.recheck(hall.ws, hall.lead, finding, True, "复查合格")
    hall.at(date(2026, 11, 30), 17)
    page = _page(qtbot, hall)
    page.tabs.setCurrentIndex(2)
    tab = page.evaluations
    click(qtbot, tab.compute)
    tab.sheets_view.selectRow([v.staff for v in tab.sheets.rows].index("clerk1"))
    kinds = {line.kind.value for line in tab.lines.rows}
    assert kinds == {"complaint", "rating_upheld", "meeting_absent", "praise", "finding_minor"}
    with qtbot.waitSignal(tab.open_ticket_requested) as opened:
        line = _enter_on_line(qtbot, tab, "complaint")
    assert line.ref == ticket and opened.args == [line.ref_no]
    # A 差评 opens its own record, read-only, not its 整改 ticket.
    _enter_on_line(qtbot, tab, "rating_upheld")
    dialog = tab.rating_dialog
    qtbot.waitUntil(dialog.isVisible)
    view = ratings.rating_of(hall.ws, hall.lead, bad)
    assert dialog.values["level"].text() == view.level.label == "非常不满意"
    assert dialog.values["staff"].text() == "王晓燕（综合窗口1）"
    assert dialog.values["ticket"].text() == view.ticket_no
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not dialog.isVisible())
    # A finding: the 巡查 tab, with closed findings shown, the finding chosen.
    _enter_on_line(qtbot, tab, "finding_minor")
    assert page.tabs.currentWidget() is page.inspections
    chosen = page.inspections.findings_view.currentIndex()
    assert page.inspections.findings.rows[chosen.row()].id == finding
    assert page.inspections.all_findings.isChecked()
    # A meeting: by a double click this time; the 会议 tab shows its record.
    page.tabs.setCurrentIndex(2)
    row = [line.kind.value for line in tab.lines.rows].index("meeting_absent")
    rect = tab.lines_view.visualRect(tab.lines.index(row, 1))
    qtbot.mouseClick(tab.lines_view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.mouseDClick(tab.lines_view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert page.tabs.currentWidget() is page.meetings
    shown = page.meetings.meetings_view.currentIndex()
    assert page.meetings.meeting_rows.rows[shown.row()].id == meeting
    assert "王晓燕：缺席（未请假未到会）" in page.meetings.meeting_text.text()
    assert meetings.meeting(hall.ws, meeting).kind.label in page.meetings.meeting_text.text()
    # Praise is a ticket too.
    page.tabs.setCurrentIndex(2)
    with qtbot.waitSignal(tab.open_ticket_requested) as opened:
        line = _enter_on_line(qtbot, tab, "praise")
    assert opened.args == [line.ref_no] and line.ref_no.startswith("FK")


def test_a_meeting_with_two_action_items_is_corrected_with_a_reason(qtbot, hall) -> None:
    hall.at(date(2026, 11, 30), 17)
    page = _page(qtbot, hall)
    tab = page.meetings
    type_text(qtbot, tab.topics, "月底工作安排")
    first, owner, _deadline, _err = tab.action_rows_[0]
    first.setFocus()
    type_text(qtbot, first, "整理本月台账")
    _pick(qtbot, owner, "clerk1")
    qtbot.keyClick(owner, Qt.Key.Key_T, CTRL)  # another action item row, focused
    assert len(tab.action_rows_) == 2 and QApplication.focusWidget() is tab.action_rows_[1][0]
    type_text(qtbot, tab.action_rows_[1][0], "检查叫号机")
    _pick(qtbot, tab.action_rows_[1][1], "router")
    # Not expected today: 刘海涛 is left out with Space.
    tab.expected["clerk2"].setFocus()
    qtbot.keyClick(tab.expected["clerk2"], Qt.Key.Key_Space)
    qtbot.keyClick(tab.topics, Qt.Key.Key_Return, CTRL)
    settle(qtbot)
    assert tab.message.text() == "✓ 已保存晨会记录"
    with hall.ws.reading() as s:
        (meeting,) = s.scalars(select(MeetingRow)).all()
        expected = s.scalars(select(MeetingAttendanceRow.username)).all()
        actions = s.execute(text("SELECT text, owner FROM meeting_actions ORDER BY position")).all()
    assert sorted(expected) == ["clerk1", "router"]
    assert [tuple(a) for a in actions] == [("整理本月台账", "clerk1"), ("检查叫号机", "router")]
    assert len(tab.action_rows_) == 1  # the form is empty again
    # The saved meeting, chosen in the list, is corrected: 王晓燕 was in fact absent.
    assert [m.id for m in tab.meeting_rows.rows] == [meeting.id]
    tab.meetings_view.setFocus()
    tab.meetings_view.selectRow(0)
    click(qtbot, tab.correct_button)
    assert QApplication.focusWidget() is tab.correction_reason
    assert tab.topics.toPlainText() == "月底工作安排" and len(tab.action_rows_) == 2
    status, reason = tab.attendance["clerk1"]
    _pick(qtbot, status, "absent")
    reason.setFocus()
    type_text(qtbot, reason, "未请假未到会")
    qtbot.keyClick(reason, Qt.Key.Key_Return, CTRL)
    settle(qtbot)
    assert tab.form.error_labels["correction_reason"].text() == "⚠ 更正会议记录须写明理由"
    assert QApplication.focusWidget() is tab.correction_reason
    type_text(qtbot, tab.correction_reason, "核对签到表")
    qtbot.keyClick(tab.correction_reason, Qt.Key.Key_Return, CTRL)
    settle(qtbot)
    assert tab.message.text() == "✓ 已更正晨会记录，更正记录已留存"
    with hall.ws.reading() as s:
        (meetings_now,) = [s.scalar(text("SELECT count(*) FROM meetings"))]
        status_now = s.scalar(
            text("SELECT status FROM meeting_attendance WHERE username = 'clerk1'")
        )
        (correction,) = s.execute(
            text('SELECT "by", reason, before, after FROM meeting_corrections')
        ).all()
    assert meetings_now == 1 and status_now == "absent"
    assert tuple(correction) == (
        "lead1",
        "核对签到表",
        "出席·王晓燕：王晓燕：出席",
        "出席·王晓燕：王晓燕：缺席（未请假未到会）",
    )
    tab.meetings_view.selectRow(0)
    assert "更正" in tab.meeting_text.text() and "核对签到表" in tab.meeting_text.text()
    assert tab.meeting_rows.rows[0].corrections


def test_an_inspection_is_saved_with_two_inspectors(qtbot, hall) -> None:
    from hall_desk.domain.roles import Role
    from hall_desk.services import users
    from tests.conftest import STAFF_PASSWORD

    users.create_user(hall.ws, hall.admin, "lead2", "孙立军", Role.LEAD, STAFF_PASSWORD, "班组长")
    page = _page(qtbot, hall)
    page.tabs.setCurrentIndex(1)
    tab = page.inspections
    assert tab.inspectors["lead1"].isChecked() and not tab.inspectors["lead2"].isChecked()
    tab.inspectors["lead1"].setFocus()
    qtbot.keyClick(tab.inspectors["lead1"], Qt.Key.Key_Space)  # nobody ticked
    type_text(qtbot, tab.area, "综合受理区")
    click(qtbot, tab.save)
    assert tab.form.error_labels["inspectors"].text() == "⚠ 请选择巡查人员"
    assert QApplication.focusWidget() is tab.inspectors["lead1"]
    qtbot.keyClick(tab.inspectors["lead1"], Qt.Key.Key_Space)
    tab.inspectors["lead2"].setFocus()
    qtbot.keyClick(tab.inspectors["lead2"], Qt.Key.Key_Space)
    click(qtbot, tab.save)
    assert tab.message.text() == "✓ 已保存巡查记录：不合格 0 项"
    with hall.ws.reading() as s:
        (row,) = s.execute(text("SELECT inspectors, inspector_names FROM inspections")).all()
    assert tuple(row) == ("lead1,lead2", "李秀兰、孙立军")


def test_publishing_is_refused_on_screen_while_an_appeal_waits(qtbot, hall) -> None:
    from hall_desk.services import ratings
    from tests.services.test_evaluations import _rated

    bad = _rated(hall, hall.clerk, date(2026, 11, 10), 2)
    hall.at(date(2026, 11, 11), 9)
    ratings.appeal(hall.ws, hall.clerk, bad, "当日系统故障，排队非本人原因")
    hall.at(date(2026, 11, 30), 17)
    page = _page(qtbot, hall)
    page.tabs.setCurrentIndex(2)
    tab = page.evaluations
    click(qtbot, tab.compute)
    click(qtbot, tab.check)
    click(qtbot, tab.publish)
    assert tab.message.text().startswith("⚠ 考评结果可能还会变化，暂不能发布：王晓燕的差评")
    assert "申诉待复核" in tab.message.text()
    assert {v.state.label for v in tab.sheets.rows} == {"已审核"}
