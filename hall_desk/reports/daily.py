"""每日工作汇总: the day's figures on A4 for the team lead to sign (preview, print, or file)."""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import date
from math import floor
from pathlib import Path

from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.platypus import Flowable, KeepTogether, Paragraph, Table, TableStyle

from hall_desk.domain.deadline import NEAR_DEADLINE_DAYS
from hall_desk.domain.errors import ValidationError
from hall_desk.domain.roles import Actor, Permission
from hall_desk.domain.tickets import TICKET_NEAR_DAYS
from hall_desk.reports import pdf
from hall_desk.services.dashboard import (
    GREEN_MARK,
    DayFigures,
    DeadlineRow,
    GreenChannelRow,
    StaffFigures,
    day_figures,
)
from hall_desk.services.home import check_output_path
from hall_desk.services.rating_figures import RatingFigures
from hall_desk.services.ticket_figures import TicketFigures, ticket_figures
from hall_desk.services.workstation import Workstation
from hall_desk.store.files import create_private

TITLE = "每日工作汇总"
WIDTH = 170 * mm  # A4 less 20 mm margins
# Each deadline list prints its most urgent rows; the full lists live in the workspace and the
# cases ledger. The summary says how many were left out, so no figure is hidden.
PDF_LIST_LIMIT = 100
WEEKDAYS = "一二三四五六日"
_PAGE = re.compile(rb"/Type\s*/Page(?![a-zA-Z])")
STAFF_HEADERS = [
    "咨询",
    "受理",
    "容缺受理",
    "补正告知",
    "不予受理",
    "即办办结",
    "绿色通道",
    "出件",
]


def build_daily_summary(ws: Workstation, actor: Actor, day: date, notes: str = "") -> bytes:
    """The summary as PDF bytes (A4, 第 N 页 共 M 页), for the preview and the printer."""
    return _build(ws, actor, day, notes)[0]


def write_daily_summary(
    ws: Workstation, actor: Actor, day: date, out: Path, notes: str = ""
) -> int:
    """Writes the summary to a new file `out` (never replaces one); returns the page count."""
    actor.require(Permission.REPORTS)
    ws.require_writable()  # the summary is audited
    check_output_path(out)
    data, pages = _build(ws, actor, day, notes)
    try:
        # "x": a file that appeared since the check is still never replaced.
        f = create_private(out)
    except FileExistsError:
        raise ValidationError("out", f"{out} 已存在，不会覆盖；请换一个文件名") from None
    try:
        with f:
            f.write(data)
        with ws.transaction(actor) as tx:
            tx.audit("report.daily", day.isoformat(), {"pages": pages, "file": out.name})
    except BaseException:
        # A full disk or a failed audit: no half-written or unrecorded summary stays behind.
        out.unlink(missing_ok=True)
        raise
    return pages


# --- layout -----------------------------------------------------------------------------------


def _build(ws: Workstation, actor: Actor, day: date, notes: str) -> tuple[bytes, int]:
    figures = day_figures(ws, actor, day, list_limit=PDF_LIST_LIMIT)
    story: list[Flowable] = [
        pdf.title(TITLE),
        pdf.para(
            f"{ws.hall}　　{pdf.cn_date(day)}（星期{WEEKDAYS[day.weekday()]}）"
            + ("　非工作日" if not figures.working_day else ""),
            11,
            center=True,
        ),
        pdf.spacer(4),
    ]
    story += _overview(figures)
    story += _staff_section("二、按窗口统计", "窗口", figures.by_window)
    story += _staff_section("三、按人员统计", "人员", figures.by_clerk)
    story += _department_section(figures)
    story += _deadline_section(figures)
    story += _green_section(figures.green_channel_cases)
    story += _tickets_section(ticket_figures(ws, actor, day))
    story += _ratings_section(figures.ratings)
    # The lead signs beneath the notes: both stay on one page.
    story.append(
        KeepTogether(
            [
                _heading("九、班组长备注"),
                pdf.para(notes.strip() or "（无）", 10),
                pdf.spacer(6),
                pdf.signature_lines(["班组长"], WIDTH),
            ]
        )
    )
    letterhead = pdf.letterhead(ws, actor)
    data = pdf.build(story, letterhead, doc_title=f"{TITLE} {day.isoformat()}")
    return data, _page_count(data)


