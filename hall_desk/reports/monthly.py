"""运营报告: the month's report as the PDF the client audits and the .xlsx of the same figures.

Both are built from the canonical figures of `services.monthly` (frozen once published) and
carry the same SHA-256 of them, so a reader can show the two agree.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from reportlab.graphics.charts.barcharts import HorizontalBarChart, VerticalBarChart
from reportlab.graphics.charts.linecharts import HorizontalLineChart
from reportlab.graphics.shapes import Drawing, String
from reportlab.graphics.widgets.markers import makeMarker
from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether, PageBreak, Table, TableStyle

from hall_desk.domain.errors import ValidationError
from hall_desk.domain.progress import Progress, quiet
from hall_desk.domain.roles import Actor, Permission
from hall_desk.reports import pdf, xlsx
from hall_desk.services import monthly
from hall_desk.services.home import check_output_path
from hall_desk.services.monthly import MonthlyReport, cn_month, label, ratio_text, value_text
from hall_desk.services.workstation import Workstation
from hall_desk.store.files import create_private

TITLE = "政务服务中心运营报告"
DRAFT = "草稿"
WIDTH = 170 * mm
NUMERALS = "一二三四五六七八九十"
GREY = colors.HexColor("#9a9a9a")
CHART_HEIGHT = 62 * mm


# --- entry points ------------------------------------------------------------------------------


def build_monthly_pdf(
    ws: Workstation, actor: Actor, report: MonthlyReport, progress: Progress = quiet
) -> bytes:
    """The report as PDF bytes (A4, contents, 第 N 页 共 M 页), for the preview and the printer;
    `progress` hears the layout page by page."""
    actor.require(Permission.REPORTS)
    story = _story(report)
    return pdf.build(
        story,
        pdf.letterhead(ws, actor),
        doc_title=f"{TITLE} {report.month}" + (f"（{DRAFT}）" if report.draft else ""),
        watermark=DRAFT if report.draft else "",
        contents=True,
        on_progress=_Layout(progress),
    )


class _Layout:
    """reportlab's layout callback as progress: the parts of the story placed of all (in this
    pass: the contents need two), told as the page reached."""

    def __init__(self, progress: Progress) -> None:
        self.progress = progress
        self.total = 0
        self.placed = 0
        self.passes = 1

    def __call__(self, kind: str, value: int) -> None:
        if kind == "PASS":
            self.passes = value
        elif kind == "SIZE_EST":
            self.total, self.placed = value, 0
            self.progress(0, value, layout_text(1, self.passes))
        elif kind == "PROGRESS":
            self.placed = value  # every flowable: only remembered, told once a page is done
        elif kind == "PAGE":
            self.progress(min(self.placed, self.total), self.total, layout_text(value, self.passes))


def layout_text(page: int, passes: int = 1) -> str:
    """The second pass puts the contents' page numbers in: the person sees why it starts over."""
    again = f"第 {passes} 遍，" if passes > 1 else ""
    return f"正在排版：{again}第 {page} 页"


@dataclass(frozen=True)
class Written:
    pages: int
    sha256: str
    published: bool


def write_monthly_report(
    ws: Workstation,
    actor: Actor,
    month: str,
    out: Path,
    *,
    xlsx_out: Path | None = None,
    draft: bool = False,
    progress: Progress = quiet,
) -> Written:
    """Writes the PDF (and the .xlsx) to new files, never replacing one; audited. `progress`
    hears the counting, the layout and the .xlsx rows in turn."""
    actor.require(Permission.REPORTS)
    ws.require_writable()
    check_output_path(out)
    if xlsx_out is not None:
        check_output_path(xlsx_out)
        if xlsx_out.resolve() == out.resolve():
            raise ValidationError("xlsx", "表格文件与 PDF 文件不能是同一个文件")
    month = monthly.parse_month(month)
    report = (
        monthly.monthly_report(ws, actor, month, progress)
        if draft
        else monthly.final_report(ws, actor, month, progress)
    )
    if not report.has_data:
        raise ValidationError("month", f"{cn_month(month)}没有业务数据，不生成运营报告")
    data = build_monthly_pdf(ws, actor, report, progress)
    written: list[Path] = []
    try:
        for path, payload in ((out, data), *(((xlsx_out, None),) if xlsx_out else ())):
            assert path is not None
            if payload is None:
                if path.exists():
                    raise FileExistsError
                write_monthly_xlsx(report, path, progress)
            else:
                with create_private(path) as f:
                    f.write(payload)
            written.append(path)
        with ws.transaction(actor) as tx:
            tx.audit(
                "report.monthly",
                month,
                {"file": out.name, "sha256": report.sha256, "draft": report.draft},
            )
    except FileExistsError:
        for path in written:
            path.unlink(missing_ok=True)
        clash = out if not written else xlsx_out
        raise ValidationError("out", f"{clash} 已存在，不会覆盖；请换一个文件名") from None
    except BaseException:
        for path in written:
            path.unlink(missing_ok=True)
        raise
    return Written(pdf_page_count(data), report.sha256, report.published)


