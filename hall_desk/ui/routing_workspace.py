"""材料流转 workspace: scan folders into a running list, move them in one batch with a 交接单,
pre-review returns, and the board of where every folder is."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt, Signal
from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from hall_desk.domain.errors import HallDeskError
from hall_desk.domain.roles import Actor
from hall_desk.services import routing
from hall_desk.services.routing import (
    BatchResult,
    BoardPage,
    BoardRow,
    Decision,
    LineResult,
    Move,
    ReturnResult,
)
from hall_desk.services.workstation import Workstation
from hall_desk.ui.changes import Entity, Follower
from hall_desk.ui.models import ID_ROLE, Column, PagedRowsModel
from hall_desk.ui.ops import Op
from hall_desk.ui.printing import PdfPreviewDialog, open_preview
from hall_desk.ui.widgets import error_label, say, table_view
from hall_desk.ui.words import word

CASE_ROLE = Qt.ItemDataRole.UserRole + 3
DENIED_ROLE = Qt.ItemDataRole.UserRole + 4
BATCH_MOVES = [Move.COLLECT, Move.PASS, Move.DISPATCH, Move.RECEIVE_BACK, Move.TO_DELIVERY]

BOARD_COLUMNS: list[Column[BoardRow]] = [
    Column(QT_TRANSLATE_NOOP("RowsModel", "期限"), lambda r: r.flag_text),
    Column(QT_TRANSLATE_NOOP("RowsModel", "绿色通道"), lambda r: r.green_text),
    Column(QT_TRANSLATE_NOOP("RowsModel", "受理编号"), lambda r: r.case_no),
    Column(QT_TRANSLATE_NOOP("RowsModel", "事项"), lambda r: r.title),
    Column(QT_TRANSLATE_NOOP("RowsModel", "所在位置"), lambda r: word(r.station_label)),
    Column(QT_TRANSLATE_NOOP("RowsModel", "停留"), lambda r: r.dwell_text),
    Column(QT_TRANSLATE_NOOP("RowsModel", "办结期限"), lambda r: r.due_date),
    Column(QT_TRANSLATE_NOOP("RowsModel", "状态"), lambda r: word(r.state_label)),
    # 联办 only: a case of one department needs no such column to say where it goes.
    Column(
        QT_TRANSLATE_NOOP("RowsModel", "待审批部门"),
        lambda r: "、".join(r.outstanding) if len(r.departments) > 1 else "",
    ),
]


class ScanPanel(QWidget):
    """The running list: a scanner types a number and Enter; bad lines are refused aloud."""

    open_case_requested = Signal(str)

    def __init__(self, ws: Workstation, actor: Actor, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ws = ws
        self.actor = actor
        self.last: BatchResult | None = None
        self.preview: PdfPreviewDialog | None = None
        layout = QVBoxLayout(self)
        form = QFormLayout()
        self.move = QComboBox()
        self.move.setObjectName("moveCombo")
        self.move.setAccessibleName(self.tr("流转环节"))
        for move in BATCH_MOVES:
            self.move.addItem(word(move.label), move.value)
        form.addRow(self.tr("环节(&M)："), self.move)
        self.department = QComboBox()
        self.department.setObjectName("departmentCombo")
        self.department.setAccessibleName(self.tr("审批部门"))
        self.department.addItems(routing.departments(ws))
        form.addRow(self.tr("审批部门(&D)："), self.department)
        self.person = QLineEdit()
        self.person.setObjectName("personEdit")
        self.person.setAccessibleName(self.tr("交接人"))
        form.addRow(self.tr("交接人(&P)："), self.person)
        layout.addLayout(form)
        row = QHBoxLayout()
        caption = QLabel(self.tr("扫码或输入受理编号(&S)："))
        self.scan = QLineEdit()
        self.scan.setObjectName("scanEdit")
        self.scan.setAccessibleName(self.tr("扫码或输入受理编号"))
        caption.setBuddy(self.scan)
        row.addWidget(caption)
        row.addWidget(self.scan, 1)
        layout.addLayout(row)
        self.lines = QListWidget()
        self.lines.setObjectName("scanList")
        self.lines.setAccessibleName(self.tr("本批材料袋"))
        layout.addWidget(self.lines, 1)
        buttons = QHBoxLayout()
        self.deny_reason = QLineEdit()
        self.deny_reason.setObjectName("denyReason")
        self.deny_reason.setAccessibleName(self.tr("不予许可理由"))
        self.deny_reason.setPlaceholderText(self.tr("不予许可理由（接收审批结果时）"))
        deny = QPushButton(self.tr("所选为不予许可(&N)"))
        deny.setObjectName("denySelectedButton")
        remove = QPushButton(self.tr("移出所选(&R)"))
        remove.setObjectName("removeLineButton")
        self.confirm = QPushButton(self.tr("确认本批(&C)"))
        self.confirm.setObjectName("confirmBatchButton")
        self.print_sheet = QPushButton(self.tr("打印交接单(&J)…"))
        self.print_sheet.setObjectName("printSheetButton")
        self.print_sheet.setEnabled(False)
        for widget in (self.deny_reason, deny, remove, self.confirm, self.print_sheet):
            buttons.addWidget(widget)
        layout.addLayout(buttons)
        self.message = error_label(self)
        layout.addWidget(self.message)
        self.scan.returnPressed.connect(self.add_scan)
        # The person signing differs by department: each one's is remembered, not carried over.
        self._people: dict[tuple[str, str], str] = {}
        self._person_key = self._handover_key()
        self.move.currentIndexChanged.connect(self._move_changed)
        self.department.currentIndexChanged.connect(lambda _i: self._propose_person())
        deny.clicked.connect(self.deny_selected)
        remove.clicked.connect(lambda: self.lines.takeItem(self.lines.currentRow()))
        self.confirm.clicked.connect(self.confirm_batch)
        self.print_sheet.clicked.connect(self.preview_sheet)
        self.lines.itemActivated.connect(
            lambda item: self.open_case_requested.emit(item.data(CASE_ROLE))
        )
        self._pending: list[str] = []
        self._checking = False
        self._move_changed()

    def current_move(self) -> Move:
        return Move(self.move.currentData())

    def _move_changed(self) -> None:
        move = self.current_move()
        self.department.setEnabled(move in (Move.DISPATCH, Move.RECEIVE_BACK))
        self.deny_reason.setEnabled(move == Move.RECEIVE_BACK)
        self.lines.clear()
        self.message.setVisible(False)
        self._propose_person()

    def _handover_key(self) -> tuple[str, str]:
        move = self.current_move()
        by_department = move in (Move.DISPATCH, Move.RECEIVE_BACK)
        return move.value, self.department.currentText() if by_department else ""

    def _propose_person(self) -> None:
        """The 交接人 last signed for this move and department, or empty: the receiver of one
        department must never be printed on another's 交接单."""
        key = self._handover_key()
        if key == self._person_key:
            return
        typed = self.person.text().strip()
        if typed:
            self._people[self._person_key] = typed
        self._person_key = key
        self.person.setText(self._people.get(key, ""))

    def listed(self) -> list[str]:
        """The case numbers of the batch (refused lines stay in the list but are not in it)."""
        found = (self.lines.item(i).data(ID_ROLE) for i in range(self.lines.count()))
        return [ref for ref in found if ref]

    def add_scan(self) -> None:
        """Queues what the scanner typed: the scan field stays open for the next folder."""
        text = self.scan.text().strip()
        self.scan.clear()
        if not text:
            return
        self._pending.append(text)
        if not self._checking:
            self._check_next()

    def _check_next(self) -> None:
        if not self._pending:
            self._checking = False
            return
        self._checking = True
        text = self._pending.pop(0)
        ws, actor, move = self.ws, self.actor, self.current_move()
        department, listed = self.department.currentText(), self.listed()
        (
            Op(
                self,
                lambda: routing.check_scan(
                    ws, actor, move, text, department=department, listed=listed
                ),
            )
            .busy(self.confirm)
            .refused(lambda exc: self._refuse_scan(exc.message))
            .success(self._scanned)
            .always(self._check_next)
            .run()
        )

    def _refuse_scan(self, message: str) -> None:
        # Said aloud: a sound and a message; the refusal stays as its own line, so a fast run of
        # scans keeps every one (the message below only shows the latest).
        QApplication.beep()
        item = QListWidgetItem("✖ " + message)
        item.setData(ID_ROLE, "")
        item.setData(CASE_ROLE, "")
        item.setData(DENIED_ROLE, "")
        self.lines.addItem(item)
        self.lines.scrollToItem(item)
        self._say("✖ " + message, True)

    def _scanned(self, result: LineResult) -> None:
        if not result.ok and self._follow_department(result):
            return
        if not result.ok:
            self._refuse_scan(result.message)
            return
        item = QListWidgetItem("✓ " + result.message)
        item.setData(ID_ROLE, result.case_no)
        item.setData(CASE_ROLE, result.case_id)
        item.setData(DENIED_ROLE, "")
        self.lines.addItem(item)
        self.lines.setCurrentItem(item)
        text = self.tr("已加入：{case_no}（本批 {n} 件）").format(
            case_no=result.case_no, n=len(self.listed())
        )
        if self.current_move() == Move.DISPATCH:  # the department may have followed the folder
            text += self.tr("，移交「{department}」").format(
                department=self.department.currentText()
            )
        self._say(text, False)

    def _follow_department(self, result: LineResult) -> bool:
        """The first folder of a dispatch batch chooses the department: a folder of several
        departments goes to the next one it still needs, in the catalog's order."""
        if self.current_move() != Move.DISPATCH or self.listed() or not result.outstanding:
            return False
        target = result.outstanding[0]
        index = self.department.findText(target)
        if index < 0 or target == self.department.currentText():
            return False
        self.department.setCurrentIndex(index)
        self._pending.insert(0, result.ref)
        self._say(self.tr("审批部门已改为「{department}」").format(department=target), False)
        return True

    def deny_selected(self) -> None:
        item = self.lines.currentItem()
        if item is None or not item.data(ID_ROLE):
            return
        reason = self.deny_reason.text().strip()
        if not reason:
            self._say("⚠ " + self.tr("请先填写不予许可理由"), True)
            return
        item.setData(DENIED_ROLE, reason)
        item.setText(
            self.tr("✖ 不予许可：{case_no}（{reason}）").format(
                case_no=item.data(ID_ROLE), reason=reason
            )
        )

    def _say(self, text: str, error: bool) -> None:
        say(self.message, text, error=error)

    def confirm_batch(self) -> Op[BatchResult] | None:
        refs = self.listed()
        if not refs:
            self._say("⚠ " + self.tr("本批还没有材料袋"), True)
            return None
        ws, actor = self.ws, self.actor
        move = self.current_move()
        person = self.person.text()
        department = self.department.currentText()
        items = [self.lines.item(i) for i in range(self.lines.count())]
        decisions = [
            Decision(
                item.data(ID_ROLE),
                approved=not item.data(DENIED_ROLE),
                reason=str(item.data(DENIED_ROLE) or ""),
            )
            for item in items
            if item.data(ID_ROLE)
        ]

        def work() -> BatchResult:
            if move == Move.COLLECT:
                return routing.collect(ws, actor, refs, giver=person)
            if move == Move.PASS:
                return routing.pass_prereview(ws, actor, refs)
            if move == Move.DISPATCH:
                return routing.dispatch(ws, actor, department, refs, receiver=person)
            if move == Move.RECEIVE_BACK:
                return routing.receive_back(ws, actor, department, decisions, giver=person)
            return routing.send_to_delivery(ws, actor, refs, receiver=person)

        def refused(exc: HallDeskError) -> None:
            QApplication.beep()
            self._say(f"⚠ {exc.message}", True)

        return (
            Op(self, work, touches=[Entity.CASE])
            .busy(self.confirm, self.lines, self.move)
            .refused(refused)
            .success(lambda result: self._confirmed(move, result))
            .run()
        )

    def _confirmed(self, move: Move, result: BatchResult) -> None:
        self.last = result
        if result.sheet is not None and self.person.text().strip():
            self._people[self._person_key] = self.person.text().strip()
        refused = "；".join(f"{x.ref}：{x.message}" for x in result.refused)
        text = self.tr("{move}：{n} 件已办理").format(move=word(move.label), n=len(result.moved))
        if result.sheet is not None:
            text += self.tr("，交接单 {no}").format(no=result.sheet.sheet_no)
        onward = "；".join(f"{x.case_no} {x.message}" for x in result.moved if x.outstanding)
        if onward:  # 联办: the folders that go on to their next department
            text += self.tr("；{lines}").format(lines=onward)
        if refused:
            text += self.tr("；未办理：{lines}").format(lines=refused)
        self._say(text, bool(refused))
        self.lines.clear()
        self.print_sheet.setEnabled(result.sheet is not None)

    def preview_sheet(self) -> Op[bytes] | None:
        """The 交接单 is built (reportlab) off the GUI thread: the post keeps answering, the
        button stays pressed until the preview opens."""
        if self.last is None or self.last.sheet is None:
            return None
        from hall_desk.reports.routing_docs import build_handover_sheet

        ws, actor, sheet = self.ws, self.actor, self.last.sheet
        title = self.tr("交接单 {no}").format(no=sheet.sheet_no)

        def show(data: bytes) -> None:
            self.preview = open_preview(self, ws.config.extra.get("printer"), data, title)

        return (
            Op(self, lambda: build_handover_sheet(ws, actor, sheet.id))
            .busy(self.print_sheet)
            .refused(lambda exc: self._say(f"⚠ {exc.message}", True))
            .success(show)
            .run()
        )


