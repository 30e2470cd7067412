"""The 取号机 at the door (`hall-desk kiosk`): full screen, large type, one tap per choice.

A tap on a queue issues a number and prints its 80 mm ticket; 需要帮助 issues a green-channel
number of the first queue, marked for the 帮您办 post. When the shared database is away, or the
queue refuses (quota, range, closing time, 号池不堆号), the screen says why in large type and
nothing is printed: a number that does not exist is never handed out.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QTimer
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QGridLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from hall_desk.domain.errors import HallDeskError
from hall_desk.domain.queue import Priority
from hall_desk.domain.roles import SYSTEM_ACTOR
from hall_desk.reports.queue_ticket import ticket_pdf
from hall_desk.services import queue
from hall_desk.services.workstation import Workstation
from hall_desk.ui.ops import Op
from hall_desk.ui.print_job import print_pool, spool
from hall_desk.ui.widgets import set_role

RESET_MS = 15_000  # the result stays this long, then the screen is ready for the next person
KIOSK_STYLE = """
QWidget#kiosk { background: #101820; }
QWidget#kiosk QLabel { color: #ffffff; }
QPushButton { font-size: 34pt; min-height: 120px; padding: 12px; border-radius: 10px;
              background: #ffffff; color: #101820; border: 3px solid #ffffff; }
QPushButton#kioskHelp { background: #ffd400; border-color: #ffd400; }
QPushButton:focus { border-color: #00c2ff; }
"""


def default_printer(data: bytes) -> None:
    """The ticket on the kiosk's default printer (a receipt printer takes 80 mm pages)."""
    spool(data, QPrinter(QPrinter.PrinterMode.HighResolution))


class KioskWindow(QWidget):
    def __init__(
        self,
        ws: Workstation,
        link: queue.LiveHall,
        printer: Callable[[bytes], object] = default_printer,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("kiosk")
        self.setWindowTitle(self.tr("取号机 — %1").replace("%1", ws.hall))
        self.setStyleSheet(KIOSK_STYLE)
        self.ws = ws
        self.link = link
        self.printer = printer
        layout = QVBoxLayout(self)
        layout.setContentsMargins(60, 40, 60, 40)
        hall = QLabel(ws.hall)
        hall.setStyleSheet("font-size: 30pt;")
        layout.addWidget(hall)
        prompt = QLabel(self.tr("请点选您要办理的业务"))
        prompt.setStyleSheet("font-size: 26pt;")
        layout.addWidget(prompt)
        grid = QGridLayout()
        self.buttons: dict[str, QPushButton] = {}
        specs = queue.settings_of(ws).queues
        for n, spec in enumerate(specs):
            button = QPushButton(f"{spec.name}\n{spec.code}")
            button.setObjectName(f"kiosk_{spec.code}")
            button.setAccessibleName(spec.name)
            button.clicked.connect(lambda _=False, code=spec.code: self.take(code))
            grid.addWidget(button, n // 2, n % 2)
            self.buttons[spec.code] = button
        layout.addLayout(grid)
        self.help = QPushButton(self.tr("需要帮助（老年人、残疾人、孕妇、伤病）"))
        self.help.setObjectName("kioskHelp")
        self.help.clicked.connect(lambda: self.take(specs[0].code, needs_help=True))
        layout.addWidget(self.help)
        self.result = QLabel()
        self.result.setObjectName("kioskResult")
        self.result.setWordWrap(True)
        self.result.setStyleSheet("font-size: 30pt;")
        layout.addWidget(self.result, 1)
        self.reset = QTimer(self)
        self.reset.setSingleShot(True)
        self.reset.setInterval(RESET_MS)
        self.reset.timeout.connect(lambda: self.result.setText(""))
        self.last: queue.Issued | None = None

    def take(self, code: str, needs_help: bool = False) -> None:
        ws, link = self.ws, self.link

        def work() -> tuple[queue.Issued, bytes]:
            issued = queue.issue(ws, SYSTEM_ACTOR, link, code, needs_help=needs_help)
            return issued, ticket_pdf(issued)

        Op(self, work).busy(*self.buttons.values(), self.help).refused(self._refused).success(
            self._issued
        ).run()

    def _issued(self, result: tuple[queue.Issued, bytes]) -> None:
        issued, pdf = result
        self.last = issued
        lines = [
            self.tr("您的号码：%1").replace("%1", issued.ticket.label),
            self.tr("%1　您前面还有 %2 人，预计等候约 %3 分钟")
            .replace("%1", issued.queue_name)
            .replace("%2", str(issued.ahead))
            .replace("%3", str(round(issued.estimate_s / 60))),
        ]
        if issued.ticket.priority is Priority.GREEN:
            lines.append(self.tr("绿色通道：已通知帮您办工作人员，请在此稍候"))
        lines.append(self.tr("请取走号票"))
        self.result.setText("\n".join(lines))
        set_role(self.result, "")
        self.reset.start()
        printer = self.printer
        Op(self, lambda: printer(pdf)).refused(self._print_refused).run(on=print_pool())

    def _refused(self, error: HallDeskError) -> None:
        self.last = None
        self.result.setText(self.tr("⚠ 未出号：%1").replace("%1", error.message))
        set_role(self.result, "error")
        self.reset.start()

    def _print_refused(self, error: HallDeskError) -> None:
        self.result.setText(
            self.result.text() + "\n" + self.tr("⚠ 号票打印失败，请记下号码或联系工作人员")
        )
