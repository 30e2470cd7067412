"""An unexpected exception never kills the window: a short Chinese message, the trace in a log."""

from __future__ import annotations

import logging
import sys
import traceback
from logging.handlers import RotatingFileHandler
from pathlib import Path
from types import TracebackType

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from hall_desk.domain.errors import HallDeskError

LOG_NAME = "hall-desk.log"
log = logging.getLogger("hall_desk")


def setup_logging(log_dir: Path) -> Path:
    """A rotating log under the home (5 × 1 MB), so a long-running desk never fills the disk."""
    log_dir.mkdir(parents=True, exist_ok=True)
    path = log_dir / LOG_NAME
    if not any(
        isinstance(h, RotatingFileHandler) and Path(h.baseFilename) == path for h in log.handlers
    ):
        handler = RotatingFileHandler(path, maxBytes=1_000_000, backupCount=5, encoding="utf-8")
        handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(message)s"))
        log.addHandler(handler)
    log.setLevel(logging.INFO)
    return path


def teardown_logging(path: Path) -> None:
    """Removes and closes the handler `setup_logging(path)` added: a later desk (another home,
    a test after this one) must not name this log in its error dialog."""
    for handler in list(log.handlers):
        if isinstance(handler, RotatingFileHandler) and Path(handler.baseFilename) == path:
            log.removeHandler(handler)
            handler.close()


_open_dialogs: list[QMessageBox] = []  # kept referenced while open, or they vanish


def log_file() -> Path | None:
    """Where the rotating log writes, if `setup_logging` ran."""
    for handler in log.handlers:
        if isinstance(handler, RotatingFileHandler):
            return Path(handler.baseFilename)
    return None


def crash_message(log_path: Path | None) -> str:
    return QCoreApplication.translate(
        "ErrorReporter",
        "程序遇到一个意外错误，刚才的操作可能没有完成，已保存的数据不受影响。\n"
        "错误详情已记录在：{path}\n请把这个文件交给系统管理员。",
    ).format(path=log_path if log_path is not None else LOG_NAME)


def show_error_dialog(text: str, parent: QWidget | None = None) -> QMessageBox:
    """The one error dialog: opened, not exec()'d, so no nested event loop runs inside a handler."""
    parent = parent if parent is not None else QApplication.activeWindow()
    title = QCoreApplication.translate("ErrorReporter", "出错了")
    box = QMessageBox(QMessageBox.Icon.Critical, title, text, QMessageBox.StandardButton.Ok, parent)
    box.setObjectName("errorDialog")
    box.finished.connect(lambda _=0, b=box: _forget(b))
    _open_dialogs.append(box)
    box.open()
    return box


def open_error_dialogs() -> list[QMessageBox]:
    return list(_open_dialogs)


def _forget(box: QMessageBox) -> None:
    if box in _open_dialogs:
        _open_dialogs.remove(box)
    box.deleteLater()


def report_crash(trace: str, parent: QWidget | None = None) -> QMessageBox:
    """Our code failed, not the person: the trace goes to the log, a short message to the screen."""
    log.error("%s\n%s", QCoreApplication.translate("ErrorReporter", "未处理的异常"), trace)
    return show_error_dialog(crash_message(log_file()), parent)


class ErrorReporter:
    """Installed as sys.excepthook while the window runs; keeps its dialogs alive."""

    def __init__(self, log_path: Path) -> None:
        self.log_path = log_path
        self.dialogs: list[QMessageBox] = []
        self._previous = sys.excepthook

    def install(self) -> None:
        sys.excepthook = self.handle

    def uninstall(self) -> None:
        sys.excepthook = self._previous

    def handle(
        self, kind: type[BaseException], error: BaseException, tb: TracebackType | None
    ) -> None:
        if isinstance(error, HallDeskError):
            # A refusal that escaped a screen's own handling: show it as it is.
            text = error.message
        else:
            log.error(
                "%s\n%s",
                QCoreApplication.translate("ErrorReporter", "未处理的异常"),
                "".join(traceback.format_exception(kind, error, tb)),
            )
            text = crash_message(self.log_path)
        box = show_error_dialog(text)
        box.finished.connect(lambda _=0, b=box: self._forget(b))
        self.dialogs.append(box)

    def _forget(self, box: QMessageBox) -> None:
        if box in self.dialogs:
            self.dialogs.remove(box)
