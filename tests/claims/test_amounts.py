"""Figures: money, percentages, percentage points and counts, with their intervals."""

from decimal import Decimal

import pytest

from corrigenda.claims import Claim, Kind
from corrigenda.claims.amounts import find_figures
from corrigenda.claims.sentences import split

D = Decimal


def figures(text: str, lang: str = "de") -> list[Claim]:
    return find_figures(text, split(text), lang=lang)


def only(text: str, lang: str = "de") -> Claim:
    [claim] = figures(text, lang)
    return claim


def test_german_billion_is_a_thousand_times_the_english_one() -> None:
    assert only("Die Schulden betragen 34 Billionen Dollar.").value == D("34e12")
    assert only("The debt is 34 billion dollars.", "en").value == D("34e9")
    assert only("Musk Offers $97.4 Billion For OpenAI", "en").value == D("97.4e9")


@pytest.mark.parametrize(
    ("text", "unit", "value"),
    [
        ("Ein Gebot von 97,4 Milliarden US-Dollar.", "USD", "97.4e9"),
        ("Er bot 9,74 Mrd. Dollar.", "USD", "9.74e9"),
        ("Das Budget: 2,5 Mio. Franken.", "CHF", "2.5e6"),
        ("Die Bank verlor CHF 1,2 Mia.", "CHF", "1.2e9"),
        ("Der Kaffee kostet Fr. 2.50.", "CHF", "2.50"),
        ("Die Sanierung kostet 1'234.50 Franken.", "CHF", "1234.50"),
        ("Ein Brot kostet 3,20 €.", "EUR", "3.20"),
        ("Das Ticket kostet 45 Pfund.", "GBP", "45"),
        ("Bisher waren es 99 Cent.", "EUR", "0.99"),
        ("A stake worth £3bn.", "GBP", "3e9"),
    ],
)
def test_amounts_carry_their_currency_and_scale(text: str, unit: str, value: str) -> None:
    claim = only(text, "en" if text.startswith("A ") else "de")
    assert (claim.kind, claim.unit, claim.value) == (Kind.AMOUNT, unit, D(value))


def test_a_bare_figure_commits_to_its_rounding_only_when_scaled_or_decimal() -> None:
    bid = only("Sie boten 97,4 Milliarden Dollar.")
    assert (bid.low, bid.high) == (D("97.35e9"), D("97.45e9"))
    twitter = only("Twitter kostete 44 Milliarden Dollar.")
    assert (twitter.low, twitter.high) == (D("43.5e9"), D("44.5e9"))
    ticket = only("Das Ticket kostet 45 Euro.")
    assert (ticket.low, ticket.high) == (D(45), D(45))


def test_qualifiers_widen_the_interval_and_are_part_of_the_claim() -> None:
    claim = only("Das Angebot lag bei knapp 100 Milliarden Dollar.")
    assert claim.text == "knapp 100 Milliarden Dollar"
    assert (claim.low, claim.high, claim.qualifier) == (D("90e9"), D("100e9"), "knapp")
    over = only("Es waren über 97 Milliarden Dollar.")
    assert (over.low, over.high) == (D("97e9"), None)


def test_a_scaled_figure_without_currency_takes_it_from_the_sentence_before() -> None:
    [bid, twitter] = figures("Musk bot 97,4 Milliarden Dollar. Twitter kostete ihn 44 Milliarden.")
    assert (twitter.kind, twitter.unit) == (Kind.AMOUNT, "USD")
    assert bid.unit == "USD"


def test_a_scaled_figure_whose_currency_nobody_can_tell_is_no_claim() -> None:
    assert figures("Die Zahl der Einträge stieg auf 44 Milliarden.") == []


def test_ranges_and_negative_figures() -> None:
    both = only("Das Dach kostet 3 bis 5 Mio. Euro.")
    assert (both.low, both.high, both.value) == (D("3e6"), D("5e6"), None)
    between = only("Es kostet zwischen 12 und 15 Millionen Euro.")
    assert (between.low, between.high) == (D("12e6"), D("15e6"))
    fall = only("Der Umsatz sank um minus 2 Prozent.")
    assert (fall.value, fall.low, fall.high) == (D(-2), D("-2.5"), D("-1.5"))


