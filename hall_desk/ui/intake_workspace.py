"""综合受理 workspace: items, applicant, green channel, materials, decision — keyboard first."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from PySide6.QtCore import QDate, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from hall_desk.domain import identity
from hall_desk.domain.assistance import Assistance, AssistanceFlag, ServiceMode
from hall_desk.domain.calendar import LimitUnit
from hall_desk.domain.catalog import MaterialForm, merge_materials
from hall_desk.domain.errors import HallDeskError, ValidationError
from hall_desk.domain.lifecycle import CaseEvent
from hall_desk.domain.limits import SUPPLEMENT_DAYS
from hall_desk.domain.ratings import RatedKind
from hall_desk.domain.roles import Actor, Permission
from hall_desk.services import applicants, catalog, intake
from hall_desk.services.applicants import ApplicantDraft
from hall_desk.services.intake import AgentDraft, IntakeDraft, IntakeResult, SupplementDue
from hall_desk.services.workstation import Workstation
from hall_desk.ui.changes import Entity
from hall_desk.ui.later import LaterPage
from hall_desk.ui.ops import Op
from hall_desk.ui.widgets import FieldErrors, KeepInView, error_label, say, set_role
from hall_desk.ui.words import word

if TYPE_CHECKING:
    from hall_desk.ui.returned_folders import ReturnedFoldersPanel

KIND_ROLE = Qt.ItemDataRole.UserRole + 1
CODE_ROLE = Qt.ItemDataRole.UserRole + 2
MATERIAL_COLUMNS = 6
COPIES_COLUMN = 3
REQUIREMENT_COLUMN = 5


def _qdate(day: date) -> QDate:
    return QDate(day.year, day.month, day.day)


def _pydate(value: QDate) -> date:
    return date(value.year(), value.month(), value.day())


class IntakeForm(QWidget):
    """One application from the first keystroke to the printed notice."""

    decided = Signal(object)  # IntakeResult
    # (rated kind, case id, large print): a service the applicant may rate (好差评)
    service_finished = Signal(str, str, bool)
    print_requested = Signal(str)  # case id
    open_case_requested = Signal(str)

    def __init__(self, ws: Workstation, actor: Actor, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ws = ws
        self.actor = actor
        self.consultation_id: str | None = None
        self.result: IntakeResult | None = None
        self.label_preview: QWidget | None = None  # the 材料袋标签 preview, once one is made
        outer = QVBoxLayout(self)
        # The draft's sections: closed once it is decided, so one draft makes one case.
        self.draft_boxes = [
            self._items_box(),
            self._applicant_box(),
            self._assistance_box(),
            self._materials_box(),
            self._decision_box(),
        ]
        for box in self.draft_boxes:
            outer.addWidget(box)
        self.general_error = error_label(self)
        outer.addWidget(self.general_error)
        outer.addWidget(self._result_box())
        outer.addStretch(1)
        self.errors = FieldErrors(self.error_labels, self.general_error, self)
        self._kind_changed()
        QShortcut(
            QKeySequence("Ctrl+Return"), self, activated=lambda: self.decide(CaseEvent.ACCEPT)
        )
        QShortcut(QKeySequence("Ctrl+Enter"), self, activated=lambda: self.decide(CaseEvent.ACCEPT))

    # -- ① items ----------------------------------------------------------------------------
    def _items_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("① 申请事项"))
        layout = QVBoxLayout(box)
        row = QHBoxLayout()
        label = QLabel(self.tr("查找事项(&F)："))
        self.item_search = QLineEdit()
        self.item_search.setObjectName("itemSearch")
        self.item_search.setAccessibleName(self.tr("查找事项或一件事"))
        self.item_search.setPlaceholderText(
            self.tr("名称、事项编码或拼音首字母，如 gtgsh；回车加入")
        )
        label.setBuddy(self.item_search)
        row.addWidget(label)
        row.addWidget(self.item_search, 1)
        layout.addLayout(row)
        self.item_results = QListWidget()
        self.item_results.setObjectName("itemResults")
        self.item_results.setAccessibleName(self.tr("查找结果"))
        self.item_results.setMaximumHeight(110)
        layout.addWidget(self.item_results)
        self.item_hint = QLabel()
        self.item_hint.setObjectName("itemHint")
        self.item_hint.setWordWrap(True)
        self.item_hint.setVisible(False)
        layout.addWidget(self.item_hint)
        chosen_label = QLabel(self.tr("已选(&L)（Delete 键移除）："))
        self.chosen = QListWidget()
        self.chosen.setObjectName("chosenItems")
        self.chosen.setAccessibleName(self.tr("已选事项"))
        self.chosen.setMaximumHeight(80)
        chosen_label.setBuddy(self.chosen)
        layout.addWidget(chosen_label)
        layout.addWidget(self.chosen)
        self.items_error = error_label(box)
        layout.addWidget(self.items_error)
        self.item_search.textChanged.connect(self._search_items)
        self.item_search.returnPressed.connect(self._add_first_result)
        self.item_results.itemActivated.connect(self._add_item)
        self.chosen.installEventFilter(self)
        self.item_search.installEventFilter(self)
        return box

    def _search_items(self, text: str) -> None:
        self.item_results.clear()
        for hit in catalog.search(self.ws, text, limit=12):
            prefix = self.tr("一件事") if hit.kind == "theme" else hit.department
            item = QListWidgetItem(f"{hit.name}　[{prefix}]　{hit.code}")
            item.setData(KIND_ROLE, hit.kind)
            item.setData(CODE_ROLE, hit.code)
            self.item_results.addItem(item)
        if self.item_results.count():
            self.item_results.setCurrentRow(0)
        self._hint_no_items(text)

    def _hint_no_items(self, text: str) -> None:
        """Why a search found nothing when the reason is not the words typed: a workstation
        that joined a hall has no catalog until its first sync brings the hall's."""
        if self.item_results.count() or not text.strip():
            self.item_hint.setVisible(False)
            return
        if catalog.is_empty(self.ws):
            self.item_hint.setText(
                self.tr("⚠ 本工作站还没有事项库：同步后即取得大厅的事项库，再查找事项")
            )
        else:
            self.item_hint.setText(self.tr("⚠ 没有找到「{text}」对应的事项").format(text=text))
        self.item_hint.setVisible(True)

    def _add_first_result(self) -> None:
        current = self.item_results.currentItem() or self.item_results.item(0)
        if current is not None:
            self._add_item(current)

    def _add_item(self, found: QListWidgetItem) -> None:
        kind, code = found.data(KIND_ROLE), found.data(CODE_ROLE)
        if kind == "theme" or any(
            self.chosen.item(i).data(KIND_ROLE) == "theme" for i in range(self.chosen.count())
        ):
            self.chosen.clear()  # a 一件事 stands alone
        if any(self.chosen.item(i).data(CODE_ROLE) == code for i in range(self.chosen.count())):
            return
        item = QListWidgetItem(
            found.text().split("　")[0]
            if kind == "item"
            else self.tr("一件事：") + found.text().split("　")[0]
        )
        item.setData(KIND_ROLE, kind)
        item.setData(CODE_ROLE, code)
        self.chosen.addItem(item)
        self.item_search.clear()
        self._refresh_materials()

    def eventFilter(self, watched, event) -> bool:  # type: ignore[no-untyped-def]
        from PySide6.QtCore import QEvent

        if event.type() == QEvent.Type.KeyPress:
            if watched is self.chosen and event.key() == Qt.Key.Key_Delete:
                row = self.chosen.currentRow()
                if row >= 0:
                    self.chosen.takeItem(row)
                    self._refresh_materials()
                return True
            if (
                watched is self.item_search
                and event.key() == Qt.Key.Key_Down
                and self.item_results.count()
            ):
                self.item_results.setFocus()
                return True
        return super().eventFilter(watched, event)

    def selection(self) -> tuple[list[str], str | None]:
        codes, theme = [], None
        for i in range(self.chosen.count()):
            item = self.chosen.item(i)
            if item.data(KIND_ROLE) == "theme":
                theme = item.data(CODE_ROLE)
            else:
                codes.append(item.data(CODE_ROLE))
        return codes, theme

    # -- ② applicant -------------------------------------------------------------------------
    def _applicant_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("② 申请人"))
        form = QFormLayout(box)
        self.error_labels: dict[str, QLabel] = {"items": self.items_error}

        def field(name: str, label: str, widget: QWidget, accessible: str) -> QWidget:
            widget.setObjectName(name)
            widget.setAccessibleName(accessible)
            caption = QLabel(label)
            caption.setBuddy(widget)
            form.addRow(caption, widget)
            err = error_label(box)
            form.addRow("", err)
            self.error_labels[name] = err
            return widget

        self.kind = QComboBox()
        self.kind.addItem(self.tr("个人"), "person")
        self.kind.addItem(self.tr("单位（统一社会信用代码）"), "organisation")
        field("kind", self.tr("申请人类型(&E)："), self.kind, self.tr("申请人类型"))
        self.id_type = QComboBox()
        for key, label in applicants.ID_TYPES.items():
            if key != "uscc":
                self.id_type.addItem(word(label), key)
        field("id_type", self.tr("证件类型："), self.id_type, self.tr("证件类型"))
        self.id_number = QLineEdit()
        field("id_number", self.tr("证件号码(&I)："), self.id_number, self.tr("证件号码"))
        self.id_hint = QLabel()
        self.id_hint.setObjectName("idHint")
        form.addRow("", self.id_hint)
        self.name = QLineEdit()
        field("name", self.tr("姓名/名称(&M)："), self.name, self.tr("申请人姓名或单位名称"))
        self.phone = QLineEdit()
        field("phone", self.tr("联系电话(&P)："), self.phone, self.tr("联系电话"))
        self.address = QLineEdit()
        field("address", self.tr("地址："), self.address, self.tr("地址"))
        self.legal_rep = QLineEdit()
        field(
            "legal_representative", self.tr("法定代表人："), self.legal_rep, self.tr("法定代表人")
        )
        self.contact = QLineEdit()
        field("contact_name", self.tr("联系人："), self.contact, self.tr("联系人"))
        self.has_agent = QCheckBox(self.tr("代理人代为办理(&G)"))
        self.has_agent.setObjectName("hasAgent")
        form.addRow("", self.has_agent)
        self.agent_name = QLineEdit()
        field("agent_name", self.tr("代理人姓名："), self.agent_name, self.tr("代理人姓名"))
        self.agent_id = QLineEdit()
        field(
            "agent_id_number",
            self.tr("代理人身份证号："),
            self.agent_id,
            self.tr("代理人身份证号码"),
        )
        self.kind.currentIndexChanged.connect(self._kind_changed)
        self.has_agent.toggled.connect(self._kind_changed)
        # An agent brings the applicant's 授权委托书: it joins the checklist at once.
        self.has_agent.toggled.connect(self._refresh_materials)
        self.id_number.textChanged.connect(self._id_changed)
        self.id_number.editingFinished.connect(self._lookup_applicant)
        return box

    def _kind_changed(self) -> None:
        org = self.kind.currentData() == "organisation"
        form = self.legal_rep.parentWidget().layout()
        assert isinstance(form, QFormLayout)
        for widget, visible in (
            (self.id_type, not org),
            (self.legal_rep, org),
            (self.contact, org),
            (self.agent_name, self.has_agent.isChecked()),
            (self.agent_id, self.has_agent.isChecked()),
        ):
            form.setRowVisible(widget, visible)

    def _id_changed(self, text: str) -> None:
        """Checks the number as it is typed (or scanned) and says exactly what is wrong."""
        compact = identity.to_halfwidth(text).replace(" ", "")
        self.id_hint.clear()
        if len(compact) < 18:
            return
        try:
            if self.kind.currentData() == "organisation":
                identity.normalize_uscc(compact)
                self.id_hint.setText(self.tr("✓ 统一社会信用代码校验通过"))
                set_role(self.id_hint, "")
                return
            if self.id_type.currentData() != "resident_id":
                return
            rid = identity.parse_resident_id(compact, today=self.ws.today())
        except ValidationError as exc:
            self.id_hint.setText(f"⚠ {exc.message}")
            set_role(self.id_hint, "fieldError")
            return
        age = rid.age_on(self.ws.today())
        hint = self.tr("✓ 校验通过：{birth} 出生，{sex}，{age} 岁").format(
            birth=rid.birth_date.isoformat(), sex=rid.sex, age=age
        )
        set_role(self.id_hint, "")
        suggestion = intake.suggested_assistance(self._applicant_draft(), self.ws.today())
        if suggestion is not None:
            self.flag_boxes[AssistanceFlag.ELDERLY].setChecked(True)
            hint += self.tr("；已满 60 周岁，建议走绿色通道（已勾选“老年人”，可取消）")
        self.id_hint.setText(hint)

    def _lookup_applicant(self) -> None:
        """A returning applicant is found through the blind index and filled in (audited)."""
        # Without the permission the service refuses anyway; the clerk simply types it all.
        # A name typed by the clerk means they are entering it all; one carried over from the
        # consultation still leaves the address and the rest to fill from the earlier visit.
        typed = self.name.text().strip() and not self.consultation_id
        if typed or self.address.text().strip() or not self.actor.may(Permission.UNMASK):
            return
        draft = applicants.returning_applicant(self.ws, self.actor, self.id_number.text())
        if draft is None:
            return
        for edit, value in (
            (self.name, draft.name),
            (self.phone, draft.phone),
            (self.address, draft.address),
            (self.legal_rep, draft.legal_representative),
            (self.contact, draft.contact_name),
        ):
            if not edit.text().strip():  # what the person just said stands
                edit.setText(value)
        self.id_hint.setText(self.id_hint.text() + self.tr("；已调出既往登记信息，请核对"))

    def _applicant_draft(self) -> ApplicantDraft:
        org = self.kind.currentData() == "organisation"
        return ApplicantDraft(
            kind="organisation" if org else "person",
            id_type="uscc" if org else self.id_type.currentData(),
            id_number=self.id_number.text(),
            name=self.name.text(),
            phone=self.phone.text(),
            address=self.address.text(),
            legal_representative=self.legal_rep.text() if org else "",
            contact_name=self.contact.text() if org else "",
        )

    # -- ③ green channel ---------------------------------------------------------------------
    def _assistance_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("③ 帮您办（绿色通道）"))
        layout = QHBoxLayout(box)
        self.flag_boxes: dict[AssistanceFlag, QCheckBox] = {}
        labels = {
            AssistanceFlag.ELDERLY: self.tr("老年人"),
            AssistanceFlag.DISABLED: self.tr("残疾人"),
            AssistanceFlag.PREGNANT: self.tr("孕妇"),
            AssistanceFlag.ILL: self.tr("伤病/行动不便"),
            AssistanceFlag.OTHER: self.tr("其他"),
        }
        for flag in AssistanceFlag:
            check = QCheckBox(labels[flag])
            check.setObjectName(f"flag_{flag.value}")
            self.flag_boxes[flag] = check
            layout.addWidget(check)
        self.mode = QComboBox()
        self.mode.setObjectName("assistanceMode")
        self.mode.setAccessibleName(self.tr("帮办方式"))
        for mode, label in (
            (ServiceMode.FULL, self.tr("全程帮办")),
            (ServiceMode.GUIDE, self.tr("导办")),
            (ServiceMode.PROXY, self.tr("代办")),
            (ServiceMode.HOME, self.tr("上门服务")),
        ):
            self.mode.addItem(label, mode.value)
        layout.addWidget(self.mode)
        self.helper = QLineEdit()
        self.helper.setObjectName("assistanceHelper")
        self.helper.setAccessibleName(self.tr("帮办人"))
        self.helper.setPlaceholderText(self.tr("帮办人"))
        layout.addWidget(self.helper)
        return box

    def _assistance(self) -> Assistance | None:
        flags = frozenset(f for f, box in self.flag_boxes.items() if box.isChecked())
        if not flags:
            return None
        return Assistance(flags, ServiceMode(self.mode.currentData()), self.helper.text().strip())

    # -- ④ materials -------------------------------------------------------------------------
    def _materials_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("④ 材料核对（空格键勾选已收取；F2 修改收取份数或填写补正要求）"))
        layout = QVBoxLayout(box)
        self.materials = QTableWidget(0, MATERIAL_COLUMNS)
        self.materials.setObjectName("materialsTable")
        self.materials.setAccessibleName(self.tr("材料清单"))
        self.materials.setHorizontalHeaderLabels(
            [
                self.tr("已收取"),
                self.tr("材料名称"),
                self.tr("形式"),
                self.tr("收取份数"),
                self.tr("要求"),
                self.tr("补正要求"),
            ]
        )
        self.materials.horizontalHeaderItem(REQUIREMENT_COLUMN).setToolTip(
            self.tr("未收取材料的补正要求，印在一次性告知书上，如：须加盖公章的原件")
        )
        # Only the copies (an integer: Qt's own spin box edits it; the service checks 0–99)
        # and the requirement are typed into; the rest is the catalog's.
        self.materials.setEditTriggers(
            QTableWidget.EditTrigger.DoubleClicked
            | QTableWidget.EditTrigger.EditKeyPressed
            | QTableWidget.EditTrigger.AnyKeyPressed
        )
        self.materials.itemChanged.connect(self._copies_ticked)
        self.materials.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.materials.horizontalHeader().setSectionResizeMode(
            REQUIREMENT_COLUMN, QHeaderView.ResizeMode.Stretch
        )
        self.materials.setMinimumHeight(260)
        self.materials.horizontalHeader().setSectionResizeMode(
            0, QHeaderView.ResizeMode.ResizeToContents
        )
        # Arrows move within the list; Tab moves on to the next field, as everywhere else.
        self.materials.setTabKeyNavigation(False)
        layout.addWidget(self.materials)
        row = QHBoxLayout()
        all_button = QPushButton(self.tr("全部收取(&A)"))
        all_button.setObjectName("receiveAllButton")
        all_button.clicked.connect(lambda: self.set_all_received(True))
        row.addWidget(all_button)
        row.addStretch(1)
        layout.addLayout(row)
        self.error_labels["materials"] = error_label(box)
        self.error_labels["requirements"] = self.error_labels["materials"]
        layout.addWidget(self.error_labels["materials"])
        return box

    def _refresh_materials(self) -> None:
        """The checklist of the chosen items (and 授权委托书 with an agent); what was already
        ticked, counted or asked for stays as the clerk left it."""
        kept = {
            self.materials.item(row, 1).text(): (
                self.materials.item(row, 0).checkState(),
                self._copies(row),
                self.materials.item(row, REQUIREMENT_COLUMN).text(),
            )
            for row in range(self.materials.rowCount())
        }
        current = self.materials.currentRow()
        codes, theme = self.selection()
        merged = merge_materials(
            catalog.chosen_items(self.ws, self.actor, codes, theme),
            agent=self.has_agent.isChecked(),
        )
        self.materials.blockSignals(True)
        self.materials.setRowCount(len(merged))
        for row, m in enumerate(merged):
            state, copies, requirement = kept.get(m.name, (Qt.CheckState.Unchecked, m.copies, ""))
            check = QTableWidgetItem()
            check.setFlags(
                Qt.ItemFlag.ItemIsUserCheckable
                | Qt.ItemFlag.ItemIsEnabled
                | Qt.ItemFlag.ItemIsSelectable
            )
            check.setCheckState(state)
            self.materials.setItem(row, 0, check)
            for col, text in enumerate(
                [
                    m.name,
                    {
                        MaterialForm.ORIGINAL: self.tr("原件"),
                        MaterialForm.COPY: self.tr("复印件"),
                    }.get(m.form, self.tr("原件和复印件")),
                    "",
                    (self.tr("必要") if m.required else self.tr("非必要"))
                    + (self.tr("，可容缺") if m.deferrable and m.required else ""),
                    requirement,
                ],
                start=1,
            ):
                cell = QTableWidgetItem(text)
                flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
                if col in (COPIES_COLUMN, REQUIREMENT_COLUMN):
                    flags |= Qt.ItemFlag.ItemIsEditable
                cell.setFlags(flags)
                if col == COPIES_COLUMN:
                    cell.setData(Qt.ItemDataRole.EditRole, copies)
                    cell.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
                self.materials.setItem(row, col, cell)
        self.materials.blockSignals(False)
        if merged:
            self.materials.setCurrentCell(min(max(current, 0), len(merged) - 1), 0)

    def _copies(self, row: int) -> int:
        value = self.materials.item(row, COPIES_COLUMN).data(Qt.ItemDataRole.EditRole)
        return int(value) if isinstance(value, int) else 0

    def _copies_ticked(self, cell: QTableWidgetItem) -> None:
        # Counting copies of a material means it was received; none means it was not.
        if cell.column() != COPIES_COLUMN:
            return
        check = self.materials.item(cell.row(), 0)
        if check is not None:
            received = self._copies(cell.row()) > 0
            check.setCheckState(Qt.CheckState.Checked if received else Qt.CheckState.Unchecked)

    def set_all_received(self, received: bool) -> None:
        state = Qt.CheckState.Checked if received else Qt.CheckState.Unchecked
        for row in range(self.materials.rowCount()):
            self.materials.item(row, 0).setCheckState(state)

    def received(self) -> dict[str, int]:
        out = {}
        for row in range(self.materials.rowCount()):
            check = self.materials.item(row, 0)
            if check.checkState() == Qt.CheckState.Checked:
                out[self.materials.item(row, 1).text()] = max(1, self._copies(row))
        return out

    def requirements(self) -> dict[str, str]:
        """What the 一次性告知书 asks of each material the clerk wrote something for."""
        out = {}
        for row in range(self.materials.rowCount()):
            text = self.materials.item(row, REQUIREMENT_COLUMN).text()
            if text.strip():
                out[self.materials.item(row, 1).text()] = text
        return out

    # -- ⑤ decision --------------------------------------------------------------------------
    def _decision_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("⑤ 办理决定"))
        form = QFormLayout(box)
        self.commitment = QPlainTextEdit()
        self.commitment.setObjectName("commitment")
        self.commitment.setAccessibleName(self.tr("容缺承诺"))
        self.commitment.setTabChangesFocus(True)
        self.commitment.setMaximumHeight(60)
        self.deferred_deadline = QDateEdit()
        self.deferred_deadline.setObjectName("deferredDeadline")
        self.deferred_deadline.setAccessibleName(self.tr("容缺材料补齐期限"))
        self.deferred_deadline.setCalendarPopup(True)
        self.deferred_deadline.setDisplayFormat("yyyy-MM-dd")
        self.supplement_deadline = QDateEdit()
        self.supplement_deadline.setObjectName("supplementDeadline")
        self.supplement_deadline.setAccessibleName(self.tr("补正期限"))
        self.supplement_deadline.setCalendarPopup(True)
        self.supplement_deadline.setDisplayFormat("yyyy-MM-dd")
        self.reason = QPlainTextEdit()
        self.reason.setObjectName("reason")
        self.reason.setAccessibleName(self.tr("不予受理理由"))
        self.reason.setTabChangesFocus(True)
        self.reason.setMaximumHeight(60)
        for name, label, widget in (
            ("commitment", self.tr("容缺承诺："), self.commitment),
            ("deferred_deadline", self.tr("容缺补齐期限："), self.deferred_deadline),
            ("supplement_deadline", self.tr("补正期限(&Q)："), self.supplement_deadline),
            ("reason", self.tr("不予受理理由："), self.reason),
        ):
            caption = QLabel(label)
            caption.setBuddy(widget)
            form.addRow(caption, widget)
            err = error_label(box)
            form.addRow("", err)
            self.error_labels[name] = err
        self._default_deadlines()
        buttons = QHBoxLayout()
        self.decision_buttons: dict[CaseEvent, QPushButton] = {}
        for step, text in (
            (CaseEvent.ACCEPT, self.tr("受理(&S)  Ctrl+Enter")),
            (CaseEvent.ACCEPT_DEFERRED, self.tr("容缺受理(&R)")),
            (CaseEvent.REQUEST_SUPPLEMENT, self.tr("一次性告知补正(&B)")),
            (CaseEvent.REFUSE, self.tr("不予受理(&N)")),
            (CaseEvent.COMPLETE_AT_WINDOW, self.tr("即办办结(&J)")),
        ):
            button = QPushButton(text)
            button.setObjectName(f"decide_{step.name.lower()}")
            button.clicked.connect(lambda _=False, s=step: self.decide(s))
            buttons.addWidget(button)
            self.decision_buttons[step] = button
        form.addRow(buttons)
        return box

    def _default_deadlines(self) -> None:
        today = self.ws.today()
        calendar = self.ws.calendar()
        # The earliest date the service accepts: the next working day.
        self.deferred_deadline.setDate(_qdate(calendar.next_working_day(today)))
        # The period the service would set itself; the clerk may give the applicant longer.
        self.supplement_deadline.setDate(
            _qdate(calendar.due_date(today, SUPPLEMENT_DAYS, LimitUnit.WORKING).day)
        )

    def draft(self) -> IntakeDraft:
        codes, theme = self.selection()
        agent = None
        if self.has_agent.isChecked():
            agent = AgentDraft(self.agent_name.text(), self.agent_id.text())
        return IntakeDraft(
            applicant=self._applicant_draft(),
            item_codes=codes,
            theme_code=theme,
            received=self.received(),
            requirements=self.requirements(),
            agent=agent,
            assistance=self._assistance(),
            commitment=self.commitment.toPlainText(),
            deferred_deadline=_pydate(self.deferred_deadline.date()),
            supplement_deadline=_pydate(self.supplement_deadline.date()),
            reason=self.reason.toPlainText(),
            consultation_id=self.consultation_id,
        )

    def decide(self, step: CaseEvent) -> Op[IntakeResult] | None:
        """Sends the draft to the service; the result or every error shows when it is back.

        A decided draft takes no second decision (None); a case for the same applicant and items
        accepted minutes ago is asked about first (None while the question is open)."""
        if self.result is not None:
            return None
        if step in (CaseEvent.ACCEPT, CaseEvent.ACCEPT_DEFERRED, CaseEvent.COMPLETE_AT_WINDOW):
            earlier = intake.recent_duplicate(self.ws, self.actor, self.draft())
            if earlier is not None:
                self._ask_second_case(step, earlier)
                return None
        return self._run_decision(step)

    def _ask_second_case(self, step: CaseEvent, earlier: intake.RecentCase) -> None:
        box = QMessageBox(
            QMessageBox.Icon.Question,
            self.tr("再受理一件？"),
            self.tr(
                "{when}已为该申请人受理同一事项：受理编号 {case_no}（{title}，{state}）。\n"
                "确定要再受理一件新的办件吗？"
            ).format(
                when=self.tr("{minutes} 分钟前").format(minutes=earlier.minutes_ago)
                if earlier.minutes_ago
                else self.tr("刚才"),
                case_no=earlier.case_no,
                title=earlier.title,
                state=word(earlier.state.label),
            ),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            self,
        )
        box.setObjectName("secondCaseQuestion")
        box.setDefaultButton(QMessageBox.StandardButton.No)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        button = self.decision_buttons[step]

        def answered(choice: int) -> None:
            if choice == QMessageBox.StandardButton.Yes:
                self._run_decision(step)
            else:
                button.setFocus()

        box.finished.connect(answered)
        self.second_case_question = box
        box.open()

    def _run_decision(self, step: CaseEvent) -> Op[IntakeResult]:
        run = {
            CaseEvent.ACCEPT: intake.accept,
            CaseEvent.ACCEPT_DEFERRED: intake.accept_deferred,
            CaseEvent.REQUEST_SUPPLEMENT: intake.request_supplement,
            CaseEvent.REFUSE: intake.refuse,
            CaseEvent.COMPLETE_AT_WINDOW: intake.complete_at_window,
        }[step]
        inputs = {
            "items": self.item_search,
            "id_number": self.id_number,
            "name": self.name,
            "phone": self.phone,
            "address": self.address,
            "legal_representative": self.legal_rep,
            "contact_name": self.contact,
            "agent_name": self.agent_name,
            "agent_id_number": self.agent_id,
            "materials": self.materials,
            "commitment": self.commitment,
            "deferred_deadline": self.deferred_deadline,
            "supplement_deadline": self.supplement_deadline,
            "requirements": self.materials,
            "reason": self.reason,
        }
        ws, actor, draft = self.ws, self.actor, self.draft()
        touched = [Entity.CASE] + ([Entity.CONSULTATION] if draft.consultation_id else [])
        return (
            Op(self, lambda: run(ws, actor, draft), touches=touched)
            .busy(*self.decision_buttons.values())
            .fields(self.errors, inputs)
            .success(lambda result: self._decided(result, step))
            .run()
        )

    def _decided(self, result: IntakeResult, step: CaseEvent) -> None:
        self.result = result
        for box in self.draft_boxes:
            box.setEnabled(False)
        self._show_result(result)
        self.decided.emit(result)
        kind = RatedKind.IMMEDIATE if step is CaseEvent.COMPLETE_AT_WINDOW else RatedKind.INTAKE
        self.service_finished.emit(kind.value, result.case_id, result.green_channel)

    # -- result --------------------------------------------------------------------------------
    def _result_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("办理结果"))
        box.setObjectName("resultBox")
        layout = QVBoxLayout(box)
        self.result_label = QLabel()
        self.result_label.setObjectName("resultLabel")
        self.result_label.setWordWrap(True)
        self.result_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.result_label)
        row = QHBoxLayout()
        self.print_button = QPushButton(self.tr("打印通知书(&Y)…"))
        self.print_button.setObjectName("printNoticeButton")
        self.view_button = QPushButton(self.tr("查看办件(&C)"))
        self.new_button = QPushButton(self.tr("下一位(&X)"))
        self.new_button.setObjectName("nextApplicantButton")
        # The folder that goes to the routing post gets its label at the window.
        self.label_button = QPushButton(self.tr("打印材料袋标签(&D)…"))
        self.label_button.setObjectName("printFolderLabelButton")
        self.label_button.clicked.connect(self.print_folder_label)
        for button in (self.print_button, self.label_button, self.view_button, self.new_button):
            row.addWidget(button)
        row.addStretch(1)
        layout.addLayout(row)
        self.print_button.clicked.connect(
            lambda: self.result and self.print_requested.emit(self.result.case_id)
        )
        self.view_button.clicked.connect(
            lambda: self.result and self.open_case_requested.emit(self.result.case_id)
        )
        self.new_button.clicked.connect(self.reset)
        box.setVisible(False)
        self.result_box = box
        return box

    def _show_result(self, result: IntakeResult) -> None:
        labels = {
            "accepted": self.tr("已受理"),
            "accepted_deferred": self.tr("已容缺受理"),
            "awaiting_supplement": self.tr("已一次性告知补正"),
            "refused": self.tr("已不予受理"),
            "ready_for_delivery": self.tr("已当场办结，待出件"),
        }
        text = self.tr("{decision}：受理编号 {case_no}").format(
            decision=labels.get(result.state.value, word(result.state.label)),
            case_no=result.case_no,
        )
        if result.due is not None:
            text += self.tr("，办结期限 {due}").format(due=result.due.label())
        if result.state.value == "refused":
            # Refused: nothing is to be supplied; the applicant is told why (as the notice says).
            text += self.tr("；不予受理理由：{reason}").format(reason=result.reason)
        elif result.missing:
            text += self.tr("；待补材料：{names}").format(
                names="、".join(m.name for m in result.missing)
            )
        if result.green_channel:
            text += self.tr("。♿ 绿色通道")
        self.result_label.setText(text)
        self.label_button.setVisible(result.state.value in ("accepted", "accepted_deferred"))
        self.result_box.setVisible(True)
        self.print_button.setFocus()

    def print_folder_label(self) -> Op[bytes] | None:
        """The 材料袋标签 is built (reportlab) off the GUI thread: the window keeps answering,
        the button stays pressed until the preview opens."""
        if self.result is None:
            return None
        from hall_desk.reports.routing_docs import build_folder_labels
        from hall_desk.ui.printing import open_preview

        ws, actor, case_id = self.ws, self.actor, self.result.case_id
        title = self.tr("材料袋标签 {case_no}").format(case_no=self.result.case_no)

        def show(data: bytes) -> None:
            self.label_preview = open_preview(self, ws.config.extra.get("printer"), data, title)

        def refused(exc: HallDeskError) -> None:
            say(self.general_error, f"⚠ {exc.message}", error=True)

        return (
            Op(self, lambda: build_folder_labels(ws, actor, [case_id]))
            .busy(self.label_button)
            .refused(refused)
            .success(show)
            .run()
        )

    def start_from_consultation(
        self, consultation_id: str, item_code: str = "", name: str = "", phone: str = ""
    ) -> None:
        """A question turned into an application: the consulting clerk stays first responder,
        and the name and phone taken at the consultation are already filled in."""
        self.reset()
        self.consultation_id = consultation_id
        self.name.setText(name)
        self.phone.setText(phone)
        if item_code:
            for hit in catalog.search(self.ws, item_code, limit=3):
                if hit.code == item_code:
                    found = QListWidgetItem(f"{hit.name}　[{hit.department}]　{hit.code}")
                    found.setData(KIND_ROLE, hit.kind)
                    found.setData(CODE_ROLE, hit.code)
                    self._add_item(found)
        self.general_error.setText(self.tr("由咨询转入受理：首问负责人为接待咨询的工作人员"))
        set_role(self.general_error, "")
        self.general_error.setVisible(True)

    def reset(self) -> None:
        """Clears everything for the next applicant."""
        for edit in (
            self.item_search,
            self.id_number,
            self.name,
            self.phone,
            self.address,
            self.legal_rep,
            self.contact,
            self.agent_name,
            self.agent_id,
            self.helper,
        ):
            edit.clear()
        self.chosen.clear()
        self.item_results.clear()
        self.materials.setRowCount(0)
        self.commitment.clear()
        self.reason.clear()
        self._default_deadlines()
        self.has_agent.setChecked(False)
        for box in self.flag_boxes.values():
            box.setChecked(False)
        self.kind.setCurrentIndex(0)
        self.consultation_id = None
        self.result = None
        for box in self.draft_boxes:
            box.setEnabled(True)
        self.result_box.setVisible(False)
        self.errors.clear()
        self.item_search.setFocus()


