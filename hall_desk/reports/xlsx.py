"""Ledgers (台账) as .xlsx: Chinese headers, a frozen header row, sensible widths, real dates.

Written as a stream of SpreadsheetML rather than through openpyxl's cell objects: a month of a
busy hall's cases is tens of thousands of rows, which openpyxl needs seconds per ten thousand
for. openpyxl reads the result back in the tests. Each distinct text is stored once, in the
shared strings table, and each distinct value's cell XML is made once and looked up after.

Why not XlsxWriter: measured side by side (tests/benchmarks/xlsx_compare.py, the same formats,
XlsxWriter 3.3.1 in its constant_memory mode) on the same month of the 30,000-case bench home,
22,000 rows of 25 columns, CPU time on the 2-core development machine with other work running
(load average 7–11): XlsxWriter 2,929–3,434 ms, this writer 272–298 ms (451–480 ms before the
shared strings table). XlsxWriter formats every cell through several Python calls of its own
and, in constant_memory mode, writes every text in full where it occurs (through a temporary
file); a ledger repeats most of its values, which this writer formats once. The files are of a
size (2.70 MB, XlsxWriter's 2.63 MB at its slower deflate level). `python -m
tests.benchmarks.report_bench` prints both when XlsxWriter is installed.
"""

from __future__ import annotations

import re
import zipfile
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path

from hall_desk.domain.progress import ROWS_PER_REPORT, Progress
from hall_desk.store.collections_paused import collections_paused
from hall_desk.store.files import written_whole

EXCEL_EPOCH = datetime(1899, 12, 30)
# Characters XML 1.0 cannot carry at all (validated input never has them; be safe anyway).
_ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
# Whatever makes a text need more than copying into the XML: markup characters, the characters
# above, a carriage return (an XML reader turns a bare one into a line feed), Excel's own
# escape of a character (_x000D_, which it would read as that character) and white space at
# either end (which Excel drops unless told to keep it). Most texts have none of these, and
# one search is cheaper than the escaping it saves.
_MARKUP_OR_CONTROL = "[&<>\r\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]"
_NEEDS_CARE = re.compile(_MARKUP_OR_CONTROL + "|_x[0-9A-Fa-f]{4}_|^\\s|\\s\\Z")
# The same questions asked of a run of texts joined by line feeds, each one a search that the
# regular expression engine or str does quickly (as one pattern they cost three times as
# much): a text with white space at either end shows as white space beside a line feed. A
# false alarm (a line break within a text, beside a space or another) only costs the run a
# text-by-text search.
_RUN_MARKUP_OR_CONTROL = re.compile(_MARKUP_OR_CONTROL)
_RUN_SPACE_BUT_LINE_FEED = re.compile("[^\\S\n]")
_RUN_EDGE_SPACE = re.compile("\\s\n|\n\\s")
TEXTS_PER_RUN = 1000


def _plain_run(joined: str) -> bool:
    if _RUN_MARKUP_OR_CONTROL.search(joined) or "_x" in joined:
        return False
    if joined[:1].isspace() or joined[-1:].isspace():
        return False
    if _RUN_SPACE_BUT_LINE_FEED.search(joined) is None:  # line feeds the only white space
        return "\n\n" not in joined
    return _RUN_EDGE_SPACE.search(joined) is None