def _page_count(data: bytes) -> int:
    # reportlab writes one "/Type /Page" dictionary per page (and one "/Type /Pages" tree).
    return len(_PAGE.findall(data))


def _heading(text: str) -> Paragraph:
    heading = pdf.para(text, 12, bold=True, leading=20)
    heading.keepWithNext = True  # never a heading alone at the foot of a page
    return heading


class _Line:
    """A cell that never needs wrapping (a count, a case number, a date, a short label): the
    table draws it as plain lines, far faster than laying out a paragraph — which matters on a
    summary listing hundreds of cases."""

    __slots__ = ("text",)

    def __init__(self, text: object) -> None:
        self.text = str(text)

    def __str__(self) -> str:
        return self.text


def _num(n: int) -> _Line:
    return _Line(n)


def _table(
    headers: Sequence[str],
    rows: Sequence[Sequence[object]],
    widths_mm: Sequence[float],
    *,
    size: float = 10,
    total_row: bool = False,
    centred_from: int = 1,
) -> Table:
    """A ruled table whose columns from `centred_from` on are centred (the counts)."""
    # The header row is repeated on every page: lines too, centred as its paragraphs were.
    head = [
        cell if isinstance(cell, _Line) else pdf.para(h, size, center=True)
        for h, cell in zip(headers, _as_lines([headers], widths_mm, size)[0], strict=True)
    ]
    fitted_rows, fitted_sizes = _fit_lines(_as_lines(rows, widths_mm, size), widths_mm, size)
    table = pdf.grid([head, *fitted_rows], [w * mm for w in widths_mm], size=size)
    commands: list[tuple[object, ...]] = [
        ("FONTNAME", (0, 0), (-1, -1), pdf.chinese_font()),
        ("FONTSIZE", (0, 0), (-1, -1), size),
        ("LEADING", (0, 0), (-1, -1), size * 1.5),
        ("ALIGN", (0, 0), (-1, 0), "CENTER"),
    ]
    if centred_from < len(headers):
        commands.append(("ALIGN", (centred_from, 1), (-1, -1), "CENTER"))
        # Text (a note, a name) stays at the left as its paragraph did; counts are centred.
        commands += [
            ("ALIGN", (column, 1), (column, -1), "LEFT")
            for column in range(centred_from, len(headers))
            if any(column < len(r) and isinstance(r[column], str) for r in rows)
        ]
    if size <= LIST_SIZE:
        # Narrow columns of a long list: less padding, so case numbers and dates stay whole.
        commands += [
            ("LEFTPADDING", (0, 0), (-1, -1), 3),
            ("RIGHTPADDING", (0, 0), (-1, -1), 3),
            ("TOPPADDING", (0, 0), (-1, -1), 2),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 2),
        ]
    if total_row:
        commands.append(("BACKGROUND", (0, -1), (-1, -1), colors.HexColor("#f2f2f2")))
    for column, fitted in fitted_sizes.items():
        commands += [
            ("FONTSIZE", (column, 1), (column, -1), fitted),
            ("LEADING", (column, 1), (column, -1), fitted * 1.5),
        ]
    table.setStyle(TableStyle(commands))
    return table


def _room(widths_mm: Sequence[float], size: float) -> list[float]:
    """Each column's width less its cell padding (narrower for the long lists)."""
    return [w * mm - (6 if size <= LIST_SIZE else 12) for w in widths_mm]


