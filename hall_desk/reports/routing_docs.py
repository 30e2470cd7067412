"""Paper of 材料流转 and 统一出件: folder labels, 交接单, 领取签收单, the batch mailing list."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, PageBreak, Table, TableStyle

from hall_desk.domain.catalog import DeliveryMethod
from hall_desk.domain.errors import ValidationError
from hall_desk.domain.roles import Actor
from hall_desk.domain.stations import Move
from hall_desk.reports import pdf
from hall_desk.services import delivery, routing
from hall_desk.services.workstation import Workstation

LABEL_SIZE = (100 * mm, 70 * mm)
A4_BODY = 170 * mm  # A4 portrait less the 20 mm margins
A4_WIDE_BODY = 257 * mm  # A4 landscape less the margins

SHEET_TITLES = {
    Move.COLLECT: "材料交接单（窗口→流转岗）",
    Move.DISPATCH: "材料交接单（移交审批部门）",
    Move.RECEIVE_BACK: "材料交接单（审批结果返还）",
    Move.TO_DELIVERY: "材料交接单（送出件窗口）",
}


def _day(value: date | None) -> str:
    return value.isoformat() if value else "—"


# --- folder labels ----------------------------------------------------------------------------


def _label(entry: routing.FolderLabel) -> list[Flowable]:
    due = _day(entry.due_date) + ("（估算）" if entry.due_estimated else "")
    lines = [
        pdf.para(f"受理编号：{entry.case_no}", 9, bold=True),
        pdf.para(f"事项：{'、'.join(entry.items) or entry.title}", 8),
        pdf.para(f"实施主体：{entry.departments}", 8),
        pdf.para(f"申请人：{entry.applicant_name}　受理：{_day(entry.accepted_on)}", 8),
        pdf.para(f"办结期限：{due}", 9, bold=True),
    ]
    if entry.green_channel:
        # Words and a mark, never colour alone.
        lines.append(pdf.para(f"★ 绿色通道 {entry.assistance}".rstrip(), 9, bold=True))
    head = Table(
        [
            [
                pdf.Barcode128(entry.case_no, width=64 * mm, height=11 * mm),
                pdf.qr_code(entry.case_no, 22 * mm),
            ]
        ],
        colWidths=[68 * mm, 24 * mm],
    )
    head.setStyle(
        TableStyle(
            [
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("RIGHTPADDING", (0, 0), (-1, -1), 0),
            ]
        )
    )
    return [head, *lines]


def build_folder_labels(ws: Workstation, actor: Actor, case_refs: Sequence[str]) -> bytes:
    """One 100×70 mm label per case: case number as Code128 and QR, item, department, due
    date and the green-channel mark."""
    if not case_refs:
        raise ValidationError("cases", "请选择要打印标签的办件")
    entries = routing.folder_labels(ws, actor, case_refs)
    story: list[Flowable] = []
    for i, entry in enumerate(entries):
        if i:
            story.append(PageBreak())
        story.extend(_label(entry))
    letterhead = pdf.letterhead(ws, actor)
    return pdf.build(
        story,
        letterhead,
        doc_title="材料袋标签",
        page_numbers=False,
        pagesize=LABEL_SIZE,
        margins_mm=4,
    )


# --- 交接单 -----------------------------------------------------------------------------------


def build_handover_sheet(ws: Workstation, actor: Actor, sheet_ref: str) -> bytes:
    """The batch's 交接单: every case with its items, materials and due date, signed by both."""
    sheet = routing.handover_sheet(ws, actor, sheet_ref)
    s = sheet.summary
    header = [
        ["交接单号", s.sheet_no, "交接时间", s.at.strftime("%Y-%m-%d %H:%M")],
        ["移出", s.from_label, "移入", s.to_label],
        ["移交人", s.giver, "接收人", s.receiver],
        ["件数", f"{len(sheet.lines)} 件", "备注", s.note or "—"],
    ]
    result_column = s.move == Move.RECEIVE_BACK
    rows: list[list[object]] = [
        [
            "序号",
            "受理编号",
            "申请人",
            "办理事项",
            "材料",
            "办结期限",
            "办理结果" if result_column else "备注",
        ]
    ]
    for line in sheet.lines:
        marks = []
        if line.green_channel:
            marks.append("绿色通道")
        if result_column:
            marks.insert(0, line.note)
        rows.append(
            [
                str(line.position),
                line.case_no,
                line.applicant_name,
                "、".join(line.items) or line.title,
                f"{line.materials} 项 {line.copies} 份",
                _day(line.due_date),
                "；".join(m for m in marks if m),
            ]
        )
    story: list[Flowable] = [
        pdf.title(SHEET_TITLES.get(s.move, "材料交接单")),
        pdf.spacer(2),
        pdf.Barcode128(s.sheet_no, width=60 * mm, height=10 * mm),
        pdf.spacer(2),
        pdf.grid(header, [22 * mm, 63 * mm, 22 * mm, 63 * mm], header=False),
        pdf.spacer(4),
        pdf.grid(rows, [11 * mm, 36 * mm, 18 * mm, 38 * mm, 19 * mm, 23 * mm, 25 * mm], size=9),
        pdf.spacer(4),
        pdf.para(f"以上材料袋共 {len(sheet.lines)} 件，经双方当面清点无误。", 10),
        pdf.spacer(4),
        pdf.signature_lines(["移交人", "接收人"], A4_BODY),
    ]
    letterhead = pdf.letterhead(ws, actor)
    return pdf.build(story, letterhead, doc_title=f"材料交接单 {s.sheet_no}")


