"""Ledgers (台账) as .xlsx: Chinese headers, a frozen header row, sensible widths, real dates."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter


@dataclass
class Ledger:
    """One sheet: a title, column headers with widths, and rows of plain values."""

    title: str
    headers: Sequence[str]
    widths: Sequence[float]
    rows: list[Sequence[object]] = field(default_factory=list)


def write(ledger: Ledger, path: Path) -> int:
    """Writes the ledger; dates stay dates (Excel can sort and filter them). Returns row count."""
    wb = Workbook()
    sheet = wb.active
    assert sheet is not None
    sheet.title = ledger.title[:31]
    sheet.append(list(ledger.headers))
    for cell in sheet[1]:
        cell.font = Font(bold=True)
        cell.fill = PatternFill("solid", fgColor="E8E8E8")
        cell.alignment = Alignment(horizontal="center", vertical="center")
    for row in ledger.rows:
        sheet.append(list(row))
    for col, width in enumerate(ledger.widths, start=1):
        letter = get_column_letter(col)
        sheet.column_dimensions[letter].width = width
        for (cell,) in sheet.iter_rows(min_row=2, min_col=col, max_col=col):
            if isinstance(cell.value, datetime):
                cell.number_format = "yyyy-mm-dd hh:mm"
            elif isinstance(cell.value, date):
                cell.number_format = "yyyy-mm-dd"
    sheet.freeze_panes = "A2"
    sheet.auto_filter.ref = sheet.dimensions
    wb.save(path)
    return len(ledger.rows)
