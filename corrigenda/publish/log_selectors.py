"""Reads for the public corrections log: the HTML page, the Atom feed and the JSON.

The log lists an outlet's published notices newest first, and the retracted ones
(marked as retracted: a retraction is public too). Drafts never appear.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime
from functools import cached_property
from urllib.parse import urlsplit

from django.conf import settings
from django.core.exceptions import BadRequest
from django.db.models import Count, Max, OuterRef, Prefetch, Q, QuerySet, Subquery
from django.shortcuts import get_object_or_404
from django.urls import reverse

from corrigenda.archive.models import ArticleVersion, Outlet
from corrigenda.publish.models import Correction, CorrectionState

PUBLIC_STATES = (CorrectionState.PUBLISHED, CorrectionState.RETRACTED)
_MONTH = re.compile(r"(\d{4})-(\d{2})")


@dataclass(frozen=True)
class Month:
    year: int
    month: int

    @property
    def value(self) -> str:
        return f"{self.year:04d}-{self.month:02d}"

    @property
    def first_day(self) -> date:
        return date(self.year, self.month, 1)


def month_parse(value: str) -> Month | None:
    """`YYYY-MM` from the query string; empty is None, anything else is a 400."""
    value = value.strip()
    if not value:
        return None
    match = _MONTH.fullmatch(value)
    if match is None or not 1 <= int(match[2]) <= 12:
        raise BadRequest("month must be YYYY-MM")
    return Month(int(match[1]), int(match[2]))


def log_outlets() -> QuerySet[Outlet]:
    """Outlets with at least one public notice, with their count and latest date."""
    public = Q(corrections__state__in=PUBLIC_STATES)
    return (
        Outlet.objects.annotate(
            correction_count=Count("corrections", filter=public),
            latest_correction=Max("corrections__published_at", filter=public),
        )
        .filter(correction_count__gt=0)
        .order_by("name")
    )


def log_outlet(*, slug: str) -> Outlet:
    return get_object_or_404(Outlet, slug=slug)


def log_corrections(
    *, outlet: Outlet, query: str = "", month: Month | None = None
) -> QuerySet[Correction]:
    """The outlet's public notices, newest first, filtered by text and month.

    `query` searches the notice, what was wrong and right, the article's current
    title and its address; `month` is the month of publication in the site's time zone.
    """
    latest = ArticleVersion.objects.filter(article=OuterRef("article")).order_by("-number")
    versions = ArticleVersion.objects.only("id", "article_id", "number", "title", "fetched_at")
    corrections = (
        Correction.objects.filter(outlet=outlet, state__in=PUBLIC_STATES)
        .select_related("outlet", "article", "version")
        .prefetch_related("revisions", Prefetch("article__versions", queryset=versions))
        .annotate(article_title=Subquery(latest.values("title")[:1]))
        .order_by("-published_at", "-id")
    )
    if query:
        corrections = corrections.filter(
            Q(text__icontains=query)
            | Q(wrong__icontains=query)
            | Q(right__icontains=query)
            | Q(article_title__icontains=query)
            | Q(article__canonical_url__icontains=query)
        )
    if month is not None:
        corrections = corrections.filter(
            published_at__year=month.year, published_at__month=month.month
        )
    return corrections


def log_months(*, outlet: Outlet) -> list[Month]:
    """The months with public notices, newest first, for the month filter."""
    found = Correction.objects.filter(outlet=outlet, state__in=PUBLIC_STATES).datetimes(
        "published_at", "month", order="DESC"
    )
    return [Month(moment.year, moment.month) for moment in found]


@dataclass(frozen=True)
class LogEntry:
    """One notice as the log shows it, with the versions to diff where the archive has both."""

    correction: Correction
    title: str
    diff: tuple[int, int] | None  # (old, new) version numbers for the archive's diff page

    @property
    def retracted(self) -> bool:
        return self.correction.state == CorrectionState.RETRACTED

    @property
    def amended(self) -> bool:
        return self.correction.amended_at is not None

    @property
    def updated(self) -> datetime:
        """The last public change: published, amended or retracted."""
        moments = (
            self.correction.published_at,
            self.correction.amended_at,
            self.correction.retracted_at,
        )
        return max(moment for moment in moments if moment is not None)

    @cached_property
    def urls(self) -> EntryUrls:
        return entry_urls(self)

    @property
    def atom_id(self) -> str:
        """A stable Atom id (a tag: URI, RFC 4151) that survives amendments and moves."""
        host = urlsplit(settings.SITE_URL).hostname or "localhost"
        published = self.correction.published_at or self.correction.created
        return f"tag:{host},{published:%Y-%m-%d}:corrections/{self.correction.pk}"


@dataclass(frozen=True)
class EntryUrls:
    """Where an entry points: paths on this site, and the article's own address."""

    notice: str  # the entry on the outlet's log page
    archive: str  # the archived article with its versions
    original: str | None  # the article on the outlet's site (None for a local file)
    diff: str | None  # the archive's before/after diff, where it has both versions


def entry_urls(entry: LogEntry) -> EntryUrls:
    correction = entry.correction
    article = correction.article
    log = reverse("publish:log", args=[correction.outlet.slug])
    diff = None
    if entry.diff is not None:
        old, new = entry.diff
        diff = f"{reverse('archive:article_diff', args=[article.pk])}?from={old}&to={new}"
    return EntryUrls(
        notice=f"{log}#correction-{correction.pk}",
        archive=reverse("archive:article_detail", args=[article.pk]),
        original=article.canonical_url if article.is_web else None,
        diff=diff,
    )


def log_entries(corrections: Iterable[Correction]) -> list[LogEntry]:
    """Notices from `log_corrections` (its prefetches loaded) as the log shows them."""
    entries = []
    for correction in corrections:
        versions = sorted(correction.article.versions.all(), key=lambda v: v.number)
        latest = versions[-1] if versions else None
        title = getattr(correction, "article_title", "") or (latest.headline if latest else "")
        entries.append(
            LogEntry(
                correction=correction,
                title=title or correction.article.canonical_url,
                diff=_diff_pair(correction, versions),
            )
        )
    return entries


def _diff_pair(correction: Correction, versions: list[ArticleVersion]) -> tuple[int, int] | None:
    """The version the notice is about and the one after it, if the archive has both.

    Without a recorded version, the last one fetched before publication stands in.
    """
    before = correction.version
    if before is None and correction.published_at is not None:
        earlier = [v for v in versions if v.fetched_at <= correction.published_at]
        before = earlier[-1] if earlier else None
    if before is None:
        return None
    after = next((v for v in versions if v.number > before.number), None)
    return None if after is None else (before.number, after.number)
