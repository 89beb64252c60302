"""Currency words and symbols of German and English news, as ISO 4217 codes.

Words are listed by hand because newsrooms write "US-Dollar", "Franken" or "Fr.", not
babel's display names; any ISO code itself ("SEK", "JPY") is recognised from babel's
list. "Dollar" without a country is the US dollar, as German and English news use it.
Cent and Rappen are hundredths of the currency the text is about (EUR, CHF, USD).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from decimal import Decimal

from babel.numbers import list_currencies

ISO_CODES = frozenset(code for code in list_currencies() if len(code) == 3 and code.isupper())

# Written in front of the figure: "$9.74 billion", "CHF 1,2 Mia.", "Fr. 2.50".
SYMBOLS: dict[str, str] = {
    "US$": "USD",
    "US-$": "USD",
    "$": "USD",
    "C$": "CAD",
    "CA$": "CAD",
    "A$": "AUD",
    "AU$": "AUD",
    "HK$": "HKD",
    "€": "EUR",
    "£": "GBP",
    "¥": "JPY",
    "₹": "INR",
    "₽": "RUB",
    "Fr.": "CHF",
    "SFr.": "CHF",
    "sFr.": "CHF",
    "Fr": "CHF",
}

# Written after the figure: "97,4 Milliarden US-Dollar", "2,5 Mio. Franken".
NAMES: dict[str, str] = {
    "US-Dollar": "USD",
    "US Dollar": "USD",
    "US-Dollars": "USD",
    "Dollar": "USD",
    "Dollars": "USD",
    "dollars": "USD",
    "dollar": "USD",
    "US dollars": "USD",
    "kanadische Dollar": "CAD",
    "kanadischen Dollar": "CAD",
    "Canadian dollars": "CAD",
    "australische Dollar": "AUD",
    "australischen Dollar": "AUD",
    "Australian dollars": "AUD",
    "Hongkong-Dollar": "HKD",
    "Euro": "EUR",
    "Euros": "EUR",
    "euros": "EUR",
    "euro": "EUR",
    "€": "EUR",
    "Schweizer Franken": "CHF",
    "Franken": "CHF",
    "Fr.": "CHF",
    "Swiss francs": "CHF",
    "francs": "CHF",
    "Pfund Sterling": "GBP",
    "britische Pfund": "GBP",
    "britischen Pfund": "GBP",
    "Pfund": "GBP",
    "pounds sterling": "GBP",
    "pounds": "GBP",
    "£": "GBP",
    "$": "USD",
    "Yen": "JPY",
    "yen": "JPY",
    "Yuan": "CNY",
    "yuan": "CNY",
    "Renminbi": "CNY",
    "Rubel": "RUB",
    "roubles": "RUB",
    "rubles": "RUB",
    "Rupien": "INR",
    "rupees": "INR",
    "türkische Lira": "TRY",
    "Lira": "TRY",
    "Zloty": "PLN",
    "Forint": "HUF",
    "schwedische Kronen": "SEK",
    "schwedischen Kronen": "SEK",
    "norwegische Kronen": "NOK",
    "norwegischen Kronen": "NOK",
    "dänische Kronen": "DKK",
    "dänischen Kronen": "DKK",
    "tschechische Kronen": "CZK",
    "tschechischen Kronen": "CZK",
    "Schilling": "ATS",
    "D-Mark": "DEM",
}

# Hundredths: the unit is the text's main currency, or the one named here.
MINOR: dict[str, str | None] = {
    "Cent": None,
    "Cents": None,
    "cents": None,
    "Euro-Cent": "EUR",
    "Rappen": "CHF",
    "Groschen": "ATS",
    "pence": "GBP",
    "Pence": "GBP",
}

HUNDREDTH = Decimal("0.01")


def _alternation(words: Iterable[str]) -> str:
    """The words as alternatives, longest first, grouped by first character.

    After most figures no currency follows; grouped, `re` rules out the three hundred
    ISO codes and the names at a letter or two rather than trying each (40% faster).
    Words of one group keep their order, and words of two groups cannot both match.
    """
    groups: dict[str, list[str]] = {}
    for word in sorted(words, key=len, reverse=True):
        groups.setdefault(word[0], []).append(word[1:])
    return "|".join(
        re.escape(initial) + "(?:" + "|".join(map(_escape, rests)) + ")"
        for initial, rests in groups.items()
    )


def _escape(word: str) -> str:
    return re.escape(word).replace(r"\ ", r"\s+")


# A symbol or ISO code in front of a figure: SYMBOL_PATTERN checks that a number
# follows, SYMBOL_BEFORE is for searching the text right before a number found already.
SYMBOL_BEFORE = _alternation(SYMBOLS) + r"|(?<![\w])(?:" + _alternation(sorted(ISO_CODES)) + r")"
SYMBOL_PATTERN = rf"(?:{SYMBOL_BEFORE})(?=\s?\d)"
NAME_PATTERN = (
    r"(?:" + _alternation({**NAMES, **MINOR}) + r")(?![\w-])"
    r"|(?:" + _alternation(sorted(ISO_CODES)) + r")\b"
)


def code(word: str) -> str | None:
    """The ISO code of a currency word, symbol or code as written; None if unknown."""
    word = " ".join(word.split())
    return SYMBOLS.get(word) or NAMES.get(word) or (word if word in ISO_CODES else None)
