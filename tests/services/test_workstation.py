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


@pytest.mark.parametrize(
    ("hall", "message"),
    [
        ("科左中旗\u202e政务服务中心", "U+202E"),
        ("政务\x1b[31m服务中心", "U+001B"),
        ("中" * 100_000, "最多 60 字"),
        ("   ", "请填写政务服务中心名称"),
    ],
)
def test_init_refuses_a_hall_name_no_notice_could_print(tmp_path, hall, message):
    from hall_desk.domain.errors import ValidationError
    from hall_desk.services.setup import init_home

    with pytest.raises(ValidationError, match=message.replace("+", r"\+")):
        init_home(Home(tmp_path / "home"), hall=hall, workstation="W01")
    assert not (tmp_path / "home").exists()


@pytest.mark.parametrize(
    ("config", "message"),
    [
        ("[1, 2]", "内容应为一个对象"),
        ('{"hall": "中心", "workstation": 5}', "「workstation」的值 5 类型不对"),
        ('{"hall": "中心", "workstation": "w01; drop"}', "工作站编码「w01; drop」无效"),
        ('{"hall": "中心", "workstation": "W01", "idle_lock_minutes": "ten"}', "类型不对"),
        ('{"hall": "中心"}', "缺少「workstation」"),
        ("{not json", "已损坏"),
    ],
)
def test_a_hand_edited_config_is_refused_in_words(tmp_path, config, message):
    make_home(tmp_path / "home").close()
    (tmp_path / "home" / "config.json").write_text(config, encoding="utf-8")
    with pytest.raises(StorageError, match=message):
        Workstation(Home(tmp_path / "home"))


def test_settings_refuse_bad_hall_window_and_printer_names(ws, admin):
    from hall_desk.domain.errors import ValidationError
    from hall_desk.services.settings import update_settings

    for field, value in (("hall", "中心\u202e"), ("window", "窗" * 31), ("printer", "P\x00")):
        with pytest.raises(ValidationError) as refused:
            update_settings(ws, admin, **{field: value})
        assert refused.value.field == field
    assert ws.config.hall == "科尔沁左翼中旗政务服务中心"


@pytest.mark.parametrize("damage", ["garbage", "truncated"])
def test_a_damaged_database_is_refused_in_words(tmp_path, damage):
    make_home(tmp_path / "home").close()
    db = tmp_path / "home" / "local.sqlite3"
    data = db.read_bytes()
    db.write_bytes(b"not a database at all" if damage == "garbage" else data[:5000])
    with pytest.raises(StorageError, match=r"已损坏，无法打开.*请由管理员从备份恢复"):
        Workstation(Home(tmp_path / "home"))


def test_demo_data_far_in_the_past_is_refused(ws):
    from datetime import date

    from hall_desk.domain.errors import ValidationError
    from hall_desk.services.demo import generate

    with pytest.raises(ValidationError, match="2000–2090"):
        generate(ws, 1, 1, end=date(1, 1, 3))


def test_a_malformed_postgresql_address_is_refused_in_words():
    from hall_desk.domain.errors import ValidationError
    from hall_desk.sync.shared import parse_location

    with pytest.raises(ValidationError, match="共享数据库地址格式错误"):
        parse_location("postgresql://::::/")


def test_a_transaction_holds_the_projection_rows_it_reads_but_not_the_kept_tables(ws, clerk):
    """A second read of a projection's row in one transaction is a lookup, not a query; the
    events (a rebuild reads the whole log through one session) and settings are not held."""
    import gc
    import weakref

    from sqlalchemy import select

    from hall_desk.services import intake
    from hall_desk.store.models import CaseRow, Event, Meta, User
    from tests.conftest import TODAY
    from tests.services.helpers import draft_for

    case = intake.accept(ws, clerk, draft_for(ws, ["011050007001"]), on=TODAY)
    with ws.transaction(clerk) as tx:
        s = tx.session
        held = [weakref.ref(s.get(CaseRow, case.case_id)), weakref.ref(s.get(User, "clerk1"))]
        kept = [
            weakref.ref(s.scalars(select(Event).limit(1)).one()),
            weakref.ref(s.scalars(select(Meta).limit(1)).one()),
        ]
        gc.collect()
        assert all(ref() is not None for ref in held)
        assert all(ref() is None for ref in kept)
