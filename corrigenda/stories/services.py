"""Writes to stories: assign an archived article, and the editor's merge and move.

Every write runs in one transaction with its `StoryEvent` (the audit row, and the
change feed `live.synced_index` follows). Writers are serialised — SQLite's IMMEDIATE
transactions do it, on PostgreSQL an advisory lock — so two workers never both start
a new story for the same event. The claim engine runs before the transaction.

Editor decisions stick: an article is only ever placed once automatically; a new
version of it updates what its story knows but never moves it, and an article an
editor moved is pinned. A merged story stays merged: its articles belong to the
target, and new articles like them join the target.
"""

from __future__ import annotations

import datetime as dt

from django.contrib.auth.models import AnonymousUser, User
from django.db import connection, transaction
from django.utils import timezone

from corrigenda.archive.models import Article, ArticleVersion
from corrigenda.claims import language
from corrigenda.stories import live
from corrigenda.stories.features import article_features
from corrigenda.stories.grouping import ArticleFeatures
from corrigenda.stories.models import (
    AssignedBy,
    Story,
    StoryAction,
    StoryEvent,
    StoryMembership,
)

_ADVISORY_LOCK = 0x5706E5  # "stories": serialises writers on PostgreSQL


def version_features(version: ArticleVersion) -> ArticleFeatures:
    """The grouping features of an archived version (runs the claim engine)."""
    article = version.article
    lang = version.language if version.language in {"de", "en"} else ""
    lang = lang or language.detect(version.text, default=article.outlet.language or "de")
    return article_features(
        id=str(article.pk),
        text=version.text,
        title=version.title,
        lang=lang,
        published=_published(version),
        outlet=article.outlet.name,
    )


def story_assign(*, version: ArticleVersion) -> StoryMembership:
    """Put an archived version's article into its story, or start a new story.

    Idempotent: an article already in a story stays there; a newer version only
    updates the features its story knows.
    """
    features = version_features(version)
    with transaction.atomic():
        _serialise_writers()
        membership = (
            StoryMembership.objects.select_for_update()
            .filter(article_id=version.article_id)
            .first()
        )
        if membership is not None:
            return _membership_update(membership, version, features)
        match = live.synced_index().match(features)
        story = _current(match.story) if match else None
        if story is None:
            story = Story.objects.create(
                title=version.headline[:300],
                first_published=features.published,
                last_published=features.published,
            )
            match = None
        else:
            _widen(story, features.published)
        membership = StoryMembership.objects.create(
            article_id=version.article_id,
            story=story,
            version=version,
            assigned_by=AssignedBy.AUTO,
            score=round(match.score, 4) if match else None,
            reasons=list(match.shared) if match else [],
            features=features.as_json(),
        )
        StoryEvent.objects.create(
            action=StoryAction.ASSIGNED, story=story, article_id=version.article_id
        )
    return membership


def story_assign_pending() -> int:
    """Assign every archived article that is in no story yet, oldest first."""
    count = 0
    pending = (
        Article.objects.filter(story_membership__isnull=True)
        .order_by("created", "id")
        .values_list("id", flat=True)
    )
    for article_id in list(pending):
        version = (
            ArticleVersion.objects.select_related("article__outlet")
            .filter(article_id=article_id)
            .order_by("-number")
            .first()
        )
        if version is not None:
            story_assign(version=version)
            count += 1
    return count


def story_merge(
    *, source: Story, target: Story, actor: User | AnonymousUser | None = None
) -> Story:
    """An editor merges `source` into `target`; returns the target."""
    if source.pk == target.pk:
        raise ValueError("a story cannot be merged into itself")
    with transaction.atomic():
        _serialise_writers()
        stories = Story.objects.select_for_update().in_bulk([source.pk, target.pk])
        source, target = stories[source.pk], stories[target.pk]
        if source.merged_into_id is not None or target.merged_into_id is not None:
            raise ValueError("a merged story cannot be merged again")
        StoryMembership.objects.filter(story=source).update(story=target, updated=timezone.now())
        source.merged_into = target
        source.save(update_fields=["merged_into", "updated"])
        _refresh_span(target)
        StoryEvent.objects.create(
            action=StoryAction.MERGED, story=target, other_story=source, actor=_user(actor)
        )
    return target


def story_move_article(
    *, article: Article, story: Story | None = None, actor: User | AnonymousUser | None = None
) -> StoryMembership:
    """An editor takes an article out of its story, into `story` or a story of its own.

    The article is pinned there: new articles arriving never pull it back.
    """
    with transaction.atomic():
        _serialise_writers()
        membership = (
            StoryMembership.objects.select_for_update()
            .select_related("story", "version")
            .get(article=article)
        )
        origin = membership.story
        if story is not None and story.merged_into_id is not None:
            raise ValueError("cannot move an article into a merged story")
        if story is not None and story.pk == origin.pk:
            raise ValueError("the article is already in this story")
        if story is None:
            story = Story.objects.create(title=membership.version.headline[:300])
        membership.story = story
        membership.assigned_by = AssignedBy.EDITOR
        membership.pinned = True
        membership.score = None
        membership.reasons = []
        membership.save()
        _refresh_span(story)
        _refresh_span(origin)
        StoryEvent.objects.create(
            action=StoryAction.MOVED,
            story=story,
            other_story=origin,
            article=article,
            actor=_user(actor),
        )
    return membership


def _membership_update(
    membership: StoryMembership, version: ArticleVersion, features: ArticleFeatures
) -> StoryMembership:
    """A new version of an article already in a story: the story learns, nothing moves."""
    if version.number <= membership.version.number:
        return membership
    membership.version = version
    membership.features = features.as_json()
    membership.save(update_fields=["version", "features", "updated"])
    _widen(membership.story, features.published)
    StoryEvent.objects.create(
        action=StoryAction.UPDATED, story=membership.story, article_id=version.article_id
    )
    return membership


def _current(story_id: int) -> Story | None:
    """The story an index match names, following merges; None if it is gone."""
    story = Story.objects.filter(pk=story_id).first()
    seen = set()
    while story is not None and story.merged_into_id is not None and story.pk not in seen:
        seen.add(story.pk)
        story = story.merged_into
    return story


def _widen(story: Story, published: dt.date) -> None:
    first = min(filter(None, (story.first_published, published)))
    last = max(filter(None, (story.last_published, published)))
    if (first, last) != (story.first_published, story.last_published):
        story.first_published, story.last_published = first, last
        story.save(update_fields=["first_published", "last_published", "updated"])


def _refresh_span(story: Story) -> None:
    dates = [
        dt.date.fromisoformat(features["published"])
        for features in story.memberships.values_list("features", flat=True)
    ]
    story.first_published = min(dates, default=None)
    story.last_published = max(dates, default=None)
    story.save(update_fields=["first_published", "last_published", "updated"])


def _published(version: ArticleVersion) -> dt.date:
    if version.published_on is not None:
        return version.published_on
    return timezone.localdate(version.fetched_at)


def _serialise_writers() -> None:
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_advisory_xact_lock(%s)", [_ADVISORY_LOCK])


def _user(actor: User | AnonymousUser | None) -> User | None:
    return actor if isinstance(actor, User) else None
