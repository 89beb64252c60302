"""Reading and scoring the annotated corpus (format: tests/claims/corpus/README.md)."""

from __future__ import annotations

import datetime as dt
import math
import tomllib
from collections.abc import Iterator
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import Any

from corrigenda.claims import Claim, Kind

CORPUS = Path(__file__).parent / "corpus"
KINDS = tuple(Kind)


@dataclass(frozen=True)
class Annotation:
    kind: Kind
    text: str
    start: int
    end: int
    checks: dict[str, Any]


@dataclass(frozen=True)
class Text:
    name: str
    lang: str
    published: dt.date | None
    text: str
    must: list[Annotation]
    must_not: list[Annotation]


@dataclass
class Score:
    """Per kind: extracted claims, those that matched a must, musts, musts found."""

    extracted: dict[Kind, int] = field(default_factory=lambda: dict.fromkeys(KINDS, 0))
    matched: dict[Kind, int] = field(default_factory=lambda: dict.fromkeys(KINDS, 0))
    musts: dict[Kind, int] = field(default_factory=lambda: dict.fromkeys(KINDS, 0))
    found: dict[Kind, int] = field(default_factory=lambda: dict.fromkeys(KINDS, 0))
    misses: list[str] = field(default_factory=list)
    extras: list[str] = field(default_factory=list)
    violations: list[str] = field(default_factory=list)

    def precision(self, kind: Kind) -> float:
        return self.matched[kind] / self.extracted[kind] if self.extracted[kind] else 1.0

    def recall(self, kind: Kind) -> float:
        return self.found[kind] / self.musts[kind] if self.musts[kind] else 1.0


def texts(prefix: str = "") -> Iterator[Text]:
    for path in sorted(CORPUS.glob(f"{prefix}*.toml")):
        if path.name.startswith("compare_"):
            continue
        raw = tomllib.loads(path.read_text(encoding="utf-8"))
        text = raw["text"]
        yield Text(
            path.name,
            raw["lang"],
            raw.get("published"),
            text,
            [_annotation(path.name, text, entry) for entry in raw.get("must", [])],
            [_annotation(path.name, text, entry) for entry in raw.get("must_not", [])],
        )


def _annotation(name: str, text: str, entry: dict[str, Any]) -> Annotation:
    surface, nth = entry["text"], entry.get("nth", 1)
    start = -1
    for _ in range(nth):
        start = text.find(surface, start + 1)
        if start < 0:
            raise AssertionError(f"{name}: {surface!r} (occurrence {nth}) is not in the text")
    checks = {k: v for k, v in entry.items() if k not in {"kind", "text", "nth"}}
    return Annotation(Kind(entry["kind"]), surface, start, start + len(surface), checks)


def score(text: Text, claims: list[Claim], into: Score) -> None:
    used: set[int] = set()
    for claim in claims:
        into.extracted[claim.kind] += 1
    for must in text.must:
        into.musts[must.kind] += 1
        match = next(
            (
                i
                for i, claim in enumerate(claims)
                if i not in used and _overlaps(claim, must) and _agrees(claim, must.checks)
            ),
            None,
        )
        if match is None:
            near = [c.text for c in claims if _overlaps(c, must)]
            into.misses.append(f"{text.name}: {must.kind} {must.text!r} {must.checks} got {near}")
            continue
        used.add(match)
        into.found[must.kind] += 1
        into.matched[must.kind] += 1
    for i, claim in enumerate(claims):
        if i not in used:
            into.extras.append(f"{text.name}: {claim.kind} {claim.text!r}")
    for trap in text.must_not:
        for claim in claims:
            if claim.kind is trap.kind and _overlaps(claim, trap):
                into.violations.append(f"{text.name}: {claim.kind} {claim.text!r} on a trap")


def _overlaps(claim: Claim, annotation: Annotation) -> bool:
    if claim.kind is not annotation.kind:
        return False
    return claim.start < annotation.end and annotation.start < claim.end


def _agrees(claim: Claim, checks: dict[str, Any]) -> bool:
    for key, expected in checks.items():
        actual = getattr(claim, key)
        if key == "speaker":
            if actual is None or str(expected).lower() not in actual.lower():
                return False
        elif key == "qualifier":
            if actual is None or " ".join(actual.lower().split()) != expected.lower():
                return False
        elif not _same(actual, expected):
            return False
    return True


def _same(actual: object, expected: object) -> bool:
    if expected == "none":
        return actual is None
    if isinstance(expected, (bool, str)):
        return actual == expected
    if isinstance(expected, dt.date):
        return actual == expected
    if isinstance(expected, int | float) and isinstance(actual, Decimal | int | float):
        return math.isclose(float(actual), float(expected), rel_tol=1e-9, abs_tol=1e-12)
    return False
