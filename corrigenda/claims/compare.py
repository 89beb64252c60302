"""Group the claims of several articles that state the same thing, and judge them.

Grouping. Two claims of different documents can state the same thing only when they
have the same kind and unit (never across currencies or kinds) and, for figures, lie
within a factor of two of each other: "97,4 Milliarden" and "44 Milliarden" are two
quantities, not one misreported. Their subject must match too, scored as a weighted
Jaccard overlap of their context words (the words of nearby names and the lemmas of
their clause). A word weighs more the nearer it stands to its claim and the rarer it is
among all claims compared: within one story every claim mentions "Musk", so "Musk" says
little about which figure is which, "mitgegründet" or "Übernahmeangebot" a lot.
Claims that agree need a modest overlap and claims that contradict each other a larger
one: calling a conflict is a stronger statement than calling agreement. Precise figures
that coincide or nearly coincide ("9,74 Milliarden" twice, or "9,74" against "9,75")
need hardly any: two articles of one story do not give such figures by chance. Groups grow greedily
from the best-matching pair, at most one claim per document, and only groups stated by
two or more documents are facts.

Judging. The documents agree when all their intervals share a point. Otherwise it is a
conflict; the largest set of claims sharing a point is the majority and, when it
outnumbers the rest, the rest are the outliers. A tie names no outlier: the desk has to
look at both sides. Quotes group by speaker and similar wording; they agree when their
wordings match closely (rapidfuzz) and conflict otherwise. Vague claims ("vor einigen
Jahren") commit to too little to be compared and are left out.
"""

from __future__ import annotations

import datetime as dt
import itertools
import math
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal

from rapidfuzz import fuzz

from corrigenda.claims import context
from corrigenda.claims.model import Claim, Document, Fact, Kind, Statement, Status

AGREE_SUBJECT = 0.15  # least subject overlap to group claims whose intervals overlap
CONFLICT_SUBJECT = 0.3  # least subject overlap to group claims that contradict each other
# Two articles that both give a precise figure ("9,74 Milliarden") rarely do so by
# chance: the figure itself is most of the evidence, a little shared context suffices.
COINCIDENCE_SUBJECT = 0.05
PRECISE = Decimal("0.01")  # relative width of a figure's interval that counts as precise
# Precise figures this close are one quantity misreported rather than two by chance.
NEAR = Decimal("0.05")
MAGNITUDE = Decimal(2)  # figures further apart than this factor are different quantities
QUOTE_GROUPING = 60  # rapidfuzz token-set similarity of two renderings of one quote
QUOTE_AGREEMENT = 90  # similarity at which two renderings say the same
_NEARNESS = 3  # a context word's weight halves at this many words from the claim
_WORD = re.compile(r"\w+")
_COMPOUND = 9  # shorter words are rarely compounds


@dataclass(frozen=True, slots=True)
class _Item:
    """A claim with what is needed to group it: its document, subject and interval."""

    order: int
    document: Document
    claim: Claim
    subject: dict[str, float]  # names' words and lemmas, weighted by nearness
    low: Decimal | None
    high: Decimal | None


def compare(documents: Sequence[Document]) -> list[Fact]:
    """The facts stated by two or more of `documents`, agreeing or conflicting."""
    found = [
        (key, document, claim)
        for document in documents
        for claim in document.claims
        if (key := _bucket(claim)) is not None
    ]
    nearness = [_nearness(claim) for _, _, claim in found]
    rarity = _rarity(nearness)
    buckets: dict[tuple[Kind, str | None], list[_Item]] = {}
    for order, ((key, document, claim), near) in enumerate(zip(found, nearness, strict=True)):
        subject = {word: weight * rarity[word] for word, weight in near.items()}
        low, high = _bounds(claim)
        buckets.setdefault(key, []).append(_Item(order, document, claim, subject, low, high))
    facts: list[tuple[int, Fact]] = []
    for (kind, unit), items in buckets.items():
        for group in _groups(items):
            facts.append((min(i.order for i in group), _judge(kind, unit, group)))
    return [fact for _, fact in sorted(facts, key=lambda pair: pair[0])]


def _bucket(claim: Claim) -> tuple[Kind, str | None] | None:
    if claim.vague:
        return None
    if claim.kind is Kind.QUOTE:
        speaker = _speaker(claim)
        return (Kind.QUOTE, speaker) if speaker else None
    if claim.low is None and claim.high is None:
        return None
    return claim.kind, claim.unit


