"""How every document is printed: Chinese fonts, an official A4 page, barcodes, page numbers.

Each notice, label, sheet or summary is a function that returns PDF bytes built from these
pieces; the window previews and prints the bytes, the command line writes them to a file.
"""

from __future__ import annotations

import io
import os
import shutil
import subprocess
import threading
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_RIGHT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.textsplit import wordSplit
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.cidfonts import UnicodeCIDFont
from reportlab.pdfbase.ttfonts import TTFError, TTFont
from reportlab.platypus import (
    Flowable,
    KeepTogether,
    Paragraph,
    SimpleDocTemplate,
    Spacer,
    Table,
    TableStyle,
)
from reportlab.platypus.paragraph import cleanBlockQuotedText

from hall_desk.reports import font_choice, font_convert

FALLBACK_FONT = "STSong-Light"  # reportlab's built-in CID font: every PDF reader has it
# Fixed places of the fonts Windows and macOS ship; on Linux fontconfig names what is installed.
CANDIDATE_FONTS: list[tuple[str, int]] = [
    ("C:/Windows/Fonts/simsun.ttc", 0),
    ("C:/Windows/Fonts/msyh.ttc", 0),
    ("C:/Windows/Fonts/simhei.ttf", 0),
    ("/System/Library/Fonts/STHeiti Light.ttc", 0),
]
# Where the distributions put WenQuanYi and AR PL when fontconfig is not there to ask.
FALLBACK_PATHS: list[tuple[str, int]] = [
    ("/usr/share/fonts/truetype/wqy/wqy-microhei.ttc", 0),
    ("/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc", 0),
    ("/usr/share/fonts/wqy-microhei/wqy-microhei.ttc", 0),
    ("/usr/share/fonts/truetype/arphic/uming.ttc", 0),
]
# The order faces are tried in: a Song (serif) face reads as an official document, then the
# Hei faces. Simplified Chinese faces of a collection first (a .ttc holds SC, TC, JP, KR…).
PREFERRED_FAMILIES = (
    "SimSun",
    "NSimSun",
    "Noto Serif CJK SC",
    "Source Han Serif SC",
    "Source Han Serif CN",
    "AR PL UMing CN",
    "AR PL SungtiL GB",
    "Microsoft YaHei",
    "SimHei",
    "Noto Sans CJK SC",
    "Source Han Sans SC",
    "Source Han Sans CN",
    "WenQuanYi Zen Hei",
    "WenQuanYi Micro Hei",
    "Droid Sans Fallback",
)
CJK_PROBE = "中"  # a face without this glyph cannot print a notice
EMBEDDED_NAME = "HallDeskCJK"

if TYPE_CHECKING:
    from reportlab.graphics.shapes import Drawing

    from hall_desk.domain.roles import Actor
    from hall_desk.services.workstation import Workstation


@dataclass(frozen=True)
class FontFace:
    path: str
    index: int = 0
    family: str = ""
    style: str = ""


def _family_rank(face: FontFace) -> tuple[int, int]:
    families = [f.strip() for f in face.family.split(",")]
    rank = min(
        (PREFERRED_FAMILIES.index(f) for f in families if f in PREFERRED_FAMILIES),
        default=len(PREFERRED_FAMILIES),
    )
    bold = any(w in face.style for w in ("Bold", "Black", "Heavy"))
    return rank, int(bold)


def fontconfig_faces(run: Callable[[list[str]], str] | None = None) -> list[FontFace]:
    """The Chinese faces fontconfig knows on this machine, best first; [] without fontconfig."""
    if run is None:
        fc_list = shutil.which("fc-list")
        if fc_list is None:
            return []

        def run(args: list[str]) -> str:
            done = subprocess.run(
                [fc_list, *args], capture_output=True, text=True, timeout=10, check=False
            )
            return done.stdout

    try:
        listing = run([":lang=zh", "--format", "%{file}\t%{index}\t%{family}\t%{style}\n"])
    except (OSError, subprocess.SubprocessError):
        return []
    faces = []
    for line in listing.splitlines():
        parts = line.split("\t")
        if len(parts) < 2 or not parts[1].strip().isdigit():
            continue
        faces.append(
            FontFace(
                parts[0],
                int(parts[1]),
                parts[2] if len(parts) > 2 else "",
                parts[3] if len(parts) > 3 else "",
            )
        )
    return sorted(faces, key=_family_rank)


