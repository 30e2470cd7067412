"""A home at a glance (what `hall-desk` prints until the desktop shell exists)."""

from __future__ import annotations

from datetime import timedelta

from sqlalchemy import func, select

from hall_desk.domain.lifecycle import CaseState
from hall_desk.services.home import Home
from hall_desk.services.workstation import Workstation
from hall_desk.store.models import CaseRow, ConsultationRow, User
from hall_desk.store.models_catalog import ServiceItemRow, ThemeRow

DEMO_DAYS, DEMO_PER_DAY = 15, 40


def ensure_demo_home(home: Home, days: int | None = None, per_day: int | None = None) -> None:
    """A demo home is created and filled once, on first use (DEMO_DAYS × DEMO_PER_DAY)."""
    if home.is_initialised():
        return
    days = DEMO_DAYS if days is None else days
    per_day = DEMO_PER_DAY if per_day is None else per_day
    from hall_desk.services.demo import generate
    from hall_desk.services.setup import init_home

    with init_home(
        home, hall="科尔沁左翼中旗政务服务中心（演示）", workstation="DEMO1", demo=True
    ) as ws:
        generate(ws, days, per_day, seed=2026)
        from hall_desk.services.demo_queue import generate_queue_days

        today = ws.today()
        generate_queue_days(ws, today - timedelta(days=days - 1), today, 2026)


def summary_lines(ws: Workstation) -> list[str]:
    with ws.reading() as s:
        by_state = dict(
            s.execute(select(CaseRow.state, func.count()).group_by(CaseRow.state)).all()
        )
        consultations = s.scalar(select(func.count()).select_from(ConsultationRow)) or 0
        items = s.scalar(select(func.count()).select_from(ServiceItemRow)) or 0
        themes = s.scalar(select(func.count()).select_from(ThemeRow)) or 0
        accounts = list(s.scalars(select(User).where(User.active).order_by(User.username)))
        green = (
            s.scalar(select(func.count()).select_from(CaseRow).where(CaseRow.green_channel)) or 0
        )
    lines = [
        f"{ws.hall} · 工作站 {ws.code} · {ws.home.path}",
        f"事项库：{items} 项事项，{themes} 个一件事",
        f"咨询登记：{consultations} 条；办件：{sum(by_state.values())} 件（绿色通道 {green} 件）",
    ]
    for state in CaseState:
        if by_state.get(state.value):
            lines.append(f"  {state.label}：{by_state[state.value]} 件")
    if ws.config.demo and accounts:
        from hall_desk.services.demo import DEMO_PASSWORD

        lines.append(
            f"演示账户（密码 {DEMO_PASSWORD}）："
            + "、".join(f"{u.username}（{u.display_name}）" for u in accounts)
        )
    return lines
