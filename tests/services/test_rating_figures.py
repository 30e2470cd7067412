"""好差评 figures: the issue's example on the dashboard and the daily summary, and the demo's days
recounted by hand-written SQL over the events' own payloads."""

from __future__ import annotations

import io
import sqlite3
from collections import Counter
from collections.abc import Iterator
from datetime import date, timedelta
from pathlib import Path

import pytest
from pypdf import PdfReader

from hall_desk.domain.ratings import Level, RatingChannel
from hall_desk.domain.roles import Actor, Role
from hall_desk.reports.daily import build_daily_summary
from hall_desk.services import consultations, dashboard, ratings
from hall_desk.services.consultations import ConsultationDraft
from hall_desk.services.demo import generate
from hall_desk.services.workstation import Workstation
from tests.conftest import make_home
from tests.services import tickets_helpers
from tests.services.tickets_helpers import Desk

desk = tickets_helpers.desk
DAY = date(2026, 11, 24)
EXAMPLE = {5: 150, 4: 30, 3: 12, 2: 5, 1: 3}  # the issue's: 8 差评, 4.0%, 96.0%
END = date(2026, 11, 27)
LEAD = Actor("lead", "白玉兰", Role.LEAD, "班组长")


def _example(desk: Desk) -> None:
    ws = desk.ws
    ids = [
        consultations.log_consultation(ws, desk.handler, ConsultationDraft(topic=f"问题{n}"))
        for n in range(sum(EXAMPLE.values()))
    ]
    levels = [level for level, n in EXAMPLE.items() for _ in range(n)]
    extra = [
        consultations.log_consultation(ws, desk.handler, ConsultationDraft(topic=f"未评价{n}"))
        for n in range(4)
    ]
    with ws.transaction(desk.handler) as tx:
        for ref, level in zip(ids, levels, strict=True):
            ratings.rate_in(tx, "consultation", ref, level)
        # Asked and not answered: 未评价 is never a rating, good or bad.
        for ref in extra:
            ratings.unrated_in(tx, "consultation", ref)


@pytest.fixture(scope="module")
def example(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Desk]:
    d = tickets_helpers.open_desk(tmp_path_factory.mktemp("rating-example") / "home")
    _example(d)
    yield d
    d.ws.close()


def test_the_issues_example_on_the_dashboard(example):
    desk = example
    figures = dashboard.day_figures(desk.ws, desk.lead, DAY).ratings
    assert figures.given == 200 and figures.unrated == 4
    assert figures.bad == 8
    assert figures.levels.bad_rate.text == "4.0%（8/200）"
    assert figures.levels.satisfied_rate.text == "96.0%（192/200）"
    assert figures.by_channel[RatingChannel.SCREEN] == 200
    # Each 差评 opened its 整改 ticket.
    with sqlite3.connect(desk.ws.home.db_path) as raw:
        (rectifications,) = raw.execute(
            "SELECT count(*) FROM events WHERE kind = 'ticket.registered'"
            " AND json_extract(payload, '$.set.source') = 'rating'"
        ).fetchone()
    assert rectifications == 8


def test_the_issues_example_in_the_daily_summary(example):
    desk = example
    data = build_daily_summary(desk.ws, desk.lead, DAY)
    text = "".join(p.extract_text() for p in PdfReader(io.BytesIO(data)).pages)
    text = text.replace("\n", "").replace(" ", "")
    part = text[text.index("八、好差评") : text.index("九、班组长备注")]
    assert "评价200评价屏200，窗口代录0，二维码/线上0" in part
    assert "未评价4" in part
    assert "差评8" in part
    assert "差评率4.0%（8/200）" in part
    assert "满意率96.0%（192/200）" in part
    assert "非常满意150，满意30，基本满意12，不满意5，非常不满意3" in part


def test_nothing_rated_shows_a_dash_not_a_rate(desk):
    figures = ratings.rating_figures(desk.ws, DAY, DAY)
    assert (figures.given, figures.unrated, figures.bad) == (0, 0, 0)
    assert figures.levels.bad_rate.text == "—" and figures.levels.satisfied_rate.text == "—"
    assert figures.levels.bad_rate_after_appeals.percent == "—"


# --- the demo recounted --------------------------------------------------------------------------


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Workstation]:
    ws = make_home(tmp_path_factory.mktemp("rating-demo") / "home")
    generate(ws, days=15, per_day=14, seed=5, end=END)
    yield ws
    ws.close()


