"""Runs the command line's entry function in the test process, as a scheduler would start it."""

from __future__ import annotations

import contextlib
import io
import os
import sys
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class Result:
    returncode: int
    stdout: str
    stderr: str


class _Terminal(io.StringIO):
    """Captured output that says it is a terminal, as a person's shell is."""

    def isatty(self) -> bool:
        return True


def run_in_process(
    argv: list[str], env: dict[str, str], cwd: Path | None = None, *, terminal: bool = False
) -> Result:
    """`hall_desk.cli.main(argv)` with exactly `env` as the environment, stdin closed (empty and
    not a terminal, like /dev/null) and the output captured; the caller's environment, working
    folder and stdin are put back afterwards. Without the start-up of a child process, which the
    tests that need it (exit codes of the real entry point, no terminal) still pay for.
    `terminal`: stderr is a terminal (where progress is drawn as a bar)."""
    from hall_desk.cli import main

    saved_env, saved_cwd, saved_stdin = dict(os.environ), os.getcwd(), sys.stdin
    out, err = io.StringIO(), (_Terminal() if terminal else io.StringIO())
    os.environ.clear()
    os.environ.update(env)
    if cwd is not None:
        os.chdir(cwd)
    sys.stdin = io.StringIO()
    try:
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            try:
                code = main(argv)
            except SystemExit as exc:  # argparse: usage errors and --version
                code = exc.code if isinstance(exc.code, int) else (0 if exc.code is None else 1)
    finally:
        sys.stdin = saved_stdin
        os.chdir(saved_cwd)
        os.environ.clear()
        os.environ.update(saved_env)
    return Result(code, out.getvalue(), err.getvalue())
