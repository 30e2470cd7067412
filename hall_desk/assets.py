"""Finding resources and forms in a source checkout, an installed wheel and a PyInstaller bundle."""

from __future__ import annotations

import sys
from pathlib import Path

PACKAGE_DIR = Path(__file__).resolve().parent
FOLDERS = ("resources", "forms")


def bundle_root() -> Path:
    """The folder that holds resources/ and forms/.

    In a PyInstaller build (packaging/hall-desk.spec) both are unpacked beside the program, at
    sys._MEIPASS. An installed wheel carries them inside the package (hall_desk/resources,
    hall_desk/forms: setup.py maps them there). In a checkout, editable install or not, they sit
    at the top of the repository, above this package.
    """
    frozen_root = getattr(sys, "_MEIPASS", None)
    if getattr(sys, "frozen", False) and frozen_root:
        return Path(frozen_root)
    if all((PACKAGE_DIR / folder).is_dir() for folder in FOLDERS):
        return PACKAGE_DIR
    return PACKAGE_DIR.parent


def resources_dir() -> Path:
    return bundle_root() / "resources"


def forms_dir() -> Path:
    """Qt Designer layouts (*.ui), loaded by hall_desk.ui.forms."""
    return bundle_root() / "forms"


def resource(*parts: str) -> Path:
    path = resources_dir().joinpath(*parts)
    if not path.exists():
        raise FileNotFoundError(f"缺少程序资源文件：{path}")
    return path
