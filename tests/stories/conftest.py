from __future__ import annotations

import pytest

from corrigenda.stories.features import article_features
from corrigenda.stories.grouping import ArticleFeatures
from tests.stories.labelled import LabelledArticle, labelled_articles

_cache: dict[str, ArticleFeatures] = {}


def features_of(article: LabelledArticle) -> ArticleFeatures:
    """The grouping features of a labelled article (the claim engine runs once per test run)."""
    if article.id not in _cache:
        _cache[article.id] = article_features(
            id=article.id,
            text=article.text,
            title=article.title,
            lang=article.lang,
            published=article.published,
            outlet=article.outlet,
        )
    return _cache[article.id]


@pytest.fixture(scope="session")
def labelled_features() -> dict[str, ArticleFeatures]:
    return {article.id: features_of(article) for article in labelled_articles()}


OUTLETS = {
    "Limmat-Kurier": ("limmat-kurier", "de", "swiss"),
    "Rheinische Rundschau": ("rheinische-rundschau", "de", "standard"),
    "Wiener Abendpost": ("wiener-abendpost", "de", "standard"),
    "Harbour Herald": ("harbour-herald", "en", "standard"),
    "Capital Ledger": ("capital-ledger", "en", "standard"),
}


def archive_labelled(article: LabelledArticle):  # type: ignore[no-untyped-def]
    """Archive a labelled article through the archive's own ingest, as text with a date."""
    from corrigenda.archive.services import article_ingest, outlet_register

    slug, language, spelling = OUTLETS[article.outlet]
    outlet = outlet_register(
        slug=slug,
        name=article.outlet,
        language=language,
        spelling=spelling,
        domains=(f"{slug}.example",),
    )
    text = f" date {article.published.isoformat()} {article.title}\n\n{article.text}\n"
    return article_ingest(
        outlet=outlet, text=text, url=f"https://{slug}.example/{article.id}"
    ).version


@pytest.fixture
def archive():  # type: ignore[no-untyped-def]
    """Archive labelled articles by id; the stories' in-process index starts empty."""
    from corrigenda.stories import live

    live.forget()
    by_id = {a.id: a for a in labelled_articles()}
    yield lambda article_id: archive_labelled(by_id[article_id])
    live.forget()
