"""Long work runs off the GUI thread; progress, results and failures come back as signals."""

from __future__ import annotations

import threading

from hall_desk.domain.errors import ValidationError
from hall_desk.ui.background import BackgroundTask


def test_work_runs_in_another_thread_and_reports_progress(qtbot) -> None:
    main = threading.get_ident()
    seen: list[tuple[int, int, str]] = []

    def work(progress):  # type: ignore[no-untyped-def]
        for i in range(3):
            progress(i + 1, 3, f"第 {i + 1} 批")
        return threading.get_ident()

    task = BackgroundTask(work)
    task.progress.connect(lambda d, t, text: seen.append((d, t, text)))
    with qtbot.waitSignal(task.finished, timeout=5000) as result:
        task.start()
    assert result.args[0] != main
    assert seen == [(1, 3, "第 1 批"), (2, 3, "第 2 批"), (3, 3, "第 3 批")]
    assert not task.running


def test_refusals_and_crashes_come_back_as_failed(qtbot) -> None:
    def refuse(progress):  # type: ignore[no-untyped-def]
        raise ValidationError("shared_url", "共享数据库地址无效")

    task = BackgroundTask(refuse)
    with qtbot.waitSignal(task.failed, timeout=5000) as failure:
        task.start()
    assert failure.args == ["共享数据库地址无效", ""]

    def crash(progress):  # type: ignore[no-untyped-def]
        raise RuntimeError("connection reset")

    task2 = BackgroundTask(crash)
    with qtbot.waitSignal(task2.failed, timeout=5000) as failure2:
        task2.start()
    assert failure2.args[0] == "connection reset" and "RuntimeError" in failure2.args[1]


def test_a_refusal_also_comes_back_whole_so_a_form_can_place_it(qtbot) -> None:
    def refuse(progress):  # type: ignore[no-untyped-def]
        raise ValidationError("shared_url", "共享数据库地址无效")

    task = BackgroundTask(refuse)
    with qtbot.waitSignal(task.refused, timeout=5000) as refusal:
        task.start()
    error = refusal.args[0]
    assert isinstance(error, ValidationError) and error.field == "shared_url"
