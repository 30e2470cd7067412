"""At 150 % text on a 1366×768 screen, and in a 1200 px window: the dashboard shows eight and
more overdue cases, the status bar says everything whole, 咨询登记 fits without cutting."""

from __future__ import annotations

import re
from datetime import date

import pytest
from PySide6.QtCore import QPoint, QRect
from PySide6.QtWidgets import QAbstractButton, QApplication, QLabel, QWidget

from hall_desk.services import consultations, intake
from hall_desk.services.consultations import ConsultationDraft
from hall_desk.ui import appearance
from hall_desk.ui.main_window import WORKSPACES, MainWindow
from tests.conftest import TODAY
from tests.services.helpers import draft_for, person, resident_id
from tests.ui.conftest import FOOD

ON = date(2026, 12, 2)  # the cases accepted on TODAY are overdue by then


def _window(qtbot, ws, actor, width: int = 1366, height: int = 768) -> MainWindow:  # type: ignore[no-untyped-def]
    main = MainWindow(ws, actor)
    qtbot.addWidget(main)
    main.resize(width, height)
    main.show()
    qtbot.waitExposed(main)
    return main


@pytest.fixture
def zoomed() -> None:
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    appearance.apply_font_scale(app, 1.5)  # the conftest puts it back after the test


def whole(widget: QWidget, inside: QWidget) -> bool:
    """The widget lies wholly inside `inside` (its window or a viewport)."""
    rect = QRect(widget.mapTo(inside, QPoint(0, 0)), widget.size())
    return widget.isVisible() and inside.rect().contains(rect)


def text_fits(widget: QLabel | QAbstractButton) -> bool:
    metrics = widget.fontMetrics()
    shown = re.sub(r"&(.)", r"\1", widget.text())  # a mnemonic's & is not drawn
    needed = max(metrics.horizontalAdvance(line) for line in shown.split("\n"))
    return widget.contentsRect().width() >= needed


def test_the_dashboard_shows_eight_overdue_cases_and_the_status_bar(  # type: ignore[no-untyped-def]
    qtbot, ws, clerk, admin, zoomed
) -> None:
    ws.today = lambda: ON  # type: ignore[method-assign]
    for n in range(12):
        who = person(resident_id(seq=f"{400 + n}"), name="包海龙", phone=f"1390475{2000 + n}")
        intake.accept(ws, clerk, draft_for(ws, [FOOD], who), on=TODAY)
    main = _window(qtbot, ws, admin)
    assert main.show_workspace("reports")
    page = main.reports
    table = page.tabs.currentWidget()
    assert page.overdue.rowCount() == 12
    # Eight whole rows in the list's viewport.
    shown = [
        r
        for r in range(12)
        if table.rowViewportPosition(r) + table.rowHeight(r) <= table.viewport().height()
    ]
    assert len(shown) >= 8, f"{len(shown)} rows of {table.viewport().height()} px"
    # The status bar is on screen and every part of it readable whole.
    bar = main.statusBar()
    assert whole(bar, main)
    labels = main.status_labels
    for key, label in labels.items():
        if key != "hall":
            assert whole(label, main) and text_fits(label), label.text()
    assert whole(main.sync.button, main) and text_fits(main.sync.button)
    # The hall's name, in the title bar anyway, gives way first: whole in its tooltip.
    hall = labels["hall"]
    assert whole(hall, main) and hall.toolTip() == ws.hall and ws.hall in main.windowTitle()


TOPICS = [
    "个体工商户设立登记需要哪些材料",
    "食品经营许可证到期延续怎么办理",
    "社保卡丢失补办需要带什么证件",
    "新生儿落户和医保参保一起办理吗",
    "营业执照经营范围变更",
    "不动产登记预约时间",
    "公积金提取条件和所需材料",
    "残疾人证申领流程和体检地点",
    "企业开办一件事全流程咨询",
]


@pytest.mark.parametrize("scale", [1.0, 1.5], ids=["100%", "150%"])
def test_consultation_page_fits_1200_px_with_nine_recent_topics(qtbot, ws, admin, scale) -> None:  # type: ignore[no-untyped-def]
    for n, topic in enumerate(TOPICS):
        for _ in range(len(TOPICS) - n):  # most frequent first
            consultations.log_consultation(ws, admin, ConsultationDraft(topic=topic))
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    appearance.apply_font_scale(app, scale)
    main = _window(qtbot, ws, admin, width=1200)
    # Every workspace built: the widest of them sets how narrow the window can be.
    for workspace in WORKSPACES:
        assert main.show_workspace(workspace.key)
    assert main.show_workspace("consult")
    page = main.consult
    assert len(page.recent_buttons) == 9
    qtbot.wait(100)  # a page built on the first visit widens its window on a later turn
    assert main.minimumSizeHint().width() <= 1200
    assert main.width() == 1200
    # Nothing sideways: no horizontal scrolling, every part within the width shown (the
    # form scrolls down when the text is large; what has the focus is kept in view).
    viewport = page.scroll.viewport()
    assert page.scroll.horizontalScrollBar().maximum() == 0
    for widget in page.scroll.widget().findChildren(QWidget):
        if not widget.isVisible():
            continue
        left = widget.mapTo(viewport, QPoint(0, 0)).x()
        assert left >= 0 and left + widget.width() <= viewport.width(), (
            type(widget).__name__,
            widget.objectName(),
        )
        if isinstance(widget, (QLabel, QAbstractButton)) and widget.text():
            assert text_fits(widget), widget.text()
    # Each topic is still one keystroke away, and says what it is.
    for index, button in enumerate(page.recent_buttons, start=1):
        assert button.text().startswith(f"&{index} ")
        assert button.toolTip() == TOPICS[index - 1] or TOPICS[index - 1] in button.text()
