"""The case view says where the folder is now, in its header, and its 办理过程 says for every
move which department, which 交接单 and who received it."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QTabWidget

from hall_desk.services import intake, routing
from hall_desk.services.routing import Decision
from tests.services.helpers import all_materials, person, resident_id
from tests.ui.test_case_view import cell, open_view

MARKET = "科尔沁左翼中旗市场监督管理局"
FIRE = "科尔沁左翼中旗消防救援大队"
RESTAURANT_ITEMS = ["011050001001", "011050007001", "011190001001", "011070008001"]


def test_the_header_says_where_the_folder_is_and_each_move_is_explained(
    qtbot, ws, clerk, router
) -> None:
    draft = intake.IntakeDraft(
        applicant=person(resident_id(seq="801")),
        item_codes=RESTAURANT_ITEMS,
        theme_code="YJS001",
        received=all_materials(ws, RESTAURANT_ITEMS),
    )
    case_no = intake.accept(ws, clerk, draft).case_no
    collected = routing.collect(ws, router, [case_no], giver="王晓燕").sheet
    routing.pass_prereview(ws, router, [case_no])
    first = routing.dispatch(ws, router, MARKET, [case_no], receiver="审批科李明").sheet
    back = routing.receive_back(ws, router, MARKET, [Decision(case_no)], giver="审批科李明").sheet
    second = routing.dispatch(ws, router, FIRE, [case_no], receiver="防火科刘强").sheet
    assert collected and first and back and second

    view = open_view(qtbot, ws, clerk, case_no)
    view.resize(1000, 700)
    items = view.value("items").text().split("\n")
    assert items[-1] == f"主办：{MARKET}；协办：{FIRE}、科尔沁左翼中旗住房和城乡建设局"
    where = view.folder_where.text()
    assert where.startswith(f"{FIRE}，已停留 ")
    assert where.endswith("；接收人 防火科刘强")

    tabs = view.form.findChild(QTabWidget, "tabs")
    bar = tabs.tabBar()
    index = next(i for i in range(tabs.count()) if tabs.tabText(i) == "办理过程")
    qtbot.mouseClick(bar, Qt.MouseButton.LeftButton, pos=bar.tabRect(index).center())
    assert tabs.currentIndex() == index
    model = view.timeline
    steps = [cell(model, r, "操作") for r in range(model.rowCount())]
    assert steps == [
        "受理",
        "流转岗预审",
        "预审通过",
        "移交审批部门",
        "部门审结（联办待续）",
        "移交审批部门",
    ]
    notes = [cell(model, r, "说明") for r in range(model.rowCount())]
    assert notes[0] == ""
    assert (
        notes[1] == f"综合窗口1 → 流转岗；交接单 {collected.sheet_no}；交出人 王晓燕，接收人 赵志刚"
    )
    assert notes[2] == ""  # 预审通过: the folder stays where it is
    assert notes[3] == (
        f"流转岗 → {MARKET}；交接单 {first.sheet_no}；交出人 赵志刚，接收人 审批科李明"
    )
    assert notes[4] == (
        f"{MARKET} → 流转岗；交接单 {back.sheet_no}；交出人 审批科李明，接收人 赵志刚；已办结"
    )
    assert notes[5] == (
        f"流转岗 → {FIRE}；交接单 {second.sheet_no}；交出人 赵志刚，接收人 防火科刘强"
    )
