"""The command line's drawing of progress, whatever the work: a bar with its words on a
terminal (the words alone while the total is unknown), plain lines now and then otherwise."""

from __future__ import annotations

import io

import pytest

from hall_desk.services import progress_output
from hall_desk.services.progress_output import ProgressOutput


def test_an_unknown_total_draws_the_words_alone_then_the_bar() -> None:
    out = io.StringIO()
    shown = ProgressOutput(out, terminal=True)
    shown(0, 0, "正在读取办件台账…")
    shown(500, 2_000, "已写入 500 / 2,000 行")
    shown(2_500, 2_000, "已写入 2,500 / 2,000 行")  # never more than a full bar
    shown.close()
    assert out.getvalue().split("\r") == [
        "",
        "正在读取办件台账…\033[K",
        "██████░░░░░░░░░░░░░░░░░░ 已写入 500 / 2,000 行\033[K",
        "█" * 24 + " 已写入 2,500 / 2,000 行\033[K",
        "\033[K",
    ]


def test_plain_lines_come_every_few_seconds_and_a_long_step_says_it_finished(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    now = [100.0]
    monkeypatch.setattr(progress_output.time, "monotonic", lambda: now[0])
    out = io.StringIO()
    shown = ProgressOutput(out, terminal=False)
    for second, done in ((1, 0), (3, 100), (6, 200), (8, 300), (9, 400)):
        now[0] = 100.0 + second
        shown(done, 400, f"{done}/400")
    now[0] = 109.5
    shown(0, 10, "next 0/10")
    now[0] = 110.0
    shown(10, 10, "next 10/10")  # short, inside the interval: not said
    shown.close()
    assert out.getvalue().splitlines() == ["200/400", "400/400"]
