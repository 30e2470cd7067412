"""Time from process start to the main window shown and painted (`python -m … HOME PASSWORD`);
with `--floor`, the same for a bare PySide6 window: the start-up floor on this machine.

The last line is the figure (seconds, then the peak resident MB); the line before it, what the
program's start went to, phase by phase (ms), for whoever has to make it shorter."""

from __future__ import annotations

import time

STARTED = time.perf_counter()

import gc  # noqa: E402
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


class Phases:
    """Milliseconds since the previous mark, by name."""

    def __init__(self) -> None:
        self.last = STARTED
        self.spent: list[tuple[str, float]] = []

    def mark(self, name: str) -> None:
        now = time.perf_counter()
        self.spent.append((name, (now - self.last) * 1000))
        self.last = now

    def line(self) -> str:
        return "phases (ms): " + ", ".join(f"{name} {ms:.0f}" for name, ms in self.spent)


def hall_desk(home: str, password: str, phases: Phases) -> float:
    # As `hall-desk` itself starts (cli.main): no cycle collection while the imports make their
    # tens of thousands of lasting objects.
    gc.disable()
    from pathlib import Path

    from hall_desk import cli
    from hall_desk.services import users
    from hall_desk.services.home import Home
    from hall_desk.services.workstation import Workstation

    # A password is asked next (cli._open_program): the password check's child starts now.
    users.prepare_check()
    phases.mark("import services")
    from hall_desk.ui import appearance
    from hall_desk.ui.app import application, import_window_meanwhile, main_window_class

    cli.imports_done()
    phases.mark("import ui")
    app = application()
    ws = Workstation(Home(Path(home)))
    appearance.apply_theme(app, "light")
    phases.mark("workstation")
    # As the login screen opens (Desk.login): the main window's modules are imported meanwhile.
    import_window_meanwhile()
    # The login itself is the person typing; what is timed is everything the program does.
    actor = users.login(ws, "clerk1", password)
    phases.mark("login")
    window = main_window_class()(ws, actor)
    phases.mark("window built")
    window.show()
    app.processEvents()
    phases.mark("shown")
    window.grab()
    elapsed = time.perf_counter() - STARTED
    phases.mark("painted")
    window.close()
    ws.close()
    return elapsed


if __name__ == "__main__":
    phases = Phases()
    # The demo password comes on the command line: importing the demo module is not start-up.
    if sys.argv[1] == "--floor":
        seconds = bare()
    else:
        seconds = hall_desk(sys.argv[1], sys.argv[2], phases)
        print(phases.line())
    # VmHWM, not ru_maxrss: a child's ru_maxrss starts at its parent's size at fork time.
    with open("/proc/self/status", encoding="ascii") as fh:
        status = fh.read()
    rss_mb = int(status.split("VmHWM:")[1].split()[0]) / 1024
    print(f"{seconds:.4f} {rss_mb:.1f}")
