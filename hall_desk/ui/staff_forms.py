"""What the 人员与巡查 forms share: combo boxes, dates, and rows of label, input and error."""

from __future__ import annotations

from datetime import date, datetime

from PySide6.QtCore import QDate, QDateTime
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDateTimeEdit,
    QFormLayout,
    QLabel,
    QWidget,
)

from hall_desk.ui.widgets import FieldErrors, error_label


def combo(name: str, options: list[tuple[str, str]]) -> QComboBox:
    box = QComboBox()
    box.setObjectName(name)
    for value, text in options:
        box.addItem(text, value)
    return box


def py_date(edit: QDateEdit) -> date:
    d = edit.date()
    return date(d.year(), d.month(), d.day())


def py_datetime(edit: QDateTimeEdit) -> datetime:
    return edit.dateTime().toPython().astimezone()  # type: ignore[no-any-return, union-attr]


def qdate(day: date) -> QDate:
    return QDate(day.year, day.month, day.day)


def qdatetime(at: datetime) -> QDateTime:
    return QDateTime(qdate(at.date()), at.time().replace(second=0, microsecond=0))  # type: ignore[call-overload]


class FormRows(QWidget):
    """Rows of label, input and the error beside it; FieldErrors maps service fields to them."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.layout_ = QFormLayout(self)
        self.error_labels: dict[str, QLabel] = {}
        self.inputs: dict[str, QWidget] = {}

    def row(self, field: str, label: str, widget: QWidget) -> QWidget:
        if not widget.objectName():
            widget.setObjectName(field)
        widget.setAccessibleName(label.split("(")[0].rstrip("：:"))
        caption = QLabel(label)
        caption.setBuddy(widget)
        self.layout_.addRow(caption, widget)
        err = error_label(self)
        self.layout_.addRow("", err)
        self.error_labels[field] = err
        self.inputs[field] = widget
        return widget

    def errors(self) -> FieldErrors:
        fallback = error_label(self)
        self.layout_.addRow("", fallback)
        return FieldErrors(self.error_labels, fallback, self)
