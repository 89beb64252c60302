"""Dates the text states itself: days, months, years, ranges of years, decades,
centuries, seasons and quarters, in German, Swiss, Austrian and English notation.

See `dates` for the rules a reader needs to know (above all when a bare number is a year).
"""

from __future__ import annotations

import datetime as dt
import re

from corrigenda.claims import _calendar as cal
from corrigenda.claims._date_text import (
    AMOUNT_AFTER,
    ANY_MONTH,
    DAY,
    END,
    MONTH,
    PART,
    REL_YEAR,
    WEEKDAY,
    YEAR,
    DateRule,
    DateText,
    Found,
    day_found,
    month_found,
    range_found,
    relative_year,
    vague_found,
    year_found,
    years_found,
)
from corrigenda.claims.language import word_set

_STRONG_CUES = word_set(
    """
    jahr jahre jahres jahren jahrgang jahrgangs seit bis ab anfang mitte ende frühjahr
    frühling sommer herbst winter saison spielzeit geschäftsjahr wirtschaftsjahr
    haushaltsjahr schuljahr jahresende jahresbeginn jahreswechsel spätestens frühestens
    since until till year years during early late mid fiscal spring summer autumn fall
    """
)
_ENGLISH_STRONG_CUES = word_set("in by from before after through")
_NOT_BEFORE_YEAR = word_set(
    """
    seite s nr nummer no tel telefon fax zimmer raum platz rang windows office version
    artikel art paragraf kapitel abs bus linie tram flug plz postfach gate page room
    number vol band heft ausgabe top punkte points
    """
)
_LIST_WORDS = word_set("und oder bis and or to")
_YEAR_BEFORE_LIST = re.compile(r"(?:19|20)\d\d,?\s+\w+\s+$")
_ENGLISH_YEAR_FOLLOWERS = word_set(
    """
    was were is saw marked brought will had has and or to when through onwards onward
    until as but which that the with after before
    """
)


def _month_of(word: str) -> tuple[int, str | None]:
    found = cal.month_number(word)
    assert found is not None  # the patterns only match month words
    return found


def _full_year(digits: str) -> int:
    if len(digits) == 4:
        return int(digits)
    two = int(digits)
    return 2000 + two if two < 70 else 1900 + two


def _dated(
    t: DateText, start: int, end: int, month: int, day: int | None, lang: str | None
) -> Found | None:
    """A day (or month) whose year the text leaves out: the year nearest publication."""
    if t.published is None:
        value = f"--{month:02d}" + (f"-{day:02d}" if day else "")
        found = vague_found(start, end, "day" if day else "month", lang)
        found.value = value
    else:
        tense = t.tense(start, end)
        if day is None:
            year = cal.year_for(lambda y: cal.month_span(y, month), t.published, tense)
            found = month_found(start, end, year, month, lang)
        else:
            year = cal.year_for(cal.day_span(month, day), t.published, tense)
            if not cal.valid_day(year, month, day):
                return None
            found = day_found(start, end, dt.date(year, month, day), lang)
    found.month, found.day = month, day
    return found


def _day_or_days(
    t: DateText, m: re.Match[str], start: int, year: str | None, month: int, lang: str | None
) -> Found | None:
    """One day or a run of days ("10. bis 12. Februar") in a month, year given or not."""
    day = int(m["d"])
    first = int(m["d1"]) if m["d1"] else None
    if first is not None and first >= day:
        return None
    if year is None:
        found = _dated(t, start, m.end(), month, day, lang)
        if found is None or first is None or found.low is None:
            return found
        days = range_found(start, m.end(), found.low.replace(day=first), found.low, lang)
        days.month = month  # its year is inferred: a range or its clause may restate it
        return days
    y = int(year)
    if not cal.valid_day(y, month, day):
        return None
    if first is None:
        return day_found(start, m.end(), dt.date(y, month, day), lang)
    return range_found(start, m.end(), dt.date(y, month, first), dt.date(y, month, day), lang)


_DE_DAY = re.compile(
    rf"(?:(?P<wd>{WEEKDAY}),?\s+(?:den\s+|dem\s+)?)?(?<![\w.])"
    rf"(?:(?P<d1>{DAY})\.?\s?(?:–|-|bis(?:\s+zum)?)\s?)?(?P<d>{DAY})\.\s?(?P<m>{ANY_MONTH})"
    rf"(?:\s+(?P<y>{YEAR})(?!\d))?"
)
_DAY_DOT_MONTH = re.compile(rf"\.\s?{ANY_MONTH}")