def _as_lines(
    rows: Sequence[Sequence[object]], widths_mm: Sequence[float], size: float
) -> list[list[object]]:
    """Text cells as the lines their paragraph would print (pdf.paragraph_lines): a paragraph
    is laid out again on every page a table is split across, and the summary's lists run over
    pages with a few hundred names, items and stations, most on one line, some on two or three.
    Text that needs the built-in font for a rare character stays a paragraph."""
    room = _room(widths_mm, size)
    out: list[list[object]] = []
    for row in rows:
        cells: list[object] = []
        for column, cell in enumerate(row):
            if isinstance(cell, str) and column < len(room):
                lines = pdf.paragraph_lines(cell, size, room[column])
                if lines is not None:
                    cell = _Line("\n".join(lines))
            cells.append(cell)
        out.append(cells)
    return out


def _fit_lines(
    rows: Sequence[Sequence[object]], widths_mm: Sequence[float], size: float
) -> tuple[list[list[object]], dict[int, float]]:
    """The rows with their unwrapped lines (case numbers, dates) made to fit their column, and
    the smaller type size of the columns that needed it. A long workstation code or a wide font
    first gets smaller type; a number still too wide then breaks after its date part."""
    font = pdf.chinese_font()
    room = _room(widths_mm, size)

    def widest(cells: list[list[object]], column: int, at: float) -> float:
        return max(
            (
                pdfmetrics.stringWidth(line, font, at)
                for row in cells
                if column < len(row) and isinstance(row[column], _Line)
                for line in str(row[column]).split("\n")
            ),
            default=0.0,
        )

    out = [list(r) for r in rows]
    sizes: dict[int, float] = {}
    for column, space in enumerate(room):
        need = widest(out, column, size)
        if need <= space:
            continue
        fitted = max(MIN_LIST_SIZE, floor(size * space / need * 4) / 4)
        sizes[column] = fitted
        if widest(out, column, fitted) <= space:
            continue
        for row in out:
            cell = row[column] if column < len(row) else None
            if isinstance(cell, _Line) and "-" in cell.text and "\n" not in cell.text:
                row[column] = _Line(cell.text.replace("-", "-\n", 1))
    return out, sizes


def _overview(f: DayFigures) -> list[Flowable]:
    channels = "，".join(f"{c.label} {c.count}" for c in f.consultations_by_channel)
    methods = "，".join(f"{c.label} {c.count}" for c in f.delivered_by_method)
    i = f.intake
    rows: list[tuple[str, int, str]] = [
        ("咨询登记", f.consultations, channels),
        ("受理", i.accepted, "材料齐全，当场受理"),
        ("容缺受理", i.accepted_deferred, "次要材料容缺，申请人书面承诺补齐"),
        ("一次性告知补正", i.supplement_requested, "出具一次性告知书"),
        ("不予受理", i.refused, "出具不予受理通知书"),
        ("即办件当场办结", i.completed_at_window, ""),
        ("受理环节合计", i.total, "以上五项之和"),
        ("补正后受理", f.supplements_received, "补正材料收齐，当日受理"),
        ("移交审批部门", f.dispatched, ""),
        ("部门办结返回", f.returned, "含不予许可"),
        ("出件", f.delivered, methods),
        ("绿色通道（帮您办）", f.green_channel, "当日登记的帮办办件"),
        ("已超期办件", f.overdue_count, "截至当日，计时中的办件"),
        ("临近期限办件", f.near_deadline_count, f"{NEAR_DEADLINE_DAYS} 个工作日内到期"),
    ]
    return [
        _heading("一、当日业务量"),
        _table(
            ["项目", "数量", "说明"],
            [[label, _num(n), note] for label, n, note in rows],
            [48, 22, 100],
        ),
        pdf.spacer(4),
    ]


def _staff_figures(r: StaffFigures) -> list[int]:
    i = r.intake
    return [
        r.consultations,
        i.accepted,
        i.accepted_deferred,
        i.supplement_requested,
        i.refused,
        i.completed_at_window,
        r.green_channel,
        r.delivered,
    ]


