"""What the outlet embeds: the notices fragment and the article's JSON-LD.

Unknown address: the fragment answers 200 with an empty body, so that an article
without notices (the common case) shows nothing and a server-side include or the
script logs no error; the JSON-LD answers 404, since it has no article to describe.
"""

from __future__ import annotations

import json
from typing import Any

import extruct
import lxml.html
import pytest
from django.test import Client

from corrigenda.publish.services import (
    correction_amend,
    correction_draft,
    correction_retract,
)
from tests.publish._publish_setup import (
    APRIL,
    URL,
    accept,
    bergpost,
    file_report,
    seeblick,
    two_notices,
)

pytestmark = pytest.mark.django_db

NOTICES = "/corrections/embed/notices"
JSONLD = "/corrections/embed/jsonld"


def fragment(url: str = URL, **params: str) -> tuple[Any, Any]:
    response = Client().get(NOTICES, {"url": url, **params})
    assert response.status_code == 200
    body = response.content.decode()
    return response, lxml.html.fragment_fromstring(body) if body.strip() else None


def notices_of(aside: Any) -> list[tuple[str, str, str]]:
    """(date shown, machine-readable date, text) of each notice, in page order."""
    return [
        (
            item.xpath("string(.//p[@class='corrigenda-notice__date']/time)"),
            item.xpath("string(.//p[@class='corrigenda-notice__date']/time/@datetime)"),
            item.xpath("normalize-space(.//p[@class='corrigenda-notice__text'])"),
        )
        for item in aside.xpath(".//li")
    ]


def test_the_fragment_lists_the_notices_newest_first_with_dates_in_the_outlets_language() -> None:
    first, second, _editor = two_notices()

    response, aside = fragment()

    assert response["Content-Type"] == "text/html; charset=utf-8"
    assert response["Content-Language"] == "de"
    assert aside.get("lang") == "de"
    assert aside.xpath("string(h2)") == "Korrekturhinweise"
    assert notices_of(aside) == [
        ("2. April 2026", "2026-04-02T16:00:00+02:00", second.text),
        ("12. März 2026", "2026-03-12T10:30:00+01:00", first.text),
    ]
    assert first.text.startswith("Korrigendum: In einer früheren Version")


def test_the_fragment_speaks_english_when_asked() -> None:
    first, second, _editor = two_notices()
    response, aside = fragment(lang="en")
    assert response["Content-Language"] == "en"
    assert aside.get("lang") == "en"
    assert aside.xpath("string(h2)") == "Correction notices"
    shown = notices_of(aside)
    assert [(date, text) for date, _iso, text in shown] == [
        ("April 2, 2026", second.text),
        ("March 12, 2026", first.text),
    ]


def test_the_fragment_may_be_fetched_from_any_page_and_cached_briefly() -> None:
    two_notices()
    response, _aside = fragment(url=URL + "?utm_source=newsletter#top")
    assert response["Access-Control-Allow-Origin"] == "*"
    assert "public" in response["Cache-Control"]
    assert "max-age=300" in response["Cache-Control"]
    assert _aside is not None, "another spelling of the address finds the article"


def test_an_unknown_article_or_one_without_notices_gets_an_empty_fragment() -> None:
    two_notices()
    bergpost()
    for url in (
        "https://www.seeblick-zeitung.ch/nicht/archiviert",
        "https://www.bergpost.example/lokal/seilbahn",
    ):
        response, aside = fragment(url=url)
        assert aside is None
        assert response.content == b""
        assert response["Access-Control-Allow-Origin"] == "*"
    assert Client().get(NOTICES).status_code == 400


def test_drafts_are_not_shown_amended_and_retracted_notices_are_marked() -> None:
    first, second, editor = two_notices()
    correction_amend(
        correction=second, actor=editor, text=second.text + " Ergänzt.", kind="update", why="z"
    )
    correction_retract(correction=first, actor=editor, why="Die Zahl stimmte doch.")
    draft = correction_draft(
        report=accept(
            file_report(first.outlet, passage="Die Opposition", proposed_fix="Die SVP"), editor
        ),
        actor=editor,
    )

    _response, aside = fragment(lang="en")

    items = aside.xpath(".//li")
    assert [li.get("id") for li in items] == [
        f"corrigenda-notice-{second.pk}",
        f"corrigenda-notice-{first.pk}",
    ]
    assert draft.text not in aside.text_content()
    amended, retracted = items
    assert "corrigenda-notice--amended" in amended.get("class")
    assert amended.xpath("normalize-space(.//p[@class='corrigenda-notice__status'])").startswith(
        "This notice was amended on "
    )
    assert "corrigenda-notice--retracted" in retracted.get("class")
    assert retracted.xpath("normalize-space(.//del)") == first.text
    assert "This notice was retracted on" in retracted.text_content()


def test_the_notice_text_is_escaped() -> None:
    first, _second, editor = two_notices()
    correction_amend(
        correction=first,
        actor=editor,
        text='Korrigendum: <img src=x onerror="alert(1)"> stand falsch.',
        kind="correction",
        why="Test",
    )
    body = Client().get(NOTICES, {"url": URL}).content.decode()
    assert "<img" not in body
    assert "&lt;img src=x" in body


# --- JSON-LD -------------------------------------------------------------------------


def test_the_json_ld_endpoint_describes_the_article_with_its_published_notices() -> None:
    first, second, editor = two_notices()
    correction_retract(correction=first, actor=editor, why="stimmte doch")

    response = Client().get(JSONLD, {"url": URL})

    assert response.status_code == 200
    assert response["Content-Type"] == "application/ld+json; charset=utf-8"
    assert response["Access-Control-Allow-Origin"] == "*"
    markup = json.loads(response.content)
    assert markup["@type"] == "NewsArticle"
    assert markup["url"] == URL
    assert markup["headline"] == "Hafen wird ausgebaut"
    assert markup["correction"] == [
        {
            "@type": "CorrectionComment",
            "text": second.text,
            "datePublished": APRIL.isoformat(),
        }
    ]


def test_the_json_ld_comes_as_a_script_element_for_a_server_side_include() -> None:
    _first, second, _editor = two_notices()
    response = Client().get(JSONLD, {"url": URL, "as": "script"})
    assert response["Content-Type"] == "text/html; charset=utf-8"
    page = f"<html><head>{response.content.decode()}</head><body></body></html>"
    [markup] = extruct.extract(page, base_url=URL, syntaxes=["json-ld"])["json-ld"]
    assert markup["correction"][0]["text"] == second.text


def test_the_json_ld_of_an_unknown_article_is_not_found() -> None:
    seeblick()
    response = Client().get(JSONLD, {"url": "https://www.seeblick-zeitung.ch/gibt/es/nicht"})
    assert response.status_code == 404
    assert response["Access-Control-Allow-Origin"] == "*"
    assert Client().get(JSONLD).status_code == 400
