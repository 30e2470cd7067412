"""argon2 hashing and verification in a short-lived child process, so the window never holds
argon2's memory.

argon2id's memory cost is the point of it: the RFC 9106 low-memory profile the passwords are
hashed with (users.py) fills 64 MiB for every verification. In the window's process that was a
third of its resident peak at login (181 MB), although the memory is given back at once. A
child process that verifies and exits holds the 64 MiB for the 0.1 s it runs; the parameters,
and so the protection of the stored hashes, are unchanged. The child costs an interpreter
start and an argon2 import (about 50–80 ms) at login. A hash whose memory cost is small
(the test suite's cheap hasher) is verified in the process itself.

The password goes to the child on its standard input, never on its command line (which other
users of the machine can read in the process list). A child that cannot be started or answers
nothing sensible is not trusted: the work is then done in this process, as before.
"""

from __future__ import annotations

import atexit
import contextlib
import json
import os
import subprocess
import sys
import threading
from pathlib import Path

from argon2 import PasswordHasher, extract_parameters
from argon2.exceptions import InvalidHashError, VerificationError, VerifyMismatchError

# Below this memory cost (KiB) the work is done here: it would not lift the resident peak.
CHILD_FROM_KIB = 16 * 1024
CHILD_ENV = "HALL_DESK_ARGON2_CHILD"  # a frozen program runs itself as the child (__main__)
TIMEOUT_S = 30
_ROOT = str(Path(__file__).resolve().parents[2])
_spare: list[subprocess.Popen[str]] = []  # at most one child started ahead (prestart)
_spare_lock = threading.Lock()  # a password change may check in a worker thread


def verify(hasher: PasswordHasher, stored: str, password: str) -> bool:
    """As hasher.verify: True, or VerifyMismatchError / InvalidHashError."""
    params = extract_parameters(stored)  # InvalidHashError for what is not an argon2 hash
    if params.memory_cost < CHILD_FROM_KIB:
        return hasher.verify(stored, password)
    answer = _child({"op": "verify", "hash": stored, "password": password})
    if answer == {"ok": True}:
        return True
    if answer == {"ok": False}:
        raise VerifyMismatchError("password does not match")
    if answer == {"invalid": True}:
        raise InvalidHashError("not a valid argon2 hash")
    return hasher.verify(stored, password)


def hash_password(hasher: PasswordHasher, password: str) -> str:
    """As hasher.hash, with the hasher's parameters."""
    if hasher.memory_cost < CHILD_FROM_KIB:
        return hasher.hash(password)
    answer = _child(
        {
            "op": "hash",
            "password": password,
            "time_cost": hasher.time_cost,
            "memory_cost": hasher.memory_cost,
            "parallelism": hasher.parallelism,
            "hash_len": hasher.hash_len,
            "salt_len": hasher.salt_len,
        }
    )
    made = answer.get("hash") if answer else None
    if isinstance(made, str) and made.startswith("$argon2"):
        return made
    return hasher.hash(password)


def _command() -> tuple[list[str], dict[str, str]]:
    env = {**os.environ, CHILD_ENV: "1"}
    if getattr(sys, "frozen", False):  # the packaged program: its own executable is the child
        return [sys.executable], env
    env["PYTHONPATH"] = os.pathsep.join(p for p in (_ROOT, env.get("PYTHONPATH", "")) if p)
    code = "from hall_desk.services.password_check import child_main; child_main()"
    # -P: not the current folder first on the path, where another copy of the program may be.
    return [sys.executable, "-P", "-c", code], env


def _start() -> subprocess.Popen[str] | None:
    command, env = _command()
    try:
        return subprocess.Popen(
            command,
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            env=env,
            # No console window flashing up over the window on Windows.
            creationflags=getattr(subprocess, "CREATE_NO_WINDOW", 0),
        )
    except OSError:
        return None


def prestart(hasher: PasswordHasher) -> None:
    """Start the next check's child now, while the login or lock screen waits for the password:
    its interpreter start (a few hundred ms for the packaged program) then overlaps the typing,
    and pressing Enter costs argon2's own time only. A cheap hasher starts nothing."""
    if hasher.memory_cost < CHILD_FROM_KIB:
        return
    with _spare_lock:
        if _spare and _spare[-1].poll() is None:
            return
        _spare.clear()
        started = _start()
        if started is not None:
            _spare.append(started)


def _take() -> subprocess.Popen[str] | None:
    """The waiting child if it is still alive, else a new one."""
    with _spare_lock:
        while _spare:
            waiting = _spare.pop()
            if waiting.poll() is None:
                return waiting
    return _start()


@atexit.register
def _drop_spare() -> None:
    """A child nobody needed: closing its input ends it (child_main sees no job)."""
    with _spare_lock:
        for waiting in _spare:
            with contextlib.suppress(OSError, subprocess.SubprocessError):
                waiting.communicate("", timeout=5)
        _spare.clear()


def _child(job: dict[str, object]) -> dict[str, object] | None:
    running = _take()
    if running is None:
        return None
    try:
        out, _err = running.communicate(json.dumps(job), timeout=TIMEOUT_S)
    except (OSError, subprocess.SubprocessError):
        running.kill()
        with contextlib.suppress(OSError, subprocess.SubprocessError):
            running.communicate(timeout=5)
        return None
    try:
        answer = json.loads(out.strip().splitlines()[-1])
    except (ValueError, IndexError):
        return None
    return answer if running.returncode == 0 and isinstance(answer, dict) else None


def child_main() -> None:
    """The child: one job from standard input, one line of JSON on standard output."""
    given = sys.stdin.read()
    if not given.strip():  # a child started ahead that nobody needed
        return
    job = json.loads(given)
    if job.get("op") == "verify":
        try:
            answer: dict[str, object] = {
                "ok": PasswordHasher().verify(job["hash"], job["password"])
            }
        except VerificationError:
            answer = {"ok": False}
        except InvalidHashError:
            answer = {"invalid": True}
    else:
        keys = ("time_cost", "memory_cost", "parallelism", "hash_len", "salt_len")
        answer = {"hash": PasswordHasher(**{k: int(job[k]) for k in keys}).hash(job["password"])}
    sys.stdout.write(json.dumps(answer) + "\n")
    sys.stdout.flush()
