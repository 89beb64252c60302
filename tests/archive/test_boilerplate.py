"""Boilerplate stripping is conservative: trailing blocks and credit lines only."""

from pathlib import Path

import pytest

from corrigenda.archive import boilerplate
from corrigenda.archive.text import extract_text

BODY = [
    "Der Regierungsrat hat das Budget für das kommende Jahr vorgestellt.",
    "Es sieht ein Defizit von 12 Millionen Franken vor.",
    "Die Opposition kündigte Widerstand an.",
]


def test_a_body_without_boilerplate_is_untouched() -> None:
    result = boilerplate.strip(BODY)
    assert result.paragraphs == BODY
    assert result.stripped == []


def test_a_heading_takes_everything_after_it() -> None:
    tail = ["Fehler- und Korrekturhinweise", "Schreiben Sie uns.", "Danke für Ihre Hilfe."]
    result = boilerplate.strip(BODY + tail)
    assert result.paragraphs == BODY
    assert result.stripped == tail


def test_boilerplate_lines_without_a_heading_are_stripped_at_the_end() -> None:
    result = boilerplate.strip([*BODY, "Jeder Beitrag zählt.", "Kommentare: 0"])
    assert result.paragraphs == BODY
    assert result.kinds == {"donation_appeal", "comment_counter"}


def test_a_notice_sentence_in_the_middle_of_the_body_is_kept() -> None:
    middle = [
        BODY[0],
        "Wenn Sie einen Fehler entdecken, sagt der Sprecher, melden Sie ihn.",
        *BODY[1:],
    ]
    assert boilerplate.strip(middle).paragraphs == middle


def test_a_counter_followed_by_article_text_is_kept() -> None:
    paragraphs = [BODY[0], "Kommentare: 3", BODY[1]]
    assert boilerplate.strip(paragraphs).paragraphs == paragraphs


def test_the_first_paragraph_is_never_stripped() -> None:
    paragraphs = ["Kommentare", "Die Leserkommentare waren heftig, schreibt die Zeitung."]
    assert boilerplate.strip(paragraphs).paragraphs[0] == "Kommentare"


def test_the_outlets_own_correction_note_stays_in_the_body() -> None:
    note = "Korrektur: In einer früheren Fassung stand 2016. Richtig ist 2015."
    assert boilerplate.strip([*BODY, note]).paragraphs[-1] == note


@pytest.mark.parametrize(
    "line",
    [
        "Foto: Keystone/Peter Beispiel",
        "Bild OpenAI",
        "Elon Musk (Bild: depositphotos.com)",
        "Photo: Reuters",
        "© Keystone",
    ],
)
def test_credit_lines_are_stripped_anywhere(line: str) -> None:
    result = boilerplate.strip([BODY[0], line, BODY[1]])
    assert result.paragraphs == BODY[:2]
    assert result.stripped == [line]


@pytest.mark.parametrize(
    "line",
    [
        "Bild und Ton waren während der Sitzung gestört.",
        "Fotos von der Eröffnung zeigen einen vollen Saal, und der Andrang war gross.",
    ],
)
def test_sentences_starting_with_a_credit_word_are_kept(line: str) -> None:
    assert boilerplate.strip([BODY[0], line]).paragraphs == [BODY[0], line]


def test_english_trailing_blocks_are_stripped() -> None:
    tail = ["Support our journalism", "We are funded by readers.", "Comments (4)"]
    assert boilerplate.strip(BODY + tail).stripped == tail


def test_seed_reader_notice_is_stripped_and_kept(seeds: Path) -> None:
    (path,) = seeds.glob("001_*.txt")
    article = extract_text(path.read_text(encoding="utf-8"))
    body = "\n".join(article.paragraphs)
    stripped = "\n".join(article.stripped)
    for marker in (
        "Fehler- und Korrekturhinweise",
        "Wenn Sie einen Fehler entdecken",
        "Unterstützen Sie uns",
        "Jeder Beitrag zählt",
        "Kommentare: 0",
    ):
        assert marker not in body
        assert marker in stripped
    assert "Machtkampf" in article.paragraphs[-1]
    assert article.title.startswith("Elon Musk strebt Kontrolle")
