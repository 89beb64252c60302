"""Dates the text gives relative to its publication ("vor zehn Jahren", "letzte Woche",
"gestern", "am Montag") and vague ones ("vor einigen Jahren", "years later").

See `dates` for how they resolve against the publication date, and when they stay vague.
"""

from __future__ import annotations

import datetime as dt
import re

from corrigenda.claims import _calendar as cal
from corrigenda.claims._date_text import (
    DateRule,
    DateText,
    Found,
    day_found,
    month_found,
    range_found,
    vague_found,
    week_found,
    year_found,
    years_found,
)
from corrigenda.claims.language import word_set

_APPROX_DE = (
    r"knapp|fast|beinahe|nahezu|gut|rund|etwa|ungefähr|circa|ca\.|über|mehr\s+als"
    r"|weniger\s+als|mindestens|höchstens"
)
_APPROX_EN = (
    r"nearly|almost|about|around|roughly|some|over|more\s+than|less\s+than|at\s+least"
    r"|just\s+over|just\s+under"
)
_NUMBER = r"\d{1,3}|ein\s+paar|a\s+few|[A-Za-zäöüß]+"

# Approximation words and the side of the figure they widen to: -1 below, +1 above.
_APPROX_SIDE: dict[str, int] = {
    "knapp": -1, "fast": -1, "beinahe": -1, "nahezu": -1, "weniger als": -1,
    "höchstens": -1, "nearly": -1, "almost": -1, "less than": -1, "just under": -1,
    "gut": 1, "über": 1, "mehr als": 1, "mindestens": 1, "over": 1, "more than": 1,
    "at least": 1, "just over": 1,
}  # fmt: skip

_UNIT_WORDS: dict[str, str] = {
    "jahr": "year", "jahren": "year", "jahre": "year", "year": "year", "years": "year",
    "jahrzehnt": "decade", "jahrzehnten": "decade", "jahrzehnte": "decade",
    "decade": "decade", "decades": "decade",
    "monat": "month", "monaten": "month", "monate": "month", "month": "month",
    "months": "month",
    "woche": "week", "wochen": "week", "week": "week", "weeks": "week",
    "tag": "day", "tagen": "day", "tage": "day", "day": "day", "days": "day",
}  # fmt: skip
_SINGULAR_UNITS = word_set("jahr jahrzehnt monat woche tag year decade month week day")


def _distance(n: int, approx: str | None) -> tuple[int, int]:
    """The span of a relative distance `n` after approximation ("vor knapp zehn Jahren")."""
    if not approx:
        return n, n
    width = max(1, round(n / 5))
    side = _APPROX_SIDE.get(approx, 0)
    return (n - width if side <= 0 else n), (n + width if side >= 0 else n)


def _back(t: DateText, start: int, end: int, unit: str, near: int, far: int, lang: str) -> Found:
    """The date `near`..`far` units before publication, at the unit's granularity."""
    assert t.published is not None
    published = t.published
    if unit in ("year", "decade"):
        factor = 10 if unit == "decade" else 1
        return years_found(
            start, end, published.year - far * factor, published.year - near * factor, lang
        )
    if unit == "month":
        first = cal.shift_month(published.year, published.month, -far)
        last = cal.shift_month(published.year, published.month, -near)
        if first == last:
            return month_found(start, end, first[0], first[1], lang)
        return range_found(start, end, dt.date(*first, 1), cal.month_end(*last), lang)
    days = 7 if unit == "week" else 1
    low = published - dt.timedelta(days=far * days)
    high = published - dt.timedelta(days=near * days)
    if unit == "week":
        if near == far:
            return week_found(start, end, low, lang)
        return range_found(start, end, cal.week_span(low)[0], cal.week_span(high)[1], lang)
    if near == far:
        return day_found(start, end, low, lang)
    return range_found(start, end, low, high, lang)


def _amount(word: str | None, lang: str) -> tuple[int | None, bool]:
    """(number, vague) for the quantity before a unit; (None, False) for no quantity."""
    if word is None:
        return None, False
    key = " ".join(word.lower().split())
    if key in cal.VAGUE_QUANTITIES or key in ("langen", "long"):
        return None, True
    return cal.number_word(key, lang), False