def pdf_page_count(data: bytes) -> int:
    from hall_desk.reports.daily import _page_count

    return _page_count(data)


# --- the .xlsx -------------------------------------------------------------------------------


def xlsx_rows(report: MonthlyReport) -> list[list[object]]:
    """[章节, 项目, 数值, 分母或说明] for every figure, the SHA-256 first."""
    d = report.data
    f = d["figures"]
    rows: list[list[object]] = [
        ["报告", "大厅", d["hall"], ""],
        ["报告", "月份", report.month, cn_month(report.month)],
        ["报告", "状态", DRAFT if report.draft else "已发布", report.published_at],
        ["报告", "SHA-256", report.sha256, "与 PDF 所印一致即为同一份数据"],
    ]
    for k in d["compare"]["keys"]:
        rows.append(["概况", label(k), *_cells(f.get(k))])
    for k in (
        "supplements_received",
        "supplement_requested",
        "refused_at_intake",
        "average_used",
        "average_limit",
        "on_time",
        "late",
        "dispatched",
        "returned",
        "mail_returned",
        "consultation_to_intake",
        "consultation_linked",
        "tickets_closed",
        "tickets_on_time",
        "tickets_reopened",
    ):
        rows.append(["指标", label(k), *_cells(f.get(k))])
    for key, title in (
        ("supplement_rounds", "补正轮次"),
        ("refusals", "不予受理理由"),
        ("top_departments", "部门排名"),
        ("themes", "一件事"),
        ("consultation_topics", "咨询内容"),
        ("deliveries_by_recipient", "出件方式"),
        ("green_by_flag", "帮办对象"),
        ("green_by_mode", "帮办方式"),
        ("tickets_by_class", "工单类别"),
        ("bbcs_by_kind", "办不成事类型"),
        ("repeated_causes", "重复原因"),
        ("cases_per_day", "每工作日办件"),
        ("cases_by_hour", "分时段办件"),
    ):
        rows += [[title, str(name), n, ""] for name, n in f[key]]
    rows += [["事项排名", f"{code} {name}", n, dept] for code, name, dept, n in f["top_items"]]
    rows += [["无业务部门", dept, 0, ""] for dept in f["idle_departments"]]
    rows += [["岗位停留（小时）", g, n, f"中位数 {m}，P90 {p}"] for g, n, m, p in f["dwell"]]
    for section in d["extra"].values():
        rows += [[section["title"], str(name), *_cells(value)] for name, value in section["rows"]]
        for table in section.get("tables", []):
            headers = table["headers"]
            for row in table["rows"]:
                detail = "；".join(
                    f"{h} {value_text(v)}" for h, v in zip(headers[2:], row[2:], strict=True)
                )
                rows.append(
                    [
                        f"{section['title']}：{table['title']}",
                        str(row[0]),
                        *_cells(row[1])[:1],
                        detail,
                    ]
                )
    late = d.get("late") or {}
    for name, before, now in late.get("effects", []):
        rows.append([f"补录（{late['month']}）", name, now, f"发布值 {before}"])
    return rows


def _cells(value: Any) -> list[object]:
    if isinstance(value, list):
        return [value[0], f"分母 {value[1]}：{ratio_text(value)}"]
    return [value if value is not None else monthly.NOT_COMPUTED, ""]


