"""Names with a middle dot (巴特尔·其其格) print as a dot, not an empty box, in every font."""

from __future__ import annotations

import io

import pytest
from pypdf import PdfReader
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.cidfonts import UnicodeCIDFont

from hall_desk.domain.assistance import Assistance, AssistanceFlag, ServiceMode
from hall_desk.reports import pdf
from hall_desk.reports.routing_docs import build_folder_labels
from hall_desk.services import intake
from tests.services.helpers import draft_for, person, resident_id

FOOD = "011050007001"


def _fallback() -> str:
    pdfmetrics.registerFont(UnicodeCIDFont(pdf.FALLBACK_FONT))
    return pdf.FALLBACK_FONT


def _label_text(ws, clerk) -> str:  # type: ignore[no-untyped-def]
    draft = draft_for(ws, [FOOD], person(number=resident_id(seq="901"), name="巴特尔·其其格"))
    draft.assistance = Assistance(frozenset({AssistanceFlag.ELDERLY}), ServiceMode.FULL)
    case = intake.accept(ws, clerk, draft)
    data = build_folder_labels(ws, clerk, [case.case_no])
    return "".join(p.extract_text() for p in PdfReader(io.BytesIO(data)).pages)


def test_the_built_in_font_prints_its_own_middle_dot(ws, clerk, monkeypatch) -> None:
    # The built-in CID font has no U+00B7 glyph; its U+30FB looks the same.
    monkeypatch.setattr(pdf, "chinese_font", _fallback)
    text = _label_text(ws, clerk)
    assert "巴特尔・其其格" in text and "老年人・全程帮办" in text
    assert "\u00b7" not in text


@pytest.mark.parametrize("raw", ["巴特尔·其其格", "巴特尔•其其格"])
def test_printable_keeps_text_for_an_embedded_font(monkeypatch, raw: str) -> None:
    monkeypatch.setattr(pdf, "chinese_font", lambda: "HallDeskCJK")
    assert pdf.printable(raw) == raw
    monkeypatch.setattr(pdf, "chinese_font", lambda: pdf.FALLBACK_FONT)
    assert pdf.printable(raw) == "巴特尔・其其格"