def _staff_section(heading: str, first: str, rows: Sequence[StaffFigures]) -> list[Flowable]:
    if not rows:
        return [_heading(heading), pdf.para("当日无记录。", 10), pdf.spacer(4)]
    figures = [_staff_figures(r) for r in rows]
    totals = [sum(column) for column in zip(*figures, strict=True)]
    body = [[r.label, *map(_num, f)] for r, f in zip(rows, figures, strict=True)]
    return [
        _heading(heading),
        _table(
            [first, *STAFF_HEADERS],
            [*body, ["合计", *map(_num, totals)]],
            [34, *[17] * len(STAFF_HEADERS)],
            size=9,  # nine columns: headers of four characters stay on one line
            total_row=True,
        ),
        pdf.spacer(4),
    ]


def _department_section(f: DayFigures) -> list[Flowable]:
    out: list[Flowable] = [_heading("四、按部门统计")]
    if not f.by_department:
        return [*out, pdf.para("当日无记录。", 10), pdf.spacer(4)]
    rows = [
        [
            d.department,
            _num(d.applications),
            _num(d.dispatched),
            _num(d.returned),
            _num(d.overdue),
            _num(d.near_deadline),
        ]
        for d in f.by_department
    ]
    return [
        *out,
        _table(
            ["实施部门", "当日申请", "移交", "办结返回", "已超期", "临近期限"],
            rows,
            [70, 20, 20, 20, 20, 20],
        ),
        pdf.spacer(1),
        pdf.para("注：一件事涉及多个部门的，在每个部门各计一件。", 9),
        pdf.spacer(4),
    ]


LIST_SIZE = 8.5
MIN_LIST_SIZE = 6.0  # smaller than this a case number is no longer read at a glance
DEADLINE_HEADERS = ["受理编号", "办理事项", "申请人", "办结期限", "期限提示", "状态", "责任岗位"]
DEADLINE_WIDTHS = [30, 34, 20, 18, 24, 15, 29]


def _deadline_rows(rows: Sequence[DeadlineRow]) -> list[list[object]]:
    def hint(r: DeadlineRow) -> str:
        lines = [r.mark]
        if r.overdue:
            late = -r.remaining_working_days
            if late > 0:  # 0 on a closed day right after the due date
                lines.append(f"{late} 个工作日")
        else:
            lines.append(r.remaining_text)
        if r.green_channel:
            lines.append(GREEN_MARK)
        return "\n".join(lines)

    return [
        [
            _Line(r.case_no),
            r.title,
            r.applicant_name,
            _Line(r.due_date.isoformat() + ("\n（估算）" if r.due_estimated else "")),
            _Line(hint(r)),
            _Line(r.state_label),
            r.station_label,
        ]
        for r in rows
    ]


def _deadline_section(f: DayFigures) -> list[Flowable]:
    out: list[Flowable] = [
        _heading("五、已超期和临近期限办件"),
        pdf.para(
            f"已超期 {f.overdue_count} 件，临近期限（{NEAR_DEADLINE_DAYS} 个工作日内到期）"
            f"{f.near_deadline_count} 件。",
            10,
        ),
    ]
    if f.by_station:
        out += [
            pdf.spacer(2),
            _table(
                ["责任岗位", "已超期", "临近期限"],
                [
                    *([s.label, _num(s.overdue), _num(s.near_deadline)] for s in f.by_station),
                    ["合计", _num(f.overdue_count), _num(f.near_deadline_count)],
                ],
                [90, 40, 40],
                total_row=True,
            ),
        ]
    for rows, count, what in (
        (f.overdue, f.overdue_count, "已超期"),
        (f.near_deadline, f.near_deadline_count, "临近期限"),
    ):
        if not rows:
            continue
        shown = (
            f"（共 {count} 件，以下列出最紧迫的 {len(rows)} 件；完整清单见统计报表或办件台账）"
            if count > len(rows)
            else f"（共 {count} 件）"
        )
        caption = pdf.para(f"{what}办件清单{shown}", 10, bold=True)
        caption.keepWithNext = True
        out += [
            pdf.spacer(3),
            caption,
            _table(
                DEADLINE_HEADERS,
                _deadline_rows(rows),
                DEADLINE_WIDTHS,
                size=LIST_SIZE,
                centred_from=len(DEADLINE_HEADERS),
            ),
        ]
    out.append(pdf.spacer(4))
    return out


