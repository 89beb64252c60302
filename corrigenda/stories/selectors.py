"""Reads for the story pages, the JSON API and the command line.

`story_page` gathers what the story page shows: the outlets' articles, the fact table
that `corrigenda.claims.compare` builds from their current versions, and a timeline of
the dated facts. The claims of a version are cached per process (a version's text
never changes), so the page costs the claim engine once per new version.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from dataclasses import dataclass, field
from functools import lru_cache

from django.db.models import Count, QuerySet
from django.urls import reverse
from django.utils.translation import gettext_lazy

from corrigenda.archive.models import ArticleVersion
from corrigenda.claims import Claim, Document, Fact, Kind, Statement, Status, compare, extract
from corrigenda.stories.models import Story, StoryMembership


@dataclass(frozen=True)
class StoryArticle:
    article_id: int
    document: str  # the id of its document in the fact table
    outlet: str
    title: str
    url: str
    language: str
    published: dt.date | None
    version: int
    assigned_by: str
    pinned: bool
    score: float | None
    reasons: tuple[str, ...]


@dataclass(frozen=True)
class Side:
    """One side of a fact: the outlets that state it this way, and their sentence."""

    outlets: tuple[str, ...]
    text: str  # the claim as written by the first of them
    sentence: str


@dataclass(frozen=True)
class Cell:
    text: str  # the claim as the article writes it, "" if it does not state the fact
    outlier: bool = False


KIND_LABELS = {
    Kind.AMOUNT: gettext_lazy("Amount"),
    Kind.PERCENT: gettext_lazy("Percentage"),
    Kind.POINTS: gettext_lazy("Percentage points"),
    Kind.COUNT: gettext_lazy("Count"),
    Kind.DATE: gettext_lazy("Date"),
    Kind.QUOTE: gettext_lazy("Quote"),
}


@dataclass(frozen=True)
class FactRow:
    fact: Fact
    cells: tuple[Cell, ...]  # one per article of the story, in the page's order
    agreeing: int  # statements in the majority (all of them when they agree)
    stated: int
    majority: Side | None
    outliers: tuple[Side, ...]  # for a conflict: the minority, each with its sentence

    @property
    def conflict(self) -> bool:
        return self.fact.status is Status.CONFLICT

    @property
    def kind_label(self) -> str:
        return str(KIND_LABELS.get(self.fact.kind, self.fact.kind))

    @property
    def label(self) -> str:
        # The words that grouped the claims, each once (a name and its lemma are the
        # same word to a reader); the engine's internal keys are left out.
        words: dict[str, str] = {}
        for word in self.fact.subject:
            if ":" not in word:
                words.setdefault(word.casefold(), word)
        return ", ".join(list(words.values())[:4])


@dataclass(frozen=True)
class TimelineEntry:
    date: dt.date
    label: str
    detail: str
    kind: str  # "fact" or "published"
    position: float = 0.0  # 0..100 along the story's time axis
    shown: str = ""  # the date at the precision the text gives it ("2015", "2024-02")


@dataclass(frozen=True)
class StoryPage:
    story: Story
    articles: tuple[StoryArticle, ...]
    facts: tuple[FactRow, ...]
    timeline: tuple[TimelineEntry, ...] = field(default=())

    @property
    def conflicts(self) -> int:
        return sum(row.conflict for row in self.facts)


def story_list() -> QuerySet[Story]:
    """Stories with at least one article, most recent first, with their counts."""
    return (
        Story.objects.filter(merged_into__isnull=True)
        .annotate(
            article_count=Count("memberships", distinct=True),
            outlet_count=Count("memberships__article__outlet", distinct=True),
        )
        .filter(article_count__gt=0)
        .order_by("-last_published", "-id")
    )


def story_page(story: Story) -> StoryPage:
    memberships = (
        StoryMembership.objects.filter(story=story)
        .select_related("article__outlet", "version")
        .order_by("version__published_on", "article_id")
    )
    articles = tuple(_story_article(m) for m in memberships)
    documents = [_document(m.version, a) for m, a in zip(memberships, articles, strict=True)]
    facts = compare(documents)
    rows = tuple(_fact_row(fact, articles) for fact in _ordered(facts))
    return StoryPage(story, articles, rows, _timeline(rows, articles))


def story_json(page: StoryPage) -> dict[str, object]:
    """The story as the JSON API and `corrigenda story --json` give it."""
    story = page.story
    return {
        **story_summary_json(story),
        "articles": [
            {
                "id": a.article_id,
                "document": a.document,
                "outlet": a.outlet,
                "title": a.title,
                "url": a.url,
                "language": a.language,
                "published": a.published.isoformat() if a.published else None,
                "version": a.version,
                "assigned_by": a.assigned_by,
                "pinned": a.pinned,
                "score": a.score,
                "shared": list(a.reasons),
            }
            for a in page.articles
        ],
        "facts": [
            {
                **row.fact.as_json(),
                "agreeing": row.agreeing,
                "stated": row.stated,
            }
            for row in page.facts
        ],
        "timeline": [
            {"date": e.shown, "kind": e.kind, "label": e.label, "detail": e.detail}
            for e in page.timeline
        ],
    }


def story_summary_json(story: Story) -> dict[str, object]:
    summary: dict[str, object] = {
        "id": story.pk,
        "title": story.title,
        "url": reverse("stories:detail", args=[story.pk]),
        "created": story.created.isoformat(),
        "updated": story.updated.isoformat(),
        "first_published": _iso(story.first_published),
        "last_published": _iso(story.last_published),
    }
    for count in ("article_count", "outlet_count"):
        if hasattr(story, count):
            summary[count.removesuffix("_count") + "s"] = getattr(story, count)
    return summary


# ---------------------------------------------------------------- internals


def _story_article(membership: StoryMembership) -> StoryArticle:
    version = membership.version
    article = membership.article
    return StoryArticle(
        article_id=article.pk,
        document=str(article.pk),
        outlet=article.outlet.name,
        title=version.headline,
        url=article.canonical_url if article.is_web else "",
        language=version.language or str(membership.features.get("lang", "")),
        published=version.published_on,
        version=version.number,
        assigned_by=membership.assigned_by,
        pinned=membership.pinned,
        score=membership.score,
        reasons=tuple(membership.reasons),
    )


def _document(version: ArticleVersion, article: StoryArticle) -> Document:
    claims = _claims(
        version.pk, version.content_hash, version.text, article.language, version.published_on
    )
    return Document(article.document, article.outlet, claims, version.published_on)


@lru_cache(maxsize=1024)
def _claims(
    version: int, content_hash: str, text: str, lang: str, published: dt.date | None
) -> tuple[Claim, ...]:
    return tuple(extract(text, lang=lang or None, published=published))


def _ordered(facts: list[Fact]) -> list[Fact]:
    """Conflicts first, then by how many articles state the fact."""
    return sorted(facts, key=lambda f: (f.status is not Status.CONFLICT, -len(f.statements)))


def _fact_row(fact: Fact, articles: tuple[StoryArticle, ...]) -> FactRow:
    by_document = {s.document: s for s in fact.statements}
    outliers = set(fact.outliers)
    cells = tuple(
        Cell(by_document[a.document].claim.text, a.document in outliers)
        if a.document in by_document
        else Cell("")
        for a in articles
    )
    majority = [s for s in fact.statements if s.document not in outliers]
    minority = [s for s in fact.statements if s.document in outliers]
    if minority:
        # Beside the outlier, the majority's sentence in the outlier's language reads best.
        majority.sort(key=lambda s: s.claim.lang != minority[0].claim.lang)
    agreeing = len(majority) if fact.status is Status.AGREE or outliers else 0
    return FactRow(
        fact=fact,
        cells=cells,
        agreeing=agreeing,
        stated=len(fact.statements),
        majority=_side(majority) if majority else None,
        outliers=tuple(_side([s]) for s in minority),
    )


def _side(statements: list[Statement]) -> Side:
    first = statements[0]
    return Side(tuple(s.outlet for s in statements), first.claim.text, first.claim.sentence)


def _timeline(
    rows: tuple[FactRow, ...], articles: tuple[StoryArticle, ...]
) -> tuple[TimelineEntry, ...]:
    entries = []
    for row in rows:
        if row.fact.kind is not Kind.DATE:
            continue
        side = row.majority or (row.outliers[0] if row.outliers else None)
        statement = next(
            (s for s in row.fact.statements if side and s.outlet == side.outlets[0]), None
        )
        if statement is None:
            continue
        claim = statement.claim
        day = claim.low if isinstance(claim.low, dt.date) else claim.value
        if isinstance(day, dt.date):
            shown = {"year": f"{day:%Y}", "month": f"{day:%Y-%m}"}.get(
                claim.granularity or "", day.isoformat()
            )
            entries.append(TimelineEntry(day, claim.text, claim.sentence, "fact", shown=shown))
    for article in articles:
        if article.published is not None:
            entries.append(
                TimelineEntry(
                    article.published,
                    article.outlet,
                    article.title,
                    "published",
                    shown=article.published.isoformat(),
                )
            )
    entries.sort(key=lambda e: (e.date, e.kind != "fact", e.label))
    if not entries:
        return ()
    first, last = entries[0].date, entries[-1].date
    span = max((last - first).days, 1)
    return tuple(
        dataclasses.replace(e, position=round((e.date - first).days / span * 100, 1))
        for e in entries
    )


def _iso(day: dt.date | None) -> str | None:
    return day.isoformat() if day else None
