"""A small progress line beside the button of a long action (a month's report, a ledger, a
catalog import): a bar and the step in words, hidden when nothing runs. `Op.progress` feeds it."""

from __future__ import annotations

from PySide6.QtWidgets import QHBoxLayout, QLabel, QProgressBar, QWidget


class ProgressLine(QWidget):
    def __init__(self, name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(name)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.bar = QProgressBar()
        self.bar.setObjectName(f"{name}Bar")
        self.bar.setMaximumWidth(180)
        # The words are the label's: a busy bar (total not yet known) draws no text.
        self.bar.setTextVisible(False)
        self.text = QLabel()
        self.text.setObjectName(f"{name}Text")
        layout.addWidget(self.bar)
        layout.addWidget(self.text, 1)
        self.setVisible(False)
        # Actions sharing the line (a month chosen twice quickly): hidden when the last ends.
        self.running = 0

    def begin(self) -> None:
        self.running += 1
        self.bar.setRange(0, 0)  # busy until the work says how much there is
        self.text.clear()
        self.setVisible(True)

    def step(self, done: int, total: int, text: str) -> None:
        # The words first: whoever follows the bar's moves reads the step they belong to.
        self.text.setText(text)
        self.bar.setAccessibleDescription(text)
        if total:
            self.bar.setRange(0, total)
            self.bar.setValue(min(done, total))
        else:
            self.bar.setRange(0, 0)

    def end(self) -> None:
        self.running = max(0, self.running - 1)
        if self.running:
            return
        self.setVisible(False)
        self.bar.reset()
        self.text.clear()
