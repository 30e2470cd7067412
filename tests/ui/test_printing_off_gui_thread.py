"""The case's papers are built (reportlab) off the GUI thread: while a notice or the case sheet is
being made the window keeps answering and the button stays pressed; the preview then opens with
the right paper, and a refusal is said in the case view's message line."""

from __future__ import annotations

import io

from pypdf import PdfReader
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QPushButton

from hall_desk.domain.errors import HallDeskError
from hall_desk.domain.lifecycle import CaseEvent
from hall_desk.reports import case_sheet, notices
from hall_desk.services import intake
from hall_desk.ui.case_view import CaseView
from hall_desk.ui.forms import child
from hall_desk.ui.main_window import MainWindow
from tests.services.helpers import draft_for, resident_id
from tests.ui.actions import settle
from tests.ui.gated import answers
from tests.ui.test_intake_workspace import FOOD, choose, fill_person, press, tick_all_materials

REASON = "所申请事项依法不需要取得行政许可"


def _text(data: bytes) -> str:
    return "".join(p.extract_text() for p in PdfReader(io.BytesIO(data)).pages)


def _refused_case_view(qtbot, ws, clerk) -> CaseView:  # type: ignore[no-untyped-def]
    draft = draft_for(ws, [FOOD])
    draft.reason = REASON
    case = intake.refuse(ws, clerk, draft)
    view = CaseView(ws, clerk, case.case_id)
    qtbot.addWidget(view)
    view.show()
    qtbot.waitExposed(view)
    return view


def test_a_reprint_is_built_while_the_case_view_keeps_answering(qtbot, ws, clerk, gate) -> None:  # type: ignore[no-untyped-def]
    gated = gate(notices, "reprint_notice")
    view = _refused_case_view(qtbot, ws, clerk)
    qtbot.mouseClick(view.reprint_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: gated.calls == 1, timeout=5000)
    # The notice is still being made: the window runs its loop, the button waits pressed.
    assert answers(qtbot)
    assert not view.reprint_button.isEnabled() and not view.notice_choice.isEnabled()
    assert view.reprint_preview is None
    gated.release_all()
    settle(qtbot)
    assert gated.off_gui_thread()
    preview = view.reprint_preview
    assert preview is not None and preview.isVisible()
    text = _text(preview.pdf.data)
    assert "不予受理通知书" in text and REASON in text and "补打" in text
    assert view.reprint_button.isEnabled() and view.notice_choice.isEnabled()
    preview.close()


def test_a_refused_reprint_is_said_in_the_case_view(qtbot, ws, clerk, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    def refuse(*_args: object) -> tuple[str, bytes]:
        raise HallDeskError("该通知书的记录不完整，无法补打")

    monkeypatch.setattr(notices, "reprint_notice", refuse)
    view = _refused_case_view(qtbot, ws, clerk)
    qtbot.mouseClick(view.reprint_button, Qt.MouseButton.LeftButton)
    settle(qtbot)
    assert view.message.isVisible()
    assert view.message.text() == "⚠ 该通知书的记录不完整，无法补打"
    assert view.reprint_preview is None
    assert view.reprint_button.isEnabled(), "it can be tried again"


def test_the_case_sheet_is_built_while_the_case_view_keeps_answering(
    qtbot, ws, clerk, gate
) -> None:  # type: ignore[no-untyped-def]
    gated = gate(case_sheet, "build_case_sheet")
    view = _refused_case_view(qtbot, ws, clerk)
    button = child(view.form, QPushButton, "printButton")
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: gated.calls == 1, timeout=5000)
    assert answers(qtbot)
    assert not button.isEnabled() and view.preview is None
    gated.release_all()
    settle(qtbot)
    assert gated.off_gui_thread() and button.isEnabled()
    preview = view.preview
    assert preview is not None
    assert "办件信息单" in _text(preview.pdf.data) and view.detail.case.case_no in _text(
        preview.pdf.data
    )
    preview.close()


def test_the_intake_notice_is_built_while_the_desk_keeps_answering(qtbot, ws, clerk, gate) -> None:  # type: ignore[no-untyped-def]
    gated = gate(notices, "intake_notice")
    main = MainWindow(ws, clerk)
    qtbot.addWidget(main)
    main.show()
    qtbot.waitExposed(main)
    main.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is main)
    form = main.intake.form
    form.item_search.setFocus()
    choose(qtbot, form, FOOD)
    fill_person(qtbot, form, resident_id())
    tick_all_materials(qtbot, form)
    press(qtbot, form.decision_buttons[CaseEvent.ACCEPT])
    assert form.result is not None
    case_no = form.result.case_no
    qtbot.keyClick(form.print_button, Qt.Key.Key_Space)
    qtbot.waitUntil(lambda: gated.calls == 1, timeout=5000)
    assert answers(qtbot)
    assert not form.print_button.isEnabled()
    assert getattr(main, "notice_preview", None) is None
    gated.release_all()
    settle(qtbot)
    assert gated.off_gui_thread() and form.print_button.isEnabled()
    preview = main.notice_preview
    text = _text(preview.pdf.data)
    assert "受理通知书" in text and case_no in text
    preview.close()
    main.close()
