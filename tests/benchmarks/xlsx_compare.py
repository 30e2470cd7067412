"""The same ledger written by XlsxWriter in its constant_memory mode: the measured alternative
to our SpreadsheetML streamer (reports/xlsx.py), printed by report_bench when XlsxWriter is
installed. Formats as ours: bold grey centred headers, dates as dates, 是/否, a frozen header
row, column widths and an autofilter."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

from hall_desk.reports.xlsx import Ledger


def available() -> bool:
    try:
        import xlsxwriter  # noqa: F401
    except ImportError:
        return False
    return True


def write(ledger: Ledger, path: Path) -> int:
    import xlsxwriter

    book = xlsxwriter.Workbook(str(path), {"constant_memory": True})
    sheet = book.add_worksheet(ledger.title[:31])
    head = book.add_format(
        {"bold": True, "bg_color": "#E8E8E8", "align": "center", "valign": "vcenter"}
    )
    day = book.add_format({"num_format": "yyyy-mm-dd"})
    moment = book.add_format({"num_format": "yyyy-mm-dd hh:mm"})
    for column, width in enumerate(ledger.widths):
        sheet.set_column(column, column, width)
    sheet.freeze_panes(1, 0)
    for column, text in enumerate(ledger.headers):
        sheet.write_string(0, column, text, head)
    for r, values in enumerate(ledger.rows, start=1):
        for c, value in enumerate(values):
            if value is None or value == "":
                continue
            if isinstance(value, bool):
                sheet.write_string(r, c, "是" if value else "否")
            elif isinstance(value, datetime):
                local = value if value.tzinfo is None else value.astimezone()
                sheet.write_datetime(r, c, local.replace(tzinfo=None), moment)
            elif isinstance(value, date):
                sheet.write_datetime(r, c, datetime(value.year, value.month, value.day), day)
            elif isinstance(value, int | float):
                sheet.write_number(r, c, value)
            else:
                sheet.write_string(r, c, str(value))
    sheet.autofilter(0, 0, len(ledger.rows), max(0, len(ledger.headers) - 1))
    book.close()
    return len(ledger.rows)
