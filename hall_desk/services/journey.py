"""One folder's journey: each station it stood at, who handed it on, and how long it stayed."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from hall_desk.domain.lifecycle import CaseState
from hall_desk.domain.roles import Actor, Permission
from hall_desk.domain.stations import Move, station_label
from hall_desk.services.common import case_by_ref, display_names, dwell_text, intake_moment
from hall_desk.services.workstation import Workstation
from hall_desk.store.queries import routing as routing_queries


@dataclass(frozen=True)
class Stop:
    station: str
    label: str
    arrived_by: str  # the move that brought the folder here ("受理" for the first stop)
    since: datetime
    until: datetime | None  # None: still here
    dwell: timedelta
    dwell_text: str
    giver: str
    receiver: str
    batch_no: str
    note: str


@dataclass(frozen=True)
class Journey:
    case_id: str
    case_no: str
    title: str
    state: CaseState
    state_label: str
    station_label: str
    stops: list[Stop]

    @property
    def total(self) -> timedelta:
        return sum((s.dwell for s in self.stops), timedelta(0))


def journey(
    ws: Workstation, actor: Actor, case_ref: str, *, now: datetime | None = None
) -> Journey:
    """The folder's whole custody chain: each station, who handed it on, and how long it stayed."""
    actor.require(Permission.VIEW_CASES)
    now = now if now is not None else ws.now()
    with ws.reading() as s:
        case = case_by_ref(s, case_ref, ws.today())
        names = display_names(s)
        handoffs = routing_queries.case_handoffs(s, case.id)
        intake_since = intake_moment(case)
    state = CaseState(case.state)
    first_station = handoffs[0].from_station if handoffs else case.station
    open_stops: list[dict[str, Any]] = [
        {
            "station": first_station,
            "label": station_label(first_station, case.window),
            "arrived_by": "受理",
            "since": intake_since,
            "giver": case.applicant_name,
            "receiver": names.get(case.clerk, case.clerk),
            "batch_no": "",
            "note": "",
        }
    ]
    for h in handoffs:
        open_stops.append(
            {
                "station": h.to_station,
                "label": station_label(h.to_station, case.window),
                "arrived_by": Move(h.move).label,
                "since": datetime.fromisoformat(h.at),
                "giver": h.giver,
                "receiver": h.receiver,
                "batch_no": h.batch_no,
                "note": h.note,
            }
        )
    stops: list[Stop] = []
    for i, stop in enumerate(open_stops):
        last = i == len(open_stops) - 1
        until = None if last else open_stops[i + 1]["since"]
        # Once the journey is over no time is counted at its last stop.
        end = stop["since"] if last and state.is_final else (until or now)
        dwell = max(timedelta(0), end - stop["since"])
        stops.append(Stop(**stop, until=until, dwell=dwell, dwell_text=dwell_text(dwell)))
    return Journey(
        case.id,
        case.case_no,
        case.title,
        state,
        state.label,
        station_label(case.station, case.window),
        stops,
    )
