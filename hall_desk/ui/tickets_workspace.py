"""办不成事/投诉 workspace: 登记, the list by urgency with each ticket's timeline and next step,
and the team lead's queue of tickets awaiting 结果核查."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QTabWidget, QVBoxLayout, QWidget

from hall_desk.domain.roles import Actor, Permission
from hall_desk.services.ticket_views import TicketFilter
from hall_desk.services.workstation import Workstation
from hall_desk.ui.ops import Op
from hall_desk.ui.printing import PdfPreviewDialog, open_preview
from hall_desk.ui.ratings_page import RatingsPage
from hall_desk.ui.ticket_desk import TicketDesk
from hall_desk.ui.ticket_register import TicketRegisterForm


class TicketsWorkspace(QWidget):
    def __init__(self, ws: Workstation, actor: Actor, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ws = ws
        self.actor = actor
        self.preview: PdfPreviewDialog | None = None
        outer = QVBoxLayout(self)
        title = QLabel(self.tr("办不成事/投诉"))
        title.setObjectName("ticketsTitle")
        title.setProperty("role", "pageTitle")
        outer.addWidget(title)
        self.tabs = QTabWidget()
        self.tabs.setObjectName("ticketTabs")
        outer.addWidget(self.tabs)
        self.register = TicketRegisterForm(ws, actor)
        self.desk = TicketDesk(ws, actor)
        self.tabs.addTab(self.register, self.tr("登记(&1)"))
        self.tabs.addTab(self.desk, self.tr("工单列表(&2)"))
        self.queue: TicketDesk | None = None
        if actor.may(Permission.TICKETS):
            self.queue = TicketDesk(ws, actor, preset=TicketFilter(awaiting_check=True))
            self.tabs.addTab(self.queue, self.tr("待核查(&3)"))
            queue = self.queue
            queue.print_requested.connect(lambda no, what: self.print_ticket(queue, no, what))
            self.ratings = RatingsPage(ws, actor)
            self.tabs.addTab(self.ratings, self.tr("好差评(&4)"))
        desk = self.desk
        desk.print_requested.connect(lambda no, what: self.print_ticket(desk, no, what))
        self.register.registered.connect(self._registered)

    def _registered(self, ticket_no: str) -> None:
        self.desk.select(ticket_no)

    def print_ticket(self, desk: TicketDesk, ticket_no: str, what: str) -> Op[tuple[str, bytes]]:
        """The paper is built (reportlab) off the GUI thread: the list keeps answering, the
        desk's print buttons stay disabled until the preview opens; a refusal is said in the
        desk's message line."""
        from hall_desk.reports.ticket_papers import answer_letter, assignment_sheet

        make = assignment_sheet if what == "assignment" else answer_letter
        ws, actor = self.ws, self.actor

        def show(made: tuple[str, bytes]) -> None:
            title, data = made
            self.preview = open_preview(self, ws.config.extra.get("printer"), data, title)

        return (
            Op(self, lambda: make(ws, actor, ticket_no))
            .busy(desk.print_assignment, desk.print_answer)
            .refused(desk.errors.show)
            .success(show)
            .run()
        )
