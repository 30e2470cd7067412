"""An init that fails partway tells its caller why, even when its clean-up fails as well: the
anchor writer's kept error at close, a file that cannot be removed."""

from __future__ import annotations

import logging
import shutil
import sys
from pathlib import Path

import pytest

from hall_desk.assets import resources_dir
from hall_desk.domain.errors import StorageError
from hall_desk.services.home import Home
from hall_desk.services.setup import init_home


def _damaged_program(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The program run as a packaged build (its files unpacked at sys._MEIPASS) whose calendar
    file has a bad row: init imports the catalog, then fails reading the calendar."""
    bundle = tmp_path / "bundle"
    shutil.copytree(resources_dir(), bundle / "resources")
    overrides = bundle / "resources" / "calendar" / "overrides.csv"
    text = overrides.read_text(encoding="utf-8")
    overrides.write_text(text + "2027-01-01,bogus,坏行\n", encoding="utf-8")
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    monkeypatch.setattr(sys, "_MEIPASS", str(bundle), raising=False)


def test_the_step_that_failed_is_what_the_caller_sees(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    _damaged_program(tmp_path, monkeypatch)
    home = Home(tmp_path / "home")
    home.path.mkdir()
    # A folder where the audit anchor goes: its write after the first commit is refused
    # (EISDIR, kept by the anchor writer for the close), and so is the clean-up's removal.
    home.audit_anchor_path.mkdir()
    with caplog.at_level(logging.ERROR), pytest.raises(StorageError) as failed:
        init_home(home, hall="测试大厅", workstation="W01")
    assert "overrides.csv 中的类型「bogus」无效" in failed.value.message
    notes = "\n".join(getattr(failed.value, "__notes__", []))
    assert "closing the new workstation failed too: 留痕锚点文件" in notes
    assert f"removing {home.audit_anchor_path} failed too" in notes
    logged = [r.getMessage() for r in caplog.records if r.name == "hall_desk.services.setup"]
    assert any("留痕锚点文件" in m for m in logged)
    # The clean-up went on past both: nothing of the half-made home is left but the folder
    # that was there before (not init's to remove), and init can be run again once it is gone.
    assert sorted(p.name for p in home.path.iterdir()) == [home.audit_anchor_path.name]
    assert not home.is_initialised() and not home.init_interrupted()
    home.audit_anchor_path.rmdir()
    monkeypatch.undo()
    ws = init_home(home, hall="测试大厅", workstation="W01")
    ws.close()
    assert home.is_initialised()