class ReturnPanel(QGroupBox):
    """预审 finds a problem: the folder goes back to the window, the clock pauses."""

    def __init__(self, ws: Workstation, actor: Actor, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("预审退回补正"), parent)
        self.ws = ws
        self.actor = actor
        form = QFormLayout(self)
        self.case_ref = QLineEdit()
        self.case_ref.setObjectName("returnCase")
        self.case_ref.setAccessibleName(self.tr("退回的受理编号"))
        self.reasons = QLineEdit()
        self.reasons.setObjectName("returnReasons")
        self.reasons.setAccessibleName(self.tr("退回原因"))
        form.addRow(self.tr("受理编号："), self.case_ref)
        form.addRow(self.tr("退回原因："), self.reasons)
        button = QPushButton(self.tr("退回窗口(&B)"))
        button.setObjectName("returnButton")
        button.clicked.connect(self.submit)
        self.button = button
        form.addRow("", button)
        self.message = error_label(self)
        form.addRow("", self.message)

    def submit(self) -> Op[ReturnResult]:
        ws, actor = self.ws, self.actor
        ref, reasons = self.case_ref.text(), self.reasons.text()
        return (
            Op(
                self,
                lambda: routing.return_for_supplement(ws, actor, ref, reasons),
                touches=[Entity.CASE],
            )
            .busy(self.button)
            .refused(lambda exc: self._say(f"⚠ {exc.message}", True))
            .success(self._returned)
            .run()
        )

    def _say(self, text: str, error: bool) -> None:
        say(self.message, text, error=error)

    def _returned(self, result: ReturnResult) -> None:
        self._say(
            self.tr("{case_no} 已退回 {window}，补正期限 {deadline}").format(
                case_no=result.case_no,
                window=result.window or result.clerk,
                deadline=result.supplement_deadline.isoformat(),
            ),
            False,
        )
        self.case_ref.clear()
        self.reasons.clear()


