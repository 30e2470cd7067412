"""Table models: column constants, display and sort roles, and the id of each row."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any, Generic, TypeVar

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)

T = TypeVar("T")
ID_ROLE = Qt.ItemDataRole.UserRole + 1  # the row's id (case id, username …)
SORT_ROLE = Qt.ItemDataRole.UserRole + 2
Index = QModelIndex | QPersistentModelIndex


@dataclass(frozen=True)
class Column(Generic[T]):
    """`header` is a source string marked QT_TRANSLATE_NOOP("RowsModel", …): the model
    translates it when the view asks, so a language switch needs no new column lists."""

    header: str
    value: Callable[[T], Any]
    align_right: bool = False


def _display(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return (
            QCoreApplication.translate("RowsModel", "是")
            if value
            else QCoreApplication.translate("RowsModel", "否")
        )
    if isinstance(value, datetime):
        return value.strftime("%Y-%m-%d %H:%M")
    if isinstance(value, date):
        return value.isoformat()
    return str(value)


class RowsModel(QAbstractTableModel, Generic[T]):
    """A read-only table over a list of rows; `row_id` gives each row's id for ID_ROLE."""

    def __init__(
        self,
        columns: Sequence[Column[T]],
        row_id: Callable[[T], str],
        rows: Sequence[T] = (),
        parent: Any = None,
    ) -> None:
        super().__init__(parent)
        self.columns = list(columns)
        self.row_id = row_id
        self.rows: list[T] = list(rows)

    def set_rows(self, rows: Sequence[T]) -> None:
        self.beginResetModel()
        self.rows = list(rows)
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt API
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt API
        return 0 if parent.isValid() else len(self.columns)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.rows):
            return None
        row = self.rows[index.row()]
        column = self.columns[index.column()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return _display(column.value(row))
        if role == SORT_ROLE:
            value = column.value(row)
            return value.isoformat() if isinstance(value, date | datetime) else value
        if role == ID_ROLE:
            return self.row_id(row)
        if role == Qt.ItemDataRole.TextAlignmentRole and column.align_right:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal and 0 <= section < len(self.columns):
            return QCoreApplication.translate("RowsModel", self.columns[section].header)
        if orientation == Qt.Orientation.Vertical and 0 <= section < len(self.rows):
            return str(section + 1)
        return None

    def row_at(self, row: int) -> T:
        return self.rows[row]


class PagedRowsModel(RowsModel[T]):
    """Rows that arrive a page at a time: the view asks for more as it scrolls down
    (canFetchMore/fetchMore), and `request_page(offset)` — the owner's, which reads the page
    off the GUI thread — hands it back to `add_page`. `total` is the whole list's length."""

    def __init__(
        self,
        columns: Sequence[Column[T]],
        row_id: Callable[[T], str],
        request_page: Callable[[int], object],
        parent: Any = None,
    ) -> None:
        super().__init__(columns, row_id, parent=parent)
        self.request_page = request_page
        self.total = 0
        self.loading = False

    def set_first_page(self, rows: Sequence[T], total: int) -> None:
        self.beginResetModel()
        self.rows = list(rows)
        self.total = max(total, len(self.rows))
        self.loading = False
        self.endResetModel()

    def add_page(self, offset: int, rows: Sequence[T]) -> None:
        """Appends a page read from `offset`; one that no longer follows on is dropped."""
        self.loading = False
        if offset != len(self.rows) or not rows:
            return
        self.beginInsertRows(QModelIndex(), len(self.rows), len(self.rows) + len(rows) - 1)
        self.rows.extend(rows)
        self.endInsertRows()

    def canFetchMore(self, parent: Index = QModelIndex()) -> bool:  # noqa: B008 - Qt API
        return not parent.isValid() and not self.loading and len(self.rows) < self.total

    def fetchMore(self, parent: Index = QModelIndex()) -> None:  # noqa: B008 - Qt API
        if self.canFetchMore(parent):
            self.loading = True
            self.request_page(len(self.rows))
