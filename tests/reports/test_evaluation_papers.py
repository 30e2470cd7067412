"""The person's 绩效考评表 and the month's 考评汇总表, read back from the PDF."""

from __future__ import annotations

import io
from datetime import date

from pypdf import PdfReader

from hall_desk.reports.evaluation_papers import month_summary, person_sheet
from hall_desk.services import evaluations
from tests.services import staff_helpers
from tests.services.test_evaluations import absent_from_morning_meeting, complaint_about

hall = staff_helpers.hall


def _text(data: bytes) -> str:
    return "".join(page.extract_text() or "" for page in PdfReader(io.BytesIO(data)).pages)


def test_the_persons_sheet_shows_items_evidence_total_and_lines_to_sign(hall) -> None:
    complaint_about(hall, "clerk1", date(2026, 11, 10))
    absent_from_morning_meeting(hall, "clerk1", date(2026, 11, 4))
    hall.at(date(2026, 11, 30), 17)
    evaluations.compute_month(hall.ws, hall.lead, "2026-11")
    title, data = person_sheet(hall.ws, hall.lead, "2026-11", "clerk1")
    words = _text(data).replace(" ", "")
    assert title == "绩效考评表"
    for expected in (
        "王晓燕",
        "2026年11月",
        "投诉情况",
        "执行纪律",
        "93",
        "被考评人（签字）",
        "晨会缺席",
    ):
        assert expected in words, expected
    assert "FK" in words  # the complaint's number beside its line


def test_the_month_summary_lists_every_post_by_rank(hall) -> None:
    complaint_about(hall, "clerk1", date(2026, 11, 10))
    hall.at(date(2026, 11, 30), 17)
    evaluations.compute_month(hall.ws, hall.lead, "2026-11")
    _title, data = month_summary(hall.ws, hall.lead, "2026-11")
    words = _text(data).replace(" ", "")
    assert "考评汇总表" in words
    for name in ("王晓燕", "刘海涛", "赵志刚"):
        assert name in words
    assert words.index("刘海涛") < words.index("王晓燕")  # 100 ranks above 95
