"""Loading the static layouts in forms/*.ui, from a checkout and from a PyInstaller bundle."""

from __future__ import annotations

from typing import TypeVar

from PySide6.QtCore import QCoreApplication, QFile, QIODevice
from PySide6.QtUiTools import QUiLoader
from PySide6.QtWidgets import QWidget

from hall_desk.assets import forms_dir

W = TypeVar("W", bound=QWidget)


def load_form(name: str, parent: QWidget | None = None) -> QWidget:
    """Builds the widget tree of forms/<name>.ui; its children are found by objectName."""
    path = forms_dir() / f"{name}.ui"
    file = QFile(str(path))
    if not file.open(QIODevice.OpenModeFlag.ReadOnly):
        raise FileNotFoundError(
            QCoreApplication.translate("Forms", "缺少界面文件：{path}").format(path=path)
        )
    try:
        widget = QUiLoader().load(file, parent)
    finally:
        file.close()
    if widget is None:
        raise RuntimeError(
            QCoreApplication.translate("Forms", "界面文件无法解析：{path}").format(path=path)
        )
    return widget


def child(root: QWidget, kind: type[W], name: str) -> W:
    """A named child of a loaded form, with its type checked (a typo fails loudly, at once)."""
    found = root.findChild(kind, name)
    if found is None:
        raise LookupError(f"{type(root).__name__} has no {kind.__name__} named {name!r}")
    return found
