"""The version is written once (hall_desk/__init__.py); everything that shows it reads it there."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

import hall_desk
from tests.command_line import run_in_process

CHECKOUT = Path(__file__).resolve().parent.parent


def test_the_package_metadata_takes_the_version_from_the_package():
    project = tomllib.loads((CHECKOUT / "pyproject.toml").read_text("utf-8"))
    assert "version" not in project["project"]
    assert "version" in project["project"]["dynamic"]
    attr = project["tool"]["setuptools"]["dynamic"]["version"]["attr"]
    assert attr == "hall_desk.__version__"
    assert re.fullmatch(r"\d+\.\d+\.\d+", hall_desk.__version__)


def test_hall_desk_version_prints_it(tmp_path):
    shown = run_in_process(["--version"], {}, tmp_path)
    assert shown.returncode == 0
    assert shown.stdout.strip() == f"hall-desk {hall_desk.__version__}"


def test_the_changelog_begins_with_this_version():
    """The release notes are the changelog's newest section: it must be this version's."""
    text = (CHECKOUT / "CHANGELOG.md").read_text("utf-8")
    versions = re.findall(r"^## (\d+\.\d+\.\d+) — ", text, flags=re.MULTILINE)
    assert versions, "CHANGELOG.md has no '## <version> — <date>' section"
    assert versions[0] == hall_desk.__version__