def write_monthly_xlsx(report: MonthlyReport, path: Path, progress: Progress = quiet) -> int:
    ledger = xlsx.Ledger(
        f"运营报告{report.month}", ["章节", "项目", "数值", "说明"], [16, 48, 20, 48]
    )
    ledger.rows = xlsx_rows(report)  # type: ignore[assignment]
    return xlsx.write(ledger, path, progress)


# --- layout --------------------------------------------------------------------------------------


class _Numbering:
    def __init__(self) -> None:
        self.n = 0

    def next(self, title: str) -> str:
        self.n += 1
        return f"{cn_numeral(self.n)}、{title}"


def cn_numeral(n: int) -> str:
    """1 → 一, 10 → 十, 12 → 十二, 21 → 二十一 (up to 99)."""
    if n <= 10:
        return NUMERALS[n - 1]
    tens, ones = divmod(n, 10)
    return (NUMERALS[tens - 1] if tens > 1 else "") + "十" + (NUMERALS[ones - 1] if ones else "")


def _table(
    headers: Sequence[str],
    rows: Sequence[Sequence[object]],
    widths_mm: Sequence[float],
    size: float = 9.5,
) -> Table:
    cells = [[str(c) for c in r] for r in rows]
    table = pdf.grid([list(headers), *cells], [w * mm for w in widths_mm], size=size)
    table.setStyle(TableStyle([("ALIGN", (1, 1), (-1, -1), "CENTER")]))
    return table


def _pairs(rows: Sequence[Sequence[object]], first: str, second: str = "数量") -> Table:
    return _table([first, second], rows, [120, 50])


def _note(text: str) -> Flowable:
    return pdf.para(text, 9.5)


def _font() -> str:
    return pdf.chinese_font()


def _chart_title(d: Drawing, text: str) -> None:
    d.add(String(0, CHART_HEIGHT - 8, text, fontName=_font(), fontSize=9))


def per_day_chart(rows: Sequence[Sequence[Any]]) -> Drawing:
    """Cases per working day: a black line with square markers and the value at each."""
    d = Drawing(WIDTH, CHART_HEIGHT)
    _chart_title(d, "图 1　每工作日受理环节办件数（件）")
    chart = HorizontalLineChart()
    chart.x, chart.y, chart.width, chart.height = 28, 24, WIDTH - 40, CHART_HEIGHT - 44
    values = [int(n) for _, n in rows] or [0]
    chart.data = [values]
    chart.categoryAxis.categoryNames = [str(day)[8:] for day, _ in rows] or [""]
    chart.categoryAxis.labels.fontName = _font()
    chart.categoryAxis.labels.fontSize = 7
    chart.valueAxis.labels.fontName = _font()
    chart.valueAxis.labels.fontSize = 7
    chart.valueAxis.valueMin = 0
    chart.valueAxis.valueMax = max(values) * 1.2 + 1
    chart.lines[0].strokeColor = colors.black
    chart.lines[0].strokeWidth = 1.2
    chart.lines[0].symbol = makeMarker("FilledSquare", size=3)
    chart.lineLabelFormat = "%d"
    chart.lineLabels.fontName = _font()
    chart.lineLabels.fontSize = 6
    d.add(chart)
    d.add(String(WIDTH - 12, 10, "日", fontName=_font(), fontSize=7))
    return d


def bar_chart(title: str, rows: Sequence[Sequence[Any]], *, fill: colors.Color = GREY) -> Drawing:
    """Vertical bars with black outlines and the count above each: readable in black and white."""
    d = Drawing(WIDTH, CHART_HEIGHT)
    _chart_title(d, title)
    chart = VerticalBarChart()
    chart.x, chart.y, chart.width, chart.height = 28, 24, WIDTH - 40, CHART_HEIGHT - 44
    values = [int(n) for _, n in rows] or [0]
    chart.data = [values]
    chart.categoryAxis.categoryNames = [str(name) for name, _ in rows] or [""]
    for axis in (chart.categoryAxis, chart.valueAxis):
        axis.labels.fontName = _font()
        axis.labels.fontSize = 7.5
    chart.valueAxis.valueMin = 0
    chart.valueAxis.valueMax = max(values) * 1.2 + 1
    chart.bars[0].fillColor = fill
    chart.bars[0].strokeColor = colors.black
    chart.barLabelFormat = "%d"
    chart.barLabels.fontName = _font()
    chart.barLabels.fontSize = 7
    chart.barLabels.nudge = 6
    d.add(chart)
    return d


