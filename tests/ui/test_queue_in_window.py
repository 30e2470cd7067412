"""The 叫号 bar in the main window: shown where the hall has a shared database, driven by its
keys, and an intake accepted while a number is called becomes that number's visit."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from hall_desk.domain.lifecycle import CaseEvent
from hall_desk.domain.roles import Actor
from hall_desk.services import queue
from hall_desk.sync.queue_link import QueueLink
from hall_desk.ui.main_window import MainWindow
from tests.services.helpers import resident_id
from tests.ui.actions import settle
from tests.ui.queue_hall import open_all_day
from tests.ui.test_intake_workspace import FOOD, choose, fill_person, press, tick_all_materials


def test_an_intake_from_a_called_number_is_its_visit(
    qtbot, ws, clerk: Actor, admin, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    ws.config.shared_url = str(tmp_path / "hall-shared.sqlite3")
    ws.config.extra[queue.WINDOW_KEY] = "2"
    open_all_day(ws, admin)
    kiosk = QueueLink(ws)
    issued = queue.issue(ws, clerk, kiosk, "A")
    main = MainWindow(ws, clerk)
    qtbot.addWidget(main)
    main.resize(1200, 780)
    main.show()
    qtbot.waitExposed(main)
    main.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is main)
    bar = main.queue_bar
    assert bar is not None and bar.isVisible()
    form = main.intake.form
    form.item_search.setFocus()
    qtbot.keyClick(form.item_search, Qt.Key.Key_F5)  # 叫号 from wherever the clerk is typing
    settle(qtbot)
    assert bar.current.text() == f"当前：{issued.ticket.label} 已呼叫"
    form.item_search.setFocus()
    choose(qtbot, form, FOOD)
    fill_person(qtbot, form, resident_id())
    tick_all_materials(qtbot, form)
    press(qtbot, form.decision_buttons[CaseEvent.ACCEPT])
    assert form.result is not None
    settle(qtbot)
    status = queue.status(ws, kiosk)
    assert status.current is not None
    assert (status.current.visit_kind, status.current.visit_id) == ("case", form.result.case_id)
    assert bar.current.text() == f"当前：{issued.ticket.label} 办理中"
    main.close()
    kiosk.close()