class SupplementForm(QWidget):
    """The applicant is back: find the case, tick what they brought, the case moves on."""

    received = Signal(object)
    print_requested = Signal(str)  # case id: the 受理通知书 once the materials are all in

    def __init__(self, ws: Workstation, actor: Actor, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ws = ws
        self.actor = actor
        self.case_no = ""
        self.accepted_case_id = ""
        layout = QVBoxLayout(self)
        row = QHBoxLayout()
        label = QLabel(self.tr("受理编号或证件号码(&F)："))
        self.lookup = QLineEdit()
        self.lookup.setObjectName("supplementLookup")
        self.lookup.setAccessibleName(self.tr("受理编号或证件号码"))
        self.lookup.setPlaceholderText(self.tr("扫描告知书上的条码，或输入受理编号、证件号码"))
        label.setBuddy(self.lookup)
        row.addWidget(label)
        row.addWidget(self.lookup, 1)
        layout.addLayout(row)
        self.summary = QLabel()
        self.summary.setObjectName("supplementSummary")
        self.summary.setWordWrap(True)
        layout.addWidget(self.summary)
        self.missing = QListWidget()
        self.missing.setObjectName("supplementMaterials")
        self.missing.setAccessibleName(self.tr("待补材料"))
        layout.addWidget(self.missing, 1)
        self.confirm = QPushButton(self.tr("确认收取(&C)"))
        self.confirm.setObjectName("confirmSupplementButton")
        layout.addWidget(self.confirm)
        self.message = QLabel()
        self.message.setObjectName("supplementMessage")
        self.message.setWordWrap(True)
        layout.addWidget(self.message)
        self.print_button = QPushButton(self.tr("打印受理通知书(&Y)…"))
        self.print_button.setObjectName("printAcceptanceButton")
        self.print_button.setVisible(False)
        self.print_button.clicked.connect(
            lambda: self.accepted_case_id and self.print_requested.emit(self.accepted_case_id)
        )
        layout.addWidget(self.print_button)
        self.lookup.returnPressed.connect(self.find)
        self.confirm.clicked.connect(self.submit)

    def find(self) -> Op[SupplementDue | None]:
        self.missing.clear()
        self.case_no = ""
        self.accepted_case_id = ""
        self.print_button.setVisible(False)
        ws, actor, text = self.ws, self.actor, self.lookup.text()
        return (
            Op(self, lambda: intake.awaiting_supplement(ws, actor, text))
            .busy(self.confirm)
            .refused(self._say_error)
            .success(self._show_due)
            .run()
        )

    def _show_due(self, due: SupplementDue | None) -> None:
        self.missing.clear()
        if due is None:
            self.summary.setText(self.tr("⚠ 没有找到待补正或待补齐容缺材料的办件"))
            set_role(self.summary, "fieldError")
            return
        self.case_no = due.case_no
        set_role(self.summary, "")
        self.summary.setText(
            self.tr("{case_no}　{title}　{name}（{state}）").format(
                case_no=due.case_no,
                title=due.title,
                name=due.applicant_name,
                state=word(due.state.label),
            )
        )
        for m in due.missing:
            item = QListWidgetItem(m.name)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Unchecked)
            item.setData(CODE_ROLE, m.copies)
            self.missing.addItem(item)
        self.missing.setCurrentRow(0)
        self.missing.setFocus()

    def _say_error(self, error: HallDeskError) -> None:
        self.message.setText(f"⚠ {error.message}")
        set_role(self.message, "fieldError")

    def submit(self) -> Op[IntakeResult]:
        ticked = {
            self.missing.item(i).text(): int(self.missing.item(i).data(CODE_ROLE))
            for i in range(self.missing.count())
            if self.missing.item(i).checkState() == Qt.CheckState.Checked
        }
        ws, actor, case_no = self.ws, self.actor, self.case_no
        return (
            Op(
                self,
                lambda: intake.receive_supplement(ws, actor, case_no, ticked),
                touches=[Entity.CASE],
            )
            .busy(self.confirm)
            .refused(self._say_error)
            .success(self._received)
            .run()
        )

    def _received(self, result: IntakeResult) -> None:
        set_role(self.message, "")
        if result.due is not None:
            self.message.setText(
                self.tr("材料已收齐：{case_no} 已受理，办结期限 {due}").format(
                    case_no=result.case_no, due=result.due.label()
                )
            )
        else:
            self.message.setText(
                self.tr("已登记收取，{case_no} 仍有材料待补").format(case_no=result.case_no)
            )
        self.received.emit(result)
        if result.state.value == "accepted":
            self.missing.clear()
            # Accepted now: the applicant takes the 受理通知书 home.
            self.accepted_case_id = result.case_id
            self.print_button.setVisible(True)
            self.print_button.setFocus()
        else:
            self.find()


