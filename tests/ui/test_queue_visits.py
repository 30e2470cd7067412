"""A consultation, a pickup or a 办不成事/投诉 registration recorded while the window has a
number called becomes that number's visit; the shared database being slow or away never holds
the visit up or refuses it."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from sqlalchemy import select

from hall_desk.domain.queue import TicketState
from hall_desk.domain.roles import Actor, Role
from hall_desk.services import intake, queue, users
from hall_desk.store.models import ConsultationRow
from hall_desk.store.models_tickets import TicketRow
from hall_desk.sync.queue_link import QueueLink
from hall_desk.ui import ops
from hall_desk.ui.main_window import MainWindow
from tests.conftest import STAFF_PASSWORD
from tests.services.helpers import draft_for, person, resident_id
from tests.sync.queue_helpers import GatedLink
from tests.ui.actions import click, fill, settle
from tests.ui.conftest import type_text
from tests.ui.queue_hall import open_all_day

BUSINESS = "011050001001"  # 个体工商户设立登记: immediate, pickup or mail


@pytest.fixture
def hall(ws, admin, tmp_path: Path) -> Iterator[QueueLink]:  # type: ignore[no-untyped-def]
    """The workstation at window 2 of a hall whose queues are open all day; the kiosk's link."""
    ws.config.shared_url = str(tmp_path / "hall-shared.sqlite3")
    ws.config.extra[queue.WINDOW_KEY] = "2"
    open_all_day(ws, admin)
    kiosk = QueueLink(ws)
    yield kiosk
    kiosk.close()


def _main(qtbot, ws, actor: Actor) -> MainWindow:  # type: ignore[no-untyped-def]
    main = MainWindow(ws, actor)
    qtbot.addWidget(main)
    main.resize(1200, 780)
    main.show()
    qtbot.waitExposed(main)
    main.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is main)
    return main


def _call(qtbot, main: MainWindow, label: str) -> None:  # type: ignore[no-untyped-def]
    qtbot.keyClick(QApplication.focusWidget() or main, Qt.Key.Key_F5)
    settle(qtbot)
    assert main.queue_bar is not None
    assert main.queue_bar.current.text() == f"当前：{label} 已呼叫"


def _visit(ws, kiosk: QueueLink) -> tuple[str, str, TicketState]:  # type: ignore[no-untyped-def]
    current = queue.status(ws, kiosk).current
    assert current is not None
    return current.visit_kind, current.visit_id, current.state


def _consultations(ws) -> list[str]:  # type: ignore[no-untyped-def]
    with ws.reading() as s:
        return list(s.scalars(select(ConsultationRow.id).order_by(ConsultationRow.at)))


def _log_question(qtbot, main: MainWindow) -> None:  # type: ignore[no-untyped-def]
    assert main.show_workspace("consult")
    page = main.consult
    page.topic.setFocus()
    type_text(qtbot, page.topic, "社保卡丢失怎么补办")
    page.save_button.setFocus()
    qtbot.keyClick(page.save_button, Qt.Key.Key_Space)


def test_a_consultation_from_a_called_number_is_its_visit(qtbot, ws, clerk, hall) -> None:  # type: ignore[no-untyped-def]
    issued = queue.issue(ws, clerk, hall, "B")
    main = _main(qtbot, ws, clerk)
    _call(qtbot, main, issued.ticket.label)
    _log_question(qtbot, main)
    settle(qtbot)
    (consultation_id,) = _consultations(ws)
    assert _visit(ws, hall) == ("consultation", consultation_id, TicketState.SERVING)
    assert main.queue_bar is not None
    assert main.queue_bar.current.text() == f"当前：{issued.ticket.label} 办理中"
    # A second question of the same person stays one visit: the number keeps its first.
    _log_question(qtbot, main)
    settle(qtbot)
    assert len(_consultations(ws)) == 2
    assert _visit(ws, hall) == ("consultation", consultation_id, TicketState.SERVING)
    main.close()


