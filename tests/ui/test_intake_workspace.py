"""综合受理 with the keyboard alone: person, organisation, theme; every decision path."""

from __future__ import annotations

import io
from datetime import date

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget
from sqlalchemy import func, select

from hall_desk.domain.lifecycle import CaseEvent
from hall_desk.store.models import CaseRow, Event
from hall_desk.ui.intake_workspace import IntakeForm, IntakeWorkspace
from tests.services.helpers import resident_id, uscc
from tests.ui.actions import click, click_tab, settle
from tests.ui.conftest import type_text

FOOD = "011050007001"


@pytest.fixture
def workspace(qtbot, ws, clerk) -> IntakeWorkspace:  # type: ignore[no-untyped-def]
    ws.today = lambda: date(2026, 11, 24)  # type: ignore[method-assign]
    page = IntakeWorkspace(ws, clerk)
    qtbot.addWidget(page)
    page.resize(1000, 900)
    page.show()
    qtbot.waitExposed(page)
    page.form.item_search.setFocus()
    return page


@pytest.fixture
def form(workspace: IntakeWorkspace) -> IntakeForm:
    return workspace.form


def tab_to(qtbot, target: QWidget, limit: int = 40) -> None:  # type: ignore[no-untyped-def]
    """Presses Tab until `target` has the focus: the tab order must reach it."""
    for _ in range(limit):
        if QApplication.focusWidget() is target:
            return
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
    raise AssertionError(f"Tab never reached {target.objectName()}")


def choose(qtbot, form: IntakeForm, query: str) -> None:  # type: ignore[no-untyped-def]
    assert QApplication.focusWidget() is form.item_search
    qtbot.keyClicks(form.item_search, query)
    qtbot.keyClick(form.item_search, Qt.Key.Key_Return)


def tick_all_materials(qtbot, form: IntakeForm) -> None:  # type: ignore[no-untyped-def]
    tab_to(qtbot, form.materials)
    for _row in range(form.materials.rowCount()):
        qtbot.keyClick(form.materials, Qt.Key.Key_Space)
        qtbot.keyClick(form.materials, Qt.Key.Key_Down)


def fill_person(qtbot, form: IntakeForm, number: str, name: str = "包海龙") -> None:  # type: ignore[no-untyped-def]
    tab_to(qtbot, form.id_number)
    qtbot.keyClicks(form.id_number, number)
    tab_to(qtbot, form.name)
    type_text(qtbot, form.name, name)
    tab_to(qtbot, form.phone)
    qtbot.keyClicks(form.phone, "13904751234")


def press(qtbot, button) -> None:  # type: ignore[no-untyped-def]
    tab_to(qtbot, button)
    qtbot.keyClick(button, Qt.Key.Key_Space)
    settle(qtbot)


def decide(qtbot, form: IntakeForm, step: CaseEvent):  # type: ignore[no-untyped-def]
    """Clicks the decision's button; the form's result once the service has answered."""
    form.result = None
    click(qtbot, form.decision_buttons[step])
    return form.result


def test_whole_intake_for_a_person_with_the_keyboard(qtbot, form, ws) -> None:
    choose(qtbot, form, FOOD)
    assert form.chosen.count() == 1 and form.materials.rowCount() >= 4
    fill_person(qtbot, form, resident_id())
    assert "校验通过" in form.id_hint.text()
    tick_all_materials(qtbot, form)
    assert len(form.received()) == form.materials.rowCount()
    press(qtbot, form.decision_buttons[CaseEvent.ACCEPT])
    assert form.result is not None and form.result.case_no == "20261124-W01-0001"
    assert "已受理" in form.result_label.text() and "2026-11-27" in form.result_label.text()
    with ws.reading() as s:
        case = s.scalars(select(CaseRow)).one()
    assert case.applicant_name == "包海龙" and case.state == "accepted"


def test_whole_intake_for_an_organisation_with_the_keyboard(qtbot, form, ws) -> None:
    choose(qtbot, form, FOOD)
    tab_to(qtbot, form.kind)
    qtbot.keyClick(form.kind, Qt.Key.Key_Down)
    assert form.kind.currentData() == "organisation"
    tab_to(qtbot, form.id_number)
    qtbot.keyClicks(form.id_number, uscc())
    assert "统一社会信用代码校验通过" in form.id_hint.text()
    tab_to(qtbot, form.name)
    type_text(qtbot, form.name, "科左中旗海龙餐饮店")
    tab_to(qtbot, form.phone)
    qtbot.keyClicks(form.phone, "0475-5212345")
    tab_to(qtbot, form.legal_rep)
    type_text(qtbot, form.legal_rep, "包海龙")
    tick_all_materials(qtbot, form)
    press(qtbot, form.decision_buttons[CaseEvent.ACCEPT])
    assert form.result is not None
    with ws.reading() as s:
        case = s.scalars(select(CaseRow)).one()
    assert case.applicant_kind == "organisation" and case.applicant_name == "科左中旗海龙餐饮店"


