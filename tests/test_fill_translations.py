"""packaging/fill_translations.py fills a .ts from JSON and refuses what Qt would show wrongly."""

from __future__ import annotations

import importlib.util
import json
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SCRIPT = ROOT / "packaging" / "fill_translations.py"
TS = """<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="zh_CN">
<context>
    <name>Main</name>
    <message>
        <location filename="a.py" line="1"/>
        <source>保存(&amp;S)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="a.py" line="2"/>
        <source>共 %1 件，%2 件超期</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="a.py" line="3"/>
        <source>办件</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
"""

spec = importlib.util.spec_from_file_location("fill_translations", SCRIPT)
assert spec and spec.loader
fill_translations = importlib.util.module_from_spec(spec)
spec.loader.exec_module(fill_translations)


def translations(ts: Path) -> dict[str, tuple[str, str | None]]:
    root = ET.parse(ts).getroot()
    return {
        m.findtext("source") or "": (
            m.findtext("translation") or "",
            m.find("translation").get("type"),
        )
        for m in root.iter("message")
    }


@pytest.fixture
def ts(tmp_path: Path) -> Path:
    path = tmp_path / "x_en.ts"
    path.write_text(TS, encoding="utf-8")
    return path


def test_fills_good_entries_and_reports_the_rest(ts: Path) -> None:
    filled, skipped = fill_translations.fill(
        ts,
        [
            {"context": "Main", "source": "保存(&S)", "translation": "&Save", "note": "extra"},
            {"context": "Main", "source": "共 %1 件，%2 件超期", "translation": "%1 cases"},
            {"context": "Main", "source": "办件", "translation": "Cases (&C)"},
            {"context": "Other", "source": "办件", "translation": "Cases"},
        ],
    )
    assert filled == 1
    assert len(skipped) == 3
    assert any("placeholders" in s for s in skipped)
    assert any("accelerator" in s for s in skipped)
    assert any(s.startswith("unknown: Other") for s in skipped)
    found = translations(ts)
    assert found["保存(&S)"] == ("&Save", None)
    assert found["办件"] == ("", "unfinished")
    assert found["共 %1 件，%2 件超期"][1] == "unfinished"


def test_placeholders_may_move_and_double_ampersand_is_no_accelerator(ts: Path) -> None:
    filled, skipped = fill_translations.fill(
        ts,
        [
            {"context": "Main", "source": "共 %1 件，%2 件超期", "translation": "%2 late of %1"},
            {"context": "Main", "source": "办件", "translation": "Cases && files"},
        ],
    )
    assert (filled, skipped) == (2, [])


@pytest.mark.skipif(
    not shutil.which("pyside6-lrelease", path=str(Path(sys.executable).parent)),
    reason="pyside6-lrelease not installed",
)
def test_command_line_output_compiles(ts: Path, tmp_path: Path) -> None:
    data = tmp_path / "words.json"
    data.write_text(
        json.dumps([{"context": "Main", "source": "办件", "translation": "Cases"}]),
        encoding="utf-8",
    )
    done = subprocess.run(
        [sys.executable, str(SCRIPT), str(ts), str(data)], capture_output=True, text=True
    )
    assert done.returncode == 0, done.stdout + done.stderr
    assert "1 filled, 0 skipped" in done.stdout
    lrelease = Path(sys.executable).parent / "pyside6-lrelease"
    qm = tmp_path / "x_en.qm"
    subprocess.run(
        [str(lrelease), "-nounfinished", str(ts), "-qm", str(qm)], check=True, capture_output=True
    )
    assert qm.stat().st_size > 0
