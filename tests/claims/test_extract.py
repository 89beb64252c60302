"""extract: the whole pipeline, on the seed articles and on 1,028 real news articles."""

from __future__ import annotations

import csv
import dataclasses
import datetime as dt
from decimal import Decimal
from pathlib import Path
from typing import Any

from corrigenda.claims import Claim, Kind, extract
from corrigenda.claims.extract import _with

FEBRUARY_2025 = (dt.date(2025, 2, 1), dt.date(2025, 2, 28))


def _seed(seeds: Path, prefix: str) -> str:
    [path] = seeds.glob(f"{prefix}_*.txt")
    text = path.read_text(encoding="utf-8")
    marker = " date 2025-02 "
    return text.removeprefix(marker) if text.startswith(marker) else text


def _amounts(claims: list[Claim]) -> set[tuple[str | None, Decimal]]:
    return {
        (c.unit, c.value) for c in claims if c.kind is Kind.AMOUNT and isinstance(c.value, Decimal)
    }


def _years(claims: list[Claim]) -> dict[str, tuple[object, object]]:
    return {c.text: (c.low, c.high) for c in claims if c.kind is Kind.DATE}


YEAR_2015 = (dt.date(2015, 1, 1), dt.date(2015, 12, 31))


def test_the_first_seed_yields_the_bid_the_offer_ten_years_ago_and_altman_s_post(
    seeds: Path,
) -> None:
    claims = extract(_seed(seeds, "000"), published=FEBRUARY_2025)
    assert {("USD", Decimal("97.4e9")), ("USD", Decimal("9.74e9"))} <= _amounts(claims)
    assert _years(claims)["vor zehn Jahren"] == YEAR_2015
    [post] = [c for c in claims if c.kind is Kind.QUOTE and "buy twitter" in c.text]
    assert post.speaker is not None
    assert "Altman" in post.speaker
    assert post.said_on == dt.date(2025, 2, 10)
    assert post.lang == "en"
    [offer] = [c for c in claims if c.text == "$9.74 billion"]
    assert offer.lang == "en"


def test_the_second_seed_yields_the_bid_2015_2022_and_the_twitter_price(seeds: Path) -> None:
    claims = extract(_seed(seeds, "001"), published=dt.date(2025, 2, 11))
    amounts = _amounts(claims)
    assert {("USD", Decimal("97.4e9")), ("USD", Decimal("9.74e9"))} <= amounts
    assert ("USD", Decimal("44e9")) in amounts
    years = _years(claims)
    assert YEAR_2015 in years.values()
    assert (dt.date(2022, 1, 1), dt.date(2022, 12, 31)) in years.values()
    assert not [c for c in claims if c.kind is not Kind.DATE and c.text.startswith("20")]


def test_a_date_wins_over_a_count_of_the_same_words() -> None:
    claims = extract(
        "Musk hat OpenAI vor zehn Jahren mitgegründet.", published=dt.date(2025, 2, 11)
    )
    assert [(c.kind, c.text) for c in claims] == [(Kind.DATE, "vor zehn Jahren")]


def test_claims_carry_their_context() -> None:
    [bid] = extract("Ein Konsortium um Elon Musk bot 97,4 Milliarden Dollar für OpenAI.")
    assert {"Elon Musk", "OpenAI"} <= set(bid.entities)
    assert "konsortium" in bid.lemmas


def test_adding_context_keeps_every_field_the_finders_set() -> None:
    # The context is filled into the claim the finder built (its two fields only): any
    # other field changed on the way would corrupt what the finder found.
    placeholders: dict[str, Any] = {f.name: object() for f in dataclasses.fields(Claim)}
    found = Claim(**placeholders)
    with_context = _with(found, ("Altman",), ("angebot",))
    assert (with_context.entities, with_context.lemmas) == (("Altman",), ("angebot",))
    for f in dataclasses.fields(Claim):
        if f.name not in ("entities", "lemmas"):
            assert getattr(with_context, f.name) is getattr(found, f.name), f.name


def test_a_figure_knows_the_time_it_refers_to() -> None:
    share, month = extract(
        "Die Inflation lag im Oktober bei 2,0 Prozent.", published=dt.date(2024, 11, 1)
    )[::-1]
    assert month.kind is Kind.DATE
    assert share.lemmas[0] == "date:2024-10-01..2024-10-31"


def test_a_publication_month_resolves_relative_dates_against_both_its_ends() -> None:
    [years_ago] = extract("Er gründete die Firma vor zehn Jahren.", published=FEBRUARY_2025)
    assert (years_ago.low, years_ago.high) == YEAR_2015
    [monday] = extract("Er kündigte es am Montag an.", published=FEBRUARY_2025)
    assert isinstance(monday.low, dt.date)
    assert isinstance(monday.high, dt.date)
    assert monday.low < monday.high  # any Monday of February 2025 (or just before)


def test_every_10kgnad_article_goes_through_extract(gnad_csv: Path) -> None:
    with gnad_csv.open(encoding="utf-8", newline="") as file:
        articles = [row[1] for row in csv.reader(file, delimiter=";", quotechar="'")]
    assert len(articles) == 1028
    total = 0
    for text in articles:
        claims = extract(text, lang="de")
        total += len(claims)
        for claim in claims:
            assert text[claim.start : claim.end] == claim.text
            assert claim.text in claim.sentence or claim.kind is Kind.QUOTE
            if isinstance(claim.low, Decimal) and isinstance(claim.high, Decimal):
                assert claim.low <= claim.high, claim
    print(f"10kGNAD: {total} claims in {len(articles)} articles, {total / len(articles):.1f} each")
    assert total > len(articles)  # real news is full of figures and dates
