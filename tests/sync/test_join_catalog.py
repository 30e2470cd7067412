"""A workstation that joins a hall takes the hall's catalog and working calendar at its first
sync: what the program ships (the bundled catalog, the bundled calendar days) is where a new
hall starts, never something a joiner asserts over what the hall's admin has made of them."""

from __future__ import annotations

import copy
import shutil
import sys
from datetime import date
from pathlib import Path

import pytest

from hall_desk.assets import resources_dir
from hall_desk.domain.roles import SYSTEM_ACTOR
from hall_desk.services import calendar as calendar_service
from hall_desk.services import catalog
from hall_desk.services.home import Home
from hall_desk.services.setup import init_home
from hall_desk.services.workstation import Workstation
from tests.conftest import ADMIN_PASSWORD
from tests.sync.helpers import FOOD, sync

HALL = "科尔沁左翼中旗政务服务中心"
RENAMED = "食品经营许可（新办，本大厅）"
BUNDLED_DAY = date(2027, 2, 15)


def _new(tmp_path: Path, code: str, key_file: Path | None = None) -> Workstation:
    return init_home(
        Home(tmp_path / code),
        hall=HALL,
        workstation=code,
        hall_key_file=key_file,
        admin=("admin", "张建国", ADMIN_PASSWORD),
    )


def _item_name(ws: Workstation, code: str) -> str | None:
    found = [i for i in catalog.load_catalog(ws)[0] if i.code == code]
    return found[0].name if found else None


def _hall_catalog() -> dict[str, object]:
    """The bundled catalog as a hall's admin has changed it: one item renamed, one removed."""
    data = copy.deepcopy(catalog.bundled_catalog())
    items = data["items"]
    for item in items:
        if item["code"] == FOOD:
            item["name"] = RENAMED
    removed = next(i["code"] for i in items if i["code"] != FOOD and not _in_theme(data, i["code"]))
    data["items"] = [i for i in items if i["code"] != removed]
    data["removed"] = removed
    return data


def _in_theme(data: dict[str, object], code: str) -> bool:
    return any(code in t["items"] for t in data.get("themes", []))  # type: ignore[union-attr]


def test_a_joiner_takes_the_halls_catalog_and_never_replaces_it(shared_url, tmp_path) -> None:
    w1 = _new(tmp_path, "W1")
    w2: Workstation | None = None
    try:
        hall_catalog = _hall_catalog()
        removed = hall_catalog.pop("removed")
        catalog.import_catalog(w1, SYSTEM_ACTOR, hall_catalog)
        sync(w1, shared_url)
        key_file = tmp_path / "hall.key"
        w1.key.write(key_file)
        w2 = _new(tmp_path, "W2", key_file)
        assert _item_name(w2, FOOD) is None  # nothing of its own: the hall's catalog is to come
        sync(w2, shared_url)
        sync(w1, shared_url)
        for ws in (w1, w2):
            assert _item_name(ws, FOOD) == RENAMED, ws.code
            assert _item_name(ws, removed) is None, ws.code  # type: ignore[arg-type]
            assert len(catalog.load_catalog(ws)[0]) == len(hall_catalog["items"])  # type: ignore[arg-type]
    finally:
        if w2 is not None:
            w2.close()
        w1.close()


@pytest.fixture
def bundled_day(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The program as a packaged build whose calendar file ships one closed day."""
    bundle = tmp_path / "bundle"
    shutil.copytree(resources_dir(), bundle / "resources")
    overrides = bundle / "resources" / "calendar" / "overrides.csv"
    text = overrides.read_text(encoding="utf-8")
    overrides.write_text(text + f"{BUNDLED_DAY.isoformat()},holiday,春节\n", encoding="utf-8")
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    monkeypatch.setattr(sys, "_MEIPASS", str(bundle), raising=False)


def _days(ws: Workstation) -> list[tuple[date, str, str]]:
    return [(o.day, o.kind, o.note) for o in calendar_service.list_overrides(ws)]


def test_a_joiner_never_reasserts_a_bundled_day_the_admin_changed(
    bundled_day, shared_url, tmp_path
) -> None:
    w1 = _new(tmp_path, "W1")
    w2: Workstation | None = None
    try:
        assert _days(w1) == [(BUNDLED_DAY, "holiday", "春节")]  # a new hall starts from it
        calendar_service.set_override(w1, SYSTEM_ACTOR, BUNDLED_DAY, "workday", "本大厅照常办公")
        sync(w1, shared_url)
        key_file = tmp_path / "hall.key"
        w1.key.write(key_file)
        w2 = _new(tmp_path, "W2", key_file)
        assert _days(w2) == []
        sync(w2, shared_url)
        sync(w1, shared_url)
        for ws in (w1, w2):
            assert _days(ws) == [(BUNDLED_DAY, "workday", "本大厅照常办公")], ws.code
    finally:
        if w2 is not None:
            w2.close()
        w1.close()
