"""Printing on the bench home: a one-page notice and the daily summary from the press of the
button to the spooled job, the memory that takes above the idle window, the preview's first page,
and the size of a print-to-file, each beside the floor of reportlab building the same PDF.

"Spooled" here is Qt's PDF print engine writing the job into a file: on Linux that is exactly what
Qt's CUPS backend produces and hands to the spooler (there is no printer on the bench machine), so
the job takes the printer's path (raster pages at 300 dpi), not the print-to-file copy.

The figures are taken in a child process with the main window open, so that the memory is the
window's own (VmHWM reset through /proc/self/clear_refs once the window is idle).
`tests/benchmarks/run.py` calls `print_figures(home, day)`; run alone with
`python -m tests.benchmarks.print_bench HOME [YYYY-MM-DD]`.
"""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import date
from pathlib import Path

from tests.benchmarks.measure import row

ROOT = Path(__file__).resolve().parents[2]
TARGETS = {"notice": 500.0, "daily": 3000.0, "notice_mb": 100.0, "file_kb_per_page": 1000.0}
NOTICE_RUNS = 10
DAILY_RUNS = 3


def _status(field: str) -> float:
    """MB of this process's resident memory now (VmRSS) or at its peak (VmHWM)."""
    with open("/proc/self/status", encoding="ascii") as fh:
        text = fh.read()
    return int(text.split(f"{field}:")[1].split()[0]) / 1024


def _reset_peak() -> None:
    with open("/proc/self/clear_refs", "w", encoding="ascii") as fh:
        fh.write("5")


def _child(home: str, day_text: str) -> dict[str, object]:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QEventLoop, QTimer
    from PySide6.QtPrintSupport import QPrinter
    from PySide6.QtTest import QTest

    from hall_desk.domain.roles import Actor, Role
    from hall_desk.reports.daily import build_daily_summary
    from hall_desk.reports.notices import intake_notice
    from hall_desk.services.home import Home
    from hall_desk.services.workstation import Workstation
    from hall_desk.ui import appearance, print_job
    from hall_desk.ui.app import application
    from hall_desk.ui.main_window import MainWindow
    from hall_desk.ui.printing import PdfPreviewDialog

    app = application()
    appearance.apply_theme(app, "light")
    ws = Workstation(Home(Path(home)))
    day = date.fromisoformat(day_text)
    clerk = Actor("clerk1", "王晓燕", Role.CLERK, "综合窗口1")
    lead = Actor("lead", "白玉兰", Role.LEAD, "班组长")
    raw = sqlite3.connect(ws.home.db_path)
    case_ids = [r[0] for r in raw.execute("SELECT id FROM cases WHERE state = 'accepted' LIMIT 50")]
    raw.close()

    def until(done: Callable[[], bool]) -> None:
        """Runs the event loop until `done()`: QTest.qWait holds the GIL while it sleeps, so the
        job's thread would crawl, where the window's own event loop lets it run."""
        loop = QEventLoop()
        timer = QTimer()
        timer.setInterval(1)
        timer.timeout.connect(lambda: loop.quit() if done() else None)
        timer.start()
        loop.exec()
        timer.stop()

    window = MainWindow(ws, clerk)
    window.show()
    QTest.qWait(200)
    folder = Path(tempfile.mkdtemp(prefix="hall-desk-print-bench-"))
    # The printer's path (see the module's docstring), into a file.
    writes_a_file = print_job.writes_a_file
    print_job.writes_a_file = lambda printer: False  # type: ignore[assignment]
    jobs = iter(range(10**6))

    def open_preview(data: bytes, title: str) -> PdfPreviewDialog:
        preview = PdfPreviewDialog(data, title, window)
        preview.show()
        until(lambda: preview.pages_painted >= 1)
        return preview

    def print_via_dialog(data: bytes, title: str) -> tuple[float, int, int]:
        """With the preview open (the person looks before pressing 打印…), the job from the
        slot that Qt's print dialog calls on 打印 to the spooled file."""
        preview = open_preview(data, title)
        path = folder / f"job-{next(jobs)}.pdf"
        preview.printer.setOutputFileName(str(path))
        started = time.perf_counter()
        preview.start_print()
        until(lambda: preview.job is None)
        elapsed = time.perf_counter() - started
        assert preview.last_print is not None and preview.last_print.dpi == 300
        pages = preview.last_print.pages
        preview.close()
        preview.deleteLater()
        size = path.stat().st_size
        path.unlink()
        return elapsed * 1000, pages, size

    def notice(n: int) -> bytes:
        return intake_notice(ws, clerk, case_ids[n % len(case_ids)])[1]

    out: dict[str, object] = {}
    # The first print after start-up pays for QtPdf, the fonts and the print engine.
    out["notice_first_ms"] = print_via_dialog(notice(0), "受理通知书")[0]
    QTest.qWait(300)
    idle = _status("VmRSS")
    # Floor first: reportlab building the notice, and the memory that alone takes.
    _reset_peak()
    floor = []
    for n in range(NOTICE_RUNS):
        t = time.perf_counter()
        notice(n)
        floor.append((time.perf_counter() - t) * 1000)
    out["notice_floor_ms"] = floor
    out["notice_floor_mb"] = _status("VmHWM") - idle
    QTest.qWait(300)
    idle = _status("VmRSS")
    _reset_peak()
    samples, spool_sizes = [], []
    for n in range(NOTICE_RUNS):
        ms, pages, size = print_via_dialog(notice(n), "受理通知书")
        samples.append(ms)
        spool_sizes.append(size / pages)
    out["notice_ms"] = samples
    out["notice_mb"] = _status("VmHWM") - idle
    out["spool_kb_per_page"] = max(spool_sizes) / 1024

    # The daily summary, the longest paper of the day.
    summary = build_daily_summary(ws, lead, day)
    floor = []
    for _ in range(DAILY_RUNS):
        t = time.perf_counter()
        summary = build_daily_summary(ws, lead, day)
        floor.append((time.perf_counter() - t) * 1000)
    out["daily_floor_ms"] = floor
    QTest.qWait(300)
    idle = _status("VmRSS")
    _reset_peak()
    samples = []
    for _ in range(DAILY_RUNS):
        ms, pages, _size = print_via_dialog(build_daily_summary(ws, lead, day), "每日工作汇总")
        samples.append(ms)
    out["daily_ms"] = samples
    out["daily_pages"] = pages
    out["daily_mb"] = _status("VmHWM") - idle

    # Print to file: the PDF itself (the real check, not the printer's path).
    print_job.writes_a_file = writes_a_file  # type: ignore[assignment]
    sizes = {}
    for name, data in (("notice", notice(0)), ("daily", summary)):
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        path = folder / f"{name}.pdf"
        printer.setOutputFileName(str(path))
        result = print_job.spool(data, printer)
        sizes[name] = path.stat().st_size / result.pages / 1024
    out["file_kb_per_page"] = sizes

    # The preview: open to the first page drawn sharp, fitted to the width.
    preview_ms, floor = [], []
    for n in range(5):
        t = time.perf_counter()
        data = notice(n)
        floor.append((time.perf_counter() - t) * 1000)
        preview = open_preview(data, "受理通知书")
        preview_ms.append((time.perf_counter() - t) * 1000)
        out["preview_zoom"] = preview.view.zoom
        out["preview_page_px"] = preview.view.page_rect(0).width()
        preview.close()
        preview.deleteLater()
    out["preview_ms"] = preview_ms
    out["preview_floor_ms"] = floor
    window.close()
    ws.close()
    return out