_AGO_DE = re.compile(
    rf"\b(?P<kw>[Vv]or|[Ss]eit)\s+(?:(?P<approx>{_APPROX_DE})\s+)?(?:(?P<n>{_NUMBER})\s+)?"
    r"(?P<unit>Jahren|Jahrzehnten|Jahrzehnt|Jahr|Monaten|Monat|Wochen|Woche|Tagen|Tag)\b"
)
_AGO_WORD = re.compile(r"(?:Vor|vor|Seit|seit)\s")
_AGO_EN = re.compile(
    rf"\b(?:(?P<approx>{_APPROX_EN})\s+)?(?:(?P<n>{_NUMBER})\s+)?"
    r"(?P<unit>[Yy]ears?|[Dd]ecades?|[Mm]onths?|[Ww]eeks?|[Dd]ays?)\s+ago\b"
)


def _ago(m: re.Match[str], t: DateText) -> Found | None:
    english = m.re is _AGO_EN
    lang = "en" if english else "de"
    unit_word = m["unit"].lower()
    unit = _UNIT_WORDS[unit_word]
    number, vague = _amount(m["n"], lang)
    start = m.start()
    if m["n"] and number is None and not vague:
        if not english:
            return None  # "vor dem Tag", "seit der Woche": not a distance
        start = m.start("unit")  # "the years ago" → "years ago"
    if number is None or vague:
        if unit_word in _SINGULAR_UNITS:
            return None
        if english and start == m.start() and m["approx"] and not m["n"]:
            start = m.start("unit")
        return vague_found(start, m.end(), unit, lang)
    approx = " ".join(m["approx"].lower().split()) if m["approx"] else None
    if t.published is None:
        found = vague_found(start, m.end(), unit, lang)
    else:
        near, far = _distance(number, approx)
        found = _back(t, start, m.end(), unit, near, far, lang)
    found.qualifier = approx
    return found


_LATER_DE = re.compile(
    rf"\b(?:(?P<n>{_NUMBER})\s+)?(?P<unit>Jahre|Jahrzehnte|Monate|Wochen|Tage|Jahr|Monat|Woche"
    r"|Tag)\s+(?:später|danach|zuvor|davor|früher)\b"
)
_LATER_EN = re.compile(
    rf"\b(?:(?P<n>{_NUMBER})\s+)?(?P<unit>[Yy]ears?|[Dd]ecades?|[Mm]onths?|[Ww]eeks?|[Dd]ays?)"
    r"\s+(?:later|earlier)\b"
)
_UNIT_LATER_DE = re.compile(
    r"(?:Jahre|Jahrzehnte|Monate|Wochen|Tage|Jahr|Monat|Woche|Tag)\s+"
    r"(?:später|danach|zuvor|davor|früher)"
)
_UNIT_LATER_EN = re.compile(
    r"(?:Year|year|Decade|decade|Month|month|Week|week|Day|day)s?\s+(?:later|earlier)"
)


def _later(m: re.Match[str], t: DateText) -> Found | None:
    """ "Zwei Jahre später": dated from another event, so vague for the publication date."""
    lang = "en" if m.re is _LATER_EN else "de"
    number, vague = _amount(m["n"], lang)
    start = m.start() if number is not None or vague else m.start("unit")
    if start == m.start("unit") and m["unit"].lower() in _SINGULAR_UNITS:
        return None
    return vague_found(start, m.end(), _UNIT_WORDS[m["unit"].lower()], lang)


_RECENT = re.compile(
    r"\b(?:[Ii]n\s+den\s+(?P<dir>letzten|vergangenen|kommenden|nächsten)|(?:[Ii]n|[Oo]ver|[Dd]uring)"
    rf"\s+the\s+(?P<dir_en>last|past|next|coming))\s+(?:(?P<n>{_NUMBER})\s+)?"
    r"(?P<unit>Jahren|Jahrzehnten|Monaten|Wochen|Tagen|years|decades|months|weeks|days)\b"
    r"|\b[Ii]n\s+recent\s+(?P<recent>years|decades|months|weeks)\b"
)
_RECENT_WORDS = re.compile(
    r"\s(?:den\s+(?:letzten|vergangenen|kommenden|nächsten)|the\s+(?:last|past|next|coming)"
    r"|recent)\s"
)


