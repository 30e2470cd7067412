"""A Chinese font on the machine is found (fontconfig on Linux) and embedded; CFF collections
such as Noto CJK, which reportlab cannot embed as they are, are converted to TrueType first."""

from __future__ import annotations

import os
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest
from pypdf import PdfReader

from hall_desk.reports import font_choice, font_convert, pdf
from hall_desk.reports.notices import intake_notice
from hall_desk.services import intake
from tests.conftest import TODAY
from tests.services.helpers import draft_for, person, resident_id

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


NEEDS_NOTO = pytest.mark.skipif(not NOTO_CFF.is_file(), reason="fonts-noto-cjk is not installed")


@NEEDS_NOTO
def test_a_cff_collection_face_is_converted_to_truetype_in_the_cache() -> None:
    refused: set[str] = set()
    font = pdf.embeddable(pdf.FontFace(str(NOTO_CFF), 2), refused)
    assert font is not None and not refused
    converted = Path(font.face.filename)
    assert converted.parent == font_convert.cache_dir()
    assert converted == font_convert.cached_path(NOTO_CFF, 2)
    assert b"glyf" in converted.read_bytes()[:512], "TrueType outlines, which reportlab embeds"
    for ch in "中华人民共和国政务服务中心受理通知书，。（）《》·0123456789ABC":
        assert ord(ch) in font.face.charToGlyph, ch


def test_the_cache_file_follows_the_source_font(tmp_path, monkeypatch) -> None:
    monkeypatch.setenv(font_convert.CACHE_ENV, str(tmp_path / "cache"))
    source = tmp_path / "Some.ttc"
    source.write_bytes(b"x" * 10)
    first = font_convert.cached_path(source, 2)
    assert first.parent == tmp_path / "cache"
    assert font_convert.cached_path(source, 3) != first, "each face of a collection"
    os.utime(source, ns=(10**18, 10**18))
    touched = font_convert.cached_path(source, 2)
    assert touched != first, "a font updated in place is converted again"
    source.write_bytes(b"x" * 11)
    os.utime(source, ns=(10**18, 10**18))
    assert font_convert.cached_path(source, 2) not in (first, touched)


def test_a_killed_conversion_leaves_nothing_half_written(tmp_path, monkeypatch) -> None:
    monkeypatch.setenv(font_convert.CACHE_ENV, str(tmp_path / "cache"))
    source = tmp_path / "Some.otf"
    source.write_bytes(b"x")

    def killed(src, index, out) -> None:  # type: ignore[no-untyped-def]
        out.write(b"\0\1\0\0 half a font")
        raise KeyboardInterrupt

    monkeypatch.setattr(font_convert, "_convert", killed)
    with pytest.raises(KeyboardInterrupt):
        font_convert.truetype_copy(source, 0)
    assert list((tmp_path / "cache").iterdir()) == []


@pytest.mark.skipif(not DEJAVU.is_file(), reason="fonts-dejavu is not installed")
def test_a_truetype_font_without_chinese_is_passed_over() -> None:
    assert pdf.embeddable(pdf.FontFace(str(DEJAVU))) is None


@pytest.fixture
def fresh_font(tmp_path, monkeypatch) -> Iterator[None]:  # type: ignore[no-untyped-def]
    # A remembered font choice of its own: the lookup these tests change runs in each of them.
    monkeypatch.setenv(font_choice.CHOICE_ENV, str(tmp_path / "font-choice.json"))
    pdf.chinese_font.cache_clear()
    yield
    pdf.chinese_font.cache_clear()


def _notice(ws, clerk, tmp_path, name: str = "李明") -> Path:  # type: ignore[no-untyped-def]
    draft = draft_for(ws, [FOOD], person(number=resident_id(seq="902"), name=name))
    result = intake.accept(ws, clerk, draft, on=TODAY)
    notice = tmp_path / "notice.pdf"
    notice.write_bytes(intake_notice(ws, clerk, result.case_id)[1])
    return notice


def _pdffonts(path: Path) -> list[str]:
    done = subprocess.run(["pdffonts", str(path)], capture_output=True, text=True, check=True)
    return done.stdout.splitlines()[2:]