def _speaker(claim: Claim) -> str | None:
    words = _WORD.findall(claim.speaker or "")
    return words[-1].lower() if words else None


def _nearness(claim: Claim) -> dict[str, float]:
    """The words of a claim's names and lemmas, weighted by how near the claim they are."""
    subject: dict[str, float] = {}
    names = [w.lower() for name in claim.entities for w in _WORD.findall(name)]
    for words in (names, claim.lemmas):
        for rank, word in enumerate(words):
            weight = 1 / (1 + rank / _NEARNESS)
            for feature in (word, _head(word, claim.lang)):
                if feature:
                    subject[feature] = max(subject.get(feature, 0.0), weight)
    return subject


def _head(word: str, lang: str) -> str | None:
    """The head of a German compound: "Kaufangebot" and "Übernahmeangebot" share "angebot"."""
    if lang != "de" or len(word) < _COMPOUND:
        return None
    return context.compound_head(word.capitalize())


def _rarity(subjects: list[dict[str, float]]) -> dict[str, float]:
    """Inverse document frequency over all claims compared: within one story every claim
    mentions "Musk", so only the rarer words ("mitgegründet", "Twitter") tell claims apart."""
    counts = Counter(word for subject in subjects for word in subject)
    total = len(subjects)
    return {word: math.log(1 + total / count) for word, count in counts.items()}


def _bounds(claim: Claim) -> tuple[Decimal | None, Decimal | None]:
    """The interval as numbers: days become [first day, day after last) on one axis."""
    return _number(claim.low), _number(claim.high, after=True)


def _number(bound: object, *, after: bool = False) -> Decimal | None:
    if isinstance(bound, dt.date):
        return Decimal(bound.toordinal() + (1 if after else 0))
    return bound if isinstance(bound, Decimal) else None


@dataclass(frozen=True, slots=True)
class _Pair:
    """What two claims of different documents have in common."""

    subject: float  # how much their contexts overlap
    needed: float  # how much overlap it takes to call them one quantity
    agree: bool  # whether their intervals share a point


def _groups(items: list[_Item]) -> list[list[_Item]]:
    """Agreeing claims first, then groups that contradict each other, merged greedily.

    Two stages, because agreement and conflict need different evidence: claims that
    agree join at a modest subject overlap, and a group that contradicts another joins
    it only when the two overlap strongly on average. One outlet's stray wording then
    cannot keep a misreported figure out of the group it belongs to.
    """
    pairs = {
        (a.order, b.order): pair
        for a, b in itertools.combinations(items, 2)
        if a.document.id != b.document.id and (pair := _pair(a, b)) is not None
    }
    groups = [[item] for item in items]
    for stage in ("agree", "conflict"):
        while (best := _best_link(groups, pairs, stage)) is not None:
            first, second = best
            groups[first].extend(groups[second])
            del groups[second]
    return [sorted(group, key=lambda i: i.order) for group in groups if len(group) > 1]


def _best_link(
    groups: list[list[_Item]], pairs: dict[tuple[int, int], _Pair], stage: str
) -> tuple[int, int] | None:
    """The two groups to merge next (the largest surplus of overlap), or None."""
    best: tuple[float, int, int] | None = None
    for first, second in itertools.combinations(range(len(groups)), 2):
        surplus = _link(groups[first], groups[second], pairs, stage)
        if surplus is not None and (best is None or surplus > best[0]):
            best = (surplus, first, second)
    return None if best is None else (best[1], best[2])


def _link(
    first: list[_Item], second: list[_Item], pairs: dict[tuple[int, int], _Pair], stage: str
) -> float | None:
    """The average surplus of subject overlap over what a merge needs, if it may merge."""
    if {i.document.id for i in first} & {i.document.id for i in second}:
        return None  # at most one claim per document
    links = []
    for a in first:
        for b in second:
            pair = pairs.get((a.order, b.order) if a.order < b.order else (b.order, a.order))
            if pair is None or (stage == "agree" and not pair.agree):
                return None
            links.append(pair)
    if stage == "conflict" and all(pair.agree for pair in links):
        return None
    surplus = sum(p.subject - p.needed for p in links) / len(links)
    return surplus if surplus >= 0 else None


