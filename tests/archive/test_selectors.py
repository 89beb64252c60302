"""Reads: the current title, counts, and picking two versions to compare."""

import pytest

from corrigenda.archive import selectors
from corrigenda.archive.services import article_ingest

pytestmark = pytest.mark.django_db

URL = "https://dorfblatt.example/a"


def ingest(
    title: str, body: str = "Der Rat tagte am Montag und entschied über das Budget."
) -> None:
    article_ingest(url=URL, text=f"{title}\n\n{body}")


def test_list_carries_the_latest_title_and_the_version_count() -> None:
    ingest("Rat tagt")
    ingest("Rat tagt lange")
    (article,) = selectors.article_list()
    assert article.current_title == "Rat tagt lange"  # type: ignore[attr-defined]
    assert article.version_count == 2  # type: ignore[attr-defined]
    assert list(selectors.article_list(query="lange")) == [article]
    assert list(selectors.article_list(query="kurz")) == []


def test_untitled_articles_are_found_by_their_opening() -> None:
    article_ingest(url=URL, text="Der Rat tagte am Montag und entschied über das Budget.")
    assert len(selectors.article_list(query="Budget")) == 1


def test_version_pair_defaults_and_bounds() -> None:
    for title in ("Eins", "Zwei", "Drei"):
        ingest(title)
    article = selectors.article_by_url(url=URL + "#frag")
    assert article is not None
    versions = selectors.article_versions(article=article)
    pair = selectors.version_pair(versions=versions)
    assert pair is not None
    assert (pair.old.number, pair.new.number) == (2, 3)
    pair = selectors.version_pair(versions=versions, new=2)
    assert pair is not None
    assert (pair.old.number, pair.new.number) == (1, 2)
    assert selectors.version_pair(versions=versions, old=4) is None
    assert selectors.version_pair(versions=[]) is None
