"""A service call held in its worker until the test lets it go: while it waits, the test shows the
window still answering; every call records the thread it ran on and what it returned."""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Any


class Gated:
    """Wraps `real`; the n-th call waits until `release(n)` (0-based) and then runs `real`."""

    def __init__(self, real: Callable[..., Any]) -> None:
        self.real = real
        self.gates: list[threading.Event] = []
        self.threads: list[threading.Thread] = []
        self.results: list[Any] = []
        self.returned = 0
        self.open = False  # once everything is let go, later calls run at once
        self._lock = threading.Lock()

    def __call__(self, *args: Any, **kwargs: Any) -> Any:
        with self._lock:
            gate = self._gate(len(self.threads))
            self.threads.append(threading.current_thread())
        # Bounded: a call made on the GUI thread by mistake fails the test instead of hanging it.
        assert gate.wait(20), "the call was never let go"
        result = self.real(*args, **kwargs)
        with self._lock:
            self.results.append(result)
            self.returned += 1
        return result

    def _gate(self, n: int) -> threading.Event:
        while len(self.gates) <= n:
            gate = threading.Event()
            if self.open:
                gate.set()
            self.gates.append(gate)
        return self.gates[n]

    @property
    def calls(self) -> int:
        return len(self.threads)

    def release(self, n: int) -> None:
        with self._lock:
            self._gate(n).set()

    def release_all(self) -> None:
        with self._lock:
            self.open = True
            for gate in self.gates:
                gate.set()

    def off_gui_thread(self) -> bool:
        return bool(self.threads) and all(t is not threading.main_thread() for t in self.threads)


def answers(qtbot, ticks: int = 5) -> bool:  # type: ignore[no-untyped-def]
    """The GUI thread still runs its event loop: a timer set now fires `ticks` times."""
    from PySide6.QtCore import QTimer

    fired = []
    timer = QTimer()
    timer.setInterval(10)
    timer.timeout.connect(lambda: fired.append(1))
    timer.start()
    try:
        qtbot.waitUntil(lambda: len(fired) >= ticks, timeout=3000)
    finally:
        timer.stop()
    return len(fired) >= ticks
