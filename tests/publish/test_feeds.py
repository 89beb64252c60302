"""The log's Atom feed (read back with feedparser, as a feed reader would) and its JSON."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

import feedparser
import pytest
from django.test import Client

from corrigenda.publish.models import Kind
from tests.publish import _log_world as w

pytestmark = pytest.mark.django_db


@pytest.fixture
def world() -> w.World:
    return w.build()


def english() -> Client:
    return Client(HTTP_ACCEPT_LANGUAGE="en")


def feed(slug: str = "seeblick") -> Any:
    response = english().get(f"/corrections/{slug}/feed.atom")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/atom+xml")
    parsed = feedparser.parse(response.content)
    assert not parsed.bozo, parsed.bozo_exception
    return parsed


def when(entry: Any, field: str) -> datetime:
    year, month, day, hour, minute, second = entry[f"{field}_parsed"][:6]
    return datetime(year, month, day, hour, minute, second, tzinfo=UTC)


def test_the_feed_has_the_outlets_public_notices_newest_first(world: w.World) -> None:
    parsed = feed()
    assert parsed.version == "atom10"
    assert parsed.feed.title == "Corrections: Seeblick-Zeitung"
    assert parsed.feed.link == "http://testserver/corrections/seeblick/"
    texts = [entry.summary for entry in parsed.entries]
    assert len(texts) == 3
    assert w.RETRACTED in texts[0]
    assert w.AMENDED in texts[1]
    assert w.FIRST in texts[2]
    assert not any(w.DRAFT in text or w.OTHER in text for text in texts)


def test_entries_have_titles_links_and_related_links(world: w.World) -> None:
    retracted, amended, first = feed().entries
    assert first.title == "Correction: Hafen wird ausgebaut"
    assert amended.title == "Clarification: Schulhaus wird saniert"
    assert retracted.title == "Retracted update: Festival abgesagt"
    assert (
        first.link == f"http://testserver/corrections/seeblick/#correction-{world.harbour_fix.pk}"
    )
    related = {link.title: link.href for link in first.links if link.rel == "related"}
    assert related == {
        "article": w.HARBOUR_URL,
        "archive": f"http://testserver/archive/{world.harbour.pk}/",
        "diff": f"http://testserver/archive/{world.harbour.pk}/diff/?from=1&to=2",
    }
    # The entry's text carries the same links for readers that show only the text.
    assert f'href="{w.HARBOUR_URL}"' in first.summary
    assert "This notice was retracted on" in retracted.summary


def test_updated_is_the_last_public_change_and_ids_are_stable(world: w.World) -> None:
    retracted, amended, first = feed().entries
    assert when(first, "updated") == w.at(3, 10)
    assert when(first, "published") == w.at(3, 10)
    assert when(amended, "updated") == w.at(4, 5)  # amended after publication
    assert when(amended, "published") == w.at(4, 2)
    assert when(retracted, "updated") == w.at(4, 21)
    assert first.id == f"tag:127.0.0.1,2025-03-10:corrections/{world.harbour_fix.pk}"

    # Amending a notice changes its text and time, never its id.
    world.harbour_fix.text = "Korrigiert: 12,4 Millionen Franken."
    world.harbour_fix.amended_at = w.at(6, 1)
    world.harbour_fix.save()
    again = next(e for e in feed().entries if e.id == first.id)
    assert again.summary.startswith("<p><em>amended on")
    assert when(again, "updated") == w.at(6, 1)
    assert len({entry.id for entry in feed().entries}) == 3


def test_the_feed_is_per_outlet(world: w.World) -> None:
    theirs = feed("bergpost")
    assert [entry.summary for entry in theirs.entries if w.OTHER in entry.summary]
    assert len(theirs.entries) == 1
    assert english().get("/corrections/no-such-outlet/feed.atom").status_code == 404


def test_the_json_has_the_notices_with_their_links(world: w.World) -> None:
    response = english().get("/corrections/seeblick.json")
    assert response.status_code == 200
    assert response["Access-Control-Allow-Origin"] == "*"
    body = response.json()
    assert body["outlet"] == {
        "name": "Seeblick-Zeitung",
        "slug": "seeblick",
        "language": "de",
        "log": "http://testserver/corrections/seeblick/",
        "feed": "http://testserver/corrections/seeblick/feed.atom",
    }
    assert body["count"] == 3
    assert body["next"] is None
    assert body["previous"] is None
    retracted, amended, first = body["corrections"]
    assert first == {
        "id": world.harbour_fix.pk,
        "url": f"http://testserver/corrections/seeblick/#correction-{world.harbour_fix.pk}",
        "kind": "correction",
        "state": "published",
        "text": w.FIRST,
        "language": "de",
        "published_at": "2025-03-10T09:00:00+00:00",
        "amended_at": None,
        "retracted_at": None,
        "updated_at": "2025-03-10T09:00:00+00:00",
        "article": {
            "title": "Hafen wird ausgebaut",
            "url": w.HARBOUR_URL,
            "archive": f"http://testserver/archive/{world.harbour.pk}/",
        },
        "diff": f"http://testserver/archive/{world.harbour.pk}/diff/?from=1&to=2",
        "earlier_wordings": [],
    }
    assert amended["amended_at"] == "2025-04-05T09:00:00+00:00"
    assert amended["earlier_wordings"] == [
        {
            "kind": "clarification",
            "text": w.EARLIER,
            "replaced_at": "2025-04-05T09:00:00+00:00",
            "why": "Falscher Monat genannt.",
        }
    ]
    assert amended["diff"] is None
    assert retracted["state"] == "retracted"
    assert retracted["retracted_at"] == "2025-04-21T09:00:00+00:00"


def test_the_json_takes_the_logs_filters_and_pages(
    world: w.World, monkeypatch: pytest.MonkeyPatch
) -> None:
    def ids(url: str) -> list[int]:
        return [c["id"] for c in english().get(url).json()["corrections"]]

    assert ids("/corrections/seeblick.json?month=2025-03") == [world.harbour_fix.pk]
    assert ids("/corrections/seeblick.json?q=juli") == [world.school_note.pk]
    assert english().get("/corrections/seeblick.json?month=nope").status_code == 400

    from corrigenda.publish import views_public

    monkeypatch.setattr(views_public, "JSON_PAGE_SIZE", 2)
    first = english().get("/corrections/seeblick.json?q=e").json()
    assert first["count"] == 3
    assert len(first["corrections"]) == 2
    assert first["next"] == "http://testserver/corrections/seeblick.json?q=e&page=2"
    second = english().get(first["next"]).json()
    assert [c["id"] for c in second["corrections"]] == [world.harbour_fix.pk]
    assert second["previous"] == "http://testserver/corrections/seeblick.json?q=e&page=1"


def test_a_new_notice_appears_in_feed_and_json(world: w.World) -> None:
    newest = w.notice(world.harbour, Kind.UPDATE, "Neu: Baubeginn verschoben.", w.at(5, 1))
    assert feed().entries[0].id.endswith(f"/{newest.pk}")
    assert english().get("/corrections/seeblick.json").json()["corrections"][0]["id"] == newest.pk