# The rating rows that count: of all rating.given / rating.unrated events about one record, the
# earliest by (hlc, entity id); levels and channels straight from the payloads.
COUNTED = """
WITH r AS (
  SELECT entity_id, kind, hlc,
         json_extract(payload, '$.set.rated_kind') AS rated_kind,
         json_extract(payload, '$.set.record_id') AS record_id,
         json_extract(payload, '$.set.level') AS level,
         json_extract(payload, '$.set.channel') AS channel,
         json_extract(payload, '$.set.rated_on') AS rated_on
  FROM events WHERE kind IN ('rating.given', 'rating.unrated')
)
SELECT entity_id, kind, level, channel FROM r
WHERE rated_on = ? AND NOT EXISTS (
  SELECT 1 FROM r AS e WHERE e.rated_kind = r.rated_kind AND e.record_id = r.record_id
    AND (e.hlc < r.hlc OR (e.hlc = r.hlc AND e.entity_id < r.entity_id)))
"""
UPHELD = """
SELECT DISTINCT entity_id FROM events WHERE kind = 'rating.reviewed'
  AND json_extract(payload, '$.set.appeal_state') = 'upheld'
"""


def _recount(ws: Workstation, day: date) -> dict[str, object]:
    with sqlite3.connect(ws.home.db_path) as raw:
        rows = raw.execute(COUNTED, (day.isoformat(),)).fetchall()
        upheld = {r for (r,) in raw.execute(UPHELD)}
    given = [r for r in rows if r[1] == "rating.given"]
    return {
        "given": len(given),
        "unrated": sum(1 for r in rows if r[1] == "rating.unrated"),
        "levels": Counter(int(r[2]) for r in given),
        "channels": Counter(r[3] for r in given),
        "bad": sum(1 for r in given if r[2] <= 2),
        "satisfied": sum(1 for r in given if r[2] >= 3),
        "upheld": sum(1 for r in given if r[2] <= 2 and r[0] in upheld),
    }


@pytest.mark.parametrize("offset", [0, 1, 4, 7, 10])
def test_the_demos_days_recounted_from_the_events(demo, offset) -> None:
    day = END - timedelta(days=offset)
    figures = dashboard.day_figures(demo, LEAD, day).ratings
    want = _recount(demo, day)
    assert figures.given == want["given"]
    assert figures.unrated == want["unrated"]
    assert {int(k): v for k, v in figures.levels.by_level.items() if v} == dict(want["levels"])
    assert {c.value: n for c, n in figures.by_channel.items() if n} == dict(want["channels"])
    assert figures.bad == want["bad"] and figures.upheld == want["upheld"]
    given, bad, upheld = int(want["given"]), int(want["bad"]), int(want["upheld"])  # type: ignore[call-overload]
    assert figures.levels.bad_rate.text == (
        "—" if not given else f"{100 * bad / given:.1f}%（{bad}/{given}）"
    )
    after = given - upheld
    assert figures.levels.bad_rate_after_appeals.text == (
        "—" if not after else f"{100 * (bad - upheld) / after:.1f}%（{bad - upheld}/{after}）"
    )


def test_the_demo_rates_most_services_mostly_very_satisfied(demo) -> None:
    figures = ratings.rating_figures(demo, END - timedelta(days=15), END)
    assert figures.given > 10 * figures.bad > 0
    assert figures.levels.by_level[Level.VERY_SATISFIED] > figures.given / 2
    assert figures.unrated > 0
    assert figures.by_channel[RatingChannel.PROXY] > 0
    assert figures.by_channel[RatingChannel.IMPORTED] > 0
    with sqlite3.connect(demo.home.db_path) as raw:
        (appeals,) = raw.execute("SELECT count(*) FROM ratings WHERE appeal_state != ''").fetchone()
        (checked,) = raw.execute(
            "SELECT count(*) FROM tickets WHERE source = 'rating' AND state = 'checked'"
        ).fetchone()
    assert appeals > 0 and checked > 0, "some 差评 appealed, some 整改 through to the 回访"


def test_the_demo_is_the_same_for_a_seed(tmp_path: Path) -> None:
    first, other = make_home(tmp_path / "one"), make_home(tmp_path / "again")
    try:
        for ws in (first, other):
            generate(ws, days=6, per_day=8, seed=9, end=END)

        def shape(ws: Workstation) -> list[tuple[object, ...]]:
            with sqlite3.connect(ws.home.db_path) as raw:
                return raw.execute(
                    "SELECT rated_kind, case_no, what, staff, state, level, channel, rated_at,"
                    " ticket_no, appeal_state FROM ratings ORDER BY rated_at, case_no, what, level"
                ).fetchall()

        assert shape(other) == shape(first) and shape(first)
    finally:
        first.close()
        other.close()
