"""Approximation words and the interval a qualified figure commits to.

A figure's interval is what its wording rules out. The rule, with v the stated value:

| wording | examples | interval |
|---|---|---|
| bare figure | "97,4 Milliarden", "44 Milliarden" | v ± half a unit of the last digit |
| about | "rund", "etwa", "ca.", "about", "around" | v ± 10 % |
| just under | "knapp", "fast", "nearly", "almost" | [v − 10 %, v] |
| just over | "gut", "just over" | [v, v + 10 %] |
| over | "über", "mehr als", "more than", "over" | [v, open) |
| under | "unter", "weniger als", "less than" | (open, v] |
| at least | "mindestens", "at least" | [v, open) |
| at most | "bis zu", "höchstens", "up to", "at most" | (open, v] |

"knapp" and "rund" promise closeness (the word says so), "über" and "mindestens" only a
bound: "über 97 Milliarden" is not contradicted by 120 billion, but it is by 95. So
"über 97", "knapp 100" and "97,4 Milliarden" agree while "9,75" and "9,74 Milliarden"
(9.745..9.755 against 9.735..9.745) do not. An open bound is None.
"""

from __future__ import annotations

from decimal import Decimal
from enum import Enum

from corrigenda.claims.language import word_set

_TEN_PERCENT = Decimal("0.1")


class Widening(Enum):
    ABOUT = "about"
    JUST_UNDER = "just under"
    JUST_OVER = "just over"
    OVER = "over"
    UNDER = "under"


QUALIFIERS: dict[str, Widening] = {
    # German
    "rund": Widening.ABOUT,
    "etwa": Widening.ABOUT,
    "ca.": Widening.ABOUT,
    "circa": Widening.ABOUT,
    "zirka": Widening.ABOUT,
    "ungefähr": Widening.ABOUT,
    "annähernd": Widening.JUST_UNDER,
    "knapp": Widening.JUST_UNDER,
    "fast": Widening.JUST_UNDER,
    "beinahe": Widening.JUST_UNDER,
    "nahezu": Widening.JUST_UNDER,
    "gut": Widening.JUST_OVER,
    "knapp über": Widening.JUST_OVER,
    "über": Widening.OVER,
    "mehr als": Widening.OVER,
    "mindestens": Widening.OVER,
    "wenigstens": Widening.OVER,
    "unter": Widening.UNDER,
    "weniger als": Widening.UNDER,
    "bis zu": Widening.UNDER,
    "höchstens": Widening.UNDER,
    "maximal": Widening.UNDER,
    # English
    "about": Widening.ABOUT,
    "around": Widening.ABOUT,
    "roughly": Widening.ABOUT,
    "approximately": Widening.ABOUT,
    "some": Widening.ABOUT,
    "nearly": Widening.JUST_UNDER,
    "almost": Widening.JUST_UNDER,
    "just under": Widening.JUST_UNDER,
    "just over": Widening.JUST_OVER,
    "more than": Widening.OVER,
    "over": Widening.OVER,
    "at least": Widening.OVER,
    "less than": Widening.UNDER,
    "fewer than": Widening.UNDER,
    "under": Widening.UNDER,
    "up to": Widening.UNDER,
    "at most": Widening.UNDER,
}

_WINDOW = 24
# The words qualifiers end with ("als" of "mehr als"): any other word before a figure
# rules them all out at the cost of one look-up.
_LAST_WORDS = frozenset(phrase.rpartition(" ")[2] for phrase in QUALIFIERS)
_OPENING = "(„\"«»'‚"


def qualifier_before(text: str, start: int) -> tuple[int, str] | None:
    """The qualifier right before position `start` and where it starts, if any.

    Plain string work on the last two words: a regex searched backwards from every
    figure would cost more than finding the figures.
    """
    window = text[max(0, start - _WINDOW) : start]
    if not window[-1:].isspace():
        return None
    last = window.split()[-1:]
    if not last or last[0].lstrip(_OPENING).lower() not in _LAST_WORDS:
        return None  # most figures: the word before ends no qualifier
    offset = start - len(window)
    if any(space in window for space in _OTHER_SPACES):  # a `translate` costs more
        window = window.translate(_SPACES)
    window = window.rstrip(" ")
    cuts: list[int] = []
    cut = len(window)
    for _ in range(2):
        cut = window.rfind(" ", 0, cut) + 1
        cuts.append(cut)
        cut -= 1
        if cut <= 0:
            break
    for first in reversed(cuts):  # two words ("mehr als") before one ("über")
        phrase = " ".join(window[first:].split()).lstrip(_OPENING).lower()
        if phrase in _PREPOSITIONS and _after_noun(window[:first]):
            return None  # "eine Rechnung über 396,67 Euro", "das Angebot über 97 Milliarden"
        if phrase in QUALIFIERS:
            return offset + first + (
                len(window[first:]) - len(window[first:].lstrip(_OPENING))
            ), phrase
    return None


def _after_noun(before: str) -> bool:
    """Whether `before` ends in a noun that takes "über" for its amount ("Rechnung über")."""
    word = before.rstrip().rpartition(" ")[2].strip(_OPENING)
    return word[:1].isupper() and word.lower().endswith(_AMOUNT_NOUNS)


# Words that are qualifiers before a figure, but prepositions after some nouns.
_PREPOSITIONS = frozenset({"über", "unter"})
_AMOUNT_NOUNS = tuple(
    word_set(
        """
        rechnung scheck kredit vertrag angebot gebot summe betrag anleihe darlehen
        bürgschaft forderung klage spende überweisung auftrag vereinbarung police wette
        """
    )
)
_OTHER_SPACES = "\n\t\u00a0\u202f"
_SPACES = str.maketrans(_OTHER_SPACES, " " * len(_OTHER_SPACES))


def widening(qualifier: str) -> Widening:
    return QUALIFIERS[" ".join(qualifier.lower().split())]


def widen(
    low: Decimal, high: Decimal, value: Decimal, how: Widening
) -> tuple[Decimal | None, Decimal | None]:
    """The interval of a figure stated with a qualifier; None is an open bound."""
    margin = abs(value) * _TEN_PERCENT
    match how:
        case Widening.ABOUT:
            return min(low, value - margin), max(high, value + margin)
        case Widening.JUST_UNDER:
            return value - margin, value
        case Widening.JUST_OVER:
            return value, value + margin
        case Widening.OVER:
            return value, None
        case Widening.UNDER:
            return None, value
