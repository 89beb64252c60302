"""The pre-check's judgement, pure: reading the reader's fix and weighing the sources."""

from __future__ import annotations

import datetime as dt
import json
from decimal import Decimal
from typing import Any

from corrigenda.claims import extract
from corrigenda.desk.verdict import (
    REASONS,
    Hint,
    Reading,
    Side,
    Source,
    fix_in_description,
    judge,
    read,
)

DAY = dt.date(2025, 6, 3)
ARTICLE = (
    "Der Basler Pharmakonzern Varentis hat am Montag ein Übernahmeangebot für Kelmor "
    "vorgelegt. Varentis bietet 9,75 Milliarden Dollar für sämtliche Aktien von Kelmor. "
    "Das entspricht einem Aufschlag von 42 Prozent auf den Schlusskurs vom Freitag. "
    "„Das ist ein wichtiger Schritt für unsere Forschung“, sagte Varentis-Chefin Miriam "
    "Obrist. Im Vorjahr stieg der Umsatz des Konzerns um 12 Prozent auf 4,5 Milliarden "
    "Franken."
)


def passage(text: str, fix: str = "", *, article: str = ARTICLE) -> tuple[Reading, ...]:
    start = article.index(text)
    return read(article, start, start + len(text), fix, lang="de", published=DAY)


def source(name: str, text: str) -> Source:
    claims = tuple(extract(text, lang="de", published=DAY))
    return Source(
        name.lower(), name, f"{name}: Varentis", f"https://{name.lower()}.example/", claims
    )


def offer(amount: str, name: str) -> Source:
    return source(
        name,
        f"Varentis legte am Montag ein Übernahmeangebot vor und bietet {amount} Dollar für "
        "die Aktien von Kelmor. Der Aufschlag auf den Börsenkurs beträgt 42 Prozent.",
    )


# ---------------------------------------------------------------- reading the fix


def test_a_figure_alone_is_read_in_the_place_of_the_passages_figure() -> None:
    for fix in ("9,74 Milliarden", "9,74", "9,74 Milliarden Dollar", "9,74 Mrd. Dollar"):
        (reading,) = passage("Varentis bietet 9,75 Milliarden Dollar", fix)
        assert reading.claim.text == "9,75 Milliarden Dollar"
        assert reading.fix is not None, fix
        assert reading.fix.unit == "USD"
        assert reading.fix.value == Decimal("9.74e9"), fix
        assert reading.fix.sentence.startswith("Varentis bietet 9,74")


def test_a_figure_with_its_unit_corrects_the_claim_of_that_unit() -> None:
    readings = passage(
        "Im Vorjahr stieg der Umsatz des Konzerns um 12 Prozent auf 4,5 Milliarden Franken",
        "14 Prozent",
    )
    fixes = {r.claim.text: r.fix.text if r.fix else None for r in readings}
    assert fixes == {"Vorjahr": None, "12 Prozent": "14 Prozent", "4,5 Milliarden Franken": None}


def test_a_bare_figure_corrects_the_claim_nearest_in_value() -> None:
    readings = passage(
        "Im Vorjahr stieg der Umsatz des Konzerns um 12 Prozent auf 4,5 Milliarden Franken",
        "4,7 Milliarden",
    )
    fixes = {r.claim.text: r.fix.text if r.fix else None for r in readings}
    assert fixes == {
        "Vorjahr": None,
        "12 Prozent": None,
        "4,5 Milliarden Franken": "4,7 Milliarden Franken",
    }


def test_a_corrected_sentence_disputes_only_what_it_changes() -> None:
    readings = passage(
        "Im Vorjahr stieg der Umsatz des Konzerns um 12 Prozent auf 4,5 Milliarden Franken.",
        "Im Vorjahr stieg der Umsatz des Konzerns um 12 Prozent auf 4,2 Milliarden Franken.",
    )
    assert [(r.claim.text, r.fix.text if r.fix else None) for r in readings] == [
        ("Vorjahr", None),
        ("12 Prozent", None),
        ("4,5 Milliarden Franken", "4,2 Milliarden Franken"),
    ]


def test_a_name_alone_corrects_the_speaker_of_a_quotation() -> None:
    (reading,) = passage(
        "„Das ist ein wichtiger Schritt für unsere Forschung“, sagte Varentis-Chefin Miriam Obrist",
        "Lukas Graber",
    )
    assert reading.claim.speaker == "Miriam Obrist"
    assert reading.fix is not None
    assert reading.fix.speaker == "Lukas Graber"
    assert reading.fix.value == reading.claim.value


def test_a_passage_without_a_claim_brings_its_sentences_claims_undisputed() -> None:
    readings = passage("sämtliche Aktien", "die Mehrheit der Aktien")
    assert [(r.claim.text, r.fix) for r in readings] == [("9,75 Milliarden Dollar", None)]


