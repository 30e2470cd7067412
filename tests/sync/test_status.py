"""Health and schedule: what the status bar and `hall-desk sync --status` report."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from datetime import datetime, timedelta
from pathlib import Path

import pytest

from hall_desk.domain.errors import ValidationError
from hall_desk.domain.roles import SYSTEM_ACTOR
from hall_desk.services import intake
from hall_desk.store.models_sync import SyncRun
from hall_desk.sync import (
    due_at_startup,
    missed_scheduled_sync,
    next_scheduled,
    parse_sync_time,
    sync_status,
)
from hall_desk.sync.command import run_sync_command
from tests.conftest import next_morning, running_clock
from tests.sync.helpers import DAY, FOOD, applicant, clerk, draft, local_events, sync

ROOT = Path(__file__).resolve().parents[2]


def at(text: str) -> datetime:
    return datetime.fromisoformat(text)


@pytest.mark.parametrize(
    ("now", "last", "missed"),
    [
        ("2026-11-24 08:00", None, True),  # never synced
        ("2026-11-24 08:00", "2026-11-24 02:00:05", False),  # last night's ran
        ("2026-11-24 08:00", "2026-11-23 02:00:05", True),  # last night's was missed
        ("2026-11-24 01:30", "2026-11-23 02:01", False),  # tonight's is not due yet
        ("2026-11-24 01:30", "2026-11-22 23:00", True),  # …but yesterday's was missed
        ("2026-11-24 02:00", "2026-11-24 01:59", True),  # due this very minute
        ("2026-11-24 23:59", "2026-11-24 09:15", False),  # an on-demand sync counts
    ],
)
def test_missed_scheduled_sync(now, last, missed):
    assert missed_scheduled_sync("02:00", at(last) if last else None, at(now)) is missed


def test_schedule_times():
    assert next_scheduled("02:00", at("2026-11-24 08:00")) == at("2026-11-25 02:00")
    assert next_scheduled("02:00", at("2026-11-24 01:00")) == at("2026-11-24 02:00")
    aware = at("2026-11-24 08:00+08:00")
    assert missed_scheduled_sync("02:00", aware - timedelta(hours=5), aware) is False
    assert parse_sync_time(" 2:30 ").hour == 2
    for bad in ("24:00", "2:5", "two", ""):
        with pytest.raises(ValidationError, match="同步时间"):
            parse_sync_time(bad)


def test_status_shows_unsent_work_its_age_and_the_last_outcomes(hall, tmp_path):
    url = str(tmp_path / "shared.sqlite3")
    # The workstation's own clock, at a mid-morning: "今天" and "3 小时前" hold at any real hour.
    w1 = hall.ws("W1", running_clock(next_morning()))
    status = sync_status(w1)
    assert not status.configured and status.last_success is None
    assert status.unsent == len(local_events(w1)) and status.oldest_unsent_at is not None
    assert status.oldest_unsent_age is not None
    assert "未配置共享数据库" in status.summary() and status.level == "warning"

    w1.config.shared_url = url
    assert due_at_startup(w1)
    report = sync(w1, url)
    status = sync_status(w1)
    assert status.unsent == 0 and status.oldest_unsent_age is None
    assert status.last_success is not None and status.last_success.pushed == report.pushed
    assert not status.failing and status.level == "ok" and not due_at_startup(w1)
    assert status.summary().startswith("上次同步 今天")

    intake.accept(w1, clerk(w1), draft(w1, [FOOD], applicant(950)), on=DAY)
    later = w1.now() + timedelta(hours=3)
    status = sync_status(w1, now=later)
    assert status.unsent == 2 and "未同步 2 条（最早 3 小时前）" in status.summary()
    lines = "\n".join(status.lines())
    assert "未同步事件：2 条" in lines and "上次成功同步：今天" in lines

    # A run that started and never finished (the process was killed) is shown as such.
    with w1.db.write() as s:
        s.add(SyncRun(started_at=w1.now().isoformat(), actor="cli"))
    status = sync_status(w1)
    assert status.interrupted is not None and status.failing and status.level == "error"
    assert status.summary().startswith("上次同步未完成")


def test_command_prints_one_line_and_remembers_the_address(hall, tmp_path, capsys):
    url = str(tmp_path / "shared.sqlite3")
    w1 = hall.ws("W1", running_clock(next_morning()))
    own = len(local_events(w1))
    assert run_sync_command(w1, SYSTEM_ACTOR, shared=url, status_only=False) == 0
    out, err = capsys.readouterr()
    assert out == f"推送 {own} 条，拉取 0 条，冲突 0 条\n" and err == ""
    saved = json.loads(w1.home.config_path.read_text(encoding="utf-8"))
    assert saved["shared_url"] == url
    # Next time without --shared: the remembered address is used.
    assert run_sync_command(w1, SYSTEM_ACTOR, shared=None, status_only=False) == 0
    assert capsys.readouterr().out == "推送 0 条，拉取 0 条，冲突 0 条\n"
    assert run_sync_command(w1, SYSTEM_ACTOR, shared=None, status_only=True) == 0
    assert "上次成功同步：今天" in capsys.readouterr().out


def test_command_failure_is_exit_1_with_the_reason_and_nothing_remembered(hall, tmp_path, capsys):
    w1 = hall.ws("W1")
    missing = tmp_path / "no-such-folder" / "shared.sqlite3"
    assert run_sync_command(w1, SYSTEM_ACTOR, shared=str(missing), status_only=False) == 1
    out, err = capsys.readouterr()
    assert out == "" and err.startswith("同步失败：共享数据库所在目录不存在")
    assert json.loads(w1.home.config_path.read_text(encoding="utf-8"))["shared_url"] == ""
    assert run_sync_command(w1, SYSTEM_ACTOR, shared=None, status_only=False) == 1
    assert "尚未配置共享数据库" in capsys.readouterr().err


@pytest.mark.postgres
def test_the_real_command_line(hall, pg_url):
    """`hall-desk --home … sync --shared URL` as a scheduler runs it: no terminal, one line."""
    home = hall.home("W2")
    env = {k: v for k, v in os.environ.items() if not k.startswith("HALL_DESK_")}
    env["PYTHONIOENCODING"] = "utf-8"

    def run(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [sys.executable, "-m", "hall_desk", "--home", str(home), "sync", *args],
            cwd=ROOT,
            env=env,
            stdin=subprocess.DEVNULL,
            capture_output=True,
            text=True,
            timeout=120,
        )

    done = run("--shared", pg_url)
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith("推送 ") and done.stdout.count("\n") == 1
    again = run()
    assert (again.returncode, again.stdout) == (0, "推送 0 条，拉取 0 条，冲突 0 条\n")
    status = run("--status")
    assert status.returncode == 0 and "未同步事件：0 条" in status.stdout
    bad = run("--shared", "mysql://root@localhost/hall")
    assert bad.returncode == 1 and "不支持" in bad.stderr and bad.stdout == ""
