"""`corrigenda story ID [--json]`: one story with its articles and facts."""

from __future__ import annotations

import json
from collections.abc import Callable
from io import StringIO

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from corrigenda.archive.models import ArticleVersion
from corrigenda.stories.services import story_assign
from tests.stories.labelled import story_articles

pytestmark = [pytest.mark.django_db, pytest.mark.urls("tests.stories.urls")]


def _run(*args: str) -> str:
    out = StringIO()
    call_command("story", *args, stdout=out)
    return out.getvalue()


@pytest.fixture
def bid_story_id(archive: Callable[[str], ArticleVersion]) -> int:
    articles = sorted(story_articles("musk_openai_bid"), key=lambda a: a.published)
    memberships = [story_assign(version=archive(a.id)) for a in articles]
    assert len({m.story_id for m in memberships}) == 1
    return memberships[0].story_id


def test_the_story_shows_the_planted_figure_as_the_outlier(bid_story_id: int) -> None:
    text = _run(str(bid_story_id))
    assert "Rheinische Rundschau" in text
    assert "9,75 Milliarden Dollar (outlier)" in text
    assert "outlier Rheinische Rundschau: " in text


def test_json_gives_articles_and_facts(bid_story_id: int) -> None:
    story = json.loads(_run(str(bid_story_id), "--json"))
    assert story["id"] == bid_story_id
    assert {a["language"] for a in story["articles"]} == {"de", "en"}
    conflict = next(f for f in story["facts"] if f["status"] == "conflict")
    assert conflict["agreeing"] == 4
    assert conflict["stated"] == 5
    assert any(c["text"] == "9,75 Milliarden Dollar" for c in conflict["claims"])


def test_an_unknown_story_is_an_error() -> None:
    with pytest.raises(CommandError, match="no story 424242"):
        _run("424242")
