"""The daily summary's case numbers stay inside their column, whatever the workstation code."""

from __future__ import annotations

import re
import subprocess
from datetime import date
from pathlib import Path

from hall_desk.domain.roles import Actor, Role
from hall_desk.reports import daily
from hall_desk.services import intake, users
from tests.conftest import STAFF_PASSWORD, make_home
from tests.services.helpers import draft_for, person, resident_id
from tests.services.test_dashboard import LEAD

FOOD = "011050007001"
MM = 72 / 25.4
PAGE_MARGIN = 20 * MM
WORD = re.compile(
    r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="[\d.]+">([^<]*)</word>'
)


def test_long_case_numbers_stay_inside_the_first_column(tmp_path: Path) -> None:
    # The widest number a hall can have: eight wide letters as the workstation code.
    ws = make_home(tmp_path / "wide", code="WWWWWWWW")
    try:
        admin = Actor("admin", "张建国", Role.ADMIN)
        clerk = users.create_user(
            ws, admin, "clerk1", "王晓燕", Role.CLERK, STAFF_PASSWORD, "综合窗口1"
        )
        numbers = []
        for n in range(3):
            draft = draft_for(ws, [FOOD], person(number=resident_id(seq=f"9{n}1"), name="包海龙"))
            numbers.append(intake.accept(ws, clerk, draft, on=date(2026, 10, 12)).case_no)
        pdf = tmp_path / "summary.pdf"
        pdf.write_bytes(daily.build_daily_summary(ws, LEAD, date(2026, 11, 24)))
    finally:
        ws.close()
    words = [
        (float(a), float(c), w)
        for a, _b, c, w in WORD.findall(
            subprocess.run(
                ["pdftotext", "-bbox", str(pdf), "-"], capture_output=True, text=True, check=True
            ).stdout
        )
    ]
    # Whole, or (when even the smallest type is too wide) broken after its date part.
    listed = [w for w in words if len(w[2]) >= 5 and any(w[2] in n for n in numbers)]
    for number in numbers:
        assert any(number.endswith(w[2]) for w in listed), f"{number} is listed"
    first_column_end = PAGE_MARGIN + daily.DEADLINE_WIDTHS[0] * MM
    for x_min, x_max, number in listed:
        assert x_min >= PAGE_MARGIN, number
        assert x_max <= first_column_end - 1, f"{number} runs past its column"