class BoardPanel(QWidget):
    """Where every folder is, how long it has been there, and how close its deadline is."""

    open_case_requested = Signal(str)
    PAGE = routing.PAGE_ROWS  # rows read at a time

    def __init__(self, ws: Workstation, actor: Actor, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ws = ws
        self.actor = actor
        layout = QVBoxLayout(self)
        row = QHBoxLayout()
        self.flagged = QCheckBox(self.tr("只看超期和临近期限(&F)"))
        self.flagged.setObjectName("flaggedOnly")
        caption = QLabel(self.tr("审批部门(&D)："))
        self.department = QComboBox()
        self.department.setObjectName("boardDepartment")
        self.department.setAccessibleName(self.tr("按审批部门筛选"))
        self.department.addItem(self.tr("全部部门"), "")
        for name in routing.departments(ws):
            self.department.addItem(name, name)
        caption.setBuddy(self.department)
        refresh = QPushButton(self.tr("刷新(&R)"))
        refresh.setObjectName("boardRefreshButton")
        # Neither a long department name nor the summary may widen the window: at 150 % on
        # 1366×768 the board must fit beside the rail.
        self.department.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.department.setMinimumContentsLength(10)
        self.summary = QLabel()
        self.summary.setObjectName("boardSummary")
        self.summary.setWordWrap(True)
        row.addWidget(caption)
        row.addWidget(self.department)
        row.addWidget(self.flagged)
        row.addWidget(refresh)
        row.addWidget(self.summary, 1)
        layout.addLayout(row)
        # A page at a time, read off the GUI thread: the first screen costs the same with
        # fifty folders out or fifty thousand.
        self.model = PagedRowsModel(
            BOARD_COLUMNS, lambda r: r.case_id, self._fetch_page, parent=self
        )
        self.table = table_view(self.model, self.tr("材料袋位置"))
        # Sized once to the first page, not to every row as pages arrive.
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self._sized = False
        self._generation = 0
        self.table.activated.connect(
            lambda index: self.open_case_requested.emit(self.model.data(index, ID_ROLE))
        )
        layout.addWidget(self.table, 1)
        refresh.clicked.connect(self.refresh)
        self.flagged.toggled.connect(lambda _on: self.refresh())
        self.department.currentIndexChanged.connect(lambda _i: self.refresh())
        self.refresh()
        # Folders moved anywhere (this desk, intake, delivery, a sync) show without 刷新.
        Follower(self, [Entity.CASE, Entity.SYNC], self.refresh)

    def _read(self, offset: int) -> Op[BoardPage]:
        ws, actor = self.ws, self.actor
        department = str(self.department.currentData() or "")
        flagged = self.flagged.isChecked()
        generation, limit = self._generation, self.PAGE

        def shown(page: BoardPage) -> None:
            if generation != self._generation:
                return  # the filters changed, or a newer refresh is on its way
            if offset == 0:
                self._show_first(page, department)
            else:
                self.model.add_page(page.offset, page.rows)

        def done() -> None:
            if generation == self._generation:
                self.model.loading = False

        return (
            Op(
                self,
                lambda: routing.board_page(
                    ws,
                    actor,
                    involving=department or None,
                    flagged_only=flagged,
                    offset=offset,
                    limit=limit,
                ),
            )
            .success(shown)
            .always(done)
            .run()
        )

    def refresh(self) -> Op[BoardPage]:
        """Reads the board's first page again (and its counts); later pages follow the scroll."""
        self._generation += 1
        self.model.loading = True  # no page of the old list while the new one is read
        return self._read(0)

    def _fetch_page(self, offset: int) -> None:
        self._read(offset)

    def _show_first(self, page: BoardPage, department: str) -> None:
        self.model.set_first_page(page.rows, page.total)
        if not self._sized and page.rows:
            self.table.resizeColumnsToContents()
            self._sized = True
        text = self.tr("共 {n} 件在途：已超期 {overdue} 件，临近期限 {near} 件").format(
            n=page.total, overdue=page.overdue, near=page.near
        )
        if department:
            text = self.tr("{department}的办件：").format(department=department) + text
        self.summary.setText(text)


class RoutingWorkspace(QTabWidget):
    def __init__(self, ws: Workstation, actor: Actor, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.scan = ScanPanel(ws, actor)
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.addWidget(self.scan, 1)
        self.returns = ReturnPanel(ws, actor)
        layout.addWidget(self.returns)
        self.addTab(page, self.tr("扫码交接"))
        self.board = BoardPanel(ws, actor)
        self.addTab(self.board, self.tr("材料袋位置"))
        # Reprints and folder labels: fresh on every visit.
        from hall_desk.ui.routing_papers import SheetsPanel

        self.papers = SheetsPanel(ws, actor)
        self.addTab(self.papers, self.tr("交接单与标签"))
        self.currentChanged.connect(
            lambda i: self.widget(i) is self.papers and self.papers.refresh()
        )
