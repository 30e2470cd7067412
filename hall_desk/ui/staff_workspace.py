"""人员与巡查: the team lead's meetings, inspections and monthly evaluations.

Three tabs, each a keyboard-first form over one service call (Ctrl+Enter saves) and the list it
feeds: 会议 with the open action items and the month's missing meetings; 巡查 over the hall's
checklist with the findings and each person's escalation; 绩效考评 with the month's sheets by
rank, the lines of the chosen sheet, a manual adjustment (or a 复核 once published), 审核,
发布 and the two printouts.
"""

from PySide6.QtWidgets import (
    QLabel,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from hall_desk.domain.roles import Actor
from hall_desk.services.staff_common import people as staff_people
from hall_desk.services.workstation import Workstation
from hall_desk.ui.staff_evaluations import EvaluationTab
from hall_desk.ui.staff_inspections import InspectionTab
from hall_desk.ui.staff_meetings import MeetingTab
from hall_desk.ui.widgets import set_role


class StaffWorkspace(QWidget):
    def __init__(self, ws: Workstation, actor: Actor, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ws = ws
        self.actor = actor
        outer = QVBoxLayout(self)
        title = QLabel(self.tr("人员与巡查"))
        set_role(title, "pageTitle")
        outer.addWidget(title)
        people = staff_people(ws, actor)
        self.tabs = QTabWidget()
        self.tabs.setObjectName("staffTabs")
        self.meetings = MeetingTab(ws, actor, people)
        self.inspections = InspectionTab(ws, actor, people)
        self.evaluations = EvaluationTab(ws, actor)
        self.tabs.addTab(self.meetings, self.tr("会议(&1)"))
        self.tabs.addTab(self.inspections, self.tr("巡查(&2)"))
        self.tabs.addTab(self.evaluations, self.tr("绩效考评(&3)"))
        outer.addWidget(self.tabs, 1)
        self.evaluations.open_finding_requested.connect(self.open_finding)
        self.evaluations.open_meeting_requested.connect(self.open_meeting)

    def open_finding(self, finding_id: str) -> None:
        """A sheet's evidence: the finding chosen in the 巡查 tab."""
        self.tabs.setCurrentWidget(self.inspections)
        self.inspections.show_finding(finding_id)

    def open_meeting(self, meeting_id: str) -> None:
        """A sheet's evidence: the meeting chosen in the 会议 tab, its record beside it."""
        self.tabs.setCurrentWidget(self.meetings)
        self.meetings.show_meeting(meeting_id)
