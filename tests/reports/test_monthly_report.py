"""The monthly report's PDF and .xlsx read back: text, pages, contents, charts, the SHA-256."""

from __future__ import annotations

import io
import re
import shutil
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest
from openpyxl import load_workbook
from PIL import Image
from pypdf import PdfReader
from reportlab.graphics import renderPDF
from sqlalchemy import event

from hall_desk.domain.errors import ValidationError
from hall_desk.reports import monthly as report
from hall_desk.services import monthly
from hall_desk.services.workstation import Workstation
from tests.services.monthly_helpers import BEFORE_PUBLISH_DAY, LEAD, MONTH, demo_month_home

PDFTOPPM = shutil.which("pdftoppm")


@pytest.fixture(scope="module")
def home(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Workstation]:
    ws = demo_month_home(tmp_path_factory, "monthly-pdf")
    yield ws
    ws.close()


@pytest.fixture(scope="module")
def draft_pdf(home: Workstation) -> tuple[monthly.MonthlyReport, PdfReader, list[str]]:
    found = monthly.monthly_report(home, LEAD, MONTH)
    reader = PdfReader(io.BytesIO(report.build_monthly_pdf(home, LEAD, found)))
    return found, reader, [page.extract_text() for page in reader.pages]


def flat(text: str) -> str:
    return re.sub(r"\s+", "", text)


def test_draft_names_the_hall_month_and_is_marked_draft(home, draft_pdf) -> None:
    found, reader, pages = draft_pdf
    first = flat(pages[0])
    assert flat(home.hall) in first
    assert "2026年11月" in first
    assert "政务服务中心运营报告（草稿）" in first
    assert found.sha256 in first
    assert all("草稿" in flat(p) for p in pages)  # the watermark on every page
    assert len(reader.pages) >= 5
    for n, text in enumerate(pages, start=1):
        assert f"第{n}页共{len(pages)}页" in flat(text)


def test_contents_lists_each_section_with_its_page(draft_pdf) -> None:
    _found, _reader, pages = draft_pdf
    toc = flat(pages[0])
    everything = [flat(p) for p in pages]
    for heading in ("一、概况", "二、受理与办结", "三、咨询", "四、材料流转与出件", "五、帮您办"):
        # The leader dots and page number come out before their heading's text.
        found = re.search(r"\.(\d+)" + re.escape(heading), toc)
        assert found, heading
        page = int(found.group(1))
        assert heading in everything[page - 1], f"{heading} is not on page {page}"
    assert "办不成事与投诉" in toc and "附录：指标定义" in toc


def test_figures_printed_as_counted(draft_pdf) -> None:
    found, _reader, pages = draft_pdf
    f = found.data["figures"]
    body = "".join(flat(p) for p in pages)
    assert f"按期办结率{f['on_time_rate'][0]}/{f['on_time_rate'][1]}" in body
    assert f"受理环节办件{f['intake_total']}" in body
    assert "乙方（运营方项目负责人）（签字）" in body and "甲方（审核人）（签字）" in body
    for definition in list(monthly.definitions().values())[:5]:
        assert flat(definition.label + "：" + definition.text)[:30] in body


def test_charts_are_vector_and_not_blank(draft_pdf, tmp_path: Path) -> None:
    found, reader, _pages = draft_pdf
    for page in reader.pages:
        resources = page.get("/Resources") or {}
        xobjects = resources.get("/XObject") or {}
        assert all(x.get_object().get("/Subtype") != "/Image" for x in xobjects.values())
    if PDFTOPPM is None:
        pytest.skip("pdftoppm is not installed")
    f = found.data["figures"]
    drawings = {
        "per_day": report.per_day_chart(f["cases_per_day"]),
        "departments": report.department_chart(f["top_departments"]),
        "tickets": report.bar_chart("图 4", f["tickets_by_class"]),
    }
    mix = found.data["extra"]["ratings"]["chart"]
    drawings["rating_mix"] = report.stacked_chart(mix["title"], mix["categories"], mix["series"])
    for name, drawing in drawings.items():
        source = tmp_path / f"{name}.pdf"
        source.write_bytes(renderPDF.drawToString(drawing))
        subprocess.run(
            [PDFTOPPM, "-png", "-r", "60", "-singlefile", source, tmp_path / name], check=True
        )
        image = Image.open(tmp_path / f"{name}.png").convert("L")
        dark = sum(image.histogram()[:128])
        assert dark > 0.01 * image.width * image.height, f"{name} chart is nearly blank"


