"""The states of a report on the desk and the moves between them. Pure Python.

new ──► in_review ──► accepted ──► (published by corrigenda.publish)
 │          │    └──► rejected (with a reason)
 │          └───────► duplicate (merged into another report)
 └──► (any of the three decisions directly)
accepted / rejected / duplicate ──► in_review (reopened)
"""

from __future__ import annotations

NEW = "new"
IN_REVIEW = "in_review"
ACCEPTED = "accepted"
REJECTED = "rejected"
DUPLICATE = "duplicate"

DECISIONS = frozenset({ACCEPTED, REJECTED})
OPEN = frozenset({NEW, IN_REVIEW})

MOVES: dict[str, frozenset[str]] = {
    NEW: frozenset({IN_REVIEW, ACCEPTED, REJECTED, DUPLICATE}),
    IN_REVIEW: frozenset({ACCEPTED, REJECTED, DUPLICATE, NEW}),
    ACCEPTED: frozenset({IN_REVIEW}),
    REJECTED: frozenset({IN_REVIEW}),
    DUPLICATE: frozenset({IN_REVIEW}),
}


class NotAllowed(ValueError):
    """The move is not one of the workflow's."""


def check_move(current: str, target: str, *, reason: str = "") -> None:
    """Raise NotAllowed unless `current` → `target` is a move; a rejection needs a reason."""
    if target not in MOVES.get(current, frozenset()):
        raise NotAllowed(f"{current} → {target} is not a move of the workflow")
    if target == REJECTED and not reason.strip():
        raise NotAllowed("a rejection needs a reason")


def is_reopening(current: str, target: str) -> bool:
    return current not in OPEN and target in OPEN