def _de_day(m: re.Match[str], t: DateText) -> Found | None:
    month, lang = _month_of(m["m"])
    return _day_or_days(t, m, m.start(), m["y"], month, lang or "de")


_EN_MDY = re.compile(
    rf"(?:(?P<wd>{WEEKDAY}),?\s+)?\b(?P<m>{ANY_MONTH})\s+(?:(?P<d1>{DAY})(?:st|nd|rd|th)?"
    rf"\s?[–-]\s?)?(?P<d>{DAY})(?:st|nd|rd|th)?\b(?![.:,]\d)(?:,?\s+(?P<y>{YEAR})(?!\d))?"
)
_MONTH_SPACE_DAY = re.compile(rf"{ANY_MONTH}\s+\d")


def _en_mdy(m: re.Match[str], t: DateText) -> Found | None:
    month, lang = _month_of(m["m"])
    # "im April 20 Prozent" is German; only English wording or a year makes it a date.
    if lang == "de" or (lang is None and not m["y"] and t.language(m.start(), m.end()) != "en"):
        return None
    return _day_or_days(t, m, m.start(), m["y"], month, "en")


_EN_DMY = re.compile(
    rf"(?<![\w.])(?:(?P<d1>{DAY})(?:st|nd|rd|th)?\s?[–-]\s?)?(?P<d>{DAY})(?:st|nd|rd|th)?"
    rf"\s+(?:of\s+)?(?P<m>{ANY_MONTH})(?:,?\s+(?P<y>{YEAR})(?!\d))?"
)
_DAY_SPACE_MONTH = re.compile(rf"\d(?:st|nd|rd|th)?\s+(?:of\s+)?{ANY_MONTH}")


def _en_dmy(m: re.Match[str], t: DateText) -> Found | None:
    month, lang = _month_of(m["m"])
    if lang == "de" and not m["y"]:
        return None
    if lang is None and not m["y"] and t.language(m.start(), m.end()) != "en":
        return None
    return _day_or_days(t, m, m.start(), m["y"], month, lang or "en")


_NUMERIC = re.compile(
    rf"(?<![\w.,/:])(?P<d>{DAY})\.(?P<s1>\s?)(?P<m>1[0-2]|0?[1-9])\.(?P<s2>\s?)"
    rf"(?P<y>{YEAR}|\d\d){END}"
)
# The day and month of `_NUMERIC` and `_NUMERIC_SHORT`.
_DAY_MONTH_DIGITS = re.compile(r"\.\s?(?:1[0-2]|0?[1-9])\.")
_VERSION_WORDS = word_set("version release update ios android python windows v build")


def _numeric(m: re.Match[str], t: DateText) -> Found | None:
    if len(m["y"]) == 2 and (m["s1"] or m["s2"]):
        return None
    if t.word_before(m.start()) in _VERSION_WORDS or t.word_before(m.start()) in _NOT_BEFORE_YEAR:
        return None
    year, month, day = _full_year(m["y"]), int(m["m"]), int(m["d"])
    if not cal.valid_day(year, month, day):
        return None
    return day_found(m.start(), m.end(), dt.date(year, month, day), None)


_NUMERIC_SHORT = re.compile(
    rf"\b(?:[Aa]m|[Vv]om|[Bb]is|[Zz]um|[Aa]b|[Ss]eit)\s+(?P<d>{DAY})\.\s?(?P<m>1[0-2]|0?[1-9])\."
    r"(?!\s?\d)"
)


def _numeric_short(m: re.Match[str], t: DateText) -> Found | None:
    return _dated(t, m.start("d"), m.end(), int(m["m"]), int(m["d"]), "de")


_ISO = re.compile(
    rf"(?<![\w.-])(?P<y>{YEAR})-(?P<m>1[0-2]|0[1-9])-(?P<d>3[01]|[12]\d|0[1-9])(?![\w-])"
)
_YEAR_DASH_MONTH = re.compile(r"-(?:1[0-2]|0[1-9])-")


def _iso(m: re.Match[str], t: DateText) -> Found | None:
    year, month, day = int(m["y"]), int(m["m"]), int(m["d"])
    if not cal.valid_day(year, month, day):
        return None
    return day_found(m.start(), m.end(), dt.date(year, month, day), None)


