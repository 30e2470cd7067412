"""A Chinese TrueType font on the machine is found (fontconfig on Linux) and embedded; CFF
collections such as Noto CJK, which reportlab cannot embed, are passed over."""

from __future__ import annotations

import os
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest

from hall_desk.reports import pdf
from hall_desk.reports.notices import intake_notice
from hall_desk.services import intake
from tests.conftest import TODAY
from tests.services.helpers import draft_for

FOOD = "011050007001"
NOTO_CFF = Path("/usr/share/fonts/opentype/noto/NotoSerifCJK-Regular.ttc")
DEJAVU = Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")

FC_LIST = (
    "/fonts/NotoSansCJK-Bold.ttc\t2\tNoto Sans CJK SC\tBold\n"
    "/fonts/NotoSansCJK-Regular.ttc\t3\tNoto Sans CJK TC\tRegular\n"
    "/fonts/wqy-microhei.ttc\t0\t文泉驿微米黑,WenQuanYi Micro Hei\tRegular\n"
    "/fonts/NotoSerifCJK-Regular.ttc\t2\tNoto Serif CJK SC\tRegular\n"
    "/fonts/NotoSansCJK-Regular.ttc\t2\tNoto Sans CJK SC\tRegular\n"
    "garbage line\n"
)


def test_fontconfig_faces_come_song_first_then_hei_regular_before_bold() -> None:
    calls: list[list[str]] = []

    def fc_list(args: list[str]) -> str:
        calls.append(args)
        return FC_LIST

    faces = pdf.fontconfig_faces(fc_list)
    assert calls and calls[0][0] == ":lang=zh", "asks fontconfig for faces that cover Chinese"
    assert [(f.family.split(",")[-1], f.index, f.style) for f in faces] == [
        ("Noto Serif CJK SC", 2, "Regular"),
        ("Noto Sans CJK SC", 2, "Regular"),
        ("Noto Sans CJK SC", 2, "Bold"),
        ("WenQuanYi Micro Hei", 0, "Regular"),
        ("Noto Sans CJK TC", 3, "Regular"),
    ]


def test_a_failing_fontconfig_gives_no_faces() -> None:
    def broken(args: list[str]) -> str:
        raise OSError("fc-list: not found")

    assert pdf.fontconfig_faces(broken) == []


@pytest.mark.skipif(not NOTO_CFF.is_file(), reason="fonts-noto-cjk is not installed")
def test_a_cff_collection_is_passed_over_and_remembered() -> None:
    refused: set[str] = set()
    assert pdf.embeddable(pdf.FontFace(str(NOTO_CFF), 2), refused) is None
    assert refused == {str(NOTO_CFF)}, "its other faces are not tried again"


@pytest.mark.skipif(not DEJAVU.is_file(), reason="fonts-dejavu is not installed")
def test_a_truetype_font_without_chinese_is_passed_over() -> None:
    assert pdf.embeddable(pdf.FontFace(str(DEJAVU))) is None


def _installed_cjk_truetype() -> pdf.FontFace | None:
    configured = os.environ.get("HALL_DESK_TEST_CJK_TTF")
    faces = [pdf.FontFace(configured)] if configured else []
    for face in (
        faces + pdf.fontconfig_faces() + [pdf.FontFace(p, i) for p, i in pdf.FALLBACK_PATHS]
    ):
        if pdf.embeddable(face) is not None:
            return face
    return None


@pytest.fixture
def fresh_font() -> Iterator[None]:
    pdf.chinese_font.cache_clear()
    yield
    pdf.chinese_font.cache_clear()


TRUETYPE = _installed_cjk_truetype()


@pytest.mark.skipif(TRUETYPE is None, reason="no Chinese TrueType font on this machine")
def test_the_font_fontconfig_names_is_embedded_in_the_notice(
    ws, clerk, tmp_path, monkeypatch, fresh_font
) -> None:  # type: ignore[no-untyped-def]
    assert TRUETYPE is not None
    monkeypatch.delenv("HALL_DESK_PDF_FONT", raising=False)
    monkeypatch.setattr(pdf, "CANDIDATE_FONTS", [])
    monkeypatch.setattr(pdf, "fontconfig_faces", lambda: [TRUETYPE])
    assert pdf.chinese_font() == pdf.EMBEDDED_NAME
    result = intake.accept(ws, clerk, draft_for(ws, [FOOD]), on=TODAY)
    notice = tmp_path / "notice.pdf"
    notice.write_bytes(intake_notice(ws, clerk, result.case_id)[1])
    fonts = subprocess.run(
        ["pdffonts", str(notice)], capture_output=True, text=True, check=True
    ).stdout
    embedded = [line for line in fonts.splitlines() if "TrueType" in line]
    assert embedded and all(" yes " in line for line in embedded), fonts
    assert "STSong" not in fonts


def test_without_any_usable_font_the_built_in_one_is_used(monkeypatch, fresh_font) -> None:
    monkeypatch.delenv("HALL_DESK_PDF_FONT", raising=False)
    monkeypatch.setattr(pdf, "CANDIDATE_FONTS", [])
    monkeypatch.setattr(pdf, "FALLBACK_PATHS", [])
    monkeypatch.setattr(pdf, "fontconfig_faces", lambda: [pdf.FontFace(str(NOTO_CFF), 2)])
    assert pdf.chinese_font() == pdf.FALLBACK_FONT
