"""Dates as a careful reader takes them: years told apart from counts, relative dates
resolved against the publication date, vague ones kept vague."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from corrigenda.claims import sentences
from corrigenda.claims.dates import find_dates, read_date
from corrigenda.claims.model import Claim

TUESDAY = dt.date(2025, 2, 11)  # publication date of most examples


def dates(text: str, published: dt.date | None = TUESDAY, lang: str = "de") -> list[Claim]:
    return find_dates(text, sentences.split(text), lang=lang, published=published)


def only(text: str, published: dt.date | None = TUESDAY, lang: str = "de") -> Claim:
    found = dates(text, published, lang)
    assert len(found) == 1, [c.text for c in found]
    return found[0]


def span(claim: Claim) -> tuple[dt.date | None, dt.date | None]:
    low, high = claim.low, claim.high
    assert low is None or isinstance(low, dt.date)
    assert high is None or isinstance(high, dt.date)
    return low, high


# --- the seeds -------------------------------------------------------------------------


def _seed(seeds: Path, prefix: str) -> str:
    return next(seeds.glob(f"{prefix}_*.txt")).read_text(encoding="utf-8")


@pytest.mark.parametrize("published", [dt.date(2025, 2, 1), dt.date(2025, 2, 28)])
def test_seed_000_dates_ten_years_ago_to_2015_and_reads_the_posts_date(
    seeds: Path, published: dt.date
) -> None:
    found = {c.text: c for c in dates(_seed(seeds, "000"), published)}
    assert found["vor zehn Jahren"].value == "2015"
    assert span(found["vor zehn Jahren"]) == (dt.date(2015, 1, 1), dt.date(2015, 12, 31))
    post_date = found["February 10, 2025"]
    assert (post_date.value, post_date.lang) == ("2025-02-10", "en")


def test_seed_001_finds_its_years_and_keeps_a_few_years_later_vague(seeds: Path) -> None:
    found = dates(_seed(seeds, "001"))
    values = [c.value for c in found if not c.vague]
    assert {"2015", "2022", "2023"} <= set(values)
    later = next(c for c in found if c.text == "einige Jahre später")
    assert later.vague
    assert (later.low, later.high) == (None, None)
    assert "2025" not in values  # no year hides in the text


# --- years and the numbers that are not years ---------------------------------------


@pytest.mark.parametrize(
    ("text", "year"),
    [
        ("Die Firma wurde im Jahr 2015 gegründet.", "2015"),
        ("Seit 2015 gehört sie einer Holding.", "2015"),
        ("2015 gründete er seine erste Firma.", "2015"),
        ("Bis 2030 will die Stadt klimaneutral sein.", "2030"),
        ("Er hat das Unternehmen 2015 verlassen.", "2015"),
        ("Die Prognose für 2026 ist vorsichtig.", "2026"),
        ("Die Brücke stammt aus dem Jahr 1887.", "1887"),
        ("The company was founded in 2015.", "2015"),
        ("2015 was a difficult year for the airline.", "2015"),
        ("The bank was founded in 1694.", "1694"),
    ],
)
def test_a_four_digit_number_in_a_year_like_context_is_a_year(text: str, year: str) -> None:
    lang = "en" if text.startswith(("The", "2015 was")) else "de"
    claim = only(text, lang=lang)
    assert (claim.value, claim.granularity) == (year, "year")
    assert span(claim) == (dt.date(int(year), 1, 1), dt.date(int(year), 12, 31))


@pytest.mark.parametrize(
    "text",
    [
        "Die Firma beschäftigt 2015 Mitarbeiter.",
        "Der Eintritt kostet 2015 Euro.",
        "Die Halle hat Platz für 1999 Zuschauer.",
        "Das Zitat steht auf Seite 2015.",
        "Die Hotline erreichen Sie unter 044 2015 12 12.",
        "Auskunft gibt die Verwaltung, Postfach, 8001 Zürich.",
        "Die Anfrage geht an die Zentrale in 1010 Wien.",
        "Die Anlage steht seit 1500 Jahren.",
        "The company employs 2015 engineers.",
        "Der Anteil stieg auf 2015 Prozent der Basis.",
    ],
)
def test_counts_amounts_postcodes_and_phone_numbers_are_not_years(text: str) -> None:
    lang = "en" if text.startswith("The") else "de"
    assert dates(text, lang=lang) == []


@pytest.mark.parametrize(
    "text",
    [
        "Die Sitzung beginnt um 14.30 Uhr.",
        "Der FC Thun gewann das Spiel 2:1.",
        "Das Update auf Version 2.10.25 erscheint für iOS 17.2.1.",
        "Das Tor fiel in der 89. Minute.",
        "Trading starts at 9:30 a.m.",
        "Im Ziel: 1. Jan Frodeno, 2. Andreas Raelert.",
    ],
)
def test_times_scores_rankings_and_versions_are_not_dates(text: str) -> None:
    assert dates(text, lang="en" if text.startswith("Trading") else "de") == []


# --- absolute dates ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Der Vertrag wurde am 10. Februar 2025 unterschrieben.", "2025-02-10"),
        ("Der Vertrag gilt seit dem 10.2.2025.", "2025-02-10"),
        ("Das Protokoll trägt das Datum 10.02.2025 und wurde verschickt.", "2025-02-10"),
        ("Eingang: 10.02.25, bearbeitet.", "2025-02-10"),
        ("Die Frist endete am 2025-02-10.", "2025-02-10"),
        ("Am 3. Feber wurde die Entscheidung veröffentlicht.", "2025-02-03"),
        ("The shares were listed on February 10, 2025.", "2025-02-10"),
        ("The idea was first pitched on 10 February 2025.", "2025-02-10"),
        ("The board met again on Feb. 6.", "2025-02-06"),
    ],
)
def test_a_day_is_read_in_german_austrian_and_english_notation(text: str, value: str) -> None:
    lang = "en" if text.startswith("The") else "de"
    claim = only(text, lang=lang)
    assert (claim.value, claim.granularity) == (value, "day")
    assert span(claim) == (dt.date.fromisoformat(value), dt.date.fromisoformat(value))


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Im Februar 2024 legte die Firma ihre Bilanz vor.", "2024-02"),
        ("Im Jänner 2024 zählten die Wiener Linien so viele Fahrgäste wie nie.", "2024-01"),
        ("Inflation peaked in October 2022.", "2022-10"),
    ],
)
def test_a_month_with_its_year(text: str, value: str) -> None:
    claim = only(text, lang="en" if text.startswith("Inflation") else "de")
    assert (claim.value, claim.granularity) == (value, "month")


def test_an_english_date_in_german_text_has_the_language_of_its_words() -> None:
    claim = only("Der Beitrag trägt das Datum February 10, 2025 und wurde geteilt.")
    assert claim.lang == "en"


def test_a_claim_carries_its_sentence_and_its_exact_surface_text() -> None:
    text = "Die Firma wuchs stark. Seit 2019 gehört sie einer Holding. Das war gut."
    claim = only(text)
    assert claim.sentence == "Seit 2019 gehört sie einer Holding."
    assert text[claim.start : claim.end] == claim.text == "2019"


# --- days and months without a year --------------------------------------------------


@pytest.mark.parametrize(
    ("text", "value"),
    [
        # Past tense: the most recent such day or month.
        ("Am 20. Dezember hatte der Rat entschieden.", "2024-12-20"),
        ("Im Juli war die Bilanz noch negativ.", "2024-07"),
        # Future or a scheduled event: the next one.
        ("Am 20. Dezember wird der Rat entscheiden.", "2025-12-20"),
        ("Die Zahlen erscheinen im Februar.", "2025-02"),
        ("Die Züge fahren ab Dezember.", "2025-12"),
        # Present tense, no tense told: the one nearest to publication.
        ("Baubeginn ist am 3. März.", "2025-03-03"),
        ("Der Vertrag vom 10. Februar liegt vor.", "2025-02-10"),
        # An English factory ("plant") is not the German "plant" (plans).
        ("The plant was halted for two weeks in September.", "2024-09"),
    ],
)
def test_a_day_or_month_without_year_takes_the_year_its_clause_points_to(
    text: str, value: str
) -> None:
    assert only(text, lang="en" if text.startswith("The") else "de").value == value


def test_a_day_or_month_without_year_takes_the_year_its_clause_states() -> None:
    found = dates("Nächstes Jahr soll die Messe Ende Juni stattfinden.", dt.date(2025, 6, 16))
    assert [(c.text, span(c)) for c in found] == [
        ("Nächstes Jahr", (dt.date(2026, 1, 1), dt.date(2026, 12, 31))),
        ("Ende Juni", (dt.date(2026, 6, 21), dt.date(2026, 6, 30))),
    ]


def test_without_publication_date_a_day_without_year_is_kept_without_bounds() -> None:
    claim = only("Am 3. März beginnt der Bau.", published=None)
    assert claim.vague
    assert span(claim) == (None, None)
    assert claim.value == "--03-03"


# --- relative dates ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "low", "high"),
    [
        ("Die Stiftung wurde vor zehn Jahren gegründet.", "2015-01-01", "2015-12-31"),
        ("Im vergangenen Jahr wechselte die Leitung.", "2024-01-01", "2024-12-31"),
        ("Letztes Jahr wechselte die Leitung.", "2024-01-01", "2024-12-31"),
        ("In diesem Jahr bleibt das Büro offen.", "2025-01-01", "2025-12-31"),
        ("Heuer bleibt das Büro offen.", "2025-01-01", "2025-12-31"),
        ("Die Umsetzung folgt nächstes Jahr.", "2026-01-01", "2026-12-31"),
        ("Im Vorjahr sank der Umsatz.", "2024-01-01", "2024-12-31"),
        ("Ende vergangenen Jahres sank der Umsatz.", "2024-09-01", "2024-12-31"),
        ("Letzte Woche tagte der Vorstand.", "2025-02-03", "2025-02-09"),
        ("Vergangene Woche tagte der Vorstand.", "2025-02-03", "2025-02-09"),
        ("Gestern legte er den Plan vor.", "2025-02-10", "2025-02-10"),
        ("Vorgestern legte er den Plan vor.", "2025-02-09", "2025-02-09"),
        ("Heute legt er den Plan vor.", "2025-02-11", "2025-02-11"),
        ("Die Prüfung begann vor drei Monaten.", "2024-11-01", "2024-11-30"),
        ("Anfang März soll der Rat entscheiden.", "2025-03-01", "2025-03-10"),
        ("In den letzten zehn Jahren stieg die Zahl.", "2015-01-01", "2025-02-11"),
    ],
)
def test_relative_dates_resolve_against_the_publication_date(
    text: str, low: str, high: str
) -> None:
    claim = only(text)
    assert span(claim) == (dt.date.fromisoformat(low), dt.date.fromisoformat(high))
    assert not claim.vague


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Last year revenue doubled.", "2024"),
        ("Last week the firm hired an auditor.", "2025-W06"),
        ("Yesterday the council approved the budget.", "2025-02-10"),
        ("Three months ago the firm opened an office.", "2024-11"),
        ("The plan takes effect next year.", "2026"),
    ],
)
def test_english_relative_dates(text: str, value: str) -> None:
    assert only(text, lang="en").value == value


def test_approximation_widens_the_distance_instead_of_being_ignored() -> None:
    almost = only("Die Firma wurde vor knapp zehn Jahren gegründet.")
    assert span(almost) == (dt.date(2015, 1, 1), dt.date(2017, 12, 31))
    assert almost.qualifier == "knapp"
    more = only("Die Firma wurde vor mehr als zehn Jahren gegründet.")
    assert span(more) == (dt.date(2013, 1, 1), dt.date(2015, 12, 31))


@pytest.mark.parametrize(
    ("text", "published", "value"),
    [
        # Wednesday 12 February 2025: "am Montag" reported in the past is two days before.
        ("Am Montag präsentierte die Polizei ihre Bilanz.", dt.date(2025, 2, 12), "2025-02-10"),
        # Published on a Monday, "am Montag" is that day.
        ("Am Montag präsentierte die Polizei ihre Bilanz.", dt.date(2025, 2, 10), "2025-02-10"),
        ("Am Freitag wird der Minister Stellung nehmen.", dt.date(2025, 2, 12), "2025-02-14"),
        ("Das nächste Spiel findet am Samstag statt.", dt.date(2024, 4, 8), "2024-04-13"),
        (
            "Die Gewerkschaft hat für Donnerstag zum Streik aufgerufen.",
            dt.date(2024, 2, 20),
            "2024-02-22",
        ),
        ("Am vergangenen Sonntag gab es eine Demo.", dt.date(2025, 2, 12), "2025-02-09"),
        ("Die Demo ist für den kommenden Dienstag geplant.", dt.date(2025, 2, 12), "2025-02-18"),
        ("The vote is expected on Thursday.", dt.date(2024, 6, 19), "2024-06-20"),
    ],
)
def test_a_weekday_is_the_last_one_before_publication_unless_the_clause_looks_ahead(
    text: str, published: dt.date, value: str
) -> None:
    assert only(text, published, "en" if text.startswith("The") else "de").value == value


@pytest.mark.parametrize(
    "text",
    [
        "Der Markt findet montags statt.",
        "Black Friday sales fell sharply.",
        "Heute ist die Firma Marktführer.",
        "Das gilt bis heute.",
    ],
)
def test_habits_names_and_nowadays_are_not_dates(text: str) -> None:
    assert dates(text, lang="en" if text.startswith("Black") else "de") == []


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Die Idee entstand vor einigen Jahren.", "de"),
        ("Einige Jahre später kam der erste Investor.", "de"),
        ("Seit Jahren wächst das Team.", "de"),
        ("Zwei Jahre später war alles anders.", "de"),
        ("In den vergangenen Jahren wuchs das Team.", "de"),
        ("A few years ago it had just two rooms.", "en"),
        ("Years later, nobody remembered the dispute.", "en"),
    ],
)
def test_vague_phrases_are_kept_but_never_guessed(text: str, lang: str) -> None:
    claim = only(text, lang=lang)
    assert claim.vague
    assert span(claim) == (None, None)


def test_without_publication_date_relative_dates_are_vague_not_guessed() -> None:
    found = dates("Vor zehn Jahren gründete sie die Firma, gestern verkaufte sie sie.", None)
    assert [c.text for c in found] == ["Vor zehn Jahren", "gestern"]
    assert all(c.vague and c.low is None and c.high is None for c in found)


# --- ranges, decades, seasons, quarters ----------------------------------------------


@pytest.mark.parametrize(
    ("text", "low", "high"),
    [
        ("Von 2015 bis 2018 leitete sie das Institut.", "2015-01-01", "2018-12-31"),
        ("Zwischen 2015 und 2018 leitete sie das Institut.", "2015-01-01", "2018-12-31"),
        ("Die Studie lief 2010–2014 an drei Orten.", "2010-01-01", "2014-12-31"),
        ("In der Saison 2024/25 spielt der Club auswärts.", "2024-01-01", "2025-12-31"),
        ("Der Kongress tagte vom 10. bis 12. März 2025.", "2025-03-10", "2025-03-12"),
        ("Die Ausstellung ist von Februar bis April 2025 zu sehen.", "2025-02-01", "2025-04-30"),
        ("Mitte der 1990er-Jahre begann der Boom.", "1994-01-01", "1996-12-31"),
        ("In den 1990ern begann der Boom.", "1990-01-01", "1999-12-31"),
        ("Die 80er-Jahre waren anders.", "1980-01-01", "1989-12-31"),
        ("In den Achtzigerjahren war davon nichts zu spüren.", "1980-01-01", "1989-12-31"),
        ("Das Haus stammt aus dem 19. Jahrhundert.", "1800-01-01", "1899-12-31"),
        ("Im ersten Quartal 2024 sank der Absatz.", "2024-01-01", "2024-03-31"),
        ("Im Sommer 2023 begann der Umbau.", "2023-06-01", "2023-08-31"),
        ("Die Arbeiten dauern bis Ende 2025.", "2025-09-01", "2025-12-31"),
        ("Between 2020 and 2022 spending rose.", "2020-01-01", "2022-12-31"),
        ("The plan dates back to the late 1990s.", "1997-01-01", "1999-12-31"),
    ],
)
def test_ranges_decades_seasons_and_quarters(text: str, low: str, high: str) -> None:
    lang = "en" if text.startswith(("Between", "The")) else "de"
    claim = only(text, lang=lang)
    assert span(claim) == (dt.date.fromisoformat(low), dt.date.fromisoformat(high))


def test_a_range_says_both_ends_in_its_value() -> None:
    claim = only("Von 2015 bis 2018 leitete sie das Institut.")
    assert (claim.value, claim.granularity) == ("2015/2018", "range")


def test_in_den_fuenfzigern_is_an_age_not_a_decade() -> None:
    assert dates("Der Täter ist ein Mann in den 50ern.") == []


# --- reading a single date -----------------------------------------------------------


@pytest.mark.parametrize(
    ("phrase", "day"),
    [
        ("February 10, 2025", dt.date(2025, 2, 10)),
        ("10. Februar 2025", dt.date(2025, 2, 10)),
        ("10.02.2025", dt.date(2025, 2, 10)),
        ("sometime soon", None),
    ],
)
def test_read_date_reads_the_date_of_a_post_signature(phrase: str, day: dt.date | None) -> None:
    assert read_date(phrase) == day


def test_every_rule_match_holds_what_its_rule_requires() -> None:
    """A rule skips windows without its `required` pattern, which therefore must be found
    in every match of the rule (checked on the annotated corpus)."""
    from corrigenda.claims.dates import _RULES
    from tests.claims.corpus_format import texts

    corpus = [t.text for t in texts()]
    checked = 0
    for pattern, _, _, required in _RULES:
        if required is None:
            continue
        for text in corpus:
            for match in pattern.finditer(text):
                # From the match on (a rule's look-ahead may hold the rest of it).
                found = required.search(text, match.start())
                assert found is not None, match[0]
                assert found.start() < match.end(), match[0]
                checked += 1
    assert checked > 50
