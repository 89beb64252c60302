"""The desk's state machine: which moves exist, and that a rejection needs a reason."""

from __future__ import annotations

import pytest

from corrigenda.desk import workflow
from corrigenda.desk.workflow import NotAllowed, check_move, is_reopening
from corrigenda.reports.models import Status

ALL = {s.value for s in Status}


def test_every_state_of_a_report_is_in_the_workflow() -> None:
    assert set(workflow.MOVES) == ALL
    assert all(targets <= ALL for targets in workflow.MOVES.values())


@pytest.mark.parametrize(
    ("current", "target"),
    [
        ("new", "in_review"),
        ("new", "accepted"),
        ("in_review", "accepted"),
        ("in_review", "duplicate"),
        ("accepted", "in_review"),
        ("rejected", "in_review"),
        ("duplicate", "in_review"),
    ],
)
def test_the_moves_an_editor_makes(current: str, target: str) -> None:
    check_move(current, target)


@pytest.mark.parametrize(
    ("current", "target"),
    [("accepted", "rejected"), ("rejected", "accepted"), ("accepted", "new"), ("new", "new")],
)
def test_a_decision_is_changed_only_by_reopening_it(current: str, target: str) -> None:
    with pytest.raises(NotAllowed):
        check_move(current, target)


def test_a_rejection_needs_a_reason() -> None:
    with pytest.raises(NotAllowed, match="reason"):
        check_move("in_review", "rejected", reason="  ")
    check_move("in_review", "rejected", reason="The figure is right.")


def test_reopening_is_leaving_a_decision_for_an_open_state() -> None:
    assert is_reopening("accepted", "in_review")
    assert is_reopening("duplicate", "in_review")
    assert not is_reopening("new", "in_review")
    assert not is_reopening("in_review", "accepted")
