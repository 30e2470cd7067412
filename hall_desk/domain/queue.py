"""The hall's queue (取号/叫号): queues, ticket states, calling rule, figures, the voice text.

Pure rules: the services keep the live state in the shared database and call these to decide.
"""

from __future__ import annotations

import json
import math
import re
import unicodedata
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import datetime, time
from enum import StrEnum
from typing import Any

from hall_desk.domain.assistance import AssistanceFlag
from hall_desk.domain.errors import ValidationError, ValidationErrors
from hall_desk.domain.text import clean_text


class TicketState(StrEnum):
    """等候 → 已呼叫 → 办理中 → 完成 / 过号 / 离开 / 挂起 / 已转移."""

    WAITING = "waiting"
    CALLED = "called"
    SERVING = "serving"
    DONE = "done"
    NO_SHOW = "no_show"
    LEFT = "left"
    PARKED = "parked"
    TRANSFERRED = "transferred"

    @property
    def label(self) -> str:
        return _STATE_LABELS[self]


_STATE_LABELS = {
    TicketState.WAITING: "等候",
    TicketState.CALLED: "已呼叫",
    TicketState.SERVING: "办理中",
    TicketState.DONE: "完成",
    TicketState.NO_SHOW: "过号",
    TicketState.LEFT: "离开",
    TicketState.PARKED: "挂起",
    TicketState.TRANSFERRED: "已转移",
}

# A ticket in one of these still holds its holder's place: one per ID number per queue.
ACTIVE_STATES = frozenset(
    {TicketState.WAITING, TicketState.CALLED, TicketState.SERVING, TicketState.PARKED}
)
# What a window holds as its current visit.
AT_WINDOW_STATES = frozenset({TicketState.CALLED, TicketState.SERVING})


class QueueAction(StrEnum):
    CALL = "call"
    RECALL = "recall"
    START = "start"
    FINISH = "finish"
    NO_SHOW = "no_show"
    LEAVE = "leave"
    PARK = "park"
    RESUME = "resume"
    TRANSFER = "transfer"

    @property
    def label(self) -> str:
        return {
            "call": "叫号",
            "recall": "重呼",
            "start": "开始办理",
            "finish": "办结",
            "no_show": "过号",
            "leave": "离开",
            "park": "挂起",
            "resume": "恢复",
            "transfer": "转移",
        }[self.value]


_W, _C, _S, _P = TicketState.WAITING, TicketState.CALLED, TicketState.SERVING, TicketState.PARKED
TRANSITIONS: Mapping[QueueAction, tuple[frozenset[TicketState], TicketState]] = {
    QueueAction.CALL: (frozenset({_W}), _C),
    QueueAction.RECALL: (frozenset({_C}), _C),
    QueueAction.START: (frozenset({_C}), _S),
    QueueAction.FINISH: (frozenset({_C, _S}), TicketState.DONE),
    QueueAction.NO_SHOW: (frozenset({_C}), TicketState.NO_SHOW),
    QueueAction.LEAVE: (frozenset({_W, _C, _P}), TicketState.LEFT),
    QueueAction.PARK: (frozenset({_C, _S}), _P),
    QueueAction.RESUME: (frozenset({_P}), _C),
    QueueAction.TRANSFER: (frozenset({_W, _C, _S, _P}), TicketState.TRANSFERRED),
}


class QueueTransitionError(ValidationError):
    def __init__(self, label: str, state: TicketState, action: QueueAction) -> None:
        super().__init__("ticket", f"{label} 号当前为「{state.label}」，不能{action.label}")


def after(label: str, state: TicketState, action: QueueAction) -> TicketState:
    """The state `action` leads to from `state`, or a refusal naming both."""
    allowed, target = TRANSITIONS[action]
    if state not in allowed:
        raise QueueTransitionError(label, state, action)
    return target


class Priority(StrEnum):
    NORMAL = "normal"
    GREEN = "green"

    @property
    def label(self) -> str:
        return "绿色通道" if self is Priority.GREEN else "普通"


# The 帮您办 flags that give priority at the door (the other groups are helped, not moved up).
GREEN_FLAGS = frozenset(
    {
        AssistanceFlag.ELDERLY,
        AssistanceFlag.DISABLED,
        AssistanceFlag.PREGNANT,
        AssistanceFlag.ILL,
    }
)


