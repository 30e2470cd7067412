"""巡查清单: the lead keeps the hall's checklist, one item a line in each of the four groups."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from hall_desk.domain.inspections import CheckGroup
from hall_desk.domain.roles import Actor
from hall_desk.services import inspections
from hall_desk.services.workstation import Workstation
from hall_desk.ui.changes import Entity
from hall_desk.ui.ops import Op
from hall_desk.ui.widgets import FieldErrors, error_label
from hall_desk.ui.words import word


class ChecklistDialog(QDialog):
    def __init__(self, ws: Workstation, actor: Actor, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ws, self.actor = ws, actor
        self.setWindowTitle(self.tr("巡查清单"))
        outer = QVBoxLayout(self)
        outer.addWidget(QLabel(self.tr("每行一个检查项；四组各至少一项。")))
        grid = QGridLayout()
        outer.addLayout(grid, 1)
        self.groups: dict[CheckGroup, QPlainTextEdit] = {}
        for n, (group, items) in enumerate(inspections.checklist(ws).items()):
            edit = QPlainTextEdit("\n".join(items))
            edit.setObjectName(f"checklist_{group.value}")
            edit.setTabChangesFocus(True)
            edit.setAccessibleName(word(group.label))
            caption = QLabel(word(group.label))
            caption.setBuddy(edit)
            grid.addWidget(caption, 0, n)
            grid.addWidget(edit, 1, n)
            self.groups[group] = edit
        label = error_label(self)
        outer.addWidget(label)
        self.errors = FieldErrors({"checklist": label}, label, self)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        self.save = QPushButton(self.tr("保存(&S)"))
        self.save.setObjectName("saveChecklist")
        cancel = QPushButton(self.tr("取消"))
        buttons.addWidget(self.save)
        buttons.addWidget(cancel)
        outer.addLayout(buttons)
        self.save.clicked.connect(self.submit)
        cancel.clicked.connect(self.reject)
        self.resize(900, 420)

    def submit(self) -> Op[None]:
        groups = {
            g.value: [line.strip() for line in e.toPlainText().splitlines() if line.strip()]
            for g, e in self.groups.items()
        }
        ws, actor = self.ws, self.actor
        first = next(iter(self.groups.values()))
        return (
            Op(self, lambda: inspections.save_checklist(ws, actor, groups), touches=[Entity.STAFF])
            .busy(self.save)
            .fields(self.errors, {"checklist": first})
            .success(lambda _r: self.accept())
            .run()
        )