def department_chart(rows: Sequence[Sequence[Any]]) -> Drawing:
    """Horizontal bars, the department's name beside each bar and the count at its end."""
    shown = list(rows)[: monthly.TOP]
    height = max(CHART_HEIGHT, (len(shown) * 7 + 20) * mm / 1.6)
    d = Drawing(WIDTH, height)
    d.add(
        String(0, height - 8, "图 3　办件数前 10 位的实施部门（件）", fontName=_font(), fontSize=9)
    )
    chart = HorizontalBarChart()
    chart.x, chart.y = 78 * mm, 10
    chart.width, chart.height = WIDTH - 78 * mm - 20, height - 26
    values = [int(n) for _, n in reversed(shown)] or [0]
    chart.data = [values]
    chart.categoryAxis.categoryNames = [_short(str(name)) for name, _ in reversed(shown)] or [""]
    for axis in (chart.categoryAxis, chart.valueAxis):
        axis.labels.fontName = _font()
        axis.labels.fontSize = 7
    chart.valueAxis.valueMin = 0
    chart.valueAxis.valueMax = max(values) * 1.2 + 1
    chart.bars[0].fillColor = GREY
    chart.bars[0].strokeColor = colors.black
    chart.barLabelFormat = "%d"
    chart.barLabels.fontName = _font()
    chart.barLabels.fontSize = 7
    chart.barLabels.nudge = 8
    d.add(chart)
    return d


def _short(name: str, limit: int = 18) -> str:
    return name if len(name) <= limit else name[: limit - 1] + "…"


def _hours(rows: Sequence[Sequence[Any]]) -> list[list[Any]]:
    """Every hour of the hall's day (8–18) and any other hour with cases, zeros included."""
    counts = {int(h): int(n) for h, n in rows}
    first, last = min([8, *counts]), max([18, *counts])
    return [[f"{h}", counts.get(h, 0)] for h in range(first, last + 1)]


def _heading(text: str) -> Flowable:
    return pdf.heading_entry(text, 13, 0)


def _sub(text: str) -> Flowable:
    heading = pdf.para(text, 11, bold=True, leading=18)
    heading.keepWithNext = True
    return heading


def _story(report: MonthlyReport) -> list[Flowable]:
    d = report.data
    f = d["figures"]
    status = (
        f"{DRAFT}（未发布，数据截至生成时）"
        if report.draft
        else f"已发布：{report.published_at[:16].replace('T', ' ')}　{report.publisher}"
    )
    story: list[Flowable] = [
        pdf.title(TITLE + (f"（{DRAFT}）" if report.draft else "")),
        pdf.para(f"{d['hall']}　　{cn_month(report.month)}", 12, center=True),
        pdf.spacer(2),
        pdf.para(
            f"统计期间：{d['first']} 至 {d['last']}，工作日 {f['working_days']} 天", 10, center=True
        ),
        pdf.para(status, 10, center=True),
        pdf.para(f"数据校验码（SHA-256）：{report.sha256}", 8, center=True),
        pdf.spacer(6),
        pdf.para("目　录", 13, bold=True, center=True),
        pdf.contents_table(),
        PageBreak(),
    ]
    number = _Numbering()
    present = set(d["sections"])
    story += _overview(number, d)
    if "intake" in present:
        story += _intake(number, f)
    if "consultations" in present:
        story += _consultations(number, f)
    if "routing" in present:
        story += _routing(number, f)
    if "green" in present:
        story += _green(number, f)
    if "tickets" in present:
        story += _tickets(number, f)
    for section in d["extra"].values():
        story += _extra(number, section)
    story += [
        _heading(number.next("问题与整改")),
        pdf.para(report.problems or "（未填写）", 10.5),
        pdf.spacer(4),
        _heading(number.next("下月工作计划")),
        pdf.para(report.plan or "（未填写）", 10.5),
        pdf.spacer(4),
    ]
    story += _appendix(number, d)
    story.append(
        KeepTogether(
            [
                pdf.spacer(6),
                _sub("签　字"),
                pdf.signature_lines(["乙方（运营方项目负责人）", "甲方（审核人）"], WIDTH),
                pdf.spacer(3),
                pdf.para(f"本报告数据校验码（SHA-256）：{report.sha256}", 8.5),
                pdf.para("同月的 .xlsx 表格载有相同的校验码，两者数据一致。", 8.5),
            ]
        )
    )
    return story


