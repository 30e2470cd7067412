"""The ledgers of DESIGN.md §4, each built by its own module from query results."""

from __future__ import annotations

import functools
import importlib
from datetime import date
from pathlib import Path
from typing import Protocol

from hall_desk.domain.errors import ValidationError
from hall_desk.domain.progress import Progress, quiet
from hall_desk.domain.roles import Actor, Permission
from hall_desk.reports.xlsx import Ledger, write
from hall_desk.services.home import check_output_path
from hall_desk.services.workstation import Workstation
from hall_desk.store.collections_paused import collections_paused

KINDS = {
    "cases": "办件台账",
    "consultations": "咨询登记台账",
    "routing": "材料流转台账",
    "deliveries": "出件台账",
    "tickets": "办不成事/投诉台账",
    "ratings": "好差评台账",
    "queue": "排队叫号台账",
    "evaluations": "绩效考评台账",
    "inspections": "巡查台账",
    "meetings": "会议台账",
}
MAX_DAYS = 3660


class LedgerBuilder(Protocol):
    def __call__(
        self, ws: Workstation, actor: Actor, start: date, end: date, *, unmask: bool
    ) -> Ledger: ...


def builder(kind: str) -> LedgerBuilder:
    """`hall_desk.reports.ledger_<kind>.build`, each kind in its own module, run with no cyclic
    garbage collection: a month's rows (tens of thousands of lists, every one alive until the
    ledger is written, none in a cycle) would set off one every few hundred rows."""
    if kind not in KINDS:
        raise ValidationError("kind", f"台账类型应为：{'、'.join(KINDS)}")
    build: LedgerBuilder = importlib.import_module(f"hall_desk.reports.ledger_{kind}").build

    @functools.wraps(build)
    def paused(ws: Workstation, actor: Actor, start: date, end: date, *, unmask: bool) -> Ledger:
        with collections_paused():
            return build(ws, actor, start, end, unmask=unmask)

    return paused


def export(
    ws: Workstation,
    actor: Actor,
    kind: str,
    start: date,
    end: date,
    out: Path,
    *,
    unmask: bool = False,
    progress: Progress = quiet,
) -> int:
    """Writes the ledger of [start, end] to `out`; unmasked personal data needs the permission
    and is audited. `progress` hears the reading (no total yet), then the rows written."""
    actor.require(Permission.REPORTS)
    if end < start:
        raise ValidationError("to", "结束日期不能早于开始日期")
    if (end - start).days > MAX_DAYS:
        raise ValidationError("to", "一次最多导出 10 年")
    if unmask:
        actor.require(Permission.UNMASK)
    ws.require_writable()  # the export is audited before the file is written
    check_output_path(out)
    progress(0, 0, f"正在读取{KINDS[kind]}…")
    ledger = builder(kind)(ws, actor, start, end, unmask=unmask)
    # Logged before the file exists: decrypted data never sits on disk without its trace (a
    # failed write leaves an entry for an export that did not finish, the safe side to err on).
    with ws.transaction(actor) as tx:
        tx.audit(
            "ledger.export",
            kind,
            {
                "from": start.isoformat(),
                "to": end.isoformat(),
                "rows": len(ledger.rows),
                "unmasked": unmask,
            },
        )
    return write(ledger, out, progress)
