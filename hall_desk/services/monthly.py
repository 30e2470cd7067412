"""运营报告: the month's figures the contract is accepted on, its lead's sections, publication.

A month is a calendar month; its working days are the hall's working calendar. The figures are
counted from the projections (SQL: `hall_desk.store.queries.monthly`), by the business day each
record carries (the day a case was taken in, a folder moved, a result was handed out, a ticket
received), never by when the row reached this database. Once published, a month's figures are
frozen in its `monthly_report.published` event as canonical JSON; the report of that month is
rebuilt from those bytes ever after. Events dated inside a published month that reach this
database later (a late sync) are listed in the next month's report as 补录, with their effect.

Every figure is defined once, here; the report's appendix (附录) prints these lines as they
stand (`definitions()` reads them), so the definition a reader audits is the one in the code.
Each line is "- `key` 名称：定义", continued on indented lines. The 好差评, 队伍 and 排队 sections
(`services.monthly_sections`) define their own figures beside their SQL, and those definitions
travel with their figures.

- `intake_total` 受理环节办件：登记日（办件的 created_on）在本月的办件，每件按其第一个受理环节事件
  （受理、容缺受理、一次性告知补正、不予受理、即办办结）计一次；与每日工作汇总的“受理环节合计”同一
  口径。
- `accepted` 受理：其中第一个受理环节事件为“受理”（材料齐全）的办件。
- `accepted_deferred` 容缺受理：其中第一个受理环节事件为“容缺受理”的办件。
- `supplement_requested` 一次性告知补正：其中第一个受理环节事件为“一次性告知补正”的办件。
- `refused_at_intake` 当场不予受理：其中第一个受理环节事件为“不予受理”的办件。
- `completed_at_window` 即办件当场办结：其中第一个受理环节事件为“即办办结”的办件。
- `supplements_received` 补正后受理：受理环节为一次性告知补正、补正材料收齐后受理日（accepted_on）
  在本月的办件。
- `supplement_rounds` 补正轮次：本月登记的办件中，按其事件中补正要求（一次性告知补正与预审退回补正
  ）的次数分为 1 次、2 次、3 次及以上，各计办件数（截至报告生成时）。
- `refusals` 不予受理：本月登记、现状态为不予受理的办件（当场不予受理，或补正后不予受理），按不予
  受理理由原文归类计数。
- `time_limited_completed` 有时限办件办结：办结日（completed_on：审批部门作出决定，或即办办结）在
  本月、受理日已知的办件，即办件除外（承诺件、上报件、联办件）。
- `average_used` 平均实际用时：上述办件从受理次日起到办结日的用时之和除以件数；时限单位为工作日（G
  ）的按大厅工作日历计工作日，自然日（Z）的计自然日；中止计时（补正、特别程序）期间不计。
- `average_limit` 平均承诺时限：上述办件承诺时限（limit_days，单位同上）之和除以件数。
- `speedup` 提速率：（承诺时限之和 − 实际用时之和）÷ 承诺时限之和；分母为 0 时不计算。
- `on_time` 按期办结：上述办件中有办结期限（due_date，受理时按工作日历计算并保存）且办结日不晚于该
  期限的件数。
- `late` 超期办结：上述办件中办结日晚于保存的办结期限的件数。
- `on_time_rate` 按期办结率：按期办结 ÷（按期办结 + 超期办结）。
- `top_items` 事项排名：本月登记的办件按所含事项计数（一件事含多个事项的，每个事项各计一件），取前
   10 位。
- `top_departments` 部门排名：本月登记的办件按所含事项的实施部门计数（一件办件在每个涉及的部门各计
  一件），取前 10 位。
- `idle_departments` 无业务部门：事项库中有事项、但本月没有任何登记办件涉及的实施部门。
- `themes` 一件事：本月登记、按一件事主题受理的办件，按主题计数。
- `consultations` 咨询登记：登记日（on）在本月的咨询记录；按咨询内容原文归类，取前 10 位。
- `consultation_to_intake` 咨询转入受理率：本月咨询中处理结果为“转入受理”的条数 ÷ 本月咨询条数。
- `consultation_linked` 首问负责跟办：转入受理的咨询中已关联到办件的条数 ÷ 转入受理的条数。
- `dispatched` 移交审批部门：本月有“移交部门”交接（handoffs，交接日 on 在本月）的办件数，每件计一
  次。
- `returned` 部门办结返回：本月有“部门取回”交接的办件数，每件计一次。
- `dwell` 岗位停留时间：材料袋到达某岗位（上一交接的接收方）至离开该岗位（下一交接的移交方）的自然
  时长（小时），离开日在本月的各次停留，按受理窗口、流转岗、各审批部门、出件窗口分组，取中位数与第
   90 百分位数（最近秩法）。
- `deliveries` 出件：出件日（deliveries.on，邮寄的为寄出日）在本月的出件记录，按本人领取、代领、邮
  寄分列。
- `mail_returned` 邮件退回：退回日在本月的邮寄出件记录。
- `green_channel` 帮您办（绿色通道）：本月登记、标记绿色通道的办件；按帮办对象（一件办件可有多个对
  象，各计一次）与服务方式分列。
- `tickets_received` 工单登记：登记日（received_on）在本月的工单（投诉、建议、咨询、表扬），按类别
  分列；办不成事另按问题类型分列。
- `tickets_closed` 工单办结：办结日（closed_on：归档或不予受理）在本月的工单。
- `tickets_on_time` 工单按期办结率：本月办结且有办理期限的工单中，办结日不晚于期限的条数 ÷ 本月办
  结且有办理期限的条数。
- `tickets_reopened` 工单重新办理：本月有“重新办理”步骤的工单数。
- `repeated_causes` 重复原因：本月登记的工单中，原因分析原文相同且出现 2 次及以上的原因。
- `cases_per_day` 每工作日办件：本月每个工作日的受理环节办件数（同 intake_total 的口径）。
- `cases_by_hour` 分时段办件：本月受理环节办件按登记时刻（办件首个事件的混合逻辑时钟，本机时区）的
  小时计数。
- `late_entries` 补录：上月报告发布后才到达本机、业务日期在上月内的事件；列出其日期、类型与对象，
  并以上月各主要指标“发布值 → 现值”说明其影响；上月已发布的报告不因此改变。
- `change` 环比、同比：本月主要指标与上月、上年同月之比；该月已发布的，用其发布时冻结的数值，否则
  按现有数据计算；基数为 0 时不计算百分比。
"""

