"""The monthly report's 好差评, 队伍 and 排队 sections (`services.monthly` registers them).

Each section's figures are counted from the projections over the month's days (SQL:
`hall_desk.store.queries.monthly_sections`); each is defined once, in the section's
definitions below, which travel with the figures into the report's appendix (and into the frozen
figures of a month published with them: a month published before these sections existed keeps
the figures and the appendix it was published with). Ratios are [numerator, denominator].
"""

from __future__ import annotations

from collections import Counter
from datetime import date, timedelta
from typing import Any

from sqlalchemy.orm import Session

from hall_desk.domain.evaluation import SheetState, standouts
from hall_desk.domain.figures import ratio, ratio_text, value_text
from hall_desk.domain.inspections import CheckGroup, FindingState, escalation_for, window_start
from hall_desk.domain.meetings import MeetingKind, MissingMeeting, weeks_due
from hall_desk.domain.queue import DEFAULT_SETTINGS
from hall_desk.domain.ratings import LEVELS_HIGH_TO_LOW, AppealState, RatingChannel
from hall_desk.services.queue_figures import QueueFigure, figures_in
from hall_desk.services.workstation import Workstation
from hall_desk.store.queries import monthly_sections as q
from hall_desk.store.queries.monthly import Period

TOTAL = "合计"

# --- 好差评 -------------------------------------------------------------------------------------

RATING_DEFINITIONS = {
    "已评价": "评价日（rated_on）在本月、有评价等级的好差评记录；同一服务在两个工作站各评一次的，"
    "只计最早的一次（下同）。",
    "未评价": "评价日在本月、评价屏超时未作评价的记录（不再请群众评价，也不计为好评）。",
    "评价率": "已评价 ÷（已评价 + 未评价）：请群众评价的已办结服务（受理决定、即办办结、出件、"
    "咨询）中作出评价的比例。",
    "满意率": "“非常满意”“满意”“基本满意”三级之和 ÷ 已评价。",
    "差评": "已评价中“不满意”“非常不满意”两级之和（原始数，申诉成立的也计入）。",
    "差评率（原始）": "差评 ÷ 已评价。",
    "申诉成立": "本月的差评中，申诉经复核成立的条数（截至报告生成时）。",
    "差评率（扣除申诉成立）": "（差评 − 申诉成立）÷（已评价 − 申诉成立）。",
    "申诉不成立": "本月的差评中，申诉经复核不成立的条数（截至报告生成时）。",
    "申诉待复核": "本月的差评中，已申诉、尚待复核的条数（截至报告生成时）。",
    "差评整改工单": "登记日（received_on）在本月、由差评生成（来源为好差评）的整改工单。",
    "差评整改办结": "办结日（closed_on）在本月的差评整改工单。",
    "差评整改按期办结率": "本月办结且有整改期限的差评整改工单中，办结日不晚于期限的条数 ÷ 本月办结"
    "且有整改期限的条数。",
    "重复评价（不计）": "评价日在本月、同一服务的第二次及以后的评价（不计入以上任何数字）。",
    "按评价等级": "已评价按五个等级分列；占比 = 该等级条数 ÷ 已评价。",
    "按评价渠道": "已评价按评价屏、窗口代录、二维码/线上分列；图中每一渠道一条柱，按等级分段堆叠。",
}


