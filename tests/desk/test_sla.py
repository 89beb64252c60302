"""When a report is due, by the outlet's service level (pure, no database)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from corrigenda.desk.sla import due_at, is_overdue

RECEIVED = datetime(2025, 2, 11, 8, 0, tzinfo=UTC)
HOUR = timedelta(hours=1)


def test_a_new_report_waits_for_its_first_response() -> None:
    assert due_at(RECEIVED, None, None, 24, 72) == ("first_response", RECEIVED + 24 * HOUR)


def test_an_answered_report_waits_for_its_decision_counted_from_arrival() -> None:
    answered = RECEIVED + 2 * HOUR
    assert due_at(RECEIVED, answered, None, 24, 72) == ("decision", RECEIVED + 72 * HOUR)


def test_a_decided_report_is_due_for_nothing() -> None:
    decided = RECEIVED + 5 * HOUR
    assert due_at(RECEIVED, RECEIVED + HOUR, decided, 24, 72) == (None, None)
    assert not is_overdue(RECEIVED, RECEIVED + HOUR, decided, 24, 72, now=RECEIVED + 999 * HOUR)


def test_overdue_only_after_the_due_time() -> None:
    due = RECEIVED + 10 * HOUR
    assert not is_overdue(RECEIVED, None, None, 10, 50, now=due)
    assert is_overdue(RECEIVED, None, None, 10, 50, now=due + timedelta(seconds=1))
    # Answered in time, the decision is due later.
    assert not is_overdue(RECEIVED, RECEIVED + HOUR, None, 10, 50, now=due + HOUR)
    assert is_overdue(RECEIVED, RECEIVED + HOUR, None, 10, 50, now=RECEIVED + 51 * HOUR)