def priority_for(flags: Iterable[AssistanceFlag], needs_help: bool = False) -> Priority:
    """绿色通道 for 老年人/残疾人/孕妇/伤病, and for whoever pressed 需要帮助 at the kiosk."""
    return Priority.GREEN if needs_help or GREEN_FLAGS & set(flags) else Priority.NORMAL


# --- queues and their settings ------------------------------------------------------------------

MAX_NUMBER = 9999
DEFAULT_QUOTA = 300
DEFAULT_RATIO = 2
DEFAULT_RECALL_LIMIT = 3
DEFAULT_REPEAT = 2
DEFAULT_SERVICE_S = 300  # assumed service time before a queue has finished anyone today


@dataclass(frozen=True)
class QueueSpec:
    """One queue: its letter, name, the windows serving it ("" = every window), a day's quota
    and number range (never wrapped), and its hours."""

    code: str
    name: str
    windows: tuple[str, ...] = ()
    quota: int = DEFAULT_QUOTA
    first: int = 1
    last: int = 999
    opens: time = time(9, 0)
    closes: time = time(17, 0)

    def label(self, number: int) -> str:
        return f"{self.code}{number:0{max(3, len(str(self.last)))}d}"

    def served_by(self, window: str) -> bool:
        return not self.windows or window in self.windows


@dataclass(frozen=True)
class CallingRules:
    """The hall-wide calling rules, one value each for every queue."""

    green_ratio: int = DEFAULT_RATIO  # at most this many green calls per normal call
    recall_limit: int = DEFAULT_RECALL_LIMIT  # the recall after this many makes the ticket 过号
    repeat: int = DEFAULT_REPEAT  # how many times the display says each call


@dataclass(frozen=True)
class QueueSettings:
    queues: tuple[QueueSpec, ...]
    green_ratio: int = DEFAULT_RATIO  # at most this many green calls per normal call
    recall_limit: int = DEFAULT_RECALL_LIMIT
    repeat: int = DEFAULT_REPEAT  # how many times the display says each call

    @property
    def rules(self) -> CallingRules:
        return CallingRules(self.green_ratio, self.recall_limit, self.repeat)

    def with_rules(self, rules: CallingRules) -> QueueSettings:
        return replace(
            self,
            green_ratio=rules.green_ratio,
            recall_limit=rules.recall_limit,
            repeat=rules.repeat,
        )

    def queue(self, code: str) -> QueueSpec:
        for spec in self.queues:
            if spec.code == code:
                return spec
        raise ValidationError("queue", f"没有代码为「{code}」的队列")

    def queues_of(self, window: str) -> tuple[QueueSpec, ...]:
        return tuple(q for q in self.queues if q.served_by(window))

    def encode(self) -> str:
        return json.dumps(
            {
                "green_ratio": self.green_ratio,
                "recall_limit": self.recall_limit,
                "repeat": self.repeat,
                "queues": [
                    {
                        "code": q.code,
                        "name": q.name,
                        "windows": list(q.windows),
                        "quota": q.quota,
                        "first": q.first,
                        "last": q.last,
                        "opens": q.opens.strftime("%H:%M"),
                        "closes": q.closes.strftime("%H:%M"),
                    }
                    for q in self.queues
                ],
            },
            ensure_ascii=False,
            separators=(",", ":"),
        )

    @classmethod
    def parse(cls, text: str) -> QueueSettings:
        """The stored form back; a value that does not check is refused, naming what."""
        try:
            raw = json.loads(text)
        except ValueError as exc:
            raise ValidationError("queues", "队列设置不是有效的 JSON") from exc
        if not isinstance(raw, dict) or not isinstance(raw.get("queues"), list):
            raise ValidationError("queues", "队列设置缺少队列列表")
        queues = []
        for n, q in enumerate(raw["queues"], 1):
            if not isinstance(q, dict):
                raise ValidationError("queues", f"第 {n} 个队列的设置无效")
            try:
                queues.append(
                    QueueSpec(
                        code=str(q["code"]),
                        name=str(q["name"]),
                        windows=tuple(str(w) for w in q.get("windows", [])),
                        quota=_int(q.get("quota", DEFAULT_QUOTA)),
                        first=_int(q.get("first", 1)),
                        last=_int(q.get("last", 999)),
                        opens=time.fromisoformat(str(q.get("opens", "09:00"))),
                        closes=time.fromisoformat(str(q.get("closes", "17:00"))),
                    )
                )
            except (KeyError, ValueError, TypeError) as exc:
                raise ValidationError("queues", f"第 {n} 个队列的设置无效（{exc}）") from exc
        settings = cls(
            tuple(queues),
            green_ratio=_int(raw.get("green_ratio", DEFAULT_RATIO)),
            recall_limit=_int(raw.get("recall_limit", DEFAULT_RECALL_LIMIT)),
            repeat=_int(raw.get("repeat", DEFAULT_REPEAT)),
        )
        settings.check()
        return settings

    def check(self) -> None:
        errors = []
        if not self.queues:
            errors.append(ValidationError("queues", "至少须设一个队列"))
        seen: set[str] = set()
        for q in self.queues:
            where = f"队列「{q.code}」"
            if len(q.code) != 1 or not ("A" <= q.code <= "Z"):
                errors.append(ValidationError("code", f"{where}的代码须为一个大写字母 A–Z"))
            if q.code in seen:
                errors.append(ValidationError("code", f"{where}重复"))
            seen.add(q.code)
            if not q.name.strip() or len(q.name) > 20:
                errors.append(ValidationError("name", f"{where}的名称须为 1–20 个字"))
            if not 1 <= q.first <= q.last <= MAX_NUMBER:
                errors.append(
                    ValidationError(
                        "range", f"{where}的号段须在 1–{MAX_NUMBER} 之间且起号不大于止号"
                    )
                )
            if q.quota < 1:
                errors.append(ValidationError("quota", f"{where}的每日限额须至少为 1"))
            if q.opens >= q.closes:
                errors.append(ValidationError("hours", f"{where}的开始取号时间须早于结束时间"))
        if not 1 <= self.green_ratio <= 10:
            errors.append(ValidationError("green_ratio", "绿色通道连续优先次数须为 1–10"))
        if not 1 <= self.recall_limit <= 10:
            errors.append(ValidationError("recall_limit", "重呼次数上限须为 1–10"))
        if not 1 <= self.repeat <= 5:
            errors.append(ValidationError("repeat", "语音播报次数须为 1–5"))
        if errors:
            raise errors[0] if len(errors) == 1 else ValidationErrors(errors)


