"""HTML pages: main text without navigation, comments or outlet boilerplate."""

from datetime import date

import pytest

from corrigenda.archive.extraction import decode_html, extract_html
from corrigenda.archive.text import NotAnArticle, Precision
from tests.archive.conftest import article_page, fixture_text

URL = "https://www.seelaender-post.example/region/velovorzugsroute"


@pytest.fixture(scope="module")
def velo():  # type: ignore[no-untyped-def]
    return extract_html(fixture_text("velo-article.html"), url=URL)


def test_metadata_comes_from_the_page(velo) -> None:  # type: ignore[no-untyped-def]
    assert velo.title == "Kanton plant Velovorzugsroute entlang des Kanals"
    assert velo.byline == "Marco Gerber"
    assert velo.sitename == "Seeländer Post"
    assert velo.language == "de"
    assert velo.published is not None
    assert (velo.published.on, velo.published.precision) == (date(2025, 4, 2), Precision.DAY)
    assert velo.updated == date(2025, 4, 3)


def test_body_has_the_article_paragraphs_and_not_the_headline(velo) -> None:  # type: ignore[no-untyped-def]
    assert velo.paragraphs[0].startswith("Der Kanton will bis 2029")
    assert "Widerstand aus dem Gewerbe" in velo.paragraphs
    assert velo.paragraphs[-1].startswith("Die Auflage der Pläne")


def test_navigation_footer_and_reader_comments_are_left_out(velo) -> None:  # type: ignore[no-untyped-def]
    text = velo.text + velo.stripped_text
    for chrome in (
        "Impressum",
        "Abo",
        "Endlich passiert etwas",
        "Steuerzahler",
        "Seeländer Post AG",
    ):
        assert chrome not in text


def test_boilerplate_inside_the_article_element_is_stripped_and_kept(velo) -> None:  # type: ignore[no-untyped-def]
    assert "Fehler- und Korrekturhinweise" in velo.stripped
    assert "Kommentare: 12" in velo.stripped
    assert "Foto: Kanton/zvg" in velo.stripped
    assert not any("Korrektur" in p or "Unterstützen" in p for p in velo.paragraphs)


def test_declared_canonical_url_is_reported(velo) -> None:  # type: ignore[no-untyped-def]
    assert velo.canonical_url.startswith(
        "https://www.seelaender-post.example/region/velovorzugsroute"
    )


def test_page_without_dates_has_no_guessed_date() -> None:
    page = article_page(
        "Ein Text ohne Datum",
        ["Am 11. Februar 2024 beschloss der Rat etwas, das im Jahr 2023 geplant worden war. " * 3],
    )
    assert extract_html(page).published is None


def test_lists_become_one_paragraph_per_item() -> None:
    page = article_page(
        "Was sich ändert",
        ["Ab Januar gelten für die Abfuhr neue Regeln, die wir hier zusammenfassen."],
        extra="<ul><li>Papier jeden zweiten Montag</li><li>Karton nur gebündelt</li></ul>",
    )
    paragraphs = extract_html(page).paragraphs
    assert "• Papier jeden zweiten Montag" in paragraphs
    assert "• Karton nur gebündelt" in paragraphs


@pytest.mark.parametrize(
    "html",
    [
        "<html><body><nav><a href='/'>Start</a></nav><p>Kurz.</p></body></html>",
        "<html><body></body></html>",
        "",
    ],
)
def test_pages_without_article_text_are_not_articles(html: str) -> None:
    with pytest.raises(NotAnArticle):
        extract_html(html)


def test_legacy_encodings_are_decoded() -> None:
    raw = '<html><head><meta charset="iso-8859-1"></head><body>Grüße</body></html>'
    assert "Grüße" in decode_html(raw.encode("iso-8859-1"))
    assert "Grüße" in decode_html(b"\xef\xbb\xbf" + raw.encode("utf-8"))