from __future__ import annotations

import calendar as month_calendar
import hashlib
import json
import re
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime
from math import ceil
from typing import Any

from sqlalchemy.orm import Session

from hall_desk.domain.assistance import AssistanceFlag, ServiceMode
from hall_desk.domain.calendar import WorkingCalendar
from hall_desk.domain.clock import Timestamp
from hall_desk.domain.errors import ValidationError, ValidationErrors
from hall_desk.domain.figures import NOT_COMPUTED, ratio, ratio_text, value_text
from hall_desk.domain.lifecycle import CaseEvent, event_for_kind
from hall_desk.domain.limits import MAX_REPORT_TEXT
from hall_desk.domain.progress import Progress, quiet
from hall_desk.domain.roles import Actor, Permission
from hall_desk.domain.stations import DEPT_PREFIX, Move, is_window, station_department
from hall_desk.domain.text import clean_text
from hall_desk.domain.tickets import BbcsKind, TicketClass
from hall_desk.services import monthly_sections
from hall_desk.services.workstation import Workstation
from hall_desk.store.event_names import MONTHLY_REPORT_ENTITY, SYNC_CONFLICT_ENTITY
from hall_desk.store.models import Event
from hall_desk.store.queries import monthly as q
from hall_desk.store.queries.monthly import Period

ENTITY = MONTHLY_REPORT_ENTITY
TEXT_KIND = "monthly_report.text_saved"
PUBLISH_KIND = "monthly_report.published"
PUBLISH_DAY_KEY = "monthly_publish_working_day"  # in HomeConfig.extra
DEFAULT_PUBLISH_DAY = 3  # the lead publishes from the 3rd working day of the next month
TOP = 10
LATE_LIST_LIMIT = 50
MONTH = re.compile(r"^(\d{4})-(\d{2})$")

# The figures of 概况, compared month on month and year on year, in the order printed.
KEY_FIGURES: tuple[str, ...] = (
    "intake_total",
    "accepted",
    "accepted_deferred",
    "completed_at_window",
    "time_limited_completed",
    "on_time_rate",
    "speedup",
    "consultations",
    "deliveries",
    "green_channel",
    "tickets_received",
)

INTAKE_KEYS = {
    CaseEvent.ACCEPT.value: "accepted",
    CaseEvent.ACCEPT_DEFERRED.value: "accepted_deferred",
    CaseEvent.REQUEST_SUPPLEMENT.value: "supplement_requested",
    CaseEvent.REFUSE.value: "refused_at_intake",
    CaseEvent.COMPLETE_AT_WINDOW.value: "completed_at_window",
}
RECIPIENTS = {"applicant": "本人领取", "proxy": "代领", "mail": "邮寄"}


# --- definitions ---------------------------------------------------------------------------


@dataclass(frozen=True)
class Definition:
    key: str
    label: str
    text: str


def definitions() -> dict[str, Definition]:
    """Every figure's name and definition, read from this module's docstring."""
    out: dict[str, Definition] = {}
    last = ""
    for line in (__doc__ or "").splitlines():
        found = re.match(r"^- `(\w+)` ([^：]+)：(.*)$", line)
        if found:
            last = found.group(1)
            out[last] = Definition(last, found.group(2), found.group(3))
        elif last and line.startswith("  ") and line.strip():
            d = out[last]
            out[last] = Definition(d.key, d.label, d.text + line.strip())
        else:
            last = ""
    return out


