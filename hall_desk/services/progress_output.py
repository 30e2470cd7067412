"""Long work's progress on a command line: stderr, so that stdout keeps the one summary line
scripts and schedulers read. A bar redrawn in place on a terminal; otherwise (a log file, a
scheduler) a plain line every few seconds, so that a short run prints nothing extra."""

from __future__ import annotations

import time
from typing import TextIO

LINE_EVERY_S = 5.0  # without a terminal: a progress line at most this often
BAR_WIDTH = 24


class ProgressOutput:
    """A `Progress` (domain.progress) drawing on `out`; `close()` when the work is over."""

    def __init__(self, out: TextIO, *, terminal: bool | None = None) -> None:
        self.out = out
        self.terminal = out.isatty() if terminal is None else terminal
        self.last = time.monotonic()
        self.step_started = self.last
        self.step_over = True  # the next call begins a step
        self.drawn = False

    def __call__(self, done: int, total: int, text: str) -> None:
        now = time.monotonic()
        if self.step_over:
            self.step_started, self.step_over = now, False
        finished = bool(total) and done >= total
        self.step_over = finished
        if self.terminal:
            bar = ""
            if total:  # an unknown total draws the words alone
                filled = BAR_WIDTH * min(done, total) // total
                bar = "█" * filled + "░" * (BAR_WIDTH - filled) + " "
            self.out.write(f"\r{bar}{text}\033[K")
            self.drawn = True
        else:
            # A step that took long says that it finished, even inside the quiet interval.
            finished_long = finished and now - self.step_started >= LINE_EVERY_S
            if now - self.last < LINE_EVERY_S and not finished_long:
                return
            self.last = now
            self.out.write(text + "\n")
        self.out.flush()

    def close(self) -> None:
        """Clears the bar, so that the summary (and the shell's prompt) start on a clean line."""
        if self.drawn:
            self.out.write("\r\033[K")
            self.out.flush()
            self.drawn = False
