"""The smoke test of an installed program, run the way a hall's IT would try it after installing.

One sequence for every way the program is shipped: the wheel in a fresh venv (tests/test_wheel.py)
and the PyInstaller program (`make dist`: `python -m tests.smoke dist/hall-desk/hall-desk`). It
starts the program's own command from a folder outside the checkout, on a home and user folders
of its own: `--version`, `init`, `demo-data`, `report daily`, then the window offscreen for a few
seconds (it must still be running, with nothing in its error output or log).

Uses the standard library only: the frozen program's smoke test runs it with any Python.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

HALL = "试运行政务服务中心"
ADMIN, ADMIN_PASSWORD = "admin", "smoke2026pass"
DEMO_END = "2026-11-27"
TIMEOUT = 180
WINDOW_SECONDS = 3.0


class SmokeFailure(AssertionError):
    pass


@dataclass
class Smoke:
    """The program `command` (e.g. [".../bin/hall-desk"]) run in `scratch`, a folder of its own."""

    command: Sequence[str]
    scratch: Path
    env: dict[str, str] = field(default_factory=dict)
    log: list[str] = field(default_factory=list)

    def __post_init__(self) -> None:
        for name in ("data", "config", "cache", "state", "work"):
            (self.scratch / name).mkdir(parents=True, exist_ok=True)
        self.home = self.scratch / "home"
        base = {k: v for k, v in os.environ.items() if not k.startswith(("HALL_DESK_", "PYTHON"))}
        # A converted PDF font is slow to make once: reuse the one the caller already has.
        if "HALL_DESK_FONT_CACHE" in os.environ:
            base["HALL_DESK_FONT_CACHE"] = os.environ["HALL_DESK_FONT_CACHE"]
        base.update(
            XDG_DATA_HOME=str(self.scratch / "data"),
            XDG_CONFIG_HOME=str(self.scratch / "config"),
            XDG_CACHE_HOME=str(self.scratch / "cache"),
            XDG_STATE_HOME=str(self.scratch / "state"),
            QT_QPA_PLATFORM="offscreen",
            PYTHONIOENCODING="utf-8",
            HALL_DESK_ADMIN_PASSWORD=ADMIN_PASSWORD,
        )
        base.update(self.env)
        self.env = base

    def run(self, *args: str, home: bool = True) -> subprocess.CompletedProcess[str]:
        argv = [*self.command, *(["--home", str(self.home)] if home else []), *args]
        started = time.perf_counter()
        done = subprocess.run(
            argv,
            stdin=subprocess.DEVNULL,
            capture_output=True,
            encoding="utf-8",
            env=self.env,
            cwd=self.scratch / "work",
            timeout=TIMEOUT,
            check=False,
        )
        self.log.append(f"{time.perf_counter() - started:5.1f} s  hall-desk {' '.join(args)}")
        if done.returncode != 0:
            raise SmokeFailure(
                f"hall-desk {' '.join(args)} → exit {done.returncode}\n"
                f"--- stdout\n{done.stdout}\n--- stderr\n{done.stderr}"
            )
        return done

    def version(self) -> str:
        return self.run("--version", home=False).stdout.strip()

    def init(self) -> None:
        self.run("init", "--hall", HALL, "--workstation", "W01", "--admin", ADMIN)
        if not (self.home / "local.sqlite3").is_file():
            raise SmokeFailure(f"init made no database in {self.home}")

    def demo_data(self) -> None:
        self.run("demo-data", "--days", "2", "--per-day", "5", "--end", DEMO_END)

    def report_daily(self) -> Path:
        out = self.scratch / "work" / "daily.pdf"
        self.run("report", "daily", "--date", DEMO_END, "--out", str(out))
        data = out.read_bytes() if out.is_file() else b""
        if not (data.startswith(b"%PDF-") and b"%%EOF" in data[-1024:]):
            raise SmokeFailure(f"report daily wrote no complete PDF at {out}")
        return out

    def window(self, seconds: float = WINDOW_SECONDS) -> str:
        """Opens the window (the login, the home being set up) and closes it after `seconds`;
        returns what it wrote on stderr. It must neither exit early nor print a traceback."""
        argv = [*self.command, "--home", str(self.home)]
        started = time.perf_counter()
        process = subprocess.Popen(
            argv,
            stdin=subprocess.DEVNULL,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            encoding="utf-8",
            env=self.env,
            cwd=self.scratch / "work",
        )
        try:
            exited = process.wait(timeout=seconds)
        except subprocess.TimeoutExpired:
            exited = None
        finally:
            if process.poll() is None:
                process.terminate()
            out, err = process.communicate(timeout=30)
        self.log.append(f"{time.perf_counter() - started:5.1f} s  hall-desk (window)")
        if exited is not None:
            raise SmokeFailure(f"the window closed by itself (exit {exited})\n{out}\n{err}")
        logged = "".join(p.read_text("utf-8", "replace") for p in self.home.rglob("*.log"))
        for text, where in ((err, "stderr"), (logged, "log")):
            if "Traceback" in text or "Error" in text:
                raise SmokeFailure(f"the window reported an error on its {where}:\n{text}")
        return err

    def all(self, expected_version: str | None = None) -> None:
        shown = self.version()
        if expected_version is not None and shown != f"hall-desk {expected_version}":
            raise SmokeFailure(f"--version says {shown!r}, expected hall-desk {expected_version}")
        self.init()
        self.demo_data()
        self.report_daily()
        self.window()


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Smoke test of an installed hall-desk program.")
    parser.add_argument("program", help="the hall-desk executable to try")
    parser.add_argument("--version", dest="expected", help="the version it must report")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="hall-desk-smoke-") as scratch:
        smoke = Smoke([os.path.abspath(args.program)], Path(scratch))
        try:
            smoke.all(args.expected)
        except SmokeFailure as failure:
            print("\n".join(smoke.log), file=sys.stderr)
            print(f"SMOKE TEST FAILED: {failure}", file=sys.stderr)
            return 1
        print("\n".join(smoke.log))
        print(f"smoke test passed: {args.program}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
