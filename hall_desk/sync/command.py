"""`hall-desk sync [--shared URL] [--status]`: for schedulers, one line and an exit code."""

from __future__ import annotations

import sys
from collections.abc import Callable

from hall_desk.domain.errors import HallDeskError
from hall_desk.domain.progress import Progress
from hall_desk.domain.roles import Actor
from hall_desk.services.credentials import without_password
from hall_desk.services.progress_output import ProgressOutput
from hall_desk.services.workstation import Workstation
from hall_desk.sync.run import SyncProgress, sync_once
from hall_desk.sync.shared import parse_location
from hall_desk.sync.status import sync_status

EXIT_OK, EXIT_REFUSED = 0, 1


def sync_steps(shown: Progress) -> Callable[[SyncProgress], None]:
    """A sync's (or a rebuild's) reports as the command line's progress: pushing, pulling and
    replaying are counted; connecting and the closing "done" draw nothing (the summary line
    follows)."""

    def report(p: SyncProgress) -> None:
        if p.phase in ("connect", "done") or not p.total:
            return
        shown(p.done, p.total, p.text)

    return report


def run_sync_command(
    ws: Workstation, actor: Actor, *, shared: str | None, status_only: bool
) -> int:
    if status_only:
        for line in sync_status(ws).lines():
            print(line)
        return EXIT_OK
    try:
        location = parse_location(shared) if shared is not None else None
        shown = ProgressOutput(sys.stderr)
        try:
            report = sync_once(
                ws,
                actor,
                shared_url=location.config_value if location else None,
                progress=sync_steps(shown),
            )
        finally:
            shown.close()
    except HallDeskError as exc:
        print(f"同步失败：{exc.message}", file=sys.stderr)
        return EXIT_REFUSED
    if location is not None and ws.config.shared_url != location.config_value:
        # Remembered only once it worked: a mistyped address never becomes the nightly target.
        ws.config.shared_url = without_password(location.config_value, ws.home)
        ws.home.save_config(ws.config)
    print(report.summary)
    for notice in report.clock_notices:
        print(f"注意：{notice}", file=sys.stderr)
    if report.reset_reason:
        print(f"注意：{report.reset_reason}", file=sys.stderr)
    for notice in report.notices:
        print(f"注意：{notice}", file=sys.stderr)
    if report.refused:
        print(
            f"注意：{report.refused} 条事件因时钟超前、内容损坏、尚无校验码"
            f"或等待被删除的事件补回而被拒收，详见 hall-desk sync --status",
            file=sys.stderr,
        )
    return EXIT_OK