def _overview(number: _Numbering, d: dict[str, Any]) -> list[Flowable]:
    compare = d["compare"]
    out: list[Flowable] = [
        _heading(number.next("概况")),
        pdf.para(d["summary"], 10.5),
        pdf.spacer(3),
        _table(
            ["指标", "本月", "上月", "环比", "上年同月", "同比"],
            monthly.key_table(d),
            [27, 34, 34, 27, 24, 24],
            size=8.5,
        ),
        _note(
            f"上月（{compare['previous']['month']}）：{compare['previous']['source']}；"
            f"上年同月（{compare['last_year']['month']}）：{compare['last_year']['source']}。"
            "比率列示分子/分母，分母为 0 时记“—”。"
        ),
        pdf.spacer(3),
    ]
    late = d.get("late")
    if late is not None:
        out.append(_sub(f"补录：{cn_month(late['month'])}报告发布后到达的记录"))
        if not late["count"]:
            out.append(_note("无。"))
        else:
            shown = late["events"]
            out += [
                _note(
                    f"共 {late['count']} 条"
                    + (f"，以下列出前 {len(shown)} 条" if late["count"] > len(shown) else "")
                    + f"；{cn_month(late['month'])}已发布的报告保持不变。"
                ),
                _table(["业务日期", "类型", "办件", "来源工作站"], shown, [30, 50, 55, 35]),
            ]
            if late["effects"]:
                out += [
                    pdf.spacer(2),
                    _note("对上月主要指标的影响："),
                    _table(["指标", "发布值", "现值"], late["effects"], [60, 55, 55]),
                ]
            else:
                out.append(_note("对上月主要指标无影响。"))
        out.append(pdf.spacer(3))
    return out


def _intake(number: _Numbering, f: dict[str, Any]) -> list[Flowable]:
    intake_rows = [
        [label(k), f[k]]
        for k in (
            "accepted",
            "accepted_deferred",
            "supplement_requested",
            "refused_at_intake",
            "completed_at_window",
            "intake_total",
            "supplements_received",
        )
    ]
    limit_rows = [
        [label("time_limited_completed"), f["time_limited_completed"]],
        [label("average_used"), value_text(f["average_used"])],
        [label("average_limit"), value_text(f["average_limit"])],
        [label("speedup"), ratio_text(f["speedup"])],
        [label("on_time"), f["on_time"]],
        [label("late"), f["late"]],
        [label("on_time_rate"), ratio_text(f["on_time_rate"])],
    ]
    out: list[Flowable] = [
        _heading(number.next("受理与办结")),
        _sub("（一）受理环节"),
        _pairs(intake_rows, "项目", "件数"),
        pdf.spacer(3),
        per_day_chart(f["cases_per_day"]),
        bar_chart(
            "图 2　分时段受理环节办件数（件，横轴为时）",
            _hours(f["cases_by_hour"]),
        ),
        _sub("（二）办结与时限"),
        _pairs(limit_rows, "项目", "数值"),
        _note("用时与时限单位：工作日（G）或自然日（Z），按事项的时限单位。"),
        pdf.spacer(3),
        _sub(f"（三）事项排名（前 {monthly.TOP} 位，共 {f['item_count']} 个事项有办件）"),
    ]
    if f["top_items"]:
        out.append(
            _table(
                ["事项编码", "事项名称", "实施部门", "件数"],
                f["top_items"],
                [30, 60, 62, 18],
            )
        )
    out += [
        pdf.spacer(3),
        _sub(f"（四）部门排名（前 {monthly.TOP} 位，共 {f['department_count']} 个部门有办件）"),
    ]
    if f["top_departments"]:
        out += [
            _pairs(f["top_departments"], "实施部门", "件数"),
            department_chart(f["top_departments"]),
        ]
    idle = f["idle_departments"]
    out.append(_note("本月无业务的部门：" + ("、".join(idle) if idle else "无") + "。"))
    out += [pdf.spacer(3), _sub("（五）一件事")]
    out.append(
        _pairs(f["themes"], "一件事主题", "件数") if f["themes"] else _note("本月无一件事办件。")
    )
    out += [
        pdf.spacer(3),
        _sub("（六）容缺受理与补正"),
        _note(
            f"容缺受理 {f['accepted_deferred']} 件；一次性告知补正 {f['supplement_requested']} 件，"
            f"补正后受理 {f['supplements_received']} 件。补正轮次（本月登记的办件）："
        ),
        _pairs(f["supplement_rounds"], "补正次数", "办件数"),
        pdf.spacer(3),
        _sub("（七）不予受理"),
        _table(["不予受理理由", "件数"], f["refusals"], [140, 30])
        if f["refusals"]
        else _note("本月无不予受理办件。"),
        pdf.spacer(4),
    ]
    return out