def test_a_pickup_from_a_called_number_is_its_visit(qtbot, ws, clerk, hall) -> None:  # type: ignore[no-untyped-def]
    ready = intake.complete_at_window(
        ws, clerk, draft_for(ws, [BUSINESS], person(number=resident_id(seq="777")))
    )
    issued = queue.issue(ws, clerk, hall, "C")
    main = _main(qtbot, ws, clerk)
    _call(qtbot, main, issued.ticket.label)
    assert main.show_workspace("delivery")
    desk = main.delivery
    qtbot.waitUntil(lambda: desk.model.rowCount() == 1)
    fill(qtbot, desk.presented_id, resident_id(seq="777"))
    click(qtbot, desk.pickup_button)
    assert f"已出件：{ready.case_no}" in desk.message.text()
    assert desk.last is not None
    assert _visit(ws, hall) == ("delivery", desk.last.delivery_id, TicketState.SERVING)
    main.close()


def test_a_ticket_registered_from_a_called_number_is_its_visit(  # type: ignore[no-untyped-def]
    qtbot, ws, admin, hall
) -> None:
    lead = users.create_user(ws, admin, "lead1", "李春梅", Role.LEAD, STAFF_PASSWORD, "班组长")
    issued = queue.issue(ws, lead, hall, "D")
    main = _main(qtbot, ws, lead)
    _call(qtbot, main, issued.ticket.label)
    assert main.show_workspace("tickets")
    form = main.tickets.register
    form.description.setFocus()
    type_text(qtbot, form.description, "办理个体工商户变更跑了三次还没办成")
    form.reporter_name.setFocus()
    type_text(qtbot, form.reporter_name, "包海龙")
    form.phone.setFocus()
    type_text(qtbot, form.phone, "13904751234")
    qtbot.keyClick(form.phone, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    settle(qtbot)
    assert form.message.text().startswith("已登记 ")
    with ws.reading() as s:
        ((ticket_id, ticket_no),) = s.execute(select(TicketRow.id, TicketRow.ticket_no)).all()
    assert form.message.text().startswith(f"已登记 {ticket_no}，")
    assert _visit(ws, hall) == ("ticket", ticket_id, TicketState.SERVING)
    main.close()


def test_a_hanging_shared_database_never_holds_the_visit_up(qtbot, ws, clerk, hall) -> None:  # type: ignore[no-untyped-def]
    issued = queue.issue(ws, clerk, hall, "B")
    main = _main(qtbot, ws, clerk)
    bar = main.queue_bar
    assert bar is not None
    gated = GatedLink(ws, ws.config.shared_url)
    bar.link.close()
    bar.link = gated
    _call(qtbot, main, issued.ticket.label)
    gated.gate.clear()
    try:
        _log_question(qtbot, main)
        # The consultation is saved and said while the link still waits on the queue.
        qtbot.waitUntil(lambda: "已登记" in main.consult.message.text())
        assert len(_consultations(ws)) == 1
        assert ops.running() == 1
        assert queue.status(ws, hall).current is not None
        assert queue.status(ws, hall).current.visit_id == ""  # type: ignore[union-attr]
        # The next question is logged too, behind no queue work.
        _log_question(qtbot, main)
        qtbot.waitUntil(lambda: len(_consultations(ws)) == 2)
    finally:
        gated.gate.set()
    settle(qtbot)
    first = _consultations(ws)[0]
    assert _visit(ws, hall) == ("consultation", first, TicketState.SERVING)
    main.close()


def test_a_shared_database_away_says_so_and_the_visit_stands(qtbot, ws, clerk, hall) -> None:  # type: ignore[no-untyped-def]
    issued = queue.issue(ws, clerk, hall, "B")
    main = _main(qtbot, ws, clerk)
    bar = main.queue_bar
    assert bar is not None
    _call(qtbot, main, issued.ticket.label)
    bar.link.close()
    bar.link = QueueLink(ws, "postgresql://nobody@127.0.0.1:1/none")
    _log_question(qtbot, main)
    settle(qtbot)
    assert len(_consultations(ws)) == 1
    assert "已登记" in main.consult.message.text()
    assert bar.waiting.text() == "⚠ 叫号不可用"
    assert "共享数据库" in bar.message.text()
    assert _visit(ws, hall) == ("", "", TicketState.CALLED)
    main.close()