_MONTH_YEAR = re.compile(
    rf"(?:\b(?P<part>{PART})[\s-]+)?\b(?P<m>{ANY_MONTH}),?\s+"
    rf"(?:(?:des\s+Jahres\s+)?(?P<y>{YEAR}){END}|(?:des\s+)?(?P<rel>{REL_YEAR})\b)"
)
_MONTH_THEN_YEAR = re.compile(
    rf"{ANY_MONTH},?\s+(?:(?:des\s+Jahres\s+)?{YEAR}|(?:des\s+)?(?:{REL_YEAR}))"
)


def _month_year(m: re.Match[str], t: DateText) -> Found | None:
    month, lang = _month_of(m["m"])
    if m["rel"]:
        year = relative_year(m["rel"], t)
        lang = lang or ("en" if m["rel"].endswith("year") else "de")
        if year is None:
            return vague_found(m.start(), m.end(), "month", lang)
    else:
        year = int(m["y"])
    if m["part"]:
        low, high = cal.part_of_month(year, month, cal.PARTS[m["part"].lower()])
        return range_found(m.start(), m.end(), low, high, lang)
    return month_found(m.start(), m.end(), year, month, lang)


_MONTH_CUE = re.compile(
    rf"\b(?:(?P<part>{PART})[\s-]+|(?P<cue>[Ii]m|[Ss]eit|[Bb]is|[Aa]b|[Vv]on|[Vv]om|[Zz]wischen"
    r"|[Ii]n|[Ss]ince|[Uu]ntil|[Bb]y|[Ff]rom|[Bb]etween|[Dd]uring|[Ll]ast|[Nn]ext|[Tt]his"
    rf"|[Ss]pätestens|[Ff]rühestens|und|and|bis|to|through)\s+)(?P<m>{MONTH})(?!\s*\.?\s*\d)"
)
_NAME_MONTHS = word_set("april august may june juni juli")


def _month_cue(m: re.Match[str], t: DateText) -> Found | None:
    month, lang = _month_of(m["m"])
    cue = (m["cue"] or "").lower()
    if m["m"].lower() in _NAME_MONTHS and t.word_after(m.end())[:1].isupper():
        return None  # "von August Diehl", "by May Smith": a name
    if cue in ("und", "and", "bis", "to", "through") and not _month_before(t, m.start()):
        return None  # only the end of a month range ("Februar und/bis April")
    start = m.start() if m["part"] else m.start("m")
    tense_from = m.start("cue") if m["cue"] else start
    if t.published is None:
        found = vague_found(start, m.end(), "month", lang)
        found.value, found.month = f"--{month:02d}", month
        return found
    if cue in ("last", "next", "this"):
        year = t.published.year + {"last": -1, "next": 1, "this": 0}[cue]
        if cue == "last" and month < t.published.month:
            year += 1
        if cue == "next" and month > t.published.month:
            year -= 1
    else:
        year = cal.year_for(
            lambda y: cal.month_span(y, month), t.published, t.tense(tense_from, m.end())
        )
    if m["part"]:
        low, high = cal.part_of_month(year, month, cal.PARTS[m["part"].lower()])
        found = range_found(start, m.end(), low, high, lang)
    else:
        found = month_found(start, m.end(), year, month, lang)
    found.month = month
    return found


_MONTH_WORD_BEFORE = re.compile(rf"(?:{MONTH})\s+(?:bis|und|and|to|through|–|-)\s*$")


def _month_before(t: DateText, position: int) -> bool:
    return _MONTH_WORD_BEFORE.search(t.text, max(0, position - 25), position) is not None


_MONTH_BEFORE_RANGE = re.compile(
    rf"\b(?P<m>{MONTH})(?=\s*(?:bis|–|-|to|through)\s*(?:(?:Anfang|Mitte|Ende)\s+)?{MONTH})"
)
_MONTH_RANGE = re.compile(
    rf"{MONTH}\s*(?:bis|–|-|to|through)\s*(?:(?:Anfang|Mitte|Ende)\s+)?{MONTH}"
)


def _month_before_range(m: re.Match[str], t: DateText) -> Found | None:
    month, lang = _month_of(m["m"])
    if t.published is None:
        found = vague_found(m.start(), m.end(), "month", lang)
        found.value, found.month = f"--{month:02d}", month
        return found
    year = cal.year_for(
        lambda y: cal.month_span(y, month), t.published, t.tense(m.start(), m.end())
    )
    found = month_found(m.start(), m.end(), year, month, lang)
    found.month = month
    return found