def test_whole_intake_for_a_theme_with_the_keyboard(qtbot, form, ws) -> None:
    choose(qtbot, form, "kbcyd")  # 开办餐饮店一件事
    assert form.selection() == ([], "YJS001")
    names = [form.materials.item(r, 1).text() for r in range(form.materials.rowCount())]
    assert len(names) == len(set(names)), "the theme's materials are merged"
    fill_person(qtbot, form, resident_id(seq="777"))
    tick_all_materials(qtbot, form)
    press(qtbot, form.decision_buttons[CaseEvent.ACCEPT])
    assert form.result is not None
    with ws.reading() as s:
        assert s.scalars(select(CaseRow.theme_code)).one() == "YJS001"


def test_elderly_applicant_is_suggested_green_channel(qtbot, form) -> None:
    choose(qtbot, form, FOOD)
    tab_to(qtbot, form.id_number)
    qtbot.keyClicks(form.id_number, resident_id(birth="19500303", seq="111"))
    assert form.flag_boxes[next(iter(form.flag_boxes))].isChecked()
    assert "绿色通道" in form.id_hint.text()


def test_wrong_check_digit_is_said_while_typing(qtbot, form) -> None:
    good = resident_id()
    bad = good[:-1] + ("1" if good[-1] != "1" else "2")
    form.id_number.setFocus()
    qtbot.keyClicks(form.id_number, bad)
    assert "校验位" in form.id_hint.text() and good[-1] in form.id_hint.text()


def _prepare(qtbot, form, missing: str | None = None) -> None:  # type: ignore[no-untyped-def]
    choose(qtbot, form, FOOD)
    fill_person(qtbot, form, resident_id())
    form.set_all_received(True)
    if missing:
        for row in range(form.materials.rowCount()):
            if form.materials.item(row, 1).text() == missing:
                form.materials.item(row, 0).setCheckState(Qt.CheckState.Unchecked)


def test_plain_accept_with_missing_material_is_refused_beside_the_list(qtbot, form, ws) -> None:
    _prepare(qtbot, form, missing="食品安全管理制度")
    assert decide(qtbot, form, CaseEvent.ACCEPT) is None
    assert "食品安全管理制度" in form.error_labels["materials"].text()
    with ws.reading() as s:
        assert (
            s.scalar(select(func.count()).select_from(Event).where(Event.entity_type == "case"))
            == 0
        )


def test_deferred_path(qtbot, form) -> None:
    _prepare(qtbot, form, missing="食品安全管理制度")
    form.commitment.setPlainText("本人承诺两日内补交")
    form.deferred_deadline.setDate(form.deferred_deadline.date().addDays(2))
    result = decide(qtbot, form, CaseEvent.ACCEPT_DEFERRED)
    assert result is not None and result.state.value == "accepted_deferred"


def test_supplement_path_then_return_visit(qtbot, workspace, form, ws) -> None:
    _prepare(qtbot, form, missing="食品安全管理制度")
    result = decide(qtbot, form, CaseEvent.REQUEST_SUPPLEMENT)
    assert result is not None and "食品安全管理制度" in form.result_label.text()
    supplement = workspace.supplement
    click_tab(qtbot, workspace, "补正收件/容缺补齐")
    supplement.lookup.setFocus()
    qtbot.keyClicks(supplement.lookup, result.case_no)
    qtbot.keyClick(supplement.lookup, Qt.Key.Key_Return)
    settle(qtbot)
    assert result.case_no in supplement.summary.text() and "待补正" in supplement.summary.text()
    assert [supplement.missing.item(i).text() for i in range(supplement.missing.count())] == [
        "食品安全管理制度"
    ]
    qtbot.keyClick(supplement.missing, Qt.Key.Key_Space)
    click(qtbot, supplement.confirm)
    assert "材料已收齐" in supplement.message.text() and "已受理" in supplement.message.text()
    with ws.reading() as s:
        assert s.get(CaseRow, result.case_id).state == "accepted"