def _pair(a: _Item, b: _Item) -> _Pair | None:
    """What `a` and `b` share, or None when they cannot be one quantity at all."""
    if a.claim.kind is Kind.QUOTE:
        score = fuzz.token_set_ratio(_wording(a.claim), _wording(b.claim)) / 100
        return _Pair(score, QUOTE_GROUPING / 100, agree=True)
    if not _comparable_magnitude(a, b):
        return None
    agree = _overlap([a, b]) == 2
    if _precise(a) and _precise(b) and (agree or _near(a, b)):
        needed = COINCIDENCE_SUBJECT
    else:
        needed = AGREE_SUBJECT if agree else CONFLICT_SUBJECT
    return _Pair(_subject_overlap(a, b), needed, agree)


def _comparable_magnitude(a: _Item, b: _Item) -> bool:
    if a.claim.kind is Kind.DATE:
        return True
    sizes = [_size(item) for item in (a, b)]
    if None in sizes:
        return True
    small, large = sorted(s for s in sizes if s is not None)
    if small == 0:
        return large == 0
    return large / small <= MAGNITUDE


def _precise(item: _Item) -> bool:
    """A figure stated to three or more significant digits ("9,74 Milliarden")."""
    if item.claim.kind is Kind.DATE or item.low is None or item.high is None:
        return False
    middle = abs(item.low + item.high) / 2
    return middle > 0 and (item.high - item.low) / middle <= PRECISE


def _near(a: _Item, b: _Item) -> bool:
    """Precise figures a few per cent apart: "9,74" and "9,75 Milliarden"."""
    sizes = [_size(a), _size(b)]
    if None in sizes:
        return False
    small, large = sorted(s for s in sizes if s is not None)
    return small > 0 and (large - small) / small <= NEAR


def _size(item: _Item) -> Decimal | None:
    bounds = [abs(b) for b in (item.low, item.high) if b is not None]
    return sum(bounds, Decimal(0)) / len(bounds) if bounds else None


def _subject_overlap(a: _Item, b: _Item) -> float:
    """Weighted Jaccard: shared weight (the smaller of each) over the total (the larger)."""
    shared = sum(min(w, b.subject[word]) for word, w in a.subject.items() if word in b.subject)
    total = sum(a.subject.values()) + sum(b.subject.values()) - shared
    return shared / total if total else 0.0


def _overlap(items: Sequence[_Item]) -> int:
    """The most intervals among `items` that share one point."""
    return len(_majority(items))


def _majority(items: Sequence[_Item]) -> list[_Item]:
    """The largest set of `items` whose intervals share a point (first found on ties)."""
    ends = sorted({b for i in items for b in (i.low, i.high) if b is not None})
    candidates = [*ends, *((x + y) / 2 for x, y in itertools.pairwise(ends))]
    if not candidates:
        return list(items)
    best: list[_Item] = []
    for point in sorted(candidates):
        holding = [item for item in items if _contains(item, point)]
        if len(holding) > len(best):
            best = holding
    return best


def _contains(item: _Item, point: Decimal) -> bool:
    low, high = item.low, item.high
    if low is not None and low == high:
        return point == low
    # Half-open: "9,74" (9.735..9.745) and "9,75" (9.745..9.755) share no point.
    return (low is None or low <= point) and (high is None or point < high)


def _judge(kind: Kind, unit: str | None, group: list[_Item]) -> Fact:
    statements = tuple(Statement(i.document.id, i.document.outlet, i.claim) for i in group)
    subject = _shared_subject(group)
    majority = _quote_majority(group) if kind is Kind.QUOTE else _majority(group)
    if len(majority) == len(group):
        return Fact(kind, unit, Status.AGREE, statements, subject=subject)
    rest = [item.document.id for item in group if item not in majority]
    outliers = tuple(rest) if len(majority) > len(rest) else ()
    return Fact(kind, unit, Status.CONFLICT, statements, outliers=outliers, subject=subject)


def _quote_majority(group: list[_Item]) -> list[_Item]:
    best: list[_Item] = []
    for center in group:
        close = [
            item
            for item in group
            if fuzz.ratio(_wording(center.claim), _wording(item.claim)) >= QUOTE_AGREEMENT
        ]
        if len(close) > len(best):
            best = close
    return best


def _wording(claim: Claim) -> str:
    return " ".join(_WORD.findall(str(claim.value or claim.text).lower()))


def _shared_subject(group: list[_Item]) -> tuple[str, ...]:
    # Words in first-seen order (not a set), so ties come out the same in every process.
    counts = Counter(
        word for item in group for word in dict.fromkeys((*item.claim.entities, *item.claim.lemmas))
    )
    return tuple(word for word, count in counts.most_common() if count > 1)
