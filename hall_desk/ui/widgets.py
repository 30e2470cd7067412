"""Building blocks of every screen: errors beside fields, marks that are never colour alone."""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import QAbstractItemModel, QObject
from PySide6.QtWidgets import QHeaderView, QLabel, QTableView, QWidget

from hall_desk.domain.errors import HallDeskError, ValidationError, ValidationErrors


def set_role(label: QLabel, role: str) -> None:
    """Re-style a label by role (the theme colours roles; the text always says it too)."""
    label.setProperty("role", role)
    label.style().unpolish(label)
    label.style().polish(label)


class FieldErrors(QObject):
    """Maps service field names to the error labels shown beside the inputs."""

    def __init__(
        self, labels: dict[str, QLabel], fallback: QLabel, parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self.labels = labels
        self.fallback = fallback
        self.clear()

    def clear(self) -> None:
        for label in {*self.labels.values(), self.fallback}:
            label.clear()
            label.setVisible(False)

    def show(self, error: HallDeskError, inputs: dict[str, QWidget] | None = None) -> None:
        """Shows every message of the error beside its field and focuses the first bad input."""
        self.clear()
        errors: Iterable[HallDeskError] = (
            error.errors if isinstance(error, ValidationErrors) else [error]
        )
        first: QWidget | None = None
        texts: dict[QLabel, list[str]] = {}
        for err in errors:
            field = err.field if isinstance(err, ValidationError) else ""
            texts.setdefault(self.labels.get(field, self.fallback), []).append(f"⚠ {err.message}")
            if first is None and inputs and field in inputs:
                first = inputs[field]
        for label, lines in texts.items():
            label.setText("\n".join(lines))
            set_role(label, "fieldError")
            label.setVisible(True)
        if first is not None:
            first.setFocus()


def error_label(parent: QWidget | None = None) -> QLabel:
    label = QLabel(parent)
    label.setWordWrap(True)
    set_role(label, "fieldError")
    label.setVisible(False)
    return label


def table_view(model: QAbstractItemModel, accessible_name: str = "") -> QTableView:
    """A read-only list of rows: whole-row selection, Tab leaves it, columns fit their text."""
    view = QTableView()
    view.setModel(model)
    view.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QTableView.SelectionMode.SingleSelection)
    view.setTabKeyNavigation(False)
    view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    view.horizontalHeader().setStretchLastSection(True)
    if accessible_name:
        view.setAccessibleName(accessible_name)
    return view
