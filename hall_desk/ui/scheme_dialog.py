"""考评方案: the admin edits the evaluation scheme; saving makes a new version (the old ones, and
the months scored with them, stay as they were)."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from hall_desk.domain.evaluation import BONUS_ITEM, EVIDENCE_LABELS, EvidenceKind, Scheme
from hall_desk.domain.roles import Actor
from hall_desk.services import evaluations
from hall_desk.services.workstation import Workstation
from hall_desk.ui.changes import Entity
from hall_desk.ui.ops import Op
from hall_desk.ui.widgets import FieldErrors, error_label
from hall_desk.ui.words import word

ITEM_ROWS = 8  # room for the default five and a few of the hall's own
RULE_KINDS = [k for k in EvidenceKind if k not in (EvidenceKind.WORKLOAD, EvidenceKind.MANUAL)]


def _spin(name: str, low: int, high: int, value: int) -> QSpinBox:
    box = QSpinBox()
    box.setObjectName(name)
    box.setRange(low, high)
    box.setValue(value)
    return box


class SchemeDialog(QDialog):
    def __init__(self, ws: Workstation, actor: Actor, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ws, self.actor = ws, actor
        scheme = evaluations.current_scheme(ws)
        self.workload_item = scheme.workload_item
        self.setWindowTitle(self.tr("考评方案（当前第 {v} 版）").format(v=scheme.version))
        outer = QVBoxLayout(self)
        labels: dict[str, QLabel] = {}
        top = QFormLayout()
        self.total = _spin("schemeTotal", 1, 1000, scheme.total)
        self.cap = _spin("schemeCap", 0, 1000, scheme.bonus_cap or 0)
        self.cap.setSpecialValueText(self.tr("不封顶"))
        self.target = _spin("schemeTarget", 0, 100_000, scheme.workload_target)
        self.target.setSpecialValueText(self.tr("不设目标（满分）"))
        for field, text, widget in (
            ("total", self.tr("方案总分(&T)："), self.total),
            ("bonus_cap", self.tr("加分后封顶(&C)："), self.cap),
            ("workload_target", self.tr("月业务量目标(&W)："), self.target),
        ):
            caption = QLabel(text)
            caption.setBuddy(widget)
            top.addRow(caption, widget)
            labels[field] = error_label(self)
            top.addRow("", labels[field])
        outer.addLayout(top)

        items_box = QGroupBox(self.tr("考评项目与满分"))
        grid = QGridLayout(items_box)
        self.items: list[tuple[QLineEdit, QSpinBox]] = []
        for n in range(ITEM_ROWS):
            name = QLineEdit(scheme.items[n].name if n < len(scheme.items) else "")
            name.setObjectName(f"itemName_{n + 1}")
            name.setAccessibleName(self.tr("第 {n} 项名称").format(n=n + 1))
            top_points = _spin(
                f"itemMax_{n + 1}", 0, 1000, scheme.items[n].maximum if n < len(scheme.items) else 0
            )
            top_points.setAccessibleName(self.tr("第 {n} 项满分").format(n=n + 1))
            grid.addWidget(name, n, 0)
            grid.addWidget(top_points, n, 1)
            self.items.append((name, top_points))
        labels["items"] = error_label(self)
        grid.addWidget(labels["items"], ITEM_ROWS, 0, 1, 2)
        outer.addWidget(items_box)

        rules_box = QGroupBox(self.tr("依据计分（每条）"))
        rules = QGridLayout(rules_box)
        self.rules: dict[EvidenceKind, tuple[QComboBox, QSpinBox]] = {}
        names = [i.name for i in scheme.items] + [BONUS_ITEM]
        for n, kind in enumerate(RULE_KINDS):
            rule = scheme.rules.get(kind)
            item = QComboBox()
            item.setObjectName(f"ruleItem_{kind.value}")
            item.setEditable(True)
            item.addItems(names)
            item.setCurrentText(rule.item if rule else names[0])
            points = _spin(f"rulePoints_{kind.value}", -100, 100, rule.points if rule else 0)
            label = QLabel(word(EVIDENCE_LABELS[kind]))
            label.setBuddy(item)
            rules.addWidget(label, n, 0)
            rules.addWidget(item, n, 1)
            rules.addWidget(points, n, 2)
            self.rules[kind] = (item, points)
        labels["rules"] = error_label(self)
        rules.addWidget(labels["rules"], len(RULE_KINDS), 0, 1, 3)
        outer.addWidget(rules_box)

        grades = QHBoxLayout()
        self.grades: list[tuple[QSpinBox, QLineEdit]] = []
        for n in range(4):
            low = _spin(
                f"gradeLow_{n + 1}", -1, 1000, scheme.grades[n][0] if n < len(scheme.grades) else -1
            )
            low.setSpecialValueText(self.tr("（不用）"))
            name = QLineEdit(scheme.grades[n][1] if n < len(scheme.grades) else "")
            name.setObjectName(f"gradeName_{n + 1}")
            name.setMinimumWidth(name.fontMetrics().horizontalAdvance("M" * 8) + 16)
            grades.addWidget(QLabel(self.tr("≥")))
            grades.addWidget(low)
            grades.addWidget(name)
            self.grades.append((low, name))
        outer.addWidget(QLabel(self.tr("等次（从高到低，最低一档从 0 分起）")))
        outer.addLayout(grades)
        labels["grades"] = error_label(self)
        outer.addWidget(labels["grades"])
        general = error_label(self)
        outer.addWidget(general)
        self.errors = FieldErrors(labels, general, self)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        self.save = QPushButton(self.tr("保存为新版本(&S)"))
        self.save.setObjectName("saveScheme")
        cancel = QPushButton(self.tr("取消"))
        buttons.addWidget(self.save)
        buttons.addWidget(cancel)
        outer.addLayout(buttons)
        self.saved: Scheme | None = None
        self.save.clicked.connect(self.submit)
        cancel.clicked.connect(self.reject)

    def body(self) -> dict[str, Any]:
        items = [[n.text().strip(), m.value()] for n, m in self.items if n.text().strip()]
        names = {name for name, _ in items}
        return {
            "total": self.total.value(),
            "items": items,
            "rules": {
                kind.value: [item.currentText().strip(), points.value()]
                for kind, (item, points) in self.rules.items()
                if points.value() != 0
            },
            # The workload item keeps its name; renamed away, the last item takes the workload.
            "workload_item": self.workload_item
            if self.workload_item in names
            else (items[-1][0] if items else ""),
            "workload_target": self.target.value(),
            "bonus_cap": self.cap.value() or None,
            "grades": [
                [low.value(), name.text().strip()]
                for low, name in self.grades
                if low.value() >= 0 and name.text().strip()
            ],
        }

    def submit(self) -> Op[Scheme]:
        ws, actor, body = self.ws, self.actor, self.body()
        return (
            Op(self, lambda: evaluations.save_scheme(ws, actor, body), touches=[Entity.STAFF])
            .busy(self.save)
            .fields(self.errors, {"total": self.total, "items": self.items[0][0]})
            .success(self._saved)
            .run()
        )

    def _saved(self, scheme: Scheme) -> None:
        self.saved = scheme
        self.accept()
