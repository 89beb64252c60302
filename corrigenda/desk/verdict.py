"""The pre-check's judgement: what the sources say about the claims a reader disputes.

Pure Python (no Django), on top of the claim engine. Two steps:

1. `read` finds the claims of the reader's passage (extracted from the whole article,
   so each keeps its context: the currency of the sentence before, the speaker named
   earlier) and what the reader's proposed fix says instead. A fix is usually the
   corrected passage ("… für 9,74 Milliarden Dollar …"), but often only the right
   figure ("9,74 Milliarden", even "9,74"): a short fix is read in the place of the
   passage's figure, so it takes that figure's unit. A short fix of words only, for a
   passage with a quotation, names the right speaker. A reader who leaves the fix
   empty often gives the right figure in the description instead ("Es sind 9,74
   Milliarden, nicht 9,75"): `fix_in_description` takes it when the description gives
   exactly one figure the passage does not.
2. `judge` compares each claim, and the reader's version of it, with the sources (the
   other outlets' articles on the story, the reader's evidence pages). Figures and
   dates are matched with `claims.compare`, so only claims about the same thing meet;
   quotations by similar wording (rapidfuzz), then checked word for word (one word
   changed is a misquotation; case, punctuation and "ss" for "ß" are not) and for the
   speaker.
   Every source that states the thing lands on one side: with the article, with the
   reader, or saying something else. A source that repeats the article's sentence
   word for word (agency copy, or copied from the article) is shown on the article's
   side but not counted: it is the same source again, not a confirmation.

The hint, per claim and overall: *likely error* when sources give the reader's version
(or contradict the article) and none the article's; *likely correct* when sources give
the article's and none the reader's; *undecidable* when no source states it or they
are split. It is a hint for the editor, never a decision.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from enum import StrEnum

from rapidfuzz import fuzz

from corrigenda.claims import Claim, Document, Kind, compare, extract
from corrigenda.claims.sentences import split

Published = dt.date | tuple[dt.date, dt.date] | None
Params = Mapping[str, str | int]

SHORT_FIX = 4  # words: a fix this short is a figure or a name, not a passage
QUOTE_CARRIED = 60  # rapidfuzz token-set similarity: the source carries the quotation
SHOWN = 60  # characters of a claim quoted in the one-line reason
# rapidfuzz ratio of two sentences (case and spacing aside) from which a source's
# sentence is the article's own, copied. High on purpose: outlets reporting the same
# fact independently often come close ("für die Aktien" / "für sämtliche Aktien": 94).
COPIED = 97
_PASSAGE = "\x00passage"  # document id of the passage (or the fix) in `compare`
_WORD = re.compile(r"\w+")
_DIGIT = re.compile(r"\d")
_NAME = re.compile(r"[A-ZÄÖÜ][\w'’.-]*")
# A figure as readers write it ("9,74", "1'234.5", "97.4") and the scale or unit word
# after it that belongs to the fix ("9,74 Milliarden", "14 Prozent").
_FIGURE = re.compile(
    r"(?<![\w.,'’])\d+(?:['’.,]\d+)*(?![\w'’]|[.,]\d)"
    r"(?:\s+(?:Mio\.|Mrd\.|Mia\.|Millionen|Million|Milliarden|Milliarde|Prozent|%"
    r"|million|billion|percent)(?!\w))?"
)
_LINK = re.compile(r"\S+://\S+|www\.\S+")


class Hint(StrEnum):
    LIKELY_ERROR = "likely_error"
    LIKELY_CORRECT = "likely_correct"
    UNDECIDABLE = "undecidable"


class Side(StrEnum):
    ARTICLE = "article"  # the source says what the article says
    READER = "reader"  # the source says what the reader's fix says
    OTHER = "other"  # the source states the same thing, differently from both


# The one-line reasons, by code. The desk shows them translated (corrigenda.desk.precheck
# holds the same English texts as translatable strings); Check.reason keeps the English.
REASONS: dict[str, str] = {
    "fix_supported": "%(reader)d of %(total)d sources give the reader's “%(fix)s”, "
    "none the article's “%(text)s”.",
    "article_contradicted": "%(other)d of %(total)d sources state “%(text)s” differently, "
    "none as the article does (for example “%(example)s”).",
    "article_supported": "%(article)d of %(total)d sources agree with the article's “%(text)s”, "
    "none with the reader's “%(fix)s”.",
    "article_confirmed": "%(article)d of %(total)d sources agree with the article's “%(text)s”.",
    "sources_split": "The sources are split on “%(text)s”: %(article)d with the article, "
    "%(reader)d with the reader, %(other)d otherwise.",
    "no_sources": "No other source states “%(text)s”.",
    "only_copies": "No other source states “%(text)s” in its own words "
    "(sources repeating the article's sentence: %(copies)d).",
    "no_claims": "The passage has no figure, date or quotation to compare.",
}


@dataclass(frozen=True, slots=True)
class Reading:
    """A claim of the passage, and the reader's version of it (None: not disputed)."""

    claim: Claim
    fix: Claim | None = None