_EXCEL_ESCAPE = re.compile("_(x[0-9A-Fa-f]{4}_)")
# XML's own escapes (the carriage return's too), by translation: xml.sax.saxutils would bring
# urllib and http.client into the command's start-up for these five characters.
_ENTITIES = str.maketrans({"&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "\r": "&#13;"})
STYLE_TEXT, STYLE_DATE, STYLE_DATETIME, STYLE_HEADER = 0, 1, 2, 3


@dataclass
class Ledger:
    """One sheet: a title, column headers with widths, and rows of plain values."""

    title: str
    headers: Sequence[str]
    widths: Sequence[float]
    rows: list[Sequence[object]] = field(default_factory=list)


def column_letter(index: int) -> str:
    """1 → A, 27 → AA."""
    letters = ""
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


def _shared_item(text: str) -> str:
    """One entry of the shared strings table: <si>, the text as Excel and any XML reader will
    read it back."""
    if _NEEDS_CARE.search(text) is None:
        return f"<si><t>{text}</t></si>"
    text = _ILLEGAL.sub("", text).translate(_ENTITIES)
    # "_x005F_" is Excel's escape of the underscore itself: the text's own "_x0041_" stays that.
    text = _EXCEL_ESCAPE.sub(r"_x005F_\1", text)
    return f'<si><t xml:space="preserve">{text}</t></si>'


class _SharedStrings:
    """The workbook's texts, each stored once (xl/sharedStrings.xml) and referred to by its
    place: a month's sheet then repeats short numbers instead of its items, departments, states
    and clerks, half the XML to write and to deflate. `bodies` maps each text to what follows
    `<c r="A1` in a cell holding it; the places are the order of first use."""

    def __init__(self) -> None:
        self.bodies: dict[str, str] = {}

    def body(self, text: str) -> str:
        found = self.bodies.get(text)
        if found is None:
            found = self.bodies[text] = f'" t="s"><v>{len(self.bodies)}</v></c>'
        return found

    def xml(self) -> Iterable[str]:
        yield (
            '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
            '<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"'
            f' uniqueCount="{len(self.bodies)}">'
        )
        texts = list(self.bodies)
        for start in range(0, len(texts), TEXTS_PER_RUN):
            run = texts[start : start + TEXTS_PER_RUN]
            if _plain_run("\n".join(run)):
                yield "<si><t>" + "</t></si><si><t>".join(run) + "</t></si>"
            else:
                yield from map(_shared_item, run)
        yield "</sst>"


def _body(value: object, strings: _SharedStrings) -> str:
    """What follows `<c r="A1` for a value that is not None; "" for one that is no cell."""
    if isinstance(value, bool):
        return strings.body("是" if value else "否")
    if isinstance(value, datetime):
        naive = (
            value.replace(tzinfo=None)
            if value.tzinfo is None
            else value.astimezone().replace(tzinfo=None)
        )
        serial = (naive - EXCEL_EPOCH).total_seconds() / 86400
        return f'" s="{STYLE_DATETIME}"><v>{serial:.8f}</v></c>'
    if isinstance(value, date):
        return f'" s="{STYLE_DATE}"><v>{(value - EXCEL_EPOCH.date()).days}</v></c>'
    if isinstance(value, int | float):
        return f'"><v>{value}</v></c>'
    text = str(value)
    return strings.body(text) if text else ""


def _cells(
    letters: Sequence[str], rows: Iterable[Sequence[object]], strings: _SharedStrings
) -> Iterable[str]:
    """The rows' XML from row 2 on. A cell is its reference and the XML that follows it, the
    same for every occurrence of a value; a ledger repeats most of its values, so each is
    formatted once, then looked up: texts in the shared strings and days (by value alone, the
    common cases, tested first), anything else keyed by type as well, so that 1, 1.0 and True
    (equal in a dict) keep their own forms."""
    refs = [f'<c r="{c}' for c in letters]
    texts = strings.bodies
    days: dict[date, str] = {}
    others: dict[tuple[type, object], str] = {}
    for n, row in enumerate(rows, start=2):
        number = str(n)
        parts = ['<row r="', number, '">']
        add = parts.append
        for ref, value in zip(refs, row, strict=False):
            if value is None:
                continue  # an empty cell is no cell
            kind = type(value)
            if kind is str:
                body = texts.get(value)
                if body is None:
                    if not value:
                        continue  # nor is empty text (Excel's filters show it as (空白))
                    body = strings.body(value)
            elif kind is date:  # a ledger's next commonest value, by the date alone
                body = days.get(value)
                if body is None:
                    body = days[value] = _body(value, strings)
            else:
                key = (kind, value)
                try:
                    body = others.get(key)
                    if body is None:
                        body = others[key] = _body(value, strings)
                except TypeError:  # a value that cannot be a key (no ledger has one yet)
                    body = _body(value, strings)
                if not body:
                    continue
            add(ref)
            add(number)
            add(body)
        add("</row>")
        yield "".join(parts)


def _reporting(rows: Sequence[Sequence[object]], progress: Progress) -> Iterable[Sequence[object]]:
    """The rows as they are written, telling `progress` every few hundred (not every row: a
    busy month is tens of thousands)."""
    total = len(rows)
    for start in range(0, total, ROWS_PER_REPORT):
        progress(start, total, written_text(start, total))
        yield from rows[start : start + ROWS_PER_REPORT]
    progress(total, total, written_text(total, total))


def written_text(done: int, total: int) -> str:
    return f"已写入 {done:,} / {total:,} 行"


def _sheet(
    ledger: Ledger, strings: _SharedStrings, progress: Progress | None = None
) -> Iterable[str]:
    ncols = len(ledger.headers)
    last = column_letter(max(1, ncols))
    yield (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
        'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">'
        f'<dimension ref="A1:{last}{len(ledger.rows) + 1}"/>'
        '<sheetViews><sheetView workbookViewId="0">'
        '<pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/>'
        '<selection pane="bottomLeft" activeCell="A2" sqref="A2"/>'
        "</sheetView></sheetViews>"
        '<sheetFormatPr defaultRowHeight="15"/><cols>'
    )
    for i, width in enumerate(ledger.widths, start=1):
        yield f'<col min="{i}" max="{i}" width="{width}" customWidth="1"/>'
    yield "</cols><sheetData>"
    letters = [column_letter(i) for i in range(1, ncols + 1)]
    yield (
        '<row r="1">'
        + "".join(
            f'<c r="{c}1" s="{STYLE_HEADER}{strings.body(str(h))}'
            for c, h in zip(letters, ledger.headers, strict=True)
            if h is not None and str(h)
        )
        + "</row>"
    )
    rows = ledger.rows if progress is None else _reporting(ledger.rows, progress)
    yield from _cells(letters, rows, strings)
    yield f'</sheetData><autoFilter ref="A1:{last}{len(ledger.rows) + 1}"/></worksheet>'


CONTENT_TYPES = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" '
    'ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    '<Default Extension="xml" ContentType="application/xml"/>'
    '<Override PartName="/xl/workbook.xml" '
    'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
    '<Override PartName="/xl/worksheets/sheet1.xml" '
    'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
    '<Override PartName="/xl/styles.xml" '
    'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>'
    '<Override PartName="/xl/sharedStrings.xml" '
    'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>'
    "</Types>"
)
ROOT_RELS = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" '
    'Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" '
    'Target="xl/workbook.xml"/></Relationships>'
)
WORKBOOK_RELS = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" '
    'Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" '
    'Target="worksheets/sheet1.xml"/>'
    '<Relationship Id="rId2" '
    'Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" '
    'Target="styles.xml"/>'
    '<Relationship Id="rId3" '
    'Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" '
    'Target="sharedStrings.xml"/></Relationships>'
)
STYLES = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
    '<numFmts count="2"><numFmt numFmtId="164" formatCode="yyyy-mm-dd"/>'
    '<numFmt numFmtId="165" formatCode="yyyy-mm-dd hh:mm"/></numFmts>'
    '<fonts count="2"><font><sz val="11"/><name val="等线"/></font>'
    '<font><b/><sz val="11"/><name val="等线"/></font></fonts>'
    '<fills count="3"><fill><patternFill patternType="none"/></fill>'
    '<fill><patternFill patternType="gray125"/></fill>'
    '<fill><patternFill patternType="solid"><fgColor rgb="FFE8E8E8"/></patternFill></fill></fills>'
    '<borders count="1"><border/></borders>'
    '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>'
    '<cellXfs count="4">'
    '<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>'
    '<xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>'
    '<xf numFmtId="165" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>'
    '<xf numFmtId="0" fontId="1" fillId="2" borderId="0" xfId="0" applyFont="1" applyFill="1" '
    'applyAlignment="1"><alignment horizontal="center" vertical="center"/></xf>'
    "</cellXfs>"
    '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>'
    "</styleSheet>"
)