def _green_section(rows: Sequence[GreenChannelRow]) -> list[Flowable]:
    heading = _heading("六、当日绿色通道服务")
    if not rows:
        return [heading, pdf.para("当日无绿色通道办件。", 10), pdf.spacer(4)]
    body = [
        [
            _Line(r.case_no),
            r.applicant_name,
            r.title,
            r.flags,
            _Line(r.mode),
            r.helper or "—",
            _Line(r.state_label),
        ]
        for r in rows
    ]
    return [
        KeepTogether([heading, pdf.para(f"共 {len(rows)} 件。", 10)]),
        _table(
            ["受理编号", "申请人", "办理事项", "帮办对象", "服务方式", "帮办人", "状态"],
            body,
            [31, 22, 43, 22, 18, 17, 17],
            size=LIST_SIZE,
            centred_from=7,
        ),
        pdf.spacer(4),
    ]


def _tickets_section(t: TicketFigures) -> list[Flowable]:
    classes = "，".join(f"{c.label} {c.count}" for c in t.opened_by_class)
    praise = "，".join(f"{name} {n}" for name, n in t.praise_by_staff) or "—"
    rows: list[tuple[str, int, str]] = [
        ("登记", t.opened, classes),
        ("答复", t.answered, "当日答复反映人的工单"),
        ("办结归档", t.closed, "含不予受理（涉法涉诉涉访）"),
        ("已超期工单", t.overdue, "截至当日，计时中的工单"),
        ("临近期限工单", t.near_deadline, f"{TICKET_NEAR_DAYS} 个工作日内到期"),
    ]
    return [
        _heading("七、办不成事与投诉"),
        _table(
            ["项目", "数量", "说明"],
            [[label, _num(n), note] for label, n, note in rows],
            [48, 22, 100],
        ),
        pdf.para(f"当日表扬（按工作人员）：{praise}", 10),
        pdf.spacer(4),
    ]


def _ratings_section(r: RatingFigures) -> list[Flowable]:
    lv = r.levels
    levels = "，".join(f"{level.label} {n}" for level, n in lv.by_level.items())
    channels = "，".join(f"{c.label} {n}" for c, n in r.by_channel.items())
    rows: list[tuple[str, str, str]] = [
        ("评价", str(r.given), channels),
        ("未评价", str(r.unrated), "评价屏超时未作答，不计为好评"),
        ("差评", str(lv.bad), "不满意、非常不满意，每条开具整改工单"),
        ("差评率", lv.bad_rate.text, "差评 / 评价"),
        ("差评率（剔除申诉成立）", lv.bad_rate_after_appeals.text, f"申诉成立 {lv.upheld} 条"),
        ("满意率", lv.satisfied_rate.text, "非常满意、满意、基本满意 / 评价"),
    ]
    lines = [
        _heading("八、好差评"),
        _table(
            ["项目", "数量", "说明"],
            [[label, _Line(n), note] for label, n, note in rows],
            [48, 40, 82],
        ),
        pdf.para(f"按等级：{levels}", 10),
    ]
    if r.duplicates:
        lines.append(pdf.para(f"同一服务的重复评价 {r.duplicates} 条，未计入以上数字。", 10))
    return [*lines, pdf.spacer(4)]