def test_no_fix_disputes_nothing() -> None:
    (reading,) = passage("Varentis bietet 9,75 Milliarden Dollar")
    assert reading.fix is None


def test_the_one_new_figure_of_a_description_is_the_fix() -> None:
    disputed = "Varentis bietet 9,75 Milliarden Dollar"
    for description, fix in (
        ("Im Artikel steht 9,75, es sind aber 9,74 Milliarden.", "9,74 Milliarden"),
        ("Es sind 9,74 Mrd. (https://www.reuters.example/2025/02/11/x).", "9,74 Mrd."),
        ("Richtig ist 9,74 – die 9,75 stimmen nicht.", "9,74"),
    ):
        assert fix_in_description(description, disputed) == fix, description


def test_a_description_without_one_new_figure_gives_no_fix() -> None:
    disputed = "Varentis bietet 9,75 Milliarden Dollar"
    for description in (
        "Die Zahl ist falsch.",
        "Die 9,75 stimmen nicht.",  # only the passage's own figure
        "Es sind 9,74 oder 9,73 Milliarden.",  # two to choose from: no guessing
    ):
        assert fix_in_description(description, disputed) == "", description


# ---------------------------------------------------------------- judging


def test_sources_with_the_readers_figure_make_a_likely_error() -> None:
    readings = passage("Varentis bietet 9,75 Milliarden Dollar", "9,74 Milliarden")
    found = judge(readings, [offer("9,74 Milliarden", "Alpenpost"), offer("9,74 Mrd.", "Kurier")])

    assert found.hint is Hint.LIKELY_ERROR
    assert found.code == "fix_supported"
    assert found.reason == (
        "2 of 2 sources give the reader's “9,74 Milliarden Dollar”, "
        "none the article's “9,75 Milliarden Dollar”."
    )
    (claim,) = found.claims
    assert [s.source.outlet for s in claim.side(Side.READER)] == ["Alpenpost", "Kurier"]
    assert claim.side(Side.READER)[0].claim.sentence.startswith("Varentis legte am Montag")


def test_sources_with_the_articles_figure_make_it_likely_correct() -> None:
    readings = passage("Varentis bietet 9,75 Milliarden Dollar", "9,74 Milliarden")
    found = judge(readings, [offer("9,75 Milliarden", "Alpenpost"), offer("9,75 Mrd.", "Kurier")])

    assert found.hint is Hint.LIKELY_CORRECT
    assert found.code == "article_supported"
    assert len(found.claims[0].side(Side.ARTICLE)) == 2


def test_a_source_repeating_the_articles_sentence_is_shown_but_not_counted() -> None:
    readings = passage("Varentis bietet 9,75 Milliarden Dollar", "9,74 Milliarden")
    copy = source("Agentur", ARTICLE.replace("vorgelegt.", "vorgelegt, meldet die Agentur."))
    own = offer("9,75 Milliarden", "Alpenpost")  # the same figure in other words

    only_copy = judge(readings, [copy])
    assert (only_copy.hint, only_copy.code) == (Hint.UNDECIDABLE, "only_copies")
    assert only_copy.reason == (
        "No other source states “9,75 Milliarden Dollar” in its own words "
        "(sources repeating the article's sentence: 1)."
    )
    (said,) = only_copy.claims[0].side(Side.ARTICLE)
    assert said.copied
    assert said.as_json()["copied"] is True

    with_own = judge(readings, [copy, offer("9,74 Mrd.", "Kurier")])
    assert (with_own.hint, with_own.code) == (Hint.LIKELY_ERROR, "fix_supported")
    assert with_own.params["total"] == 1
    assert with_own.params["copies"] == 1

    confirmed = judge(readings, [copy, own])
    assert (confirmed.hint, confirmed.params["article"]) == (Hint.LIKELY_CORRECT, 1)
    assert not any(s.copied for s in confirmed.claims[0].said if s.source.outlet == "Alpenpost")


def test_split_sources_or_none_are_undecidable() -> None:
    readings = passage("Varentis bietet 9,75 Milliarden Dollar", "9,74 Milliarden")

    split = judge(readings, [offer("9,75 Milliarden", "Alpenpost"), offer("9,74 Mrd.", "Kurier")])
    assert (split.hint, split.code) == (Hint.UNDECIDABLE, "sources_split")
    assert split.params["article"] == 1
    assert split.params["reader"] == 1

    nothing = judge(readings, [source("Alpenpost", "Der Zoo Basel hat einen neuen Elefanten.")])
    assert (nothing.hint, nothing.code) == (Hint.UNDECIDABLE, "no_sources")
    assert nothing.reason == "No other source states “9,75 Milliarden Dollar”."


