"""Keeps PySide6 6.12's signal emits from aborting the program.

In PySide6 6.12.0, `SignalInstance.emit()` called from Python returns True without taking a
reference to it: every emit takes one off True's reference count. On Python 3.11 True is an
ordinary object, so once its count reaches zero the interpreter aborts ("Fatal Python error:
bool_dealloc"). A window emits signals all day (every action, every poll of the queue), so a
workstation left running would end that way within hours.

A probe at start-up tells whether the binding has the fault. If it has, `emit` is wrapped so
that the reference the binding forgot is taken: one per True returned, exactly, with nothing
held in memory. A binding without the fault is left as it is.
"""

from __future__ import annotations

import logging
import sys
from typing import Any

from PySide6.QtCore import QObject, Signal, SignalInstance

log = logging.getLogger(__name__)
_wrapped: list[object] = []


class _Probe(QObject):
    fired = Signal()


def references_taken() -> int:
    """How many references to True eight emits take away (0 in a binding without the fault);
    any taken are given back."""
    probe = _Probe()
    before = sys.getrefcount(True)
    for _ in range(8):
        probe.fired.emit()
    taken = before - sys.getrefcount(True)
    if taken > 0:
        _give_back(taken)
    return taken


def _incref() -> Any:
    """Python's own Py_IncRef: a reference taken that nothing releases."""
    import ctypes

    incref = ctypes.pythonapi.Py_IncRef
    incref.argtypes = [ctypes.py_object]
    incref.restype = None
    return incref


def _give_back(n: int) -> None:
    incref = _incref()
    for _ in range(n):
        incref(True)


def install() -> None:
    """Idempotent; before the first widget, so that nothing emits unguarded for long."""
    if _wrapped or not references_taken():
        return
    incref = _incref()
    emit = SignalInstance.emit

    def guarded_emit(self: SignalInstance, *args: Any) -> Any:
        result = emit(self, *args)
        if result is True:
            incref(True)  # the reference the binding returned without taking
        return result

    SignalInstance.emit = guarded_emit  # type: ignore[method-assign]
    _wrapped.append(emit)
    if references_taken():
        log.error("PySide6's emits still take references to True after the guard")


def installed() -> bool:
    return bool(_wrapped)
