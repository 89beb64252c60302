"""Currency words and symbols as ISO codes."""

import pytest

from corrigenda.claims.currencies import code


@pytest.mark.parametrize(
    ("word", "iso"),
    [
        ("US-Dollar", "USD"),
        ("Dollar", "USD"),
        ("$", "USD"),
        ("Euro", "EUR"),
        ("€", "EUR"),
        ("Franken", "CHF"),
        ("Fr.", "CHF"),
        ("CHF", "CHF"),
        ("Pfund", "GBP"),
        ("£", "GBP"),
        ("Schweizer  Franken", "CHF"),
        ("SEK", "SEK"),  # any ISO code, from babel's list
    ],
)
def test_currency_words_map_to_iso_codes(word: str, iso: str) -> None:
    assert code(word) == iso


def test_a_word_that_is_no_currency_has_no_code() -> None:
    assert code("Mitarbeiter") is None