def _recent(m: re.Match[str], t: DateText) -> Found | None:
    """ "In den letzten zehn Jahren": the span up to publication (or from it, ahead)."""
    lang = "de" if m["dir"] else "en"
    if m["recent"]:
        return vague_found(m.start(), m.end(), _UNIT_WORDS[m["recent"]], lang)
    unit = _UNIT_WORDS[m["unit"].lower()]
    number, vague = _amount(m["n"], lang)
    if m["n"] and number is None and not vague:
        return None
    if number is None or t.published is None:
        return vague_found(m.start(), m.end(), unit, lang)
    ahead = (m["dir"] or m["dir_en"]) in ("kommenden", "nächsten", "next", "coming")
    back = _back(t, m.start(), m.end(), unit, number, number, lang)
    assert back.low is not None
    if ahead:
        high = t.published + (t.published - back.low)
        return range_found(m.start(), m.end(), t.published, high, lang)
    return range_found(m.start(), m.end(), back.low, t.published, lang)


_NAMED_DE = re.compile(
    r"\b(?:(?P<part>Anfang|Mitte|Ende)\s+(?:des\s+)?)?"
    r"(?:(?P<dir>[Vv]ergangen|[Ll]etzt|[Vv]orig|[Aa]bgelaufen|[Dd]ies|[Ll]aufend|[Nn]ächst"
    r"|[Kk]ommend)(?:e[snmr]?|er)\s+(?P<unit>Jahres|Jahr|Monats|Monat|Wochenendes|Wochenende"
    r"|Woche)|(?P<vj>Vorjahr(?:es|s)?|Vormonat(?:s|es)?|Vorwoche)|(?P<heuer>[Hh]euer"
    r"|heurigen\s+Jahr(?:es)?))\b(?!\s+(?:seiner|seines|ihrer|ihres|des|der|vor|nach)\b)"
)
# What every `_NAMED_DE` match contains, each alternative starting with a letter (so
# that `re` scans for first letters): a direction before its unit ("diesem Jahr", where
# "diese" alone is common), or a word that names the period alone.
_DIRECTIONS_DE = (
    "vergangen", "letzt", "vorig", "abgelaufen", "dies", "laufend", "nächst", "kommend",
)  # fmt: skip
_NAMED_DE_WORD = re.compile(
    "|".join(
        rf"{first}{word[1:]}(?:e[snmr]?|er)\s+(?:Jahr|Monat|Woche)"
        for word in _DIRECTIONS_DE
        for first in (word[0].upper(), word[0])
    )
    + "|Vorjahr|Vormonat|Vorwoche|Heuer|heuer|heurigen"
)
_NAMED_EN = re.compile(
    r"\b(?:(?P<part>[Ee]arly|[Ll]ate|[Mm]id)[\s-]+)?(?P<dir>[Ll]ast|[Tt]his|[Nn]ext)\s+"
    r"(?P<unit>year|month|week|weekend)\b(?!\s+(?:of|before)\b)"
)
_DIRECTIONS: dict[str, int] = {
    "vergangen": -1, "letzt": -1, "vorig": -1, "abgelaufen": -1, "last": -1,
    "dies": 0, "laufend": 0, "this": 0, "nächst": 1, "kommend": 1, "next": 1,
}  # fmt: skip


