"""The day's 邮寄交寄清单 for the courier to sign at collection (统一出件)."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate
from PySide6.QtWidgets import QComboBox, QDateEdit, QHBoxLayout, QLabel, QPushButton, QWidget

from hall_desk.domain.errors import HallDeskError
from hall_desk.domain.roles import Actor
from hall_desk.services.delivery import CARRIERS
from hall_desk.services.workstation import Workstation
from hall_desk.ui.ops import Op
from hall_desk.ui.printing import PdfPreviewDialog, open_preview
from hall_desk.ui.widgets import error_label, say
from hall_desk.ui.words import word


class MailingListBar(QWidget):
    def __init__(self, ws: Workstation, actor: Actor, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ws = ws
        self.actor = actor
        self.preview: PdfPreviewDialog | None = None
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        caption = QLabel(self.tr("交寄日期(&Y)："))
        today = ws.today()
        self.day = QDateEdit(QDate(today.year, today.month, today.day))
        self.day.setObjectName("mailingDay")
        self.day.setAccessibleName(self.tr("交寄日期"))
        self.day.setCalendarPopup(True)
        self.day.setDisplayFormat("yyyy-MM-dd")
        caption.setBuddy(self.day)
        self.carrier = QComboBox()
        self.carrier.setObjectName("mailingCarrier")
        self.carrier.setAccessibleName(self.tr("快递公司"))
        self.carrier.addItem(self.tr("全部快递"), "")
        for code, label in CARRIERS.items():
            self.carrier.addItem(word(label), code)
        self.button = QPushButton(self.tr("打印邮寄交寄清单(&Q)…"))
        self.button.setObjectName("mailingListButton")
        self.message = error_label(self)
        self.message.setObjectName("mailingListMessage")
        for widget in (caption, self.day, self.carrier, self.button, self.message):
            row.addWidget(widget)
        self.button.clicked.connect(self.print_list)

    def chosen_day(self) -> date:
        d = self.day.date()
        return date(d.year(), d.month(), d.day())

    def print_list(self) -> Op[bytes]:
        """The list is built (reportlab) off the GUI thread: the desk keeps answering, the bar
        stays disabled until the preview opens."""
        from hall_desk.reports.routing_docs import build_mailing_list

        ws, actor = self.ws, self.actor
        day = self.chosen_day()
        carrier = str(self.carrier.currentData() or "") or None
        title = self.tr("邮寄交寄清单 {day}").format(day=day.isoformat())

        def refused(exc: HallDeskError) -> None:
            say(self.message, f"⚠ {exc.message}", error=True)

        def show(data: bytes) -> None:
            self.message.setVisible(False)
            self.preview = open_preview(self, ws.config.extra.get("printer"), data, title)

        return (
            Op(self, lambda: build_mailing_list(ws, actor, day, carrier=carrier))
            .busy(self.button, self.day, self.carrier)
            .refused(refused)
            .success(show)
            .run()
        )
