"""The bundled catalog's pinyin keys, shipped worked out: each is what pypinyin gives, and
folding the bundled catalog needs no pypinyin."""

from __future__ import annotations

import json
import subprocess
import sys

from hall_desk.assets import resource
from hall_desk.domain import catalog
from hall_desk.services.catalog import bundled_catalog
from hall_desk.store import catalog_pinyin


def test_every_name_of_the_bundled_catalog_is_shipped_as_pypinyin_gives_it() -> None:
    shipped = json.loads(resource(*catalog_pinyin.TABLE).read_text(encoding="utf-8"))
    names = set(catalog_pinyin.names_of(bundled_catalog()))
    assert set(shipped) == names, "run: python -m hall_desk.store.catalog_pinyin"
    for name in names:
        assert tuple(shipped[name]) == catalog.pinyin_keys(name), name
        assert catalog_pinyin.pinyin_keys(name) == catalog.pinyin_keys(name)


def test_a_name_of_another_catalog_is_worked_out_by_pypinyin() -> None:
    assert catalog_pinyin.pinyin_keys("个体工商户开业登记（测试）") == (
        "getigongshanghukaiyedengjiceshi",
        "gtgshkydjcs",
    )


def test_folding_the_bundled_catalog_loads_no_pypinyin() -> None:
    script = (
        "import sys\n"
        "from hall_desk.services.catalog import bundled_catalog\n"
        "from hall_desk.store import catalog_pinyin, projection_handlers\n"
        "for name in catalog_pinyin.names_of(bundled_catalog()):\n"
        "    catalog_pinyin.pinyin_keys(name)\n"
        "print('pypinyin' in sys.modules)\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, timeout=120, check=True
    )
    assert done.stdout.strip() == "False"
