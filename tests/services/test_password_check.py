"""argon2's 64 MiB is filled in a short-lived child process, never in the window's own: the
answers are the library's own, and the caller's resident peak stays where it was."""

from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerifyMismatchError

from hall_desk.services import password_check

ROOT = Path(__file__).resolve().parents[2]
STRONG = PasswordHasher()  # the program's parameters: 64 MiB, 3 passes


def test_the_child_verifies_a_strong_hash_as_the_library_does() -> None:
    stored = password_check.hash_password(STRONG, "correct horse 42")
    assert stored.startswith("$argon2id$v=19$m=65536,t=3,p=4$")
    assert STRONG.verify(stored, "correct horse 42"), "a hash the library itself accepts"
    assert password_check.verify(STRONG, stored, "correct horse 42") is True
    with pytest.raises(VerifyMismatchError):
        password_check.verify(STRONG, stored, "correct horse 43")
    with pytest.raises(InvalidHashError):
        password_check.verify(STRONG, "$argon2id$v=19$m=65536,t=3,p=4$broken", "x")
    with pytest.raises(InvalidHashError):
        password_check.verify(STRONG, "not a hash at all", "x")


class NotHere(PasswordHasher):
    """Fails the test when the work falls back to this process."""

    def verify(self, hash: str | bytes, password: str | bytes) -> bool:
        raise AssertionError("verified in this process, not in the child")


def test_the_child_is_this_program_whatever_the_current_folder(tmp_path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    # Another copy of the program in the folder the window was started from (an unpacked
    # older release, a source checkout) is not the one the child imports.
    (tmp_path / "hall_desk" / "services").mkdir(parents=True)
    (tmp_path / "hall_desk" / "__init__.py").write_text("")
    (tmp_path / "hall_desk" / "services" / "__init__.py").write_text("")
    monkeypatch.chdir(tmp_path)
    stored = STRONG.hash("correct horse 42")
    assert password_check.verify(NotHere(), stored, "correct horse 42") is True


def test_a_child_that_cannot_start_leaves_the_work_to_this_process(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    stored = STRONG.hash("correct horse 42")
    monkeypatch.setattr(password_check, "_command", lambda: (["/no/such/python"], {}))
    assert password_check.verify(STRONG, stored, "correct horse 42") is True
    with pytest.raises(VerifyMismatchError):
        password_check.verify(STRONG, stored, "wrong horse 42")
    assert password_check.hash_password(STRONG, "x").startswith("$argon2id$v=19$m=65536")


def test_the_callers_resident_peak_does_not_take_argon2s_memory() -> None:
    # A fresh process: its peak (VmHWM) before and after a verification through the child,
    # then the same verification in the process itself, which does lift it by the 64 MiB.
    script = textwrap.dedent(
        """
        from argon2 import PasswordHasher
        from hall_desk.services import password_check

        def peak():
            with open("/proc/self/status") as fh:
                return int(fh.read().split("VmHWM:")[1].split()[0]) // 1024

        strong = PasswordHasher()
        stored = password_check.hash_password(strong, "correct horse 42")
        before = peak()
        assert password_check.verify(strong, stored, "correct horse 42")
        through_child = peak() - before
        strong.verify(stored, "correct horse 42")
        print(through_child, peak() - before)
        """
    )
    done = subprocess.run(
        [sys.executable, "-c", script],
        cwd=ROOT,
        env={"PYTHONPATH": str(ROOT), "PATH": "/usr/bin:/bin"},
        capture_output=True,
        text=True,
        check=True,
    )
    through_child, in_process = (int(n) for n in done.stdout.split())
    assert in_process >= 60, "the yardstick: verifying here takes the 64 MiB"
    assert through_child < 8, f"the child held it, the caller grew {through_child} MB"


def test_a_child_started_ahead_answers_the_next_check_and_an_unused_one_ends_quietly() -> None:
    stored = STRONG.hash("correct horse 42")
    password_check.prestart(STRONG)
    waiting = list(password_check._spare)
    assert len(waiting) == 1 and waiting[0].poll() is None, "started, waiting for its job"
    password_check.prestart(STRONG)
    assert password_check._spare == waiting, "one child ahead at most"
    assert password_check.verify(NotHere(), stored, "correct horse 42") is True
    assert password_check._spare == [] and waiting[0].returncode == 0, "that child did it"
    # Nobody logs in after all: at exit the child gets no job and ends without a word.
    password_check.prestart(STRONG)
    unused = password_check._spare[0]
    password_check._drop_spare()
    assert unused.returncode == 0 and password_check._spare == []
    # A cheap hasher (the test suite's) starts nothing.
    password_check.prestart(PasswordHasher(memory_cost=1024, time_cost=1))
    assert password_check._spare == []
