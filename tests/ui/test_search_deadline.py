"""Search results say which cases are late or near their deadline, in words beside each."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt

from hall_desk.services import intake
from hall_desk.ui.main_window import MainWindow, SearchResults
from tests.services.helpers import draft_for, person, resident_id
from tests.ui.conftest import FOOD, type_text

ON = date(2026, 12, 2)  # a Wednesday: the fixture's cases (due 2026-11-27) are 3 working days late


def _column(results: SearchResults, title: str) -> int:
    model = results.model
    for col in range(model.columnCount()):
        if model.headerData(col, Qt.Orientation.Horizontal) == title:
            return col
    raise AssertionError(f"no column {title}")


def test_search_results_carry_the_deadline_in_words(qtbot, ws, clerk, cases) -> None:  # type: ignore[no-untyped-def]
    ws.today = lambda: ON  # type: ignore[method-assign]
    fresh = intake.accept(
        ws,
        clerk,
        draft_for(ws, [FOOD], person(resident_id(seq="300"), name="包金花")),
        on=ON,
    )
    main = MainWindow(ws, clerk)
    qtbot.addWidget(main)
    main.show()
    qtbot.waitExposed(main)
    qtbot.keyClick(main, Qt.Key.Key_K, Qt.KeyboardModifier.ControlModifier)
    type_text(qtbot, main.search, "包")
    qtbot.keyClick(main.search, Qt.Key.Key_Return)
    results = main.search_results
    qtbot.waitExposed(results)
    words = _column(results, "期限")
    number = _column(results, "受理编号")
    table = results.table
    shown = {
        table.model().index(row, number).data(): table.model().index(row, words).data()
        for row in range(table.model().rowCount())
    }
    late = {c.case_no for c in cases if c.case_no}
    assert {n for n in shown if n in late} == {cases[0].case_no, cases[1].case_no}  # 包…
    for case_no in late & shown.keys():
        assert shown[case_no] == "⚠ 已超期 3 个工作日"
    assert shown[fresh.case_no] == "⚠ 临近期限：剩余 3 个工作日"
    # Wide enough to read whole.
    metrics = table.fontMetrics()
    assert table.columnWidth(words) >= metrics.horizontalAdvance("⚠ 临近期限：剩余 3 个工作日")
    results.close()