@dataclass(frozen=True, slots=True)
class Source:
    """A text to check against: another outlet's article on the story, an evidence page."""

    id: str
    outlet: str
    title: str
    url: str
    claims: tuple[Claim, ...]
    kind: str = "story"  # "story" or "evidence"


@dataclass(frozen=True, slots=True)
class Said:
    """What one source states about a claim, and on whose side that puts it."""

    source: Source
    claim: Claim
    side: Side
    differs: tuple[str, ...] = ()  # quotations: "wording", "speaker"
    copied: bool = False  # the article's own sentence, repeated: not counted

    def as_json(self) -> dict[str, object]:
        return {
            "source": self.source.id,
            "kind": self.source.kind,
            "outlet": self.source.outlet,
            "title": self.source.title,
            "url": self.source.url,
            "text": self.claim.text,
            "value": _json(self.claim.value),
            "speaker": self.claim.speaker,
            "sentence": self.claim.sentence,
            "differs": list(self.differs),
            "copied": self.copied,
        }


@dataclass(frozen=True, slots=True)
class ClaimVerdict:
    """One claim of the passage against the sources."""

    claim: Claim
    fix: Claim | None
    said: tuple[Said, ...]
    hint: Hint
    code: str
    params: Params = field(default_factory=dict)

    @property
    def disputed(self) -> bool:
        return self.fix is not None

    def side(self, side: Side) -> tuple[Said, ...]:
        return tuple(s for s in self.said if s.side is side)

    def as_json(self) -> dict[str, object]:
        return {
            "kind": str(self.claim.kind),
            "text": self.claim.text,
            "value": _json(self.claim.value),
            "unit": self.claim.unit,
            "speaker": self.claim.speaker,
            "sentence": self.claim.sentence,
            "fix": None if self.fix is None else _claim_json(self.fix),
            "hint": str(self.hint),
            "code": self.code,
            "params": dict(self.params),
            "reason": reason(self.code, self.params),
            **{str(side): [s.as_json() for s in self.side(side)] for side in Side},
        }


@dataclass(frozen=True, slots=True)
class Verdict:
    claims: tuple[ClaimVerdict, ...]
    hint: Hint
    code: str
    params: Params = field(default_factory=dict)

    @property
    def reason(self) -> str:
        return reason(self.code, self.params)

    def as_json(self) -> dict[str, object]:
        return {
            "hint": str(self.hint),
            "code": self.code,
            "params": dict(self.params),
            "reason": self.reason,
            "claims": [c.as_json() for c in self.claims],
        }


def reason(code: str, params: Params) -> str:
    """The one-line reason in English."""
    return REASONS[code] % dict(params)


# ---------------------------------------------------------------- reading the report


def read(
    text: str,
    start: int,
    end: int,
    fix: str,
    *,
    lang: str | None = None,
    published: Published = None,
) -> tuple[Reading, ...]:
    """The claims of `text[start:end]` (the reader's passage) and the fix's version of each.

    `text` is the whole article where the passage was found in it (for context), else
    the passage alone. Claims the fix leaves as they are, and all claims when there is
    no fix, have no version of the reader's.
    """
    claims = extract(text, lang=lang, published=published)
    chosen = _in_passage(claims, text, start, end)
    fix = fix.strip()
    if not chosen or not fix:
        return tuple(Reading(claim) for claim in chosen)
    versions = _short_fix(chosen, text, fix, lang=lang, published=published)
    if versions is None:
        replaced = text[:start] + fix + text[end:]
        found = extract(replaced, lang=lang, published=published)
        versions = _paired(chosen, _within(found, start, start + len(fix)))
    return tuple(
        Reading(claim, version if version is not None and _changed(claim, version) else None)
        for claim, version in zip(chosen, versions, strict=True)
    )


