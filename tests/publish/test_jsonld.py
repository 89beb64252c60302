"""The article's schema.org markup, read back by a JSON-LD processor and an extractor.

Offline: pyld gets the schema.org context from a document loader that answers with
a minimal copy of it (the terms this markup uses) and refuses every other address.
"""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta, timezone
from typing import Any

import extruct
import pytest
from pyld import jsonld as pyld

from corrigenda.publish.jsonld import Notice, article_jsonld, jsonld_script, jsonld_text

SCHEMA = "http://schema.org/"
URL = "https://www.seeblick-zeitung.ch/wirtschaft/hafen-ausbau"
EARLY = Notice(
    "Korrigendum: In einer früheren Version hieß es 14,2 Millionen. Richtig ist: 12,4 Millionen.",
    datetime(2026, 3, 12, 9, 30, tzinfo=UTC),
)
LATE = Notice(
    "Präzisierung: Der Baubeginn ist im Herbst.",
    datetime(2026, 4, 2, 16, 0, tzinfo=timezone(timedelta(hours=2))),
    modified=datetime(2026, 4, 3, 8, 0, tzinfo=UTC),
)

# The part of https://schema.org/docs/jsonldcontext.jsonld this markup relies on.
SCHEMA_CONTEXT = {
    "@context": {
        "@vocab": SCHEMA,
        "schema": SCHEMA,
        "url": {"@id": "schema:url", "@type": "@id"},
        "datePublished": {"@id": "schema:datePublished", "@type": "schema:DateTime"},
        "dateModified": {"@id": "schema:dateModified", "@type": "schema:DateTime"},
    }
}


def schema_org_only(url: str, options: dict[str, Any] | None = None) -> dict[str, Any]:
    if url.rstrip("/") not in {"https://schema.org", "http://schema.org"}:
        raise AssertionError(f"the markup needs no other document: {url}")
    return {"contextUrl": None, "documentUrl": url, "document": SCHEMA_CONTEXT}


def expand(markup: dict[str, Any]) -> list[dict[str, Any]]:
    expanded: list[dict[str, Any]] = pyld.expand(markup, {"documentLoader": schema_org_only})
    return expanded


def test_the_markup_is_a_news_article_with_its_notices_newest_first() -> None:
    markup = article_jsonld(url=URL, headline="Hafen wird ausgebaut", notices=[EARLY, LATE])
    assert markup == {
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "url": URL,
        "headline": "Hafen wird ausgebaut",
        "correction": [
            {
                "@type": "CorrectionComment",
                "text": LATE.text,
                "datePublished": "2026-04-02T16:00:00+02:00",
                "dateModified": "2026-04-03T08:00:00+00:00",
            },
            {
                "@type": "CorrectionComment",
                "text": EARLY.text,
                "datePublished": "2026-03-12T09:30:00+00:00",
            },
        ],
    }


def test_an_article_without_notices_has_no_correction_property() -> None:
    assert "correction" not in article_jsonld(url=URL, headline="H", notices=[])


def test_a_date_without_a_time_zone_is_refused() -> None:
    with pytest.raises(ValueError, match="timezone"):
        Notice("x", datetime(2026, 3, 12, 9, 30))  # noqa: DTZ001 — the point of the test


def test_a_json_ld_processor_reads_the_corrections_as_schema_org_terms() -> None:
    markup = article_jsonld(url=URL, headline="Hafen wird ausgebaut", notices=[EARLY, LATE])
    [article] = expand(json.loads(jsonld_text(markup)))

    assert article["@type"] == [f"{SCHEMA}NewsArticle"]
    assert article[f"{SCHEMA}url"] == [{"@id": URL}]
    assert article[f"{SCHEMA}headline"] == [{"@value": "Hafen wird ausgebaut"}]
    comments = article[f"{SCHEMA}correction"]
    assert [c["@type"] for c in comments] == [[f"{SCHEMA}CorrectionComment"]] * 2
    assert [c[f"{SCHEMA}text"][0]["@value"] for c in comments] == [LATE.text, EARLY.text]
    assert comments[1][f"{SCHEMA}datePublished"] == [
        {"@type": f"{SCHEMA}DateTime", "@value": "2026-03-12T09:30:00+00:00"}
    ]
    quads = pyld.to_rdf(
        markup, {"documentLoader": schema_org_only, "format": "application/n-quads"}
    )
    article_node = quads.split(f" <{SCHEMA}url> <{URL}> .", 1)[0].rsplit("\n", 1)[-1]
    assert quads.count(f"{article_node} <{SCHEMA}correction> _:") == 2
    assert quads.count(f"<{SCHEMA}CorrectionComment>") == 2


def test_an_extractor_finds_the_correction_comment_in_the_page() -> None:
    evil = Notice(
        'Korrigendum: "</script><script>alert(1)</script>" & <!-- so -->', EARLY.published
    )
    markup = article_jsonld(url=URL, headline="Hafen wird ausgebaut", notices=[evil])
    page = (
        "<!doctype html><html lang='de'><head><title>Hafen</title>"
        f"{jsonld_script(markup)}</head><body><article><h1>Hafen wird ausgebaut</h1>"
        "<p>Text.</p></article></body></html>"
    )
    assert page.count("</script>") == 1  # the notice cannot end the element early

    found = extruct.extract(page, base_url=URL, syntaxes=["json-ld"])["json-ld"]

    assert found == [markup]
    assert found[0]["correction"][0]["@type"] == "CorrectionComment"
    assert found[0]["correction"][0]["text"] == evil.text
