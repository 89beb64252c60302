"""Reads from the archive, for views and commands."""

from __future__ import annotations

from dataclasses import dataclass

from django.db.models import Count, OuterRef, Q, QuerySet, Subquery
from django.db.models.functions import Substr
from django.shortcuts import get_object_or_404

from corrigenda.archive import addresses
from corrigenda.archive.models import Article, ArticleVersion, Outlet


def article_list(*, outlet: str = "", query: str = "") -> QuerySet[Article]:
    """Articles, the most recently changed first, with their current title and counts.

    `outlet` filters by outlet slug; `query` searches the current title (or, for an
    untitled article, its opening text).
    """
    latest = ArticleVersion.objects.filter(article=OuterRef("pk")).order_by("-number")
    articles = (
        Article.objects.select_related("outlet")
        .annotate(
            version_count=Subquery(latest.values("number")[:1]),  # numbers run 1..n
            current_title=Subquery(latest.values("title")[:1]),
            current_opening=Subquery(
                latest.annotate(opening=Substr("text", 1, 160)).values("opening")[:1]
            ),
            current_published=Subquery(latest.values("published_on")[:1]),
            current_precision=Subquery(latest.values("published_precision")[:1]),
        )
        .order_by("-last_changed", "-id")
    )
    if outlet:
        articles = articles.filter(outlet__slug=outlet)
    if query:
        articles = articles.filter(
            Q(current_title__icontains=query)
            | Q(current_title="", current_opening__icontains=query)
        )
    return articles


def outlet_list() -> QuerySet[Outlet]:
    """Outlets that have archived articles, with how many, for filtering."""
    return Outlet.objects.annotate(article_count=Count("articles")).filter(article_count__gt=0)


def article_get(*, pk: int) -> Article:
    """An article with its outlet; 404 if there is none."""
    return get_object_or_404(Article.objects.select_related("outlet"), pk=pk)


def article_versions(*, article: Article) -> list[ArticleVersion]:
    return list(article.versions.order_by("number"))


def article_by_url(*, url: str) -> Article | None:
    """The article a URL (any spelling of it) or a local file path identifies."""
    try:
        canonical = addresses.canonical_url(url)
    except addresses.BadAddress:
        return None
    return Article.objects.select_related("outlet").filter(canonical_url=canonical).first()


@dataclass(frozen=True)
class VersionPair:
    old: ArticleVersion
    new: ArticleVersion


def version_pair(
    *, versions: list[ArticleVersion], old: int | None = None, new: int | None = None
) -> VersionPair | None:
    """Two versions to compare, by number; by default the previous and the latest.

    None if a number does not exist or the article has a single version and no
    numbers were asked for.
    """
    by_number = {version.number: version for version in versions}
    if not by_number:
        return None
    latest = max(by_number)
    new = latest if new is None else new
    old = (new - 1 if new > 1 else new) if old is None else old
    if old not in by_number or new not in by_number:
        return None
    return VersionPair(by_number[old], by_number[new])
