"""The public corrections log: newest first, searchable, per outlet, in German and English."""

from __future__ import annotations

import re

import pytest
from django.test import Client
from django.urls import reverse

from corrigenda.publish import views_public
from corrigenda.publish.models import Correction, CorrectionState, Kind
from tests.publish import _log_world as w

pytestmark = pytest.mark.django_db


@pytest.fixture
def world() -> w.World:
    return w.build()


def english() -> Client:
    return Client(HTTP_ACCEPT_LANGUAGE="en")


def log_page(query: str = "", client: Client | None = None) -> str:
    response = (client or english()).get(f"/corrections/seeblick/{query}")
    assert response.status_code == 200
    return response.content.decode()


def shown(html: str) -> list[int]:
    """The notices on the page, in order, by their anchor."""
    return [int(pk) for pk in re.findall(r'id="correction-(\d+)"', html)]


def test_the_log_lists_the_outlets_notices_newest_first(world: w.World) -> None:
    html = log_page()
    assert shown(html) == [world.festival_update.pk, world.school_note.pk, world.harbour_fix.pk]
    assert w.FIRST in html
    assert "3 notices, newest first" in html


def test_drafts_and_other_outlets_notices_are_not_in_the_log(world: w.World) -> None:
    html = log_page()
    assert w.DRAFT not in html
    assert w.OTHER not in html
    theirs = english().get("/corrections/bergpost/").content.decode()
    assert shown(theirs) == [world.cable_fix.pk]
    assert w.FIRST not in theirs


def test_each_entry_links_the_article_its_archive_page_and_the_diff(world: w.World) -> None:
    html = log_page()
    entry = html.split(f'id="correction-{world.harbour_fix.pk}"')[1].split("</li>")[0]
    assert f'href="{w.HARBOUR_URL}"' in entry
    assert f'href="/archive/{world.harbour.pk}/"' in entry
    assert f'href="/archive/{world.harbour.pk}/diff/?from=1&amp;to=2"' in entry
    assert 'datetime="2025-03-10T' in entry
    assert "Correction" in entry
    # The diff is only offered where the archive has the version after the notice.
    school = html.split(f'id="correction-{world.school_note.pk}"')[1].split("</li>")[0]
    assert "/diff/" not in school
    diff = english().get(f"/archive/{world.harbour.pk}/diff/?from=1&to=2")
    assert diff.status_code == 200
    assert "12,4" in diff.content.decode()


def test_an_amended_notice_is_marked_and_keeps_its_earlier_wording(world: w.World) -> None:
    html = log_page()
    entry = html.split(f'id="correction-{world.school_note.pk}"')[1].split("</li>\n")[0]
    assert "Amended" in entry
    assert w.AMENDED in entry
    assert "Earlier wording" in entry
    assert w.EARLIER in entry
    assert "Falscher Monat genannt." in entry


def test_a_retracted_notice_stays_listed_as_retracted(world: w.World) -> None:
    html = log_page()
    entry = html.split(f'id="correction-{world.festival_update.pk}"')[1].split("</li>")[0]
    assert "Retracted" in entry
    assert "This notice was retracted on" in entry
    assert w.RETRACTED in entry
    assert "log-entry--retracted" in html.split(f'id="correction-{world.festival_update.pk}"')[0]


def test_search_by_text_finds_notices_and_article_titles(world: w.World) -> None:
    assert shown(log_page("?q=juli")) == [world.school_note.pk]  # case-insensitive
    assert shown(log_page("?q=Hafen")) == [world.harbour_fix.pk]  # the article's title
    assert shown(log_page("?q=bildung")) == [world.school_note.pk]  # its address
    empty = log_page("?q=Seilbahn")  # the other outlet's notice
    assert shown(empty) == []
    assert "No notice matches this search." in empty


def test_the_month_filter_keeps_that_months_notices(world: w.World) -> None:
    assert shown(log_page("?month=2025-03")) == [world.harbour_fix.pk]
    assert shown(log_page("?month=2025-04")) == [world.festival_update.pk, world.school_note.pk]
    assert shown(log_page("?month=2025-05")) == []
    assert shown(log_page("?month=2025-04&q=juli")) == [world.school_note.pk]
    # Only months with notices are offered, newest first.
    html = log_page()
    assert re.findall(r'<option value="(\d{4}-\d\d)"', html) == ["2025-04", "2025-03"]


@pytest.mark.parametrize("month", ["2025-13", "April", "2025-4"])
def test_a_malformed_month_is_a_bad_request(world: w.World, month: str) -> None:
    assert english().get(f"/corrections/seeblick/?month={month}").status_code == 400


def test_the_log_is_paginated(world: w.World, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(views_public, "PAGE_SIZE", 2)
    first = log_page()
    assert shown(first) == [world.festival_update.pk, world.school_note.pk]
    assert "Page 1 of 2" in first
    assert shown(log_page("?page=2")) == [world.harbour_fix.pk]


def test_the_page_announces_its_atom_feed(world: w.World) -> None:
    html = log_page()
    assert re.search(
        r'<link rel="alternate" type="application/atom\+xml" href="/corrections/seeblick/feed.atom"',
        html,
    )


def test_an_unknown_outlet_is_404() -> None:
    assert english().get("/corrections/no-such-outlet/").status_code == 404


def test_an_outlet_without_notices_has_an_empty_log(world: w.World) -> None:
    Correction.objects.filter(outlet=world.bergpost).update(state=CorrectionState.DRAFT)
    html = english().get("/corrections/bergpost/").content.decode()
    assert shown(html) == []
    assert "has not published a correction here yet" in html


def test_the_index_lists_each_outlet_with_public_notices(world: w.World) -> None:
    html = english().get(reverse("publish:log_index")).content.decode()
    assert 'href="/corrections/seeblick/"' in html
    assert 'href="/corrections/bergpost/"' in html
    assert 'href="/corrections/seeblick/feed.atom"' in html
    assert 'href="/corrections/seeblick.json"' in html
    row = html.split('href="/corrections/seeblick/"')[1].split("</tr>")[0]
    assert '<td class="num">3</td>' in row  # the draft does not count
    # An outlet whose only notice is a draft is not listed.
    Correction.objects.filter(outlet=world.bergpost).update(state=CorrectionState.DRAFT)
    assert "/corrections/bergpost/" not in english().get("/corrections/").content.decode()


def test_the_log_speaks_german_and_english(world: w.World) -> None:
    german = log_page(client=Client(HTTP_ACCEPT_LANGUAGE="de"))
    assert '<html lang="de">' in german
    assert "10. März 2025" in german  # the date, German style
    assert ">März 2025</option>" in german
    assert ">Anzeigen</button>" in german
    assert ">Monat</label>" in german
    english_html = log_page()
    assert '<html lang="en">' in english_html
    assert "March 10, 2025" in english_html
    assert ">Show</button>" in english_html
    # The notice itself stays in its own language, marked as such.
    assert f'lang="de">{w.FIRST}' in english_html


def test_a_new_notice_tops_the_log(world: w.World) -> None:
    newest = w.notice(world.harbour, Kind.UPDATE, "Neu: Baubeginn verschoben.", w.at(5, 1))
    assert shown(log_page())[0] == newest.pk