_SEASON_MONTHS: dict[str, int] = {
    "frühjahr": 3, "frühling": 3, "spring": 3, "sommer": 6, "summer": 6,
    "herbst": 9, "autumn": 9, "fall": 9, "winter": 12,
}  # fmt: skip
_SEASON_WORD = (
    "Frühjahr|Frühling|Sommer|Herbst|Winter|Spring|spring|Summer|summer|Autumn|autumn|Fall"
    "|fall|winter"
)
_SEASON = re.compile(
    rf"\b(?P<s>{_SEASON_WORD})(?:\s+of)?\s+(?:(?P<y>{YEAR})(?:/(?P<y2>\d\d|{YEAR}))?{END}"
    rf"|(?:des\s+)?(?P<rel>{REL_YEAR})\b)"
)
_SEASON_WORDS = re.compile(_SEASON_WORD)


def _season(m: re.Match[str], t: DateText) -> Found | None:
    word = m["s"].lower()
    lang = "de" if m["s"] in ("Frühjahr", "Frühling", "Sommer", "Herbst") else None
    if word == "fall" and t.language(m.start(), m.end()) != "en":
        return None
    if m["rel"]:
        year = relative_year(m["rel"], t)
        if year is None:
            return vague_found(m.start(), m.end(), "range", lang)
    else:
        year = int(m["y"])
    first = _SEASON_MONTHS[word]
    if first == 12:
        # "Winter 2024" may mean its start or its end; "Winter 2024/25" says which.
        low = dt.date(year, 12, 1) if m["y2"] else dt.date(year, 1, 1)
        return range_found(m.start(), m.end(), low, cal.month_end(year + 1, 2), lang)
    return range_found(
        m.start(), m.end(), dt.date(year, first, 1), cal.month_end(year, first + 2), lang
    )


_ORDINALS: dict[str, int] = {
    "ersten": 1, "zweiten": 2, "dritten": 3, "vierten": 4, "1.": 1, "2.": 2, "3.": 3,
    "4.": 4, "first": 1, "second": 2, "third": 3, "fourth": 4, "1st": 1, "2nd": 2,
    "3rd": 3, "4th": 4,
}  # fmt: skip
_QUARTER = re.compile(
    r"(?:\b(?P<ord>erste[ns]?|zweite[ns]?|dritte[ns]?|vierte[ns]?|[1-4]\.)\s+"
    r"(?P<unit>Quartals?|Halbjahr(?:es|s)?"
    r"|Jahreshälfte)|\b(?P<ord_en>first|second|third|fourth|1st|2nd|3rd|4th)[\s-]+"
    r"(?P<unit_en>quarter|half)|\b(?P<code>[QH][1-4]))"
    rf"(?:(?:\s*/\s*|\s+(?:des\s+Jahres\s+|of\s+|in\s+)?)(?P<y>{YEAR}){END}"
    rf"|\s*/\s*(?P<y2>\d\d)(?!\d)|\s+(?:des\s+)?(?P<rel>{REL_YEAR})\b)?"
)
_QUARTER_WORD = re.compile("Quartal|Halbjahr|Jahreshälfte|quarter|half|Q[1-4]|H[1-4]")


def _quarter(m: re.Match[str], t: DateText) -> Found | None:
    if m["code"]:
        number, half = int(m["code"][1]), m["code"][0] == "H"
    else:
        ordinal = m["ord"] or m["ord_en"]
        number = _ORDINALS.get(ordinal) or _ORDINALS[ordinal.rstrip("ns") + "n"]
        half = (m["unit"] or m["unit_en"]).lower().startswith(("halb", "jahreshälfte", "half"))
    if half and number > 2:
        return None
    months = 6 if half else 3
    first = 1 + (number - 1) * months
    lang = "en" if m["ord_en"] else ("de" if m["ord"] else None)

    def span(year: int) -> tuple[dt.date, dt.date]:
        return dt.date(year, first, 1), cal.month_end(year, first + months - 1)

    if m["y"] or m["y2"]:
        year = _full_year(m["y"] or m["y2"])
    elif m["rel"]:
        relative = relative_year(m["rel"], t)
        if relative is None:
            return vague_found(m.start(), m.end(), "range", lang)
        year = relative
    elif m["code"]:
        return None  # "Q3" alone is as likely an Audi as a quarter
    elif t.published is None:
        return vague_found(m.start(), m.end(), "range", lang)
    else:
        year = cal.year_for(span, t.published, t.tense(m.start(), m.end()))
    low, high = span(year)
    return range_found(m.start(), m.end(), low, high, lang)


