"""Demo queue days: tickets behind the demo's visits, linked, deterministic, with a morning peak."""

from __future__ import annotations

import shutil
from datetime import timedelta
from pathlib import Path

from sqlalchemy import select

from hall_desk.services.demo import generate
from hall_desk.services.demo_queue import generate_queue_days
from hall_desk.services.home import Home
from hall_desk.services.queue_figures import queue_figures
from hall_desk.services.workstation import Workstation
from hall_desk.store.models import CaseRow
from hall_desk.store.models_queue import QueueTicketRow
from tests.conftest import TODAY, make_home

START = TODAY - timedelta(days=6)


def _queue(ws: Workstation) -> list[tuple[object, ...]]:
    with ws.reading() as s:
        rows = s.execute(
            select(
                QueueTicketRow.day, QueueTicketRow.label, QueueTicketRow.queue, QueueTicketRow.state
            ).order_by(QueueTicketRow.day, QueueTicketRow.queue, QueueTicketRow.label)
        ).all()
    return [tuple(r) for r in rows]


def test_demo_queue_days(tmp_path: Path) -> None:
    ws = make_home(tmp_path / "a")
    generate(ws, 7, 24, seed=5, end=TODAY)
    ws.close()
    shutil.copytree(tmp_path / "a", tmp_path / "b")
    results = []
    for name in ("a", "b"):
        with Workstation(Home(tmp_path / name)) as ws:
            summary = generate_queue_days(ws, START, TODAY, seed=5)
            results.append(_queue(ws))
            if name == "b":
                continue
            assert summary.tickets > 100 and summary.no_shows > 0 and summary.transfers > 0
            assert {"done", "no_show", "transferred"} <= {r[3] for r in results[0]}
            with ws.reading() as s:
                cases = set(s.scalars(select(CaseRow.id)))
                linked = set(
                    s.scalars(
                        select(QueueTicketRow.visit_id).where(QueueTicketRow.visit_kind == "case")
                    )
                )
            assert linked == cases  # every case was a ticket's visit
            figures = queue_figures(ws, START, TODAY)
            waits = {f.key: f.wait_mean_s for f in figures.by_hour if f.wait_mean_s}
            assert waits["09"] > max(v for k, v in waits.items() if k >= "14")  # the peak
    assert results[0] == results[1]  # deterministic for a seed
