"""Approximation words widen what a figure commits to."""

from decimal import Decimal

import pytest

from corrigenda.claims.qualifiers import Widening, qualifier_before, widen, widening

D = Decimal


@pytest.mark.parametrize(
    ("word", "interval"),
    [
        ("knapp", (D(90), D(100))),
        ("rund", (D(90), D(110))),
        ("über", (D(100), None)),
        ("mehr als", (D(100), None)),
        ("bis zu", (None, D(100))),
        ("nearly", (D(90), D(100))),
        ("at least", (D(100), None)),
    ],
)
def test_qualifiers_widen_the_interval_by_their_meaning(
    word: str, interval: tuple[Decimal | None, Decimal | None]
) -> None:
    assert widen(D("99.5"), D("100.5"), D(100), widening(word)) == interval


def test_about_never_narrows_a_figure_s_own_rounding() -> None:
    assert widen(D(5), D(15), D(10), Widening.ABOUT) == (D(5), D(15))


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("Das Angebot lag bei knapp 100", "knapp"),
        ("es kamen mehr als 500", "mehr als"),
        ("(rund 4", "rund"),
        ("Kosten von ca. 5", "ca."),
        ("Er zahlte 100", None),
        ("Sie stellte eine Rechnung über 396", None),  # "über" names the amount here
        ("in den nächsten Jahren über 4", "über"),
    ],
)
def test_the_qualifier_right_before_a_figure_is_found(text: str, found: str | None) -> None:
    number = len(text) - len(text.split()[-1])
    result = qualifier_before(text, number)
    assert (result[1] if result else None) == found
    if result:
        assert text[result[0] :].lower().startswith(found or "")
