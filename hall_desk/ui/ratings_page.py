"""好差评 for the people who answer for it: the team lead's list of a period's ratings (raters
masked, an audited reveal, appeals to review), and a staff member's own counts and 差评 to appeal.

The staff member rated never sees who rated: their page shows counts and what was rated only.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QDate
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from hall_desk.domain.errors import HallDeskError
from hall_desk.domain.ratings import LEVELS_HIGH_TO_LOW, AppealState, LevelCounts
from hall_desk.domain.roles import Actor
from hall_desk.services import ratings
from hall_desk.services.ratings import RatingFigures, RatingView, StaffRatingCounts
from hall_desk.services.workstation import Workstation
from hall_desk.ui.changes import Entity, Follower
from hall_desk.ui.models import Column, RowsModel
from hall_desk.ui.ops import Op
from hall_desk.ui.widgets import FieldErrors, error_label, table_view
from hall_desk.ui.words import comma, ratio, word


def _level(v: RatingView) -> str:
    return word(v.level.label if v.level is not None else v.state.label)


def _appeal(v: RatingView) -> str:
    return word(v.appeal.label) if v.appeal is not AppealState.NONE else ""


LEAD_COLUMNS: list[Column[RatingView]] = [
    Column(QT_TRANSLATE_NOOP("RowsModel", "评价时间"), lambda v: v.rated_at[:16].replace("T", " ")),
    Column(QT_TRANSLATE_NOOP("RowsModel", "评价等级"), _level),
    Column(QT_TRANSLATE_NOOP("RowsModel", "服务"), lambda v: v.what),
    Column(QT_TRANSLATE_NOOP("RowsModel", "工作人员"), lambda v: v.staff_name),
    Column(QT_TRANSLATE_NOOP("RowsModel", "窗口"), lambda v: v.window),
    Column(QT_TRANSLATE_NOOP("RowsModel", "渠道"), lambda v: word(v.channel.label)),
    Column(QT_TRANSLATE_NOOP("RowsModel", "差评原因"), lambda v: "、".join(v.reasons)),
    Column(
        QT_TRANSLATE_NOOP("RowsModel", "评价人"),
        lambda v: v.rater_masked or QCoreApplication.translate("RatingsPage", "匿名"),
    ),
    Column(QT_TRANSLATE_NOOP("RowsModel", "整改工单"), lambda v: v.ticket_no),
    Column(QT_TRANSLATE_NOOP("RowsModel", "申诉"), _appeal),
]
OWN_COLUMNS: list[Column[RatingView]] = [
    Column(QT_TRANSLATE_NOOP("RowsModel", "评价时间"), lambda v: v.rated_at[:16].replace("T", " ")),
    Column(QT_TRANSLATE_NOOP("RowsModel", "评价等级"), _level),
    Column(QT_TRANSLATE_NOOP("RowsModel", "服务"), lambda v: v.what),
    Column(QT_TRANSLATE_NOOP("RowsModel", "差评原因"), lambda v: "、".join(v.reasons)),
    Column(QT_TRANSLATE_NOOP("RowsModel", "整改工单"), lambda v: v.ticket_no),
    Column(QT_TRANSLATE_NOOP("RowsModel", "申诉"), _appeal),
]


def counts_text(counts: LevelCounts, unrated: int) -> str:
    """The figures line: every ratio with its numerator and denominator ("—" when empty)."""
    levels = comma().join(f"{word(lv.label)} {counts.by_level[lv]}" for lv in LEVELS_HIGH_TO_LOW)
    line = QCoreApplication.translate(
        "RatingsPage",
        "评价 {given} 次（{levels}），未评价 {unrated} 次；差评 {bad} 次，差评率 {bad_rate}；"
        "满意率 {satisfied}",
    ).format(
        given=counts.given,
        levels=levels,
        unrated=unrated,
        bad=counts.bad,
        bad_rate=ratio(counts.bad_rate),
        satisfied=ratio(counts.satisfied_rate),
    )
    if counts.upheld:
        line += QCoreApplication.translate(
            "RatingsPage", "；申诉成立 {n} 次，扣除后差评率 {rate}"
        ).format(n=counts.upheld, rate=ratio(counts.bad_rate_after_appeals))
    return line


@dataclass(frozen=True)
class _LeadRead:
    rows: list[RatingView]
    figures: RatingFigures


@dataclass(frozen=True)
class _OwnRead:
    counts: StaffRatingCounts
    bad: list[RatingView]


RECENT_BAD_DAYS = 14  # longer than any appeal period of 3 working days


def _month_start(today: date) -> date:
    return today.replace(day=1)


def _date_edit(name: str, day: date) -> QDateEdit:
    edit = QDateEdit(QDate(day.year, day.month, day.day))
    edit.setObjectName(name)
    edit.setCalendarPopup(True)
    edit.setDisplayFormat("yyyy-MM-dd")
    return edit


class RatingsPage(QWidget):
    """The team lead's 好差评 tab: the period's figures and ratings, reveal, 复核."""

    def __init__(self, ws: Workstation, actor: Actor, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ws = ws
        self.actor = actor
        layout = QVBoxLayout(self)
        period = QHBoxLayout()
        today = ws.today()
        self.day_from = _date_edit("ratingsFrom", _month_start(today))
        self.day_to = _date_edit("ratingsTo", today)
        caption = QLabel(self.tr("评价日期(&D)："))
        caption.setBuddy(self.day_from)
        period.addWidget(caption)
        period.addWidget(self.day_from)
        period.addWidget(QLabel(self.tr("至")))
        period.addWidget(self.day_to)
        self.only_bad = QComboBox()
        self.only_bad.setObjectName("ratingsShown")
        self.only_bad.setAccessibleName(self.tr("显示范围"))
        self.only_bad.addItem(self.tr("全部评价"), "all")
        self.only_bad.addItem(self.tr("仅差评"), "bad")
        self.only_bad.addItem(self.tr("待复核的申诉"), "appeals")
        period.addWidget(self.only_bad)
        period.addStretch(1)
        layout.addLayout(period)
        self.figures = QLabel()
        self.figures.setObjectName("ratingFigures")
        self.figures.setWordWrap(True)
        layout.addWidget(self.figures)
        self.model: RowsModel[RatingView] = RowsModel(LEAD_COLUMNS, lambda v: v.rating_id)
        self.table = table_view(self.model, self.tr("评价列表"))
        layout.addWidget(self.table, 1)
        layout.addLayout(self._actions())
        for edit in (self.day_from, self.day_to):
            edit.dateChanged.connect(self.refresh)
        self.only_bad.currentIndexChanged.connect(self.refresh)
        self.table.selectionModel().currentRowChanged.connect(lambda *_: self._enable())
        self._generation = 0  # bumps with every read: an older reply is stale
        Follower(self, [Entity.RATING], self.refresh)
        self.refresh()

    def _actions(self) -> QVBoxLayout:
        box = QVBoxLayout()
        row = QHBoxLayout()
        self.reveal_button = QPushButton(self.tr("查看评价人(&P)"))
        self.reveal_button.setObjectName("revealRaterButton")
        self.rater = QLabel()
        self.rater.setObjectName("raterShown")
        row.addWidget(self.reveal_button)
        row.addWidget(self.rater, 1)
        box.addLayout(row)
        form = QFormLayout()
        self.decision = QComboBox()
        self.decision.setObjectName("reviewDecision")
        self.decision.addItem(self.tr("申诉不成立（差评保留）"), False)
        self.decision.addItem(self.tr("申诉成立（不计入差评率）"), True)
        form.addRow(self.tr("复核结论："), self.decision)
        self.review_note = QLineEdit()
        self.review_note.setObjectName("reviewNote")
        self.review_note.setAccessibleName(self.tr("复核意见"))
        form.addRow(self.tr("复核意见(&N)："), self.review_note)
        self.review_button = QPushButton(self.tr("复核(&R)"))
        self.review_button.setObjectName("reviewButton")
        form.addRow("", self.review_button)
        self.error = error_label(self)
        self.note_error = error_label(self)
        form.addRow("", self.note_error)
        box.addLayout(form)
        box.addWidget(self.error)
        self.errors = FieldErrors({"note": self.note_error}, self.error, self)
        self.reveal_button.clicked.connect(self.reveal)
        self.review_button.clicked.connect(self.review)
        return box

    def _period(self) -> tuple[date, date]:
        return self.day_from.date().toPython(), self.day_to.date().toPython()  # type: ignore[return-value]

    def refresh(self) -> Op[_LeadRead]:
        """Read off the GUI thread (a month of ratings and its figures); a reply to an older
        period or filter, overtaken by a newer read, is dropped."""
        self._generation += 1
        generation = self._generation
        ws, actor, shown = self.ws, self.actor, self.only_bad.currentData()
        day_from, day_to = self._period()

        def read() -> _LeadRead:
            if shown == "appeals":
                rows = ratings.pending_appeals(ws, actor)
            else:
                rows = ratings.ratings_between(ws, actor, day_from, day_to)
                if shown == "bad":
                    rows = [r for r in rows if r.level is not None and r.level.is_bad]
            # The newest first: the lead looks at what came in last.
            rows.sort(key=lambda r: r.rated_at, reverse=True)
            return _LeadRead(rows, ratings.rating_figures(ws, day_from, day_to))

        def show(read: _LeadRead) -> None:
            if generation != self._generation:
                return
            self.model.set_rows(read.rows)
            self.figures.setText(counts_text(read.figures.levels, read.figures.unrated))
            self.rater.clear()
            self._enable()

        return Op(self, read).refused(self._refused).success(show).run()

    def _refused(self, exc: HallDeskError) -> None:
        self.error.setText(f"⚠ {exc.message}")
        self.error.setVisible(True)

    def _enable(self) -> None:
        """Reveal needs a real-name rater; 复核 a pending appeal: the buttons say what applies."""
        view = self._current()
        self.reveal_button.setEnabled(view is not None and bool(view.rater_masked))
        pending = view is not None and view.appeal is AppealState.PENDING
        for widget in (self.decision, self.review_note, self.review_button):
            widget.setEnabled(pending)

    def _current(self) -> RatingView | None:
        index = self.table.currentIndex()
        return self.model.row_at(index.row()) if index.isValid() else None

    def reveal(self) -> Op[tuple[str, str]] | None:
        view = self._current()
        if view is None:
            self.error.setText("⚠ " + self.tr("请先选择一条评价"))
            self.error.setVisible(True)
            return None
        ws, actor, rating_id = self.ws, self.actor, view.rating_id
        reason = self.tr("差评核实回访")
        return (
            Op(self, lambda: ratings.reveal_rater(ws, actor, rating_id, reason))
            .busy(self.reveal_button)
            .fields(self.errors)
            .success(self._revealed)
            .run()
        )

    def _revealed(self, rater: tuple[str, str]) -> None:
        name, phone = rater
        shown = "　".join(x for x in (name, phone) if x) or self.tr("匿名评价，无评价人信息")
        self.rater.setText(self.tr("评价人：{who}（本次查看已记录）").format(who=shown))

    def review(self) -> Op[object] | None:
        view = self._current()
        if view is None:
            self.error.setText("⚠ " + self.tr("请先选择一条待复核的申诉"))
            self.error.setVisible(True)
            return None
        ws, actor, rating_id = self.ws, self.actor, view.rating_id
        upheld, note = bool(self.decision.currentData()), self.review_note.text()
        return (
            Op(
                self,
                lambda: ratings.review(ws, actor, rating_id, upheld, note),
                touches=[Entity.RATING],
            )
            .busy(self.review_button)
            .fields(self.errors, {"note": self.review_note})
            .success(lambda _state: self.review_note.clear())
            .run()
        )


class MyRatingsDialog(QDialog):
    """我的评价: a staff member's own counts of the month and their 差评, to appeal within the
    appeal period. Who rated is never shown here."""

    def __init__(self, ws: Workstation, actor: Actor, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ws = ws
        self.actor = actor
        self.setObjectName("myRatingsDialog")
        self.setWindowTitle(self.tr("我的评价"))
        self.resize(900, 520)
        layout = QVBoxLayout(self)
        self.counts = QLabel()
        self.counts.setObjectName("myRatingCounts")
        self.counts.setWordWrap(True)
        layout.addWidget(self.counts)
        self.model: RowsModel[RatingView] = RowsModel(OWN_COLUMNS, lambda v: v.rating_id)
        self.table = table_view(self.model, self.tr("我的差评"))
        layout.addWidget(self.table, 1)
        self.empty = QLabel(self.tr("近期没有差评。"))
        self.empty.setObjectName("noBadRatings")
        layout.addWidget(self.empty)
        form = QFormLayout()
        self.reason = QLineEdit()
        self.reason.setObjectName("appealReason")
        self.reason.setAccessibleName(self.tr("申诉理由"))
        form.addRow(self.tr("申诉理由(&R)："), self.reason)
        self.reason_error = error_label(self)
        form.addRow("", self.reason_error)
        self.appeal_button = QPushButton(self.tr("提出申诉(&A)"))
        self.appeal_button.setObjectName("appealButton")
        form.addRow("", self.appeal_button)
        layout.addLayout(form)
        self.error = error_label(self)
        layout.addWidget(self.error)
        self.message = QLabel()
        self.message.setObjectName("appealMessage")
        layout.addWidget(self.message)
        self.errors = FieldErrors({"reason": self.reason_error}, self.error, self)
        self.appeal_button.clicked.connect(self.appeal)
        self._generation = 0
        Follower(self, [Entity.RATING], self.refresh)
        self.refresh()

    def refresh(self) -> Op[_OwnRead]:
        """Read off the GUI thread; a reply overtaken by a newer read is dropped."""
        self._generation += 1
        generation = self._generation
        ws, actor = self.ws, self.actor
        today = ws.today()
        start = _month_start(today)
        # 差评 of the last weeks, so one given at the end of last month can still be appealed.
        recent = min(start, today - timedelta(days=RECENT_BAD_DAYS))

        def read() -> _OwnRead:
            mine = ratings.my_rating_counts(ws, actor, start, today)
            bad = ratings.my_bad_ratings(ws, actor, recent, today)
            return _OwnRead(mine, sorted(bad, key=lambda r: r.rated_at, reverse=True))

        def show(read: _OwnRead) -> None:
            if generation != self._generation:
                return
            self.counts.setText(
                self.tr("本月（{start} 至 {today}）：{figures}").format(
                    start=start.isoformat(),
                    today=today.isoformat(),
                    figures=counts_text(read.counts.levels, read.counts.unrated),
                )
            )
            self.model.set_rows(read.bad)
            self.empty.setVisible(not read.bad)

        return Op(self, read).refused(self._refused).success(show).run()

    def _refused(self, exc: HallDeskError) -> None:
        self.error.setText(f"⚠ {exc.message}")
        self.error.setVisible(True)

    def appeal(self) -> Op[object] | None:
        index = self.table.currentIndex()
        if not index.isValid():
            self.error.setText("⚠ " + self.tr("请先选择要申诉的差评"))
            self.error.setVisible(True)
            return None
        view = self.model.row_at(index.row())
        ws, actor, reason = self.ws, self.actor, self.reason.text()
        return (
            Op(
                self,
                lambda: ratings.appeal(ws, actor, view.rating_id, reason),
                touches=[Entity.RATING],
            )
            .busy(self.appeal_button)
            .fields(self.errors, {"reason": self.reason})
            .success(lambda _state: self._appealed())
            .run()
        )

    def _appealed(self) -> None:
        self.reason.clear()
        self.message.setText(self.tr("已提出申诉，等待班组长复核"))


class RatingRecordDialog(QDialog):
    """One rating shown read-only (the evidence of an evaluation line): what was rated, the
    level and reasons, the staff member, the 整改 ticket and the appeal; the rater masked."""

    def __init__(self, view: RatingView, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("ratingRecordDialog")
        self.setWindowTitle(self.tr("评价记录"))
        layout = QVBoxLayout(self)
        form = QFormLayout()
        self.values: dict[str, QLabel] = {}
        rows = [
            ("rated_at", self.tr("评价时间："), view.rated_at[:16].replace("T", " ")),
            ("level", self.tr("评价等级："), _level(view)),
            ("what", self.tr("服务："), view.what),
            ("staff", self.tr("工作人员："), f"{view.staff_name}（{view.window}）"),
            ("channel", self.tr("渠道："), word(view.channel.label)),
            ("reasons", self.tr("差评原因："), "、".join(view.reasons)),
            ("note", self.tr("评价意见："), view.note),
            ("rater", self.tr("评价人："), view.rater_masked or self.tr("匿名")),
            ("ticket", self.tr("整改工单："), view.ticket_no),
            ("appeal", self.tr("申诉："), _appeal(view) or self.tr("未申诉")),
        ]
        for name, caption, value in rows:
            label = QLabel(value)
            label.setObjectName(f"rating_{name}")
            label.setWordWrap(True)
            form.addRow(caption, label)
            self.values[name] = label
        layout.addLayout(form)
        self.close_button = QPushButton(self.tr("关闭"))
        self.close_button.setObjectName("closeRating")
        self.close_button.setDefault(True)
        self.close_button.clicked.connect(self.accept)
        layout.addWidget(self.close_button)
