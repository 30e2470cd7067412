"""办件信息单: one case on one A4 page (header, items, materials, the journey so far)."""

from __future__ import annotations

from reportlab.lib.units import mm

from hall_desk.domain.catalog import MaterialForm
from hall_desk.domain.lifecycle import CaseState
from hall_desk.domain.roles import Actor
from hall_desk.reports import pdf
from hall_desk.services.cases import case_detail
from hall_desk.services.workstation import Workstation


def build_case_sheet(ws: Workstation, actor: Actor, case_ref: str) -> bytes:
    detail = case_detail(ws, actor, case_ref)
    case = detail.case
    due = ""
    if case.due_date is not None:
        due = case.due_date.isoformat() + ("（估算）" if case.due_estimated else "")
        # The board's and the case view's words for the same case.
        due += f"　{detail.deadline.text}" if detail.deadline.text else ""
    header = [
        ["受理编号", case.case_no, "办件状态", CaseState(case.state).label],
        ["办理事项", case.title, "实施主体", case.departments],
        ["申请人", case.applicant_name, "证件号码", case.applicant_id_masked],
        ["联系电话", case.applicant_phone_masked, "办结期限", due or "—"],
    ]
    if case.green_channel:
        header.append(["绿色通道", "帮您办", "帮办人", case.assistance_helper or "—"])
    story = [
        pdf.title("办件信息单"),
        pdf.spacer(3),
        pdf.Barcode128(case.case_no),
        pdf.spacer(3),
        pdf.grid(header, [24 * mm, 61 * mm, 24 * mm, 61 * mm], header=False),
        pdf.spacer(5),
        pdf.para("申请材料", 12, bold=True),
        pdf.grid(
            [["序号", "材料名称", "形式", "份数", "已收取"]]
            + [
                [
                    str(i + 1),
                    m.name,
                    MaterialForm(m.form).label,
                    str(m.copies),
                    "是" if m.received else "否",
                ]
                for i, m in enumerate(detail.materials)
            ],
            [12 * mm, 90 * mm, 28 * mm, 15 * mm, 25 * mm],
        ),
        pdf.spacer(5),
        pdf.para("办理过程", 12, bold=True),
        pdf.grid(
            [["时间", "操作", "经办人", "工作站"]]
            + [
                [e.at.strftime("%Y-%m-%d %H:%M"), e.what, e.who, e.workstation]
                for e in detail.timeline
            ],
            [38 * mm, 70 * mm, 37 * mm, 25 * mm],
        ),
    ]
    letterhead = pdf.letterhead(ws, actor)
    return pdf.build(story, letterhead, doc_title=f"办件信息单 {case.case_no}")