# --- 领取签收单 -------------------------------------------------------------------------------


def build_pickup_receipt(ws: Workstation, actor: Actor, delivery_id: str) -> bytes:
    """领取签收单 (or, for a mailing, its 邮寄登记): what was handed to whom, for signature."""
    r = delivery.delivery_record(ws, actor, delivery_id)
    result = r.result + (f"：{r.reason}" if r.reason else "")
    rows = [
        ["受理编号", r.case_no],
        ["办理事项", "、".join(r.items) or r.title],
        ["实施主体", r.departments],
        ["申请人", f"{r.applicant_name}（{r.applicant_id_masked}）"],
        ["办理结果", result],
        ["出件方式", f"{r.method.label}（{r.recipient_kind.label}）"],
    ]
    if r.method == DeliveryMethod.PICKUP:
        rows.append(["领取人", f"{r.recipient_name}（{r.recipient_id_masked or '—'}）"])
        if r.authorisation:
            rows.append(["代领授权", r.authorisation])
        closing = "本人已领取上述办理结果（证照、文书），当面核对无误。"
        signers = ["领取人", "出件窗口经办人"]
        title = "领取签收单"
    else:
        rows += [
            ["收件人", f"{r.recipient_name}（{r.phone_masked}）"],
            ["邮寄地址", r.address_masked],
            ["快递公司", delivery.carrier_label(r.carrier)],
            ["运单号", r.tracking_no],
        ]
        closing = "上述办理结果已按申请人要求交寄。"
        signers = ["出件窗口经办人"]
        title = "邮寄送达登记单"
    rows += [
        ["出件日期", r.on.isoformat()],
        ["出件窗口", f"{r.window or '出件窗口'}　经办人：{r.clerk_name}"],
    ]
    story: list[Flowable] = [
        pdf.title(title),
        pdf.spacer(3),
        pdf.Barcode128(r.case_no),
        pdf.spacer(3),
        pdf.grid(rows, [30 * mm, 140 * mm], header=False),
        pdf.spacer(6),
        pdf.para(closing, 11),
        pdf.spacer(6),
        pdf.signature_lines(signers, A4_BODY),
    ]
    letterhead = pdf.letterhead(ws, actor)
    return pdf.build(story, letterhead, doc_title=f"{title} {r.case_no}")


# --- 批量邮寄清单 -----------------------------------------------------------------------------


def build_mailing_list(
    ws: Workstation, actor: Actor, sent_on: date, *, carrier: str | None = None
) -> bytes:
    """Everything posted on one day, for the courier to sign when collecting (landscape A4)."""
    entries = delivery.mailing_list(ws, actor, sent_on, carrier=carrier)
    if not entries:
        raise ValidationError("sent_on", f"{sent_on.isoformat()} 没有邮寄记录")
    rows: list[list[object]] = [
        ["序号", "受理编号", "办理事项", "收件人", "联系电话", "邮寄地址", "快递公司", "运单号"]
    ]
    for e in entries:
        rows.append(
            [
                str(e.position),
                e.case_no,
                e.title,
                e.recipient,
                e.phone,
                e.address,
                e.carrier_label,
                e.tracking_no,
            ]
        )
    table = pdf.grid(
        rows,
        [11 * mm, 36 * mm, 40 * mm, 20 * mm, 28 * mm, 66 * mm, 26 * mm, 30 * mm],
        size=9,
    )
    carriers = "、".join(dict.fromkeys(e.carrier_label for e in entries))
    story: list[Flowable] = [
        pdf.title("批量邮寄清单"),
        pdf.para(
            f"寄出日期：{pdf.cn_date(sent_on)}　快递公司：{carriers}　共 {len(entries)} 件", 11
        ),
        pdf.spacer(3),
        table,
        pdf.spacer(6),
        pdf.signature_lines(["交寄人", "揽收人"], A4_WIDE_BODY),
    ]
    letterhead = pdf.letterhead(ws, actor)
    return pdf.build(
        story,
        letterhead,
        doc_title=f"批量邮寄清单 {sent_on.isoformat()}",
        pagesize=landscape(A4),
    )
