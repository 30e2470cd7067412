"""The font the PDFs embed is remembered between processes, and looked up again whenever what
it depends on changes (each test keeps its own remembered choice)."""

from __future__ import annotations

import json
import os
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from hall_desk.reports import font_choice, pdf

NOTO_CFF = Path("/usr/share/fonts/opentype/noto/NotoSerifCJK-Regular.ttc")
DEJAVU = Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")
NEEDS_NOTO = pytest.mark.skipif(not NOTO_CFF.is_file(), reason="fonts-noto-cjk is not installed")


@pytest.fixture
def lookups(tmp_path, monkeypatch) -> Iterator[list[int]]:  # type: ignore[no-untyped-def]
    """Counts the full lookups (fontconfig asked); fontconfig names Noto Serif CJK only."""
    monkeypatch.setenv(font_choice.CHOICE_ENV, str(tmp_path / "choice" / "font.json"))
    monkeypatch.delenv("HALL_DESK_PDF_FONT", raising=False)
    monkeypatch.setattr(pdf, "CANDIDATE_FONTS", [(str(tmp_path / "simsun.ttc"), 0)])
    monkeypatch.setattr(pdf, "FALLBACK_PATHS", [])
    calls: list[int] = []

    def faces() -> list[pdf.FontFace]:
        calls.append(1)
        return [pdf.FontFace(str(NOTO_CFF), 2)] if NOTO_CFF.is_file() else []

    monkeypatch.setattr(pdf, "fontconfig_faces", faces)
    pdf.chinese_font.cache_clear()
    yield calls
    pdf.chinese_font.cache_clear()


def _next_process() -> str:
    """What a new process finds: the in-process memo forgotten, the choice file kept."""
    pdf.chinese_font.cache_clear()
    return pdf.chinese_font()


@NEEDS_NOTO
def test_the_second_process_embeds_the_remembered_font_without_asking_fontconfig(
    lookups: list[int],
) -> None:
    assert _next_process() == pdf.EMBEDDED_NAME and lookups == [1]
    assert font_choice.choice_file().is_file()
    assert _next_process() == pdf.EMBEDDED_NAME
    assert lookups == [1], "the remembered choice was used"


@pytest.mark.skipif(not DEJAVU.is_file(), reason="fonts-dejavu is not installed")
def test_the_built_in_font_is_remembered_too_until_a_candidate_font_appears(
    lookups: list[int], tmp_path: Path, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setattr(pdf, "fontconfig_faces", lambda: lookups.append(1) or [])
    assert _next_process() == pdf.FALLBACK_FONT and lookups == [1]
    assert _next_process() == pdf.FALLBACK_FONT and lookups == [1]
    # A font appears at a candidate's place (one without Chinese: still the built-in font).
    shutil.copyfile(DEJAVU, tmp_path / "simsun.ttc")
    assert _next_process() == pdf.FALLBACK_FONT
    assert lookups == [1, 1], "a new candidate file changes the key: looked up again"
    assert _next_process() == pdf.FALLBACK_FONT and lookups == [1, 1]


@NEEDS_NOTO
def test_a_changed_font_file_or_setting_means_a_new_lookup(
    lookups: list[int], tmp_path: Path, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    assert _next_process() == pdf.EMBEDDED_NAME and lookups == [1]
    remembered = Path(json.loads(font_choice.choice_file().read_text(encoding="utf-8"))["font"])
    stat = remembered.stat()
    os.utime(remembered, ns=(stat.st_atime_ns, stat.st_mtime_ns + 1_000_000_000))
    try:
        assert _next_process() == pdf.EMBEDDED_NAME
        assert lookups == [1, 1], "the remembered file's time changed: looked up again"
    finally:
        os.utime(remembered, ns=(stat.st_atime_ns, stat.st_mtime_ns))
    monkeypatch.setenv("HALL_DESK_PDF_FONT", str(tmp_path / "missing.ttf"))
    assert _next_process() == pdf.EMBEDDED_NAME
    assert lookups == [1, 1, 1], "another configured font: looked up again"


def test_an_unreadable_or_foreign_choice_file_is_ignored(lookups: list[int], monkeypatch) -> None:  # type: ignore[no-untyped-def]
    font_choice.choice_file().parent.mkdir(parents=True)
    font_choice.choice_file().write_text("{not json", encoding="utf-8")
    expected = pdf.EMBEDDED_NAME if NOTO_CFF.is_file() else pdf.FALLBACK_FONT
    assert _next_process() == expected and lookups == [1]
    assert _next_process() == expected and lookups == [1], "rewritten whole by the lookup"
