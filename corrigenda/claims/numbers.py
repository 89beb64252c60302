"""Read the numbers of German and English news: "97,4", "1.234,5", "1'234.50", "drei".

The format of a written number is decided from its own shape first and from the
language of its span only when the shape is ambiguous. babel cannot do this: with
`de_CH` it rejects "97,4" (Swiss prose writes it so) and with `de_DE` it reads "9.74"
as 974. The rules, in order:

- an apostrophe or a (narrow) no-break space only ever groups thousands ("1'234.5");
- with both "." and ",", the last one is the decimal mark ("1.234,5", "1,234.5");
- a mark that occurs more than once groups thousands ("1.234.567");
- a single mark followed by other than three digits is the decimal mark ("97,4", "9.74");
- "1.234" and "1,234" are the ambiguous case: German reads the first as 1234 and the
  second as 1.234, English the other way round.

Spelled-out numbers ("drei", "zwölf", "dreiundzwanzig", "twenty-one") go through
text2num; "ein"/"one" only count in front of a scale word ("eine Milliarde").
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal
from functools import lru_cache

from text_to_num import text2num

_GROUPING = str.maketrans("", "", "'’\u202f\u00a0")

# What may not stand right before a number written with digits: a letter ("A380"), a
# hyphen ("COVID-19"), another number ("10.02.2025", "14:30", "3:1", "2014/15").
_NOT_BEFORE_DIGITS = r"[\w.,'’/:+−-]"
DIGITS_START = rf"(?<!{_NOT_BEFORE_DIGITS})"
# A number written with digits after its first digit, and not followed by more of a
# date, time or score; a letter may follow only as an English scale suffix ("$9.7bn",
# "£3m"). Split off the first digit so that SIGNED_DIGITS can match that one itself.
_AFTER_FIRST_DIGIT = (
    r"(?:\d{0,2}(?:['’\u202f\u00a0.,]\d{3})+(?:[.,]\d+)?|\d*(?:[.,]\d+)?)"
    r"(?![.,'’:/]\d|\d)(?:(?=(?:bn|mn|m|k|b)\b)|(?!\w))"
)
DIGITS = rf"\d{_AFTER_FIRST_DIGIT}"
# DIGITS_START, an optional sign and DIGITS, written for searching a whole text. `re`
# skips at C speed only to a first character from a plain class: a pattern that starts
# with a look-around is tried at every position, and `\d` looks up every character in
# the Unicode database (2.3 times slower). So the first character is matched from a
# plain superset, the ASCII digits and signs and everything from U+0660 on (where all
# other decimal digits lie), and then checked by the look-behinds.
SIGNED_DIGITS = (
    rf"[0-9+\-\u0660-\U0010ffff](?<!{_NOT_BEFORE_DIGITS}[\s\S])"
    rf"(?:(?<=[+−-])\d|(?<=\d)){_AFTER_FIRST_DIGIT}"
)

_UNITS = "zwei|drei|vier|fünf|sechs|sieben|acht|neun"
_TEENS = "zehn|elf|zwölf|dreizehn|vierzehn|fünfzehn|sechzehn|siebzehn|achtzehn|neunzehn"
_TENS = "zwanzig|dreißig|dreissig|vierzig|fünfzig|sechzig|siebzig|achtzig|neunzig"
_BELOW_HUNDRED = rf"(?:(?:ein|{_UNITS})und)?(?:{_TENS})|{_TEENS}|{_UNITS}"
_HUNDREDS = rf"(?:ein|{_UNITS})?hundert(?:{_BELOW_HUNDRED}|eins)?"
_GERMAN_WORDS = (
    rf"(?:(?:{_HUNDREDS}|{_BELOW_HUNDRED}|ein)?tausend(?:{_HUNDREDS}|{_BELOW_HUNDRED})?"
    rf"|{_HUNDREDS}|{_BELOW_HUNDRED})"
)
_EN_UNITS = "two|three|four|five|six|seven|eight|nine"
_EN_TENS = "twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety"
_EN_TEENS = "ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen"
_ENGLISH_WORDS = rf"(?:(?:{_EN_TENS})(?:-(?:one|{_EN_UNITS}))?|{_EN_TEENS}|{_EN_UNITS})"

# A spelled-out number, and "ein"/"one"/"a" in front of a singular scale word.
WORDS = (
    rf"(?<![\w-])(?:(?i:{_GERMAN_WORDS}|{_ENGLISH_WORDS})"
    r"|(?i:eine?|one|a)(?=\s+(?:Million|Milliarde|Billion|million|billion|trillion)\b))"
    r"(?![\w-])"
)

# How every word of LOWER_WORDS begins, by first letter: `re` rules out most words after
# a letter or two, rather than trying the long alternation below on each of them.
_LOWER_START = (
    r"(?=z(?:wei|wöl|wan|ehn)|drei|vier|fünf|s(?:ech|ieb|ix|even)|a(?:cht|\s+[mbt])"
    r"|n(?:eun|ine)|e(?:lf|in(?:und|hu|ta|e?\s+[mbt])|igh|lev)|hund|taus"
    r"|t(?:wo|hi|hr|en|wel|wen)|f(?:ou|or|iv|if)|one\s+[mbt])"
)
# The same, lower-case only, for searching a lower-cased copy of the text.
_LOWER_WORD = (
    rf"{_LOWER_START}(?:{_GERMAN_WORDS}|{_ENGLISH_WORDS}"
    r"|(?:eine?|one|a)(?=\s+(?:million|milliarde|billion|trillion)\b))"
    r"(?![\w-])"
)
LOWER_WORDS = rf"\b(?<!-){_LOWER_WORD}"
# `find_lower_words` searches for LOWER_WORDS in three parts. A pattern that starts with
# one plain character (" ") is searched for at C speed, and a character class almost
# so; a pattern that starts with "\b" is tried at every position of the text. The class
# is the ASCII part of `[^\w -]` and all other characters, checked by the look-behind:
# `\w` in a class looks up every character in the Unicode database (twice as slow).
_LOWER_WORDS = re.compile(LOWER_WORDS)
_AFTER_SPACE = re.compile(rf" ({_LOWER_WORD})")
_AFTER_OTHER = re.compile(rf"[^0-9A-Za-z_ \-](?<!\w)({_LOWER_WORD})")


def find_lower_words(lowered: str) -> list[tuple[int, int]]:
    """Where spelled-out numbers stand in a lower-cased text, in order (LOWER_WORDS).

    A match is a whole word (neither letters, digits, "_" nor "-" on either side), so
    matches never overlap and three searches find what one would: after a space, after
    any other character a word can follow, and at the start of the text.
    """
    spans = [m.span(1) for m in _AFTER_SPACE.finditer(lowered)]
    spans += [m.span(1) for m in _AFTER_OTHER.finditer(lowered)]
    if (first := _LOWER_WORDS.match(lowered)) is not None:
        spans.append(first.span())
    spans.sort()
    return spans


_ONE = frozenset({"ein", "eine", "one", "a"})


@dataclass(frozen=True, slots=True)
class Number:
    """A number as written: its value and half a unit of its last stated digit."""

    value: Decimal
    rounding: Decimal  # "97,4" → 0.05; "44" → 0.5
    decimals: int  # digits after the decimal mark (0 for integers and words)
    spelled: bool


@lru_cache(maxsize=4096)
def parse(surface: str, lang: str) -> Number | None:
    """The number `surface` (digits or words) states, read in `lang` where ambiguous.

    Cached: news repeats its numbers ("2015", "10", "drei"), and a `Number` is frozen.
    """
    if surface[:1].isdigit():
        return _parse_digits(surface, lang)
    value = spelled_value(surface)
    if value is None:
        return None
    return Number(Decimal(value), Decimal("0.5"), 0, spelled=True)


def _parse_digits(surface: str, lang: str) -> Number:
    # `translate` with a table costs more than the rest of this function; most numbers
    # have no grouping marks.
    grouped = "'" in surface or not surface.isascii()
    digits = surface.translate(_GROUPING) if grouped else surface
    decimal_mark = _decimal_mark(digits, lang)
    if decimal_mark is None:
        integer, fraction = digits.replace(".", "").replace(",", ""), ""
    else:
        head, _, fraction = digits.rpartition(decimal_mark)
        integer = head.replace(".", "").replace(",", "")
    value = Decimal(f"{integer}.{fraction}" if fraction else integer)
    return Number(value, Decimal(5).scaleb(-len(fraction) - 1), len(fraction), spelled=False)


def _decimal_mark(digits: str, lang: str) -> str | None:
    dots, commas = digits.count("."), digits.count(",")
    if dots and commas:
        return "." if digits.rfind(".") > digits.rfind(",") else ","
    if dots + commas == 0:
        return None
    mark = "." if dots else ","
    if dots + commas > 1:
        return None
    head, _, tail = digits.partition(mark)
    if len(tail) != 3 or head == "0":
        return mark
    # "1.234" / "1,234": the span's language decides.
    return mark if (mark == ",") == (lang == "de") else None


@lru_cache(maxsize=4096)
def spelled_value(word: str) -> int | None:
    """The value of a spelled-out number ("dreiundzwanzig" → 23), or None."""
    lowered = word.lower().replace("dreissig", "dreißig")
    if lowered in _ONE:
        return 1
    for lang in ("de", "en"):
        try:
            return int(text2num(lowered, lang))
        except ValueError:
            continue
    return None