def label(key: str) -> str:
    return definitions()[key].label


# --- the month --------------------------------------------------------------------------------


def parse_month(text: str) -> str:
    """ "2026-11" checked; the month as its canonical text."""
    found = MONTH.match((text or "").strip())
    if not found or not 1 <= int(found.group(2)) <= 12 or int(found.group(1)) < 2000:
        raise ValidationError("month", f"月份「{text}」无效，应为 YYYY-MM，例如 2026-11")
    return f"{int(found.group(1)):04d}-{int(found.group(2)):02d}"


def period_of(month: str) -> Period:
    year, number = (int(part) for part in parse_month(month).split("-"))
    days = month_calendar.monthrange(year, number)[1]
    return Period(date(year, number, 1), date(year, number, days))


def shift(month: str, months: int) -> str:
    year, number = (int(part) for part in parse_month(month).split("-"))
    index = year * 12 + number - 1 + months
    return f"{index // 12:04d}-{index % 12 + 1:02d}"


def month_of(day: date) -> str:
    return f"{day.year:04d}-{day.month:02d}"


def cn_month(month: str) -> str:
    year, number = month.split("-")
    return f"{year} 年 {int(number)} 月"


def publish_day_setting(ws: Workstation) -> int:
    raw = ws.config.extra.get(PUBLISH_DAY_KEY)
    if isinstance(raw, int) and not isinstance(raw, bool) and 1 <= raw <= 20:
        return raw
    return DEFAULT_PUBLISH_DAY


def earliest_publication(ws: Workstation, month: str) -> date:
    """The N-th working day of the next month (the setting), the first day it may be published."""
    cal = ws.calendar()
    day = period_of(month).last
    for _ in range(publish_day_setting(ws)):
        day = cal.next_working_day(day)
    return day


def refuse_future(ws: Workstation, month: str) -> None:
    if period_of(month).first > ws.today():
        raise ValidationError("month", f"{cn_month(month)}尚未开始，不能生成运营报告")


# --- canonical data ---------------------------------------------------------------------------


def canonical(data: dict[str, Any]) -> str:
    """The one byte form of the figures: the PDF, the .xlsx and the published event share it."""
    return json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":"))


def digest(data: dict[str, Any]) -> str:
    return hashlib.sha256(canonical(data).encode("utf-8")).hexdigest()


# --- hooks for sections other modules add ----------------------------------------------------


@dataclass(frozen=True)
class SectionHook:
    """A section whose records another part of the program keeps: 好差评 (ratings, beside the
    tickets), 队伍 (evaluations, inspections, meetings), 排队 (the queue); see
    `services.monthly_sections`. `compute(ws, session, period)` returns, over the month,
    {"rows": [[名称, 数值], …], "tables": [{"title", "headers", "rows"}, …], "chart": {…},
    "note": "…", "summary": "a sentence for 概况", "definitions": {名称: 定义}} (all but "rows"
    optional), or None when it has nothing for it — then the section is left out. Its
    definitions travel with its figures, so a month published before a section existed keeps the
    appendix and the figures it had. The PDF and the .xlsx print every registered section's rows
    and tables."""

    key: str
    title: str
    compute: Callable[[Workstation, Session, Period], dict[str, Any] | None]


SECTION_HOOKS: list[SectionHook] = []  # the sections of services.monthly_sections, below


def register_section(hook: SectionHook) -> None:
    if all(h.key != hook.key for h in SECTION_HOOKS):
        SECTION_HOOKS.append(hook)


register_section(SectionHook("ratings", "好差评", monthly_sections.ratings_section))
register_section(SectionHook("staff", "队伍", monthly_sections.staff_section))
register_section(SectionHook("queue", "排队", monthly_sections.queue_section))


# --- figures ----------------------------------------------------------------------------------


def _used_days(cal: WorkingCalendar, c: q.Completed) -> int:
    """From the day after acceptance to completion, paused days not counted."""

    def span(a: date, b: date) -> int:
        if b <= a:
            return 0
        return cal.working_days_between(a, b) if c.limit_unit == "G" else (b - a).days

    used = span(c.accepted_on, c.completed_on)
    for start, end in json.loads(c.pauses or "[]"):
        a = max(date.fromisoformat(start), c.accepted_on)
        b = min(date.fromisoformat(end) if end else c.completed_on, c.completed_on)
        used -= span(a, b)
    return max(used, 0)


def _station_group(station: str) -> str:
    if is_window(station):
        return "受理窗口"
    if station.startswith(DEPT_PREFIX):
        return f"审批部门：{station_department(station)}"
    return {"routing": "流转岗", "delivery": "出件窗口", "applicant": "申请人（退回前）"}.get(
        station, station
    )


def _nearest_rank(ordered: list[float], share: float) -> float:
    return ordered[max(ceil(share * len(ordered)) - 1, 0)]


