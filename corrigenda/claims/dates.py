"""Dates in German and English news: absolute, relative to the publication date, vague.

`find_dates` runs the rules of `_absolute_dates` and `_relative_dates` (each a compiled
pattern and a function that turns its match into an interval), keeps the longest of
overlapping matches, and joins ranges. What a reader needs to know about the rules:

- A bare four-digit number 1900–2099 is a year only in a year-like context. It is a
  year after a strong cue ("im Jahr", "seit", "bis", "ab", "Anfang", "Sommer", English
  "in", "since", "by"). Otherwise the word after it decides: a lower-case word or the end
  of the clause makes it a year ("2023 startete er", "gegründet 2015."), a capitalised
  noun makes it a count ("2015 Mitarbeiter"); in English only a verb-like follower
  counts ("2015 was", "2015 saw"), because English nouns are lower-case. A currency,
  unit, percent sign or neighbouring number always rules a year out ("2015 Euro",
  "Seite 2015", "044 2015 12"). Years before 1900 need a strong cue ("founded in 1694").
- Relative dates ("vor zehn Jahren", "letzte Woche", "gestern", "am Montag") resolve
  against `published`. Without it they are still returned, marked vague and without
  bounds: the wording is in the text, its date is not.
- The tense of the clause places what has no year or week. A weekday is the most recent
  such day on or before publication (news reports what happened), the next one when the
  clause speaks of the future ("wird", "soll", "kommende", a scheduled "findet … statt").
  A day or month without a year ("am 10. Februar", "im Dezember") is the most recent one
  in a past-tense clause, the next one in a future one ("ab Dezember" looks ahead too),
  and otherwise, as in present-tense announcements, the one nearest to publication.
- Vague wording ("vor einigen Jahren", "einige Jahre später", "seit Jahren", "a few years
  ago") is kept as a vague claim without bounds, never guessed. "N Jahre später" is vague
  too: its anchor is another event, not the publication date.
- Approximation widens a relative distance by a fifth (at least one unit): "vor knapp
  zehn Jahren" is 8 to 10 years ago, "vor rund zehn Jahren" 8 to 12, "vor mehr als zehn
  Jahren" 10 to 12.
- "Anfang", "Mitte", "Ende" (early, mid, late) take the first, middle or last third of a
  year (January–April, May–August, September–December), month (days 1–10, 11–20, 21–)
  or decade (0–3, 4–6, 7–9). A two-digit decade is of the 1900s ("die 80er-Jahre");
  "in den 50ern" alone is left out because it usually gives an age.
- Two dates joined by "bis", a dash, "to", or "und"/"and" after "zwischen"/"between"
  become one range; a month or day before the range takes the year of its end
  ("Februar bis April 2025").
- Not dates: times ("14.30 Uhr"), scores ("2:1"), versions ("17.2.1"), phone numbers,
  postcodes ("8001 Zürich"), amounts and counts ("2015 Euro", "2015 Zuschauer"), and
  "heute" in the sense of nowadays ("Heute ist sie Professorin").
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from dataclasses import replace

from corrigenda.claims import _absolute_dates, _relative_dates
from corrigenda.claims import _calendar as cal
from corrigenda.claims._date_text import DateText, Found
from corrigenda.claims.model import Claim, Kind, Span

# Every match of a rule contains one of its anchors: a month name, a year, a unit word.
# Rules run only in short windows around their anchors. Anchors are found with patterns
# that start with a capital or a digit, or as plain words with `bytes.find`, both of
# which are fast; the rules start with optional words and boundaries that would make `re`
# try every position of the text (together five times slower). For the same reason a
# rule may name a pattern that every match of it contains and that starts with a fixed
# character or letters ("required" in `_absolute_dates.RULES`): a window without one is
# skipped, which spares most windows the rule's slow scan.
_WORD_END = r"(?![a-zäöüß])"
_ABBREVIATION_END = r"(?=\.|\s+\d)"
_ANCHOR_PATTERNS: dict[str, re.Pattern[str]] = {
    # A year or a numeric date, scanned from its first digit.
    "number": re.compile(r"\d(?:\d\d\d|\.\s?[01]?\d\.)"),
    # A month name as a word ("Mai", not "Mainz"), an abbreviation before "." or a number.
    "month": re.compile(
        cal.capitalised_alternation(
            (cal.MONTHS, _WORD_END), (cal.MONTH_ABBREVIATIONS, _ABBREVIATION_END)
        )
    ),
}
_WEEKDAYS = tuple(word[:1].upper() + word[1:] for word in cal.WEEKDAYS)
_ANCHOR_WORDS: dict[str, tuple[str, ...]] = {
    "unit": ("Jahr", "jahr", "Monat", "monat", "Woche", "woche", "Tag", "heuer", "Heuer", "heurig"),
    "english unit": (
        "year", "month", "week", "day", "decade", "Year", "Month", "Week", "Day", "Decade",
    ),
    "day word": (
        "heute", "Heute", "gestern", "Gestern", "morgen", "Morgen", "today", "Today",
        "tomorrow", "Tomorrow", "yesterday", "Yesterday",
    ),
    "later": ("später", "danach", "zuvor", "davor", "früher", "later", "earlier"),
    "decade": ("0er", "0s", "ziger", "Nuller"),
    "century": ("Jahrhundert", "Jh.", "century"),
    "quarter": ("Quartal", "Halbjahr", "Jahreshälfte", "quarter", "half"),
    "weekday": _WEEKDAYS,
    # The English weekday rule needs an English weekday ("Monday", not "Montag").
    "english weekday": tuple(w for w in _WEEKDAYS if cal.WEEKDAYS[w.lower()][1] == "en"),
}  # fmt: skip
# Anchor words are searched for in the lower-cased text, and each scan costs about as
# much as the rules that run in the windows it finds. So words that share a part are
# found with one scan for that part ("jahr": "Jahr", "Halbjahr", "Jahrhundert"; "tag":
# "Tag", "Montag"; "day": "day", "today", "Monday"), the others each with a scan for
# the word; every place found is checked against the words as written.
_SHARED_NEEDLES = ("jahr", "heu", "day", "quart", "tag", "woch", "mon", "mor", "ear", "abend", "0")
# English rules need a month English writes: not "Februar", "Mai", "Oktober". Their
# anchors are the month anchors less the German-only names, which saves a scan of the
# text: where the month pattern finds a German-only name, no English name or
# abbreviation could match ("Januar" is not "January", "Okt" needs a "." or a number).
_GERMAN_ONLY_MONTHS = frozenset(
    word[:1].upper() + word[1:] for word, (_, lang) in cal.MONTHS.items() if lang == "de"
)
_BEFORE, _AFTER = 40, 60

_RULES = (*_absolute_dates.RULES, *_relative_dates.RULES)
_KINDS = tuple(dict.fromkeys(kind for _, _, kind, _ in _RULES))


def _needles() -> dict[bytes, tuple[tuple[str, str, int], ...]]:
    """Lower-case needle → (kind, anchor word as written, offset of the needle in it)."""
    needles: dict[str, list[tuple[str, str, int]]] = {}
    for kind, words in _ANCHOR_WORDS.items():
        for word in words:
            lower = word.lower()
            needle = next((n for n in _SHARED_NEEDLES if n in lower), lower)
            needles.setdefault(needle, []).append((kind, word, lower.index(needle)))
    return {needle.encode("latin-1"): tuple(words) for needle, words in needles.items()}


_NEEDLES = _needles()


def _anchors(text: str) -> dict[str, list[tuple[int, int]]]:
    """Where the anchors of each kind stand in `text`, in order."""
    spans: dict[str, list[tuple[int, int]]] = {kind: [] for kind in _KINDS}
    months = list(_ANCHOR_PATTERNS["month"].finditer(text))
    spans["month"] = [m.span() for m in months]
    spans["english month"] = [m.span() for m in months if m[0] not in _GERMAN_ONLY_MONTHS]
    spans["number"] = [m.span() for m in _ANCHOR_PATTERNS["number"].finditer(text)]
    # One byte per character (one outside Latin-1 becomes "?", which no anchor word
    # holds), so offsets are the text's; typographic quotes make most texts two bytes a
    # character as `str`, where lowering and searching take longer.
    lowered = text.encode("latin-1", "replace").lower()
    for needle, words in _NEEDLES.items():
        position = lowered.find(needle)
        while position >= 0:
            for kind, word, offset in words:
                start = position - offset
                if start >= 0 and text.startswith(word, start):
                    spans[kind].append((start, start + len(word)))
            position = lowered.find(needle, position + 1)
    for found in spans.values():
        found.sort()
    return spans


def _windows(anchors: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Stretches of the text around `anchors`, merged where they overlap."""
    windows: list[tuple[int, int]] = []
    for start, end in anchors:
        low, high = max(0, start - _BEFORE), end + _AFTER
        if windows and low <= windows[-1][1]:
            windows[-1] = (windows[-1][0], high)
        else:
            windows.append((low, high))
    return windows