def _pdftotext(path: Path) -> str:
    done = subprocess.run(
        ["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True, check=True
    )
    return done.stdout


@NEEDS_NOTO
def test_the_noto_cjk_font_fontconfig_names_is_embedded_in_the_notice(
    ws, clerk, tmp_path, monkeypatch, fresh_font
) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.delenv("HALL_DESK_PDF_FONT", raising=False)
    monkeypatch.setattr(pdf, "CANDIDATE_FONTS", [])
    monkeypatch.setattr(
        pdf, "fontconfig_faces", lambda: [pdf.FontFace(str(NOTO_CFF), 2, "Noto Serif CJK SC")]
    )
    assert pdf.chinese_font() == pdf.EMBEDDED_NAME
    notice = _notice(ws, clerk, tmp_path)
    fonts = _pdffonts(notice)
    # (Helvetica, a PDF reader's own base font, draws nothing but empty strings here.)
    chinese = [line for line in fonts if "NotoSerifCJK" in line]
    assert chinese and all("TrueType" in line and " yes " in line for line in chinese), fonts
    assert not any("STSong" in line for line in fonts)
    reader = PdfReader(notice)
    descriptors = [
        f["/DescendantFonts"][0]["/FontDescriptor"]
        if "/DescendantFonts" in f
        else f.get("/FontDescriptor")
        for f in (ref.get_object() for ref in reader.pages[0]["/Resources"]["/Font"].values())
    ]
    assert descriptors and all("/FontFile2" in d for d in descriptors if d is not None)
    text = _pdftotext(notice)
    assert "受理通知书" in text and "科尔沁左翼中旗政务服务中心" in text and "李明" in text, text


@NEEDS_NOTO
def test_a_character_outside_the_converted_set_is_printed_by_the_built_in_font(
    ws, clerk, tmp_path, monkeypatch, fresh_font
) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.delenv("HALL_DESK_PDF_FONT", raising=False)
    monkeypatch.setattr(pdf, "CANDIDATE_FONTS", [])
    monkeypatch.setattr(pdf, "fontconfig_faces", lambda: [pdf.FontFace(str(NOTO_CFF), 2)])
    assert ord("喆") not in font_convert.kept_characters(), "not in GB 2312"
    notice = _notice(ws, clerk, tmp_path, name="王喆")
    fonts = _pdffonts(notice)
    assert any("STSong" in line for line in fonts), fonts
    assert any("TrueType" in line and " yes " in line for line in fonts), fonts
    assert "王喆" in _pdftotext(notice)


def test_without_any_usable_font_the_built_in_one_is_used(monkeypatch, fresh_font) -> None:
    monkeypatch.delenv("HALL_DESK_PDF_FONT", raising=False)
    monkeypatch.setattr(pdf, "CANDIDATE_FONTS", [])
    monkeypatch.setattr(pdf, "FALLBACK_PATHS", [])
    monkeypatch.setattr(
        pdf, "fontconfig_faces", lambda: [pdf.FontFace(str(DEJAVU)), pdf.FontFace("/no/such.ttc")]
    )
    assert pdf.chinese_font() == pdf.FALLBACK_FONT


@NEEDS_NOTO
def test_the_font_the_first_pdf_embeds_is_prepared_ahead_of_it(monkeypatch, fresh_font) -> None:
    monkeypatch.delenv("HALL_DESK_PDF_FONT", raising=False)
    monkeypatch.setattr(pdf, "CANDIDATE_FONTS", [])
    monkeypatch.setattr(pdf, "fontconfig_faces", lambda: [pdf.FontFace(str(NOTO_CFF), 2)])
    real = font_convert.truetype_copy
    converted: list[tuple[Path, int]] = []

    def recording(source: Path, index: int) -> Path:
        converted.append((source, index))
        return real(source, index)

    monkeypatch.setattr(font_convert, "truetype_copy", recording)
    pdf.prepare_font()
    assert converted == [(NOTO_CFF, 2)]
    assert font_convert.cached_path(NOTO_CFF, 2).is_file()
    assert pdf.chinese_font.cache_info().currsize == 0, "the first PDF still chooses the font"