def fix_in_description(description: str, passage: str) -> str:
    """The right figure a description gives, when it gives exactly one that the passage
    does not ("Im Artikel steht 9,75, es sind aber 9,74 Milliarden" → "9,74 Milliarden");
    else "" (no figure, or several to choose from: the pre-check does not guess)."""
    stated = {m[0].split()[0] for m in _FIGURE.finditer(passage)}
    figures = [m[0] for m in _FIGURE.finditer(_LINK.sub(" ", description))]
    new = dict.fromkeys(f for f in figures if f.split()[0] not in stated)
    numbers = {f.split()[0] for f in new}
    if len(numbers) != 1:
        return ""
    return max(new, key=len)  # with its scale word where the description gives one


def _in_passage(claims: Sequence[Claim], text: str, start: int, end: int) -> list[Claim]:
    """The claims overlapping the passage; for a passage without one, its sentences' claims."""
    inside = _within(claims, start, end)
    if inside:
        return inside
    around = [s for s in split(text) if s.start < max(end, start + 1) and s.end > start]
    if not around:
        return []
    return _within(claims, around[0].start, around[-1].end)


def _within(claims: Sequence[Claim], start: int, end: int) -> list[Claim]:
    return [c for c in claims if c.start < end and c.end > start]


def _short_fix(
    chosen: list[Claim], text: str, fix: str, *, lang: str | None, published: Published
) -> list[Claim | None] | None:
    """The fix read as a figure or a speaker in the place of one claim, or None."""
    if len(fix.split()) > SHORT_FIX:
        return None
    if not _DIGIT.search(fix) and all(_NAME.fullmatch(w) for w in fix.split()):
        quotes = [c for c in chosen if c.kind is Kind.QUOTE]
        if quotes:  # a name only: the right speaker of the quotation
            said_by = dataclasses.replace(quotes[0], speaker=fix)
            return [said_by if c is quotes[0] else None for c in chosen]
    alone = [c for c in extract(fix, lang=lang, published=published) if c.kind is not Kind.QUOTE]
    best: tuple[tuple[int, Decimal], int, Claim] | None = None
    for position, claim in enumerate(chosen):
        if claim.kind is Kind.QUOTE:
            continue
        version = _in_place_of(claim, text, fix, lang=lang, published=published)
        if version is None:
            continue
        # A fix that names its unit ("12 Prozent") goes to the claim of that unit;
        # otherwise to the claim nearest in value: readers correct a figure, not swap it.
        fits = any(a.kind is claim.kind and a.unit == claim.unit for a in alone)
        rank = (0 if fits else 1, _distance(claim, version))
        if best is None or rank < best[0]:
            best = (rank, position, version)
    if best is None:
        return None
    return [best[2] if i == best[1] else None for i in range(len(chosen))]


def _in_place_of(
    claim: Claim, text: str, fix: str, *, lang: str | None, published: Published
) -> Claim | None:
    """The fix put where `claim` stands: "9,74 Milliarden" in "9,75 Milliarden Dollar"
    replaces the number and scale and keeps "Dollar"; "9,74" replaces the number only."""
    for replacement in dict.fromkeys((_overlay(claim.text, fix), fix)):
        replaced = text[: claim.start] + replacement + text[claim.end :]
        found = extract(replaced, lang=lang, published=published)
        same = [
            c
            for c in _within(found, claim.start, claim.start + len(replacement))
            if c.kind is claim.kind
        ]
        if same:
            return same[0]
    return None


def _overlay(original: str, fix: str) -> str:
    """The fix's words laid over the original's, aligned at their first figure."""
    words, new = original.split(), fix.split()
    at = next((i for i, w in enumerate(words) if _DIGIT.search(w)), 0)
    lead = next((i for i, w in enumerate(new) if _DIGIT.search(w)), 0)
    covered = words[at : at + len(new) - lead]
    if not covered:
        return fix
    return " ".join([*words[: max(at - lead, 0)], *new, *words[at + len(covered) :]])


def _distance(claim: Claim, version: Claim) -> Decimal:
    a, b = _middle(claim), _middle(version)
    if a is None or b is None:
        return Decimal("Infinity")
    return abs(a - b) / max(abs(a), abs(b), Decimal(1))


def _middle(claim: Claim) -> Decimal | None:
    low, high = _bounds(claim)
    if low is None or high is None:
        return low if high is None else high
    return (low + high) / 2


def _paired(chosen: list[Claim], found: list[Claim]) -> list[Claim | None]:
    """Each passage claim's counterpart in the fix: same kind and unit, in order."""
    unused = list(found)
    paired: list[Claim | None] = []
    for claim in chosen:
        match = next((c for c in unused if _key(c) == _key(claim)), None)
        match = match or next((c for c in unused if c.kind is claim.kind), None)
        if match is not None:
            unused.remove(match)
        paired.append(match)
    return paired