def embeddable(face: FontFace, refused: set[str] | None = None) -> TTFont | None:
    """The face as a reportlab font when it can be embedded and prints Chinese, else None.

    reportlab embeds TrueType outlines (glyf) only: a face with CFF outlines (Noto CJK's and
    Source Han's .otf/.ttc files) is converted once to TrueType outlines and the converted copy
    in the user's cache folder is embedded (font_convert). A file that is neither is refused
    and its other faces are not tried."""
    if not face.path or not Path(face.path).is_file():
        return None
    try:
        font = TTFont(EMBEDDED_NAME, face.path, subfontIndex=face.index)
    except (TTFError, OSError, ValueError, KeyError, IndexError):
        font = _converted(face)
        if font is None:
            if refused is not None:
                refused.add(face.path)
            return None
    if ord(CJK_PROBE) not in font.face.charToGlyph:
        return None
    return font


def _converted(face: FontFace) -> TTFont | None:
    source = Path(face.path)
    if not font_convert.has_cff_outlines(source, face.index):
        return None
    try:
        copy = font_convert.truetype_copy(source, face.index)
        return TTFont(EMBEDDED_NAME, str(copy))
    except (TTFError, OSError, ValueError, KeyError, IndexError):
        return None


def font_candidates() -> list[FontFace]:
    """Every face worth trying, in order: the configured one, Windows/macOS, fontconfig's."""
    override = os.environ.get("HALL_DESK_PDF_FONT")
    if override == FALLBACK_FONT:
        return []
    faces = [FontFace(override)] if override else []
    faces += [FontFace(path, index) for path, index in CANDIDATE_FONTS]
    faces += fontconfig_faces()
    faces += [FontFace(path, index) for path, index in FALLBACK_PATHS]
    return faces


# The characters the embedded font has, or None while the built-in font is used.
_embedded_chars: set[int] | None = None
# Two threads building their first PDF at once register the font once.
_font_lock = threading.Lock()


@cache
def chinese_font() -> str:
    """Registers and returns the font name: an embedded system font when one exists, else the
    built-in CID font (which the PDF reader supplies, so it is not embedded).

    A font that needs converting is converted after login (prepare_font); a PDF built before
    that is done waits for it (font_convert converts one font at a time)."""
    global _embedded_chars
    with _font_lock:
        # The built-in font also prints the characters the embedded one lacks (font_runs).
        pdfmetrics.registerFont(UnicodeCIDFont(FALLBACK_FONT))
        _embedded_chars = None
        font = _first_embeddable()
        if font is None:
            return FALLBACK_FONT
        pdfmetrics.registerFont(font)
        _embedded_chars = set(font.face.charToGlyph)
        return EMBEDDED_NAME


def _first_embeddable() -> TTFont | None:
    """The first face of font_candidates() that can be embedded, as remembered by an earlier
    process when nothing it depends on has changed (font_choice), else looked up again."""
    fixed = [path for path, _ in (*CANDIDATE_FONTS, *FALLBACK_PATHS)]
    key = font_choice.situation(os.environ.get("HALL_DESK_PDF_FONT"), fixed)
    known = font_choice.recall(key)
    if known == font_choice.BUILT_IN:
        return None
    if isinstance(known, tuple):
        font = embeddable(FontFace(*known))
        if font is not None:
            return font
    font, face = _look_up()
    if font is None or face is None:
        font_choice.remember(key, None)
    else:
        loaded = font.face.filename  # the converted copy when the face had to be converted
        font_choice.remember(key, loaded, face.index if loaded == face.path else 0, face.path)
    return font


def _look_up() -> tuple[TTFont | None, FontFace | None]:
    refused: set[str] = set()  # a file that cannot be embedded refuses all its faces
    for face in font_candidates():
        if face.path in refused:
            continue
        font = embeddable(face, refused)
        if font is not None:
            return font, face
    return None, None


def prepare_font() -> None:
    """Converts the font the first PDF will embed, when it needs converting (font_convert).

    The window runs this on a thread of its own after login, so the first print finds the
    converted font in the cache instead of waiting seconds for it. A failure is left for the
    first PDF, which tries again and falls back to the built-in font."""
    try:
        _first_embeddable()
    except Exception:
        return


def font_runs(text: str) -> list[tuple[str, str]]:
    """The text cut into runs of (font, text): characters the embedded font lacks (a rare name
    character outside the converted GB 2312 set) are printed by the built-in font instead of
    as empty boxes."""
    font = chinese_font()
    chars = _embedded_chars
    if font == FALLBACK_FONT or chars is None:
        return [(font, text)] if text else []
    runs: list[tuple[str, str]] = []
    for ch in text:
        which = font if ord(ch) in chars or ch.isspace() else FALLBACK_FONT
        if runs and runs[-1][0] == which:
            runs[-1] = (which, runs[-1][1] + ch)
        else:
            runs.append((which, ch))
    return runs


