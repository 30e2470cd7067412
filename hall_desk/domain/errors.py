"""Typed errors every layer raises; each carries a Chinese message a clerk can act on."""

from __future__ import annotations


class HallDeskError(Exception):
    """Base of every refusal the program explains to its user."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


class ValidationError(HallDeskError):
    """Bad input. `field` names the input (for the UI to show the message beside it)."""

    def __init__(self, field: str, message: str) -> None:
        super().__init__(message)
        self.field = field

    def __str__(self) -> str:
        return self.message


class ValidationErrors(HallDeskError):
    """Several bad inputs found at once (a form, a spreadsheet): all of them, not just the first."""

    def __init__(self, errors: list[ValidationError]) -> None:
        self.errors = list(errors)
        super().__init__("；".join(e.message for e in self.errors))


class PermissionDenied(HallDeskError):
    """The actor's role does not allow the action."""


class NotFound(HallDeskError):
    """A case, user, item … that does not exist."""


class TransitionError(HallDeskError):
    """An impossible case-state transition; names the state and the attempted step."""

    def __init__(self, state_label: str, event_label: str, message: str | None = None) -> None:
        self.state_label = state_label
        self.event_label = event_label
        super().__init__(message or f"办件当前状态为「{state_label}」，不能执行「{event_label}」")


class StorageError(HallDeskError):
    """The environment refuses (a newer database, a network path, an unreadable key file)."""