def test_supplement_desk_says_when_nothing_waits(qtbot, workspace, form) -> None:
    _prepare(qtbot, form)
    accepted = decide(qtbot, form, CaseEvent.ACCEPT)
    supplement = workspace.supplement
    click_tab(qtbot, workspace, "补正收件/容缺补齐")
    supplement.lookup.setFocus()
    qtbot.keyClicks(supplement.lookup, accepted.case_no)
    qtbot.keyClick(supplement.lookup, Qt.Key.Key_Return)
    settle(qtbot)
    assert "没有找到待补正" in supplement.summary.text() and supplement.missing.count() == 0


def test_refuse_path_needs_a_reason(qtbot, form) -> None:
    _prepare(qtbot, form)
    assert decide(qtbot, form, CaseEvent.REFUSE) is None
    assert "理由" in form.error_labels["reason"].text()
    form.reason.setPlainText("申请事项不属于本中心受理范围")
    assert decide(qtbot, form, CaseEvent.REFUSE) is not None


def test_a_refusal_says_refused_and_why_not_what_to_supply(qtbot, form) -> None:
    choose(qtbot, form, FOOD)
    fill_person(qtbot, form, resident_id())
    tab_to(qtbot, form.reason)
    type_text(qtbot, form.reason, "申请事项不属于本中心受理范围")
    result = decide(qtbot, form, CaseEvent.REFUSE)  # no material ticked
    assert result is not None and result.missing
    shown = form.result_label.text()
    assert shown == (
        f"已不予受理：受理编号 {result.case_no}；不予受理理由：申请事项不属于本中心受理范围"
    )
    assert form.result_label.isVisible()


def test_immediate_path(qtbot, form) -> None:
    choose(qtbot, form, "201080001001")  # 就业登记
    fill_person(qtbot, form, resident_id())
    form.set_all_received(True)
    result = decide(qtbot, form, CaseEvent.COMPLETE_AT_WINDOW)
    assert result is not None and result.state.value == "ready_for_delivery"


def test_every_field_error_at_once_and_nothing_written(qtbot, form, ws) -> None:
    choose(qtbot, form, FOOD)
    form.id_number.setText("150521199902291234")
    form.name.setText("😀")
    form.phone.setText("123")
    assert decide(qtbot, form, CaseEvent.ACCEPT) is None
    assert "1999-02-29" in form.error_labels["id_number"].text()
    assert "不能使用的字符" in form.error_labels["name"].text()
    assert form.error_labels["phone"].text()
    with ws.reading() as s:
        assert s.scalar(select(func.count()).select_from(CaseRow)) == 0


def test_next_applicant_clears_the_form(qtbot, form) -> None:
    _prepare(qtbot, form)
    assert decide(qtbot, form, CaseEvent.ACCEPT) is not None
    form.reset()
    assert not form.name.text() and form.chosen.count() == 0 and not form.result_box.isVisible()
    assert QApplication.focusWidget() is form.item_search


def test_main_window_hosts_intake_and_prints_the_notice(qtbot, ws, clerk) -> None:
    from pypdf import PdfReader

    from hall_desk.ui.main_window import MainWindow

    ws.today = lambda: date(2026, 11, 24)  # type: ignore[method-assign]
    main = MainWindow(ws, clerk)
    qtbot.addWidget(main)
    main.show()
    assert main.current_workspace() is main.intake
    form = main.intake.form
    form.item_search.setText(FOOD)
    form._add_first_result()
    form.id_number.setText(resident_id())
    form.name.setText("包海龙")
    form.phone.setText("13904751234")
    form.set_all_received(True)
    result = decide(qtbot, form, CaseEvent.ACCEPT)
    assert result is not None
    qtbot.mouseClick(form.print_button, Qt.MouseButton.LeftButton)
    settle(qtbot)  # the notice is built off the GUI thread
    preview = main.notice_preview
    text = "".join(p.extract_text() for p in PdfReader(io.BytesIO(preview.pdf.data)).pages)
    assert "受理通知书" in text and result.case_no in text
    preview.close()


def test_consultation_continues_at_intake_in_the_main_window(qtbot, ws, clerk) -> None:
    from hall_desk.ui.main_window import MainWindow

    main = MainWindow(ws, clerk)
    qtbot.addWidget(main)
    main.show()
    assert main.show_workspace("consult")
    main.consult.topic.setText("食品经营许可（新办）")
    main.consult.item_code = FOOD
    main.consult.findChild(
        __import__("PySide6.QtWidgets").QtWidgets.QRadioButton, "radio_to_intake"
    ).setChecked(True)
    click(qtbot, main.consult.save_button)
    consultation_id = main.consult.last_logged
    assert main.current_workspace() is main.intake
    assert main.intake.form.consultation_id == consultation_id
    assert main.intake.form.selection() == ([FOOD], None)


