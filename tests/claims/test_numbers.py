"""Reading written numbers: the number's own shape first, the span's language second."""

from decimal import Decimal

import pytest

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