class IntakeWorkspace(QTabWidget):
    """新受理 and 补正收件 side by side, as two tabs of the 综合受理 workspace; the tabs behind
    新受理 are built when first shown (or asked for)."""

    # case id, and the button that asked (disabled until the preview opens): the 受理通知书 of
    # a case accepted in either form
    print_requested = Signal(str, object)

    def __init__(self, ws: Workstation, actor: Actor, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ws = ws
        self.actor = actor
        self.form = IntakeForm(ws, actor)
        self.form.print_requested.connect(
            lambda case_id: self.print_requested.emit(case_id, self.form.print_button)
        )
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(self.form)
        self.scroll = scroll
        # What has the focus, and the result of a decision, are never below the fold.
        self.in_view = KeepInView(scroll)
        self.form.decided.connect(lambda _result: self.in_view.show(self.form.result_box))
        # 下一位 puts the focus back into 查找事项, at the top, which may already hold it.
        self.form.new_button.clicked.connect(lambda: self.in_view.show(self.form.item_search))
        self.addTab(scroll, self.tr("新受理"))
        self._supplement = LaterPage(self._build_supplement)
        self.addTab(self._supplement, self.tr("补正收件/容缺补齐"))
        self._returned = LaterPage(self._build_returned)
        self.addTab(self._returned, self.tr("预审退回"))

    def _build_supplement(self) -> SupplementForm:
        form = SupplementForm(self.ws, self.actor)
        form.print_requested.connect(
            lambda case_id: self.print_requested.emit(case_id, form.print_button)
        )
        return form

    def _build_returned(self) -> ReturnedFoldersPanel:
        from hall_desk.ui.returned_folders import ReturnedFoldersPanel

        panel = ReturnedFoldersPanel(self.ws, self.actor)
        panel.supplement_requested.connect(self.take_supplement)
        return panel

    @property
    def supplement(self) -> SupplementForm:
        form = self._supplement.page()
        assert isinstance(form, SupplementForm)
        return form

    @property
    def returned(self) -> ReturnedFoldersPanel:
        from hall_desk.ui.returned_folders import ReturnedFoldersPanel

        panel = self._returned.page()
        assert isinstance(panel, ReturnedFoldersPanel)
        return panel

    def take_supplement(self, case_no: str) -> None:
        """A folder back from 预审: on to 补正收件 with its number already looked up."""
        self.setCurrentWidget(self._supplement)
        self.supplement.lookup.setText(case_no)
        self.supplement.find()
