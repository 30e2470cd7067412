"""Qt's own dialogs speak Chinese: the file dialog, the message box's buttons, the print dialog,
and the packaged program carries the catalogs they need."""

from __future__ import annotations

import runpy
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtPrintSupport import QPageSetupDialog, QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QAbstractButton,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QGroupBox,
    QLabel,
    QMessageBox,
    QTabWidget,
    QWidget,
)

from hall_desk.ui import qt_language

ROOT = Path(__file__).resolve().parents[2]


def _english_words(dialog: QWidget) -> list[str]:
    """Every caption a person reads in the dialog that is English words only (paths, paper
    sizes and numbers are in the fields, which are not read here)."""
    texts = [dialog.windowTitle()]
    for child in dialog.findChildren(QWidget):
        if not child.isVisibleTo(dialog):
            continue
        if isinstance(child, (QLabel, QAbstractButton)):
            texts.append(child.text())
        elif isinstance(child, QGroupBox):
            texts.append(child.title())
        elif isinstance(child, QTabWidget):
            texts += [child.tabText(i) for i in range(child.count())]
    return [t for t in texts if t.isascii() and sum(ch.isalpha() for ch in t) > 2]


def _show(qtbot, dialog: QDialog) -> QDialog:  # type: ignore[no-untyped-def]
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    return dialog


def test_the_file_dialog_speaks_chinese(qtbot) -> None:  # type: ignore[no-untyped-def]
    dialog = QFileDialog(None, "备份到")
    dialog.setOption(QFileDialog.Option.DontUseNativeDialog)  # Qt's own, not the desktop's
    dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
    _show(qtbot, dialog)
    buttons = {b.text() for b in dialog.findChild(QDialogButtonBox).buttons()}
    assert buttons == {"保存(&S)", "取消"}
    labels = {label.text() for label in dialog.findChildren(QLabel) if label.isVisibleTo(dialog)}
    assert {"查找范围(&L)：", "文件名称(&N)：", "文件类型(&T)："} <= labels
    assert _english_words(dialog) == []

    dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptOpen)
    assert {b.text() for b in dialog.findChild(QDialogButtonBox).buttons()} == {"打开(&O)", "取消"}


def test_a_message_box_has_chinese_standard_buttons(qtbot) -> None:  # type: ignore[no-untyped-def]
    box = QMessageBox(QMessageBox.Icon.Question, "再受理一件？", "确定要再受理一件新的办件吗？")
    box.setStandardButtons(
        QMessageBox.StandardButton.Ok
        | QMessageBox.StandardButton.Cancel
        | QMessageBox.StandardButton.Save
        | QMessageBox.StandardButton.Yes
        | QMessageBox.StandardButton.No
    )
    _show(qtbot, box)
    assert {b.text() for b in box.buttons()} == {"确定", "取消", "保存", "是(&Y)", "否(&N)"}


# Without a printer installed the page set-up warns that it is not the system's own dialog.
@pytest.mark.qt_log_ignore("QPageSetupDialog: Cannot be used on non-native printers")
def test_the_print_dialogs_speak_chinese(qtbot) -> None:  # type: ignore[no-untyped-def]
    printer = QPrinter()
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    print_dialog = _show(qtbot, QPrintDialog(printer))
    assert _english_words(print_dialog) == []
    assert print_dialog.findChild(QDialogButtonBox) is not None
    setup = _show(qtbot, QPageSetupDialog(printer))
    assert _english_words(setup) == []


def test_only_catalogs_that_exist_are_loaded() -> None:
    files = qt_language.catalog_files()
    assert [f.name for f in files] == ["qtbase_zh_CN.qm"]
    # The meta catalog is there but names module catalogs the wheel lacks: it would load nothing.
    assert (qt_language.qt_translations_dir() / "qt_zh_CN.qm").is_file()


def test_the_compiled_gaps_match_their_source(tmp_path) -> None:  # type: ignore[no-untyped-def]
    source = qt_language.gaps_file().with_suffix(".ts")
    lrelease = Path(sys.executable).parent / "pyside6-lrelease"
    if not lrelease.exists():
        pytest.skip("pyside6-lrelease is not in this environment")
    fresh = tmp_path / "gaps.qm"
    subprocess.run([str(lrelease), str(source), "-qm", str(fresh)], check=True, capture_output=True)
    assert fresh.read_bytes() == qt_language.gaps_file().read_bytes(), "run `make qm`"


def test_the_packaged_program_carries_the_catalogs() -> None:
    """The spec, run as PyInstaller runs it, puts each catalog where the packaged Qt looks."""
    recorded: dict[str, object] = {}

    def analysis(scripts, **kwargs):  # type: ignore[no-untyped-def]
        recorded.update(kwargs)

        from types import SimpleNamespace

        return SimpleNamespace(pure=[], scripts=[], binaries=[], datas=[])

    def nothing(*_args, **_kwargs) -> None:  # type: ignore[no-untyped-def]
        return None

    spec = ROOT / "packaging" / "hall-desk.spec"
    runpy.run_path(
        str(spec),
        init_globals={
            "SPECPATH": str(spec.parent),
            "Analysis": analysis,
            "PYZ": nothing,
            "EXE": nothing,
            "COLLECT": nothing,
        },
    )
    datas = recorded["datas"]
    assert isinstance(datas, list)
    folder = qt_language.qt_translations_dir()
    import PySide6

    where = (Path("PySide6") / folder.relative_to(Path(PySide6.__file__).parent)).as_posix()
    for catalog in qt_language.catalog_files():
        assert (str(catalog), where) in datas
    assert where == "PySide6/Qt/translations"