def _key(claim: Claim) -> tuple[Kind, str | None]:
    return claim.kind, None if claim.kind in (Kind.DATE, Kind.QUOTE) else claim.unit


def _changed(claim: Claim, version: Claim) -> bool:
    if claim.kind is Kind.QUOTE:
        return _wording(claim) != _wording(version) or _surname(claim) != _surname(version)
    return (claim.low, claim.high, claim.unit, claim.vague) != (
        version.low,
        version.high,
        version.unit,
        version.vague,
    )


# ---------------------------------------------------------------- judging


def judge(readings: Sequence[Reading], sources: Sequence[Source]) -> Verdict:
    """Each claim against the sources, and the overall hint with its reason."""
    by_id = {s.id: s for s in sources}
    figures = [r for r in readings if r.claim.kind is not Kind.QUOTE]
    by_claim = _matches([r.claim for r in figures], sources)
    by_fix = _matches([r.fix for r in figures if r.fix is not None], sources)
    verdicts = []
    for r in readings:
        if r.claim.kind is Kind.QUOTE:
            said = _quote_said(r, sources)
        else:
            matched = {**by_fix.get(id(r.fix), {}), **by_claim.get(id(r.claim), {})}
            said = _figure_said(r, matched, by_id)
        verdicts.append(_claim_verdict(r, said))
    return _overall(tuple(verdicts))


def _matches(claims: list[Claim], sources: Sequence[Source]) -> dict[int, dict[str, Claim]]:
    """Per claim (by identity), the claim of each source that `compare` groups with it."""
    if not claims:
        return {}
    documents = [
        Document(_PASSAGE, "", tuple(claims)),
        *(Document(s.id, s.outlet, s.claims) for s in sources),
    ]
    matched: dict[int, dict[str, Claim]] = {}
    for fact in compare(documents):
        ours = [s.claim for s in fact.statements if s.document == _PASSAGE]
        if ours:
            matched[id(ours[0])] = {
                s.document: s.claim for s in fact.statements if s.document != _PASSAGE
            }
    return matched


def _figure_said(
    reading: Reading, matched: dict[str, Claim], sources: Mapping[str, Source]
) -> list[Said]:
    """Each source's statement (the one grouped with the article's claim, else the one
    grouped with the fix), on the side its interval falls."""
    said = []
    for source_id, claim in matched.items():
        copied = False
        if _agree(claim, reading.claim):
            side, copied = Side.ARTICLE, _copied(claim.sentence, reading.claim.sentence)
        elif reading.fix is not None and _agree(claim, reading.fix):
            side = Side.READER
        else:
            side = Side.OTHER
        said.append(Said(sources[source_id], claim, side, copied=copied))
    return said


def _copied(sentence: str, article: str) -> bool:
    """Whether a source's sentence is the article's sentence again, word for word."""
    return (
        fuzz.ratio(" ".join(sentence.casefold().split()), " ".join(article.casefold().split()))
        >= COPIED
    )


def _claim_verdict(reading: Reading, said: list[Said]) -> ClaimVerdict:
    counted = [s for s in said if not s.copied]
    article, reader, other = (sum(s.side is side for s in counted) for side in Side)
    params: dict[str, str | int] = {
        "text": _shown(reading.claim),
        "fix": _shown(reading.fix) if reading.fix is not None else "",
        "article": article,
        "reader": reader,
        "other": other,
        "total": len(counted),
        "copies": len(said) - len(counted),
        "example": next((_shown(s.claim) for s in said if s.side is Side.OTHER), ""),
    }
    disputed = reading.fix is not None
    if not counted:
        hint, code = Hint.UNDECIDABLE, "only_copies" if said else "no_sources"
    elif article and (reader or other):
        hint, code = Hint.UNDECIDABLE, "sources_split"
    elif article:
        hint, code = Hint.LIKELY_CORRECT, "article_supported" if disputed else "article_confirmed"
    elif reader:
        hint, code = Hint.LIKELY_ERROR, "fix_supported"
    else:
        hint, code = Hint.LIKELY_ERROR, "article_contradicted"
    order = {Side.ARTICLE: 0, Side.READER: 1, Side.OTHER: 2}
    ordered = tuple(sorted(said, key=lambda s: order[s.side]))
    return ClaimVerdict(reading.claim, reading.fix, ordered, hint, code, params)