def ratings_section(ws: Workstation, s: Session, p: Period) -> dict[str, Any] | None:
    from hall_desk.services.rating_figures import figures_in as rating_figures_in

    figures = rating_figures_in(s, p.first, p.last)
    cells = q.levels_by_channel(s, p)
    appeals = q.bad_by_appeal(s, p)
    received, closed, with_due, on_time = q.rectifications(s, p)
    if not (figures.given or figures.unrated or received or closed):
        return None
    levels = figures.levels
    given, bad, upheld = levels.given, levels.bad, levels.upheld
    rows = [
        ["已评价", given],
        ["未评价", figures.unrated],
        ["评价率", ratio(given, given + figures.unrated)],
        ["满意率", ratio(levels.satisfied, given)],
        ["差评", bad],
        ["差评率（原始）", ratio(bad, given)],
        ["申诉成立", upheld],
        ["差评率（扣除申诉成立）", ratio(bad - upheld, given - upheld)],
        ["申诉不成立", appeals.get(AppealState.REJECTED.value, 0)],
        ["申诉待复核", appeals.get(AppealState.PENDING.value, 0)],
        ["差评整改工单", received],
        ["差评整改办结", closed],
        ["差评整改按期办结率", ratio(on_time, with_due)],
        ["重复评价（不计）", figures.duplicates],
    ]
    channels = [c.label for c in RatingChannel]
    by_level = [
        [lv.label, levels.by_level.get(lv, 0), ratio(levels.by_level.get(lv, 0), given)]
        for lv in LEVELS_HIGH_TO_LOW
    ]
    by_channel = [[c.label, figures.by_channel.get(c, 0)] for c in RatingChannel]
    series = [
        [
            lv.label,
            [
                *(cells.get((c.value, int(lv)), 0) for c in RatingChannel),
                levels.by_level.get(lv, 0),
            ],
        ]
        for lv in LEVELS_HIGH_TO_LOW
    ]
    return {
        "rows": rows,
        "tables": [
            {"title": "按评价等级", "headers": ["评价等级", "条数", "占已评价"], "rows": by_level},
            {"title": "按评价渠道", "headers": ["评价渠道", "条数"], "rows": by_channel},
        ],
        "chart": {
            "kind": "stacked",
            "title": "好差评等级构成（条，按评价渠道）",
            "categories": [*channels, TOTAL],
            "series": series,
        },
        "summary": f"好差评已评价 {given} 条，评价率 {ratio_text(rows[2][1])}，满意率 "
        f"{ratio_text(rows[3][1])}，差评 {bad} 条（申诉成立 {upheld} 条）。",
        "note": "差评率列出原始值与扣除申诉成立后的值；申诉成立的差评仍计入原始数。"
        "办不成事与投诉工单（含差评整改工单）的办理情况见“办不成事与投诉”一节。",
        "definitions": RATING_DEFINITIONS,
    }


# --- 队伍 ---------------------------------------------------------------------------------------

STAFF_DEFINITIONS = {
    "考评表": "月份为本月的个人绩效考评表，按等级分列；已发布 = 状态为已发布待确认、本人已确认或"
    "本人有异议（截至报告生成时）。",
    "考评表已发布": "本月考评表中已发布的张数 ÷ 本月考评表张数。",
    "服务标兵候选": "本月考评表按总分排名（同分同名次）的前 20%（至少 1 人）。",
    "巡查": "巡查日（inspected_on）在本月的巡查记录。",
    "巡查检查项": "本月巡查记录的清单项数之和。",
    "巡查不合格项": "本月巡查记录中判为不合格的清单项数之和。",
    "巡查问题": "发现日（found_on）在本月的问题（巡查不合格项），按类别（服务环境、行为规范、服务"
    "标准、服务效率）分列。",
    "问题未闭环": "本月发现的问题中，现状态不是“复查通过”的（截至报告生成时）。",
    "问题逾期未整改": "本月发现的问题中，现仍为“待整改”且整改期限不晚于本月最后一天的。",
    "问题升级": "本月发现、涉及具体人员的问题，按该人员在发现日及之前 30 天内（含当日）的问题次数"
    "分为提醒（1 次）、调岗建议（2 次）、约谈（3 次及以上），各计问题条数。",
    "晨会": "本月有晨会记录的工作日数 ÷ 本月工作日数（大厅工作日历）；缺少的按日期列出。",
    "周例会": "应开周例会的周中有周例会记录的周数 ÷ 应开的周数。一周为周一至周日，计入其最后一个"
    "工作日所在的月份；该周任一天有周例会记录即为已开。",
    "其他会议": "会议日在本月的夕会、月度例会、专题会议次数。",
}