def print_figures(home: Path, day: date) -> list[str]:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "PYTHONPATH": str(ROOT)}
    proc = subprocess.run(
        [
            sys.executable,
            "-m",
            "tests.benchmarks.print_bench",
            "--child",
            str(home),
            day.isoformat(),
        ],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
    )
    if proc.returncode != 0:
        return [f"printing bench failed:\n{proc.stderr[-3000:]}"]
    f = json.loads(proc.stdout.strip().splitlines()[-1])
    pages = f["daily_pages"]
    file_kb = f["file_kb_per_page"]
    return [
        row("notice: 打印 → spooled", f["notice_ms"], f["notice_floor_ms"], TARGETS["notice"]),
        row(
            f"daily ({pages} p): 打印 → spooled",
            f["daily_ms"],
            f["daily_floor_ms"],
            TARGETS["daily"],
        ),
        row("notice: build → preview", f["preview_ms"], f["preview_floor_ms"], None),
        _line(
            "notice job: MB above idle",
            f"{f['notice_mb']:8.1f}   floor (building it alone) {f['notice_floor_mb']:.1f}",
            f["notice_mb"] <= TARGETS["notice_mb"],
            f"≤ {TARGETS['notice_mb']:.0f}",
        ),
        f"{'daily job: MB above idle':<28} {f['daily_mb']:8.1f}",
        _line(
            "print to file, KB per page",
            f"notice {file_kb['notice']:.1f}, daily summary {file_kb['daily']:.1f}",
            max(file_kb.values()) <= TARGETS["file_kb_per_page"],
            f"≤ {TARGETS['file_kb_per_page']:.0f}",
        ),
        f"{'spooled job, KB per page':<28} {f['spool_kb_per_page']:8.0f}  (300-dpi grey raster)",
        f"{'first job after start (ms)':<28} {f['notice_first_ms']:8.0f}  (loads QtPdf, engine)",
        f"{'preview opens at':<28} {f['preview_zoom'] * 100:7.0f}%  (fit width: the page"
        f" {f['preview_page_px']} px wide in the 1100 px dialog)",
        "print floors: reportlab (through the report service) building the same PDF in the same"
        " process; 打印 → spooled starts at the slot Qt's print dialog calls and ends when Qt's"
        " PDF print engine has written the job file, as CUPS spools it.",
    ]


def _line(name: str, figures: str, ok: bool, target: str) -> str:
    return f"{name:<28} {figures}   {target} {'ok' if ok else 'OVER'}"


def main(argv: list[str]) -> int:
    if argv and argv[0] == "--child":
        print(json.dumps(_child(argv[1], argv[2])))
        return 0
    home = Path(argv[0])
    day = date.fromisoformat(argv[1]) if len(argv) > 1 else date(2026, 11, 27)
    for line in print_figures(home, day):
        print(line)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
