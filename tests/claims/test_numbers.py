"""Reading written numbers: the number's own shape first, the span's language second."""

from decimal import Decimal

import pytest

from corrigenda.claims import numbers
from corrigenda.claims.numbers import parse


@pytest.mark.parametrize(
    ("written", "lang", "value"),
    [
        ("97,4", "de", "97.4"),
        ("97,4", "en", "97.4"),  # Swiss and German prose; English "97,4" is no thousand
        ("9.74", "de", "9.74"),  # babel's de_DE would say 974
        ("1.234,5", "de", "1234.5"),
        ("1,234.5", "en", "1234.5"),
        ("1,234.5", "de", "1234.5"),  # both marks: the last one is the decimal mark
        ("1'234.5", "de", "1234.5"),
        ("1’234.50", "de", "1234.50"),
        ("1.234.567", "de", "1234567"),
        ("0,125", "de", "0.125"),
        ("1.234", "de", "1234"),  # the ambiguous case: the language decides
        ("1.234", "en", "1.234"),
        ("1,234", "de", "1.234"),
        ("1,234", "en", "1234"),
        ("drei", "de", "3"),
        ("Zwölf", "de", "12"),
        ("dreiundzwanzig", "de", "23"),
        ("dreissig", "de", "30"),  # Swiss spelling
        ("twenty-one", "en", "21"),
    ],
)
def test_numbers_are_read_as_a_careful_reader_would(written: str, lang: str, value: str) -> None:
    number = parse(written, lang)
    assert number is not None
    assert number.value == Decimal(value)


def test_the_rounding_is_half_a_unit_of_the_last_written_digit() -> None:
    assert parse("97,4", "de").rounding == Decimal("0.05")  # type: ignore[union-attr]
    assert parse("44", "de").rounding == Decimal("0.5")  # type: ignore[union-attr]
    assert parse("1'234.50", "de").rounding == Decimal("0.005")  # type: ignore[union-attr]


def test_a_word_that_is_no_number_is_not_read_as_one() -> None:
    assert parse("Nacht", "de") is None


def _spelled_numbers() -> set[str]:
    """Every shape of spelled-out number the grammar in numbers.py knows, built from its
    own word lists (so a word added there is covered here too)."""
    units, teens, tens = (
        getattr(numbers, name).split("|") for name in ("_UNITS", "_TEENS", "_TENS")
    )
    below = {*units, *teens, *tens, *(f"{u}und{t}" for u in ("ein", *units) for t in tens)}
    hundreds = {f"{h}hundert{b}" for h in ("", "ein", *units) for b in ("", "eins", *below)}
    thousands = {f"{h}tausend{b}" for h in ("", "ein", *units, *hundreds) for b in ("", "drei")}
    english_units = numbers._EN_UNITS.split("|")
    english = {
        *english_units,
        *numbers._EN_TEENS.split("|"),
        *numbers._EN_TENS.split("|"),
        *(f"{t}-{u}" for t in numbers._EN_TENS.split("|") for u in ("one", *english_units)),
    }
    scaled = {f"{w} {s}" for w in ("ein", "eine", "one", "a") for s in ("million", "billion")}
    return {*below, *hundreds, *thousands, *english, *scaled}


def test_every_spelled_out_number_is_found_after_any_kind_of_character() -> None:
    """`find_lower_words` screens words by their first letters before the full pattern:
    the screen must let through every word the pattern knows."""
    words = _spelled_numbers()
    assert len(words) > 3000
    for word in words:
        for text in (f"{word} leute", f"es waren {word} leute", f"(„{word}“)"):
            start = text.index(word)
            assert (start, start + len(word.split()[0])) in numbers.find_lower_words(text) or (
                (start, start + len(word)) in numbers.find_lower_words(text)
            ), (word, text)