def _dwell(rows: list[tuple[str, float]]) -> list[list[Any]]:
    stays: dict[str, list[float]] = {}
    groups: dict[str, str] = {}  # a month's tens of thousands of stays are at a few stations
    for station, hours in rows:
        group = groups.get(station)
        if group is None:
            group = groups[station] = _station_group(station)
        stays.setdefault(group, []).append(max(hours, 0.0))
    order = {"受理窗口": 0, "流转岗": 1, "出件窗口": 3}
    out = []
    for group, v in sorted(stays.items(), key=lambda kv: (order.get(kv[0], 2), kv[0])):
        v.sort()
        out.append(
            [group, len(v), round(_nearest_rank(v, 0.5), 1), round(_nearest_rank(v, 0.9), 1)]
        )
    return out


def _hour(hlc: str) -> int:
    # The local hour of the reading's whole second (fromtimestamp gives local time already).
    return datetime.fromtimestamp(Timestamp.decode(hlc).ms // 1000).hour


def _labels(encoded: str, labels: dict[str, str]) -> list[str]:
    return [labels.get(v, v) for v in encoded.split(",") if v]


# The figures are counted in parts, so that a comparison month (环比, 同比, 补录's effects)
# counts only the parts its key figures and `has_data` come from, by the same code.


def _intake_part(counted: q.Intake) -> dict[str, Any]:
    return {
        "intake_total": sum(counted.by_kind.values()),
        **{key: counted.by_kind.get(kind, 0) for kind, key in INTAKE_KEYS.items()},
        "supplements_received": counted.supplements_received,
    }


def _completed_part(s: Session, cal: WorkingCalendar, p: Period) -> dict[str, Any]:
    completed = q.completed_with_limit(s, p)
    cases = sum(c.cases for c in completed)
    used = sum(_used_days(cal, c) * c.cases for c in completed)
    limit = sum(c.limit_days * c.cases for c in completed)
    with_due = sum(c.cases for c in completed if c.due_date is not None)
    on_time = sum(
        c.cases for c in completed if c.due_date is not None and c.completed_on <= c.due_date
    )
    return {
        "time_limited_completed": cases,
        "average_used": round(used / cases, 1) if cases else None,
        "average_limit": round(limit / cases, 1) if cases else None,
        "speedup": ratio(limit - used, limit),
        "on_time": on_time,
        "late": with_due - on_time,
        "on_time_rate": ratio(on_time, with_due),
    }


def _consultation_part(s: Session, p: Period) -> dict[str, Any]:
    consulted, to_intake, linked = q.consultations(s, p)
    return {
        "consultations": consulted,
        "consultation_to_intake": ratio(to_intake, consulted),
        "consultation_linked": ratio(linked, to_intake),
    }


def _routing_part(s: Session, p: Period) -> dict[str, Any]:
    moved = q.moved_cases(s, p)
    delivered = q.deliveries(s, p)
    return {
        "dispatched": moved.get(Move.DISPATCH.value, 0),
        "returned": moved.get(Move.RECEIVE_BACK.value, 0),
        "deliveries": sum(delivered.values()),
        "deliveries_by_recipient": [
            [name, delivered.get(kind, 0)] for kind, name in RECIPIENTS.items()
        ],
    }


def _green_part(s: Session, p: Period) -> dict[str, Any]:
    green = q.green_channel(s, p)
    flags = Counter[str]()
    modes = Counter[str]()
    flag_labels = {f.value: f.label for f in AssistanceFlag}
    mode_labels = {m.value: m.label for m in ServiceMode}
    for encoded, mode, n in green:
        for name in _labels(encoded, flag_labels):
            flags[name] += n
        modes[mode_labels.get(mode, mode or "（未注明）")] += n
    return {
        "green_channel": sum(n for *_, n in green),
        "green_by_flag": [[f.label, flags.get(f.label, 0)] for f in AssistanceFlag],
        "green_by_mode": [[m.label, modes.get(m.label, 0)] for m in ServiceMode],
    }


def _ticket_part(s: Session, p: Period) -> dict[str, Any]:
    classes = Counter[str]()
    bbcs = Counter[str]()
    for ticket_class, kind, n in q.tickets_by_class(s, p):
        classes[ticket_class] += n
        if kind:
            bbcs[kind] += n
    closed, closed_with_due, closed_on_time = q.tickets_closed(s, p)
    return {
        "tickets_received": sum(classes.values()),
        "tickets_by_class": [[c.label, classes.get(c.value, 0)] for c in TicketClass],
        "bbcs_by_kind": [[k.label, bbcs.get(k.value, 0)] for k in BbcsKind],
        "tickets_closed": closed,
        "tickets_on_time": ratio(closed_on_time, closed_with_due),
    }


def comparison_figures(s: Session, cal: WorkingCalendar, month: str) -> dict[str, Any]:
    """The figures of `month` a comparison reads (KEY_FIGURES, and what `has_data` asks), as
    `month_figures` counts them, without the rest."""
    p = period_of(month)
    return {
        **_intake_part(q.intake(s, p)),
        **_completed_part(s, cal, p),
        **_consultation_part(s, p),
        **_routing_part(s, p),
        **_green_part(s, p),
        **_ticket_part(s, p),
    }


def month_figures(s: Session, cal: WorkingCalendar, month: str) -> dict[str, Any]:
    """Every figure of sections 2–6 of one month, as plain JSON-ready data."""
    p = period_of(month)
    intake = q.intake(s, p)
    rounds = q.supplement_rounds(s, p)
    items = q.items(s, p)
    departments = q.departments(s, p)
    busy = {d for d, _ in departments}
    hours = Counter(_hour(h) for h in q.created_clocks(s, p))
    working_days = [
        date.fromordinal(o)
        for o in range(p.first.toordinal(), p.last.toordinal() + 1)
        if cal.is_working_day(date.fromordinal(o))
    ]
    return {
        **_intake_part(intake),
        "supplement_rounds": [
            ["1 次", rounds.get(1, 0)],
            ["2 次", rounds.get(2, 0)],
            ["3 次及以上", sum(n for k, n in rounds.items() if k >= 3)],
        ],
        "refusals": [[reason or "（未注明理由）", n] for reason, n in q.refusals_by_reason(s, p)],
        **_completed_part(s, cal, p),
        "top_items": [[code, name, dept, n] for code, name, dept, n in items[:TOP]],
        "item_count": len(items),
        "top_departments": [[d, n] for d, n in departments[:TOP]],
        "department_count": len(departments),
        "idle_departments": [d for d in q.catalog_departments(s) if d not in busy],
        "themes": [[name, n] for _code, name, n in q.themes(s, p)],
        **_consultation_part(s, p),
        "consultation_topics": [[t, n] for t, n in q.consultation_topics(s, p)[:TOP]],
        **_routing_part(s, p),
        "dwell": _dwell(q.stays(s, p)),
        "mail_returned": q.mail_returned(s, p),
        **_green_part(s, p),
        **_ticket_part(s, p),
        "tickets_reopened": q.tickets_reopened(s, p),
        "repeated_causes": [[c, n] for c, n in q.ticket_causes(s, p)],
        "cases_per_day": [[d.isoformat(), intake.by_day.get(d, 0)] for d in working_days],
        "cases_by_hour": [[h, hours[h]] for h in sorted(hours)],
        "working_days": len(working_days),
    }


def has_data(f: dict[str, Any]) -> bool:
    return any(
        f.get(k)
        for k in (
            "intake_total",
            "time_limited_completed",
            "consultations",
            "dispatched",
            "returned",
            "deliveries",
            "tickets_received",
            "tickets_closed",
        )
    )


def sections_present(f: dict[str, Any]) -> list[str]:
    """Sections appear only when their data exists."""
    present = ["overview"]
    if f["intake_total"] or f["time_limited_completed"] or f["supplements_received"]:
        present.append("intake")
    if f["consultations"]:
        present.append("consultations")
    if f["dispatched"] or f["returned"] or f["deliveries"] or f["dwell"] or f["mail_returned"]:
        present.append("routing")
    if f["green_channel"]:
        present.append("green")
    if f["tickets_received"] or f["tickets_closed"] or f["tickets_reopened"]:
        present.append("tickets")
    return present


# --- comparison and 补录 ---------------------------------------------------------------------


def _key_values(f: dict[str, Any]) -> dict[str, Any]:
    return {k: f.get(k) for k in KEY_FIGURES}


def _change(now: Any, before: Any) -> str:
    if before is None or now is None:
        return NOT_COMPUTED
    if isinstance(now, list):
        if not now[1] or not before[1]:
            return NOT_COMPUTED
        points = now[0] * 100 / now[1] - before[0] * 100 / before[1]
        return f"{points:+.1f} 个百分点"
    if isinstance(now, float) or isinstance(before, float):
        return f"{now - before:+.1f}"
    if not before:
        return f"{now - before:+d}（基数为 0）"
    return f"{now - before:+d}（{(now - before) * 100 / before:+.1f}%）"


def _frozen(row: Any) -> dict[str, Any]:
    return json.loads(row.figures)


def _compare_values(
    s: Session, cal: WorkingCalendar, month: str, published: dict[str, Any]
) -> tuple[dict[str, Any] | None, str]:
    if month in published:
        return _key_values(_frozen(published[month])["figures"]), "已发布"
    figures = comparison_figures(s, cal, month)
    if not has_data(figures):
        return None, "无数据"
    return _key_values(figures), "按现有数据"


def _event_day(ev: Event) -> date:
    """The business day of an event: the day its record carries (a handoff's, delivery's,
    consultation's or ticket step's `on`, a case's intake day, a rating's, meeting's,
    inspection's or queue ticket's day), else its clock's day."""
    try:
        body = json.loads(ev.payload)
    except ValueError:
        body = {}
    values = body.get("set") if isinstance(body.get("set"), dict) else {}
    step = body.get("step") if isinstance(body.get("step"), dict) else {}
    dated = (
        values.get("on"),
        step.get("on"),
        values.get("created_on"),
        *(values.get(k) for k in ("rated_on", "held_on", "inspected_on")),
        values.get("day") if ev.entity_type == "queue_ticket" else None,
    )
    for text in dated:
        if isinstance(text, str):
            try:
                return date.fromisoformat(text)
            except ValueError:
                continue
    return datetime.fromtimestamp(Timestamp.decode(ev.hlc).ms / 1000).astimezone().date()


def _kind_label(kind: str) -> str:
    step = event_for_kind(kind)
    if step is not None:
        return step.label
    return {
        "consultation.logged": "登记咨询",
        "consultation.updated": "更正咨询",
        "handoff.recorded": "材料交接",
        "handover_sheet.recorded": "交接单",
        "delivery.recorded": "出件",
        "delivery.mail_returned": "邮件退回",
        "case.updated": "办件信息更新",
        "case.clock_paused": "中止计时",
        "case.clock_resumed": "恢复计时",
    }.get(kind) or _prefix_label(kind)


def _prefix_label(kind: str) -> str:
    for prefix, name in (
        ("ticket.", "工单"),
        ("rating.", "好差评"),
        ("meeting.", "会议"),
        ("inspection.", "巡查"),
        ("queue_ticket.", "排队"),
        ("evaluation.", "绩效考评"),
    ):
        if kind.startswith(prefix):
            return name
    return kind


def _late_entries(
    ws: Workstation, s: Session, cal: WorkingCalendar, previous: str, published: dict[str, Any]
) -> dict[str, Any] | None:
    row = published.get(previous)
    if row is None:
        return None
    p = period_of(previous)
    skip = {ENTITY, SYNC_CONFLICT_ENTITY}
    late = [
        ev
        for ev in q.events_beyond(
            s,
            json.loads(row.known or "{}"),
            p,
            _day_start_hlc(p.first),
            _day_start_hlc(date.fromordinal(p.last.toordinal() + 1)),
        )
        if ev.entity_type not in skip and p.first <= _event_day(ev) <= p.last
    ]
    if not late:
        return {"month": previous, "count": 0, "events": [], "effects": []}
    numbers = q.case_numbers(s, [ev.entity_id for ev in late if ev.entity_type == "case"])
    frozen = _frozen(row)["figures"]
    now = comparison_figures(s, cal, previous)
    effects = [
        [label(k), value_text(frozen.get(k)), value_text(now.get(k))]
        for k in KEY_FIGURES
        if frozen.get(k) != now.get(k)
    ]
    effects += _section_effects(s, ws, p, _frozen(row).get("extra", {}))
    return {
        "month": previous,
        "count": len(late),
        "events": [
            [
                _event_day(ev).isoformat(),
                _kind_label(ev.kind),
                numbers.get(ev.entity_id, ev.entity_id) if ev.entity_type == "case" else "",
                ev.origin,
            ]
            for ev in late[:LATE_LIST_LIMIT]
        ],
        "effects": effects,
    }


def _section_effects(
    s: Session, ws: Workstation, p: Period, frozen: dict[str, Any]
) -> list[list[str]]:
    """What late events changed in the rows of the sections the month was published with."""
    out = []
    for hook in SECTION_HOOKS:
        if hook.key not in frozen:
            continue
        now = {name: value for name, value in (hook.compute(ws, s, p) or {}).get("rows", [])}
        for name, before in frozen[hook.key].get("rows", []):
            if now.get(name) != before:
                out.append([f"{hook.title}：{name}", value_text(before), value_text(now.get(name))])
    return out


def _summary(month: str, f: dict[str, Any], previous: dict[str, Any] | None) -> str:
    """The month in a few sentences, built from the figures."""
    if not has_data(f):
        return f"{cn_month(month)}本中心无业务数据。"
    parts = [
        f"{cn_month(month)}共 {f['working_days']} 个工作日，受理环节办件 {f['intake_total']} 件"
        f"（受理 {f['accepted']} 件，容缺受理 {f['accepted_deferred']} 件，即办件当场办结 "
        f"{f['completed_at_window']} 件，一次性告知补正 {f['supplement_requested']} 件，"
        f"当场不予受理 {f['refused_at_intake']} 件）。",
        f"有时限办件办结 {f['time_limited_completed']} 件，按期办结率 "
        f"{ratio_text(f['on_time_rate'])}，提速率 {ratio_text(f['speedup'])}。",
        f"登记咨询 {f['consultations']} 条，出件 {f['deliveries']} 件，"
        f"帮您办 {f['green_channel']} 件，工单 {f['tickets_received']} 条。",
    ]
    if previous is not None and previous.get("intake_total"):
        change = _change(f["intake_total"], previous["intake_total"])
        parts.append(f"受理环节办件较上月 {change}。")
    return "".join(parts)


def _extra_summary(extra: dict[str, Any]) -> str:
    """The sentences the registered sections give for 概况 (their optional "summary")."""
    return "".join(str(section.get("summary", "")) for section in extra.values())


def counting_text(done: int, total: int) -> str:
    return f"正在统计：{done}/{total} 节"


def report_data(
    ws: Workstation, s: Session, month: str, progress: Progress = quiet
) -> dict[str, Any]:
    """The canonical figures of `month` as counted now (a draft, or what a publication freezes).
    `progress` hears the parts counted of all (a busy hall's month is seconds each)."""
    total = 4 + len(SECTION_HOOKS)  # the month, the two comparisons, each section, late events
    counted = 0

    def one_more() -> None:
        nonlocal counted
        counted += 1
        progress(counted, total, counting_text(counted, total))

    progress(0, total, counting_text(0, total))
    cal = ws.calendar(s)
    f = month_figures(s, cal, month)
    one_more()
    published = q.published_rows(s)
    previous, previous_source = _compare_values(s, cal, shift(month, -1), published)
    one_more()
    last_year, last_year_source = _compare_values(s, cal, shift(month, -12), published)
    one_more()
    extra = {}
    for hook in SECTION_HOOKS:
        found = hook.compute(ws, s, period_of(month))
        if found:
            extra[hook.key] = {"title": hook.title, **found}
        one_more()
    late = _late_entries(ws, s, cal, shift(month, -1), published)
    one_more()
    p = period_of(month)
    return {
        "month": month,
        "hall": ws.hall,
        "first": p.first.isoformat(),
        "last": p.last.isoformat(),
        "has_data": has_data(f),
        "sections": sections_present(f),
        "summary": _summary(month, f, previous) + _extra_summary(extra),
        "figures": f,
        "compare": {
            "keys": list(KEY_FIGURES),
            "previous": {"month": shift(month, -1), "source": previous_source, "values": previous},
            "last_year": {
                "month": shift(month, -12),
                "source": last_year_source,
                "values": last_year,
            },
        },
        "late": late,
        "extra": extra,
    }


def key_table(data: dict[str, Any]) -> list[list[str]]:
    """[名称, 本月, 上月, 环比, 上年同月, 同比] for each key figure."""
    f = data["figures"]
    before = data["compare"]["previous"]["values"] or {}
    year = data["compare"]["last_year"]["values"] or {}
    rows = []
    for k in data["compare"]["keys"]:
        rows.append(
            [
                label(k),
                value_text(f.get(k)),
                value_text(before.get(k)) if before else NOT_COMPUTED,
                _change(f.get(k), before.get(k)) if before else NOT_COMPUTED,
                value_text(year.get(k)) if year else NOT_COMPUTED,
                _change(f.get(k), year.get(k)) if year else NOT_COMPUTED,
            ]
        )
    return rows


# --- the report as a person asks for it --------------------------------------------------------


@dataclass(frozen=True)
class OpenConflict:
    case_no: str
    kind: str
    origin: str
    other_origin: str


@dataclass(frozen=True)
class MonthlyReport:
    month: str
    data: dict[str, Any]  # the canonical figures (frozen once published)
    sha256: str
    problems: str  # 问题与整改
    plan: str  # 下月工作计划
    published: bool
    published_at: str = ""
    publisher: str = ""
    may_publish_from: date | None = None
    conflicts: tuple[OpenConflict, ...] = field(default=())

    @property
    def draft(self) -> bool:
        return not self.published

    @property
    def has_data(self) -> bool:
        return bool(self.data.get("has_data"))


def monthly_report(
    ws: Workstation, actor: Actor, month: str, progress: Progress = quiet
) -> MonthlyReport:
    """The month's report: frozen as published, or a draft counted from the data as it is now
    (`progress` hears the counting)."""
    month = _month_asked(ws, actor, month)
    with ws.reading() as s:
        row = q.report_row(s, month)
        if row is not None and row.published:
            return _as_published(month, row)
        data = report_data(ws, s, month, progress)
        conflicts = _open_conflicts(s, month)
    return MonthlyReport(
        month=month,
        data=data,
        sha256=digest(data),
        problems=row.problems if row is not None else "",
        plan=row.plan if row is not None else "",
        published=False,
        may_publish_from=earliest_publication(ws, month),
        conflicts=conflicts,
    )


def _month_asked(ws: Workstation, actor: Actor, month: str) -> str:
    """The month a report is asked for, checked: the person may see reports, the month is
    well-formed and not in the future."""
    actor.require(Permission.REPORTS)
    month = parse_month(month)
    refuse_future(ws, month)
    return month


def _as_published(month: str, row: Any) -> MonthlyReport:
    return MonthlyReport(
        month=month,
        data=_frozen(row),
        sha256=row.sha256,
        problems=row.problems,
        plan=row.plan,
        published=True,
        published_at=row.published_at,
        publisher=row.publisher_name or row.published_by,
    )


def final_report(
    ws: Workstation, actor: Actor, month: str, progress: Progress = quiet
) -> MonthlyReport:
    """The month's report as published: frozen if it was, else published now, its figures
    counted once, inside the publication's transaction (not first as a draft, then again)."""
    month = _month_asked(ws, actor, month)
    with ws.reading() as s:
        row = q.report_row(s, month)
        if row is not None and row.published:
            return _as_published(month, row)
    return publish(ws, actor, month, progress=progress)


def _open_conflicts(s: Session, month: str) -> tuple[OpenConflict, ...]:
    p = period_of(month)
    start = _day_start_hlc(p.first)
    end = _day_start_hlc(date.fromordinal(p.last.toordinal() + 1))
    return tuple(
        OpenConflict(c.case_no or c.case_id, _kind_label(c.kind), c.origin, c.other_origin)
        for c in q.open_conflicts(s, start, end, p)
    )


def _day_start_hlc(day: date) -> str:
    start = datetime.combine(day, datetime.min.time()).astimezone()
    return Timestamp(int(start.timestamp() * 1000), 0).encode()


def _clean_sections(problems: str, plan: str) -> tuple[str, str]:
    errors = []
    cleaned: list[str] = []
    for value, name, what in ((problems, "problems", "问题与整改"), (plan, "plan", "下月工作计划")):
        try:
            cleaned.append(clean_text(value, name, what, max_len=MAX_REPORT_TEXT, multiline=True))
        except ValidationError as exc:
            errors.append(exc)
    if errors:
        raise errors[0] if len(errors) == 1 else ValidationErrors(errors)
    return cleaned[0], cleaned[1]


def _refuse_published(row: Any, month: str) -> None:
    if row is not None and row.published:
        raise ValidationError(
            "month", f"{cn_month(month)}的运营报告已于 {row.published_at[:10]} 发布，不能再修改"
        )


def save_sections(ws: Workstation, actor: Actor, month: str, problems: str, plan: str) -> None:
    """The lead's own sections (问题与整改, 下月工作计划), saved before publication."""
    actor.require(Permission.REPORTS)
    month = parse_month(month)
    refuse_future(ws, month)
    problems, plan = _clean_sections(problems, plan)
    with ws.transaction(actor) as tx:
        _refuse_published(q.report_row(tx.session, month), month)
        tx.emit(TEXT_KIND, ENTITY, month, {"problems": problems, "plan": plan})
        tx.audit("report.monthly_text_saved", month, {"chars": len(problems) + len(plan)})


def publish(
    ws: Workstation,
    actor: Actor,
    month: str,
    problems: str | None = None,
    plan: str | None = None,
    progress: Progress = quiet,
) -> MonthlyReport:
    """Freezes the month's figures (and the lead's sections) in one event; refused for a month
    not yet over by the setting's working days, with unresolved sync conflicts, without data,
    or already published."""
    actor.require(Permission.REPORTS)
    ws.require_writable()
    month = parse_month(month)
    refuse_future(ws, month)
    earliest = earliest_publication(ws, month)
    if ws.today() < earliest:
        raise ValidationError(
            "month",
            f"{cn_month(month)}的运营报告须在次月第 {publish_day_setting(ws)} 个工作日"
            f"（{earliest.isoformat()}）起发布；在此之前只能生成草稿",
        )
    with ws.transaction(actor) as tx:
        s = tx.session
        row = q.report_row(s, month)
        _refuse_published(row, month)
        conflicts = _open_conflicts(s, month)
        if conflicts:
            listed = "；".join(
                f"{c.case_no}（{c.kind}，{c.origin}/{c.other_origin}）" for c in conflicts
            )
            raise ValidationError(
                "month",
                f"{cn_month(month)}尚有 {len(conflicts)} 个未处理的同步冲突，处理后才能发布："
                f"{listed}",
            )
        data = report_data(ws, s, month, progress)
        if not data["has_data"]:
            raise ValidationError("month", f"{cn_month(month)}没有业务数据，无需发布运营报告")
        saved_problems = row.problems if row is not None else ""
        saved_plan = row.plan if row is not None else ""
        problems, plan = _clean_sections(
            saved_problems if problems is None else problems,
            saved_plan if plan is None else plan,
        )
        sha = digest(data)
        at = ws.now().isoformat(timespec="seconds")
        tx.emit(
            PUBLISH_KIND,
            ENTITY,
            month,
            {
                "problems": problems,
                "plan": plan,
                "figures": canonical(data),
                "sha256": sha,
                "known": canonical(q.known_sequences(s)),
                "published_at": at,
                "publisher_name": actor.display_name,
            },
        )
        tx.audit("report.monthly_published", month, {"sha256": sha})
    return MonthlyReport(
        month=month,
        data=data,
        sha256=sha,
        problems=problems,
        plan=plan,
        published=True,
        published_at=at,
        publisher=actor.display_name,
    )