def _int(value: Any) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise ValueError(f"{value!r} 不是整数")
    return value


DEFAULT_SETTINGS = QueueSettings(
    (
        QueueSpec("A", "综合受理"),
        QueueSpec("B", "综合咨询"),
        QueueSpec("C", "统一出件"),
        QueueSpec("D", "办不成事"),
    )
)


# --- the calling rule ---------------------------------------------------------------------------


@dataclass(frozen=True)
class Candidate:
    """A waiting ticket as the calling rule sees it."""

    id: str
    queue: str
    label: str
    priority: Priority
    issued_ms: int

    @property
    def order(self) -> tuple[int, str]:
        return (self.issued_ms, self.label)


@dataclass(frozen=True)
class Choice:
    ticket: Candidate
    streak: int  # the queue's green streak after this call


def choose(
    waiting: Iterable[Candidate], streaks: Mapping[str, int], ratio: int = DEFAULT_RATIO
) -> Choice | None:
    """The ticket a window calls next from the waiting tickets of its queues.

    Per queue: the longest-waiting green ticket, unless that queue has already called `ratio`
    greens in a row while a normal ticket waited, then the longest-waiting normal one. Among
    the queues' picks: green first, then the longest wait. `streaks[q]` counts queue q's green
    calls since its last normal call made while normals waited.
    """
    oldest: dict[tuple[str, Priority], Candidate] = {}
    for c in waiting:
        key = (c.queue, c.priority)
        if key not in oldest or c.order < oldest[key].order:
            oldest[key] = c
    picks: list[Choice] = []
    for queue in sorted({q for q, _ in oldest}):
        green = oldest.get((queue, Priority.GREEN))
        normal = oldest.get((queue, Priority.NORMAL))
        streak = streaks.get(queue, 0)
        if green is not None and (normal is None or streak < ratio):
            picks.append(Choice(green, streak + 1 if normal is not None else 0))
        elif normal is not None:
            picks.append(Choice(normal, 0))
    if not picks:
        return None
    return min(picks, key=lambda p: (p.ticket.priority is not Priority.GREEN, p.ticket.order))


