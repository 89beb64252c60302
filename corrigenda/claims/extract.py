"""Find every checkable claim of a text: the pipeline behind `extract`.

Sentences are split once and handed to every finder (figures, dates, quotes). Where a
date and a figure claim the same words ("vor zehn Jahren" against a count of ten
"Jahren", "2015" against a bare number) the longer wins and, at equal length, the date.
Quotes contain other claims and never compete with them. Finally each claim gets its
context: the names in its sentence and the content words of its clause.

A publication date known only to the month (the seeds' ` date 2025-02`) can be passed as
a (first day, last day) pair: relative dates are then resolved against both ends and
each claim spans the union ("am Montag" becomes the range of Mondays it can mean).
"""

from __future__ import annotations

import bisect
import dataclasses
import datetime as dt
from collections.abc import Iterable, Sequence
from operator import attrgetter

from corrigenda.claims import context, language, sentences
from corrigenda.claims.amounts import find_figures
from corrigenda.claims.dates import find_dates
from corrigenda.claims.model import Claim, Kind, Span
from corrigenda.claims.quotes import find_quotes

Published = dt.date | tuple[dt.date, dt.date] | None
_BY_POSITION = attrgetter("start", "end")


def extract(text: str, *, lang: str | None = None, published: Published = None) -> list[Claim]:
    """The claims of `text` in order of their start, each with its context."""
    lang = lang or language.detect(text)
    spans = sentences.split(text)
    found = [
        *find_figures(text, spans, lang=lang),
        *_dates(text, spans, lang, published),
        *find_quotes(text, spans, lang=lang),
    ]
    claims = _resolve_overlaps(found)
    starts = [span.start for span in spans]
    dated: dict[int, list[Claim]] = {}
    for claim in claims:
        if claim.kind is Kind.DATE and claim.low is not None and not claim.vague:
            dated.setdefault(bisect.bisect_right(starts, claim.start), []).append(claim)
    return [_with_context(claim, text, spans, starts, dated) for claim in claims]


def _dates(text: str, spans: Sequence[Span], lang: str, published: Published) -> list[Claim]:
    if not isinstance(published, tuple):
        return find_dates(text, spans, lang=lang, published=published)
    first, last = published
    early = find_dates(text, spans, lang=lang, published=first)
    if first == last:
        return early
    late = {(c.start, c.end): c for c in find_dates(text, spans, lang=lang, published=last)}
    return [_union(claim, late.get((claim.start, claim.end))) for claim in early]


def _union(early: Claim, late: Claim | None) -> Claim:
    """One claim whose interval covers what it means at either publication date."""
    if late is None or (early.low, early.high) == (late.low, late.high):
        return early
    lows = [b for b in (early.low, late.low) if isinstance(b, dt.date)]
    highs = [b for b in (early.high, late.high) if isinstance(b, dt.date)]
    return dataclasses.replace(
        early,
        value=early.value if early.value == late.value else None,
        low=min(lows) if len(lows) == 2 else None,
        high=max(highs) if len(highs) == 2 else None,
        granularity="range",
    )


def _resolve_overlaps(claims: Iterable[Claim]) -> list[Claim]:
    quotes: list[Claim] = []
    others: list[Claim] = []
    for claim in claims:
        (quotes if claim.kind is Kind.QUOTE else others).append(claim)
    others.sort(key=_precedence)
    kept: list[Claim] = []
    for claim in others:
        if _wins(claim, kept):
            kept.append(claim)
    kept += quotes
    kept.sort(key=_BY_POSITION)  # stable: at equal positions, by precedence, quotes last
    return kept


def _wins(claim: Claim, kept: list[Claim]) -> bool:
    """Whether `claim` stays beside the claims kept so far: the first of them that it
    overlaps, if any, is of its own class (both dates or both figures).

    A plain loop rather than `next()` over a generator: it runs for every claim.
    """
    start, end = claim.start, claim.end
    for rival in kept:
        if rival.start < end and start < rival.end:
            return (claim.kind is Kind.DATE) == (rival.kind is Kind.DATE)
    return True


def _precedence(claim: Claim) -> tuple[int, int, int]:
    """Longer claims first, dates before figures of the same length."""
    return (-(claim.end - claim.start), claim.kind is not Kind.DATE, claim.start)


def _with_context(
    claim: Claim,
    text: str,
    spans: Sequence[Span],
    starts: list[int],
    dated: dict[int, list[Claim]],
) -> Claim:
    sentence = claim.sentence
    index = bisect.bisect_right(starts, claim.start)  # one past the claim's sentence
    offset = _sentence_start(claim, text, spans, index - 1)
    span_lang = claim.lang if claim.lang in ("de", "en") else "de"
    names = context.entities(sentence, span_lang)
    if claim.kind is Kind.QUOTE or offset is None:
        words = context.lemmas(claim.text if claim.kind is Kind.QUOTE else sentence, span_lang)
    else:
        start, end = claim.start - offset, claim.end - offset
        left, right = context.clause(sentence, start, end)
        words = context.lemmas_around(sentence[left:start], sentence[end:right], span_lang)
        if len(names) > 1:  # nearest names first, like the lemmas
            names = tuple(sorted(names, key=lambda name: abs(sentence.find(name) - start)))
        dates = dated.get(index) if claim.kind is not Kind.DATE else None
        if dates:
            in_clause = [d for d in dates if offset + left <= d.start < offset + right]
            words = (_when(claim, in_clause or dates), *words)
    return _with(claim, names, words)


def _with(claim: Claim, entities: tuple[str, ...], lemmas: tuple[str, ...]) -> Claim:
    """`claim` with its context, filled in place.

    The claim was built by a finder during this call and nothing else holds it yet, so
    setting its two context fields here is safe. Building a second frozen `Claim`
    instead (every field set through `object.__setattr__`, as a frozen dataclass does)
    cost 3% of `extract`.
    """
    object.__setattr__(claim, "entities", entities)
    object.__setattr__(claim, "lemmas", lemmas)
    return claim


def _when(claim: Claim, dates: list[Claim]) -> str:
    """The time a figure refers to, as a context word: "2,0 Prozent im Oktober" and "2.0
    percent in October" share "date:2024-10-01..2024-10-31" across languages."""
    nearest = min(dates, key=lambda date: abs(date.start - claim.start))
    return f"date:{nearest.low}..{nearest.high}"


def _sentence_start(claim: Claim, text: str, spans: Sequence[Span], index: int) -> int | None:
    """Where the claim's sentence starts in `text`, if it is a stretch of it (`index`: the
    last of `spans` starting at or before the claim)."""
    if index >= 0 and text.startswith(claim.sentence, start := spans[index].start):
        return start
    found = text.rfind(claim.sentence, 0, claim.start + len(claim.sentence))
    return found if 0 <= found <= claim.start < found + len(claim.sentence) else None
