"""Opening a workstation's home: what it refuses rather than hide."""

from __future__ import annotations

import pytest

from hall_desk.domain.errors import StorageError
from hall_desk.services.home import Home
from hall_desk.services.workstation import Workstation
from tests.conftest import make_home


def test_a_home_whose_database_vanished_is_refused(tmp_path):
    make_home(tmp_path / "home").close()
    (tmp_path / "home" / "local.sqlite3").unlink()
    with pytest.raises(StorageError, match="不存在。为免掩盖数据丢失，程序不会新建空库"):
        Workstation(Home(tmp_path / "home"))
    assert not (tmp_path / "home" / "local.sqlite3").exists()
