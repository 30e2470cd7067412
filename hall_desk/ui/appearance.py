"""Themes (.qss from resources/themes) and the font scale clerks set with Ctrl + / Ctrl −."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QApplication

from hall_desk.assets import resource

# Names are source strings: show them through theme_label().
THEMES = {
    "light": QT_TRANSLATE_NOOP("Theme", "默认"),
    "high_contrast": QT_TRANSLATE_NOOP("Theme", "高对比度"),
}
MIN_SCALE, MAX_SCALE, STEP = 0.8, 2.0, 0.1
_base_point_size: float | None = None
_theme = "light"
_scale = 1.0


def theme_label(name: str) -> str:
    """The theme's name in the window's language."""
    return QCoreApplication.translate("Theme", THEMES[name])


def apply_theme(app: QApplication, name: str) -> str:
    """Restyles every open window at once; the font scale in force stays."""
    global _theme
    _theme = name if name in THEMES else "light"
    _restyle(app)
    return _theme


def clamp_scale(scale: float) -> float:
    return round(min(MAX_SCALE, max(MIN_SCALE, scale)), 2)


def apply_font_scale(app: QApplication, scale: float) -> float:
    """Resizes the text of every open window at once."""
    global _scale
    _scale = clamp_scale(scale)
    font = QFont(app.font())
    font.setPointSizeF(_base_size(app) * _scale)
    app.setFont(font)
    # Under a style sheet a widget keeps the font it was polished with: QApplication.setFont
    # alone reaches only windows opened later. The size goes into the sheet too.
    _restyle(app)
    return _scale


def _base_size(app: QApplication) -> float:
    global _base_point_size
    if _base_point_size is None:
        _base_point_size = app.font().pointSizeF() if app.font().pointSizeF() > 0 else 10.0
    return _base_point_size


def _restyle(app: QApplication) -> None:
    sheet = resource("themes", f"{_theme}.qss").read_text(encoding="utf-8")
    size = round(_base_size(app) * _scale, 1)
    app.setStyleSheet(f"{sheet}\nQWidget {{ font-size: {size}pt; }}\n")
