"""The feedback desk's figures of a day, for the dashboard and the daily summary: tickets
opened (by class), answered, closed, and open ones overdue or near their deadline."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from hall_desk.domain.roles import Actor, Permission
from hall_desk.domain.tickets import Step, TicketClass
from hall_desk.services.workstation import Workstation
from hall_desk.store.queries import tickets as queries


@dataclass(frozen=True)
class ClassCount:
    key: str
    label: str
    count: int


@dataclass(frozen=True)
class TicketFigures:
    day: date
    opened: int
    opened_by_class: tuple[ClassCount, ...]
    answered: int
    closed: int  # 归档 or 不予受理 on the day
    overdue: int  # open tickets whose clock runs past the due day, as of the day
    near_deadline: int
    praise_by_staff: tuple[tuple[str, int], ...]


def ticket_figures(ws: Workstation, actor: Actor, day: date) -> TicketFigures:
    actor.require(Permission.REPORTS)
    calendar = ws.calendar()
    with ws.reading() as s:
        by_class = queries.opened_by_class(s, day)
        answered = queries.steps_on(s, day, (Step.ANSWER.value,))
        closed = queries.steps_on(s, day, (Step.ARCHIVE.value, Step.EXCLUDE.value))
        overdue = queries.count(s, queries.overdue(day))
        near = queries.count(s, queries.near_deadline(day, queries.near_last_day(calendar, day)))
        praise = queries.praise_by_staff(s, day)
    classes = tuple(ClassCount(c.value, c.label, by_class.get(c.value, 0)) for c in TicketClass)
    return TicketFigures(
        day=day,
        opened=sum(c.count for c in classes),
        opened_by_class=classes,
        answered=answered,
        closed=closed,
        overdue=overdue,
        near_deadline=near,
        praise_by_staff=tuple(praise),
    )
