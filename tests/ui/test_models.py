"""Every table model passes Qt's model tester, empty and filled."""

from __future__ import annotations

from hall_desk.services import calendar as calendar_service
from hall_desk.services import cases as case_service
from hall_desk.services import users
from hall_desk.ui.case_view import MATERIAL_COLUMNS, TIMELINE_COLUMNS
from hall_desk.ui.main_window import HIT_COLUMNS
from hall_desk.ui.models import ID_ROLE, SORT_ROLE, RowsModel
from hall_desk.ui.settings_dialog import OVERRIDE_COLUMNS, USER_COLUMNS
from tests.conftest import TODAY


def test_models_pass_the_model_tester(qtmodeltester, ws, clerk, admin, cases) -> None:
    detail = case_service.case_detail(ws, clerk, cases[0].case_id)
    calendar_service.set_override(ws, admin, TODAY, "holiday", "闭厅")
    filled = [
        RowsModel(HIT_COLUMNS, lambda h: h.id, case_service.search_cases(ws, "包")),
        RowsModel(MATERIAL_COLUMNS, lambda m: f"{m.case_id}:{m.position}", detail.materials),
        RowsModel(TIMELINE_COLUMNS, lambda e: e.what, detail.timeline),
        RowsModel(USER_COLUMNS, lambda u: u.username, users.list_users(ws, admin)),
        RowsModel(
            OVERRIDE_COLUMNS, lambda o: o.day.isoformat(), calendar_service.list_overrides(ws)
        ),
    ]
    for model in filled:
        assert model.rowCount() > 0
        qtmodeltester.check(model, force_py=True)
        qtmodeltester.check(RowsModel(model.columns, model.row_id), force_py=True)


def test_roles_give_id_and_sort_values(ws, clerk, cases) -> None:
    hits = case_service.search_cases(ws, "包")
    model = RowsModel(HIT_COLUMNS, lambda h: h.id, hits)
    index = model.index(0, 5)  # 办结期限
    assert model.data(index, ID_ROLE) == hits[0].id
    assert model.data(index, SORT_ROLE) == hits[0].due_date.isoformat()
    assert model.data(model.index(0, 0)) == hits[0].case_no
    assert (
        model.headerData(0, __import__("PySide6.QtCore").QtCore.Qt.Orientation.Horizontal)
        == "受理编号"
    )
