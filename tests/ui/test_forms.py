"""Forms load through the one bundle-path function: from the bundle when the program is frozen."""

from __future__ import annotations

import shutil
import sys

import pytest
from PySide6.QtWidgets import QLineEdit

from hall_desk import assets
from hall_desk.ui.forms import child, load_form


def test_frozen_forms_are_read_from_the_bundle(qtbot, tmp_path, monkeypatch):
    checkout_forms = assets.forms_dir()
    root = tmp_path / "bundle"
    (root / "forms").mkdir(parents=True)
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    monkeypatch.setattr(sys, "_MEIPASS", str(root), raising=False)

    with pytest.raises(FileNotFoundError, match="bundle"):
        load_form("login")  # in the checkout, not yet in the bundle

    shutil.copy(checkout_forms / "login.ui", root / "forms" / "login.ui")
    form = load_form("login")
    qtbot.addWidget(form)
    assert child(form, QLineEdit, "usernameEdit").objectName() == "usernameEdit"
