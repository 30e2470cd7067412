"""`init` killed at any moment leaves a home that `init` finishes, never one it refuses."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from hall_desk.domain.errors import StorageError
from hall_desk.services.home import Home
from hall_desk.services.integrity import verify_audit
from hall_desk.services.setup import init_home
from hall_desk.services.workstation import Workstation

ROOT = Path(__file__).resolve().parents[2]


def _killed_init(home: Path, when: str) -> None:
    """Kills `hall-desk init` as soon as the file `when` appears in the home."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("HALL_DESK_")}
    proc = subprocess.Popen(
        [sys.executable, "-m", "hall_desk", "--home", str(home), "init", "--hall", "测试中心"],
        cwd=ROOT,
        env=env,
        stdin=subprocess.DEVNULL,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    deadline = time.monotonic() + 60
    while not (home / when).exists() and proc.poll() is None and time.monotonic() < deadline:
        time.sleep(0.002)
    proc.send_signal(signal.SIGKILL)
    proc.wait(timeout=30)


# The stages init passes through: marker, key, database, config, anchor (catalog imported).
@pytest.mark.parametrize(
    "when", ["init.incomplete", "hall.key", "local.sqlite3", "config.json", "audit.anchor"]
)
def test_init_killed_midway_can_be_run_again(tmp_path, when):
    home = tmp_path / "home"
    _killed_init(home, when)
    assert (home / when).exists()
    if Home(home).init_interrupted():
        # Half a home is not opened as if it were whole…
        with pytest.raises(StorageError, match="初始化没有完成"):
            Workstation(Home(home))
        # …and whatever moment the kill came, init completes now.
        ws = init_home(Home(home), hall="测试中心", workstation="W01")
    elif Home(home).is_initialised():
        ws = Workstation(Home(home))  # the kill came after the last step: the home is whole
    else:
        ws = init_home(Home(home), hall="测试中心", workstation="W01")
    try:
        assert not Home(home).init_interrupted()
        assert verify_audit(ws).ok
        with ws.reading() as session:
            assert len(ws.catalog_items(session)) > 50  # the bundled catalog is all there
    finally:
        ws.close()
