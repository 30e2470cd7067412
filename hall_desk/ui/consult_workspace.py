"""咨询登记 workspace: log a question in seconds; recent topics are one keystroke away."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QButtonGroup,
    QDialog,
    QFormLayout,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QRadioButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from hall_desk.domain.ratings import RatedKind
from hall_desk.domain.roles import Actor
from hall_desk.services import catalog, consultations
from hall_desk.services.consultations import (
    Channel,
    ConsultationDraft,
    LoggedConsultation,
    Outcome,
)
from hall_desk.services.workstation import Workstation
from hall_desk.ui.changes import Entity, Follower
from hall_desk.ui.models import Column, RowsModel
from hall_desk.ui.ops import Op
from hall_desk.ui.widgets import FieldErrors, KeepInView, error_label, table_view
from hall_desk.ui.words import word

CODE_ROLE = Qt.ItemDataRole.UserRole + 2


def _outcome(c: LoggedConsultation) -> str:
    if c.outcome == Outcome.GUIDED and c.guided_window:
        return f"{word(c.outcome.label)}：{c.guided_window}"
    return word(c.outcome.label)


TODAY_COLUMNS: list[Column[LoggedConsultation]] = [
    Column(QT_TRANSLATE_NOOP("RowsModel", "时间"), lambda c: c.time),
    Column(QT_TRANSLATE_NOOP("RowsModel", "咨询内容"), lambda c: c.topic),
    Column(QT_TRANSLATE_NOOP("RowsModel", "渠道"), lambda c: word(c.channel.label)),
    Column(QT_TRANSLATE_NOOP("RowsModel", "处理结果"), _outcome),
    Column(QT_TRANSLATE_NOOP("RowsModel", "咨询人"), lambda c: c.applicant_name),
    Column(QT_TRANSLATE_NOOP("RowsModel", "联系电话"), lambda c: c.phone_masked),
    Column(QT_TRANSLATE_NOOP("RowsModel", "登记人"), lambda c: c.clerk_name),
    Column(QT_TRANSLATE_NOOP("RowsModel", "备注"), lambda c: c.note),
]
# The service names the changed fields; the message says them in words.
FIELD_LABELS = {
    "topic": QT_TRANSLATE_NOOP("ConsultWorkspace", "咨询内容"),
    "channel": QT_TRANSLATE_NOOP("ConsultWorkspace", "渠道"),
    "outcome": QT_TRANSLATE_NOOP("ConsultWorkspace", "处理结果"),
    "guided_window": QT_TRANSLATE_NOOP("ConsultWorkspace", "引导窗口"),
    "applicant_name": QT_TRANSLATE_NOOP("ConsultWorkspace", "咨询人"),
    "phone": QT_TRANSLATE_NOOP("ConsultWorkspace", "联系电话"),
    "note": QT_TRANSLATE_NOOP("ConsultWorkspace", "备注"),
}
TOPICS_PER_LINE = 3
TOPIC_SHOWN = 12  # characters of a recent topic on its button: three fit 1200 px at 150 %


class ConsultWorkspace(QWidget):
    """Emits `to_intake(consultation_id, item_code, name, phone)` when the question becomes an
    application: whatever the person already told the clerk is not asked again."""

    to_intake = Signal(str, str, str, str)
    service_finished = Signal(str, str, bool)  # (rated kind, consultation id, large print)

    def __init__(self, ws: Workstation, actor: Actor, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ws = ws
        self.actor = actor
        self.item_code: str | None = None
        self.last_logged: str | None = None
        # The form and the day's list scroll together when the text is large; the field with
        # the focus is kept in view.
        shell = QVBoxLayout(self)
        shell.setContentsMargins(0, 0, 0, 0)
        self.scroll = QScrollArea()
        self.scroll.setWidgetResizable(True)
        self.scroll.setFrameShape(QFrame.Shape.NoFrame)
        content = QWidget()
        self.scroll.setWidget(content)
        shell.addWidget(self.scroll)
        outer = QVBoxLayout(content)
        title = QLabel(self.tr("咨询登记"))
        title.setProperty("role", "pageTitle")
        outer.addWidget(title)
        self.recent_label = QLabel(self.tr("常用主题（Alt+1…9 直接填入）："))
        outer.addWidget(self.recent_label)
        # Three to a line, each at most TOPIC_SHOWN characters (the whole topic in its
        # tooltip): nine long topics in one row made the window wider than the screen.
        self.recent_row = QGridLayout()
        outer.addLayout(self.recent_row)
        self.recent_buttons: list[QPushButton] = []
        form = QFormLayout()
        outer.addLayout(form)
        self.error_labels: dict[str, QLabel] = {}

        def row(name: str, label: str, widget: QWidget, accessible: str) -> None:
            widget.setObjectName(name)
            widget.setAccessibleName(accessible)
            caption = QLabel(label)
            caption.setBuddy(widget)
            form.addRow(caption, widget)
            err = error_label(self)
            form.addRow("", err)
            self.error_labels[name] = err

        self.topic = QLineEdit()
        self.topic.setPlaceholderText(self.tr("咨询内容，或输入事项名称/拼音首字母后从下方选择"))
        row("topic", self.tr("咨询内容(&Q)："), self.topic, self.tr("咨询内容"))
        self.item_hits = QListWidget()
        self.item_hits.setObjectName("consultItemHits")
        self.item_hits.setAccessibleName(self.tr("相关事项"))
        self.item_hits.setMaximumHeight(90)
        form.addRow("", self.item_hits)
        self.channels = self._radios(
            form,
            self.tr("渠道："),
            [
                (Channel.ONSITE, self.tr("现场(&X)")),
                (Channel.PHONE, self.tr("电话(&D)")),
                (Channel.OTHER, self.tr("其他(&E)")),
            ],
        )
        self.outcomes = self._radios(
            form,
            self.tr("处理结果："),
            [
                (Outcome.ANSWERED, self.tr("已解答(&J)")),
                (Outcome.GUIDED, self.tr("引导至窗口(&Y)")),
                (Outcome.TO_INTAKE, self.tr("转入受理(&Z)")),
            ],
        )
        self.guided_window = QLineEdit()
        row("guided_window", self.tr("引导到的窗口："), self.guided_window, self.tr("引导到的窗口"))
        self.applicant_name = QLineEdit()
        row(
            "applicant_name",
            self.tr("咨询人（可不填）："),
            self.applicant_name,
            self.tr("咨询人姓名"),
        )
        self.phone = QLineEdit()
        row("phone", self.tr("联系电话（可不填）："), self.phone, self.tr("咨询人联系电话"))
        self.note = QLineEdit()
        row("note", self.tr("备注："), self.note, self.tr("备注"))
        buttons = QHBoxLayout()
        self.save_button = QPushButton(self.tr("登记(&S)  Ctrl+Enter"))
        self.save_button.setObjectName("logConsultationButton")
        buttons.addWidget(self.save_button)
        buttons.addStretch(1)
        outer.addLayout(buttons)
        self.general_error = error_label(self)
        outer.addWidget(self.general_error)
        self.message = QLabel()
        self.message.setObjectName("consultMessage")
        outer.addWidget(self.message)
        outer.addLayout(self._today_box(), 1)
        self.in_view = KeepInView(self.scroll)
        self.errors = FieldErrors(self.error_labels, self.general_error, self)
        self.topic.textEdited.connect(self._search_items)
        self.topic.returnPressed.connect(self._take_first_item)
        self.item_hits.itemActivated.connect(self._take_item)
        self.save_button.clicked.connect(self.log)
        QShortcut(QKeySequence("Ctrl+Return"), self, activated=self.log)
        QShortcut(QKeySequence("Ctrl+Enter"), self, activated=self.log)
        self.refresh_recent()
        self.refresh_today()
        Follower(self, [Entity.CONSULTATION], self.refresh_recent)
        Follower(self.today_table, [Entity.CONSULTATION], self.refresh_today)

    # -- the day's consultations, for review and correction -----------------------------------
    def _today_box(self) -> QVBoxLayout:
        box = QVBoxLayout()
        head = QHBoxLayout()
        self.today_label = QLabel()
        self.today_label.setObjectName("todayLabel")
        head.addWidget(self.today_label)
        head.addStretch(1)
        self.correct_button = QPushButton(self.tr("更正所选(&G)…"))
        self.correct_button.setObjectName("correctConsultationButton")
        self.correct_button.clicked.connect(lambda: self.correct_selected())
        head.addWidget(self.correct_button)
        box.addLayout(head)
        self.today_model = RowsModel(TODAY_COLUMNS, lambda c: c.id, parent=self)
        self.today_table = table_view(self.today_model, self.tr("今日咨询"))
        self.today_table.setObjectName("todayConsultations")
        self.today_table.setMinimumHeight(200)
        # Enter or a double click on a line corrects it.
        self.today_table.activated.connect(lambda _index: self.correct_selected())
        self.today_label.setBuddy(self.today_table)
        box.addWidget(self.today_table, 1)
        self.today_error = error_label(self)
        box.addWidget(self.today_error)
        return box

    def refresh_today(self) -> None:
        rows = consultations.consultations_on(self.ws, self.actor, self.ws.today())
        self.today_model.set_rows(rows)
        whose = (
            self.tr("今日咨询（全部，{n} 条）")
            if consultations.may_correct_any(self.actor)
            else self.tr("本人今日咨询（{n} 条）")
        )
        self.today_label.setText(whose.format(n=len(rows)) + self.tr("，选中后按回车更正："))
        self.correct_button.setEnabled(bool(rows))

    def correct_selected(self) -> QDialog | None:
        from hall_desk.ui.consult_correction import CorrectConsultationDialog

        index = self.today_table.currentIndex()
        if not index.isValid():
            self.today_error.setText(self.tr("⚠ 请先在列表中选择一条咨询"))
            self.today_error.setVisible(True)
            return None
        self.today_error.setVisible(False)
        logged = self.today_model.row_at(index.row())
        dialog = CorrectConsultationDialog(self.ws, self.actor, logged, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(lambda: self._corrected(dialog.logged, dialog.changed))
        self.correction = dialog
        dialog.open()
        return dialog

    def _corrected(self, logged: LoggedConsultation, changed: list[str]) -> None:
        names = "、".join(
            QCoreApplication.translate("ConsultWorkspace", FIELD_LABELS[f])
            for f in changed
            if f in FIELD_LABELS
        )
        self.message.setText(
            self.tr("已更正 {time} 的咨询：{fields}").format(time=logged.time, fields=names)
        )
        self.today_table.setFocus()

    def _radios(
        self, form: QFormLayout, label: str, options: list[tuple[str, str]]
    ) -> QButtonGroup:
        group = QButtonGroup(self)
        row = QHBoxLayout()
        for index, (value, text) in enumerate(options):
            radio = QRadioButton(text)
            radio.setObjectName(f"radio_{value}")
            radio.setProperty("value", str(value))
            radio.setChecked(index == 0)
            group.addButton(radio)
            row.addWidget(radio)
        row.addStretch(1)
        form.addRow(QLabel(label), row)
        return group

    @staticmethod
    def _checked(group: QButtonGroup) -> str:
        button = group.checkedButton()
        return str(button.property("value")) if button is not None else ""

    def refresh_recent(self) -> None:
        for button in self.recent_buttons:
            button.deleteLater()
        self.recent_buttons = []
        for index, topic in enumerate(
            consultations.recent_topics(self.ws, self.actor.username), start=1
        ):
            shown = topic if len(topic) <= TOPIC_SHOWN else topic[: TOPIC_SHOWN - 1] + "…"
            button = QPushButton(f"&{index} {shown}" if index <= 9 else shown)
            button.setToolTip(topic)
            button.setObjectName(f"recentTopic{index}")
            button.clicked.connect(lambda _=False, t=topic: self.use_topic(t))
            row, col = divmod(index - 1, TOPICS_PER_LINE)
            self.recent_row.addWidget(button, row, col)
            self.recent_buttons.append(button)
        self.recent_label.setVisible(bool(self.recent_buttons))

    def use_topic(self, topic: str) -> None:
        self.topic.setText(topic)
        self.item_code = None
        self.topic.setFocus()

    def _search_items(self, text: str) -> None:
        self.item_code = None
        self.item_hits.clear()
        if len(text.strip()) < 2:
            return
        for hit in catalog.search(self.ws, text, limit=6):
            if hit.kind != "item":
                continue
            item = QListWidgetItem(f"{hit.name}　[{hit.department}]")
            item.setData(CODE_ROLE, hit.code)
            item.setData(Qt.ItemDataRole.UserRole, hit.name)
            self.item_hits.addItem(item)

    def _take_first_item(self) -> None:
        if self.item_hits.count():
            self._take_item(self.item_hits.item(0))

    def _take_item(self, item: QListWidgetItem) -> None:
        self.topic.setText(str(item.data(Qt.ItemDataRole.UserRole)))
        self.item_code = str(item.data(CODE_ROLE))
        self.item_hits.clear()

    def log(self) -> Op[str]:
        draft = ConsultationDraft(
            topic=self.topic.text(),
            item_code=self.item_code,
            channel=self._checked(self.channels),
            outcome=self._checked(self.outcomes),
            guided_window=self.guided_window.text(),
            applicant_name=self.applicant_name.text(),
            phone=self.phone.text(),
            note=self.note.text(),
        )
        ws, actor = self.ws, self.actor
        return (
            Op(
                self,
                lambda: consultations.log_consultation(ws, actor, draft),
                touches=[Entity.CONSULTATION],
            )
            .busy(self.save_button)
            .fields(
                self.errors,
                {"topic": self.topic, "phone": self.phone, "guided_window": self.guided_window},
            )
            .success(lambda consultation_id: self._logged(draft, consultation_id))
            .run()
        )

    def _logged(self, draft: ConsultationDraft, consultation_id: str) -> None:
        self.last_logged = consultation_id
        self.service_finished.emit(RatedKind.CONSULTATION.value, consultation_id, False)
        self.message.setText(
            self.tr("已登记：{topic}").format(topic=draft.topic or self.topic.text())
        )
        for edit in (self.topic, self.guided_window, self.applicant_name, self.phone, self.note):
            edit.clear()
        self.item_code = None
        self.topic.setFocus()
        if draft.outcome == Outcome.TO_INTAKE:
            self.to_intake.emit(
                consultation_id, draft.item_code or "", draft.applicant_name, draft.phone
            )
