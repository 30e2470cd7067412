"""统一出件 workspace: the ready queue, pickup by the applicant or a proxy, mail, returns."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QT_TRANSLATE_NOOP, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from hall_desk.domain.catalog import DeliveryMethod
from hall_desk.domain.errors import HallDeskError
from hall_desk.domain.ratings import RatedKind
from hall_desk.domain.roles import Actor
from hall_desk.services import delivery
from hall_desk.services.delivery import DeliveryResult, MailDraft, ProxyDraft, ReadyCase
from hall_desk.services.workstation import Workstation
from hall_desk.ui.changes import Entity, Follower
from hall_desk.ui.models import ID_ROLE, Column, RowsModel
from hall_desk.ui.ops import Op
from hall_desk.ui.printing import PdfPreviewDialog, open_preview
from hall_desk.ui.widgets import error_label, say, table_view
from hall_desk.ui.words import word

QUEUE_COLUMNS: list[Column[ReadyCase]] = [
    Column(QT_TRANSLATE_NOOP("RowsModel", "绿色通道"), lambda r: r.green_text),
    Column(QT_TRANSLATE_NOOP("RowsModel", "受理编号"), lambda r: r.case_no),
    Column(QT_TRANSLATE_NOOP("RowsModel", "事项"), lambda r: r.title),
    Column(QT_TRANSLATE_NOOP("RowsModel", "申请人"), lambda r: r.applicant_name),
    Column(QT_TRANSLATE_NOOP("RowsModel", "证件号码"), lambda r: r.applicant_id_masked),
    Column(QT_TRANSLATE_NOOP("RowsModel", "结果"), lambda r: r.result),
    Column(QT_TRANSLATE_NOOP("RowsModel", "等待"), lambda r: r.waiting_text),
    Column(QT_TRANSLATE_NOOP("RowsModel", "备注"), lambda r: r.last_return),
]


def _edit(name: str, accessible: str) -> QLineEdit:
    edit = QLineEdit()
    edit.setObjectName(name)
    edit.setAccessibleName(accessible)
    return edit


class DeliveryWorkspace(QWidget):
    open_case_requested = Signal(str)
    service_finished = Signal(str, str, bool)  # (rated kind, delivery id, large print)

    def __init__(self, ws: Workstation, actor: Actor, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ws = ws
        self.actor = actor
        self.last: DeliveryResult | None = None
        self.preview: PdfPreviewDialog | None = None
        layout = QVBoxLayout(self)
        row = QHBoxLayout()
        caption = QLabel(self.tr("查找待出件(&F)："))
        self.query = _edit("deliverySearch", self.tr("查找待出件"))
        self.query.setPlaceholderText(self.tr("受理编号、条码、证件号码、电话或姓名"))
        caption.setBuddy(self.query)
        row.addWidget(caption)
        row.addWidget(self.query, 1)
        layout.addLayout(row)
        self.model = RowsModel(QUEUE_COLUMNS, lambda r: r.case_id, parent=self)
        self.table = table_view(self.model, self.tr("待出件"))
        self.table.setObjectName("readyQueue")
        layout.addWidget(self.table, 1)
        self.selected = QLabel()
        self.selected.setObjectName("selectedCase")
        layout.addWidget(self.selected)
        self.tabs = QTabWidget()
        self.tabs.addTab(self._pickup_tab(), self.tr("本人领取"))
        self.tabs.addTab(self._proxy_tab(), self.tr("代领"))
        self.tabs.addTab(self._mail_tab(), self.tr("邮寄"))
        self.tabs.addTab(self._return_tab(), self.tr("邮件退回"))
        layout.addWidget(self.tabs)
        bottom = QHBoxLayout()
        self.receipt = QPushButton(self.tr("打印签收单(&P)…"))
        self.receipt.setObjectName("printReceiptButton")
        self.receipt.setEnabled(False)
        self.receipt.clicked.connect(self.preview_receipt)
        bottom.addWidget(self.receipt)
        bottom.addStretch(1)
        from hall_desk.ui.mailing_list import MailingListBar

        self.mailing = MailingListBar(ws, actor)
        bottom.addWidget(self.mailing)
        layout.addLayout(bottom)
        self.message = error_label(self)
        layout.addWidget(self.message)
        self.query.returnPressed.connect(self.search)
        self.query.textChanged.connect(lambda _t: self.search())
        self._shown_case = ""
        self.table.selectionModel().currentRowChanged.connect(lambda *_: self._show_selected())
        self.table.activated.connect(
            lambda index: self.open_case_requested.emit(self.model.data(index, ID_ROLE))
        )
        self.search()
        # Cases concluded at the routing post or handed out at another desk show without 刷新.
        Follower(self, [Entity.CASE, Entity.SYNC], self.search)

    # -- tabs ----------------------------------------------------------------------------------
    def _form(self) -> tuple[QWidget, QFormLayout]:
        page = QWidget()
        return page, QFormLayout(page)

    def _pickup_tab(self) -> QWidget:
        page, form = self._form()
        self.presented_id = _edit("presentedId", self.tr("申请人出示的证件号码"))
        form.addRow(self.tr("出示的证件号码(&I)："), self.presented_id)
        button = QPushButton(self.tr("核验并出件(&O)"))
        button.setObjectName("pickupButton")
        self.pickup_button = button
        button.clicked.connect(lambda: self.pickup())
        self.presented_id.returnPressed.connect(lambda: self.pickup())
        form.addRow("", button)
        return page

    def _proxy_tab(self) -> QWidget:
        page, form = self._form()
        self.proxy_name = _edit("proxyName", self.tr("代领人姓名"))
        self.proxy_id = _edit("proxyId", self.tr("代领人身份证号码"))
        self.proxy_note = _edit("proxyAuthorisation", self.tr("授权依据"))
        self.proxy_note.setPlaceholderText(self.tr("如：授权委托书（申请人签字）"))
        form.addRow(self.tr("代领人姓名："), self.proxy_name)
        form.addRow(self.tr("代领人身份证号："), self.proxy_id)
        form.addRow(self.tr("授权依据："), self.proxy_note)
        button = QPushButton(self.tr("代领出件"))
        button.setObjectName("proxyButton")
        self.proxy_button = button
        button.clicked.connect(lambda: self.pickup_by_proxy())
        form.addRow("", button)
        return page

    def _mail_tab(self) -> QWidget:
        page, form = self._form()
        self.recipient = _edit("mailRecipient", self.tr("收件人"))
        self.mail_phone = _edit("mailPhone", self.tr("收件人电话"))
        self.mail_address = _edit("mailAddress", self.tr("收件地址"))
        self.carrier = QComboBox()
        self.carrier.setObjectName("carrier")
        self.carrier.setAccessibleName(self.tr("快递公司"))
        for code, label in (
            ("EMS", self.tr("中国邮政 EMS")),
            ("SF", self.tr("顺丰速运")),
            ("OTHER", self.tr("其他")),
        ):
            self.carrier.addItem(label, code)
        self.tracking = _edit("trackingNo", self.tr("运单号"))
        fill = QPushButton(self.tr("调出申请人信息"))
        fill.setObjectName("fillMailButton")
        self.fill_button = fill
        fill.clicked.connect(self.fill_mail)
        form.addRow("", fill)
        form.addRow(self.tr("收件人："), self.recipient)
        form.addRow(self.tr("电话："), self.mail_phone)
        form.addRow(self.tr("地址："), self.mail_address)
        form.addRow(self.tr("快递："), self.carrier)
        form.addRow(self.tr("运单号："), self.tracking)
        button = QPushButton(self.tr("登记邮寄(&M)"))
        button.setObjectName("mailButton")
        self.mail_button = button
        button.clicked.connect(lambda: self.send_by_mail())
        form.addRow("", button)
        return page

    def _return_tab(self) -> QWidget:
        page, form = self._form()
        self.returned_case = _edit("returnedCase", self.tr("退回邮件的受理编号"))
        self.return_reason = _edit("returnReason", self.tr("退回原因"))
        form.addRow(self.tr("受理编号："), self.returned_case)
        form.addRow(self.tr("退回原因："), self.return_reason)
        button = QPushButton(self.tr("登记退回"))
        button.setObjectName("mailReturnedButton")
        self.return_button = button
        button.clicked.connect(lambda: self.register_return())
        form.addRow("", button)
        return page

    # -- behaviour -----------------------------------------------------------------------------
    def search(self) -> None:
        try:
            rows = delivery.ready_queue(self.ws, self.actor, self.query.text())
        except HallDeskError as exc:
            self._say(f"⚠ {exc.message}", True)
            return
        self.model.set_rows(rows)
        if rows:
            self.table.selectRow(0)
        self._show_selected()

    def current(self) -> ReadyCase | None:
        index = self.table.currentIndex()
        return self.model.row_at(index.row()) if index.isValid() else None

    def _show_selected(self) -> None:
        case = self.current()
        case_id = case.case_id if case is not None else ""
        if case_id != self._shown_case:
            # Another case: the address typed or called up for the previous one must not be
            # posted to this one.
            self._shown_case = case_id
            self._clear_mail()
        if case is None:
            self.selected.setText(self.tr("（没有待出件的办件）"))
            return
        agent = (
            self.tr("；受理时代理人：{name}").format(name=case.agent_name)
            if case.agent_name
            else ""
        )
        self.selected.setText(
            self.tr("{case_no}　{name}（{id}，{phone}）　{result}{agent}").format(
                case_no=case.case_no,
                name=case.applicant_name,
                id=case.applicant_id_masked,
                phone=case.applicant_phone_masked or "—",
                result=word(case.result),
                agent=agent,
            )
        )

    def _say(self, text: str, error: bool) -> None:
        say(self.message, text, error=error)

    def _run(
        self, action: Callable[[str], DeliveryResult], busy: QWidget, after: Callable[[], None]
    ) -> Op[DeliveryResult] | None:
        case = self.current()
        if case is None:
            self._say("⚠ " + self.tr("请先在待出件中选择办件"), True)
            return None
        case_id = case.case_id
        return (
            Op(self, lambda: action(case_id), touches=[Entity.CASE])
            .busy(busy, self.table)
            .refused(self._refused)
            .success(lambda result: self._delivered(result, after))
            .run()
        )

    def _refused(self, exc: HallDeskError) -> None:
        self._say(f"⚠ {exc.message}", True)

    def _delivered(self, result: DeliveryResult, after: Callable[[], None]) -> None:
        self.last = result
        if result.method is DeliveryMethod.PICKUP:  # a posted result is not rated at the window
            self.service_finished.emit(RatedKind.DELIVERY.value, result.delivery_id, False)
        self.receipt.setEnabled(True)
        # The button names the hand-out it prints: the one just recorded.
        self.receipt.setText(self.tr("打印签收单（{case_no}）(&P)…").format(case_no=result.case_no))
        self._say(
            self.tr("已出件：{case_no}，{name}").format(
                case_no=result.case_no, name=result.recipient_name
            ),
            False,
        )
        after()

    def pickup(self) -> Op[DeliveryResult] | None:
        ws, actor, presented = self.ws, self.actor, self.presented_id.text()
        return self._run(
            lambda case_id: delivery.pickup_by_applicant(ws, actor, case_id, presented),
            self.pickup_button,
            self.presented_id.clear,
        )

    def pickup_by_proxy(self) -> Op[DeliveryResult] | None:
        ws, actor = self.ws, self.actor
        draft = ProxyDraft(self.proxy_name.text(), self.proxy_id.text(), self.proxy_note.text())
        return self._run(
            lambda case_id: delivery.pickup_by_proxy(ws, actor, case_id, draft),
            self.proxy_button,
            lambda: None,
        )

    def fill_mail(self) -> Op[MailDraft] | None:
        case = self.current()
        if case is None:
            return None
        ws, actor, case_id = self.ws, self.actor, case.case_id
        return (
            Op(self, lambda: delivery.mail_draft_for(ws, actor, case_id))
            .busy(self.fill_button)
            .refused(self._refused)
            .success(self._filled)
            .run()
        )

    def _filled(self, draft: MailDraft) -> None:
        self.recipient.setText(draft.recipient)
        self.mail_phone.setText(draft.phone)
        self.mail_address.setText(draft.address)

    def send_by_mail(self) -> Op[DeliveryResult] | None:
        ws, actor = self.ws, self.actor
        draft = MailDraft(
            recipient=self.recipient.text(),
            phone=self.mail_phone.text(),
            address=self.mail_address.text(),
            carrier=str(self.carrier.currentData()),
            tracking_no=self.tracking.text(),
        )
        return self._run(
            lambda case_id: delivery.mail(ws, actor, case_id, draft),
            self.mail_button,
            self._clear_mail,
        )

    def _clear_mail(self) -> None:
        """An empty mail form: after a mailing, and when another case is chosen."""
        for edit in (self.recipient, self.mail_phone, self.mail_address, self.tracking):
            edit.clear()
        self.carrier.setCurrentIndex(0)

    def register_return(self) -> Op[object]:
        ws, actor = self.ws, self.actor
        ref, reason = self.returned_case.text(), self.return_reason.text()
        return (
            Op(
                self,
                lambda: delivery.mail_returned(ws, actor, ref, reason),
                touches=[Entity.CASE],
            )
            .busy(self.return_button)
            .refused(self._refused)
            .success(lambda _result: self._returned())
            .run()
        )

    def _returned(self) -> None:
        self._say(self.tr("已登记退回，办件回到待出件"), False)
        self.returned_case.clear()
        self.return_reason.clear()

    def preview_receipt(self) -> Op[bytes] | None:
        """The 签收单 is built (reportlab) off the GUI thread: the desk keeps answering, the
        button stays pressed until the preview opens."""
        if self.last is None:
            return None
        from hall_desk.reports.routing_docs import build_pickup_receipt

        ws, actor, delivery_id = self.ws, self.actor, self.last.delivery_id
        title = self.tr("领取签收单 {case_no}").format(case_no=self.last.case_no)

        def show(data: bytes) -> None:
            self.preview = open_preview(self, ws.config.extra.get("printer"), data, title)

        return (
            Op(self, lambda: build_pickup_receipt(ws, actor, delivery_id))
            .busy(self.receipt)
            .refused(self._refused)
            .success(show)
            .run()
        )