def _consultations(number: _Numbering, f: dict[str, Any]) -> list[Flowable]:
    return [
        _heading(number.next("咨询")),
        _pairs(
            [
                [label("consultations"), f["consultations"]],
                [label("consultation_to_intake"), ratio_text(f["consultation_to_intake"])],
                [label("consultation_linked"), ratio_text(f["consultation_linked"])],
            ],
            "项目",
            "数值",
        ),
        pdf.spacer(2),
        _sub(f"咨询内容（前 {monthly.TOP} 位）"),
        _pairs(f["consultation_topics"], "咨询内容", "条数"),
        pdf.spacer(4),
    ]


def _routing(number: _Numbering, f: dict[str, Any]) -> list[Flowable]:
    out: list[Flowable] = [
        _heading(number.next("材料流转与出件")),
        _pairs(
            [
                [label("dispatched"), f["dispatched"]],
                [label("returned"), f["returned"]],
                [label("deliveries"), f["deliveries"]],
                [label("mail_returned"), f["mail_returned"]],
            ],
            "项目",
            "件数",
        ),
        pdf.spacer(2),
        _sub("出件方式"),
        _pairs(f["deliveries_by_recipient"], "方式", "件数"),
        pdf.spacer(2),
        _sub("岗位停留时间（小时）"),
    ]
    if f["dwell"]:
        out.append(
            _table(["岗位", "停留次数", "中位数", "第 90 百分位"], f["dwell"], [80, 30, 30, 30])
        )
    else:
        out.append(_note("本月无可计算的停留。"))
    out.append(pdf.spacer(4))
    return out


def _green(number: _Numbering, f: dict[str, Any]) -> list[Flowable]:
    return [
        _heading(number.next("帮您办")),
        _note(f"本月帮您办（绿色通道）办件 {f['green_channel']} 件。"),
        _sub("按帮办对象"),
        _pairs(f["green_by_flag"], "帮办对象", "件数"),
        _sub("按服务方式"),
        _pairs(f["green_by_mode"], "服务方式", "件数"),
        pdf.spacer(4),
    ]


def _tickets(number: _Numbering, f: dict[str, Any]) -> list[Flowable]:
    return [
        _heading(number.next("办不成事与投诉")),
        _pairs(
            [
                [label("tickets_received"), f["tickets_received"]],
                [label("tickets_closed"), f["tickets_closed"]],
                [label("tickets_on_time"), ratio_text(f["tickets_on_time"])],
                [label("tickets_reopened"), f["tickets_reopened"]],
            ],
            "项目",
            "数值",
        ),
        pdf.spacer(2),
        bar_chart("图 4　本月登记工单按类别（条）", f["tickets_by_class"]),
        _sub("办不成事按问题类型"),
        _pairs(f["bbcs_by_kind"], "问题类型", "条数"),
        _sub("重复原因"),
        _pairs(f["repeated_causes"], "原因", "次数")
        if f["repeated_causes"]
        else _note("本月无重复出现的原因。"),
        pdf.spacer(4),
    ]