# --- assembling claims ---------------------------------------------------------------

_RANGE_GAP = re.compile(
    r"\s*(?:bis(?:\s+(?:zum|zur|ins|in\s+den|in\s+die))?|–|—|-|to|through|until|till"
    r"|(?P<and>und|and))\s*"
)
_BETWEEN_BEFORE = re.compile(
    r"(?:[Zz]wischen|[Bb]etween)\s+(?:(?:den|dem|the)\s+)?(?:(?:Jahren?|years?)\s+)?$"
)


def _choose(found: list[Found]) -> list[Found]:
    """Non-overlapping matches: the longest wins, then the earlier rule."""
    order = sorted(range(len(found)), key=lambda i: (found[i].start - found[i].end, i))
    taken: list[Found] = []
    for index in order:
        candidate = found[index]
        if all(candidate.end <= f.start or candidate.start >= f.end for f in taken):
            taken.append(candidate)
    return sorted(taken, key=lambda f: f.start)


def _rebase(found: Found, year: int) -> Found | None:
    """A day or month stated without a year (`found.month` is set), placed in `year`."""
    if found.month is None:
        return found
    if found.low is not None and found.high is not None:
        low = _in_year(found.low, year)
        high = _in_year(found.high, year + found.high.year - found.low.year)
        granularity = found.granularity
    elif found.day is not None:
        if not cal.valid_day(year, found.month, found.day):
            return None
        low = high = dt.date(year, found.month, found.day)
        granularity = "day"
    else:
        (low, high), granularity = cal.month_span(year, found.month), "month"
    if granularity == "day":
        value = low.isoformat()
    elif granularity == "month":
        value = f"{low.year:04d}-{low.month:02d}"
    else:
        value = f"{low.isoformat()}/{high.isoformat()}"
    return replace(found, low=low, high=high, value=value, vague=False, granularity=granularity)


