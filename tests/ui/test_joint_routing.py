"""The routing post with a case of several departments (开办餐饮店一件事), the board's department
filter, refusals kept in the scan list and the 交接人 of each department, driven with keys."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QPushButton

from hall_desk.services import intake, routing
from hall_desk.services.routing import Decision
from hall_desk.ui.routing_workspace import RoutingWorkspace
from tests.services.helpers import all_materials, draft_for, person, resident_id
from tests.ui.actions import click, fill, settle
from tests.ui.test_routing_delivery_workspaces import cell, lines, open_tab, pick, scan, sql

MARKET = "科尔沁左翼中旗市场监督管理局"
FIRE = "科尔沁左翼中旗消防救援大队"
HOUSING = "科尔沁左翼中旗住房和城乡建设局"
LABOUR = "科尔沁左翼中旗人力资源和社会保障局"
RESTAURANT_ITEMS = ["011050001001", "011050007001", "011190001001", "011070008001"]
CARD = "201080005001"  # 社会保障卡申领: 人社局 only


@pytest.fixture
def restaurant(ws, clerk, router) -> str:  # type: ignore[no-untyped-def]
    draft = intake.IntakeDraft(
        applicant=person(resident_id(seq="701")),
        item_codes=RESTAURANT_ITEMS,
        theme_code="YJS001",
        received=all_materials(ws, RESTAURANT_ITEMS),
    )
    case_no = intake.accept(ws, clerk, draft).case_no
    routing.collect(ws, router, [case_no], giver="王晓燕")
    routing.pass_prereview(ws, router, [case_no])
    return case_no


@pytest.fixture
def page(qtbot, ws, router) -> RoutingWorkspace:  # type: ignore[no-untyped-def]
    workspace = RoutingWorkspace(ws, router)
    qtbot.addWidget(workspace)
    workspace.resize(1280, 720)
    workspace.show()
    qtbot.waitExposed(workspace)
    return workspace


def test_back_from_the_first_department_the_screen_names_the_next_and_delivery_refuses(
    qtbot, page, ws, router, restaurant
) -> None:
    routing.dispatch(ws, router, MARKET, [restaurant], receiver="审批科李明")
    panel = page.scan
    pick(qtbot, panel.move, "接收审批结果")
    pick(qtbot, panel.department, MARKET)
    fill(qtbot, panel.person, "审批科李明")
    scan(qtbot, panel, restaurant)
    click(qtbot, panel.confirm)
    said = panel.message.text()
    assert said.startswith("接收审批结果：1 件已办理，交接单 ")
    assert f"{restaurant} 已办结，已取回；尚待审批：{FIRE}、{HOUSING}，请移交「{FIRE}」" in said
    assert sql(ws, "SELECT state, station FROM cases") == [("routing", "routing")]

    pick(qtbot, panel.move, "送出件窗口")
    scan(qtbot, panel, restaurant)
    assert panel.listed() == []
    assert lines(panel.lines) == [
        f"✖ 办件 {restaurant} 还有「{FIRE}、{HOUSING}」未审批，不能送出件窗口："
        "联办事项须各部门都审结后才能出件"
    ]

    # The first folder of a dispatch chooses where the batch goes: its next department.
    pick(qtbot, panel.move, "移交审批部门")
    assert panel.department.currentText() == MARKET
    scan(qtbot, panel, restaurant)
    assert panel.department.currentText() == FIRE
    assert panel.listed() == [restaurant] and lines(panel.lines)[0].startswith("✓")
    assert panel.person.text() == ""  # 市场监管's 审批科李明 does not sign for 消防
    assert panel.message.text() == f"已加入：{restaurant}（本批 1 件），移交「{FIRE}」"
    fill(qtbot, panel.person, "防火科刘强")
    click(qtbot, panel.confirm)
    assert sql(ws, "SELECT station FROM cases") == [(f"dept:{FIRE}",)]


def test_a_fast_run_of_refused_scans_keeps_every_refusal_as_a_line(qtbot, page) -> None:
    panel = page.scan
    panel.scan.setFocus()
    bad = ["20991231-W01-0001", "20991231-W01-0002", "20991231-W01-0003"]
    for ref in bad:  # a scanner does not wait for the screen
        qtbot.keyClicks(panel.scan, ref)
        qtbot.keyClick(panel.scan, Qt.Key.Key_Return)
    settle(qtbot)
    shown = lines(panel.lines)
    assert len(shown) == 3 and all(line.startswith("✖") for line in shown)
    assert [ref in line for ref, line in zip(bad, shown, strict=True)] == [True] * 3
    assert panel.listed() == []


def test_the_receiver_of_one_department_is_not_carried_to_another(
    qtbot, page, ws, clerk, router, restaurant
) -> None:
    card = intake.accept(ws, clerk, draft_for(ws, [CARD], person(resident_id(seq="702"))))
    routing.collect(ws, router, [card.case_no], giver="王晓燕")
    routing.pass_prereview(ws, router, [card.case_no])
    panel = page.scan
    pick(qtbot, panel.move, "移交审批部门")
    pick(qtbot, panel.department, LABOUR)
    fill(qtbot, panel.person, "卫健委张伟")
    scan(qtbot, panel, card.case_no)
    click(qtbot, panel.confirm)
    assert "1 件已办理" in panel.message.text()

    pick(qtbot, panel.department, MARKET)
    assert panel.person.text() == ""  # not the previous department's receiver
    fill(qtbot, panel.person, "审批科李明")
    scan(qtbot, panel, restaurant)
    click(qtbot, panel.confirm)
    receivers = sql(ws, "SELECT department, receiver FROM handover_sheets WHERE move='dispatch'")
    assert set(receivers) == {(MARKET, "审批科李明"), (LABOUR, "卫健委张伟")}

    pick(qtbot, panel.department, LABOUR)
    assert panel.person.text() == "卫健委张伟"  # re-proposed for its own department


def test_the_board_shows_outstanding_departments_and_filters_by_department(
    qtbot, page, ws, clerk, router, restaurant
) -> None:
    card = intake.accept(ws, clerk, draft_for(ws, [CARD], person(resident_id(seq="703"))))
    routing.dispatch(ws, router, MARKET, [restaurant], receiver="审批科李明")
    routing.receive_back(ws, router, MARKET, [Decision(restaurant)], giver="审批科李明")
    open_tab(qtbot, page, "材料袋位置")
    board = page.board
    click(qtbot, board.findChild(QPushButton, "boardRefreshButton"))
    model = board.model
    headers = [model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount())]
    outstanding = headers.index("待审批部门")
    rows = {cell(board.table, r, 2): r for r in range(model.rowCount())}
    assert set(rows) == {restaurant, card.case_no}
    assert cell(board.table, rows[restaurant], outstanding) == f"{FIRE}、{HOUSING}"
    assert cell(board.table, rows[card.case_no], outstanding) == ""

    # Alt+D reaches the filter; the arrow keys choose a department.
    qtbot.keyClick(board.flagged, Qt.Key.Key_D, Qt.KeyboardModifier.AltModifier)
    assert board.department.hasFocus()
    pick(qtbot, board.department, FIRE)
    settle(qtbot)
    assert [cell(board.table, r, 2) for r in range(model.rowCount())] == [restaurant]
    assert board.summary.text().startswith(f"{FIRE}的办件：共 1 件在途")
    pick(qtbot, board.department, LABOUR)
    settle(qtbot)
    assert [cell(board.table, r, 2) for r in range(model.rowCount())] == [card.case_no]
    pick(qtbot, board.department, "全部部门")
    settle(qtbot)
    assert model.rowCount() == 2