def _grade_rows(sheets: list[tuple[str, str, int, str, str]]) -> list[list[Any]]:
    best: dict[str, int] = {}
    count = Counter[str]()
    for _, _, total, grade, _ in sheets:
        name = grade or "（未评等级）"
        count[name] += 1
        best[name] = max(best.get(name, total), total)
    return [[g, count[g]] for g in sorted(count, key=lambda g: (-best[g], g))]


def _when(m: MissingMeeting) -> str:
    if m.kind is MeetingKind.WEEKLY:
        return f"{m.day.isoformat()} 至 {(m.day + timedelta(days=6)).isoformat()} 这一周"
    return m.day.isoformat()


def staff_section(ws: Workstation, s: Session, p: Period) -> dict[str, Any] | None:
    month = f"{p.first.year:04d}-{p.first.month:02d}"
    sheets = q.sheets(s, month)
    held, checked, failed = q.inspections(s, p)
    found = q.findings(s, p)
    # A week owes its 周例会 to the month of its last working day; its meeting may fall on any day.
    around = q.meetings(s, p.first - timedelta(days=6), p.last + timedelta(days=6))
    in_month = [(k, d) for k, d in around if p.first <= d <= p.last]
    if not (sheets or held or found or in_month):
        return None
    cal = ws.calendar(s)
    working = [
        date.fromordinal(o)
        for o in range(p.first.toordinal(), p.last.toordinal() + 1)
        if cal.is_working_day(date.fromordinal(o))
    ]
    morning_days = {d for k, d in in_month if k == MeetingKind.MORNING.value}
    weekly_days = [d for k, d in around if k == MeetingKind.WEEKLY.value]
    due = weeks_due(cal, p.first, p.last)
    weeks_held = {d - timedelta(days=d.weekday()) for d in weekly_days}
    missing = [MissingMeeting(MeetingKind.MORNING, d) for d in working if d not in morning_days]
    missing += [MissingMeeting(MeetingKind.WEEKLY, m) for m in due if m not in weeks_held]
    other = Counter(k for k, _ in in_month if k not in (MeetingKind.MORNING, MeetingKind.WEEKLY))

    totals = {staff: total for staff, _, total, _, _ in sheets}
    best = standouts(totals)
    published = sum(1 for *_, st in sheets if SheetState(st).is_published)
    categories = Counter(c for c, *_ in found)
    unclosed = sum(1 for _, st, *_ in found if st != FindingState.CLOSED.value)
    overdue = sum(
        1 for _, st, _, _, deadline in found if st == FindingState.OPEN.value and deadline <= p.last
    )
    people = {staff for _, _, _, staff, _ in found if staff}
    days = q.finding_days(s, people, window_start(p.first), p.last)
    escalations = Counter[str]()
    for _, _, on, staff, _ in found:
        if staff:
            level = escalation_for(sum(1 for d in days[staff] if window_start(on) <= d <= on))
            if level is not None:
                escalations[level.label] += 1
    rows = [
        ["考评表", len(sheets)],
        ["考评表已发布", ratio(published, len(sheets))],
        ["服务标兵候选", len(best)],
        ["巡查", held],
        ["巡查检查项", checked],
        ["巡查不合格项", failed],
        ["巡查问题", len(found)],
        ["问题未闭环", unclosed],
        ["问题逾期未整改", overdue],
        ["晨会", ratio(len(morning_days & set(working)), len(working))],
        ["周例会", ratio(len(due) - sum(1 for m in due if m not in weeks_held), len(due))],
        ["其他会议", sum(other.values())],
    ]
    names = {staff: name for staff, name, *_ in sheets}
    tables: list[dict[str, Any]] = [
        {"title": "考评等级", "headers": ["等级", "人数"], "rows": _grade_rows(sheets)},
        {
            "title": "服务标兵候选",
            "headers": ["姓名", "总分"],
            "rows": [[names[w], totals[w]] for w in sorted(best, key=lambda w: (-totals[w], w))],
        },
        {
            "title": "巡查问题按类别",
            "headers": ["类别", "条数"],
            "rows": [[g.label, categories.get(g.value, 0)] for g in CheckGroup],
        },
        {
            "title": "问题升级",
            "headers": ["升级处理", "条数"],
            "rows": [[name, escalations.get(name, 0)] for name in ("提醒", "调岗建议", "约谈")],
        },
        {
            "title": "缺少的会议记录",
            "headers": ["日期", "缺少的会议"],
            "rows": [[_when(m), m.kind.label] for m in missing],
        },
    ]
    return {
        "rows": rows,
        "tables": [t for t in tables if t["rows"]],
        "note": "考评、巡查问题的状态为报告生成时的状态；会议应开数按大厅工作日历计算。"
        + ("" if missing else "本月晨会、周例会记录齐全。"),
        "definitions": STAFF_DEFINITIONS,
    }


