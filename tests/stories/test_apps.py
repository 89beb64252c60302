"""Ingest → story: the archive queues the assignment in its own transaction, the worker runs it."""

from __future__ import annotations

import pytest
from django.core.management import call_command
from django.db import transaction
from django_tasks_db.models import DBTaskResult

from corrigenda.archive.services import article_ingest
from corrigenda.stories.models import StoryMembership
from tests.stories.labelled import labelled_articles


def _ingest(story: str) -> list[int]:
    ids = []
    for article in (a for a in labelled_articles() if a.story == story):
        text = f" date {article.published.isoformat()} {article.title}\n\n{article.text}"
        result = article_ingest(
            text=text,
            url=f"https://{article.outlet.lower().replace(' ', '-')}.example/{article.id}",
        )
        ids.append(result.article.pk)
    return ids


@pytest.mark.django_db(transaction=True)
def test_ingested_articles_are_grouped_by_the_worker_from_queued_tasks() -> None:
    ours = _ingest("ai_action_summit")
    other = _ingest("distractor_openai_munich")
    assert DBTaskResult.objects.filter(status="READY").count() == len(ours) + len(other)
    assert not StoryMembership.objects.exists()  # nothing happens until the worker runs

    call_command("worker", batch=True, interval=0.1, verbosity=0)

    stories = dict(StoryMembership.objects.values_list("article_id", "story_id"))
    assert len({stories[pk] for pk in ours}) == 1
    assert {stories[pk] for pk in other}.isdisjoint({stories[pk] for pk in ours})


class Crash(Exception):
    pass


def _ingest_then_crash() -> None:
    with transaction.atomic():
        _ingest("ai_action_summit")
        raise Crash("the process dies before the commit")


@pytest.mark.django_db(transaction=True)
def test_a_rolled_back_ingest_leaves_no_task_behind() -> None:
    with pytest.raises(Crash):
        _ingest_then_crash()
    assert not DBTaskResult.objects.exists()
