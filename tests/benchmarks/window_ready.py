"""Time from process start to the main window shown and painted (`python -m … HOME PASSWORD`);
with `--floor`, the same for a bare PySide6 window: the start-up floor on this machine."""

from __future__ import annotations

import time

STARTED = time.perf_counter()

import os  # noqa: E402
import sys  # noqa: E402

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def bare() -> float:
    from PySide6.QtWidgets import QApplication, QLabel, QMainWindow

    app = QApplication(sys.argv)
    window = QMainWindow()
    window.setCentralWidget(QLabel("hall-desk"))
    window.resize(1200, 780)
    window.show()
    app.processEvents()
    window.grab()
    return time.perf_counter() - STARTED


def hall_desk(home: str, password: str) -> float:
    from pathlib import Path

    from hall_desk.services import users
    from hall_desk.services.home import Home
    from hall_desk.services.workstation import Workstation
    from hall_desk.ui import appearance
    from hall_desk.ui.app import application
    from hall_desk.ui.main_window import MainWindow

    app = application()
    ws = Workstation(Home(Path(home)))
    appearance.apply_theme(app, "light")
    # The login itself is the person typing; what is timed is everything the program does.
    actor = users.login(ws, "clerk1", password)
    window = MainWindow(ws, actor)
    window.show()
    app.processEvents()
    window.grab()
    elapsed = time.perf_counter() - STARTED
    window.close()
    ws.close()
    return elapsed


if __name__ == "__main__":
    # The demo password comes on the command line: importing the demo module is not start-up.
    seconds = bare() if sys.argv[1] == "--floor" else hall_desk(sys.argv[1], sys.argv[2])
    # VmHWM, not ru_maxrss: a child's ru_maxrss starts at its parent's size at fork time.
    with open("/proc/self/status", encoding="ascii") as fh:
        status = fh.read()
    rss_mb = int(status.split("VmHWM:")[1].split()[0]) / 1024
    print(f"{seconds:.4f} {rss_mb:.1f}")
