"""The 80 mm queue ticket the kiosk prints: number, queue, people ahead, estimated wait, time,
the hall's name."""

from __future__ import annotations

import io

from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas

from hall_desk.domain.queue import Priority
from hall_desk.reports.pdf import draw_text
from hall_desk.services.queue import Issued

WIDTH_MM = 80
HEIGHT_MM = 100


def ticket_pdf(issued: Issued) -> bytes:
    """One page 80 mm wide, as a receipt printer takes it."""
    buffer = io.BytesIO()
    width, height = WIDTH_MM * mm, HEIGHT_MM * mm
    canvas = Canvas(buffer, pagesize=(width, height))
    canvas.setTitle(f"排队号 {issued.ticket.label}")
    canvas.setAuthor(issued.hall)
    centre = width / 2
    y = height - 12 * mm
    draw_text(canvas, centre, y, issued.hall, 10, "centre")
    y -= 9 * mm
    draw_text(canvas, centre, y, f"{issued.queue_name}", 14, "centre")
    y -= 22 * mm
    draw_text(canvas, centre, y, issued.ticket.label, 44, "centre")
    if issued.ticket.priority is Priority.GREEN:
        y -= 9 * mm
        draw_text(canvas, centre, y, "绿色通道（优先办理）", 12, "centre")
    y -= 11 * mm
    draw_text(canvas, centre, y, f"您前面还有 {issued.ahead} 人", 12, "centre")
    y -= 7 * mm
    minutes = round(issued.estimate_s / 60)
    draw_text(canvas, centre, y, f"预计等候约 {minutes} 分钟", 11, "centre")
    y -= 7 * mm
    draw_text(
        canvas, centre, y, f"取号时间：{issued.ticket.issued_at:%Y-%m-%d %H:%M:%S}", 9, "centre"
    )
    y -= 8 * mm
    draw_text(canvas, centre, y, "请留意大厅显示屏与语音叫号，过号须重新取号", 8, "centre")
    canvas.showPage()
    canvas.save()
    return buffer.getvalue()