def test_a_returning_applicant_is_filled_in_and_the_reveal_is_audited(qtbot, form, ws, clerk):
    from hall_desk.services import intake
    from hall_desk.store.models import AuditEntry
    from tests.services.helpers import draft_for, person

    number = resident_id(seq="515")
    intake.accept(ws, clerk, draft_for(ws, [FOOD], person(number=number)), on=date(2026, 11, 24))
    with ws.reading() as s:
        seq = s.scalar(select(func.max(AuditEntry.seq))) or 0
    tab_to(qtbot, form.id_number)
    qtbot.keyClicks(form.id_number, number)
    qtbot.keyClick(form.id_number, Qt.Key.Key_Tab)
    assert form.name.text() == "包海龙" and form.phone.text() == "13904751234"
    assert form.address.text() == "科尔沁左翼中旗保康镇民主街12号"
    assert "已调出既往登记信息" in form.id_hint.text()
    with ws.reading() as s:
        entries = list(s.scalars(select(AuditEntry).where(AuditEntry.seq > seq)))
        assert [(e.action, e.actor) for e in entries] == [("pii.unmask", "clerk1")]
        assert "intake_prefill" in entries[0].detail


def _case_count(ws) -> int:  # type: ignore[no-untyped-def]
    with ws.reading() as s:
        return s.scalar(select(func.count()).select_from(CaseRow))


def _question(qtbot) -> QMessageBox:  # type: ignore[no-untyped-def]
    qtbot.waitUntil(
        lambda: any(
            isinstance(w, QMessageBox) and w.isVisible() for w in QApplication.topLevelWidgets()
        ),
        timeout=3000,
    )
    return next(
        w for w in QApplication.topLevelWidgets() if isinstance(w, QMessageBox) and w.isVisible()
    )


def test_a_decision_is_taken_once_and_a_second_case_is_asked_for(qtbot, form, ws) -> None:
    _prepare(qtbot, form, missing="食品安全管理制度")
    form.commitment.setPlainText("本人承诺两日内补交")
    form.deferred_deadline.setDate(form.deferred_deadline.date().addDays(2))
    button = form.decision_buttons[CaseEvent.ACCEPT_DEFERRED]
    click(qtbot, button)
    assert "已容缺受理" in form.result_label.text()
    assert form.print_button.isVisible() and form.new_button.isVisible()
    assert QApplication.focusWidget() is form.print_button
    # A second press, the shortcut, typing on: the draft is decided, nothing more happens.
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    qtbot.keyClick(form, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    settle(qtbot)
    assert _case_count(ws) == 1
    assert not button.isEnabled() and not form.name.isEnabled()
    # 下一位, and the same applicant for the same item again: asked before a second case.
    click(qtbot, form.new_button)
    _prepare(qtbot, form)
    click(qtbot, form.decision_buttons[CaseEvent.ACCEPT])
    box = _question(qtbot)
    assert (
        form.result is None
        and "已为该申请人受理同一事项" in box.text()
        and "20261124-W01-0001" in box.text()
    )
    qtbot.mouseClick(box.button(QMessageBox.StandardButton.No), Qt.MouseButton.LeftButton)
    settle(qtbot)
    assert _case_count(ws) == 1 and form.name.isEnabled()
    click(qtbot, form.decision_buttons[CaseEvent.ACCEPT])
    box = _question(qtbot)
    qtbot.mouseClick(box.button(QMessageBox.StandardButton.Yes), Qt.MouseButton.LeftButton)
    settle(qtbot)
    assert _case_count(ws) == 2 and "已受理" in form.result_label.text()


def test_consultation_to_intake_with_the_keyboard_carries_the_person_over(qtbot, ws, clerk):
    from hall_desk.ui.main_window import MainWindow

    main = MainWindow(ws, clerk)
    qtbot.addWidget(main)
    main.show()
    main.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is main, timeout=3000)
    assert main.show_workspace("consult")
    consult = main.consult
    consult.topic.setFocus()
    qtbot.keyClicks(consult.topic, FOOD)
    qtbot.keyClick(consult.topic, Qt.Key.Key_Return)
    assert consult.item_code == FOOD
    qtbot.keyClick(consult.topic, Qt.Key.Key_Z, Qt.KeyboardModifier.AltModifier)  # 转入受理(&Z)
    # A mnemonic presses its button with a short animation.
    qtbot.waitUntil(
        lambda: consult.outcomes.checkedButton().objectName() == "radio_to_intake", timeout=2000
    )
    consult.applicant_name.setFocus()
    type_text(qtbot, consult.applicant_name, "包海龙")
    qtbot.keyClick(consult.applicant_name, Qt.Key.Key_Tab)
    qtbot.keyClicks(QApplication.focusWidget(), "13904751234")
    qtbot.keyClick(
        QApplication.focusWidget(), Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier
    )
    settle(qtbot)
    form = main.intake.form
    assert main.current_workspace() is main.intake
    assert QApplication.focusWidget() is form.id_number
    number = resident_id()
    qtbot.keyClicks(QApplication.focusWidget(), number)
    assert form.id_number.text() == number and consult.topic.text() == ""
    assert form.name.text() == "包海龙" and form.phone.text() == "13904751234"
    assert form.selection() == ([FOOD], None)


