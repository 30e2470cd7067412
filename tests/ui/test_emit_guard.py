"""PySide6 6.12.0's emit() takes a reference to True away on each call; the program takes the
forgotten ones (ui/emit_guard.py), or a long-running workstation aborts with bool_dealloc."""

from __future__ import annotations

import sys

from PySide6.QtCore import QObject, Signal

from hall_desk.ui import emit_guard
from hall_desk.ui.app import application


class _Talker(QObject):
    said = Signal(int, str)


def test_many_emits_leave_true_s_count_where_it_was(qtbot):
    application()
    talker = _Talker()
    received: list[int] = []
    talker.said.connect(lambda n, _text: received.append(n))
    before = sys.getrefcount(True)
    # More emits than True's whole count before the program started (a few thousand).
    for n in range(60_000):
        talker.said.emit(n, "叫号")
    assert abs(sys.getrefcount(True) - before) <= 10  # not 60,000 fewer
    assert received == list(range(60_000))  # the guarded emit still delivers, in order
    assert emit_guard.references_taken() == 0


def test_a_window_that_ran_all_day_exits_cleanly(tmp_path):
    """A child process emits more often than True is referenced, then exits: without the guard
    the interpreter aborts (exit code 134) at the latest in its final collection."""
    import subprocess

    code = (
        "from PySide6.QtCore import QObject, Signal\n"
        "from hall_desk.ui.app import application\n"
        "app = application()\n"
        "class T(QObject):\n"
        "    s = Signal()\n"
        "t = T()\n"
        "for _ in range(100_000):\n"
        "    t.s.emit()\n"
        "print('done')\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr[-2000:]
    assert done.stdout.strip() == "done"
