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
            text = QCoreApplication.translate(
                "ErrorReporter",
                "程序遇到一个意外错误，刚才的操作可能没有完成，已保存的数据不受影响。\n"
                "错误详情已记录在：{path}\n请把这个文件交给系统管理员。",
            ).format(path=self.log_path)
        parent: QWidget | None = QApplication.activeWindow()
        title = QCoreApplication.translate("ErrorReporter", "出错了")
        box = QMessageBox(
            QMessageBox.Icon.Critical, title, text, QMessageBox.StandardButton.Ok, parent
        )
        box.setObjectName("errorDialog")
        box.finished.connect(lambda _=0, b=box: self._forget(b))
        self.dialogs.append(box)
        box.open()  # not exec(): a nested event loop inside an exception handler is fragile

    def _forget(self, box: QMessageBox) -> None:
        if box in self.dialogs:
            self.dialogs.remove(box)
        box.deleteLater()