_YEAR_RANGE = re.compile(
    rf"(?<![\w.,'’/$€£¥#@+])(?P<y1>{YEAR})\s?(?P<sep>[–—/-])\s?(?P<y2>{YEAR}|\d\d){END}"
)
_DIGIT_DASH_DIGIT = re.compile(r"[–—/-]\s?\d")


def _year_range(m: re.Match[str], t: DateText) -> Found | None:
    first = int(m["y1"])
    second = int(m["y2"]) if len(m["y2"]) == 4 else first // 100 * 100 + int(m["y2"])
    if second <= first or (m["sep"] == "/" and second != first + 1):
        return None
    if AMOUNT_AFTER.match(t.text, m.end()) or t.word_before(m.start()) in _NOT_BEFORE_YEAR:
        return None
    return years_found(m.start(), m.end(), first, second, None)


# The year itself first, and the character before it checked once its first two digits
# are read: `re` scans fast for a pattern that starts with plain characters, but tries a
# look-behind at every position. The "Anfang"/"Ende 2015" before it is looked up afterwards.
_YEAR_ALONE = re.compile(rf"(?P<y>(?:19|20)(?<![\w.,'’/$€£¥#@+]..)\d\d){END}")
_PART_BEFORE = re.compile(rf"\b(?P<part>{PART})(?:\s+des\s+Jahres\s+|[\s-]+)$")


def _is_year(m: re.Match[str], t: DateText, part: str | None) -> bool:
    """Whether a bare four-digit number is a year; see the `dates` module docstring."""
    text, start, end = t.text, m.start("y"), m.end()
    if AMOUNT_AFTER.match(text, end):
        return False
    before = t.word_before(start)
    if before in _NOT_BEFORE_YEAR or before.isdigit():
        return False
    if part or before in _STRONG_CUES:
        return True
    if before in _LIST_WORDS and _YEAR_BEFORE_LIST.search(text, max(0, start - 20), start):
        return True  # "zwischen 2019 und 2022", "2015 or 2016"
    english = t.language(start, end) == "en"
    if english and before in _ENGLISH_STRONG_CUES:
        return True
    rest = text[end : end + 2].lstrip(" \t\u00a0")
    if not rest or rest[0] in ".,;:!?)]}\"“”»«'’–—\n":
        return True
    after = t.word_after(end)
    if not after or after[0].isdigit() or after[0].isupper():
        return False
    if english:
        return after in _ENGLISH_YEAR_FOLLOWERS or after.endswith("ed")
    return True


def _year_alone(m: re.Match[str], t: DateText) -> Found | None:
    part = _PART_BEFORE.search(t.text, max(0, m.start() - 20), m.start())
    if not _is_year(m, t, part["part"] if part else None):
        return None
    year = int(m["y"])
    if part:
        low, high = cal.part_of_year(year, cal.PARTS[part["part"].lower()])
        return range_found(part.start(), m.end(), low, high, None)
    return year_found(m.start(), m.end(), year, None)


_OLD_YEAR = re.compile(rf"(?<![\w.,'’/$€£¥#@+])(?P<y>1[0-8]\d\d){END}")
_OLD_YEAR_DIGITS = re.compile(r"1[0-8]\d\d")


def _old_year(m: re.Match[str], t: DateText) -> Found | None:
    """A year before 1900 ("founded in 1694", "seit 1848"): only after a strong cue."""
    if AMOUNT_AFTER.match(t.text, m.end()):
        return None
    before = t.word_before(m.start())
    english = t.language(m.start(), m.end()) == "en"
    if before in _STRONG_CUES or (english and before in _ENGLISH_STRONG_CUES):
        return year_found(m.start(), m.end(), int(m["y"]), None)
    return None


