"""When a report is due, by the outlet's service level. Pure Python, no Django.

A report waits for its first response (`first_hours` after it arrived) until the desk
first answers or moves it; then for its decision (`decision_hours` after it arrived)
until it is accepted or rejected. A decided report is due for nothing.

    kind, due = due_at(received, None, None, 24, 72)   # ("first_response", received + 24 h)
"""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Literal

# An outlet without its own ServiceLevel row promises these.
DEFAULT_FIRST_RESPONSE_HOURS = 24
DEFAULT_DECISION_HOURS = 72

DueKind = Literal["first_response", "decision"]


def due_at(
    received_at: datetime,
    first_response_at: datetime | None,
    decided_at: datetime | None,
    first_hours: int,
    decision_hours: int,
) -> tuple[DueKind | None, datetime | None]:
    """What the report waits for next and by when; (None, None) once decided."""
    if decided_at is not None:
        return None, None
    if first_response_at is None:
        return "first_response", received_at + timedelta(hours=first_hours)
    return "decision", received_at + timedelta(hours=decision_hours)


def is_overdue(
    received_at: datetime,
    first_response_at: datetime | None,
    decided_at: datetime | None,
    first_hours: int,
    decision_hours: int,
    *,
    now: datetime,
) -> bool:
    """Whether the report's next step (see `due_at`) should have happened before `now`."""
    _kind, due = due_at(received_at, first_response_at, decided_at, first_hours, decision_hours)
    return due is not None and due < now
