"""好差评 lists and figures, and the dashboard's 人员与巡查 figures, are read off the GUI thread:
the page keeps answering while they are read, and a reply overtaken by a newer read (the filter
or the day changed meanwhile) is dropped, never shown over the newer one."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDateTimeEdit, QDialogButtonBox

from hall_desk.domain.ratings import Level
from hall_desk.services import ratings, staff_figures
from hall_desk.ui import ops
from hall_desk.ui.main_window import MainWindow
from hall_desk.ui.rating_proxy import ProxyRatingDialog
from hall_desk.ui.ratings_page import MyRatingsDialog, RatingsPage
from tests.services import staff_helpers, tickets_helpers
from tests.ui.actions import settle
from tests.ui.gated import answers
from tests.ui.test_ratings_page import _bad_rating, _good_rating

desk = tickets_helpers.desk
hall = staff_helpers.hall


def test_a_superseded_read_of_the_ratings_is_dropped(qtbot, desk, gate) -> None:  # type: ignore[no-untyped-def]
    _bad_rating(desk)
    _good_rating(desk)
    page = RatingsPage(desk.ws, desk.lead)
    qtbot.addWidget(page)
    page.show()
    settle(qtbot)
    assert len(page.model.rows) == 2
    gated = gate(ratings, "rating_figures")
    # 待复核的申诉 (none), then at once 仅差评 (one): chosen with the keyboard.
    page.only_bad.setFocus()
    qtbot.keyClick(page.only_bad, Qt.Key.Key_End)
    qtbot.waitUntil(lambda: gated.calls == 1, timeout=5000)
    qtbot.keyClick(page.only_bad, Qt.Key.Key_Up)
    assert page.only_bad.currentData() == "bad"
    assert answers(qtbot), "the page answers while the ratings are read"
    gated.release(0)
    # The older reply (no pending appeals) comes back and is dropped: the list stays as it was.
    qtbot.waitUntil(lambda: gated.returned == 1 and ops.running() == 1, timeout=5000)
    qtbot.waitUntil(lambda: gated.calls == 2, timeout=5000)
    assert len(page.model.rows) == 2, "the superseded empty list was not shown"
    gated.release(1)
    settle(qtbot)
    assert gated.off_gui_thread()
    assert [v.level for v in page.model.rows] == [Level.UNSATISFIED]
    assert "差评 1 次，差评率 50.0%（1/2）" in page.figures.text()


def test_my_ratings_are_read_while_the_dialog_answers(qtbot, desk, gate) -> None:  # type: ignore[no-untyped-def]
    _bad_rating(desk)
    gated = gate(ratings, "my_rating_counts")
    mine = MyRatingsDialog(desk.ws, desk.handler)
    qtbot.addWidget(mine)
    mine.show()
    qtbot.waitUntil(lambda: gated.calls == 1, timeout=5000)
    assert answers(qtbot) and mine.counts.text() == ""
    gated.release_all()
    settle(qtbot)
    assert gated.off_gui_thread()
    assert "差评 1 次，差评率 100.0%（1/1）" in mine.counts.text()
    assert len(mine.model.rows) == 1 and not mine.empty.isVisible()


def test_the_proxy_dialog_lists_todays_services_read_off_the_gui_thread(
    qtbot, ws, clerk, gate
) -> None:  # type: ignore[no-untyped-def]
    from hall_desk.services import consultations
    from hall_desk.services.consultations import ConsultationDraft

    consultations.log_consultation(ws, clerk, ConsultationDraft(topic="社保卡补办"))
    gated = gate(ratings, "pending_targets")
    window = MainWindow(ws, clerk)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    qtbot.keyClick(window, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: window.findChild(ProxyRatingDialog) is not None)
    dialog = window.findChild(ProxyRatingDialog)
    qtbot.waitUntil(lambda: gated.calls == 1, timeout=5000)
    assert answers(qtbot) and dialog.isVisible() and dialog.services.count() == 0
    save = dialog.buttons.button(QDialogButtonBox.StandardButton.Save)
    assert not save.isEnabled(), "保存 waits for the list"
    gated.release_all()
    settle(qtbot)
    assert gated.off_gui_thread() and save.isEnabled()
    assert dialog.services.count() == 1 and "咨询：社保卡补办" in dialog.services.item(0).text()
    dialog.close()
    window.close()


def test_a_superseded_read_of_the_people_figures_is_dropped(qtbot, hall, gate) -> None:  # type: ignore[no-untyped-def]
    from hall_desk.services import meetings
    from hall_desk.services.meetings import ActionDraft, AttendeeEntry, MeetingDraft
    from hall_desk.ui.reports_workspace import ReportsWorkspace

    held = hall.at(date(2026, 11, 2))
    hall.at(date(2026, 11, 2), 17, 0)
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
    hall.at(date(2026, 11, 5), 17)
    page = ReportsWorkspace(hall.ws, hall.lead)
    qtbot.addWidget(page)
    page.show()
    settle(qtbot)
    shown = page.people_summary.text()
    assert "逾期未完成的会议待办 1 项" in shown
    gated = gate(staff_figures, "staff_figures")
    page.day.setFocus()
    page.day.setCurrentSection(QDateTimeEdit.Section.DaySection)
    qtbot.keyClick(page.day, Qt.Key.Key_Down)  # 11-04: the action is not late yet
    qtbot.waitUntil(lambda: gated.calls == 1, timeout=5000)
    qtbot.keyClick(page.day, Qt.Key.Key_Up)  # back to 11-05 before the first reply
    assert page.selected_day() == date(2026, 11, 5)
    assert answers(qtbot)
    gated.release(0)
    qtbot.waitUntil(lambda: gated.returned == 1 and ops.running() == 1, timeout=5000)
    assert gated.results[0].overdue_actions == 0, "the older day's reply differs"
    assert page.people_summary.text() == shown, "the older day's reply was not shown"
    gated.release(1)
    settle(qtbot)
    assert gated.off_gui_thread()
    assert page.people_summary.text() == shown
    assert page.tabs.tabText(page.people_index).startswith("⚠ 人员与巡查（")