# --- 排队 ---------------------------------------------------------------------------------------

QUEUE_DEFINITIONS = {
    "取号": "取号日在本月的排队号；转移到其他队列的号不重复计数。",
    "叫号": "被叫到且未转移的号（每次来访一个等候时间，以最后一次叫号为准）。",
    "过号": "状态为过号（叫号后未到、超过重呼次数）的号。",
    "平均等候（分钟）": "叫了号的号（同“叫号”）的等候时间（叫号时刻 − 取号时刻，转移的号从首次取号"
    "起算）的平均值，单位分钟；没有可计的号时记“—”（下同）。",
    "等候 P90（分钟）": "同上等候时间的第 90 百分位数（最近秩法）。",
    "平均办理（分钟）": "状态为完成的号的办理时间（完成时刻 − 叫号时刻）的平均值。",
    "办理 P90（分钟）": "同上办理时间的第 90 百分位数（最近秩法）。",
    "按队列": "以上各数按队列分列：取号计入首次取号的队列；转移的号，其叫号、过号、等候与办理"
    "计入转入的队列。",
}


def _minutes(seconds: float | None) -> float | None:
    return None if seconds is None else round(seconds / 60, 1)


def _queue_row(name: str, f: QueueFigure) -> list[Any]:
    return [
        name,
        f.issued,
        f.called,
        f.no_shows,
        _minutes(f.wait_mean_s),
        _minutes(f.wait_p90_s),
        _minutes(f.service_mean_s),
        _minutes(f.service_p90_s),
    ]


def _queue_names(ws: Workstation) -> dict[str, str]:
    from hall_desk.services.queue import settings_of

    try:
        queues = settings_of(ws).queues
    except Exception:  # a malformed setting must not stop the report: the letter alone then
        queues = DEFAULT_SETTINGS.queues
    return {spec.code: spec.name for spec in queues}


def queue_section(ws: Workstation, s: Session, p: Period) -> dict[str, Any] | None:
    figures = figures_in(s, p.first, p.last)
    total = figures.total
    if not total.issued:
        return None
    names = _queue_names(ws)
    rows = [
        ["取号", total.issued],
        ["叫号", total.called],
        ["过号", total.no_shows],
        ["平均等候（分钟）", _minutes(total.wait_mean_s)],
        ["等候 P90（分钟）", _minutes(total.wait_p90_s)],
        ["平均办理（分钟）", _minutes(total.service_mean_s)],
        ["办理 P90（分钟）", _minutes(total.service_p90_s)],
    ]
    by_queue = [_queue_row(f"{f.key} {names.get(f.key, '')}".strip(), f) for f in figures.by_queue]
    return {
        "rows": rows,
        "tables": [
            {
                "title": "按队列",
                "headers": [
                    "队列",
                    "取号",
                    "叫号",
                    "过号",
                    "平均等候",
                    "等候P90",
                    "平均办理",
                    "办理P90",
                ],
                "rows": [*by_queue, _queue_row(TOTAL, total)],
            }
        ],
        "summary": f"取号 {total.issued} 个，平均等候 {value_text(rows[3][1])} 分钟，"
        f"过号 {total.no_shows} 个。",
        "note": "时间单位为分钟。",
        "definitions": QUEUE_DEFINITIONS,
    }
