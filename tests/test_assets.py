"""Resources and forms are found from a checkout, from an installed wheel (inside the package)
and from a PyInstaller bundle when frozen. tests/test_wheel.py installs a real wheel."""

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


def test_installed_both_folders_are_inside_the_package(tmp_path, monkeypatch):
    """What `pip install` of the wheel lays out: hall_desk/resources and hall_desk/forms."""
    package = tmp_path / "site-packages" / "hall_desk"
    (package / "resources" / "catalog").mkdir(parents=True)
    (package / "forms").mkdir()
    monkeypatch.setattr(assets, "PACKAGE_DIR", package)
    assert assets.resources_dir() == package / "resources"
    assert assets.forms_dir() == package / "forms"
    assert assets.resource("catalog") == package / "resources" / "catalog"


def test_a_package_with_only_one_of_the_folders_is_not_an_install(tmp_path, monkeypatch):
    # A stray resources/ folder left inside a checkout's package does not hide the real ones.
    monkeypatch.setattr(assets, "PACKAGE_DIR", tmp_path / "hall_desk")
    (tmp_path / "hall_desk" / "resources").mkdir(parents=True)
    assert assets.resources_dir() == tmp_path / "resources"