def draw_text(canvas, x: float, y: float, text: str, size: float, anchor: str = "left") -> None:  # type: ignore[no-untyped-def]
    """canvas.drawString for Chinese text, run by run (font_runs); anchor left, centre or
    right of x."""
    runs = font_runs(printable(text))
    width = sum(pdfmetrics.stringWidth(t, f, size) for f, t in runs)
    x -= {"left": 0.0, "centre": width / 2, "right": width}[anchor]
    for font, part in runs:
        canvas.setFont(font, size)
        canvas.drawString(x, y, part)
        x += pdfmetrics.stringWidth(part, font, size)


# The built-in CID font has no glyph for the middle dots that names of minority and foreign
# people carry (巴特尔·其其格): it would print an empty box. Its katakana middle dot looks the same.
_CID_DOTS = str.maketrans({"\u00b7": "\u30fb", "\u2022": "\u30fb"})


def printable(text: str) -> str:
    """The text as the chosen font can print it."""
    return text.translate(_CID_DOTS) if chinese_font() == FALLBACK_FONT else text


def style(
    size: float = 11,
    *,
    bold: bool = False,
    center: bool = False,
    right: bool = False,
    leading: float | None = None,
) -> ParagraphStyle:
    return ParagraphStyle(
        f"s{size}{bold}{center}{right}",
        fontName=chinese_font(),
        fontSize=size,
        leading=leading or size * 1.5,
        alignment=TA_CENTER if center else (TA_RIGHT if right else 0),
        # CJK text wraps between any two characters.
        wordWrap="CJK",
        textColor=colors.black,
    )


def _markup(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def para(text: str, size: float = 11, **kw: object) -> Paragraph:
    main = chinese_font()
    escaped = "".join(
        _markup(part) if font == main else f'<font name="{font}">{_markup(part)}</font>'
        for font, part in font_runs(printable(text))
    ).replace("\n", "<br/>")
    return Paragraph(escaped, style(size, **kw))  # type: ignore[arg-type]


def paragraph_lines(text: str, size: float, width: float) -> list[str] | None:
    """The lines `para(text, size)` prints at `width`, as plain strings, when it prints them in
    the one font on lines of their own; None for text that needs the paragraph itself (a rare
    character in the built-in font, a line break, nothing to print).

    The same steps as the paragraph: its whitespace folding and its CJK break between any two
    characters (reportlab's wordSplit), so a table cell drawn from these lines reads exactly as
    the paragraph did, without a paragraph laid out again on every page a table is split across."""
    if "\n" in text:
        return None
    runs = font_runs(printable(text))
    font = chinese_font()
    if len(runs) != 1 or runs[0][0] != font:
        return None
    folded = cleanBlockQuotedText(runs[0][1])
    if not folded:
        return None
    if pdfmetrics.stringWidth(folded, font, size) <= width:
        return [folded]  # one line, as wordSplit would find measuring it character by character
    lines = [line for _, line in wordSplit(folded, [width, width], font, size)]
    # wordSplit lets a line overrun by reportlab's rounding allowance; a caller measuring the
    # lines against the same width must find them inside it.
    if any(pdfmetrics.stringWidth(line, font, size) > width for line in lines):
        return None
    return lines


def title(text: str, size: float = 20) -> Paragraph:
    return para(text, size, center=True, leading=size * 1.6)


def grid(
    rows: Sequence[Sequence[object]],
    widths: Sequence[float],
    *,
    header: bool = True,
    size: float = 10,
) -> Table:
    """A ruled table; cells that are strings wrap as CJK paragraphs."""
    body = [[para(c, size) if isinstance(c, str) else c for c in r] for r in rows]
    table = Table(body, colWidths=list(widths), repeatRows=1 if header else 0)
    commands = [
        ("GRID", (0, 0), (-1, -1), 0.5, colors.black),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("TOPPADDING", (0, 0), (-1, -1), 3),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
    ]
    if header:
        commands.append(("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#e8e8e8")))
    table.setStyle(TableStyle(commands))
    return table


