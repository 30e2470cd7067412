"""Printouts of the monthly evaluation: a person's 绩效考评表 for signature, and the month's
考评汇总表 with every post's items, total, grade and rank."""

from __future__ import annotations

from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.units import mm
from reportlab.platypus import Flowable

from hall_desk.domain.roles import Actor, Permission
from hall_desk.reports import pdf
from hall_desk.services import evaluations
from hall_desk.services.evaluations import SheetView
from hall_desk.services.workstation import Workstation

WIDTH = 170 * mm


def _month_words(month: str) -> str:
    year, number = month.split("-")
    return f"{year}年{int(number)}月"


def sheet_story(ws: Workstation, view: SheetView) -> list[Flowable]:
    state = view.state.label
    facts = pdf.spread(
        [
            f"姓名：{view.staff_name}",
            f"岗位/窗口：{view.window or '—'}",
            f"考评月份：{_month_words(view.month)}",
            f"方案：第 {view.scheme_version} 版",
        ],
        WIDTH,
        10,
    )
    items = [["考评项目", "满分", "得分"]] + [
        [name, str(top), str(got)] for name, top, got in view.items
    ]
    items.append(["加分", "—", f"{view.bonus:+d}" if view.bonus else "0"])
    items.append(["总分", "", str(view.total)])
    lines = [["项目", "依据", "日期", "分值"]]
    for line in view.lines:
        basis = line.text or line.kind_label
        if line.manual:
            basis = ("复核：" if line.review else "人工调整：") + basis
        if line.ref_no and line.ref_no not in basis:
            basis += f"（{line.ref_no}）"
        lines.append([line.item, basis, f"{line.on:%m-%d}" if line.on else "", f"{line.points:+d}"])
    if len(lines) == 1:
        lines.append(["—", "本月无扣分、加分依据", "", ""])
    standing = f"等次：{view.grade}　　名次：第 {view.rank} 名（共 {view.of} 人）"
    if view.standout:
        standing += "　　★ 服务标兵候选"
    story: list[Flowable] = [
        pdf.title(f"{ws.hall}窗口工作人员绩效考评表", 16),
        pdf.spacer(2),
        facts,
        pdf.spacer(2),
        pdf.grid(items, [WIDTH - 60 * mm, 30 * mm, 30 * mm]),
        pdf.spacer(2),
        pdf.para(standing, 11),
        pdf.para(f"本月业务量：{view.workload}　　状态：{state}", 10),
        pdf.spacer(3),
        pdf.para("扣分与加分依据", 11),
        pdf.grid(lines, [28 * mm, WIDTH - 66 * mm, 18 * mm, 20 * mm], size=9),
    ]
    if view.reviews:
        rows = [["日期", "复核人", "项目", "分值", "前→后", "理由"]] + [
            [f"{r.on:%m-%d}", r.by, r.item, f"{r.points:+d}", f"{r.before}→{r.after}", r.reason]
            for r in view.reviews
        ]
        story += [
            pdf.spacer(3),
            pdf.para("复核记录", 11),
            pdf.grid(rows, [16 * mm, 20 * mm, 24 * mm, 14 * mm, 18 * mm, WIDTH - 92 * mm], size=9),
        ]
    if view.objection:
        story += [pdf.spacer(2), pdf.para(f"本人异议：{view.objection}", 10)]
    story += [
        pdf.spacer(4),
        pdf.para(
            "被考评人应在考评结果发布后 3 个工作日内确认或提出异议；逾期未提出的视为无异议。",
            9,
        ),
        pdf.spacer(2),
        pdf.signature_lines(["被考评人", "班组长"], WIDTH),
    ]
    return story


def person_sheet(ws: Workstation, actor: Actor, month: str, username: str) -> tuple[str, bytes]:
    view = evaluations.sheet_of(ws, actor, month, username)
    title = "绩效考评表"
    return title, pdf.build(
        sheet_story(ws, view),
        pdf.letterhead(ws, actor),
        doc_title=f"{title} {view.month} {view.staff_name}",
    )


def summary_story(ws: Workstation, month: str, views: list[SheetView]) -> list[Flowable]:
    width = 257 * mm
    names = [name for name, _top, _got in views[0].items] if views else []
    tops = [top for _name, top, _got in views[0].items] if views else []
    header = ["名次", "姓名", "岗位/窗口", *names, "加分", "总分", "等次", "业务量", "状态", "备注"]
    maxima = ["", "满分", "", *[str(t) for t in tops], "", str(sum(tops)), "", "", "", ""]
    rows = [header, maxima]
    for v in views:
        notes = []
        if v.standout:
            notes.append("服务标兵候选")
        if v.bottom_months > 1:
            notes.append(f"连续 {v.bottom_months} 个月末位")
        if v.reviews:
            notes.append(f"复核 {len(v.reviews)} 次")
        rows.append(
            [
                str(v.rank),
                v.staff_name,
                v.window,
                *[str(got) for _n, _t, got in v.items],
                str(v.bonus),
                str(v.total),
                v.grade,
                str(v.workload),
                v.state.label,
                "；".join(notes),
            ]
        )
    if not views:
        rows.append(["—", "本月尚未计算考评", *[""] * (len(header) - 2)])

    fixed = [12 * mm, 18 * mm, 24 * mm]
    tail = [11 * mm, 11 * mm, 16 * mm, 14 * mm, 24 * mm]
    notes = 26 * mm
    # Each item's column holds its name on one line where the page allows.
    each = (width - sum(fixed) - sum(tail) - notes) / max(1, len(names))
    widths = [*fixed, *[each] * len(names), *tail, notes]
    return [
        pdf.title(f"{ws.hall}{_month_words(month)}窗口工作人员考评汇总表", 16),
        pdf.spacer(3),
        pdf.grid(rows, widths, size=9),
        pdf.spacer(4),
        pdf.signature_lines(["制表（班组长）", "审核"], width),
    ]


def month_summary(ws: Workstation, actor: Actor, month: str) -> tuple[str, bytes]:
    actor.require(Permission.STAFF)
    views = evaluations.sheets(ws, actor, month)
    title = "考评汇总表"
    return title, pdf.build(
        summary_story(ws, month, views),
        pdf.letterhead(ws, actor),
        doc_title=f"{title} {month}",
        pagesize=landscape(A4),
    )