def test_xlsx_carries_the_same_sha256_and_figures(home, tmp_path: Path) -> None:
    out, sheet = tmp_path / "r.pdf", tmp_path / "r.xlsx"
    done = report.write_monthly_report(home, LEAD, MONTH, out, xlsx_out=sheet, draft=True)
    assert not done.published
    reader = PdfReader(out)
    assert done.sha256 in flat(reader.pages[0].extract_text())
    rows = list(load_workbook(sheet).active.iter_rows(values_only=True))
    by_item = {(r[0], r[1]): r for r in rows[1:]}
    assert by_item[("报告", "SHA-256")][2] == done.sha256
    assert by_item[("报告", "状态")][2] == "草稿"
    figures = monthly.monthly_report(home, LEAD, MONTH).data["figures"]
    assert by_item[("概况", "受理环节办件")][2] == figures["intake_total"]
    assert by_item[("概况", "按期办结率")][2] == figures["on_time_rate"][0]
    with pytest.raises(ValidationError, match="已存在"):
        report.write_monthly_report(home, LEAD, MONTH, out, draft=True)


def test_final_report_publishes_and_regenerates_identically(tmp_path_factory, tmp_path) -> None:
    ws = demo_month_home(tmp_path_factory, "monthly-final")
    try:
        first = report.write_monthly_report(ws, LEAD, MONTH, tmp_path / "a.pdf")
        assert first.published
        second = report.write_monthly_report(ws, LEAD, MONTH, tmp_path / "b.pdf")
        assert second.sha256 == first.sha256
        text = flat(PdfReader(tmp_path / "b.pdf").pages[0].extract_text())
        assert "已发布" in text and "草稿" not in text
    finally:
        ws.close()


def test_final_report_counts_the_month_once(tmp_path_factory, tmp_path) -> None:
    """Publishing from the command line counts the figures inside the publication only, not
    first as a draft and then again: each of the three months (the month and its two bases)
    has its intake decisions looked up once."""
    ws = demo_month_home(tmp_path_factory, "monthly-once")
    deciding: list[str] = []

    def record(conn, cursor, statement, parameters, context, executemany):  # type: ignore[no-untyped-def]
        if "case.accepted_deferred" in tuple(parameters):
            deciding.append(statement)

    engines = (ws.db.read_engine, ws.db.write_engine)
    for engine in engines:
        event.listen(engine, "before_cursor_execute", record)
    try:
        done = report.write_monthly_report(ws, LEAD, MONTH, tmp_path / "a.pdf")
    finally:
        for engine in engines:
            event.remove(engine, "before_cursor_execute", record)
        ws.close()
    assert done.published
    assert len(deciding) == 3, deciding


def test_final_report_before_the_publication_day_is_refused(tmp_path_factory, tmp_path) -> None:
    ws = demo_month_home(tmp_path_factory, "monthly-refused", BEFORE_PUBLISH_DAY)
    try:
        with pytest.raises(ValidationError, match="只能生成草稿"):
            report.write_monthly_report(ws, LEAD, MONTH, tmp_path / "a.pdf")
        assert not (tmp_path / "a.pdf").exists()
    finally:
        ws.close()


def test_a_registered_section_appears_only_with_its_data(home, monkeypatch) -> None:
    """The hook the 好差评, 队伍 and 排队 sections use: a section with rows and a chart, or none."""
    hook = monthly.SectionHook(
        "ratings",
        "好差评",
        lambda _ws, _s, _p: {
            "rows": [["评价总数", 12], ["满意率", [11, 12]]],
            "chart": [["非常满意", 8], ["满意", 3], ["不满意", 1]],
            "definitions": {"满意率": "非常满意与满意之和 ÷ 评价总数。"},
        },
    )
    monkeypatch.setattr(monthly, "SECTION_HOOKS", [hook])
    found = monthly.monthly_report(home, LEAD, MONTH)
    text = flat(
        "".join(
            p.extract_text()
            for p in PdfReader(io.BytesIO(report.build_monthly_pdf(home, LEAD, found))).pages
        )
    )
    assert "七、好差评" in text and "11/12（91.7%）" in text and "好差评构成" in text
    assert "满意率：非常满意与满意之和÷评价总数。" in text
    assert ["好差评", "评价总数", 12, ""] in report.xlsx_rows(found)

    empty = monthly.SectionHook("ratings", "好差评", lambda _ws, _s, _p: None)
    monkeypatch.setattr(monthly, "SECTION_HOOKS", [empty])
    found = monthly.monthly_report(home, LEAD, MONTH)
    assert found.data["extra"] == {}
    text = flat(
        "".join(
            p.extract_text()
            for p in PdfReader(io.BytesIO(report.build_monthly_pdf(home, LEAD, found))).pages
        )
    )
    assert "好差评" not in text
