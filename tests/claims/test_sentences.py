"""Sentence splitting of German and English news."""

import pytest

from corrigenda.claims.sentences import split


def sentences(text: str) -> list[str]:
    return [text[span.start : span.end] for span in split(text)]


@pytest.mark.parametrize(
    "text",
    [
        "Der Umsatz stieg auf 2,5 Mio. Euro und der Gewinn auf 3 Mrd. Franken.",
        "Am 10. Februar bot er z. B. 97,4 Mrd. Dollar.",
        "Laut Dr. Müller kostet das ca. 5 Euro pro Stück.",
        "Die 3. Liga spielt am 1. Mai in der Halle.",
        "Donald J. Trump besuchte die U.S. Botschaft.",
        "Mehr dazu unter www.example.at im Netz.",
        'Er schrieb: "Danke, nein. Twitter würden wir dir aber gern abkaufen."',
    ],
)
def test_abbreviations_ordinals_initials_urls_and_short_quotes_do_not_end_a_sentence(
    text: str,
) -> None:
    assert sentences(text) == [text]


def test_sentences_end_at_full_stops_line_breaks_and_after_a_figure() -> None:
    text = (
        "Überschrift ohne Punkt\n\nDer Preis stieg auf 12. Die Polizei kam! Warum? "
        "Das war 2015. Danach kam nichts.\nthanks but no — Sam Altman (@sama) February 10, 2025"
    )
    assert sentences(text) == [
        "Überschrift ohne Punkt",
        "Der Preis stieg auf 12.",
        "Die Polizei kam!",
        "Warum?",
        "Das war 2015.",
        "Danach kam nichts.",
        "thanks but no — Sam Altman (@sama) February 10, 2025",
    ]


def test_spans_point_into_the_text_without_surrounding_white_space() -> None:
    text = "  Erster Satz.   Zweiter Satz.  "
    spans = split(text)
    assert [(text[s.start], text[s.end - 1]) for s in spans] == [("E", "."), ("Z", ".")]
