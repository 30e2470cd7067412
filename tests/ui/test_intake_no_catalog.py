"""The item search says why it finds nothing: a workstation that joined a hall has no catalog
until its first sync, which brings the hall's; elsewhere, nothing matched the words typed."""

from __future__ import annotations

from pathlib import Path

from hall_desk.services.workstation import Workstation
from hall_desk.ui.intake_workspace import IntakeWorkspace
from tests.conftest import make_home
from tests.sync.helpers import clerk, sync
from tests.ui.conftest import type_text


def _workspace(qtbot, ws: Workstation) -> IntakeWorkspace:  # type: ignore[no-untyped-def]
    page = IntakeWorkspace(ws, clerk(ws))
    qtbot.addWidget(page)
    page.show()
    qtbot.waitExposed(page)
    page.form.item_search.setFocus()
    return page


def _search(qtbot, page: IntakeWorkspace, text: str) -> None:  # type: ignore[no-untyped-def]
    page.form.item_search.clear()
    type_text(qtbot, page.form.item_search, text)


def test_a_joiner_before_its_first_sync_is_told_the_catalog_comes_with_it(
    qtbot, ws: Workstation, tmp_path: Path
) -> None:
    key_file = tmp_path / "hall.key"
    ws.key.write(key_file)
    joined = make_home(tmp_path / "joined", "W02", key_file)
    try:
        page = _workspace(qtbot, joined)
        form = page.form
        _search(qtbot, page, "食品")
        assert form.item_results.count() == 0
        assert form.item_hint.isVisible()
        assert "还没有事项库" in form.item_hint.text()
        assert "同步" in form.item_hint.text()
        shared = str(tmp_path / "hall-shared.sqlite3")
        sync(ws, shared)
        sync(joined, shared)
        _search(qtbot, page, "食品")
        assert form.item_results.count() > 0
        assert not form.item_hint.isVisible()
    finally:
        joined.close()


def test_a_search_that_matches_nothing_says_so(qtbot, ws: Workstation) -> None:
    page = _workspace(qtbot, ws)
    form = page.form
    _search(qtbot, page, "不存在的事项")
    assert form.item_results.count() == 0
    assert form.item_hint.isVisible()
    assert form.item_hint.text() == "⚠ 没有找到「不存在的事项」对应的事项"
    form.item_search.clear()
    assert not form.item_hint.isVisible()
