"""A CFF-outline Chinese font (Noto CJK, Source Han) as a TrueType-outline font reportlab can embed.

reportlab embeds glyf outlines only, and the Chinese fonts Linux distributions ship are
OpenType/CFF. The cubic CFF outlines are approximated by quadratic ones (cu2qu) once per
machine and the result is kept in the user's cache folder, keyed by the source file's path, size
and modification time, so a new version of the font is converted again.

A whole Noto Serif CJK face (65 535 glyphs) takes over a minute to convert: only GB 2312 (every
character of everyday simplified Chinese), ASCII, Latin-1 and the common punctuation are kept,
which takes a few seconds. A character outside them is printed by the built-in font instead
(see pdf.font_runs).
"""

from __future__ import annotations

import hashlib
import os
import tempfile
import threading
from functools import cache
from pathlib import Path

import platformdirs

APP_NAME = "hall-desk"
# Bump when what is kept or how it is converted changes: older cached files are then not reused.
CONVERSION_VERSION = "1"
# How far the quadratic outline may stray from the cubic one, in font units (1000 per em):
# far below what a printer at 600 dpi shows at any size a notice uses.
MAX_ERROR = 1.0
CACHE_ENV = "HALL_DESK_FONT_CACHE"
# One conversion at a time: a PDF asked for during the background conversion waits for it.
_converting = threading.Lock()

_BLOCKS = (
    (0x0020, 0x007F),  # ASCII
    (0x00A0, 0x0100),  # Latin-1: ·, ×, ÷, °
    (0x2000, 0x2070),  # general punctuation: —, …, ‘’“”, ‰, •
    (0x2100, 0x2200),  # letterlike symbols and arrows: №, ℃, ←→
    (0x2460, 0x2500),  # enclosed numbers: ①②
    (0x3000, 0x3040),  # CJK punctuation: 、。《》「」【】〇
    (0xFF00, 0xFFF0),  # full-width forms: （），：；
)


@cache
def kept_characters() -> frozenset[int]:
    """Every character of GB 2312 plus the blocks above, as code points."""
    chars = {cp for start, end in _BLOCKS for cp in range(start, end)}
    for high in range(0xA1, 0xF8):
        for low in range(0xA1, 0xFF):
            try:
                chars.add(ord(bytes((high, low)).decode("gb2312")))
            except UnicodeDecodeError:
                continue
    return frozenset(chars)


def cache_dir() -> Path:
    """Where converted fonts are kept: XDG_CACHE_HOME or ~/.cache on Linux, LOCALAPPDATA on
    Windows (platformdirs), unless HALL_DESK_FONT_CACHE names another folder."""
    configured = os.environ.get(CACHE_ENV)
    if configured:
        return Path(configured).expanduser()
    return Path(platformdirs.user_cache_dir(APP_NAME, appauthor=False)) / "fonts"


def cached_path(source: Path, index: int) -> Path:
    """The cache file for one face of a font file, as the file is now."""
    stat = source.stat()
    key = f"{source.resolve()}\0{index}\0{stat.st_size}\0{stat.st_mtime_ns}\0{CONVERSION_VERSION}"
    digest = hashlib.sha256(key.encode()).hexdigest()[:24]
    return cache_dir() / f"{source.stem}-{index}-{digest}.ttf"


def has_cff_outlines(source: Path, index: int) -> bool:
    from fontTools.ttLib import TTFont, TTLibError

    try:
        with TTFont(str(source), fontNumber=index, lazy=True) as font:
            return "CFF " in font or "CFF2" in font
    except (TTLibError, OSError, ValueError, KeyError, IndexError, AssertionError):
        return False


def truetype_copy(source: Path, index: int) -> Path:
    """The face converted to TrueType outlines, converting it first if the cache lacks it.

    The file is written under a temporary name and renamed into place, so a conversion that is
    killed halfway leaves no half-written font to be loaded next time."""
    with _converting:
        return _truetype_copy(source, index)


def _truetype_copy(source: Path, index: int) -> Path:
    target = cached_path(source, index)
    if target.is_file():
        return target
    target.parent.mkdir(parents=True, exist_ok=True)
    handle, temp = tempfile.mkstemp(prefix=".converting-", suffix=".ttf", dir=target.parent)
    try:
        with os.fdopen(handle, "wb") as out:
            _convert(source, index, out)
            out.flush()
            os.fsync(out.fileno())
        os.replace(temp, target)
    except BaseException:
        Path(temp).unlink(missing_ok=True)
        raise
    return target


def _convert(source: Path, index: int, out: object) -> None:
    from fontTools.fontBuilder import FontBuilder
    from fontTools.pens.cu2quPen import Cu2QuPen
    from fontTools.pens.ttGlyphPen import TTGlyphPen
    from fontTools.ttLib import TTFont

    with TTFont(str(source), fontNumber=index) as font:
        cmap = {cp: name for cp, name in font.getBestCmap().items() if cp in kept_characters()}
        order = [".notdef", *sorted(set(cmap.values()) - {".notdef"})]
        drawn = font.getGlyphSet()
        glyphs = {}
        for name in order:
            pen = TTGlyphPen(None)
            # CFF draws outer contours counter-clockwise, TrueType clockwise.
            drawn[name].draw(Cu2QuPen(pen, MAX_ERROR, reverse_direction=True))
            glyphs[name] = pen.glyph()
        widths = font["hmtx"].metrics
        hhea, os2 = font["hhea"], font["OS/2"]

        built = FontBuilder(font["head"].unitsPerEm, isTTF=True)
        built.setupGlyphOrder(order)
        built.setupCharacterMap(cmap)
        built.setupGlyf(glyphs)
        # Side bearings follow from the new outlines' bounds; advance widths stay as they were.
        glyf = built.font["glyf"]
        built.setupHorizontalMetrics(
            {
                name: (widths[name][0], getattr(glyf[name], "xMin", 0) if name in glyf else 0)
                for name in order
            }
        )
        built.setupHorizontalHeader(ascent=hhea.ascent, descent=hhea.descent, lineGap=hhea.lineGap)
        built.font["name"] = font["name"]
        built.font["OS/2"] = os2
        built.setupPost()
        built.font["head"].fontRevision = font["head"].fontRevision
        built.font["head"].macStyle = font["head"].macStyle
        built.save(out)
