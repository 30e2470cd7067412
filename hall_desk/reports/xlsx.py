"""Ledgers (台账) as .xlsx: Chinese headers, a frozen header row, sensible widths, real dates.

Written as a stream of SpreadsheetML rather than through openpyxl's cell objects: a month of a
busy hall's cases is tens of thousands of rows, which openpyxl needs seconds per ten thousand
for. openpyxl reads the result back in the tests.

Why not XlsxWriter: measured side by side on the same cases ledger (25 columns, CPU time on
the 2-core development machine, best of three), XlsxWriter 3.3 in its constant_memory mode
took 643 ms for a month of 5,000 cases and 3,641 ms for 25,000; this writer 85–133 ms and
375–404 ms (before each value's XML was cached and deflate set to its fastest level: 163 ms
and 1,006 ms). XlsxWriter formats every cell through its own Python calls, and a ledger
repeats most of its values. `python -m tests.benchmarks.report_bench` prints both when
XlsxWriter is installed.
"""

from __future__ import annotations

import re
import zipfile
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from xml.sax.saxutils import escape

from hall_desk.domain.progress import ROWS_PER_REPORT, Progress
from hall_desk.store.files import written_whole

EXCEL_EPOCH = datetime(1899, 12, 30)
# Characters XML 1.0 cannot carry at all (validated input never has them; be safe anyway).
_ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
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


def _text(value: str) -> str:
    return escape(_ILLEGAL.sub("", value))


def _body(value: object) -> str:
    """What follows `<c r="A1"` for a value that is not empty."""
    if isinstance(value, bool):
        return f' t="inlineStr"><is><t>{"是" if value else "否"}</t></is></c>'
    if isinstance(value, datetime):
        naive = (
            value.replace(tzinfo=None)
            if value.tzinfo is None
            else value.astimezone().replace(tzinfo=None)
        )
        serial = (naive - EXCEL_EPOCH).total_seconds() / 86400
        return f' s="{STYLE_DATETIME}"><v>{serial:.8f}</v></c>'
    if isinstance(value, date):
        return f' s="{STYLE_DATE}"><v>{(value - EXCEL_EPOCH.date()).days}</v></c>'
    if isinstance(value, int | float):
        return f"><v>{value}</v></c>"
    return f' t="inlineStr"><is><t xml:space="preserve">{_text(str(value))}</t></is></c>'


def _cell(ref: str, value: object, header: bool = False) -> str:
    if value is None or value == "":
        return ""
    if header:
        return (
            f'<c r="{ref}" s="{STYLE_HEADER}" t="inlineStr"><is><t>{_text(str(value))}</t></is></c>'
        )
    return f'<c r="{ref}"{_body(value)}'


def _cells(letters: Sequence[str], rows: Iterable[Sequence[object]]) -> Iterable[str]:
    """The rows' XML from row 2 on. What follows a cell's reference is the same for every
    occurrence of a value, and a ledger repeats its values (the dates, the items, the states,
    the departments, the clerks): each is escaped and formatted once, then looked up. Keyed by
    type as well, so that 1, 1.0 and True (equal in a dict) keep their own forms."""
    seen: dict[tuple[type, object], str] = {}
    for n, row in enumerate(rows, start=2):
        parts = [f'<row r="{n}">']
        for column, value in zip(letters, row, strict=False):
            if value is None or value == "":
                continue  # an empty cell is no cell
            key = (type(value), value)
            try:
                body = seen.get(key)
                if body is None:
                    body = seen[key] = _body(value)
            except TypeError:  # a value that cannot be a key (no ledger has one yet)
                body = _body(value)
            parts.append(f'<c r="{column}{n}"{body}')
        parts.append("</row>")
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


def _sheet(ledger: Ledger, progress: Progress | None = None) -> Iterable[str]:
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
            _cell(f"{c}1", h, header=True) for c, h in zip(letters, ledger.headers, strict=True)
        )
        + "</row>"
    )
    rows = ledger.rows if progress is None else _reporting(ledger.rows, progress)
    yield from _cells(letters, rows)
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
    'Target="styles.xml"/></Relationships>'
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
    name = escape(re.sub(r"[\[\]:*?/\\]", "", title)[:31] or "台账", {'"': "&quot;"})
    return (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        '<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
        'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">'
        f'<sheets><sheet name="{name}" sheetId="1" r:id="rId1"/></sheets>'
        "</workbook>"
    )


def write(ledger: Ledger, path: Path, progress: Progress | None = None) -> int:
    """Writes the ledger; dates stay dates (Excel can sort and filter them). Returns row count.
    `progress` hears the rows written every few hundred."""
    with (
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
        with archive.open("xl/worksheets/sheet1.xml", "w") as sheet:
            buffer: list[str] = []
            for chunk in _sheet(ledger, progress):
                buffer.append(chunk)
                if len(buffer) >= 2000:
                    sheet.write("".join(buffer).encode("utf-8"))
                    buffer.clear()
            sheet.write("".join(buffer).encode("utf-8"))
    return len(ledger.rows)