class Barcode128(Flowable):
    """The case number as Code128 with the number printed beneath, for hand scanners."""

    def __init__(self, value: str, width: float = 70 * mm, height: float = 14 * mm) -> None:
        super().__init__()
        self.value = value
        self.width = width
        self.height = height

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        return self.width, self.height + 5 * mm

    def draw(self) -> None:
        # Imported when drawn: reportlab's barcode widgets are a tenth of a report's imports,
        # and the summaries and ledgers print none.
        from reportlab.graphics.barcode import code128

        bar = code128.Code128(self.value, barHeight=self.height, humanReadable=False, quiet=False)
        scale = min(1.0, self.width / bar.width)
        self.canv.saveState()
        self.canv.translate(0, 5 * mm)
        self.canv.scale(scale, 1)
        bar.drawOn(self.canv, 0, 0)
        self.canv.restoreState()
        self.canv.setFont(chinese_font(), 9)
        self.canv.drawString(0, 0.5 * mm, self.value)


def qr_code(value: str, size: float = 24 * mm) -> Drawing:
    from reportlab.graphics.barcode import qr
    from reportlab.graphics.shapes import Drawing

    widget = qr.QrCodeWidget(value)
    x1, y1, x2, y2 = widget.getBounds()
    drawing = Drawing(size, size, transform=[size / (x2 - x1), 0, 0, size / (y2 - y1), 0, 0])
    drawing.add(widget)
    return drawing


@dataclass(frozen=True)
class Letterhead:
    """Who issues the document: printed in the footer of every page."""

    hall: str
    printed_at: datetime
    printed_by: str = ""
    contact_phone: str = ""


def letterhead(ws: Workstation, actor: Actor) -> Letterhead:
    """The hall, the person printing and the time, as the workstation's clock reads it."""
    return Letterhead(
        ws.hall,
        printed_at=ws.now(),
        printed_by=actor.display_name,
        contact_phone=ws.hall_setting("contact_phone"),
    )


def build(
    story: list[Flowable],
    letterhead: Letterhead,
    *,
    doc_title: str,
    page_numbers: bool = True,
    pagesize: tuple[float, float] = A4,
    margins_mm: float = 20,
    watermark: str = "",
    contents: bool = False,
    on_progress: Callable[[str, int], None] | None = None,
) -> bytes:
    """Lays out the story on A4 pages with a footer (hall, print time, 第 N 页 共 M 页).

    `watermark` ("草稿") is printed large and light across every page; `contents`: the story
    holds a `TableOfContents` and headings marked with `toc_level` (`heading_entry`), laid out
    in as many passes as their page numbers need. `on_progress`: reportlab's own layout
    callback ("PASS", "SIZE_EST", "PROGRESS", "PAGE" … with a number), for a long report's
    progress."""
    printed_at = letterhead.printed_at.strftime("%Y-%m-%d %H:%M")

    class _NumberedCanvas(canvas_with_page_count()):  # type: ignore[misc]
        pass

    def footer(canvas, total: int) -> None:  # type: ignore[no-untyped-def]
        canvas.saveState()
        canvas.setFillColor(colors.HexColor("#444444"))
        width = pagesize[0]
        y = margins_mm * mm / 2
        left = letterhead.hall + (
            f"  联系电话：{letterhead.contact_phone}" if letterhead.contact_phone else ""
        )
        draw_text(canvas, margins_mm * mm, y, left, 8)
        if page_numbers:
            draw_text(
                canvas, width / 2, y, f"第 {canvas.getPageNumber()} 页 共 {total} 页", 8, "centre"
            )
        right = f"打印：{printed_at}" + (
            f"  {letterhead.printed_by}" if letterhead.printed_by else ""
        )
        draw_text(canvas, width - margins_mm * mm, y, right, 8, "right")
        if watermark:
            # Light grey outline-weight letters: legible on a black-and-white copy, never
            # hiding the figures beneath.
            canvas.setFillColor(colors.Color(0, 0, 0, alpha=0.12))
            canvas.translate(width / 2, pagesize[1] / 2)
            canvas.rotate(35)
            draw_text(canvas, 0, -40, watermark, 120, "centre")
        canvas.restoreState()

    _NumberedCanvas.footer = staticmethod(footer)
    buffer = io.BytesIO()
    doc = (_ContentsDocTemplate if contents else SimpleDocTemplate)(
        buffer,
        pagesize=pagesize,
        leftMargin=margins_mm * mm,
        rightMargin=margins_mm * mm,
        topMargin=margins_mm * mm,
        bottomMargin=margins_mm * mm,
        title=doc_title,
        author=letterhead.hall,
        creator="hall-desk",
    )
    if on_progress is not None:
        doc.setProgressCallBack(on_progress)
    if contents:
        doc.multiBuild(story, canvasmaker=_NumberedCanvas)
    else:
        doc.build(story, canvasmaker=_NumberedCanvas)
    return buffer.getvalue()


