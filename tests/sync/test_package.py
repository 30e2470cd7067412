"""The sync package's names are found when asked for: each is its module's own, and importing
the package, or its status, imports no more of the engine than asked."""

from __future__ import annotations

import importlib
import json
import subprocess
import sys
from pathlib import Path

import pytest

import hall_desk.sync as sync


def test_every_name_the_package_offers_is_its_modules_own():
    assert sorted(sync.__all__) == sorted(sync._HOMES)
    for name in sync.__all__:
        module = importlib.import_module(f"hall_desk.sync.{sync._HOMES[name]}")
        assert getattr(sync, name) is getattr(module, name), name
    assert set(sync.__all__) <= set(dir(sync))


def test_a_name_the_package_does_not_offer_is_an_attribute_error():
    with pytest.raises(AttributeError, match="sync_everything"):
        _ = sync.sync_everything
    assert not hasattr(sync, "sync_everything")


def test_a_submodule_is_still_imported_from_the_package():
    from hall_desk.sync import gaps

    assert gaps is importlib.import_module("hall_desk.sync.gaps")


def _loaded_after(code: str) -> set[str]:
    root = Path(__file__).resolve().parents[2]
    ran = subprocess.run(
        [sys.executable, "-c", f"{code}\nimport json, sys; print(json.dumps(sorted(sys.modules)))"],
        capture_output=True,
        encoding="utf-8",
        cwd=root,
        timeout=120,
        check=True,
    )
    return set(json.loads(ran.stdout.strip().splitlines()[-1]))


ENGINE = ("hall_desk.sync.pull", "hall_desk.sync.push", "hall_desk.sync.conflicts")
ENGINE += ("hall_desk.sync.validate", "hall_desk.store.event_kinds", "hall_desk.store.tables")


def test_the_package_and_the_status_import_none_of_the_engine():
    loaded = _loaded_after("import hall_desk.sync; from hall_desk.sync import sync_status")
    assert "hall_desk.sync.status" in loaded
    assert sorted(m for m in loaded if m.startswith(ENGINE)) == []


def test_asking_for_the_engine_imports_it():
    loaded = _loaded_after("from hall_desk.sync import sync_once")
    assert {"hall_desk.sync.run", "hall_desk.sync.pull", "hall_desk.store.event_kinds"} <= loaded
