"""Writes to the archive: outlets, and articles from every kind of source.

Every source — a URL, a feed or sitemap, an HTML file, a text file, the demo loader —
ends in `article_ingest`. Network and parsing happen before the transaction; the
rows for one article are written in one transaction, and a version is only added when
the text differs from the article's *latest* version.

Pages are fetched through `fetch`, a keyword argument defaulting to the SSRF-safe
`corrigenda.fetcher.fetch` with the limits from settings; tests pass a fetch bound to
their loopback server.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum
from functools import partial
from pathlib import Path
from typing import Protocol

from django.conf import settings
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.text import slugify

from corrigenda import fetcher
from corrigenda.archive import addresses, feeds, signals
from corrigenda.archive.extraction import decode_html, extract_html
from corrigenda.archive.models import (
    RESERVED_SLUGS,
    Article,
    ArticleVersion,
    Language,
    Outlet,
    OutletDomain,
    SourceKind,
    Spelling,
    validate_outlet_slug,
)
from corrigenda.archive.text import ExtractedArticle, NotAnArticle, content_hash, extract_text

logger = logging.getLogger(__name__)

Fetch = Callable[[str], fetcher.Page]

# Outlet for files ingested with neither --outlet nor a URL.
LOCAL_FILES_SLUG = "local-files"
# A feed lists dozens of articles, a sitemap thousands: cap what one run fetches.
MAX_FEED_ENTRIES = 1000
MAX_CHILD_SITEMAPS = 50
HTML_TYPES = {"text/html", "application/xhtml+xml"}
HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
FEED_SUFFIXES = {".xml", ".rss", ".atom"}


def default_fetch(url: str) -> fetcher.Page:
    """The SSRF-safe fetcher with the limits configured in settings."""
    limits = fetcher.Limits(
        timeout=settings.FETCH_TIMEOUT_SECONDS,
        max_bytes=settings.FETCH_MAX_BYTES,
        user_agent=settings.FETCH_USER_AGENT,
    )
    return fetcher.fetch(url, limits=limits, allow_private=_allowed_private_sockets())


def _allowed_private_sockets() -> list[tuple[str, int]]:
    """Sockets exempted from the public-address rule (CORRIGENDA_FETCH_ALLOW_PRIVATE).

    Meant for a newsroom's own test setups only: each exemption is one exact address and
    port, never a range.
    """
    return list(settings.FETCH_ALLOW_PRIVATE)


class IngestStatus(StrEnum):
    CREATED = "created"  # a new article with its first version
    NEW_VERSION = "new_version"  # the text changed since the latest version
    UNCHANGED = "unchanged"  # same text as the latest version: nothing written


@dataclass(frozen=True)
class IngestResult:
    article: Article
    version: ArticleVersion
    status: IngestStatus


@dataclass(frozen=True)
class IngestOutcome:
    """What became of one input: a result, or a failure with a one-line message."""

    source: str
    result: IngestResult | None = None
    reason: str = ""
    message: str = ""

    @property
    def failed(self) -> bool:
        return self.result is None


class Progress(Protocol):
    """Follows a multi-article ingest (the CLI draws its progress bar from it).

    Each input counts as one article until `expand` says it turned out to be `count`
    articles (a feed's entries, a directory's files); `advance` reports each outcome.
    """

    def expand(self, count: int) -> None: ...

    def advance(self, outcome: IngestOutcome) -> None: ...


class _NoProgress:
    def expand(self, count: int) -> None:
        pass

    def advance(self, outcome: IngestOutcome) -> None:
        pass


# ---------------------------------------------------------------- outlets


def outlet_register(
    *,
    slug: str,
    name: str,
    language: str = Language.GERMAN,
    desk_email: str = "",
    spelling: str = Spelling.STANDARD,
    domains: tuple[str, ...] = (),
) -> Outlet:
    """Create or update an outlet by slug and claim its domains (idempotent)."""
    validate_outlet_slug(slug)
    with transaction.atomic():
        outlet, _ = Outlet.objects.update_or_create(
            slug=slug,
            defaults={
                "name": name,
                "language": language,
                "desk_email": desk_email,
                "spelling": spelling,
            },
        )
        for domain in domains:
            OutletDomain.objects.update_or_create(
                domain=addresses.domain_of(f"https://{domain}"), defaults={"outlet": outlet}
            )
    return outlet


def _unique_slug(base: str) -> str:
    base = slugify(base)[:90] or "outlet"
    slug, counter = base, 2
    while slug in RESERVED_SLUGS or Outlet.objects.filter(slug=slug).exists():
        slug, counter = f"{base}-{counter}", counter + 1
    return slug


def _outlet_for(url: str, extracted: ExtractedArticle, outlet: Outlet | None) -> Outlet:
    """The outlet an article belongs to; an unknown domain gets an outlet of its own.

    Other outlets' articles are archived too, so stories can be compared across them.
    """
    domain = addresses.domain_of(url) if addresses.is_web_url(url) else ""
    if outlet is not None:
        if domain:
            OutletDomain.objects.get_or_create(domain=domain, defaults={"outlet": outlet})
        return outlet
    if not domain:
        local, _ = Outlet.objects.get_or_create(
            slug=LOCAL_FILES_SLUG, defaults={"name": "Local files"}
        )
        return local
    known = _outlet_of_domain(domain)
    if known is not None:
        return known
    try:
        # A savepoint: two first ingests of a new domain at once both get here, and the
        # later one must be able to take the earlier one's outlet instead of failing.
        with transaction.atomic():
            created = Outlet.objects.create(
                name=extracted.sitename or domain,
                slug=_unique_slug(domain.replace(".", "-")),
                language=extracted.language if extracted.language in Language.values else "de",
                # Swiss and Liechtenstein outlets write "ss" for "ß".
                spelling=Spelling.SWISS if domain.endswith((".ch", ".li")) else Spelling.STANDARD,
            )
            OutletDomain.objects.create(outlet=created, domain=domain)
    except IntegrityError:
        winner = _outlet_of_domain(domain)
        if winner is None:
            raise
        return winner
    return created


def _outlet_of_domain(domain: str) -> Outlet | None:
    known = OutletDomain.objects.select_related("outlet").filter(domain=domain).first()
    return known.outlet if known is not None else None


# ---------------------------------------------------------------- articles


@dataclass(frozen=True)
class _Source:
    extracted: ExtractedArticle
    canonical_url: str
    raw: str
    source_url: str
    kind: SourceKind
    fetched_at: datetime


def _from_page(page: fetcher.Page) -> _Source:
    if feeds.sniff(page.body, page.content_type) is not None:
        raise NotAnArticle(f"not an article but a feed or sitemap: {page.final_url}")
    raw = page.text()
    if page.content_type == "text/plain":
        extracted = extract_text(raw)
        canonical = page.final_url
    elif page.content_type and page.content_type not in HTML_TYPES:
        raise NotAnArticle(f"not an article: {page.content_type} at {page.final_url}")
    else:
        extracted = extract_html(raw, url=page.final_url)
        canonical = addresses.trusted_canonical(page.final_url, extracted.canonical_url)
    return _Source(extracted, canonical, raw, page.final_url, SourceKind.URL, page.fetched_at)


def _identify(url: str | None, declared: str, source_url: str | None) -> str:
    """An article's identity: the given URL, else the page's declared canonical URL,
    else where it was read from."""
    if url and declared and addresses.is_web_url(url):
        return addresses.trusted_canonical(url, declared)
    identity = url or (declared if addresses.is_web_url(declared) else "") or source_url
    if not identity:
        raise ValueError("the article needs a URL that identifies it")
    return identity


def _read(
    *,
    url: str | None,
    page: fetcher.Page | None,
    html: str | None,
    text: str | None,
    source_url: str | None,
    fetch: Fetch,
) -> _Source:
    if html is not None:
        web_url = url if url and addresses.is_web_url(url) else None
        extracted = extract_html(html, url=web_url)
        identity = _identify(url, extracted.canonical_url, source_url)
        where = source_url or identity
        return _Source(extracted, identity, html, where, SourceKind.HTML_FILE, timezone.now())
    if text is not None:
        identity = _identify(url, "", source_url)
        where = source_url or identity
        return _Source(
            extract_text(text), identity, text, where, SourceKind.TEXT_FILE, timezone.now()
        )
    if page is None:
        if url is None:
            raise ValueError("article_ingest needs a url, a page, html or text")
        page = fetch(url)
    return _from_page(page)


def article_ingest(
    *,
    outlet: Outlet | None = None,
    url: str | None = None,
    page: fetcher.Page | None = None,
    html: str | None = None,
    text: str | None = None,
    source_url: str | None = None,
    source_kind: SourceKind | None = None,
    fetched_at: datetime | None = None,
    fetch: Fetch = default_fetch,
) -> IngestResult:
    """Archive one article from a URL (fetched), a fetched page, HTML or plain text.

    Identity: `url` if given (a page's declared canonical URL on the same domain wins
    over it), else an HTML document's declared canonical URL, else `source_url` — so a
    file is identified by its `file:` URI. A text identical to the latest version's
    (by `content_hash`) writes nothing and returns UNCHANGED. Unknown domains get an
    outlet of their own unless `outlet` is given.

    Raises NotAnArticle, fetcher.FetchError, addresses.BadAddress or ValueError.
    """
    source = _read(url=url, page=page, html=html, text=text, source_url=source_url, fetch=fetch)
    return _store(
        source.extracted,
        canonical_url=addresses.canonical_url(source.canonical_url),
        outlet=outlet,
        raw=source.raw,
        source_url=source.source_url,
        source_kind=source_kind or source.kind,
        fetched_at=fetched_at or source.fetched_at,
    )


def _store(
    extracted: ExtractedArticle,
    *,
    canonical_url: str,
    outlet: Outlet | None,
    raw: str,
    source_url: str,
    source_kind: SourceKind,
    fetched_at: datetime,
) -> IngestResult:
    digest = content_hash(extracted.title, extracted.text)
    with transaction.atomic():
        article = Article.objects.select_for_update().filter(canonical_url=canonical_url).first()
        created = article is None
        if article is None:
            owner = _outlet_for(canonical_url, extracted, outlet)
            # get_or_create: a concurrent ingest of the same URL may have just created it.
            article, created = Article.objects.get_or_create(
                canonical_url=canonical_url, defaults={"outlet": owner, "last_changed": fetched_at}
            )
            if not created:
                article = Article.objects.select_for_update().get(pk=article.pk)
        latest = None if created else article.versions.order_by("-number").first()
        if latest is not None and latest.content_hash == digest:
            return IngestResult(article, latest, IngestStatus.UNCHANGED)
        published = extracted.published
        version = ArticleVersion.objects.create(
            article=article,
            number=latest.number + 1 if latest else 1,
            title=extracted.title[:1000],
            byline=extracted.byline[:500],
            text=extracted.text,
            stripped=extracted.stripped_text,
            published_on=published.on if published else None,
            published_precision=published.precision.value if published else "",
            updated_on=extracted.updated,
            language=extracted.language,
            content_hash=digest,
            fetched_at=fetched_at,
            source_url=source_url[:2048],
            source_kind=source_kind,
            raw=raw.replace("\x00", ""),  # PostgreSQL text cannot hold NUL
        )
        if not created:
            article.last_changed = fetched_at
            article.save(update_fields=["last_changed"])
        signals.version_archived.send(sender=ArticleVersion, version=version)
    status = IngestStatus.CREATED if created else IngestStatus.NEW_VERSION
    return IngestResult(article, version, status)


# ---------------------------------------------------------------- feeds and sitemaps


def feed_ingest(
    *,
    url: str,
    outlet: Outlet | None = None,
    body: bytes | None = None,
    max_entries: int = MAX_FEED_ENTRIES,
    fetch: Fetch = default_fetch,
    progress: Progress | None = None,
) -> list[IngestOutcome]:
    """Archive every article an RSS/Atom feed or a sitemap (index) lists.

    `body` is the feed if already at hand (fetched, or read from a file); otherwise
    `url` is fetched. Each entry is fetched and ingested on its own: a failing entry is
    reported in its outcome and does not stop the others. Raises fetcher.FetchError or
    feeds.NotAFeed if the feed itself cannot be read.
    """
    progress = progress or _NoProgress()
    base_url = url if addresses.is_web_url(url) else ""
    if body is None:
        page = fetch(url)
        body, base_url = page.body, page.final_url
    entries = list(_feed_entries(body, base_url, fetch=fetch))[:max_entries]
    progress.expand(len(entries))
    outcomes = []
    for entry in entries:
        outcome = _attempt(entry.url, partial(_entry_ingest, entry.url, outlet, fetch))
        progress.advance(outcome)
        outcomes.append(outcome)
    return outcomes


def _entry_ingest(url: str, outlet: Outlet | None, fetch: Fetch) -> IngestResult:
    return article_ingest(url=url, outlet=outlet, source_kind=SourceKind.FEED, fetch=fetch)


def _feed_entries(body: bytes, base_url: str, *, fetch: Fetch) -> Iterator[feeds.FeedEntry]:
    feed = feeds.parse_feed(body, base_url=base_url, max_bytes=settings.FETCH_MAX_BYTES)
    if feed.kind is not feeds.FeedKind.SITEMAP_INDEX:
        yield from feed.entries
        return
    # One level of nesting: an index lists sitemaps, which list articles.
    for child in feed.entries[:MAX_CHILD_SITEMAPS]:
        try:
            page = fetch(child.url)
            nested = feeds.parse_feed(
                page.body, base_url=page.final_url, max_bytes=settings.FETCH_MAX_BYTES
            )
        except (fetcher.FetchError, feeds.NotAFeed) as error:
            logger.warning("skipping sitemap %s: %s", child.url, error)
            continue
        if nested.kind is feeds.FeedKind.SITEMAP:
            yield from nested.entries


# ---------------------------------------------------------------- any source


def _attempt(source: str, ingest: Callable[[], IngestResult]) -> IngestOutcome:
    """Run one ingest, turning every failure into an outcome with a one-line message."""
    try:
        return IngestOutcome(source, result=ingest())
    except fetcher.FetchError as error:
        # The class's reason is the category (too_large); the instance's is finer
        # (body_too_large) and shows in the message.
        return IngestOutcome(source, reason=type(error).reason, message=str(error))
    except (NotAnArticle, feeds.NotAFeed, addresses.BadAddress) as error:
        return IngestOutcome(source, reason=error.reason, message=str(error))
    except (OSError, ValueError) as error:  # UnicodeDecodeError is a ValueError
        return IngestOutcome(source, reason="unreadable", message=str(error))
    except Exception as error:  # one broken input must not stop a batch
        logger.exception("unexpected failure ingesting %s", source)
        return IngestOutcome(source, reason="error", message=f"{type(error).__name__}: {error}")


def _read_text(path: Path) -> str:
    raw = path.read_bytes()
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        return raw.decode("cp1252", errors="replace")


def source_ingest(
    *,
    source: str,
    outlet: Outlet | None = None,
    url: str | None = None,
    as_feed: bool = False,
    fetch: Fetch = default_fetch,
    progress: Progress | None = None,
) -> list[IngestOutcome]:
    """Archive whatever `source` is: an article URL, a feed or sitemap URL, a file or a
    directory of files. Never raises for a failing input: each yields an outcome.

    Files: `.html`/`.htm` are pages, `.xml`/`.rss`/`.atom` holding a feed are feeds,
    anything else is plain text. `url` gives a single file's canonical URL (so an
    edited copy becomes a new version of that article); without it an HTML file's
    declared canonical URL or else the file's absolute `file:` URI identifies it.
    `as_feed` treats a URL as a feed or sitemap whatever it looks like.
    """
    progress = progress or _NoProgress()
    if addresses.is_web_url(source):
        return _url_ingest(source, outlet=outlet, as_feed=as_feed, fetch=fetch, progress=progress)
    path = Path(source).expanduser()
    if path.is_dir():
        files = sorted(
            p
            for p in path.iterdir()
            if p.is_file() and p.suffix.lower() in {*HTML_SUFFIXES, *FEED_SUFFIXES, ".txt"}
        )
        if not files:
            error = OSError(f"no .html, .txt or feed files in {path}")
            return _one(source, partial(_raise, error), progress)
        progress.expand(len(files))
        outcomes: list[IngestOutcome] = []
        for file in files:
            outcomes += _file_ingest(file, outlet=outlet, url=None, fetch=fetch, progress=progress)
        return outcomes
    return _file_ingest(path, outlet=outlet, url=url, fetch=fetch, progress=progress)


def _one(
    source: str, ingest: Callable[[], IngestResult], progress: Progress
) -> list[IngestOutcome]:
    outcome = _attempt(source, ingest)
    progress.advance(outcome)
    return [outcome]


def _feed_or_failure(
    source: str, *, outlet: Outlet | None, body: bytes, fetch: Fetch, progress: Progress
) -> list[IngestOutcome]:
    try:
        return feed_ingest(url=source, outlet=outlet, body=body, fetch=fetch, progress=progress)
    except (fetcher.FetchError, feeds.NotAFeed) as error:
        return _one(source, partial(_raise, error), progress)


def _raise(error: Exception) -> IngestResult:
    raise error


def _url_ingest(
    source: str, *, outlet: Outlet | None, as_feed: bool, fetch: Fetch, progress: Progress
) -> list[IngestOutcome]:
    try:
        page = fetch(source)
    except fetcher.FetchError as error:
        return _one(source, partial(_raise, error), progress)
    if as_feed or feeds.sniff(page.body, page.content_type) is not None:
        return _feed_or_failure(
            source, outlet=outlet, body=page.body, fetch=fetch, progress=progress
        )
    return _one(source, partial(article_ingest, page=page, outlet=outlet, fetch=fetch), progress)


def _file_ingest(
    path: Path, *, outlet: Outlet | None, url: str | None, fetch: Fetch, progress: Progress
) -> list[IngestOutcome]:
    source = str(path)
    suffix = path.suffix.lower()
    if suffix in FEED_SUFFIXES and path.is_file():
        body = path.read_bytes()
        if feeds.sniff(body) is not None:
            return _feed_or_failure(
                source, outlet=outlet, body=body, fetch=fetch, progress=progress
            )
    return _one(source, partial(_file_article_ingest, path, outlet, url), progress)


def _file_article_ingest(path: Path, outlet: Outlet | None, url: str | None) -> IngestResult:
    if not path.is_file():
        raise OSError(f"no such file: {path}")
    identity = addresses.canonical_url(url) if url else None
    where = addresses.file_url(path)
    if path.suffix.lower() in HTML_SUFFIXES:
        html = decode_html(path.read_bytes())
        return article_ingest(outlet=outlet, url=identity, html=html, source_url=where)
    return article_ingest(outlet=outlet, url=identity, text=_read_text(path), source_url=where)