_DECADE_WORDS: dict[str, int] = {
    "zwanziger": 1920, "dreißiger": 1930, "vierziger": 1940, "fünfziger": 1950,
    "sechziger": 1960, "siebziger": 1970, "achtziger": 1980, "neunziger": 1990,
    "nuller": 2000,
}  # fmt: skip
_DECADE = re.compile(
    rf"(?:\b(?P<part>{PART})[\s-]+(?:der\s+|the\s+)?)?(?:\b(?P<art>den|der|die|the)\s+)?"
    r"(?:(?P<adj>frühen|mittleren|späten|early|mid|late)[\s-]+)?"
    r"(?:(?<![\w.,])[’']?(?P<dec>(?:19|20)?\d0)(?P<suf>er-?\s?[Jj]ahren?|er[Jj]ahren?|ern|er|s)"
    r"|\b(?P<word>[Zz]wanziger|[Dd]reißiger|[Vv]ierziger|[Ff]ünfziger|[Ss]echziger|[Ss]iebziger"
    r"|[Aa]chtziger|[Nn]eunziger|[Nn]uller)-?\s?[Jj]ahren?)(?!\w)"
)


def _decade(m: re.Match[str], t: DateText) -> Found | None:
    if m["word"]:
        decade, lang = _DECADE_WORDS[m["word"].lower()], "de"
    else:
        digits, suffix = m["dec"], m["suf"].lower()
        lang = "en" if suffix == "s" else "de"
        if len(digits) == 2:
            # "die 80er-Jahre", "der 80er", "the 80s" are decades; "in den 50ern" an age.
            if "jahr" not in suffix and (m["art"] or "").lower() not in ("der", "the"):
                return None
            decade = 2000 if digits == "00" else 1900 + int(digits)
        else:
            decade = int(digits)
    part_word = m["part"] or m["adj"]
    start = m.start("part") if m["part"] else m.start("adj") if m["adj"] else m.start("dec")
    if m["word"] and not m["part"] and not m["adj"]:
        start = m.start("word")
    if part_word:
        first, last = cal.part_of_decade(decade, cal.PARTS[part_word.lower().rstrip("-")])
    else:
        first, last = decade, decade + 9
    return years_found(start, m.end(), first, last, lang)


_CENTURY = re.compile(
    r"(?<![\w.])(?P<n>[12]?\d)\.\s+(?:Jahrhunderts?\b|Jh\.)|\b(?P<n_en>[12]?\d)(?:st|nd|rd|th)"
    r"[\s-]+century\b"
)


def _century(m: re.Match[str], t: DateText) -> Found | None:
    number = int(m["n"] or m["n_en"])
    if not 1 <= number <= 21:
        return None
    first = (number - 1) * 100
    # Usage, not the calendar: "das 19. Jahrhundert" is the 1800s.
    return years_found(m.start(), m.end(), max(first, 1), first + 99, "en" if m["n_en"] else "de")


# (pattern, rule, anchor, required): every match of the pattern contains an anchor of
# that kind and, where given, a match of `required` (see `dates`). The first six read a
# single day and serve `dates.read_date` too.
RULES: tuple[DateRule, ...] = (
    (_DE_DAY, _de_day, "month", _DAY_DOT_MONTH),
    (_EN_MDY, _en_mdy, "english month", _MONTH_SPACE_DAY),
    (_EN_DMY, _en_dmy, "month", _DAY_SPACE_MONTH),
    (_NUMERIC, _numeric, "number", _DAY_MONTH_DIGITS),
    (_NUMERIC_SHORT, _numeric_short, "number", _DAY_MONTH_DIGITS),
    (_ISO, _iso, "number", _YEAR_DASH_MONTH),
    (_MONTH_YEAR, _month_year, "month", _MONTH_THEN_YEAR),
    (_SEASON, _season, "number", _SEASON_WORDS),
    (_SEASON, _season, "unit", _SEASON_WORDS),
    (_SEASON, _season, "english unit", _SEASON_WORDS),
    (_QUARTER, _quarter, "quarter", None),
    (_QUARTER, _quarter, "number", _QUARTER_WORD),
    (_DECADE, _decade, "decade", None),
    (_CENTURY, _century, "century", None),
    (_YEAR_RANGE, _year_range, "number", _DIGIT_DASH_DIGIT),
    (_MONTH_CUE, _month_cue, "month", None),
    (_MONTH_BEFORE_RANGE, _month_before_range, "month", _MONTH_RANGE),
    (_YEAR_ALONE, _year_alone, "number", None),
    (_OLD_YEAR, _old_year, "number", _OLD_YEAR_DIGITS),
)
DAY_RULES = RULES[:6]
