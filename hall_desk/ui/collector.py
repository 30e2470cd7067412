"""Python's cycle collector runs in the GUI thread only.

Left automatic, a collection starts in whichever thread happens to allocate past the threshold:
the action worker compiling a query can then free a window's widgets, or a signal holder living
in the GUI thread, from the worker thread while the GUI thread is using them, and the program
crashes later in the next collection. So automatic collection is switched off and a timer in
the GUI thread runs it instead, as often as the thresholds would have (checked every 200 ms).
Reference counting still frees everything that is not in a cycle at once, in any thread.
"""

from __future__ import annotations

import gc

from PySide6.QtCore import QObject, QTimer

CHECK_MS = 200

_timer: QTimer | None = None


def _collect() -> None:
    counts = gc.get_count()
    thresholds = gc.get_threshold()
    for generation in (2, 1, 0):
        if counts[generation] > thresholds[generation]:
            gc.collect(generation)
            return


def install(app: QObject) -> None:
    """Idempotent; `app` (the QApplication) owns the timer, so it lives in the GUI thread."""
    global _timer
    if _timer is not None:
        return
    gc.disable()
    _timer = QTimer(app)
    _timer.setInterval(CHECK_MS)
    _timer.timeout.connect(_collect)
    _timer.start()
