"""Draws the program's icon (resources/icons/hall-desk.png and .ico): a counter seen from the
front, in the hall's blue, with the character 政 above it. Run again after changing the drawing:
  .venv/bin/python packaging/make_icons.py
The character needs a Chinese font (Noto Sans/Serif CJK, fonts-noto-cjk)."""

from __future__ import annotations

import sys
from pathlib import Path

from PIL import Image, ImageDraw, ImageFont

ICONS = Path(__file__).resolve().parent.parent / "resources" / "icons"
FONT = "/usr/share/fonts/opentype/noto/NotoSerifCJK-Bold.ttc"
BLUE, WHITE, GOLD = (22, 78, 150), (255, 255, 255), (240, 190, 60)


def draw(size: int = 512) -> Image.Image:
    image = Image.new("RGBA", (size, size), (0, 0, 0, 0))
    pen = ImageDraw.Draw(image)
    s = size / 512
    pen.rounded_rectangle((16 * s, 16 * s, 496 * s, 496 * s), radius=96 * s, fill=BLUE)
    # The counter: a top and a front panel.
    pen.rectangle((88 * s, 330 * s, 424 * s, 350 * s), fill=GOLD)
    pen.rectangle((108 * s, 350 * s, 404 * s, 430 * s), fill=WHITE)
    font = ImageFont.truetype(FONT, int(230 * s))
    pen.text((256 * s, 190 * s), "政", font=font, fill=WHITE, anchor="mm")
    return image


def main() -> int:
    ICONS.mkdir(parents=True, exist_ok=True)
    image = draw()
    image.resize((256, 256), Image.Resampling.LANCZOS).save(ICONS / "hall-desk.png")
    sizes = [(16, 16), (24, 24), (32, 32), (48, 48), (64, 64), (128, 128), (256, 256)]
    image.save(ICONS / "hall-desk.ico", sizes=sizes)
    return 0


if __name__ == "__main__":
    sys.exit(main())
