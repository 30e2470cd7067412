"""Papers of a ticket: the 交办单 that goes with a dispatched ticket (its deadline in words),
and the 答复函 to the reporter. The reporter's phone is printed masked."""

from __future__ import annotations

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Table, TableStyle

from hall_desk.domain.errors import ValidationError
from hall_desk.domain.roles import Actor
from hall_desk.reports import pdf
from hall_desk.services.ticket_views import TicketDetail, detail
from hall_desk.services.workstation import Workstation

WIDTH = 170 * mm


def _codes(number: str) -> Table:
    codes = Table(
        [[pdf.Barcode128(number), pdf.qr_code(number, 22 * mm)]],
        colWidths=[WIDTH - 30 * mm, 30 * mm],
    )
    codes.setStyle(
        TableStyle([("VALIGN", (0, 0), (-1, -1), "MIDDLE"), ("ALIGN", (1, 0), (1, 0), "RIGHT")])
    )
    return codes


def _due(shown: TicketDetail) -> str:
    due = shown.line.due_date
    return pdf.cn_date(due) if due is not None else "—（" + shown.tier_label + "）"


def _facts(shown: TicketDetail) -> list[list[str]]:
    line = shown.line
    rows = [
        ["工单编号", line.ticket_no],
        [
            "类别",
            line.class_label + (f"（办不成事：{line.bbcs_label}）" if line.bbcs_label else ""),
        ],
        [
            "反映渠道",
            line.channel_label + (f"　工单号 {shown.external_no}" if shown.external_no else ""),
        ],
        ["接收日期", pdf.cn_date(line.received_on)],
        ["反映人", line.reporter],
    ]
    concerned = "　".join(x for x in (line.staff_name, line.window, shown.case_no) if x)
    if concerned:
        rows.append(["涉及", concerned])
    return rows


def assignment_story(ws: Workstation, shown: TicketDetail) -> list[Flowable]:
    if not shown.dispatch:
        raise ValidationError("ticket", f"工单 {shown.line.ticket_no} 尚未派发，没有交办单")
    rows = [
        *_facts(shown),
        ["办理层级", shown.tier_label],
        ["交办对象", shown.dispatch],
        ["办理期限", _due(shown)],
        ["反映内容", shown.description],
        ["原因分析", shown.cause or "—"],
    ]
    return [
        pdf.title("办不成事（投诉）交办单"),
        pdf.spacer(2),
        _codes(shown.line.ticket_no),
        pdf.spacer(3),
        pdf.grid(rows, [30 * mm, WIDTH - 30 * mm], header=False),
        pdf.spacer(4),
        pdf.para(
            f"请于 {_due(shown)} 前办结并将办理结果反馈{ws.hall}；需等待反映人补充的，"
            "请及时告知以暂停计时；确需延期的，请在期限届满前提出并说明理由。",
        ),
        pdf.spacer(4),
        pdf.para(f"交办人：{shown.registered_by}　　{ws.hall}　　{pdf.cn_date(ws.today())}"),
        pdf.spacer(4),
        pdf.signature_lines(["承办人（签收）"], WIDTH),
    ]


def answer_story(ws: Workstation, shown: TicketDetail) -> list[Flowable]:
    if not shown.answer:
        raise ValidationError("ticket", f"工单 {shown.line.ticket_no} 尚未答复，没有答复函")
    line = shown.line
    to = "匿名反映人" if shown.anonymous else line.reporter.split(" ")[0]
    return [
        pdf.title("答复函"),
        pdf.spacer(2),
        _codes(line.ticket_no),
        pdf.spacer(3),
        pdf.para(f"{to}：", 12),
        pdf.para(
            f"您于 {pdf.cn_date(line.received_on)} 通过{line.channel_label}反映的问题"
            f"（工单编号 {line.ticket_no}）已办理，现答复如下：",
            12,
        ),
        pdf.spacer(2),
        pdf.para(shown.answer, 12),
        pdf.spacer(3),
        pdf.para("如对答复有异议，可持本函到本中心办不成事反映窗口再次反映。", 12),
        pdf.spacer(6),
        pdf.para(f"{ws.hall}（盖章）　　{pdf.cn_date(ws.today())}", 12),
    ]


def assignment_sheet(ws: Workstation, actor: Actor, ref: str) -> tuple[str, bytes]:
    shown = detail(ws, actor, ref)
    story = assignment_story(ws, shown)
    title = "交办单"
    return title, pdf.build(
        story, pdf.letterhead(ws, actor), doc_title=f"{title} {shown.line.ticket_no}"
    )


def answer_letter(ws: Workstation, actor: Actor, ref: str) -> tuple[str, bytes]:
    shown = detail(ws, actor, ref)
    story = answer_story(ws, shown)
    title = "答复函"
    return title, pdf.build(
        story, pdf.letterhead(ws, actor), doc_title=f"{title} {shown.line.ticket_no}"
    )
