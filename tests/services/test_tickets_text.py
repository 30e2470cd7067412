"""Every text typed into a ticket goes through the one text check: a right-to-left override, a NUL,
a terminal escape or 10 MB is refused on its field and nothing is written. Written by hand, as
tests/services/test_text_everywhere.py is: a new ticket input needs a new row here."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import date

import pytest

from hall_desk.domain.errors import ValidationError, ValidationErrors
from hall_desk.services import ticket_views, tickets
from hall_desk.services.ticket_views import TicketFilter
from tests.services.test_text_everywhere import BAD, TEN_MB, spoil
from tests.services.tickets_helpers import Desk, complaint, open_desk


@dataclass
class Tickets:
    desk: Desk
    registered: str
    analysed: str
    dispatched: str
    paused: str
    answered: str
    checked: str
    archived: str


@pytest.fixture(scope="module")
def t(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Tickets]:
    desk = open_desk(tmp_path_factory.mktemp("ticket-text") / "home")
    ws, clerk, lead = desk.ws, desk.clerk, desk.lead

    def upto(n: int) -> str:
        number = tickets.register(ws, clerk, complaint()).ticket_no
        steps = [
            lambda: tickets.analyse(ws, clerk, number, "材料要求不一致"),
            lambda: tickets.dispatch(ws, clerk, number, "window", "综合窗口3"),
            lambda: tickets.answer(ws, clerk, number, "已办结", "phone"),
            lambda: tickets.check(ws, lead, number, callback="satisfied", finding="substantiated"),
            lambda: tickets.archive(ws, lead, number),
        ]
        for step in steps[:n]:
            step()
        return number

    paused = upto(2)
    tickets.pause(ws, clerk, paused, "等待补充材料")
    yield Tickets(desk, upto(0), upto(1), upto(2), paused, upto(3), upto(4), upto(5))
    ws.close()


Call = Callable[[Tickets, str], object]


def _reg(**kw: object) -> Call:
    def call(t: Tickets, text: str) -> object:
        fields = {k: (text if v is None else v) for k, v in kw.items()}
        return tickets.register(t.desk.ws, t.desk.clerk, complaint(**fields))

    return call


INPUTS: list[tuple[str, str, str, Call]] = [
    ("register.description", "description", "跑了三次没办成", _reg(description=None)),
    ("register.reporter_name", "reporter_name", "包海龙", _reg(reporter_name=None)),
    (
        "register.external_no",
        "external_no",
        "GD20261124",
        _reg(channel="hotline_12345", external_no=None),
    ),
    ("register.window", "window", "综合窗口3", _reg(window=None, staff="")),
    ("register.phone", "phone", "13904751234", _reg(phone=None)),
    ("register.case_ref", "case_ref", "20261124-W01-0001", _reg(case_ref=None)),
    (
        "analyse.cause",
        "cause",
        "材料要求不一致",
        lambda t, x: tickets.analyse(t.desk.ws, t.desk.clerk, t.registered, x),
    ),
    (
        "dispatch.to",
        "dispatch_to",
        "综合窗口3",
        lambda t, x: tickets.dispatch(t.desk.ws, t.desk.clerk, t.analysed, "department", x),
    ),
    (
        "dispatch.note",
        "note",
        "请两日内回复",
        lambda t, x: tickets.dispatch(t.desk.ws, t.desk.clerk, t.analysed, "window", "三号", x),
    ),
    (
        "progress.note",
        "note",
        "已联系反映人",
        lambda t, x: tickets.progress(t.desk.ws, t.desk.clerk, t.dispatched, x),
    ),
    (
        "pause.reason",
        "reason",
        "等待补充材料",
        lambda t, x: tickets.pause(t.desk.ws, t.desk.clerk, t.dispatched, x),
    ),
    (
        "resume.note",
        "note",
        "材料已补齐",
        lambda t, x: tickets.resume(t.desk.ws, t.desk.clerk, t.paused, x),
    ),
    (
        "answer.text",
        "answer",
        "已为您办结",
        lambda t, x: tickets.answer(t.desk.ws, t.desk.clerk, t.dispatched, x, "phone"),
    ),
    (
        "check.note",
        "note",
        "核查属实",
        lambda t, x: tickets.check(
            t.desk.ws, t.desk.lead, t.answered, x, "satisfied", finding="substantiated"
        ),
    ),
    (
        "archive.note",
        "note",
        "材料归档",
        lambda t, x: tickets.archive(t.desk.ws, t.desk.lead, t.checked, x),
    ),
    (
        "exclude.reason",
        "reason",
        "已进入信访程序",
        lambda t, x: tickets.exclude(t.desk.ws, t.desk.lead, t.registered, "petition", x),
    ),
    (
        "extend.reason",
        "reason",
        "需要部门后台核实",
        lambda t, x: tickets.extend(t.desk.ws, t.desk.lead, t.registered, date(2026, 12, 4), x),
    ),
    (
        "reopen.reason",
        "reason",
        "反映人再次来电",
        lambda t, x: tickets.reopen(t.desk.ws, t.desk.lead, t.archived, x),
    ),
    (
        "reveal.reason",
        "reason",
        "回访",
        lambda t, x: ticket_views.reveal_phone(t.desk.ws, t.desk.lead, t.registered, x),
    ),
]


@pytest.mark.parametrize("bad", list(BAD), ids=list(BAD))
@pytest.mark.parametrize(
    ("field", "good", "call"), [row[1:] for row in INPUTS], ids=[row[0] for row in INPUTS]
)
def test_bad_text_is_refused_on_its_field_and_writes_nothing(
    t: Tickets, field: str, good: str, call: Call, bad: str
) -> None:
    before = t.desk.counts()
    with pytest.raises((ValidationError, ValidationErrors)) as exc:
        call(t, spoil(good, BAD[bad]))
    errors = exc.value.errors if isinstance(exc.value, ValidationErrors) else [exc.value]
    assert field in {e.field for e in errors}, [(e.field, e.message[:80]) for e in errors]
    assert all(len(e.message) < 500 for e in errors), "the refusal must not echo the text back"
    assert t.desk.counts() == before


def test_the_search_box_has_a_length_limit(t: Tickets) -> None:
    lead = t.desk.lead
    assert ticket_views.list_tickets(t.desk.ws, lead, TicketFilter(query=TEN_MB)) == []
    found = ticket_views.list_tickets(t.desk.ws, lead, TicketFilter(query=t.paused))
    assert [line.ticket_no for line in found] == [t.paused]