def test_percentages_are_kept_apart_from_percentage_points() -> None:
    points, share = figures("Die Quote sank um 0,3 Prozentpunkte auf 3,5 Prozent.")
    assert (points.kind, points.unit, points.value) == (Kind.POINTS, "pp", D("0.3"))
    assert (share.kind, share.unit, share.value) == (Kind.PERCENT, "%", D("3.5"))
    assert only("The Fed cut by 25 basis points.", "en").value == D("0.25")


def test_from_one_share_to_another_both_are_shares() -> None:
    before, after = figures("Der Anteil stieg von 61 auf 64 Prozent.")
    assert (before.kind, before.value) == (Kind.PERCENT, D(61))
    assert (after.kind, after.value) == (Kind.PERCENT, D(64))


@pytest.mark.parametrize(
    ("text", "lang", "unit", "value"),
    [
        ("Die Firma hat 500 Mitarbeiter.", "de", "Mitarbeiter", 500),
        ("Es wurden drei Personen verletzt.", "de", "Person", 3),
        ("Er stellte 2000 neue Mitarbeiter ein.", "de", "Mitarbeiter", 2000),
        ("The storm left 12 people dead.", "en", "people", 12),
        ("About 8.5 million Windows devices crashed.", "en", "device", "8.5e6"),
    ],
)
def test_counts_name_the_counted_noun(text: str, lang: str, unit: str, value: object) -> None:
    claim = only(text, lang)
    assert (claim.kind, claim.unit, claim.value) == (Kind.COUNT, unit, D(str(value)))


@pytest.mark.parametrize(
    "text",
    [
        "Im Jahr 2015 Musk gründete die Firma.",
        "Am 10. Februar kam die Nachricht.",
        "Das Tor fiel in der 12. Minute.",
        "Treffpunkt ist um 14.30 Uhr am Bahnhof.",
        "Das Spiel endete 3:1 für die Gäste.",
        "Hotline: 044 123 45 67 Personen helfen gern.",
        "Laut Art. 5 Absatz 3 Satz 2 gilt das.",
        "Der 45-jährige Mann wurde verletzt.",
        "Die Post ging an Postfach, 8001 Zürich.",
        "In drei Jahren fehlt das Geld.",
        "Eine Tonne CO2 kostet viel.",
    ],
)
def test_years_ordinals_times_scores_phone_numbers_and_labels_are_not_counts(text: str) -> None:
    assert [c for c in figures(text) if c.kind is Kind.COUNT] == []


def test_an_english_quote_in_a_german_text_reads_english_numbers() -> None:
    claim = only('Er sagte: "We grew revenue by 1,250 million dollars last year."')
    assert (claim.value, claim.lang) == (D("1.25e9"), "en")


def test_several_hundred_or_thousand_is_vague() -> None:
    claim = only("Mehrere Tausend Menschen kamen zur Kundgebung.")
    assert (claim.kind, claim.unit, claim.vague) == (Kind.COUNT, "Mensch", True)
    assert (claim.value, claim.low, claim.high) == (None, D(2000), D(10000))


def test_an_elided_unit_is_taken_from_the_figure_before_when_unambiguous() -> None:
    visitors, last_year = figures("Die Messe zog 90'000 Besucher an. Im Vorjahr waren es 88'000.")
    assert (last_year.kind, last_year.unit, last_year.value) == (Kind.COUNT, "Besucher", D(88000))
    assert visitors.unit == "Besucher"
    cars = figures("It expects 1.8 million vehicles in 2024, down from 2 million.", "en")
    assert [(c.unit, c.value) for c in cars] == [("vehicle", D("1.8e6")), ("vehicle", D("2e6"))]
    # Fälle or Prozent? Nobody can tell, so no claim.
    assert len(figures("Es gab 465 Fälle, 82 Prozent mehr. 2013 seien es nur 137 gewesen.")) == 2