def _named(m: re.Match[str], t: DateText) -> Found | None:
    """ "Im vergangenen Jahr", "letzte Woche", "heuer", "im Vorjahr", "next month"."""
    groups = m.groupdict()
    lang = "en" if m.re is _NAMED_EN else "de"
    if groups.get("heuer"):
        step, unit = 0, "year"
    elif groups.get("vj"):
        step = -1
        unit = {"vorj": "year", "vorm": "month"}.get(m["vj"][:4].lower(), "week")
    else:
        step = _DIRECTIONS[m["dir"].lower()]
        word = m["unit"].lower()
        unit = (
            "weekend"
            if word.startswith(("wochenende", "weekend"))
            else _UNIT_WORDS[word.removesuffix("es").removesuffix("s")]
        )
    granularity = "range" if unit == "weekend" else unit
    if t.published is None:
        return vague_found(m.start(), m.end(), granularity, lang)
    published = t.published
    part = cal.PARTS[m["part"].lower()] if m["part"] else None
    if unit == "year":
        year = published.year + step
        if part is not None:
            low, high = cal.part_of_year(year, part)
            return range_found(m.start(), m.end(), low, high, lang)
        return year_found(m.start(), m.end(), year, lang)
    if unit == "month":
        year, month = cal.shift_month(published.year, published.month, step)
        if part is not None:
            low, high = cal.part_of_month(year, month, part)
            return range_found(m.start(), m.end(), low, high, lang)
        return month_found(m.start(), m.end(), year, month, lang)
    day = published + dt.timedelta(days=7 * step)
    if unit == "week":
        return week_found(m.start(), m.end(), day, lang)
    monday = cal.week_span(day)[0]
    saturday = monday + dt.timedelta(days=5)
    return range_found(m.start(), m.end(), saturday, saturday + dt.timedelta(days=1), lang)


_PART_OF_NOW = re.compile(
    r"\b(?P<part>Anfang|Mitte|Ende)\s+(?:des|dieses)\s+(?P<unit>Jahres|Monats)\b(?!\s+\d)"
)
_PART_OF_WORDS = re.compile(r"(?:Anfang|Mitte|Ende)\s+(?:des|dieses)\s")


def _part_of_now(m: re.Match[str], t: DateText) -> Found | None:
    if t.published is None:
        return vague_found(m.start(), m.end(), "range", "de")
    part = cal.PARTS[m["part"].lower()]
    year, month = t.published.year, t.published.month
    if m["unit"] == "Jahres":
        low, high = cal.part_of_year(year, part)
    else:
        low, high = cal.part_of_month(year, month, part)
    return range_found(m.start(), m.end(), low, high, "de")


_DAY_WORDS: dict[str, tuple[int, str]] = {
    "vorgestern": (-2, "de"), "gestern": (-1, "de"), "heute": (0, "de"),
    "morgen": (1, "de"), "übermorgen": (2, "de"), "yesterday": (-1, "en"),
    "today": (0, "en"), "tomorrow": (1, "en"),
}  # fmt: skip
_DAY_WORD = re.compile(
    r"\b(?:vorgestern|gestern|heute|übermorgen|morgen|Vorgestern|Gestern|Heute|Übermorgen"
    r"|[Yy]esterday|[Tt]oday|[Tt]omorrow)\b"
)
# "bis heute", "die Welt von heute", "noch heute": the present, not a day.
_NOT_A_DAY_BEFORE = word_set("bis von noch schon erst heute gestern until")
# "Heute ist er EU-Kommissar", "heute gibt es": nowadays, not the publication day.
_NOWADAYS_AFTER = word_set(
    """
    ist sind gibt gilt gelten hat haben leben lebt arbeitet arbeiten heißt steht stehen
    liegt liegen kennt kennen weiß wissen würde würden wäre wären
    """
)


def _day_word(m: re.Match[str], t: DateText) -> Found | None:
    word = m[0].lower()
    if t.word_before(m.start()) in _NOT_A_DAY_BEFORE:
        return None
    if word == "heute" and t.word_after(m.end()) in _NOWADAYS_AFTER:
        return None
    step, lang = _DAY_WORDS[word]
    if t.published is None:
        return vague_found(m.start(), m.end(), "day", lang)
    return day_found(m.start(), m.end(), t.published + dt.timedelta(days=step), lang)


