"""The sync's fault points: the mechanism is store/faults.py (services/ holds points too)."""

from hall_desk.store.faults import MARK, MAX_PAUSE_S, PAUSE_ENV, RESUME_ENV, pause_point

__all__ = ["MARK", "MAX_PAUSE_S", "PAUSE_ENV", "RESUME_ENV", "pause_point"]
