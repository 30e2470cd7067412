"""Why a sync stopped, in words the person at the desk can act on."""

from __future__ import annotations

from hall_desk.domain.errors import StorageError


class SyncError(StorageError):
    """The sync was refused or interrupted; nothing unacknowledged is lost, the next run resumes."""


class SyncBusy(SyncError):
    """A sync of this workstation is already running in this program."""


class ProjectionFailed(SyncError):
    """Our own code failed while applying a pulled event: a program defect, not bad data.

    The pull stops before that batch: the event is neither applied nor quarantined and the
    cursor stays before it, so the next sync (after the fix) applies it.
    """

    def __init__(self, kind: str, event_id: str, origin: str, cause: BaseException) -> None:
        text = str(cause).strip().splitlines()[0] if str(cause).strip() else ""
        super().__init__(
            f"应用工作站 {origin} 的事件（{kind}，编号 {event_id}）时程序出错："
            f"{type(cause).__name__} {text}".strip()
            + "。这是程序缺陷而不是数据损坏：同步已停止，该事件未丢失也未被拒收，"
            "程序修复后再次同步即会补上，请联系技术支持"
        )
        self.kind, self.event_id, self.origin = kind, event_id, origin
