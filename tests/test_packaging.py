"""What `make dist` ships around the program, checked without building it (PyInstaller takes
minutes; `make dist` builds and smoke-tests the real thing): the .deb's layout and control file,
the desktop entry, and the PyInstaller spec."""

from __future__ import annotations

import configparser
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

import hall_desk

ROOT = Path(__file__).resolve().parent.parent
PACKAGING = ROOT / "packaging"
sys.path.insert(0, str(PACKAGING))
import build_deb  # noqa: E402

needs_dpkg = pytest.mark.skipif(shutil.which("dpkg-deb") is None, reason="needs dpkg-deb")


def desktop_entry() -> configparser.SectionProxy:
    parser = configparser.ConfigParser(interpolation=None, strict=True)
    parser.optionxform = str  # type: ignore[assignment,method-assign]  # keys keep their case
    parser.read(PACKAGING / "hall-desk.desktop", encoding="utf-8")
    return parser["Desktop Entry"]


def test_the_desktop_entry_names_the_program_in_chinese_with_icon_and_menu():
    entry = desktop_entry()
    assert entry["Type"] == "Application"
    assert entry["Name"] == "政务服务中心前台"
    assert entry["Name[zh_CN]"] == "政务服务中心前台"
    assert entry["Exec"] == "hall-desk"
    assert entry["Terminal"] == "false"
    assert "Office" in entry["Categories"].split(";")
    assert entry["Icon"] == "hall-desk"
    assert (ROOT / "resources" / "icons" / "hall-desk.png").is_file()


@pytest.fixture(scope="module")
def deb(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The .deb around a stand-in of the PyInstaller folder (a script and a library folder)."""
    program = tmp_path_factory.mktemp("program") / "hall-desk"
    (program / "_internal").mkdir(parents=True)
    (program / "hall-desk").write_text("#!/bin/sh\necho hall-desk\n", encoding="utf-8")
    (program / "hall-desk").chmod(0o700)
    (program / "_internal" / "base_library.zip").write_bytes(b"zip")
    return build_deb.build(program, tmp_path_factory.mktemp("out"))


def _dpkg_deb(*args: str | Path) -> str:
    return subprocess.run(
        ["dpkg-deb", *map(str, args)], capture_output=True, text=True, check=True
    ).stdout


@needs_dpkg
def test_the_deb_is_named_and_versioned_from_the_package(deb):
    arch = build_deb.architecture()
    assert deb.name == f"hall-desk_{hall_desk.__version__}_{arch}.deb"
    fields = dict(line.split(": ", 1) for line in _dpkg_deb("-f", deb).splitlines() if ": " in line)
    assert fields["Package"] == "hall-desk"
    assert fields["Version"] == hall_desk.__version__
    assert fields["Architecture"] == arch
    depends = fields["Depends"].split(", ")
    assert {"libegl1", "libxcb-icccm4", "fontconfig"} <= set(depends)
    assert "fonts-noto-cjk" in fields["Recommends"]


@needs_dpkg
def test_the_deb_installs_under_opt_with_a_command_a_menu_entry_and_an_icon(deb):
    listing = {}
    for line in _dpkg_deb("-c", deb).splitlines():
        mode, owner, _size, _day, _time, name = line.split(None, 5)
        listing[name.split(" -> ")[0].removeprefix(".")] = (mode, owner, name)
    assert listing["/opt/hall-desk/hall-desk"][0] == "-rwxr-xr-x"
    assert listing["/opt/hall-desk/_internal/base_library.zip"][0] == "-rw-r--r--"
    link = listing["/usr/bin/hall-desk"]
    assert link[0].startswith("l") and link[2].endswith("-> /opt/hall-desk/hall-desk")
    assert "/usr/share/applications/hall-desk.desktop" in listing
    assert "/usr/share/icons/hicolor/256x256/apps/hall-desk.png" in listing
    assert "/usr/share/doc/hall-desk/CHANGELOG.md" in listing
    # Root's files, writable by root only: nothing runs as root, nothing writes beside itself.
    for mode, owner, _ in listing.values():
        assert owner == "root/root"
        assert mode.startswith("l") or mode[8] != "w", mode


@needs_dpkg
def test_removing_the_deb_runs_nothing_and_so_keeps_every_users_data(deb, tmp_path):
    _dpkg_deb("-e", deb, tmp_path / "control")
    scripts = sorted(p.name for p in (tmp_path / "control").iterdir())
    assert scripts == ["control", "md5sums"] or scripts == ["control"]
