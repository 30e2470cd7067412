"""The streaming ledger writer: Excel-readable, dates as dates, text escaped, header frozen."""

from __future__ import annotations

import warnings
import zipfile
from datetime import date, datetime
from pathlib import Path
from xml.etree import ElementTree

from openpyxl import load_workbook

from hall_desk.reports.xlsx import Ledger, column_letter, write


def test_column_letters() -> None:
    assert [column_letter(i) for i in (1, 26, 27, 52, 53, 702, 703)] == [
        "A",
        "Z",
        "AA",
        "AZ",
        "BA",
        "ZZ",
        "AAA",
    ]


def test_round_trip_through_openpyxl(tmp_path: Path) -> None:
    rows = [
        [
            "20261124-W01-0001",
            date(2026, 11, 24),
            datetime(2026, 11, 24, 9, 30),
            3,
            True,
            "a<b>&\"c'",
        ],
        ["20261124-W01-0002", None, None, 0, False, "'); DROP TABLE cases; --\x01"],
    ]
    ledger = Ledger(
        "办件台账",
        ["受理编号", "受理日期", "时间", "份数", "绿色通道", "备注"],
        [20, 12, 18, 6, 8, 30],
        rows,
    )
    path = tmp_path / "l.xlsx"
    assert write(ledger, path) == 2
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        sheet = load_workbook(path).active
    assert sheet.title == "办件台账" and sheet.freeze_panes == "A2"
    assert [c.value for c in sheet[1]] == [
        "受理编号",
        "受理日期",
        "时间",
        "份数",
        "绿色通道",
        "备注",
    ]
    assert sheet[1][0].font.b
    assert sheet["B2"].value == datetime(2026, 11, 24) and sheet["B2"].number_format == "yyyy-mm-dd"
    assert sheet["C2"].value == datetime(2026, 11, 24, 9, 30)
    assert sheet["D2"].value == 3 and sheet["E2"].value == "是" and sheet["F2"].value == "a<b>&\"c'"
    assert sheet["B3"].value is None and sheet["F3"].value == "'); DROP TABLE cases; --"
    assert sheet.column_dimensions["A"].width == 20
    assert sheet.auto_filter.ref == "A1:F3"


def test_repeated_values_keep_their_own_type_and_place(tmp_path: Path) -> None:
    # Equal in a dict, different in a cell: 1, 1.0 and True; a date and the same day's midnight.
    rows = [
        [1, True, 1.0, date(2026, 11, 27), "甲<乙>&丙"],
        [True, 1, None, datetime(2026, 11, 27, 0, 0), "甲<乙>&丙"],
        [None, "", 1.5, date(2026, 11, 27), "甲<乙>&丙"],
    ]
    out = tmp_path / "repeat.xlsx"
    assert write(Ledger("重复", ["a", "b", "c", "d", "e"], [8] * 5, rows), out) == 3
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        sheet = load_workbook(out).active
    got = [[c.value for c in row] for row in sheet.iter_rows(min_row=2)]
    assert got[0][:3] == [1, "是", 1] and got[1][:3] == ["是", 1, None]
    assert got[2][:3] == [None, None, 1.5]
    assert [row[3] for row in got] == [datetime(2026, 11, 27)] * 3
    assert [row[4] for row in got] == ["甲<乙>&丙"] * 3
    assert sheet["D2"].number_format == "yyyy-mm-dd"
    assert sheet["D3"].number_format == "yyyy-mm-dd hh:mm"


# Texts whose XML needs care, each as a clerk's note may hold it (the text check lets tabs and
# line breaks through in multi-line notes), and Excel's own escape written as plain text.
AWKWARD = [
    "a & b",
    "<b>加粗</b>",
    "x > y",
    '"引号"',
    "'单引号'",
    "a&amp;b",
    "]]>",
    "第一行\n第二行",
    "第一行\r\n第二行",
    "回车\r结束",
    "制表\t符",
    " 前有空格",
    "后有空格 ",
    "\n换行开头",
    "_x000D_ 不是回车",
    "普通文字",
]


def test_shared_texts_read_back_exactly(tmp_path: Path) -> None:
    rows: list[list[object]] = [[text, text, n] for n, text in enumerate(AWKWARD)]
    rows.append(["普通文字", "\x01控制\x1f字符", len(AWKWARD)])  # unprintable: dropped
    out = tmp_path / "texts.xlsx"
    write(Ledger("文字", ["原文", "再次", "序号"], [20, 20, 6], rows), out)
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        sheet = load_workbook(out).active
    got = [[c.value for c in row] for row in sheet.iter_rows(min_row=2)]
    assert got[:-1] == [[text, text, n] for n, text in enumerate(AWKWARD)]
    assert got[-1] == ["普通文字", "控制字符", len(AWKWARD)]
    with zipfile.ZipFile(out) as archive:
        sheet_xml = archive.read("xl/worksheets/sheet1.xml").decode("utf-8")
        table = archive.read("xl/sharedStrings.xml").decode("utf-8")
    # Each distinct text once in the table (the headers too), and no text inline in the sheet.
    assert "inlineStr" not in sheet_xml
    assert table.count("<si>") == 3 + len(AWKWARD) + 1
    assert f'uniqueCount="{3 + len(AWKWARD) + 1}"' in table
    # Excel reads _x000D_ in a text as a carriage return; its escape of the underscore keeps
    # the clerk's text as typed (and openpyxl drops that escape again when reading).
    assert "<t>_x005F_x000D_ 不是回车</t>" in table.replace(' xml:space="preserve"', "")


def test_thousands_of_texts_keep_their_edges_and_markup(tmp_path: Path) -> None:
    # The table is written a thousand texts at a time, a run with nothing to escape as it
    # stands: one text needing care anywhere in a run, at its start or its end, is still seen.
    texts = [f"事项{n}" for n in range(3500)]
    for n, awkward in (
        (0, " 第一条前有空格"),
        (999, "一轮最后一条后有空格 "),
        (1000, "\t下一轮第一条"),
        (1500, "中间的 & 号"),
        (1700, "中间一条后有空格 "),
        (2200, "行内\n换行"),
        (3200, "行内\r\n回车换行"),
        (2500, "中间一条以换行结尾\n"),
        (2600, "\n中间一条以换行开头"),
        (3499, "最后一条\n"),
    ):
        texts[n] = awkward
    out = tmp_path / "many.xlsx"
    write(Ledger("文字", ["原文"], [20], [[t] for t in texts]), out)
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        sheet = load_workbook(out).active
    assert [row[0].value for row in sheet.iter_rows(min_row=2)] == texts
    # Any XML reader keeps white space at the ends of a text; Excel only when told to.
    with zipfile.ZipFile(out) as archive:
        table = ElementTree.fromstring(archive.read("xl/sharedStrings.xml"))
    edged = {
        t.text: t.get("{http://www.w3.org/XML/1998/namespace}space")
        for t in table.iter("{http://schemas.openxmlformats.org/spreadsheetml/2006/main}t")
        if t.text and t.text != t.text.strip()
    }
    assert len(edged) == 7 and set(edged.values()) == {"preserve"}, edged