def _in_year(day: dt.date, year: int) -> dt.date:
    """The same day of the month in `year`; a month's last day stays its last day."""
    last = cal.month_end(day.year, day.month).day
    end = cal.month_end(year, day.month)
    return end if day.day >= min(last, end.day) else day.replace(year=year)


def _in_stated_years(found: list[Found], t: DateText) -> list[Found]:
    """A day or month without its year takes the year its clause states: "Nächstes Jahr
    soll die Messe Ende Juni stattfinden", "2015 zog sie um, im März eröffnete sie"."""
    years = [f for f in found if f.granularity == "year" and f.low is not None]
    if not years:
        return found
    placed: list[Found] = []
    for item in found:
        if item.month is not None:
            low, high = t.clause(item.start, item.end)
            year = next((y.low for y in years if low <= y.start < high and y.low), None)
            if year is not None:
                item = _rebase(item, year.year) or item
        placed.append(item)
    return placed


def _ranges(found: list[Found], t: DateText) -> list[Found]:
    """Join "2015 bis 2018", "zwischen 2015 und 2018", "Februar bis April 2025"."""
    joined: list[Found] = []
    index = 0
    while index < len(found):
        first = found[index]
        if index + 1 < len(found):
            second = found[index + 1]
            gap = _RANGE_GAP.fullmatch(t.text, first.end, second.start)
            merged = _join(first, second, gap, t) if gap else None
            if merged is not None:
                joined.append(merged)
                index += 2
                continue
        joined.append(first)
        index += 1
    return joined


def _join(first: Found, second: Found, gap: re.Match[str], t: DateText) -> Found | None:
    if gap["and"] and not _BETWEEN_BEFORE.search(t.text, max(0, first.start - 30), first.start):
        return None
    if second.low is None or second.high is None or second.vague:
        return None
    if first.month is not None and second.month is None:
        rebased = _rebase(first, second.low.year)
        if rebased is not None and rebased.low is not None and rebased.low > second.low:
            rebased = _rebase(first, second.low.year - 1)
        if rebased is None:
            return None
        first = rebased
    if first.low is None or first.vague or first.low > second.low:
        return None
    value = f"{first.value}/{second.value}"
    lang = first.lang or second.lang
    return Found(first.start, second.end, value, first.low, second.high, "range", lang)


def _claim(f: Found, t: DateText) -> Claim:
    return Claim(
        kind=Kind.DATE,
        text=t.text[f.start : f.end],
        start=f.start,
        end=f.end,
        sentence=t.sentence(f.start, f.end),
        value=f.value,
        low=f.low,
        high=f.high,
        lang=f.lang or t.language(f.start, f.end),
        qualifier=f.qualifier,
        vague=f.vague,
        granularity=f.granularity,
    )


def find_dates(
    text: str, sentences: Sequence[Span], *, lang: str, published: dt.date | None
) -> list[Claim]:
    """Every date, year, date range and relative or vague time phrase in `text`."""
    windows = {kind: _windows(anchors) for kind, anchors in _anchors(text).items()}
    if not any(windows.values()):
        return []
    t = DateText(text, sentences, lang, published)
    found: list[Found] = []
    for pattern, rule, kind, required in _RULES:
        for low, high in windows[kind]:
            if required is not None and required.search(text, low, high) is None:
                continue
            for match in pattern.finditer(text, low, high):
                result = rule(match, t)
                if result is not None:
                    found.append(result)
    return [_claim(f, t) for f in _ranges(_in_stated_years(_choose(found), t), t)]


def read_date(phrase: str) -> dt.date | None:
    """The day a short phrase names on its own ("February 10, 2025", "10. Februar 2025")."""
    t = DateText(phrase, [Span(0, len(phrase))], "en", None)
    for pattern, rule, _, _ in _absolute_dates.DAY_RULES:
        match = pattern.search(phrase)
        if match is not None:
            result = rule(match, t)
            if result is not None and result.granularity == "day" and result.low is not None:
                return result.low
    return None