def _workbook(title: str) -> str:
    name = (re.sub(r"[\[\]:*?/\\]", "", title)[:31] or "台账").translate(_ENTITIES)
    return (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        '<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
        'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">'
        f'<sheets><sheet name="{name}" sheetId="1" r:id="rId1"/></sheets>'
        "</workbook>"
    )


def _stream(archive: zipfile.ZipFile, name: str, chunks: Iterable[str]) -> None:
    """A part written as it is made, a few thousand chunks at a time."""
    with archive.open(name, "w") as part:
        buffer: list[str] = []
        for chunk in chunks:
            buffer.append(chunk)
            if len(buffer) >= 2000:
                part.write("".join(buffer).encode("utf-8"))
                buffer.clear()
        part.write("".join(buffer).encode("utf-8"))


def write(ledger: Ledger, path: Path, progress: Progress | None = None) -> int:
    """Writes the ledger; dates stay dates (Excel can sort and filter them). Returns row count.
    `progress` hears the rows written every few hundred."""
    strings = _SharedStrings()
    with (
        collections_paused(),
        written_whole(path) as raw,
        # The fastest deflate level: the sheet is most of the file and half of the time at
        # the default level, for a file a fifth larger.
        zipfile.ZipFile(raw, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=1) as archive,
    ):
        archive.writestr("[Content_Types].xml", CONTENT_TYPES)
        archive.writestr("_rels/.rels", ROOT_RELS)
        archive.writestr("xl/workbook.xml", _workbook(ledger.title))
        archive.writestr("xl/_rels/workbook.xml.rels", WORKBOOK_RELS)
        archive.writestr("xl/styles.xml", STYLES)
        _stream(archive, "xl/worksheets/sheet1.xml", _sheet(ledger, strings, progress))
        # After the sheet, which is what finds the texts.
        _stream(archive, "xl/sharedStrings.xml", strings.xml())
    return len(ledger.rows)
