"""巡查 tab: an inspection over the hall's checklist, the findings with their fix and re-check,
and each person's escalation within 30 days."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDateTimeEdit,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from hall_desk.domain.inspections import Severity
from hall_desk.domain.roles import Actor, Role
from hall_desk.services import inspections
from hall_desk.services.inspections import CheckEntry, InspectionDraft
from hall_desk.services.workstation import Workstation
from hall_desk.ui.changes import Entity, Follower
from hall_desk.ui.models import ID_ROLE, Column, RowsModel
from hall_desk.ui.ops import Op
from hall_desk.ui.staff_forms import FormRows, combo, py_date, py_datetime, qdate, qdatetime
from hall_desk.ui.widgets import error_label, set_role, table_view
from hall_desk.ui.words import word

FINDING_COLUMNS = [
    Column(QT_TRANSLATE_NOOP("RowsModel", "日期"), lambda f: f.found_on),
    Column(QT_TRANSLATE_NOOP("RowsModel", "人员/窗口"), lambda f: f.staff_name or f.window),
    Column(QT_TRANSLATE_NOOP("RowsModel", "类别"), lambda f: word(f.category.label)),
    Column(QT_TRANSLATE_NOOP("RowsModel", "问题"), lambda f: f.item),
    Column(QT_TRANSLATE_NOOP("RowsModel", "严重程度"), lambda f: word(f.severity.label)),
    Column(QT_TRANSLATE_NOOP("RowsModel", "整改期限"), lambda f: f.fix_deadline),
    Column(
        QT_TRANSLATE_NOOP("RowsModel", "状态"),
        lambda f: (
            (QCoreApplication.translate("RowsModel", "⚠ 逾期 ") if f.overdue else "")
            + word(f.state.label)
        ),
    ),
    Column(
        QT_TRANSLATE_NOOP("RowsModel", "30 天内"),
        lambda f: word(f.escalation.label) if f.escalation else "",
    ),
]


class InspectionTab(QWidget):
    def __init__(self, ws: Workstation, actor: Actor, people: list[Any]) -> None:
        super().__init__()
        self.ws, self.actor, self.people = ws, actor, people
        outer = QHBoxLayout(self)
        left = QVBoxLayout()
        outer.addLayout(left, 3)
        self.form = FormRows()
        f = self.form
        self.at = QDateTimeEdit(qdatetime(ws.now()))
        self.at.setObjectName("inspectedAt")
        self.at.setDisplayFormat("yyyy-MM-dd HH:mm")
        f.row("inspected_at", self.tr("巡查时间(&W)："), self.at)
        # One or more inspectors: a box each (Space ticks it), the lead keying in ticked.
        leads = [p for p in people if p.role in (Role.LEAD, Role.ADMIN)] or people
        team = QWidget()
        team_line = QHBoxLayout(team)
        team_line.setContentsMargins(0, 0, 0, 0)
        self.inspectors: dict[str, QCheckBox] = {}
        for p in leads:
            box = QCheckBox(p.display_name)
            box.setObjectName(f"inspector_{p.username}")
            box.setAccessibleName(self.tr("巡查人员：{name}").format(name=p.display_name))
            box.setChecked(p.username == actor.username)
            team_line.addWidget(box)
            self.inspectors[p.username] = box
        team_line.addStretch(1)
        caption = QLabel(self.tr("巡查人员(&R)："))
        first = next(iter(self.inspectors.values()), None)
        caption.setBuddy(first)
        f.layout_.addRow(caption, team)
        err = error_label(f)
        f.layout_.addRow("", err)
        f.error_labels["inspectors"] = err
        if first is not None:
            f.inputs["inspectors"] = first
        self.area = QLineEdit()
        self.area.setPlaceholderText(self.tr("如：综合受理区、等候区"))
        f.row("area", self.tr("巡查区域(&E)："), self.area)
        self.window_edit = QLineEdit()
        self.window_edit.setPlaceholderText(self.tr("如：综合窗口3（可空）"))
        f.row("window", self.tr("窗口："), self.window_edit)
        self.late_reason = QLineEdit()
        self.late_reason.setPlaceholderText(self.tr("超过 3 天补录时填写"))
        f.row("late_reason", self.tr("补录原因："), self.late_reason)
        left.addWidget(f)
        self.items: list[
            tuple[CheckEntry, QCheckBox, QComboBox, QComboBox, QDateEdit, QLineEdit, QLabel]
        ] = []
        self.scroll = QScrollArea()
        self.scroll.setWidgetResizable(True)
        self._build_checks()
        left.addWidget(self.scroll, 1)
        self.errors = f.errors()
        buttons = QHBoxLayout()
        self.save = QPushButton(self.tr("保存巡查记录(&S)"))
        self.save.setObjectName("saveInspection")
        self.save.setToolTip(self.tr("Ctrl+Enter"))
        self.checklist_button = QPushButton(self.tr("巡查清单(&L)…"))
        self.checklist_button.setObjectName("editChecklist")
        self.checklist_button.clicked.connect(self.edit_checklist)
        buttons.addWidget(self.checklist_button)
        buttons.addStretch(1)
        buttons.addWidget(self.save)
        left.addLayout(buttons)
        self.message = QLabel()
        self.message.setObjectName("inspectionMessage")
        left.addWidget(self.message)

        right = QVBoxLayout()
        outer.addLayout(right, 2)
        self.findings = RowsModel(FINDING_COLUMNS, lambda f: f.id, parent=self)
        self.findings_view = table_view(self.findings, self.tr("巡查问题"))
        self.findings_view.setObjectName("findings")
        caption = QLabel(self.tr("未复查通过的问题(&P)"))
        caption.setBuddy(self.findings_view)
        right.addWidget(caption)
        self.all_findings = QCheckBox(self.tr("含已复查通过的问题(&H)"))
        self.all_findings.setObjectName("allFindings")
        self.all_findings.toggled.connect(lambda _on: self.refresh())
        right.addWidget(self.all_findings)
        right.addWidget(self.findings_view, 1)
        fix_line = QHBoxLayout()
        self.fix = QLineEdit()
        self.fix.setObjectName("fixText")
        self.fix.setAccessibleName(self.tr("整改情况或复查意见"))
        self.fix.setPlaceholderText(self.tr("整改情况 / 复查意见"))
        fix_line.addWidget(self.fix, 1)
        self.fix_button = QPushButton(self.tr("登记整改(&G)"))
        self.fix_button.setObjectName("recordFix")
        self.pass_button = QPushButton(self.tr("复查通过(&O)"))
        self.pass_button.setObjectName("recheckPassed")
        fix_line.addWidget(self.fix_button)
        fix_line.addWidget(self.pass_button)
        right.addLayout(fix_line)

        self.save.clicked.connect(self.submit)
        self.fix_button.clicked.connect(self.record_fix)
        self.pass_button.clicked.connect(self.recheck)
        QShortcut(QKeySequence("Ctrl+Return"), self, self.submit)
        self.refresh()
        Follower(self, [Entity.STAFF, Entity.SYNC], self.refresh)

    def _build_checks(self) -> None:
        """The checklist: each item passes unless unticked; a fail asks who, how serious, by
        when. Built again when the hall changes its checklist."""
        f, ws = self.form, self.ws
        for key in [k for k in f.error_labels if k.startswith("items.")]:
            del f.error_labels[key]
            del f.inputs[key]
        self.items.clear()
        checks = QWidget()
        grid = QGridLayout(checks)
        row = 0
        staff = [("", self.tr("（人员）"))] + [(p.username, p.display_name) for p in self.people]
        for group, names in inspections.checklist(ws).items():
            heading = QLabel(word(group.label))
            set_role(heading, "sectionTitle")
            grid.addWidget(heading, row, 0, 1, 5)
            row += 1
            for name in names:
                n = len(self.items) + 1
                passed = QCheckBox(name)
                passed.setObjectName(f"check_{n}")
                passed.setChecked(True)
                passed.setAccessibleName(self.tr("{item} 合格").format(item=name))
                who = combo(f"who_{n}", staff)
                who.setAccessibleName(self.tr("{item} 涉及人员").format(item=name))
                severity = combo(
                    f"severity_{n}",
                    [("", self.tr("（严重程度）"))] + [(s.value, word(s.label)) for s in Severity],
                )
                severity.setAccessibleName(self.tr("{item} 严重程度").format(item=name))
                deadline = QDateEdit(qdate(ws.today()))
                deadline.setObjectName(f"deadline_{n}")
                deadline.setDisplayFormat("yyyy-MM-dd")
                deadline.setAccessibleName(self.tr("{item} 整改期限").format(item=name))
                note = QLineEdit()
                note.setObjectName(f"note_{n}")
                note.setAccessibleName(self.tr("{item} 说明").format(item=name))
                note.setPlaceholderText(self.tr("说明"))
                err = error_label(self)
                for w in (who, severity, deadline, note):
                    w.setEnabled(False)
                passed.toggled.connect(
                    lambda ok, ws_=(who, severity, deadline, note): [
                        w.setEnabled(not ok) for w in ws_
                    ]
                )
                grid.addWidget(passed, row, 0)
                grid.addWidget(who, row, 1)
                grid.addWidget(severity, row, 2)
                grid.addWidget(deadline, row, 3)
                grid.addWidget(note, row, 4)
                grid.addWidget(err, row + 1, 0, 1, 5)
                f.error_labels[f"items.{n}"] = err
                f.inputs[f"items.{n}"] = passed
                self.items.append(
                    (CheckEntry(group.value, name), passed, who, severity, deadline, note, err)
                )
                row += 2
        old = self.scroll.takeWidget()
        if old is not None:
            old.deleteLater()
        self.scroll.setWidget(checks)

    def edit_checklist(self) -> None:
        from hall_desk.ui.checklist_dialog import ChecklistDialog

        dialog = ChecklistDialog(self.ws, self.actor, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(self._checklist_saved)
        self.checklist_dialog = dialog
        dialog.open()

    def _checklist_saved(self) -> None:
        self._build_checks()
        self.message.setText(self.tr("✓ 巡查清单已保存：共 {n} 项").format(n=len(self.items)))

    def draft(self) -> InspectionDraft:
        entries = []
        for entry, passed, who, severity, deadline, note, _err in self.items:
            ok = passed.isChecked()
            entries.append(
                CheckEntry(
                    entry.group,
                    entry.item,
                    passed=ok,
                    note="" if ok else note.text(),
                    staff="" if ok else str(who.currentData() or ""),
                    window="" if ok or who.currentData() else self.window_edit.text(),
                    severity="" if ok else str(severity.currentData() or ""),
                    fix_deadline=None if ok else py_date(deadline),
                )
            )
        return InspectionDraft(
            inspected_at=py_datetime(self.at),
            inspectors=[name for name, box in self.inspectors.items() if box.isChecked()],
            area=self.area.text(),
            window=self.window_edit.text(),
            items=entries,
            late_reason=self.late_reason.text(),
        )

    def submit(self) -> Op[str]:
        ws, actor, draft = self.ws, self.actor, self.draft()
        return (
            Op(self, lambda: inspections.record(ws, actor, draft), touches=[Entity.STAFF])
            .busy(self.save)
            .fields(self.errors, self.form.inputs)
            .success(self._saved)
            .run()
        )

    def _saved(self, _inspection_id: str) -> None:
        failed = sum(1 for _e, passed, *_rest in self.items if not passed.isChecked())
        self.message.setText(self.tr("✓ 已保存巡查记录：不合格 {n} 项").format(n=failed))
        for _entry, passed, _who, _sev, _dl, note, _err in self.items:
            passed.setChecked(True)
            note.clear()
        self.at.setFocus()

    def _selected(self) -> str:
        index = self.findings_view.currentIndex()
        return str(self.findings.data(index, ID_ROLE)) if index.isValid() else ""

    def _step(self, work: Any, button: QPushButton, done: str) -> Op[Any] | None:
        finding = self._selected()
        if not finding:
            self.message.setText(self.tr("⚠ 请先在右侧选择一条问题"))
            return None
        text = self.fix.text()
        return (
            Op(self, lambda: work(finding, text), touches=[Entity.STAFF])
            .busy(button)
            .refused(lambda exc: self.message.setText(f"⚠ {exc.message}"))
            .success(lambda _r: (self.message.setText(done), self.fix.clear()))
            .run()
        )

    def record_fix(self) -> Op[Any] | None:
        ws, actor = self.ws, self.actor
        return self._step(
            lambda f, t: inspections.record_fix(ws, actor, f, t),
            self.fix_button,
            self.tr("✓ 已登记整改"),
        )

    def recheck(self) -> Op[Any] | None:
        ws, actor = self.ws, self.actor
        return self._step(
            lambda f, t: inspections.recheck(ws, actor, f, True, t),
            self.pass_button,
            self.tr("✓ 复查通过"),
        )

    def refresh(self) -> None:
        index = self.findings_view.currentIndex()
        chosen = str(self.findings.data(index, ID_ROLE)) if index.isValid() else ""
        rows = inspections.findings(self.ws, open_only=not self.all_findings.isChecked())
        self.findings.set_rows(rows)
        for row, finding in enumerate(rows):
            if finding.id == chosen:
                self.findings_view.selectRow(row)

    def show_finding(self, finding_id: str) -> bool:
        """Selects a finding (a closed one too: the list then shows them all)."""
        for attempt in range(2):
            for row, finding in enumerate(self.findings.rows):
                if finding.id == finding_id:
                    self.findings_view.selectRow(row)
                    self.findings_view.setFocus()
                    return True
            if attempt == 0 and not self.all_findings.isChecked():
                self.all_findings.setChecked(True)  # refreshes with every finding
        return False
