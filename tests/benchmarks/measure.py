"""Timing helpers shared by the benchmark scripts: samples, percentiles, one printed row."""

from __future__ import annotations

import compileall
import time
from collections.abc import Callable
from functools import cache
from pathlib import Path

HEADER = ("measure (ms)", "p50", "p95", "floor p95", "ratio", "target")
# name → (p95, floor p95) of every row printed in this process: run.py compares two sizes.
FIGURES: dict[str, tuple[float, float]] = {}


def timed(fn: Callable[[], object], n: int = 300) -> list[float]:
    """Milliseconds of each of `n` calls."""
    out = []
    for _ in range(n):
        started = time.perf_counter()
        fn()
        out.append((time.perf_counter() - started) * 1000)
    return out


def percentile(samples: list[float], p: float) -> float:
    ordered = sorted(samples)
    return ordered[min(len(ordered) - 1, round(p / 100 * (len(ordered) - 1)))]


def row(name: str, samples: list[float], floor: list[float], target: float | None) -> str:
    """One line: p50 and p95 of the program, p95 of the floor, their ratio, and the target."""
    p50, p95, f95 = percentile(samples, 50), percentile(samples, 95), percentile(floor, 95)
    FIGURES[name] = (p95, f95)
    verdict = "" if target is None else ("ok" if p95 <= target else "OVER")
    target_text = "" if target is None else f"≤ {target:.0f}"
    return (
        f"{name:<28} {p50:>8.2f} {p95:>8.2f} {f95:>10.3f} {p95 / max(f95, 1e-6):>8.1f}x"
        f" {target_text:>8} {verdict:>5}"
    )


def header() -> str:
    return "{:<28} {:>8} {:>8} {:>10} {:>9} {:>8}".format(*HEADER)


@cache
def precompile() -> None:
    """Writes the program's bytecode before whole processes are timed: an installed program has
    it (pip and the frozen program compile every module), and a shell with
    PYTHONDONTWRITEBYTECODE=1 would otherwise make every timed start compile the whole package
    again (about half a second). compileall writes it whatever that variable says."""
    compileall.compile_dir(Path(__file__).resolve().parents[2] / "hall_desk", quiet=1)
