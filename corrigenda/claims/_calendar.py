"""Calendar words of German and English news, and the arithmetic that dates resolve with.

Kept apart from `dates` so that the finder reads as a list of patterns and rules,
and so that `quotes` can read the date of an embedded post with the same words.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from collections.abc import Callable, Iterable

from text_to_num import text2num

from corrigenda.claims.language import word_set

# Month names as written in running text, lower-cased, with their language where only
# one language writes them so ("April" is both). Austrian "Jänner"/"Feber" included.
MONTHS: dict[str, tuple[int, str | None]] = {
    "januar": (1, "de"),
    "jänner": (1, "de"),
    "feber": (2, "de"),
    "februar": (2, "de"),
    "märz": (3, "de"),
    "mai": (5, "de"),
    "juni": (6, "de"),
    "juli": (7, "de"),
    "oktober": (10, "de"),
    "dezember": (12, "de"),
    "january": (1, "en"),
    "february": (2, "en"),
    "march": (3, "en"),
    "may": (5, "en"),
    "june": (6, "en"),
    "july": (7, "en"),
    "october": (10, "en"),
    "december": (12, "en"),
    "april": (4, None),
    "august": (8, None),
    "september": (9, None),
    "november": (11, None),
}

# Abbreviations, only ever accepted next to a day or year number ("Jan" is also a name).
MONTH_ABBREVIATIONS: dict[str, tuple[int, str | None]] = {
    "jan": (1, None),
    "feb": (2, None),
    "mär": (3, "de"),
    "mrz": (3, "de"),
    "mar": (3, "en"),
    "apr": (4, None),
    "jun": (6, None),
    "jul": (7, None),
    "aug": (8, None),
    "sep": (9, None),
    "sept": (9, None),
    "okt": (10, "de"),
    "oct": (10, "en"),
    "nov": (11, None),
    "dez": (12, "de"),
    "dec": (12, "en"),
}

WEEKDAYS: dict[str, tuple[int, str]] = {
    "montag": (0, "de"),
    "dienstag": (1, "de"),
    "mittwoch": (2, "de"),
    "donnerstag": (3, "de"),
    "freitag": (4, "de"),
    "samstag": (5, "de"),
    "sonnabend": (5, "de"),
    "sonntag": (6, "de"),
    "monday": (0, "en"),
    "tuesday": (1, "en"),
    "wednesday": (2, "en"),
    "thursday": (3, "en"),
    "friday": (4, "en"),
    "saturday": (5, "en"),
    "sunday": (6, "en"),
}


def capitalised_alternation(*groups: tuple[Iterable[str], str]) -> str:
    """A regex alternation of words as written in text: capitalised, longest first.

    Each group is words and what must follow every one of them (a lookahead), repeated
    after every word rather than after the group: `re` then still scans for the words'
    first letters, ten times faster. The words are grouped by first letter, which spares
    `re` trying every word at each capital ("J(?:anuar|uni|...)|F(?:ebruar|...)"); words
    of earlier groups come first.
    """
    by_initial: dict[str, list[str]] = {}
    for words, each in groups:
        for word in sorted(words, key=len, reverse=True):
            rest = re.escape(word[1:]) + each
            by_initial.setdefault(word[:1].upper(), []).append(rest)
    return "|".join(f"{initial}(?:{'|'.join(rests)})" for initial, rests in by_initial.items())


def month_number(word: str) -> tuple[int, str | None] | None:
    """(month, language) for a month name or abbreviation ("Feb.", "Jänner")."""
    key = word.rstrip(".").lower()
    return MONTHS.get(key) or MONTH_ABBREVIATIONS.get(key)


# Small number words are looked up directly: text2num costs more than the dict and
# rejects the inflected "einem"/"einer" of "vor einem Jahr".
_NUMBER_WORDS: dict[str, int] = {
    "ein": 1, "eine": 1, "einem": 1, "einer": 1, "eins": 1, "einen": 1,
    "zwei": 2, "drei": 3, "vier": 4, "fünf": 5, "sechs": 6, "sieben": 7, "acht": 8,
    "neun": 9, "zehn": 10, "elf": 11, "zwölf": 12, "zwanzig": 20, "dreißig": 30,
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
    "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
    "twenty": 20, "thirty": 30, "dozen": 12,
}  # fmt: skip

# Quantities that are deliberately vague: never turned into a number.
VAGUE_QUANTITIES = word_set(
    """
    einigen einige ein paar wenigen wenige mehreren mehrere vielen viele etlichen etliche
    zahlreichen zahlreiche unzähligen
    a few few several many some multiple numerous
    """
) | {"ein paar", "a few"}


def number_word(word: str, lang: str) -> int | None:
    """The value of a number written as digits or as a word ("zehn", "fünfzehn")."""
    if word.isdigit():
        return int(word)
    key = word.lower()
    if key in _NUMBER_WORDS:
        return _NUMBER_WORDS[key]
    try:
        value = text2num(key, lang)
    except ValueError:
        return None
    return value if 0 < value < 1000 else None


def month_end(year: int, month: int) -> dt.date:
    return dt.date(year, month, calendar.monthrange(year, month)[1])


def year_span(year: int) -> tuple[dt.date, dt.date]:
    return dt.date(year, 1, 1), dt.date(year, 12, 31)


def month_span(year: int, month: int) -> tuple[dt.date, dt.date]:
    return dt.date(year, month, 1), month_end(year, month)


def week_span(day: dt.date) -> tuple[dt.date, dt.date]:
    """Monday to Sunday of the ISO week that `day` falls in."""
    monday = day - dt.timedelta(days=day.weekday())
    return monday, monday + dt.timedelta(days=6)


def shift_month(year: int, month: int, months: int) -> tuple[int, int]:
    index = year * 12 + (month - 1) + months
    return index // 12, index % 12 + 1


def valid_day(year: int, month: int, day: int) -> bool:
    return 1 <= month <= 12 and 1 <= day <= calendar.monthrange(year, month)[1]


# "Anfang", "Mitte", "Ende" (and "early", "mid", "late") cut an interval into thirds.
PARTS: dict[str, int] = {
    "anfang": 0, "early": 0, "frühen": 0, "beginning": 0,
    "mitte": 1, "mid": 1, "mittleren": 1, "middle": 1,
    "ende": 2, "late": 2, "späten": 2, "end": 2,
}  # fmt: skip


def part_of_year(year: int, part: int) -> tuple[dt.date, dt.date]:
    """Thirds of a year: January–April, May–August, September–December."""
    first = 1 + 4 * part
    return dt.date(year, first, 1), month_end(year, first + 3)


def part_of_month(year: int, month: int, part: int) -> tuple[dt.date, dt.date]:
    """Thirds of a month: days 1–10, 11–20, 21 to the month's end."""
    if part == 2:
        return dt.date(year, month, 21), month_end(year, month)
    return dt.date(year, month, 1 + 10 * part), dt.date(year, month, 10 + 10 * part)


