"""Feature keys that must travel across outlets and languages."""

from __future__ import annotations

import datetime as dt

from corrigenda.stories.features import article_features, entity_keys, fold

DAY = dt.date(2025, 2, 11)


def _features(text: str, lang: str) -> frozenset[str]:
    return article_features(id="a", text=text, lang=lang, published=DAY).figures


def test_the_same_amount_in_german_and_english_is_the_same_key() -> None:
    german = _features("Das Konsortium bietet 97,4 Milliarden Dollar für OpenAI.", "de")
    english = _features("The consortium offers $97.4 billion for OpenAI.", "en")
    swiss = _features("Das Konsortium bietet 97,4 Mrd. Dollar für OpenAI.", "de")
    assert german & english & swiss >= {"USD 9.74e+10"}


def test_a_wrong_figure_keeps_only_the_coarse_key_in_common() -> None:
    right = _features("Altman bot 9,74 Milliarden Dollar für Twitter.", "de")
    wrong = _features("Altman bot 9,75 Milliarden Dollar für Twitter.", "de")
    assert "USD 9.74e+09" in right
    assert "USD 9.74e+09" not in wrong
    rounded = _features("Die Behörden zählen rund 1600 Tote.", "de")
    exact = _features("Die Zahl der Toten stieg auf 1644 Tote.", "de")
    assert rounded & exact


def test_swiss_thousands_read_like_everyone_elses() -> None:
    swiss = _features("Bis 2030 fallen über 35'000 Stellen weg.", "de")
    german = _features("Bis 2030 fallen mehr als 35.000 Stellen weg.", "de")
    english = _features("It will cut more than 35,000 jobs by 2030.", "en")
    assert swiss & german & english


def test_names_are_folded_and_known_by_surname() -> None:
    assert entity_keys("Elon Musk") == {"elon musk", "musk"}
    assert fold("FPÖ") == "fpo" == fold("FPO")
    assert fold("Musk's") == "musk"
    assert fold("In Bangkok") == "bangkok"
    assert fold("Großbank") == fold("Grossbank")


def test_dates_keep_the_precision_the_text_gives() -> None:
    features = article_features(
        id="a",
        text="OpenAI wurde 2015 gegründet. Im Februar 2024 klagte Musk. Am Montag kam das Angebot.",
        lang="de",
        published=DAY,
    )
    assert {"2015", "2024-02", "2025-02-10"} <= features.dates


def test_lemmas_come_from_the_title_and_the_lead_only() -> None:
    lead = "Der Vorstand beschloss die Fusion. " * 7
    features = article_features(
        id="a", text=lead + "Am Ende stand ein Feuerwerk.", lang="de", published=DAY
    )
    assert "feuerwerk" not in features.lemmas
    assert "fusion" in features.lemmas
