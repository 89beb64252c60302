"""This process's grouping index, kept in step with the database.

The database is the truth (memberships and their stored features); the in-memory
`StoryIndex` is a cache of it that makes assigning a new article fast. It is loaded on
first use and then follows `StoryEvent`, the append-only log every write to stories
adds to: before each decision the index applies the events it has not seen, so an
editor's merge in the web process reaches a worker's index before its next
assignment. Applying an event reconciles the index with the affected rows as they are
now, which makes re-applying one harmless; the last `LOOKBACK` events are re-read each
time because on PostgreSQL a transaction with a lower id can commit after one with a
higher id.
"""

from __future__ import annotations

import threading
from collections.abc import Iterable

from django.db.models import Max

from corrigenda.stories.grouping import ArticleFeatures, Settings, StoryIndex
from corrigenda.stories.models import StoryAction, StoryEvent, StoryMembership

LOOKBACK = 50

_lock = threading.Lock()


class _Live:
    def __init__(self) -> None:
        self.index: StoryIndex | None = None
        self.seen = 0  # the highest event id applied
        self.applied: set[int] = set()  # ids applied within the lookback


_live = _Live()


def synced_index(settings: Settings | None = None) -> StoryIndex:
    """The index with every committed change to stories applied. Call in a transaction."""
    with _lock:
        if _live.index is None:
            _load(settings)
        else:
            _catch_up()
        assert _live.index is not None
        return _live.index


def forget() -> None:
    """Drop the index; the next call loads it again (tests, a changed database)."""
    with _lock:
        _live.index = None
        _live.seen = 0
        _live.applied = set()


def _load(settings: Settings | None) -> None:
    index = StoryIndex(settings)
    seen = StoryEvent.objects.aggregate(last=Max("id"))["last"] or 0
    rows = StoryMembership.objects.order_by("id").values_list("story_id", "features")
    for story, features in rows.iterator(chunk_size=2000):
        index.add(ArticleFeatures.from_json(features), story=story)
    _live.index, _live.seen = index, seen
    _live.applied = set(range(max(1, seen - LOOKBACK + 1), seen + 1))


def _catch_up() -> None:
    events = list(
        StoryEvent.objects.filter(id__gt=_live.seen - LOOKBACK)
        .exclude(id__in=_live.applied)
        .order_by("id")
        .values_list("id", "action", "story_id", "other_story_id", "article_id")
    )
    if not events:
        return
    articles: set[int] = set()
    updated: set[int] = set()
    stories: set[int] = set()
    for _id, action, story, other, article in events:
        if article is not None:
            articles.add(article)
            if action == StoryAction.UPDATED:
                updated.add(article)
        if action == StoryAction.MERGED:
            stories.update(s for s in (story, other) if s is not None)
    _reconcile(articles, updated, stories)
    _live.seen = max(_live.seen, *(event[0] for event in events))
    _live.applied = {i for i in _live.applied | {e[0] for e in events} if i > _live.seen - LOOKBACK}


def _reconcile(articles: Iterable[int], updated: set[int], stories: set[int]) -> None:
    index = _live.index
    assert index is not None
    rows = StoryMembership.objects.filter(article_id__in=list(articles)) | (
        StoryMembership.objects.filter(story_id__in=list(stories))
    )
    found = set()
    for article, story, features in rows.values_list("article_id", "story_id", "features"):
        key = str(article)
        found.add(key)
        if key not in index:
            index.add(ArticleFeatures.from_json(features), story=story)
            continue
        if index.story_of(key) != story:
            index.move(key, story=story)
        if article in updated:
            index.update(ArticleFeatures.from_json(features))
    for article in articles:
        key = str(article)
        if key not in found and key in index:
            index.drop(key)  # erased from the archive
