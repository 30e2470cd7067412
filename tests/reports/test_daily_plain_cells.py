"""The daily summary draws the cells that fit on one line as plain lines, not paragraphs."""

from __future__ import annotations

from reportlab.platypus import Paragraph

from hall_desk.reports import daily, pdf


def test_short_text_becomes_a_line_and_long_text_still_wraps() -> None:
    rows = [["王晓燕", "开办企业一件事" * 6, 3]]
    (cells,) = daily._plain_where_it_fits(rows, [30, 34, 20], daily.LIST_SIZE)
    assert isinstance(cells[0], daily._Line) and str(cells[0]) == "王晓燕"
    assert cells[1] == "开办企业一件事" * 6  # too wide for 34 mm: left to wrap as a paragraph
    assert cells[2] == 3


def test_a_character_the_embedded_font_lacks_stays_a_paragraph() -> None:
    name = "巴特尔·其其格"
    (cells,) = daily._plain_where_it_fits([[name]], [60], 10)
    single_font = len(pdf.font_runs(pdf.printable(name))) == 1
    assert isinstance(cells[0], daily._Line) == single_font
    # Either way the table prints it: a line in the one font, or a paragraph with both fonts.
    table = daily._table(["申请人"], [[name]], [60])
    cell = table._cellvalues[1][0]
    assert isinstance(cell, daily._Line if single_font else Paragraph)


def test_text_columns_stay_at_the_left_beside_centred_counts() -> None:
    table = daily._table(
        ["项目", "数量", "说明"], [["受理", daily._num(3), "当场受理"]], [48, 22, 100]
    )
    assert table._cellStyles[1][2].alignment == "LEFT"
    assert table._cellStyles[1][1].alignment == "CENTER"
