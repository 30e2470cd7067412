"""A workstation that joins a hall by its key takes the hall's name from the hall at its first
sync, whatever it was set up with; a name the admin changes reaches every workstation."""

from __future__ import annotations

import io
from pathlib import Path

from pypdf import PdfReader

from hall_desk.domain.roles import Actor, Role
from hall_desk.reports import notices
from hall_desk.services import intake, settings
from hall_desk.services.home import Home
from hall_desk.services.setup import init_home
from hall_desk.services.workstation import Workstation
from tests.sync.helpers import DAY, FOOD, applicant, clerk, converge, draft, sync

HALL = "科尔沁左翼中旗政务服务中心"
ADMIN = Actor("admin", "张建国", Role.ADMIN)


def join(tmp_path: Path, first: Workstation, code: str) -> Workstation:
    """`hall-desk init --hall-key …` as an admin does it on the new machine, leaving the hall
    name at the command's default."""
    key_file = tmp_path / "hall.key"
    first.key.write(key_file)
    return init_home(
        Home(tmp_path / code), hall="政务服务中心", workstation=code, hall_key_file=key_file
    )


def test_a_joined_workstation_is_named_after_the_hall_once_it_has_synced(
    hall, shared_url, tmp_path
) -> None:
    w1 = hall.ws("W1")
    joined = join(tmp_path, w1, "W9")
    try:
        assert joined.hall == "政务服务中心"  # nothing from the hall yet
        converge([w1, joined], shared_url)
        assert joined.hall == HALL
        # What it prints from now on names the hall.
        case = intake.accept(joined, clerk(joined), draft(joined, [FOOD], applicant(7)), on=DAY)
        _title, data = notices.intake_notice(joined, clerk(joined), case.case_no)
        text = "".join(p.extract_text() for p in PdfReader(io.BytesIO(data)).pages)
        assert HALL in text.replace(" ", "").replace("\n", "")
        reopened = Workstation(Home(tmp_path / "W9"))
        try:
            assert reopened.hall == HALL  # kept in its database, not only in memory
        finally:
            reopened.close()
    finally:
        joined.close()


def test_a_hall_renamed_by_its_admin_is_renamed_everywhere(hall, shared_url) -> None:
    w1, w2 = hall.ws("W1"), hall.ws("W2")
    converge([w1, w2], shared_url)
    settings.update_settings(w1, ADMIN, hall="科尔沁左翼中旗人民政府政务服务中心")
    assert w1.hall == "科尔沁左翼中旗人民政府政务服务中心"
    sync(w1, shared_url)
    sync(w2, shared_url)
    assert w2.hall == "科尔沁左翼中旗人民政府政务服务中心"


def test_saving_the_settings_unchanged_does_not_rename_the_hall(hall, shared_url, tmp_path) -> None:
    w1 = hall.ws("W1")
    joined = join(tmp_path, w1, "W8")
    try:
        converge([w1, joined], shared_url)
        # The settings dialog shows the hall's name; saved as shown, it changes nothing.
        settings.update_settings(joined, ADMIN, hall=joined.hall, window="综合窗口8")
        settings.update_settings(w1, ADMIN, hall="科尔沁左翼中旗政务服务大厅")
        converge([w1, joined], shared_url)
        assert w1.hall == joined.hall == "科尔沁左翼中旗政务服务大厅"
    finally:
        joined.close()