def _wheel(widget: QWidget, notches: int) -> None:
    from PySide6.QtCore import QPoint, QPointF
    from PySide6.QtGui import QWheelEvent

    at = QPointF(widget.rect().center())
    event = QWheelEvent(
        at,
        QPointF(widget.mapToGlobal(at.toPoint())),
        QPoint(0, 0),
        QPoint(0, -120 * notches),
        Qt.MouseButton.NoButton,
        Qt.KeyboardModifier.NoModifier,
        Qt.ScrollPhase.NoScrollPhase,
        False,
    )
    QApplication.sendEvent(widget, event)


def test_the_wheel_scrolls_the_form_past_an_unfocused_combo_box(qtbot, workspace, form) -> None:
    workspace.resize(900, 500)  # the form is taller than the window: it scrolls
    scroll = workspace.widget(0)
    bar = scroll.verticalScrollBar()
    assert bar.maximum() > 0
    scroll.ensureWidgetVisible(form.id_type)
    before = bar.value()
    assert QApplication.focusWidget() is form.item_search
    _wheel(form.id_type, 2)
    assert form.id_type.currentIndex() == 0, "证件类型 stays 居民身份证"
    assert bar.value() > before, "the form scrolled instead"
    deadline = form.deferred_deadline.date()
    for box in (form.kind, form.mode, form.deferred_deadline):
        _wheel(box, 1)
    assert form.kind.currentIndex() == 0 and form.mode.currentIndex() == 0
    assert form.deferred_deadline.date() == deadline
    # Chosen with Tab, the combo box takes the wheel as before.
    tab_to(qtbot, form.id_type)
    _wheel(form.id_type, 1)
    assert form.id_type.currentIndex() == 1


def test_the_tabs_behind_new_intake_are_built_at_their_first_showing(qtbot, workspace) -> None:
    from hall_desk.ui.intake_workspace import SupplementForm
    from hall_desk.ui.returned_folders import ReturnedFoldersPanel

    assert workspace.findChild(SupplementForm) is None
    assert workspace.findChild(ReturnedFoldersPanel) is None
    click_tab(qtbot, workspace, "补正收件/容缺补齐")
    supplement = workspace.findChild(SupplementForm)
    assert supplement is not None and supplement.isVisible()
    # Its keys work as soon as it is there: Alt+F to the lookup, then a scanner's number.
    qtbot.keyClick(
        QApplication.focusWidget() or workspace, Qt.Key.Key_F, Qt.KeyboardModifier.AltModifier
    )
    assert QApplication.focusWidget() is supplement.lookup
    assert workspace.findChild(ReturnedFoldersPanel) is None
    click_tab(qtbot, workspace, "预审退回")
    settle(qtbot)  # the list is read off the GUI thread
    assert workspace.returned.summary.text() == "没有预审退回的材料袋"


def test_in_the_window_the_first_screens_boxes_leave_the_wheel_to_the_form(
    qtbot, ws, clerk
) -> None:
    """The window is built with the application's filter set aside (app_filter.unwatched):
    its boxes still get the focus policy the filter gives, and still leave the wheel alone."""
    from hall_desk.ui.main_window import MainWindow

    main = MainWindow(ws, clerk)
    qtbot.addWidget(main)
    main.resize(900, 500)
    main.show()
    qtbot.waitExposed(main)
    form = main.intake.form
    for box in (form.id_type, form.kind, form.mode, form.deferred_deadline):
        assert box.focusPolicy() == Qt.FocusPolicy.StrongFocus, box.objectName()
    main.intake.scroll.ensureWidgetVisible(form.id_type)
    bar = main.intake.scroll.verticalScrollBar()
    before = bar.value()
    _wheel(form.id_type, 2)
    assert form.id_type.currentIndex() == 0 and bar.value() > before
