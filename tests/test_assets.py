"""Resources and forms are found from a checkout, and from a PyInstaller bundle when frozen."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

import hall_desk
from hall_desk import assets

CHECKOUT = Path(hall_desk.__file__).resolve().parent.parent


def test_from_a_checkout_both_folders_are_at_the_top_of_the_repository():
    assert assets.resources_dir() == CHECKOUT / "resources"
    assert assets.forms_dir() == CHECKOUT / "forms"
    assert (assets.resources_dir() / "themes").is_dir()
    assert (assets.forms_dir() / "login.ui").is_file()
    assert assets.resource("catalog").is_dir()


@pytest.fixture
def bundle(tmp_path, monkeypatch) -> Path:
    """What PyInstaller sets in the program it builds: sys.frozen and the unpacked folder."""
    root = tmp_path / "bundle"
    (root / "resources" / "themes").mkdir(parents=True)
    (root / "forms").mkdir()
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    monkeypatch.setattr(sys, "_MEIPASS", str(root), raising=False)
    return root


def test_frozen_both_folders_are_in_the_bundle(bundle):
    assert assets.bundle_root() == bundle
    assert assets.resources_dir() == bundle / "resources"
    assert assets.forms_dir() == bundle / "forms"
    assert assets.resource("themes") == bundle / "resources" / "themes"
    with pytest.raises(FileNotFoundError, match="缺少程序资源文件"):
        assets.resource("catalog")  # in the checkout, but not in this bundle


def test_an_unpack_folder_without_the_frozen_flag_is_not_a_bundle(tmp_path, monkeypatch):
    monkeypatch.delattr(sys, "frozen", raising=False)
    monkeypatch.setattr(sys, "_MEIPASS", str(tmp_path), raising=False)
    assert assets.resources_dir() == CHECKOUT / "resources"