def call_order(tickets: Sequence[Candidate], ratio: int = DEFAULT_RATIO) -> list[Candidate]:
    """The order one window serving every queue would call `tickets` (all waiting already)."""
    left = list(tickets)
    streaks: dict[str, int] = {}
    out = []
    while left:
        choice = choose(left, streaks, ratio)
        assert choice is not None
        streaks[choice.ticket.queue] = choice.streak
        out.append(choice.ticket)
        left.remove(choice.ticket)
    return out


def recall_outcome(recalls: int, limit: int) -> QueueAction:
    """A recall after `recalls` earlier ones: another call, or 过号 once the limit is used up."""
    return QueueAction.NO_SHOW if recalls >= limit else QueueAction.RECALL


# --- figures ------------------------------------------------------------------------------------


def seconds_between(start: datetime, end: datetime) -> float:
    """Wait = call − issue, service = finish − call: seconds, never whole minutes cut off."""
    return (end - start).total_seconds()


def minutes_text(seconds: float | None) -> str:
    return "—" if seconds is None else f"{seconds / 60:.1f} 分钟"


def mean(values: Sequence[float]) -> float | None:
    return sum(values) / len(values) if values else None


def p90(values: Sequence[float]) -> float | None:
    """The 90th percentile by nearest rank: the wait nine in ten people did not exceed."""
    if not values:
        return None
    ordered = sorted(values)
    return ordered[max(0, math.ceil(0.9 * len(ordered)) - 1)]


def estimate_wait_s(ahead: int, mean_service_s: float, open_windows: int) -> float:
    """People ahead × recent mean service time ÷ windows open (at least one)."""
    return ahead * mean_service_s / max(1, open_windows)


# --- the voice and the screen -------------------------------------------------------------------

_DIGITS = "零一二三四五六七八九"


def spoken_label(label: str) -> str:
    """A001 → "A 零 零 一": digits one by one, as a number is read out in the hall."""
    return " ".join(_DIGITS[int(ch)] if ch.isdigit() else ch for ch in label)


def announcement(label: str, window: str) -> str:
    """What the voice says: 请 A 零 零 一 号 到 3 号窗口."""
    return f"请 {spoken_label(label)} 号 到 {window} 号窗口"


def display_text(label: str, window: str) -> str:
    return f"请 {label} 号到 {window} 号窗口办理"


def window_from_code(code: str) -> str:
    """W03 → "3": the window number in a workstation code, else the code itself."""
    digits = "".join(ch for ch in code if ch.isdigit())
    return str(int(digits)) if digits else code


WINDOW_KEY = "queue_window"  # HomeConfig.extra: the window number this workstation calls for
WINDOW_NUMBER_MAX = 999


def clean_window_number(raw: str, field: str = WINDOW_KEY) -> str:
    """The window number as typed in 设置: 1–999 ("03" is 3), or "" for a workstation that
    calls no numbers. A number the display says aloud must be a plain one: no letters."""
    # Full-width digits (a Chinese input method's ３) are the same number.
    text = unicodedata.normalize("NFKC", clean_text(raw, field, "叫号窗口号", max_len=8))
    if not text:
        return ""
    if not (text.isascii() and text.isdigit()) or not 1 <= int(text) <= WINDOW_NUMBER_MAX:
        raise ValidationError(
            field,
            f"叫号窗口号应为 1–{WINDOW_NUMBER_MAX} 的数字（如 3），"
            f"本工作站不叫号则留空；「{text}」不是这样的数字",
        )
    return str(int(text))


def typed_windows(raw: str) -> tuple[str, ...]:
    """The windows serving a queue as typed in 设置 ("1,2、3" or "1 2 3"); empty: every window."""
    text = clean_text(raw, "windows", "服务窗口", max_len=200)
    parts = [p for p in re.split(r"[,，、;；\s]+", unicodedata.normalize("NFKC", text)) if p]
    numbers = [clean_window_number(p, "windows") for p in parts]
    return tuple(sorted(set(numbers), key=int))


def typed_queue(
    code: str,
    name: str,
    windows: str,
    *,
    quota: int,
    first: int,
    last: int,
    opens: time,
    closes: time,
) -> QueueSpec:
    """One queue as the admin typed it; QueueSettings.check() then judges it with the others."""
    letter = clean_text(code, "code", "队列代码", max_len=4).upper()
    return QueueSpec(
        letter,
        clean_text(name, "name", "队列名称", max_len=40),
        typed_windows(windows),
        quota=quota,
        first=first,
        last=last,
        opens=opens,
        closes=closes,
    )
