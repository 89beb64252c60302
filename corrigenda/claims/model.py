"""The claim engine's vocabulary: frozen dataclasses, no behaviour beyond formatting.

A `Claim` is one checkable statement found in a text: an amount, a percentage, a count,
a date or a quote. Its interval `low..high` says what the wording commits to: "97,4
Milliarden" commits to 97.35e9..97.45e9 (the figure's rounding), "knapp 100
Milliarden" to roughly 90e9..100e9, "2015" to 2015-01-01..2015-12-31.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from decimal import Decimal
from enum import StrEnum


class Kind(StrEnum):
    AMOUNT = "amount"  # money: value in units of `unit` (an ISO 4217 code)
    PERCENT = "percent"  # a share: unit "%"
    POINTS = "points"  # a difference of percentages: unit "pp"
    COUNT = "count"  # a number of things: unit is the counted noun's lemma
    DATE = "date"  # a day, month, year or range of them: low/high are dates
    QUOTE = "quote"  # words attributed to someone: value is the normalised wording


Number = Decimal
Bound = Decimal | dt.date


@dataclass(frozen=True, slots=True)
class Span:
    """Character offsets into the text that was given to `extract`."""

    start: int
    end: int

    def __init__(self, start: int, end: int) -> None:
        # The sentence split makes one per sentence. The generated `__init__` of a frozen
        # dataclass sets each field through `object.__setattr__`, a generic look-up;
        # the slots' own setters cost 40 % less. Everything else stays generated.
        _set_start(self, start)
        _set_end(self, end)


# The slot descriptors of `Span`, which are also what `object.__setattr__` ends up calling.
_set_start = Span.__dict__["start"].__set__
_set_end = Span.__dict__["end"].__set__


@dataclass(frozen=True, slots=True)
class Claim:
    kind: Kind
    text: str  # the surface text, exactly text[start:end]
    start: int
    end: int
    sentence: str  # the sentence the claim stands in
    value: Decimal | dt.date | str | None
    low: Bound | None = None
    high: Bound | None = None
    unit: str | None = None  # ISO currency code, "%", "pp", the counted noun, or None
    lang: str = "de"  # the language of the claim's own span
    # Wording that widened the interval ("knapp", "über", "about"), or None.
    qualifier: str | None = None
    # A date or figure the text states only vaguely ("vor einigen Jahren").
    vague: bool = False
    # DATE: "day", "month", "year", "week", "range"; QUOTE: None.
    granularity: str | None = None
    # QUOTE: who said it, when the text says so; the date of an embedded post.
    speaker: str | None = None
    said_on: dt.date | None = None
    # What the claim is about: entity names near it and content-word lemmas of its clause.
    entities: tuple[str, ...] = ()
    lemmas: tuple[str, ...] = ()

    def as_json(self) -> dict[str, object]:
        """The claim as plain JSON types (numbers as int/float, dates ISO)."""
        return {
            "kind": str(self.kind),
            "text": self.text,
            "start": self.start,
            "end": self.end,
            "value": _json(self.value),
            "low": _json(self.low),
            "high": _json(self.high),
            "unit": self.unit,
            "lang": self.lang,
            "qualifier": self.qualifier,
            "vague": self.vague,
            "granularity": self.granularity,
            "speaker": self.speaker,
            "said_on": _json(self.said_on),
            "sentence": self.sentence,
            "entities": list(self.entities),
            "lemmas": list(self.lemmas),
        }


@dataclass(frozen=True, slots=True)
class Document:
    """One article's claims, as handed to `compare`."""

    id: str
    outlet: str
    claims: tuple[Claim, ...]
    published: dt.date | None = None


@dataclass(frozen=True, slots=True)
class Statement:
    """One document's claim inside a fact."""

    document: str
    outlet: str
    claim: Claim


class Status(StrEnum):
    AGREE = "agree"
    CONFLICT = "conflict"


@dataclass(frozen=True, slots=True)
class Fact:
    """Claims of several documents that state the same thing, and the verdict on them."""

    kind: Kind
    unit: str | None
    status: Status
    statements: tuple[Statement, ...]
    # For a conflict: the documents in the minority, whose interval misses the majority's.
    outliers: tuple[str, ...] = ()
    subject: tuple[str, ...] = field(default=())  # the shared context that grouped them

    def as_json(self) -> dict[str, object]:
        return {
            "kind": str(self.kind),
            "unit": self.unit,
            "status": str(self.status),
            "subject": list(self.subject),
            "outliers": list(self.outliers),
            "claims": [
                {
                    "document": s.document,
                    "outlet": s.outlet,
                    "text": s.claim.text,
                    "value": _json(s.claim.value),
                    "low": _json(s.claim.low),
                    "high": _json(s.claim.high),
                    "sentence": s.claim.sentence,
                }
                for s in self.statements
            ],
        }


def _json(value: object) -> object:
    if isinstance(value, Decimal):
        return int(value) if value == value.to_integral_value() else float(value)
    if isinstance(value, dt.date):
        return value.isoformat()
    return value
