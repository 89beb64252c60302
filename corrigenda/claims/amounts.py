"""Figures in the text: amounts of money, percentages, percentage points, counts.

One scan finds every figure with what surrounds it — a qualifier ("knapp"), a currency
symbol ("$", "CHF"), the number or a range of two ("3 bis 5"), a scale ("Mrd.",
"billion") and a unit ("US-Dollar", "Prozent", "Prozentpunkte") — and what follows the
figure decides its kind: money, a share, a difference of shares or, before a noun, a
count of that noun ("500 Mitarbeiter", "drei Personen").

Decisions worth knowing:

- German "Billion" is 10¹², English "billion" 10⁹; a capitalised "Billion" in an English
  span (a headline) is 10⁹.
- A scaled figure without a currency ("44 Milliarden") takes the currency of the nearest
  amount in its sentence, else of the last amount in the sentence before; without one it
  is not a claim: a figure whose unit nobody can tell cannot be checked.
- A bare figure commits to its rounding when it is scaled or has decimals ("97,4
  Milliarden" → 97.35e9..97.45e9; "3,5 Prozent" → 3.45..3.55; percentages always), and
  to itself otherwise ("45 Euro", "500 Mitarbeiter"). Qualifiers widen it (qualifiers.py).
- Not counts: years ("im Jahr 2015"), ordinals ("10. Februar"), times ("14.30 Uhr"),
  scores and times with a colon ("3:1"), phone numbers, numbers after "Nr.", "Art.",
  "§", and compounds ("45-jährig"). Dates are found by dates.py and win over figures.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal
from functools import lru_cache

import simplemma

from corrigenda.claims import _lexicon, context, currencies, language, numbers
from corrigenda.claims.language import word_set
from corrigenda.claims.model import Claim, Kind, Span
from corrigenda.claims.qualifiers import (
    QUALIFIERS,
    Widening,
    qualifier_before,
    widen,
    widening,
)
from corrigenda.claims.sentences import QUOTATION

_SCALES: dict[str, Decimal] = {
    "tausend": Decimal("1e3"),
    "tsd.": Decimal("1e3"),
    "thousand": Decimal("1e3"),
    "k": Decimal("1e3"),
    "mio.": Decimal("1e6"),
    "mio": Decimal("1e6"),
    "mill.": Decimal("1e6"),
    "million": Decimal("1e6"),
    "millionen": Decimal("1e6"),
    "m": Decimal("1e6"),
    "mn": Decimal("1e6"),
    "mrd.": Decimal("1e9"),
    "mrd": Decimal("1e9"),
    "mia.": Decimal("1e9"),
    "mia": Decimal("1e9"),
    "milliarde": Decimal("1e9"),
    "milliarden": Decimal("1e9"),
    "billion": Decimal("1e9"),  # English; German "Billion" is handled in _scale
    "bn": Decimal("1e9"),
    "b": Decimal("1e9"),
    "bio.": Decimal("1e12"),
    "billionen": Decimal("1e12"),
    "trillion": Decimal("1e12"),
}
_SCALE = (
    r"(?:Tausend|tausend|Tsd\.|thousand|Mio\.|Mio|Mill\.|Millionen|Million|million"
    r"|Mrd\.|Mrd|Mia\.|Mia|Milliarden|Milliarde|Billionen|Billion|billion|Bio\.|trillion)"
    r"(?!\w)"
)
_SHORT_SCALE = r"(?:bn|mn|m|k|b)\b"
_ENGLISH_SCALES = frozenset({"thousand", "million", "billion", "trillion"})
_PERCENT = r"%|Prozent(?!\w)|percent(?!\w)|per\s+cent(?!\w)|vH(?!\w)"
_POINTS = (
    r"(?:Prozentpunkte?n?|%-Punkte?n?|percentage\s+points?|Basispunkte?n?|basis\s+points?)"
    r"(?!\w)"
)
_NUMBER = rf"(?:{numbers.DIGITS_START}[-−+]?{numbers.DIGITS}|{numbers.WORDS})"

# The scan anchors on numbers (a quick pattern) and reads what surrounds each with
# anchored patterns: one big pattern tried at every position of the text is ten times
# slower. Spelled-out numbers are searched in the lower-cased text (same offsets).
_DIGIT_NUMBER = re.compile(numbers.SIGNED_DIGITS)
_BETWEEN = frozenset({"zwischen", "between"})
_SIGN_WORDS = frozenset({"minus", "plus"})
# Symbols written against the number ("$9.74", "€3bn"), longest first.
_ATTACHED = sorted((s for s in currencies.SYMBOLS if not s[-1].isalnum()), key=len, reverse=True)
_ATTACHED_ENDS = frozenset(s[-1] for s in _ATTACHED)
_WINDOW = 30
_ONE, _ZERO = Decimal(1), Decimal(0)
# Every word `_before` reads before a number; a number after any other word has none.
_BEFORE_WORDS = _BETWEEN | _SIGN_WORDS | frozenset(currencies.SYMBOLS) | currencies.ISO_CODES


def _after(range_words: str) -> re.Pattern[str]:
    return re.compile(
        rf"(?:(?P<short1>{_SHORT_SCALE})|\s*(?P<scale1>{_SCALE}))?"
        rf"(?:(?P<to>{range_words})(?:{currencies.SYMBOL_PATTERN})?\s?"
        rf"(?P<number2>{_NUMBER})"
        rf"(?:(?P<short2>{_SHORT_SCALE})|\s*(?P<scale2>{_SCALE}))?)?"
        rf"(?:\s*(?P<points>{_POINTS})|\s*(?P<percent>{_PERCENT})"
        rf"|\s*(?P<currency>{currencies.NAME_PATTERN}))?"
    )


_AFTER = _after(r"\s*(?:–|—|-)\s*|\s+(?:bis|to)\s+")
_AFTER_BETWEEN = _after(r"\s+(?:und|and)\s+")  # "zwischen 12 und 15 Millionen"
# The groups of `_AFTER` that `_Parts` keeps, in its order ("to" is not kept).
_AFTER_GROUPS = (
    "short1", "scale1", "number2", "short2", "scale2", "points", "percent", "currency",
)  # fmt: skip
# Phone numbers: "044 123 45 67", "+43 1 234 56 78", "0664/123 45 67". Every branch
# starts with a plain character so that `re` skips to "+", "(" and "0" at C speed.
_PHONE_STARTS = (r"\+\d{1,3}[\s/-]?", r"\(0\d{1,4}\)?[\s/-]?", r"0\d{1,4}\)?[\s/-]?")
_PHONE_REST = r"\d{1,4}(?:[\s/-]?\d{2,4}){1,4}"
_PHONE = re.compile(rf"(?:{'|'.join(_PHONE_STARTS)}){_PHONE_REST}")
# The branches one by one: each starts with a single plain character, which `re`
# searches for three times as fast as the class of three, and most texts match none.
_PHONE_BRANCHES = tuple(re.compile(start + _PHONE_REST) for start in _PHONE_STARTS)
_PHONE_DIGITS = 8

# Words after which a number names a thing rather than counting one.
_LABELS = word_set(
    """
    Nr. Nrn. No. Art. Abs. § §§ Paragraf Paragraph Artikel Absatz Seite S. Platz Rang
    Kapitel Zimmer Linie Gleis Version Folge Staffel Runde Etappe Ziffer Band Bd. Number
    Article Section Page Room Stand
    """
)
# Words after which a year-like number is a year: "seit 2015 Mitarbeiter …".
_YEAR_CUES = word_set(
    """
    Jahr Jahres Jahre im seit ab bis Ende Anfang Mitte Frühjahr Sommer Herbst Winter
    Saison in von vom um nach vor since year by until
    """
)
# "in drei Jahren", "vor zehn Jahren": a point in time (dates.py's business), not a count.
_TIME_PREPOSITIONS = word_set("in vor nach seit binnen innerhalb within in after")
_TIME_UNITS = word_set(
    """
    Jahr Monat Woche Tag Stunde Minute Jahrzehnt year month week day hour decade
    """
)
# A postal code before its town: "Postfach, 8001 Zürich.", "1010 Wien"
_POSTAL = re.compile(r"\s+[A-ZÄÖÜ][\w-]*(?:\s*(?:[,.;)\n]|$))")
# A German noun after the figure, with up to two adjectives ("500 neue Mitarbeiter").
_GERMAN_NOUN = re.compile(
    r"\s+(?P<adjectives>(?:[a-zäöüß][\w-]*(?:e|en|er|es|em)\s+){0,2})"
    r"(?P<noun>[A-ZÄÖÜ][\w-]*\w)(?![\w-])"
)
_ENGLISH_WORDS = re.compile(
    r"\s+([A-Za-z][a-z-]*)(?:\s+([A-Za-z][a-z-]*))?(?:\s+([A-Za-z][a-z-]*))?"
)
_ENGLISH_PLURALS = word_set("people men women children police staff cattle mice teeth feet")
_NOT_COUNTED = word_set(
    """
    Uhr Prozent Jänner Januar Februar März April Mai Juni Juli August September Oktober
    November Dezember Montag Dienstag Mittwoch Donnerstag Freitag Samstag Sonntag Euro
    Dollar Franken Cent Mal Nummer Punkt Seite Kapitel Artikel Minute Drittel Viertel
    Fünftel Sechstel Achtel Zehntel Hälfte
    """
)
# Words after which a bare figure repeats the unit of the one before it.
_ELLIPSIS = re.compile(
    r"(?:\bes(?:\s+(?:noch|erst|nur|bereits|schon|sogar))?|\b(?:down|up)\s+from)"
    r"(?:\s+(?:rund|knapp|etwa|fast|über|about|around|nearly|almost))?\s+$",
    re.IGNORECASE,
)
# What may follow an elided figure: punctuation or a verb, not an adjective and its noun.
_AFTER_ELLIPSIS = re.compile(r"\s*(?:[.,;:!?)]|$)|\s+[a-zäöüß]+(?:\s*[.,;:!?)]|\s*$|\s+[a-z\d])")
_UNIT_FOLLOWS = re.compile(r"\s+(?:auf|to|bzw\.|beziehungsweise|oder|or)\s+$")
_YEAR = re.compile(r"1[89]\d\d|20\d\d|2100")
_SHORTEST_NOUN = 3  # "vier No Borders-Aktivisten": a two-letter word is a name or a code
_CLOCK = re.compile(r"(?:[01]?\d|2[0-3])\.[0-5]\d")
# "mehrere Tausend Menschen", "einige hundert Kommentare": somewhere from two to ten times.
_SEVERAL = word_set("mehrere einige etliche paar several few")
# Words that quantify the noun themselves: "iOS 7 und 8 klagten einige Nutzer".
_QUANTIFIERS = word_set("einige mehrere etliche viele wenige beide beiden andere anderen solche")


@dataclass(slots=True)
class _Parts:
    """The pieces of one figure as written: "zwischen", "$", "3", "bis", "5", "Mio.", "€".

    Plain attributes rather than a lookup in the regex's group dictionary: every
    candidate number reads them a dozen times, and a method call per read added up.
    Not frozen, though never changed: a frozen dataclass sets each of its sixteen
    fields through `object.__setattr__`, ten times the cost of building it plainly.
    """

    start: int
    number_start: int
    number_end: int
    end: int
    number: str
    # Before the number (read by `_before`).
    symbol: str | None
    sign_word: str | None
    between: str | None
    # After it (the groups of `_AFTER`).
    short1: str | None
    scale1: str | None
    number2: str | None
    short2: str | None
    scale2: str | None
    points: str | None
    percent: str | None
    currency: str | None


@dataclass(slots=True)
class _Figure:
    """A figure while its kind and unit are being settled."""

    parts: _Parts
    start: int
    end: int
    low: Decimal
    high: Decimal
    value: Decimal | None
    scaled: bool
    lang: str
    sentence: int
    kind: Kind | None = None
    unit: str | None = None
    qualifier: str | None = None


def find_figures(text: str, sentences: Sequence[Span], *, lang: str) -> list[Claim]:
    """Amounts, percentages, percentage points and counts in `text`, by start."""
    lowered = text.lower()
    scan = _Scan(text, sentences, lang, mixed=language.mixed(lowered, lang))
    figures: list[_Figure] = []
    taken = 0
    for parts in _parts(text, lowered):
        if parts.number_start < taken:
            continue  # the second number of a range already read
        figure = scan.figure(parts)
        if figure is not None:
            figures.append(figure)
            taken = figure.end
    for index, figure in enumerate(figures):
        if figure.kind is None and index + 1 < len(figures):
            scan.borrow_unit(figure, figures[index + 1])
    for figure in figures:
        if figure.kind is None:
            scan.settle(figure, figures)
    return [scan.claim(f) for f in figures if f.kind is not None]


def _parts(text: str, lowered: str) -> list[_Parts]:
    anchors = [m.span() for m in _DIGIT_NUMBER.finditer(text)]
    if len(lowered) == len(text):
        anchors += numbers.find_lower_words(lowered)
    else:  # a rare letter whose lower case is longer ("İ"): search case-insensitively
        anchors += [m.span() for m in re.finditer(numbers.WORDS, text)]
    found = []
    for number_start, number_end in sorted(anchors):
        start, groups = _before(text, number_start)
        after = (_AFTER_BETWEEN if groups.get("between") else _AFTER).match(text, number_end)
        assert after is not None  # every part of it is optional
        if (
            not groups
            and after.end() == number_end
            and not _word_follows(text, number_end)
            and not _ELLIPSIS.search(text, max(0, number_start - 32), number_start)
        ):
            continue  # "2015.", "(3)": nothing that could make the number a claim
        found.append(
            _Parts(
                start,
                number_start,
                number_end,
                after.end(),
                text[number_start:number_end],
                groups.get("symbol"),
                groups.get("sign_word"),
                groups.get("between"),
                *after.group(*_AFTER_GROUPS),
            )
        )
    return found


def _word_follows(text: str, end: int) -> bool:
    return text[end : end + 1] in _SPACE and text[end + 1 : end + 2].isalpha()


_SPACE = frozenset(" \u00a0\u202f")


def _before(text: str, number_start: int) -> tuple[int, dict[str, str | None]]:
    """What stands right before a number: "zwischen", a currency symbol, "minus".

    Read with string operations on the few characters before the number: a regex
    searched backwards from every number costs more than the rest of the scan.
    """
    groups: dict[str, str | None] = {}
    # Most numbers stand after a space and a plain word, or after a bracket or a line
    # break: one look at the character and the word before settles them.
    previous = text[number_start - 1 : number_start] if number_start else ""
    if previous == " ":
        word = _last_word(text[max(0, number_start - _WINDOW) : number_start - 1])
        if word not in _BEFORE_WORDS:
            return number_start, groups
    elif previous not in _ATTACHED_ENDS:
        return number_start, groups  # the word before ends in this character: no "between"
    window_start = max(0, number_start - _WINDOW)
    rest = text[window_start:number_start]
    symbol = None
    if rest[-1:] in _ATTACHED_ENDS:
        symbol = next((s for s in _ATTACHED if rest.endswith(s)), None)
    if symbol is not None:
        groups["symbol"], rest = symbol, rest[: -len(symbol)]
        if rest.endswith(" "):
            rest = rest[:-1]
    elif rest.endswith(" "):
        rest = rest[:-1]
        word = _last_word(rest)
        if word in _SIGN_WORDS:
            groups["sign_word"], rest = word + " ", rest[: -len(word)].rstrip(" ")
            word = _last_word(rest)
        if word in currencies.SYMBOLS or word in currencies.ISO_CODES:
            groups["symbol"], rest = word, rest[: -len(word)].rstrip(" ")
    word = _last_word(rest)
    if word in _BETWEEN:
        groups["between"], rest = word, rest[: -len(word)]
    start = window_start + len(rest)
    if len(groups) == 0:
        return number_start, groups
    return start if not text[start].isspace() else start + 1, groups


def _last_word(text: str) -> str:
    """The last whitespace-separated word of `text`, without an opening bracket or quote."""
    cut = text.rfind(" ")
    return text[cut + 1 :].lstrip("(„\"«»'")


class _Scan:
    def __init__(self, text: str, sentences: Sequence[Span], lang: str, *, mixed: bool) -> None:
        self.text = text
        self.mixed = mixed
        self.sentences = sentences
        self.starts = [s.start for s in sentences]
        self.lang = lang
        self.langs: dict[int, str] = {}
        self.phones = _phones(text)

    def figure(self, match: _Parts) -> _Figure | None:
        """The figure at `match` with its interval, or None for a number that is none."""
        text = self.text
        start, end = match.start, match.end
        if self.phones and any(a <= match.number_start < b for a, b in self.phones):
            return None
        if (match.short1 or match.short2) and not match.symbol:
            return None  # "4k", "5m": a resolution or a distance unless money says so
        sentence = max(bisect.bisect_right(self.starts, start) - 1, 0)
        lang = self._language(sentence, start)
        if (match.scale1 or match.scale2 or "") in _ENGLISH_SCALES or match.short1:
            lang = "en"  # "1,250 million dollars" is English wherever it stands
        first = numbers.parse(match.number.lstrip("-−+"), lang)
        if first is None:
            return None
        number2 = match.number2
        if number2 is not None:
            second = numbers.parse(number2.lstrip("-−+"), lang)
            if second is None or second.value <= first.value:
                return None
        else:
            second = None
        if _is_ordinal(match, text, self.sentences[sentence] if self.sentences else None):
            return None
        scale_word = match.scale2 or match.short2 or match.scale1 or match.short1
        scale = _scale(scale_word, lang) if scale_word else _ONE
        first_scale = _scale(match.scale1 or match.short1, lang) if second else scale
        if second is not None and not (match.scale1 or match.short1):
            first_scale = scale
        negative = _negative(match)
        precise = scale_word is not None or first.decimals > 0 or match.percent is not None
        precise = precise or match.points is not None
        value: Decimal | None
        if second is None:
            value = first.value * scale
            rounding = first.rounding * scale if precise else _ZERO
            low, high = value - rounding, value + rounding
        else:
            value = None
            low, high = first.value * first_scale, second.value * scale
        figure = _Figure(
            match, start, end, low, high, value, scale_word is not None, lang, sentence
        )
        if negative:
            figure.value = -value if value is not None else None
            figure.low, figure.high = -high, -low
        self._unit(figure)
        return figure

    def _language(self, sentence: int, position: int) -> str:
        if not self.sentences or not self.mixed:
            return self.lang
        if sentence not in self.langs:
            span = self.sentences[sentence]
            self.langs[sentence] = language.detect(self.text[span.start : span.end], self.lang)
        span_lang = self.langs[sentence]
        span = self.sentences[sentence]
        words = self.text[span.start : span.end]
        if any(mark in words for mark in '„“«»"'):
            for quotation in QUOTATION.finditer(words):
                if quotation.start() < position - span.start < quotation.end():
                    return language.detect(quotation[0], span_lang)
        return span_lang

    def _unit(self, figure: _Figure) -> None:
        match = figure.parts
        points = match.points
        if points:
            figure.kind, figure.unit = Kind.POINTS, "pp"
            if points.lower().startswith("basis"):
                figure.low, figure.high = figure.low / 100, figure.high / 100
                figure.value = figure.value / 100 if figure.value is not None else None
        elif match.percent:
            figure.kind, figure.unit = Kind.PERCENT, "%"
        elif match.currency or match.symbol:
            self._money(figure)
        if figure.kind is None:
            self._count(figure)

    def _money(self, figure: _Figure) -> None:
        match = figure.parts
        word = match.currency or match.symbol
        assert word is not None
        word = " ".join(word.split())
        if word in currencies.MINOR:
            figure.low, figure.high = figure.low / 100, figure.high / 100
            figure.value = figure.value / 100 if figure.value is not None else None
            minor = currencies.MINOR[word]
            figure.unit = minor or ("USD" if figure.lang == "en" else "EUR")
        else:
            figure.unit = currencies.code(word)
        figure.kind = Kind.AMOUNT

    def _count(self, figure: _Figure) -> None:
        text, match = self.text, figure.parts
        if match.symbol or match.sign_word:
            return
        previous = _last_word(text[max(0, match.start - 16) : match.start].rstrip())
        number = match.number
        if not figure.scaled and previous in _LABELS:
            return
        year_like = not figure.scaled and _YEAR.fullmatch(number) is not None
        if year_like and previous in _YEAR_CUES:
            return
        if _postal_code(text, match, previous) or _clock_time(number, figure.lang):
            return
        if figure.lang == "en":
            noun_end, lemma = _english_noun(text, figure.end, figure.low)
        else:
            noun_end, lemma = _german_noun(text, figure.end)
            if lemma is not None and year_like and not _plural(text, figure.end):
                return
        if lemma is None or (lemma in _TIME_UNITS and self._after_preposition(match)):
            return
        figure.kind, figure.unit, figure.end = Kind.COUNT, lemma, noun_end

    def _after_preposition(self, match: _Parts) -> bool:
        """ "in drei Jahren", "nach knapp zehn Jahren": a distance in time."""
        before = self.text[max(0, match.start - 24) : match.start].split()
        while before and before[-1].lower() in QUALIFIERS:
            before.pop()
        return bool(before) and before[-1].lower() in _TIME_PREPOSITIONS

    def borrow_unit(self, figure: _Figure, following: _Figure) -> None:
        """ "von 3,1 auf 3,5 Prozent": the first figure is a percentage too."""
        between = self.text[figure.end : following.start]
        if following.kind is None or not _UNIT_FOLLOWS.fullmatch(" " + between.lstrip()):
            return
        if following.kind is Kind.COUNT or figure.scaled != following.scaled:
            return
        figure.kind, figure.unit = following.kind, following.unit

    def settle(self, figure: _Figure, figures: list[_Figure]) -> None:
        """A figure without unit takes one from its neighbours, where the text elides it.

        "Im Vorjahr waren es 88'000" and "down from 2 million" repeat the unit of the
        figure before; a scaled figure ("44 Milliarden") takes the currency of the
        nearest amount.
        """
        if self._elided(figure):
            earlier = [f for f in figures if f.kind is not None and f.start < figure.start]
            same = [f for f in earlier if f.sentence == figure.sentence]
            earlier = same or [f for f in earlier if f.sentence == figure.sentence - 1]
            if len({(f.kind, f.unit) for f in earlier}) == 1:  # only when unambiguous
                figure.kind, figure.unit = earlier[-1].kind, earlier[-1].unit
                return
        if not figure.scaled:
            return
        same = [f for f in figures if f.sentence == figure.sentence and f.kind is Kind.AMOUNT]
        if same:
            nearest = min(same, key=lambda f: abs(f.start - figure.start))
            figure.kind, figure.unit = Kind.AMOUNT, nearest.unit
            return
        before = [f for f in figures if f.sentence == figure.sentence - 1]
        if before and before[-1].kind is Kind.AMOUNT:
            figure.kind, figure.unit = Kind.AMOUNT, before[-1].unit

    def _elided(self, figure: _Figure) -> bool:
        number = figure.parts.number
        if not figure.scaled and _YEAR.fullmatch(number):
            return False  # "waren es 2015 noch …"
        before = self.text[max(0, figure.start - 32) : figure.start]
        after = _AFTER_ELLIPSIS.match(self.text, figure.end)
        return _ELLIPSIS.search(before) is not None and after is not None

    def claim(self, figure: _Figure) -> Claim:
        start, low, high = figure.start, figure.low, figure.high
        qualifier = qualifier_before(self.text, start)
        lowered: Decimal | None = low
        raised: Decimal | None = high
        word = None
        if qualifier is not None and figure.value is not None:
            start, word = qualifier
            lowered, raised = _widened(low, high, figure.value, widening(word))
        vague = _several(self.text, figure)
        value: Decimal | None = figure.value
        if vague and figure.value is not None:
            lowered, raised, value = figure.value * 2, figure.value * 10, None
        span = self.sentences[figure.sentence] if self.sentences else Span(0, len(self.text))
        return Claim(
            kind=figure.kind or Kind.COUNT,
            text=self.text[start : figure.end],
            start=start,
            end=figure.end,
            sentence=self.text[span.start : span.end],
            value=value,
            low=lowered,
            high=raised,
            unit=figure.unit,
            lang=figure.lang,
            qualifier=word,
            vague=vague,
        )


def _several(text: str, figure: _Figure) -> bool:
    """ "mehrere Tausend", "einige hundert": a vague figure, not a thousand or a hundred."""
    number = figure.parts.number.lower()
    if number not in {"hundert", "tausend"}:
        return False
    return _last_word(text[max(0, figure.start - 16) : figure.start].rstrip()).lower() in _SEVERAL


def _widened(
    low: Decimal, high: Decimal, value: Decimal, how: Widening
) -> tuple[Decimal | None, Decimal | None]:
    """Widen on the magnitude: "knapp minus 2 Prozent" is between -2 and -1.8."""
    if value >= 0:
        return widen(low, high, value, how)
    wide_low, wide_high = widen(-high, -low, -value, how)
    return (
        -wide_high if wide_high is not None else None,
        -wide_low if wide_low is not None else None,
    )


def _scale(word: str | None, lang: str) -> Decimal:
    if word is None:
        return _ONE
    if word == "Billion" and lang == "de":
        return Decimal("1e12")
    return _SCALES[word.lower()]


def _negative(match: _Parts) -> bool:
    sign_word = match.sign_word
    return match.number[0] in "-−" or (sign_word is not None and sign_word.startswith("minus"))


def _is_ordinal(match: _Parts, text: str, sentence: Span | None) -> bool:
    """ "am 10. Februar": a whole number with a full stop that does not end the sentence."""
    end = match.number_end
    if match.end != end or text[end : end + 1] != "." or not match.number.isdigit():
        return False
    return sentence is None or end + 1 < sentence.end


def _phones(text: str) -> list[tuple[int, int]]:
    if not any(branch.search(text) for branch in _PHONE_BRANCHES):
        return []  # where no branch matches, `_PHONE` finds nothing either
    return [m.span() for m in _PHONE.finditer(text) if _is_phone(m[0])]


def _is_phone(candidate: str) -> bool:
    return sum(c.isdigit() for c in candidate) >= _PHONE_DIGITS and (
        candidate.startswith(("+", "0", "(0"))
    )


def _german_noun(text: str, end: int) -> tuple[int, str | None]:
    found = _GERMAN_NOUN.match(text, end)
    if found is None:
        return end, None
    for adjective in found["adjectives"].split():
        if adjective in language.GERMAN_STOPWORDS or adjective in _QUANTIFIERS or _verb(adjective):
            return end, None
    noun = found["noun"]
    head = noun.rpartition("-")[2]
    if noun in _NOT_COUNTED or head in _NOT_COUNTED or len(head) < _SHORTEST_NOUN:
        return end, None
    if not head[1:].islower() or not (_known(head) or context.compound_head(head)):
        return end, None  # an acronym or a name: "2015 Musk", "1010 Wien" stays out
    return found.end("noun"), _lemma(noun, "de")


def _clock_time(number: str, lang: str) -> bool:
    """ "17.35 Dokumentation": German writes decimals with a comma, times with a dot."""
    return lang == "de" and _CLOCK.fullmatch(number) is not None


def _postal_code(text: str, match: _Parts, previous: str) -> bool:
    """A four- or five-digit number after a comma or line start, then a town name."""
    number = match.number
    if not (number.isdigit() and len(number) in (4, 5)):
        return False
    before = text[max(0, match.start - 2) : match.start]
    at_line_start = match.start == 0 or "\n" in before or before.endswith(", ")
    return (at_line_start or previous in {"in", "CH-", "A-", "D-"}) and bool(
        _POSTAL.match(text, match.number_end)
    )


def _verb(word: str) -> bool:
    """ "3 drohen Strafen": a word ending in -en that is its own lemma is no adjective."""
    return word.endswith("en") and _lemma(word, "de") == word


@lru_cache(maxsize=65536)
def _known(word: str) -> bool:
    return _lexicon.known(word, "de")


def _english_noun(text: str, end: int, value: Decimal) -> tuple[int, str | None]:
    found = _ENGLISH_WORDS.match(text, end)
    if found is None:
        return end, None
    for index in (1, 2, 3):
        word = found[index]
        if word is None or word.lower() in language.ENGLISH_STOPWORDS:
            return end, None
        if word[0].isupper():
            continue  # a name as modifier: "8.5 million Windows devices"
        if value == 1 or word in _ENGLISH_PLURALS or (word.endswith("s") and len(word) > 3):
            return found.end(index), _lemma(word, "en")
    return end, None


def _plural(text: str, end: int) -> bool:
    """Whether the noun after a year-like number is plainly a plural ("2000 Menschen")."""
    found = _GERMAN_NOUN.match(text, end)
    if found is None:
        return False
    noun = found["noun"]
    return _lemma(noun, "de") != noun or noun.endswith("er")


@lru_cache(maxsize=65536)
def _lemma(word: str, lang: str) -> str:
    return simplemma.lemmatize(word, lang=lang)
