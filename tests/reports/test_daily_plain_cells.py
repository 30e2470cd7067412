"""The daily summary draws its text cells as the lines their paragraphs would print."""

from __future__ import annotations

import pytest
from reportlab.platypus import Paragraph

from hall_desk.reports import daily, pdf


def _paragraph_lines(text: str, size: float, width: float) -> list[str]:
    """What reportlab's own paragraph prints, line by line, at that width."""
    para = pdf.para(text, size)
    para.wrap(width, 10_000)
    return ["".join(words) for _, words in para.blPara.lines]


def test_short_text_becomes_one_line_and_long_text_its_paragraphs_lines() -> None:
    rows = [["王晓燕", "开办企业一件事" * 6, 3]]
    (cells,) = daily._as_lines(rows, [30, 34, 20], daily.LIST_SIZE)
    assert isinstance(cells[0], daily._Line) and str(cells[0]) == "王晓燕"
    room = daily._room([30, 34, 20], daily.LIST_SIZE)[1]
    wrapped = _paragraph_lines("开办企业一件事" * 6, daily.LIST_SIZE, room)
    assert len(wrapped) > 2  # too wide for 34 mm: it wraps, as its paragraph did
    assert isinstance(cells[1], daily._Line) and str(cells[1]).split("\n") == wrapped
    assert cells[2] == 3


@pytest.mark.parametrize(
    "text",
    [
        "科尔沁左翼中旗市场监督管理局",
        "食品经营许可（变更），含 A 类、B 类预包装食品销售",
        "Inner Mongolia 通辽市 Horqin  Left   Wing Middle Banner",
        "建筑工程施工许可证核发。不动产抵押权首次登记！",
        "  前后有空格  ",
    ],
)
def test_lines_break_where_the_paragraph_breaks(text: str) -> None:
    for width in (40.0, 57.0, 90.0, 300.0):
        lines = pdf.paragraph_lines(text, daily.LIST_SIZE, width)
        assert lines == _paragraph_lines(text, daily.LIST_SIZE, width), width


def test_a_character_the_embedded_font_lacks_stays_a_paragraph() -> None:
    name = "巴特尔·其其格"
    (cells,) = daily._as_lines([[name]], [60], 10)
    single_font = len(pdf.font_runs(pdf.printable(name))) == 1
    assert isinstance(cells[0], daily._Line) == single_font
    # Either way the table prints it: a line in the one font, or a paragraph with both fonts.
    table = daily._table(["申请人"], [[name]], [60])
    cell = table._cellvalues[1][0]
    assert isinstance(cell, daily._Line if single_font else Paragraph)


def test_a_line_break_or_nothing_to_print_stays_a_paragraph() -> None:
    assert pdf.paragraph_lines("第一行\n第二行", 10, 100) is None
    assert pdf.paragraph_lines("   ", 10, 100) is None


def test_headers_are_centred_lines_and_text_columns_stay_at_the_left() -> None:
    table = daily._table(
        ["项目", "数量", "说明"], [["受理", daily._num(3), "当场受理"]], [48, 22, 100]
    )
    assert all(isinstance(cell, daily._Line) for cell in table._cellvalues[0])
    assert [style.alignment for style in table._cellStyles[0]] == ["CENTER"] * 3
    assert table._cellStyles[1][2].alignment == "LEFT"
    assert table._cellStyles[1][1].alignment == "CENTER"
