"""`corrigenda stories`: list stories, optionally grouping what is not grouped yet."""

from __future__ import annotations

import json
from collections.abc import Callable
from io import StringIO

import pytest
from django.core.management import call_command

from corrigenda.archive.models import ArticleVersion
from tests.stories.labelled import story_articles

pytestmark = [pytest.mark.django_db, pytest.mark.urls("tests.stories.urls")]


def _run(*args: str) -> str:
    out = StringIO()
    call_command("stories", *args, stdout=out, stderr=StringIO())
    return out.getvalue()


def test_assign_groups_archived_articles_and_lists_their_stories(
    archive: Callable[[str], ArticleVersion],
) -> None:
    for article in story_articles("ubs_capital_rules") + story_articles("leverkusen_first_title"):
        archive(article.id)
    assert _run() == ""  # nothing grouped yet
    lines = _run("--assign").splitlines()
    assert len(lines) == 2
    assert "3 art." in lines[0]
    assert "3 outl." in lines[0]
    assert lines[0].split()[1] == "2025-06-06"  # the most recent story first


def test_json_lists_the_same_stories(archive: Callable[[str], ArticleVersion]) -> None:
    for article in story_articles("ubs_capital_rules"):
        archive(article.id)
    stories = json.loads(_run("--assign", "--json", "--limit", "5"))
    assert len(stories) == 1
    assert stories[0]["articles"] == 3
    assert stories[0]["first_published"] == "2025-06-06"
    assert stories[0]["url"].endswith(f"/{stories[0]['id']}/")
