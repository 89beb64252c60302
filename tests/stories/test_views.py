"""The story pages, the editor's actions and the JSON API, as a browser or client meets them."""

from __future__ import annotations

import html
from collections.abc import Callable

import pytest
from django.contrib.auth.models import Permission, User
from django.test import Client
from django.urls import reverse

from corrigenda.archive.models import ArticleVersion
from corrigenda.stories.models import Story, StoryMembership
from corrigenda.stories.services import story_assign, story_merge
from tests.stories.labelled import story_articles

pytestmark = [pytest.mark.django_db, pytest.mark.urls("tests.stories.urls")]

Archive = Callable[[str], ArticleVersion]


@pytest.fixture
def client() -> Client:
    """A reader whose browser asks for English (the site's default is German)."""
    return Client(headers={"Accept-Language": "en"})


@pytest.fixture
def bid_story(archive: Archive) -> Story:
    """The Musk/OpenAI bid from five outlets; one of them wrote 9,75 instead of 9,74."""
    articles = sorted(story_articles("musk_openai_bid"), key=lambda a: (a.published, a.id))
    memberships = [story_assign(version=archive(a.id)) for a in articles]
    assert len({m.story_id for m in memberships}) == 1
    return memberships[0].story


@pytest.fixture
def editor(client: Client) -> Client:
    user = User.objects.create_user("editor", password="x" * 12)
    user.user_permissions.add(Permission.objects.get(codename="change_story"))
    client.force_login(user)
    return client


def _page(client: Client, story: Story) -> str:
    response = client.get(reverse("stories:detail", args=[story.pk]))
    assert response.status_code == 200
    return html.unescape(response.content.decode())


def test_the_story_list_shows_each_story_with_its_counts(client: Client, bid_story: Story) -> None:
    response = client.get(reverse("stories:list"))
    assert response.status_code == 200
    body = html.unescape(response.content.decode())
    assert bid_story.title in body
    assert reverse("stories:detail", args=[bid_story.pk]) in body


def test_an_empty_archive_says_so(client: Client) -> None:
    response = client.get(reverse("stories:list"))
    assert response.status_code == 200
    assert 'class="empty"' in response.content.decode()


def test_the_story_page_lists_every_outlets_article_with_language_and_date(
    client: Client, bid_story: Story
) -> None:
    body = _page(client, bid_story)
    for article in story_articles("musk_openai_bid"):
        assert article.outlet in body
        assert article.title in body
    assert "2025-02-10" in body
    assert "2025-02-12" in body
    assert ">EN<" in body
    assert ">DE<" in body


def test_the_fact_table_flags_the_planted_figure_beside_the_majority(
    client: Client, bid_story: Story
) -> None:
    body = _page(client, bid_story)
    facts = body.split('id="facts-heading"', 1)[1].split('id="timeline-heading"', 1)[0]
    assert '<td class="story-outlier"><mark>9,75 Milliarden Dollar</mark></td>' in facts
    outlier = facts.split('story-side--outlier">', 1)[1].split("</figure>", 1)[0]
    assert "Rheinische Rundschau" in outlier
    assert "Twitter für 9,75 Milliarden Dollar zu kaufen" in outlier
    majority = facts.split('story-side--outlier">', 1)[1].split('<figure class="story-side">', 1)[1]
    # Beside the German outlier, a German sentence of the majority.
    assert "Twitter für 9,74 Milliarden Dollar" in majority.split("</figure>", 1)[0]
    assert "4 of 5 agree" in facts
    # The figures every outlet got right agree.
    assert "97,4 Milliarden" in facts
    assert "$97.4 billion" in facts


def test_the_timeline_shows_the_dated_facts(client: Client, bid_story: Story) -> None:
    body = _page(client, bid_story)
    timeline = body.split('id="timeline-heading"', 1)[1]
    assert '<time datetime="2015">2015</time>' in timeline
    assert '<time datetime="2022">2022</time>' in timeline
    assert "published by Harbour Herald" in timeline


def test_a_merged_story_redirects_to_the_one_it_was_merged_into(
    client: Client, archive: Archive
) -> None:
    first = story_assign(version=archive("bid-herald")).story
    second = story_assign(version=archive("suit-herald")).story
    story_merge(source=second, target=first)
    response = client.get(reverse("stories:detail", args=[second.pk]))
    assert response.status_code == 301
    assert response["Location"] == reverse("stories:detail", args=[first.pk])
    assert client.get(reverse("stories:detail", args=[99999])).status_code == 404


def test_only_editors_may_merge_or_move(client: Client, archive: Archive) -> None:
    first = story_assign(version=archive("bid-herald")).story
    second = story_assign(version=archive("suit-herald")).story
    response = client.post(reverse("stories:merge", args=[second.pk]), {"target": first.pk})
    assert response.status_code == 403
    second.refresh_from_db()
    assert second.merged_into is None
    assert "Merge this story" not in _page(client, first)


def test_an_editor_merges_two_stories(editor: Client, archive: Archive) -> None:
    first = story_assign(version=archive("bid-herald")).story
    second = story_assign(version=archive("suit-herald")).story
    assert "Merge this story" in _page(editor, first)
    response = editor.post(reverse("stories:merge", args=[second.pk]), {"target": first.pk})
    assert response.status_code == 302
    assert response["Location"] == reverse("stories:detail", args=[first.pk])
    assert StoryMembership.objects.filter(story=first).count() == 2


def test_merging_into_a_story_that_does_not_exist_says_so(editor: Client, archive: Archive) -> None:
    story = story_assign(version=archive("bid-herald")).story
    response = editor.post(
        reverse("stories:merge", args=[story.pk]),
        {"target": story.pk + 1000},
        follow=True,
        HTTP_ACCEPT_LANGUAGE="en",
    )
    assert response.status_code == 200
    assert "There is no story with that number." in response.content.decode()


def test_an_editor_moves_an_article_into_a_story_of_its_own(
    editor: Client, archive: Archive
) -> None:
    first = story_assign(version=archive("bid-herald"))
    second = story_assign(version=archive("bid-ledger"))
    response = editor.post(
        reverse("stories:move", args=[first.story_id]), {"article": second.article_id, "target": ""}
    )
    assert response.status_code == 302
    second.refresh_from_db()
    assert second.story_id != first.story_id
    assert second.pinned
    assert response["Location"] == reverse("stories:detail", args=[second.story_id])
    bad = editor.post(reverse("stories:move", args=[first.story_id]), {"article": "x"})
    assert bad.status_code == 302  # back to the story, with a message


def test_the_api_lists_stories_and_gives_one_with_its_facts(
    client: Client, bid_story: Story
) -> None:
    listing = client.get("/api/v1/stories")
    assert listing.status_code == 200
    stories = listing.json()["stories"]
    assert [s["id"] for s in stories] == [bid_story.pk]
    assert stories[0]["articles"] == 5
    assert stories[0]["outlets"] == 5
    detail = client.get(f"/api/v1/stories/{bid_story.pk}")
    assert detail.status_code == 200
    data = detail.json()
    assert len(data["articles"]) == 5
    conflicts = [f for f in data["facts"] if f["status"] == "conflict"]
    rundschau = next(
        a["document"] for a in data["articles"] if a["outlet"] == "Rheinische Rundschau"
    )
    assert any(f["outliers"] == [rundschau] and f["agreeing"] == 4 for f in conflicts)
    assert client.get("/api/v1/stories/99999").status_code == 404
    assert client.get("/api/v1/stories?limit=x").status_code == 400
