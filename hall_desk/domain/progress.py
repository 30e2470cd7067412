"""The one shape long work reports in — `progress(done, total, text)` — whatever shows it: the
window's progress bar (ui.background marshals the calls to the GUI thread) or the command line
(services.progress_output). Sync, rebuild, reports, ledgers and imports all speak it."""

from __future__ import annotations

from collections.abc import Callable

# done so far of total (0: not known yet, the bar just shows that work goes on), and the step
# in the person's words ("已写入 4,000 / 20,000 行"). Called from whatever thread does the work.
Progress = Callable[[int, int, str], None]

ROWS_PER_REPORT = 500  # work going row by row reports every this many rows, not every row


def quiet(_done: int, _total: int, _text: str) -> None:
    """For callers that show nothing (scripts, tests, the services calling each other)."""