def part_of_decade(decade: int, part: int) -> tuple[int, int]:
    """Years of a decade's thirds: 0–3, 4–6, 7–9."""
    return ((decade, decade + 3), (decade + 4, decade + 6), (decade + 7, decade + 9))[part]


def year_for(
    span: Callable[[int], tuple[dt.date, dt.date]], published: dt.date, tense: str | None
) -> int:
    """The year of a day or month the text gives without one.

    A sentence in the past tense means the most recent such day or month that began on
    or before publication; one about the future ("wird am 20. November vorgestellt")
    the next one that has not ended. Otherwise, as in announcements in the present
    tense ("Baubeginn ist am 1. September"), the one nearest to publication.
    """
    years = (published.year - 1, published.year, published.year + 1)
    if tense == "future":
        return next(y for y in years if span(y)[1] >= published)
    if tense == "past":
        return next(y for y in reversed(years) if span(y)[0] <= published)

    def distance(year: int) -> int:
        low, high = span(year)
        if low <= published <= high:
            return 0
        return min(abs((low - published).days), abs((high - published).days))

    return min(years, key=distance)


def day_span(month: int, day: int) -> Callable[[int], tuple[dt.date, dt.date]]:
    """`span` for `year_for`: one day (29 February falls back to the 28th)."""

    def span(year: int) -> tuple[dt.date, dt.date]:
        date = dt.date(year, month, min(day, calendar.monthrange(year, month)[1]))
        return date, date

    return span
