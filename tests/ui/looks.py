"""What the theme makes of a widget, read from the pixels a person sees."""

from __future__ import annotations

import re

from PySide6.QtGui import QColor
from PySide6.QtWidgets import QWidget

from hall_desk.assets import resource


def role_colour(role: str, theme: str = "light") -> QColor:
    """The text colour the theme's sheet gives labels of this role."""
    sheet = resource("themes", f"{theme}.qss").read_text(encoding="utf-8")
    rule = re.search(rf'QLabel\[role="{role}"\]\s*\{{[^}}]*?\bcolor:\s*(#[0-9a-fA-F]{{6}})', sheet)
    assert rule, f"the {theme} theme colours no role {role}"
    return QColor(rule.group(1))


def drawn_in(widget: QWidget, colour: QColor, tolerance: int = 24) -> bool:
    """Whether some pixel of the widget as drawn is the colour (a stroke of its text)."""
    image = widget.grab().toImage()
    want = (colour.red(), colour.green(), colour.blue())
    for y in range(image.height()):
        for x in range(image.width()):
            pixel = image.pixelColor(x, y)
            got = (pixel.red(), pixel.green(), pixel.blue())
            if all(abs(a - b) <= tolerance for a, b in zip(got, want, strict=True)):
                return True
    return False
