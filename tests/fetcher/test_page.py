from datetime import UTC, datetime

import pytest

from corrigenda.fetcher import Limits, Page


def page(body: bytes, charset: str | None = None) -> Page:
    return Page(
        url="https://news.example/a",
        final_url="https://news.example/a",
        status=200,
        content_type="text/html",
        charset=charset,
        headers=(),
        body=body,
        fetched_at=datetime.now(UTC),
        redirects=(),
    )


SENTENCE = "Die Gemeinde zählt 97,4 Millionen Franken für Straßen"


@pytest.mark.parametrize(
    ("body", "charset"),
    [
        (SENTENCE.encode("utf-8"), "utf-8"),
        (SENTENCE.encode("cp1252"), "windows-1252"),
        (SENTENCE.encode("cp1252"), "ISO-8859-1"),  # the web reads latin-1 as windows-1252
        (SENTENCE.encode("utf-8"), None),  # no label: UTF-8 when it decodes cleanly
        (SENTENCE.encode("cp1252"), None),  # otherwise windows-1252
        (SENTENCE.encode("cp1252"), "no-such-charset"),
        (SENTENCE.encode("utf-8"), "base64"),  # not a text encoding: ignored
        (b"\xef\xbb\xbf" + SENTENCE.encode("utf-8"), "windows-1252"),  # the BOM wins
        (SENTENCE.encode("utf-16"), None),
    ],
)
def test_text_decodes_with_the_best_charset_evidence(body: bytes, charset: str | None) -> None:
    assert page(body, charset).text() == SENTENCE


def test_text_reads_a_charset_declared_in_the_document() -> None:
    html = '<html><head><meta charset="iso-8859-15"></head><body>€ 5</body>'
    assert "€ 5" in page(html.encode("iso-8859-15")).text()
    feed = "<?xml version='1.0' encoding='windows-1252'?><rss><title>Zürich</title></rss>"
    assert "Zürich" in page(feed.encode("cp1252")).text()


@pytest.mark.parametrize(
    "limits",
    [
        {"timeout": 0},
        {"connect_timeout": -1},
        {"max_bytes": 0},
        {"max_redirects": -1},
    ],
)
def test_limits_that_cannot_work_are_rejected(limits: dict[str, float]) -> None:
    with pytest.raises(ValueError, match="must be"):
        Limits(**limits)  # type: ignore[arg-type]
