"""Assigning archived articles to stories, and the editor's merge and move."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from corrigenda.archive.models import ArticleVersion
from corrigenda.archive.services import article_ingest
from corrigenda.stories import live
from corrigenda.stories.grouping import pairwise_scores
from corrigenda.stories.models import AssignedBy, Story, StoryAction, StoryEvent, StoryMembership
from corrigenda.stories.services import (
    story_assign,
    story_assign_pending,
    story_merge,
    story_move_article,
)
from tests.stories.labelled import labelled_articles, story_articles

pytestmark = pytest.mark.django_db

Archive = Callable[[str], ArticleVersion]


def _assign(archive: Archive, *ids: str) -> list[StoryMembership]:
    return [story_assign(version=archive(i)) for i in ids]


def _ids(story: str) -> list[str]:
    return [a.id for a in sorted(story_articles(story), key=lambda a: (a.published, a.id))]


def test_ingesting_the_labelled_set_groups_it_into_its_stories(archive: Archive) -> None:
    articles = sorted(labelled_articles(), key=lambda a: (a.published, a.id))
    story_of = {a.id: story_assign(version=archive(a.id)).story_id for a in articles}
    precision, recall = pairwise_scores(story_of, {a.id: a.story for a in articles})
    assert precision >= 0.9
    assert recall >= 0.9
    bid = {story_of[i] for i in _ids("musk_openai_bid")}
    assert len(bid) == 1
    story = Story.objects.get(pk=bid.pop())
    assert str(story.first_published) == "2025-02-10"
    assert str(story.last_published) == "2025-02-12"


def test_assigning_twice_changes_nothing(archive: Archive) -> None:
    version = archive("bid-herald")
    first = story_assign(version=version)
    again = story_assign(version=version)
    assert again.pk == first.pk
    assert StoryEvent.objects.filter(action=StoryAction.ASSIGNED).count() == 1
    assert first.assigned_by == AssignedBy.AUTO
    assert first.score is None  # it started the story


def test_a_joining_article_records_its_score_and_the_shared_features(archive: Archive) -> None:
    first, second = _assign(archive, "bid-herald", "bid-ledger")
    assert second.story_id == first.story_id
    assert second.score is not None
    assert second.score > 0.18
    assert "USD 9.74e+10" in second.reasons  # the bid, in both languages' notation
    assert any("musk" in reason for reason in second.reasons)


def test_a_new_version_stays_in_its_story_and_updates_what_it_knows(archive: Archive) -> None:
    first, _ = _assign(archive, "bid-herald", "bid-ledger")
    article = first.article
    text = " date 2025-02-10 Musk-led group offers $97.4 billion for OpenAI\n\n" + (
        "A consortium led by Elon Musk offered $97.4 billion for OpenAI's nonprofit on Monday. "
        "Sam Altman declined and offered to buy Twitter for $9.74 billion instead.\n"
    )
    result = article_ingest(outlet=article.outlet, text=text, url=article.canonical_url)
    assert result.version.number == 2
    updated = story_assign(version=result.version)
    assert updated.story_id == first.story_id
    assert updated.version_id == result.version.pk
    assert StoryEvent.objects.filter(action=StoryAction.UPDATED, article=article).exists()
    # An older version arriving late does not roll the membership back.
    assert story_assign(version=first.version).version_id == result.version.pk


def test_merged_stories_stay_merged_when_new_articles_arrive(archive: Archive) -> None:
    bid, suit = _ids("musk_openai_bid"), _ids("musk_openai_lawsuit")
    bid_story = _assign(archive, *bid[:2])[0].story
    suit_story = _assign(archive, *suit[:2])[0].story
    assert bid_story != suit_story
    target = story_merge(source=suit_story, target=bid_story)
    suit_story.refresh_from_db()
    assert suit_story.merged_into == target
    assert StoryEvent.objects.filter(action=StoryAction.MERGED, other_story=suit_story).exists()
    # A lawsuit article arriving now joins the merged story, not a new one.
    assert story_assign(version=archive(suit[2])).story_id == bid_story.pk
    # So does one after the process restarted and rebuilt its index from the database.
    live.forget()
    assert story_assign(version=archive(bid[2])).story_id == bid_story.pk
    assert Story.objects.filter(merged_into__isnull=True).count() == 1


def test_an_article_moved_out_is_not_pulled_back(archive: Archive) -> None:
    bid, suit = _ids("musk_openai_bid"), _ids("musk_openai_lawsuit")
    story = _assign(archive, *bid[:2])[0].story
    lawsuit = _assign(archive, suit[0])[0]
    # An editor files the lawsuit article under the bid, then thinks better of it.
    story_move_article(article=lawsuit.article, story=story)
    moved = story_move_article(article=lawsuit.article)
    assert moved.story_id not in {story.pk, lawsuit.story_id}
    assert moved.pinned
    assert moved.assigned_by == AssignedBy.EDITOR
    for membership in _assign(archive, *bid[2:]):
        assert membership.story_id == story.pk
    # More coverage of the lawsuit gathers around the moved article, away from the bid.
    assert _assign(archive, suit[1])[0].story_id == moved.story_id
    moved.refresh_from_db()
    assert moved.story_id != story.pk
    assert not story.memberships.filter(article=lawsuit.article).exists()


def test_moving_into_another_story_pins_the_article_there(archive: Archive) -> None:
    bid = _assign(archive, *_ids("musk_openai_bid")[:2])
    summit = _assign(archive, _ids("ai_action_summit")[0])[0]
    moved = story_move_article(article=bid[1].article, story=summit.story)
    assert moved.story_id == summit.story_id
    event = StoryEvent.objects.get(action=StoryAction.MOVED)
    assert (event.story_id, event.other_story_id) == (summit.story_id, bid[0].story_id)
    with pytest.raises(ValueError, match="already"):
        story_move_article(article=bid[1].article, story=summit.story)


def test_an_editors_merge_in_another_process_reaches_this_index(archive: Archive) -> None:
    bid, suit = _ids("musk_openai_bid"), _ids("musk_openai_lawsuit")
    bid_story = _assign(archive, bid[0])[0].story
    suit_story = _assign(archive, suit[0])[0].story
    index = live.synced_index()
    assert index.story_of(str(suit_story.memberships.get().article_id)) == suit_story.pk
    # The web process merges; this (worker) process only sees the database change.
    StoryMembership.objects.filter(story=suit_story).update(story=bid_story)
    StoryEvent.objects.create(action=StoryAction.MERGED, story=bid_story, other_story=suit_story)
    index = live.synced_index()
    assert (
        index.story_of(str(StoryMembership.objects.filter(story=bid_story).latest("id").article_id))
        == bid_story.pk
    )
    assert index.story_count == 1


def test_merging_a_story_into_itself_or_twice_is_refused(archive: Archive) -> None:
    first = _assign(archive, "bid-herald")[0].story
    second = _assign(archive, "suit-herald")[0].story
    with pytest.raises(ValueError, match="itself"):
        story_merge(source=first, target=first)
    story_merge(source=second, target=first)
    second.refresh_from_db()
    with pytest.raises(ValueError, match="merged"):
        story_merge(source=second, target=first)


def test_pending_articles_are_assigned_oldest_first(archive: Archive) -> None:
    for article_id in _ids("ubs_capital_rules"):
        archive(article_id)
    assert story_assign_pending() == 3
    assert story_assign_pending() == 0
    assert Story.objects.count() == 1