def _extra(number: _Numbering, section: dict[str, Any]) -> list[Flowable]:
    """A section another part of the program registered (`services.monthly.SectionHook`)."""
    out: list[Flowable] = [
        _heading(number.next(section["title"])),
        _pairs([[name, value_text(v)] for name, v in section["rows"]], "项目", "数值"),
        pdf.spacer(2),
    ]
    chart = section.get("chart")
    for table in section.get("tables", []):
        out += [_sub(table["title"]), _section_table(table), pdf.spacer(2)]
    if isinstance(chart, dict) and chart.get("kind") == "stacked":
        out.append(stacked_chart(chart["title"], chart["categories"], chart["series"]))
    elif chart:
        out.append(bar_chart(f"{section['title']}构成", chart))
    if section.get("note"):
        out.append(_note(section["note"]))
    out.append(pdf.spacer(4))
    return out


def _section_table(table: dict[str, Any]) -> Table:
    headers = table["headers"]
    rest = len(headers) - 1
    other = min(30.0, (WIDTH / mm - 40) / rest) if rest > 1 else 50.0
    widths = [WIDTH / mm - other * rest, *([other] * rest)]
    rows = [[value_text(v) for v in row] for row in table["rows"]]
    return _table(headers, rows, widths, size=9 if rest < 5 else 8)


# Five fills from white to black, far enough apart to tell in black and white, each outlined.
STACK_FILLS = ("#ffffff", "#c8c8c8", "#8c8c8c", "#505050", "#000000")


def stacked_chart(
    title: str, categories: Sequence[str], series: Sequence[Sequence[Any]]
) -> Drawing:
    """One bar per category, stacked by series (outlined greys, white to black), a legend in
    words and each bar's total above it: readable in black and white."""
    from reportlab.graphics.charts.legends import Legend

    d = Drawing(WIDTH, CHART_HEIGHT)
    _chart_title(d, title)
    chart = VerticalBarChart()
    chart.x, chart.y = 28, 24
    chart.width, chart.height = WIDTH - 40 - 36 * mm, CHART_HEIGHT - 44
    data = [[int(v) for v in values] for _, values in series] or [[0]]
    chart.data = data
    chart.categoryAxis.style = "stacked"
    chart.categoryAxis.categoryNames = [str(c) for c in categories] or [""]
    for axis in (chart.categoryAxis, chart.valueAxis):
        axis.labels.fontName = _font()
        axis.labels.fontSize = 7.5
    totals = [sum(col) for col in zip(*data, strict=True)] or [0]
    chart.valueAxis.valueMin = 0
    chart.valueAxis.valueMax = max(totals) * 1.15 + 1
    for i in range(len(data)):
        chart.bars[i].fillColor = colors.HexColor(STACK_FILLS[i % len(STACK_FILLS)])
        chart.bars[i].strokeColor = colors.black
        chart.bars[i].strokeWidth = 0.6
    d.add(chart)
    step = chart.width / max(len(totals), 1)
    for i, total in enumerate(totals):
        top = chart.y + chart.height * total / chart.valueAxis.valueMax
        d.add(
            String(
                chart.x + step * (i + 0.5),
                top + 3,
                str(total),
                fontName=_font(),
                fontSize=7,
                textAnchor="middle",
            )
        )
    legend = Legend()
    legend.x, legend.y = WIDTH - 30 * mm, CHART_HEIGHT - 22
    legend.columnMaximum = max(len(series), 1)
    legend.fontName = _font()
    legend.fontSize = 7.5
    legend.dx, legend.dy = 8, 8
    legend.deltay = 11
    legend.strokeColor = colors.black
    legend.strokeWidth = 0.6
    legend.colorNamePairs = [
        (colors.HexColor(STACK_FILLS[i % len(STACK_FILLS)]), str(name))
        for i, (name, _) in enumerate(series)
    ]
    d.add(legend)
    return d


def _appendix(number: _Numbering, d: dict[str, Any]) -> list[Flowable]:
    out: list[Flowable] = [_heading(number.next("附录：指标定义"))]
    for definition in monthly.definitions().values():
        out.append(pdf.para(f"{definition.label}：{definition.text}", 9))
        out.append(pdf.spacer(0.8))
    for section in d["extra"].values():
        for key_label, text in section.get("definitions", {}).items():
            out.append(pdf.para(f"{key_label}：{text}", 9))
    return out


__all__ = [
    "Written",
    "build_monthly_pdf",
    "write_monthly_report",
    "write_monthly_xlsx",
    "xlsx_rows",
]