_WEEKDAY_DE = re.compile(
    r"\b(?:(?P<prep>[Aa]m|[Ss]eit|[Bb]is|[Aa]b|[Vv]om|[Zz]um|[Aa]uf|[Ff]ür)\s+)?(?:(?P<dir>vergangenen"
    r"|letzten|vorigen|kommenden|nächsten|diesen|heutigen|gestrigen|morgigen)\s+)?"
    r"(?P<wd>Montag|Dienstag|Mittwoch|Donnerstag|Freitag|Samstag|Sonnabend|Sonntag)"
    r"(?:abend|morgen|mittag|nachmittag|vormittag|früh|nacht)?\b"
)
_WEEKDAY_EN = re.compile(
    r"\b(?:(?P<prep>[Oo]n|[Ss]ince|[Uu]ntil|[Bb]y|[Ff]rom)\s+)?(?:(?P<dir>[Ll]ast|[Nn]ext|[Tt]his)"
    r"\s+)?(?P<wd>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
    r"(?:\s+(?:morning|afternoon|evening|night))?\b"
)
_WEEKDAY_DIRECTIONS: dict[str, int] = {
    "vergangenen": -1, "letzten": -1, "vorigen": -1, "last": -1, "kommenden": 1,
    "nächsten": 1, "next": 1, "diesen": 0, "this": 0, "heutigen": 0, "gestrigen": -1,
    "morgigen": 1,
}  # fmt: skip


def _weekday(m: re.Match[str], t: DateText) -> Found | None:
    english = m.re is _WEEKDAY_EN
    lang = "en" if english else "de"
    if not (m["prep"] or m["dir"]):
        before = t.text[max(0, m.start() - 2) : m.start()]
        sentence_start = t.bounds(m.start(), m.end())[0] == m.start()
        if not english and not sentence_start:
            return None  # German writes "am Montag"; a bare "Montag" is rarely a date
        previous = t.written_word_before(m.start()) if english and before.strip() else ""
        if previous.rstrip(".")[:1].isalpha() and previous[:1].isupper():
            return None  # "Black Friday", "Super Tuesday"
    start = m.start("dir") if m["dir"] else m.start("wd")
    if t.published is None:
        return vague_found(start, m.end(), "day", lang)
    weekday = cal.WEEKDAYS[m["wd"].lower()][0]
    published = t.published
    key = (m["dir"] or "").lower()
    if key in _WEEKDAY_DIRECTIONS:  # "vergangenen", "kommenden": never the day itself
        direction, strict = _WEEKDAY_DIRECTIONS[key], True
    else:  # "Streik für Donnerstag" and the future tense look ahead, news looks back
        ahead = (m["prep"] or "").lower() == "für" or t.tense(m.start(), m.end()) == "future"
        direction, strict = (1 if ahead else -1), False
    if direction == 0:
        day = cal.week_span(published)[0] + dt.timedelta(days=weekday)
    elif direction < 0:
        back = (published.weekday() - weekday) % 7 or (7 if strict else 0)
        day = published - dt.timedelta(days=back)
    else:
        forward = (weekday - published.weekday()) % 7 or (7 if strict else 0)
        day = published + dt.timedelta(days=forward)
    return day_found(start, m.end(), day, lang)


_FOR_YEARS = re.compile(r"\b[Ff]or\s+(?P<unit>years|decades|months)\b")


def _for_years(m: re.Match[str], t: DateText) -> Found | None:
    """ "For years": vague, like "seit Jahren" (which `_ago` reads)."""
    return vague_found(m.start(), m.end(), _UNIT_WORDS[m["unit"]], "en")


# (pattern, rule, anchor, required): see `_absolute_dates.RULES`.
RULES: tuple[DateRule, ...] = (
    (_AGO_DE, _ago, "unit", _AGO_WORD),
    (_AGO_EN, _ago, "english unit", None),
    (_RECENT, _recent, "unit", _RECENT_WORDS),
    (_RECENT, _recent, "english unit", None),
    (_LATER_DE, _later, "later", _UNIT_LATER_DE),
    (_LATER_EN, _later, "later", _UNIT_LATER_EN),
    (_NAMED_DE, _named, "unit", _NAMED_DE_WORD),
    (_NAMED_EN, _named, "english unit", None),
    (_PART_OF_NOW, _part_of_now, "unit", _PART_OF_WORDS),
    (_DAY_WORD, _day_word, "day word", None),
    (_WEEKDAY_DE, _weekday, "weekday", None),
    (_WEEKDAY_EN, _weekday, "english weekday", None),
    (_FOR_YEARS, _for_years, "english unit", None),
)
