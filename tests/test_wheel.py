"""The wheel carries the program's data: built with `pip wheel .`, installed (not editable) into a
fresh venv, it runs from a folder outside the checkout and finds its catalog, calendar, forms,
themes and translations (tests/smoke.py: --version, init, demo-data, report daily, the window).

Nothing is downloaded: the wheel is built with the setuptools and wheel of the test environment
(the `test` extra), and the fresh venv reaches the dependencies already installed there through a
.pth line, which adds their folder without running its .pth files, so the editable install of the
checkout stays out of sight.
"""

from __future__ import annotations

import os
import shutil
import site
import subprocess
import sys
import sysconfig
import zipfile
from pathlib import Path

import pytest
from pypdf import PdfReader

import hall_desk
from tests.smoke import HALL, Smoke

CHECKOUT = Path(__file__).resolve().parent.parent
# What the wheel is built from; build/ and *.egg-info left by another build are not copied.
SOURCES = ("hall_desk", "resources", "forms", "pyproject.toml", "setup.py", "README.md")


def _pip(*args: str | Path, cwd: Path) -> None:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("PIP_", "PYTHON"))}
    env.update(PIP_CONFIG_FILE=os.devnull, PIP_DISABLE_PIP_VERSION_CHECK="1")
    done = subprocess.run(
        [sys.executable, "-m", "pip", *map(str, args)],
        capture_output=True,
        text=True,
        env=env,
        cwd=cwd,
        timeout=300,
        check=False,
    )
    assert done.returncode == 0, f"pip {' '.join(map(str, args))}\n{done.stdout}\n{done.stderr}"


def _copy_sources(target: Path) -> Path:
    ignore = shutil.ignore_patterns("__pycache__", "*.pyc", "*.egg-info")
    for name in SOURCES:
        source = CHECKOUT / name
        if source.is_dir():
            shutil.copytree(source, target / name, ignore=ignore)
        else:
            shutil.copy2(source, target / name)
    return target


def _dependency_folders() -> list[str]:
    """The site-packages of the environment running the tests (where PySide6 and the rest are)."""
    folders = [*site.getsitepackages(), sysconfig.get_paths()["purelib"]]
    return list(dict.fromkeys(f for f in folders if Path(f).is_dir()))


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    source = _copy_sources(tmp_path_factory.mktemp("wheel-source"))
    out = tmp_path_factory.mktemp("wheel-out")
    _pip("wheel", source, "--no-deps", "--no-build-isolation", "--no-index", "-w", out, cwd=out)
    (built,) = out.glob("hall_desk-*.whl")
    return built


@pytest.fixture(scope="module")
def venv(wheel: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("fresh") / "venv"
    subprocess.run([sys.executable, "-m", "venv", "--without-pip", root], check=True, timeout=60)
    python = root / ("Scripts/python.exe" if os.name == "nt" else "bin/python")
    purelib = subprocess.run(
        [python, "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
        capture_output=True,
        text=True,
        check=True,
        timeout=60,
    ).stdout.strip()
    lines = "".join(f"{folder}\n" for folder in _dependency_folders())
    Path(purelib, "hall_desk_test_dependencies.pth").write_text(lines, encoding="utf-8")
    _pip("--python", python, "install", "--no-deps", "--no-index", wheel, cwd=root)
    return root


def test_the_wheel_holds_the_data_the_program_loads(wheel):
    with zipfile.ZipFile(wheel) as archive:
        names = set(archive.namelist())
    for path in (
        "hall_desk/resources/catalog/catalog.json",
        "hall_desk/resources/calendar/overrides.csv",
        "hall_desk/resources/themes/light.qss",
        "hall_desk/resources/translations/qt_gaps_zh_CN.qm",
        "hall_desk/forms/login.ui",
        "hall_desk/forms/setup.ui",
        "hall_desk/store/migrations/env.py",
        "hall_desk/store/migrations/versions/0001_initial_schema.py",
    ):
        assert path in names
    assert not any(name.startswith(("resources/", "forms/", "tests/")) for name in names)
    assert not any("__pycache__" in name for name in names)
    assert wheel.name.startswith(f"hall_desk-{hall_desk.__version__}-")


def test_the_installed_wheel_runs_from_outside_the_checkout(venv, tmp_path):
    bin_dir = venv / ("Scripts" if os.name == "nt" else "bin")
    smoke = Smoke([str(bin_dir / "hall-desk")], tmp_path)
    where = subprocess.run(
        [bin_dir / "python", "-c", "import hall_desk.assets as a; print(a.bundle_root())"],
        capture_output=True,
        text=True,
        env=smoke.env,
        cwd=tmp_path / "work",
        check=True,
    ).stdout.strip()
    # The installed package, with its data inside it: not the checkout this test runs from.
    assert Path(where).is_relative_to(venv), where
    assert (Path(where) / "resources" / "catalog" / "catalog.json").is_file()

    assert smoke.version() == f"hall-desk {hall_desk.__version__}"
    smoke.init()
    smoke.demo_data()
    text = "".join(page.extract_text() for page in PdfReader(smoke.report_daily()).pages)
    assert "每日工作汇总" in text
    assert HALL in text
    smoke.window()