def _overall(verdicts: tuple[ClaimVerdict, ...]) -> Verdict:
    """The disputed claims decide (all claims when the reader proposes no figure)."""
    if not verdicts:
        return Verdict((), Hint.UNDECIDABLE, "no_claims")
    judged = [v for v in verdicts if v.disputed] or list(verdicts)
    errors = [v for v in judged if v.hint is Hint.LIKELY_ERROR]
    if errors:
        first = max(errors, key=lambda v: len(v.said))
        return Verdict(verdicts, first.hint, first.code, first.params)
    stated = [v for v in judged if v.said]
    if not stated:
        return Verdict(verdicts, Hint.UNDECIDABLE, "no_sources", judged[0].params)
    split_on = [v for v in stated if v.hint is not Hint.LIKELY_CORRECT]
    first = split_on[0] if split_on else stated[0]
    return Verdict(verdicts, first.hint, first.code, first.params)


# ---------------------------------------------------------------- quotations


def _quote_said(reading: Reading, sources: Sequence[Source]) -> list[Said]:
    """Each source carrying the quotation (or the reader's version), checked for wording
    and speaker. A source that names no speaker cannot settle a dispute about one."""
    quote, fix = reading.claim, reading.fix
    speaker_disputed = fix is not None and _surname(fix) != _surname(quote)
    said = []
    for source in sources:
        carried = _carrying(source, quote) or (_carrying(source, fix) if fix else None)
        if carried is None:
            continue
        if speaker_disputed and _surname(carried) is None:
            continue
        differs = _differences(quote, carried)
        if not differs:
            said.append(Said(source, carried, Side.ARTICLE))
        elif fix is not None and not _differences(fix, carried):
            said.append(Said(source, carried, Side.READER, differs))
        else:
            said.append(Said(source, carried, Side.OTHER, differs))
    return said


def _carrying(source: Source, quote: Claim) -> Claim | None:
    """The source's rendering of the quotation: its most similar quotation, if similar."""
    best: tuple[float, Claim] | None = None
    for claim in source.claims:
        if claim.kind is not Kind.QUOTE:
            continue
        score = fuzz.token_set_ratio(_wording(quote), _wording(claim))
        if score >= QUOTE_CARRIED and (best is None or score > best[0]):
            best = (score, claim)
    return None if best is None else best[1]


def _differences(quote: Claim, other: Claim) -> tuple[str, ...]:
    differs = []
    if _wording(quote) != _wording(other):
        differs.append("wording")
    a, b = _surname(quote), _surname(other)
    if a is not None and b is not None and a != b:
        differs.append("speaker")
    return tuple(differs)


def _wording(claim: Claim) -> str:
    """The words of a quotation, without case, punctuation or the Swiss "ss" for "ß"."""
    return " ".join(_WORD.findall(str(claim.value or claim.text).casefold()))


def _surname(claim: Claim) -> str | None:
    words = _WORD.findall(claim.speaker or "")
    return words[-1].lower() if words else None


# ---------------------------------------------------------------- intervals


def _agree(a: Claim, b: Claim) -> bool:
    """Whether the intervals share a point (half-open, as `compare` judges them)."""
    a_low, a_high = _bounds(a)
    b_low, b_high = _bounds(b)
    if a_low is not None and a_low == a_high:
        return _contains(b_low, b_high, a_low)
    if b_low is not None and b_low == b_high:
        return _contains(a_low, a_high, b_low)
    low = max((x for x in (a_low, b_low) if x is not None), default=None)
    high = min((x for x in (a_high, b_high) if x is not None), default=None)
    return low is None or high is None or low < high


def _contains(low: Decimal | None, high: Decimal | None, point: Decimal) -> bool:
    if low is not None and low == high:
        return point == low
    return (low is None or low <= point) and (high is None or point < high)


def _bounds(claim: Claim) -> tuple[Decimal | None, Decimal | None]:
    return _number(claim.low), _number(claim.high, after=True)


def _number(bound: object, *, after: bool = False) -> Decimal | None:
    if isinstance(bound, dt.date):
        return Decimal(bound.toordinal() + (1 if after else 0))
    return bound if isinstance(bound, Decimal) else None


# ---------------------------------------------------------------- JSON


def _shown(claim: Claim) -> str:
    text = " ".join(claim.text.split())
    return text if len(text) <= SHOWN else text[: SHOWN - 1].rstrip() + "…"


def _claim_json(claim: Claim) -> dict[str, object]:
    return {
        "kind": str(claim.kind),
        "text": claim.text,
        "value": _json(claim.value),
        "unit": claim.unit,
        "speaker": claim.speaker,
        "sentence": claim.sentence,
    }


def _json(value: object) -> object:
    if isinstance(value, Decimal):
        return int(value) if value == value.to_integral_value() else float(value)
    if isinstance(value, dt.date):
        return value.isoformat()
    return value
