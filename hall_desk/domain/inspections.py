"""巡查: the checklist's four groups and default items, findings, severity and escalation.

The default checklist follows the topics of GB/T 36112《政务服务中心服务现场管理规范》
(仪容仪表, 服务用语, 在岗在位, 环境卫生, 设施设备, 公示信息, 秩序 …); the hall keeps its own
in the settings. Every failed item becomes a finding against a person or a window, with a
severity and a fix deadline; findings against one person within a rolling 30 days escalate:
the first is a 提醒, the second a 调岗建议, the third and later a 约谈.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import date, timedelta
from enum import StrEnum


class CheckGroup(StrEnum):
    ENVIRONMENT = "environment"
    CONDUCT = "conduct"
    STANDARDS = "standards"
    EFFICIENCY = "efficiency"

    @property
    def label(self) -> str:
        return GROUP_LABELS[self]


GROUP_LABELS = {
    CheckGroup.ENVIRONMENT: "服务环境",
    CheckGroup.CONDUCT: "行为规范",
    CheckGroup.STANDARDS: "服务标准",
    CheckGroup.EFFICIENCY: "服务效率",
}

DEFAULT_CHECKLIST: Mapping[CheckGroup, tuple[str, ...]] = {
    CheckGroup.ENVIRONMENT: (
        "环境卫生整洁",
        "设施设备完好可用",
        "公示信息齐全准确",
        "大厅秩序良好",
    ),
    CheckGroup.CONDUCT: (
        "仪容仪表规范、佩戴工牌",
        "使用文明服务用语",
        "在岗在位，无脱岗串岗",
        "无玩手机、吃零食等与工作无关行为",
    ),
    CheckGroup.STANDARDS: (
        "首问负责、一次性告知",
        "按办事指南受理，材料不多要",
        "办件登记完整、留痕",
    ),
    CheckGroup.EFFICIENCY: (
        "叫号及时，群众等候不过长",
        "即办件当场办结",
        "承诺件按期办结",
    ),
}
MAX_ITEM = 60  # characters of a checklist item
MAX_ITEMS_PER_GROUP = 30
CHECKLIST_SETTING = "inspection_checklist"  # the hall's setting holding its checklist
CHECKLIST_MAX = 4 * MAX_ITEMS_PER_GROUP * (MAX_ITEM + 4) + 100  # its JSON, at the most


class Severity(StrEnum):
    MINOR = "minor"
    MAJOR = "major"
    SERIOUS = "serious"

    @property
    def label(self) -> str:
        return SEVERITY_LABELS[self]


SEVERITY_LABELS = {
    Severity.MINOR: "一般",
    Severity.MAJOR: "较重",
    Severity.SERIOUS: "严重",
}


class FindingState(StrEnum):
    OPEN = "open"  # waiting for the fix
    FIXED = "fixed"  # fixed, waiting for the inspector's re-check
    CLOSED = "closed"  # re-checked and passed

    @property
    def label(self) -> str:
        return {"open": "待整改", "fixed": "已整改待复查", "closed": "复查通过"}[self.value]


class Escalation(StrEnum):
    REMINDER = "reminder"
    TRANSFER = "transfer"
    TALK = "talk"

    @property
    def label(self) -> str:
        return {"reminder": "提醒", "transfer": "调岗建议", "talk": "约谈"}[self.value]


ESCALATION_WINDOW_DAYS = 30
BACKDATE_DAYS = 3  # a record of an inspection older than this needs a reason


def escalation_for(count: int) -> Escalation | None:
    """What `count` findings against one person within 30 days call for."""
    if count <= 0:
        return None
    if count == 1:
        return Escalation.REMINDER
    if count == 2:
        return Escalation.TRANSFER
    return Escalation.TALK


def window_start(day: date) -> date:
    """The first day of the rolling 30 days that end on `day` (both included)."""
    return day - timedelta(days=ESCALATION_WINDOW_DAYS - 1)


def findings_within(days: Iterable[date], day: date) -> int:
    start = window_start(day)
    return sum(1 for d in days if start <= d <= day)


def checklist_problem(checklist: Mapping[str, Iterable[str]]) -> str:
    """Why a checklist from the settings cannot be used; "" when it can."""
    if not isinstance(checklist, Mapping) or set(checklist) != {g.value for g in CheckGroup}:
        return "巡查清单应分为服务环境、行为规范、服务标准、服务效率四组"
    for group, items in checklist.items():
        if not isinstance(items, list | tuple):
            return "巡查清单的每组应为检查项的列表"
        names = list(items)
        label = CheckGroup(group).label
        if not names:
            return f"巡查清单「{label}」组至少要有一项"
        if len(names) > MAX_ITEMS_PER_GROUP:
            return f"巡查清单「{label}」组最多 {MAX_ITEMS_PER_GROUP} 项"
        if len(set(names)) != len(names):
            return f"巡查清单「{label}」组有重复的检查项"
        for name in names:
            if not isinstance(name, str) or not name.strip() or len(name) > MAX_ITEM:
                return f"巡查清单「{label}」组的检查项应为 1–{MAX_ITEM} 字"
    return ""