def test_sources_that_contradict_the_article_without_a_fix_make_a_likely_error() -> None:
    readings = passage("Varentis bietet 9,75 Milliarden Dollar")
    found = judge(readings, [offer("9,74 Milliarden", "Alpenpost"), offer("9,74 Mrd.", "Kurier")])
    assert (found.hint, found.code) == (Hint.LIKELY_ERROR, "article_contradicted")
    assert "for example “9,74 Milliarden Dollar”" in found.reason

    confirmed = judge(readings, [offer("9,75 Milliarden", "Alpenpost")])
    assert (confirmed.hint, confirmed.code) == (Hint.LIKELY_CORRECT, "article_confirmed")


def test_the_readers_figure_far_from_the_articles_is_still_matched() -> None:
    # A slip of a power of ten: the article's figure is too far from the sources' to be
    # grouped with them, the reader's version is not.
    article = ARTICLE.replace("9,75 Milliarden", "97,5 Milliarden")
    readings = passage("Varentis bietet 97,5 Milliarden Dollar", "9,74", article=article)
    found = judge(readings, [offer("9,74 Milliarden", "Alpenpost")])
    assert (found.hint, found.code) == (Hint.LIKELY_ERROR, "fix_supported")


def test_a_figure_about_something_else_is_not_compared() -> None:
    readings = passage("Aufschlag von 42 Prozent", "40 Prozent")
    unrelated = source("Alpenpost", "Die Arbeitslosenquote im Kanton Basel sank auf 40 Prozent.")
    assert judge(readings, [unrelated]).code == "no_sources"


def test_the_disputed_claim_decides_not_its_undisputed_neighbours() -> None:
    readings = passage(
        "Im Vorjahr stieg der Umsatz des Konzerns um 12 Prozent auf 4,5 Milliarden Franken.",
        "Im Vorjahr stieg der Umsatz des Konzerns um 12 Prozent auf 4,2 Milliarden Franken.",
    )
    report = source(
        "Kurier",
        "Der Umsatz von Varentis stieg im Vorjahr um 12 Prozent auf 4,5 Milliarden Franken.",
    )
    found = judge(readings, [report])
    assert found.hint is Hint.LIKELY_CORRECT
    assert found.params["text"] == "4,5 Milliarden Franken"


def test_no_claims_is_undecidable() -> None:
    found = judge([], [offer("9,74 Milliarden", "Alpenpost")])
    assert (found.hint, found.code) == (Hint.UNDECIDABLE, "no_claims")
    assert found.reason == REASONS["no_claims"]


# ---------------------------------------------------------------- quotations


QUOTE = "„Das ist ein wichtiger Schritt für unsere Forschung“, sagte Varentis-Chefin Miriam Obrist"


def test_a_quotation_is_checked_for_its_speaker() -> None:
    readings = passage(QUOTE, "Lukas Graber")
    right = source(
        "Alpenpost", "„Das ist ein wichtiger Schritt für unsere Forschung“, sagte Miriam Obrist."
    )
    unnamed = source("Kurier", "„Das ist ein wichtiger Schritt für unsere Forschung“, hiess es.")
    found = judge(readings, [right, unnamed])

    assert found.hint is Hint.LIKELY_CORRECT
    (claim,) = found.claims
    assert [s.source.outlet for s in claim.said] == ["Alpenpost"]  # no speaker: no say

    other = source(
        "Alpenpost", "„Das ist ein wichtiger Schritt für unsere Forschung“, sagte Lukas Graber."
    )
    assert judge(readings, [other]).hint is Hint.LIKELY_ERROR


def test_a_quotation_is_checked_word_for_word() -> None:
    readings = passage(QUOTE)
    changed = source(
        "Alpenpost", "„Das ist ein wichtiger Schritt für unsere Produktion“, sagte Miriam Obrist."
    )
    same = source(
        "Kurier", "«Das ist ein wichtiger Schritt für unsere Forschung», sagte Obrist am Montag."
    )
    found = judge(readings, [changed, same])

    (claim,) = found.claims
    assert [(s.source.outlet, s.differs) for s in claim.side(Side.OTHER)] == [
        ("Alpenpost", ("wording",))
    ]
    assert [s.source.outlet for s in claim.side(Side.ARTICLE)] == ["Kurier"]
    assert found.code == "sources_split"


def test_the_verdict_is_plain_json() -> None:
    readings = passage("Varentis bietet 9,75 Milliarden Dollar", "9,74")
    found = judge(readings, [offer("9,74 Milliarden", "Alpenpost")]).as_json()
    assert json.loads(json.dumps(found)) == found
    claims: list[dict[str, Any]] = found["claims"]  # type: ignore[assignment]
    (claim,) = claims
    assert claim["value"] == 9750000000
    assert claim["fix"]["value"] == 9740000000
    assert claim["reader"][0]["url"] == "https://alpenpost.example/"
    assert claim["article"] == []
    assert claim["other"] == []
