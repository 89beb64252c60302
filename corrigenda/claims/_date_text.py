"""What the date rules share: the document as they see it, and the intervals they build.

A rule turns a regex match into a `Found` (offsets, interval, granularity) with the
constructors below; `DateText` answers what rules ask about the text around a match:
its sentence and language, the clause's tense, the neighbouring words.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from corrigenda.claims import _calendar as cal
from corrigenda.claims._sentence_index import SentenceIndex
from corrigenda.claims.language import word_set
from corrigenda.claims.model import Span

# --- regex building blocks -----------------------------------------------------------

DAY = r"(?:3[01]|[12]\d|0?[1-9])"
YEAR = r"(?:19|20)\d\d"
# Month alternations repeat their ending after every word, so that a pattern starting
# with one is scanned for the months' first letters (see `cal.capitalised_alternation`).
MONTH = rf"(?:{cal.capitalised_alternation((cal.MONTHS, r'\b'))})"
# A month name, or an abbreviation with its full stop or before a number ("Feb. 6",
# "Feb 6"): "1. Jan Frodeno" is a ranking, not the first of January.
ANY_MONTH = "(?:{})".format(
    cal.capitalised_alternation((cal.MONTHS, r"\b"), (cal.MONTH_ABBREVIATIONS, r"(?:\.|(?=\s+\d))"))
)
WEEKDAY = rf"(?:{cal.capitalised_alternation((cal.WEEKDAYS, ''))})"
# What may not follow a number for it to stand alone: more digits, a letter, a percent.
END = r"(?![\w%‰]|[.,:]\d|[-–/]\d)"
PART = r"Anfang|Mitte|Ende|[Ee]arly|[Ll]ate|[Mm]id"
REL_YEAR = (
    r"(?:[Vv]ergangenen|[Ll]etzten|[Vv]origen|[Dd]ieses|[Dd]iesen|[Ll]aufenden|[Kk]ommenden"
    r"|[Nn]ächsten)\s+Jahres|Vorjahr(?:e)?s|last\s+year|this\s+year|next\s+year"
)
AMOUNT_AFTER = re.compile(
    r"\s?(?:%|‰|Prozent|percent|per\s+cent|Euro|EUR|€|Dollar|US-Dollar|USD|\$|Franken|CHF"
    r"|Fr\.|Rappen|Pfund|GBP|£|Yen|Mio|Millionen|Million|Mrd|Milliarden|Milliarde|Mia"
    r"|Tsd|Tausend|million|billion|thousand|km|Kilometer|Meter|m\b|kg|Kilo|Tonnen|t\b"
    r"|Stück|Stunden|Minuten|Sekunden|mal\b|Mal\b|Punkte|points|Jahren?\b|Monaten?\b"
    r"|Wochen\b|Tagen?\b|years\b|months\b|weeks\b|days\b)"
)
# The word before a position, read backwards from it: a search for a word at the end of
# a stretch tries every position of the stretch, a match on the reversed stretch only
# the first. The "\n" is the one that `$` would step over.
_REVERSED_WORD_BEFORE = re.compile(r"\n?[ \t\u00a0]*([\wÄÖÜäöüß§.]*)")
_WORD_AFTER = re.compile(r"[ \t\u00a0]*([\wÄÖÜäöüß]+)")
# Commas, colons, dashes, and a full stop before a capital that the sentence splitter
# took for an abbreviation's ("… on Feb. 6. Last year …").
_CLAUSE_END = re.compile(r"[,;:–—]|[.!?](?=\s+[A-ZÄÖÜ])")
_STARTING = word_set("ab from starting spätestens")
# Tense markers, per language of the clause ("plant" is German "plans", English a factory).
# Past: preterite auxiliaries and common verbs, a perfect ("hat … gegründet", "hat …
# aufgerufen"), English "-ed". A generic German "-te" would also catch "halte", "erste".
_PAST = {
    "de": re.compile(
        r"\b(?:war|waren|wurde|wurden|hatte|hatten|gab|gaben|kam|kamen|ging|gingen|fand"
        r"|stand|hieß|lag|blieb|fiel|zog|begann|starb|traf|trat|bot|brachte|sagte|sagten"
        r"|erklärte|teilte|meldete|berichtete"
        r"|(?:hat|haben|ist|sind)\b[^,;.]{0,60}?\b[a-zäöüß]{0,6}ge[a-zäöüß]{3,}(?:t|en))\b"
    ),
    "en": re.compile(r"\b(?:was|were|had|did|said|told|went|came|began|[a-z]{3,}ed)\b"),
}
_NOT_PAST = word_set("based need needed indeed proceed exceed speed feed seed")
_FUTURE = {
    "de": re.compile(
        r"\b(?:wird|werden|soll|sollen|sollte|will|wollen|plant|planen|geplant|kommende[nrs]?"
        r"|nächste[nrs]?|künftig)\b"
    ),
    "en": re.compile(r"\b(?:will|shall|is\s+to|are\s+to|expected|scheduled|next|due)\b|'ll\b"),
}
# Present-tense verbs of scheduled events: "findet am Samstag statt", "erscheint im Mai".
_SCHEDULED = {
    "de": re.compile(
        r"\b(?:findet|finden|beginnt|beginnen|startet|starten|erscheint|erscheinen|folgt"
        r"|folgen|tagt|tagen|endet|enden|eröffnet|öffnet)\b"
    ),
    "en": re.compile(r"\b(?:opens|starts|begins|ends|takes\s+place)\b"),
}


@dataclass(slots=True)
class Found:
    """A date expression before it becomes a Claim."""

    start: int
    end: int
    value: str | None
    low: dt.date | None
    high: dt.date | None
    granularity: str | None
    lang: str | None = None  # None: the language of the sentence decides
    vague: bool = False
    qualifier: str | None = None
    # A day or month stated without its year, re-dated when a range names the year.
    month: int | None = None
    day: int | None = None


class DateText(SentenceIndex):
    """The document and what rules ask about it: sentences, tense, neighbouring words."""

    def __init__(
        self, text: str, sentences: Sequence[Span], lang: str, published: dt.date | None
    ) -> None:
        super().__init__(text, sentences, lang)
        self.published = published

    def clause(self, start: int, end: int) -> tuple[int, int]:
        """The clause around the span: its sentence cut at commas, colons and dashes."""
        low, high = self.bounds(start, end)
        for before in _CLAUSE_END.finditer(self.text, low, start):
            low = before.end()
        after = _CLAUSE_END.search(self.text, end, high)
        return low, after.start() if after else high

    def tense(self, start: int, end: int) -> str | None:
        """ "future", "past" or None (present, or not told) for the clause around the span.

        A scheduled event in the present tense ("findet am Samstag statt") and a start
        ("Die Züge fahren ab Dezember") look ahead.
        """
        low, high = self.clause(start, end)
        lang = "en" if self.language(start, end) == "en" else "de"
        if _FUTURE[lang].search(self.text, low, high):
            return "future"
        for match in _PAST[lang].finditer(self.text, low, high):
            if match[0].lower() not in _NOT_PAST:
                return "past"
        if _SCHEDULED[lang].search(self.text, low, high):
            return "future"
        starting = _STARTING & {self.word_before(start), self.word_after(start).lower()}
        return "future" if starting else None

    def word_before(self, position: int) -> str:
        return self.written_word_before(position).rstrip(".").lower()

    def written_word_before(self, position: int) -> str:
        """The word (with any full stops) that ends before `position`, as written."""
        reversed_before = self.text[max(0, position - 30) : position][::-1]
        match = _REVERSED_WORD_BEFORE.match(reversed_before)
        assert match is not None  # every part of the pattern is optional
        return match[1][::-1]

    def word_after(self, position: int) -> str:
        match = _WORD_AFTER.match(self.text, position)
        return match[1] if match else ""


# --- constructors --------------------------------------------------------------------


def day_found(start: int, end: int, date: dt.date, lang: str | None) -> Found:
    return Found(start, end, date.isoformat(), date, date, "day", lang)


def month_found(start: int, end: int, year: int, month: int, lang: str | None) -> Found:
    low, high = cal.month_span(year, month)
    return Found(start, end, f"{year:04d}-{month:02d}", low, high, "month", lang)


def year_found(start: int, end: int, year: int, lang: str | None) -> Found:
    low, high = cal.year_span(year)
    return Found(start, end, f"{year:04d}", low, high, "year", lang)


def range_found(start: int, end: int, low: dt.date, high: dt.date, lang: str | None) -> Found:
    value = f"{low.isoformat()}/{high.isoformat()}"
    return Found(start, end, value, low, high, "range", lang)


def years_found(start: int, end: int, first: int, last: int, lang: str | None) -> Found:
    if first == last:
        return year_found(start, end, first, lang)
    low, high = dt.date(first, 1, 1), dt.date(last, 12, 31)
    return Found(start, end, f"{first:04d}/{last:04d}", low, high, "range", lang)


def week_found(start: int, end: int, day: dt.date, lang: str | None) -> Found:
    low, high = cal.week_span(day)
    year, week, _ = low.isocalendar()
    return Found(start, end, f"{year:04d}-W{week:02d}", low, high, "week", lang)


def vague_found(start: int, end: int, granularity: str | None, lang: str | None) -> Found:
    return Found(start, end, None, None, None, granularity, lang, vague=True)


Rule = Callable[[re.Match[str], DateText], Found | None]
DateRule = tuple[re.Pattern[str], Rule, str, re.Pattern[str] | None]


def relative_year(phrase: str, t: DateText) -> int | None:
    if t.published is None:
        return None
    word = phrase.split()[0].lower()
    if word in ("dieses", "diesen", "laufenden", "this"):
        return t.published.year
    if word in ("kommenden", "nächsten", "next"):
        return t.published.year + 1
    return t.published.year - 1
