"""A long sync says how far it is: events so far of how many, the rate, and the time left — in
the window's sync panel (SyncProgress.text) and on the command line (a bar on a terminal,
plain lines otherwise)."""

from __future__ import annotations

import io

from hall_desk.domain.roles import SYSTEM_ACTOR
from hall_desk.services import progress_output
from hall_desk.services.progress_output import ProgressOutput
from hall_desk.sync import SyncProgress, sync_once
from hall_desk.sync.command import sync_steps
from hall_desk.sync.run import SyncOptions
from tests.sync.helpers import bulk_cases, projections


def test_a_first_pull_in_batches_reports_events_rate_and_time_left(hall, shared_url):
    w1, w2 = hall.ws("W1"), hall.ws("W2")
    bulk_cases(w1, 12, start=300)
    sync_once(w1, SYSTEM_ACTOR, shared_url)
    seen: list[SyncProgress] = []
    report = sync_once(
        w2, SYSTEM_ACTOR, shared_url, seen.append, options=SyncOptions(pull_batch=10)
    )

    pull = [p for p in seen if p.phase == "pull"]
    assert pull[0].done == 0 and pull[-1].done == pull[-1].total >= report.pulled > 20
    assert [p.done for p in pull] == sorted(p.done for p in pull)
    middle = [p for p in pull if 0 < p.done < p.total]
    assert middle, "a pull of several batches reports between them"
    text = middle[0].text
    assert f"拉取 {middle[0].done:,}/{middle[0].total:,} 条" in text
    assert "每秒" in text and "约剩" in text and middle[0].rate > 0
    assert pull[-1].text == f"拉取 {pull[-1].total:,}/{pull[-1].total:,} 条"
    # Batched folding leaves the same tables as the workstation that made the cases (each home
    # has its own admin).
    mine, theirs = projections(w2), projections(w1)
    assert mine["cases"] and mine["case_materials"]
    assert {k: v for k, v in mine.items() if k != "users"} == {
        k: v for k, v in theirs.items() if k != "users"
    }


def test_time_left_follows_the_rate_so_far():
    p = SyncProgress("pull", 2_000, 10_000, seconds=4.0)
    assert p.rate == 500 and p.seconds_left == 16
    assert p.text == "拉取 2,000/10,000 条，每秒 500 条，约剩 16 秒"
    assert "约剩 2 分 40 秒" in SyncProgress("pull", 1_000, 17_000, seconds=10.0).text
    assert "约剩 1 小时 6 分" in SyncProgress("pull", 100, 40_000, seconds=10.0).text
    assert SyncProgress("pull", 0, 10_000).seconds_left is None
    assert SyncProgress("pull", 0, 10_000).text == "拉取 0/10,000 条"


def test_the_command_line_draws_a_bar_on_a_terminal_and_clears_it():
    out = io.StringIO()
    drawn = ProgressOutput(out, terminal=True)
    shown = sync_steps(drawn)
    shown(SyncProgress("connect", 0, 0))
    shown(SyncProgress("pull", 2_000, 8_000, seconds=1.0))
    shown(SyncProgress("pull", 8_000, 8_000, seconds=4.0))
    shown(SyncProgress("done", 1, 1))
    drawn.close()
    text = out.getvalue()
    assert text.startswith("\r") and "拉取 2,000/8,000 条，每秒 2,000 条，约剩 3 秒" in text
    assert "█" * 6 + "░" * 18 in text and "█" * 24 in text
    assert text.endswith("\r\033[K") and "\n" not in text


def test_without_a_terminal_progress_is_plain_lines_now_and_then(monkeypatch):
    out = io.StringIO()
    drawn = ProgressOutput(out, terminal=False)
    shown = sync_steps(drawn)
    shown(SyncProgress("pull", 2_000, 8_000, seconds=1.0))
    assert out.getvalue() == "", "a short sync prints no progress at all"
    monkeypatch.setattr(progress_output, "LINE_EVERY_S", 0.0)
    shown(SyncProgress("pull", 4_000, 8_000, seconds=2.0))
    shown(SyncProgress("pull", 8_000, 8_000, seconds=4.0))
    shown(SyncProgress("done", 1, 1))
    drawn.close()
    assert out.getvalue().splitlines() == [
        "拉取 4,000/8,000 条，每秒 2,000 条，约剩 2 秒",
        "拉取 8,000/8,000 条",
    ]
    assert "\r" not in out.getvalue() and "\033" not in out.getvalue()