class _ContentsDocTemplate(SimpleDocTemplate):
    """Tells the table of contents where each marked heading landed, and bookmarks it."""

    def afterFlowable(self, flowable: Flowable) -> None:
        level = getattr(flowable, "toc_level", None)
        if level is None:
            return
        text = getattr(flowable, "toc_text", "")
        key = f"h{id(flowable)}"
        self.canv.bookmarkPage(key)
        self.canv.addOutlineEntry(text, key, level=level, closed=level > 0)
        self.notify("TOCEntry", (level, text, self.page, key))


def heading_entry(text: str, size: float = 13, level: int = 0) -> Paragraph:
    """A heading that the table of contents lists, never left alone at the foot of a page."""
    heading = para(text, size, bold=True, leading=size * 1.7)
    heading.keepWithNext = True
    heading.toc_level = level  # type: ignore[attr-defined]
    heading.toc_text = text  # type: ignore[attr-defined]
    return heading


def contents_table(size: float = 11) -> Flowable:
    from reportlab.platypus.tableofcontents import TableOfContents

    table = TableOfContents(dotsMinLevel=0)
    table.levelStyles = [
        style(size, leading=size * 1.7),
        ParagraphStyle("toc1", parent=style(size - 1, leading=(size - 1) * 1.6), leftIndent=12),
    ]
    return table


def canvas_with_page_count() -> type:
    """A canvas that knows the page total, so the footer can say 共 M 页."""
    from reportlab.pdfgen.canvas import Canvas

    class PageCountingCanvas(Canvas):
        footer = None

        def __init__(self, *args, **kwargs) -> None:  # type: ignore[no-untyped-def]
            super().__init__(*args, **kwargs)
            self._pages: list[dict] = []

        def showPage(self) -> None:
            self._pages.append(dict(self.__dict__))
            self._startPage()

        def save(self) -> None:
            total = len(self._pages)
            for state in self._pages:
                self.__dict__.update(state)
                if self.footer is not None:
                    self.footer(self, total)
                super().showPage()
            super().save()

    return PageCountingCanvas


def signature_lines(labels: Sequence[str], width: float) -> Table:
    """Lines to sign and date on paper (交接双方、申请人、班组长…)."""
    cells = [
        [para(f"{label}（签字）：________________　　日期：____年__月__日", 10)] for label in labels
    ]
    table = Table(cells, colWidths=[width])
    table.setStyle(TableStyle([("TOPPADDING", (0, 0), (-1, -1), 10)]))
    return table


# Room for the issuing seal: a 42 mm round seal is stamped across the issuer's name and the date,
# so the block stands at the right with this much free paper above and to its left.
SEAL_MM = 42


def issuing_block(issuer: str, day: date, width: float, size: float = 11) -> Flowable:
    """机关名称（盖章）and the date at the right, as official notices have them, under room for
    the seal."""
    column = max(
        SEAL_MM * mm + 12, pdfmetrics.stringWidth(f"{issuer}（盖章）", chinese_font(), size) + 12
    )
    block = Table(
        [
            [Spacer(1, SEAL_MM * mm * 0.45)],
            [para(f"{issuer}（盖章）", size, right=True)],
            [para(cn_date(day), size, right=True)],
        ],
        colWidths=[min(column, width)],
        hAlign="RIGHT",
    )
    block.setStyle(TableStyle([("RIGHTPADDING", (0, 0), (-1, -1), 0)]))
    return KeepTogether([block])


def spread(cells: Sequence[str], width: float, size: float = 11) -> Table:
    """Labelled values on one line in columns of their own (受理人 / 窗口 / 咨询电话): a gap
    between them holds however long a value is, where spaces in a paragraph would not."""
    font = chinese_font()
    natural = [pdfmetrics.stringWidth(printable(c), font, size) + 14 for c in cells]
    spare = max(0.0, width - sum(natural))
    widths = [w + spare / len(cells) for w in natural] if sum(natural) <= width else None
    if widths is None:  # too long for one line: equal columns, each wraps within itself
        widths = [width / len(cells)] * len(cells)
    # At the left of the text column, like the paragraphs around it.
    table = Table([[para(c, size) for c in cells]], colWidths=widths, hAlign="LEFT")
    table.setStyle(
        TableStyle(
            [
                ("LEFTPADDING", (0, 0), (0, 0), 0),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ]
        )
    )
    return table


def cn_date(day: date) -> str:
    return f"{day.year}年{day.month}月{day.day}日"


def spacer(height_mm: float) -> Spacer:
    return Spacer(1, height_mm * mm)
