"""Reads of publishing: an article's notices, its JSON-LD, an editor's corrections."""

from __future__ import annotations

from typing import Any

from django.db.models import QuerySet
from django.http import Http404

from corrigenda.archive.models import Article
from corrigenda.archive.selectors import article_by_url
from corrigenda.desk.access import desk_outlets
from corrigenda.publish import jsonld
from corrigenda.publish.models import Correction, CorrectionState
from corrigenda.reports.models import Report

SHOWN = (CorrectionState.PUBLISHED, CorrectionState.RETRACTED)


def notices_for_article(*, article: Article, language: str | None = None) -> QuerySet[Correction]:
    """The article's notices as readers see them, newest first.

    Published and retracted ones (a retracted notice stays listed, marked as such);
    drafts never. With `language`, only the notices written in that language.
    """
    notices = Correction.objects.filter(article=article, state__in=SHOWN)
    if language:
        notices = notices.filter(language=language)
    return notices.order_by("-published_at", "-id")


def notices_for_url(*, url: str) -> tuple[Article | None, list[Correction]]:
    """The archived article an address names (any spelling of it), with its notices."""
    article = article_by_url(url=url)
    if article is None:
        return None, []
    return article, list(notices_for_article(article=article))


def article_headline(*, article: Article) -> str:
    latest = article.versions.order_by("-number").first()
    return latest.headline if latest else article.canonical_url


def article_jsonld(*, article: Article) -> dict[str, Any]:
    """The article's schema.org markup with its published (not retracted) notices."""
    published = notices_for_article(article=article).filter(state=CorrectionState.PUBLISHED)
    return jsonld.article_jsonld(
        url=article.canonical_url,
        headline=article_headline(article=article),
        notices=[
            jsonld.Notice(text=c.text, published=c.published_at, modified=c.amended_at)
            for c in published
            if c.published_at is not None
        ],
    )


def correction_for(user: Any, pk: int) -> Correction:
    """The correction if `user` is on its outlet's desk; 404 otherwise (not 403)."""
    found = (
        Correction.objects.select_related("outlet", "article", "version")
        .filter(outlet__in=desk_outlets(user), pk=pk)
        .first()
    )
    if found is None:
        raise Http404("no such correction")
    return found


def corrections_for_report(*, report: Report) -> QuerySet[Correction]:
    """The notices of the report's item (drafts included), newest first: for the desk."""
    item = report.merged_into or report
    return Correction.objects.filter(reports=item).order_by("-created", "-id")


def correction_readers(*, correction: Correction) -> list[Report]:
    """Who stands behind a notice: its reports, or (for a draft) its item's readers."""
    reports = list(correction.reports.select_related("merged_into").order_by("received_at", "id"))
    if correction.state != CorrectionState.DRAFT or not reports:
        return reports
    item = reports[0].merged_into or reports[0]
    return [item, *Report.objects.filter(merged_into=item).order_by("received_at", "id")]
