"""Plain-text articles: the date marker, header lines, normalisation and the hash."""

from datetime import date
from pathlib import Path

import pytest

from corrigenda.archive.text import (
    NotAnArticle,
    Precision,
    content_hash,
    extract_text,
    normalise_body,
    read_date_marker,
    split_paragraphs,
)
from tests.archive.conftest import fixture_text


@pytest.mark.parametrize(
    ("raw", "expected", "precision"),
    [
        (" date 2025-02 Text", date(2025, 2, 1), Precision.MONTH),
        ("date 2024-12-24 Text", date(2024, 12, 24), Precision.DAY),
        (" date 2023 Text", date(2023, 1, 1), Precision.YEAR),
    ],
)
def test_date_marker_gives_date_and_precision(raw: str, expected: date, precision: str) -> None:
    published, rest = read_date_marker(raw)
    assert published is not None
    assert (published.on, published.precision) == (expected, precision)
    assert rest.strip() == "Text"


@pytest.mark.parametrize("raw", ["Ein Text ohne Marker", " date 2025-13 kein Monat", "update 2025"])
def test_text_without_a_valid_marker_is_left_alone(raw: str) -> None:
    assert read_date_marker(raw) == (None, raw)


def test_month_marker_displays_as_month() -> None:
    published, _ = read_date_marker(" date 2025-02 x")
    assert str(published) == "2025-02"


def test_marker_text_on_the_same_line_is_the_first_paragraph() -> None:
    article = extract_text(
        " date 2025-02 Der Gemeinderat tagte lange. Er entschied nichts.\n\nZweiter."
    )
    assert article.title == ""
    assert article.paragraphs[0] == "Der Gemeinderat tagte lange. Er entschied nichts."
    assert article.published is not None
    assert article.published.precision is Precision.MONTH


def test_title_byline_and_credits_are_read_from_the_header() -> None:
    article = extract_text(fixture_text("zeitung-notice.txt"))
    assert article.title == "Stadtrat streicht Beitrag an das Sommerfestival"
    assert article.byline == "Petra Lang"
    assert "Foto: Archiv" in article.stripped
    assert article.paragraphs[0].startswith("Der Stadtrat hat den jährlichen Beitrag")


def test_trailing_boilerplate_is_stripped_and_kept() -> None:
    article = extract_text(fixture_text("zeitung-notice.txt"))
    assert article.paragraphs[-1].startswith("Nun sollen private Sponsoren")
    assert "Kommentare: 3" in article.stripped
    assert "Unterstützen Sie uns jetzt!" in article.stripped
    assert article.stripped_kinds >= {"correction_notice", "donation_appeal", "comment_counter"}
    assert not any("Fehler" in p for p in article.paragraphs)


def test_no_paragraph_with_words_is_lost() -> None:
    raw = fixture_text("zeitung-notice.txt")
    article = extract_text(raw)
    kept = {article.title, *article.paragraphs, *article.stripped}
    for line in split_paragraphs(raw):
        if any(c.isalnum() for c in line):
            assert line in kept, line


def test_hard_wrapped_lines_are_joined_into_one_paragraph() -> None:
    wrapped = (
        "Die Gemeinde hat am Dienstag beschlossen, das alte Hallenbad\n"
        "zu schliessen und an seiner Stelle eine Sporthalle mit drei\n"
        "Feldern zu bauen.\n\nZweiter Absatz."
    )
    assert split_paragraphs(wrapped)[0].endswith("mit drei Feldern zu bauen.")
    assert len(split_paragraphs(wrapped)) == 2


def test_one_line_per_paragraph_stays_apart() -> None:
    assert split_paragraphs("Titel der Meldung\nErster Satz des Textes.") == [
        "Titel der Meldung",
        "Erster Satz des Textes.",
    ]


@pytest.mark.parametrize("raw", ["", "   \n\n \u00a0 \n", " date 2025-02 ", "· · ·"])
def test_empty_input_is_not_an_article(raw: str) -> None:
    with pytest.raises(NotAnArticle):
        extract_text(raw)


def test_reflowed_text_hashes_the_same() -> None:
    one = "Erster  Absatz\u00a0mit Text.\n\n\nZweiter Absatz."
    two = "Erster Absatz mit Text.\n  \nZweiter Absatz.  "
    assert normalise_body(one) == normalise_body(two)
    assert content_hash("Titel", one) == content_hash("Titel ", two)


def test_changed_word_or_title_changes_the_hash() -> None:
    body = "Das Angebot lag bei 9,74 Milliarden."
    assert content_hash("T", body) != content_hash("T", body.replace("9,74", "9,75"))
    assert content_hash("T", body) != content_hash("U", body)


def test_english_text_is_detected_as_english() -> None:
    article = extract_text(
        "Council approves budget\n\nThe city council approved the budget on Monday after a "
        "long debate about the cost of the new library and the swimming pool."
    )
    assert article.language == "en"


def test_seed_with_marker_has_month_precision(seeds: Path) -> None:
    (path,) = seeds.glob("000_*.txt")
    article = extract_text(path.read_text(encoding="utf-8"))
    assert article.published is not None
    assert (article.published.on, article.published.precision) == (date(2025, 2, 1), "month")
    assert any("(Bild:" in p for p in article.stripped)
    assert not any("(Bild:" in p for p in article.paragraphs)
