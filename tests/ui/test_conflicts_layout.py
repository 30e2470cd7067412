"""The conflicts dialog with a real conflict (one result handed out at two windows before they
synced): every column is wide enough for its text."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QRect, Qt

from hall_desk.services import delivery, intake
from hall_desk.ui.sync_conflicts import SUMMARY_COLUMN, ConflictsDialog
from tests.sync.conftest import hall, home_templates  # noqa: F401 - the sync tests' fixtures
from tests.sync.helpers import DAY, EMPLOYMENT, LEAD, applicant, clerk, draft, resident, sync


def test_the_conflicts_columns_fit_their_text(qtbot, hall, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]  # noqa: F811
    shared = str(tmp_path / "hall-shared.sqlite3")
    w1, w2 = hall.ws("W1"), hall.ws("W2")
    done = intake.complete_at_window(w1, clerk(w1), draft(w1, [EMPLOYMENT], applicant(30)), on=DAY)
    sync(w1, shared)
    sync(w2, shared)
    for ws in (w1, w2):
        delivery.pickup_by_applicant(ws, clerk(ws), done.case_id, resident(30), on=DAY)
    sync(w2, shared)
    assert sync(w1, shared).conflicts == 1

    dialog = ConflictsDialog(w1, LEAD)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    assert dialog.table.isVisible() and not dialog.empty.isVisible()
    assert dialog.resolve_button.isEnabled()
    table, model = dialog.table, dialog.model
    assert model.rowCount() == 1
    metrics = table.fontMetrics()
    header = table.horizontalHeader()
    for col in range(model.columnCount()):
        text = str(model.index(0, col).data() or "")
        title = str(model.headerData(col, Qt.Orientation.Horizontal))
        assert table.columnWidth(col) >= header.fontMetrics().horizontalAdvance(title), title
        if col == SUMMARY_COLUMN:
            # The long summary wraps inside its column, the row tall enough for all of it.
            assert "两步不能同时成立" in text
            box = QRect(0, 0, table.columnWidth(col) - 8, 10_000)
            wrapped = metrics.boundingRect(box, Qt.TextFlag.TextWordWrap, text)
            assert table.rowHeight(0) >= wrapped.height(), (table.rowHeight(0), wrapped)
        else:
            assert table.columnWidth(col) >= metrics.horizontalAdvance(text), (title, text)
    # Nothing beyond the right edge.
    assert table.horizontalScrollBar().maximum() == 0
    # The case number is the first thing the lead reads.
    assert model.index(0, 0).data() == done.case_no
    dialog.close()
