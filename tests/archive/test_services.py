"""Ingest: versions only when the text changes, outlets found or created, nothing lost."""

from datetime import UTC, datetime
from functools import partial
from pathlib import Path

import pytest

from corrigenda import fetcher
from corrigenda.archive import services
from corrigenda.archive.models import Article, ArticleVersion, Outlet, OutletDomain, SourceKind
from corrigenda.archive.services import IngestStatus, article_ingest, source_ingest
from tests.archive.conftest import Site, article_page, fixture_text

pytestmark = pytest.mark.django_db

PARAGRAPHS = [
    "Der Gemeinderat von Aarwil hat am Montag einen Kredit von 3,2 Millionen Franken bewilligt.",
    "Mit dem Geld wird die Wasserleitung unter der Dorfstrasse auf 800 Metern ersetzt.",
    "Die Arbeiten beginnen im Frühling und dauern voraussichtlich neun Monate.",
]
TEXT = "Aarwil ersetzt seine Wasserleitung\n\n" + "\n\n".join(PARAGRAPHS)
URL = "https://www.dorfblatt.example/aarwil/wasserleitung"


@pytest.fixture
def outlet() -> Outlet:
    return services.outlet_register(
        slug="dorfblatt", name="Dorfblatt", domains=("www.dorfblatt.example",)
    )


def test_first_ingest_creates_article_and_version_one(outlet: Outlet) -> None:
    result = article_ingest(url=URL, text=TEXT)
    assert result.status is IngestStatus.CREATED
    assert result.article.outlet == outlet
    assert result.version.number == 1
    assert result.version.title == "Aarwil ersetzt seine Wasserleitung"
    assert result.version.text == "\n\n".join(PARAGRAPHS)
    assert result.version.source_kind == SourceKind.TEXT_FILE
    assert result.version.raw == TEXT


def test_same_text_again_writes_nothing(outlet: Outlet) -> None:
    first = article_ingest(url=URL, text=TEXT)
    again = article_ingest(url=URL + "?utm_source=feed", text=TEXT.replace("\n\n", "\n \n\n"))
    assert again.status is IngestStatus.UNCHANGED
    assert again.version == first.version
    assert ArticleVersion.objects.count() == 1


def test_changed_text_is_a_new_version(outlet: Outlet) -> None:
    article_ingest(url=URL, text=TEXT)
    result = article_ingest(url=URL, text=TEXT.replace("3,2 Millionen", "3,4 Millionen"))
    assert result.status is IngestStatus.NEW_VERSION
    assert result.version.number == 2
    assert Article.objects.count() == 1


def test_only_the_latest_version_counts(outlet: Outlet) -> None:
    article_ingest(url=URL, text=TEXT)
    article_ingest(url=URL, text=TEXT.replace("3,2", "3,4"))
    # Back to the first wording: a change relative to version 2, so version 3.
    result = article_ingest(url=URL, text=TEXT)
    assert result.status is IngestStatus.NEW_VERSION
    assert result.version.number == 3


def test_a_changed_comment_counter_is_not_a_new_version(outlet: Outlet) -> None:
    article_ingest(url=URL, text=TEXT + "\n\nKommentare: 0")
    result = article_ingest(url=URL, text=TEXT + "\n\nKommentare: 7")
    assert result.status is IngestStatus.UNCHANGED


def test_boilerplate_is_kept_with_the_version(outlet: Outlet) -> None:
    result = article_ingest(url=URL, text=fixture_text("zeitung-notice.txt"))
    version = result.version
    assert "Kommentare: 3" in version.stripped
    assert "Fehler- und Korrekturhinweise" in version.stripped
    assert "Kommentare" not in version.text


def test_unknown_domain_gets_its_own_outlet() -> None:
    page = article_page("Seebad öffnet früher", PARAGRAPHS)
    result = article_ingest(url="https://www.seeblatt.ch/seebad", html=page)
    outlet = result.article.outlet
    assert outlet.name == "Testblatt"  # the page's site name
    assert outlet.slug == "seeblatt-ch"
    assert outlet.spelling == "swiss"
    assert OutletDomain.objects.get(domain="seeblatt.ch").outlet == outlet
    again = article_ingest(url="https://seeblatt.ch/anderes", html=page.replace("früher", "später"))
    assert again.article.outlet == outlet


def test_a_concurrent_first_ingest_of_the_same_domain_shares_its_outlet(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Two first ingests of a new domain: the later one read "no outlet yet" before the
    earlier one committed. It must take the earlier one's outlet, not fail."""
    page = article_page("Seebad öffnet früher", PARAGRAPHS)
    winner = article_ingest(url="https://www.seeblatt.ch/seebad", html=page).article.outlet
    lookups = [lambda _domain: None, services._outlet_of_domain]  # the first one is stale

    def lookup(domain: str) -> Outlet | None:
        return lookups.pop(0)(domain) if len(lookups) > 1 else lookups[0](domain)

    monkeypatch.setattr(services, "_outlet_of_domain", lookup)

    late = article_ingest(url="https://seeblatt.ch/anderes", html=page.replace("früher", "spät"))

    assert late.article.outlet == winner
    assert list(Outlet.objects.filter(slug__startswith="seeblatt")) == [winner]
    assert Article.objects.filter(outlet=winner).count() == 2


def test_explicit_outlet_claims_an_unclaimed_domain(outlet: Outlet) -> None:
    article_ingest(url="https://mirror.example/a", text=TEXT, outlet=outlet)
    assert OutletDomain.objects.get(domain="mirror.example").outlet == outlet


def test_file_without_url_goes_to_local_files(tmp_path: Path) -> None:
    path = tmp_path / "meldung.txt"
    path.write_text(TEXT, encoding="utf-8")
    (outcome,) = source_ingest(source=str(path))
    assert outcome.result is not None
    assert outcome.result.article.canonical_url == path.resolve().as_uri()
    assert outcome.result.article.outlet.slug == services.LOCAL_FILES_SLUG
    (again,) = source_ingest(source=str(path))
    assert again.result is not None
    assert again.result.status is IngestStatus.UNCHANGED


def test_edited_copy_with_url_is_version_two(tmp_path: Path, outlet: Outlet) -> None:
    original, copy = tmp_path / "a.txt", tmp_path / "b.txt"
    original.write_text(TEXT, encoding="utf-8")
    copy.write_text(TEXT.replace("neun Monate", "zehn Monate"), encoding="utf-8")
    source_ingest(source=str(original), url=URL)
    (outcome,) = source_ingest(source=str(copy), url=URL)
    assert outcome.result is not None
    assert outcome.result.status is IngestStatus.NEW_VERSION
    assert outcome.result.version.source_url == copy.resolve().as_uri()


def test_html_file_is_identified_by_its_declared_canonical_url(tmp_path: Path) -> None:
    path = tmp_path / "gespeichert.html"
    path.write_text(fixture_text("velo-article.html"), encoding="utf-8")
    (outcome,) = source_ingest(source=str(path))
    assert outcome.result is not None
    article = outcome.result.article
    assert article.canonical_url == "https://www.seelaender-post.example/region/velovorzugsroute"
    assert article.outlet.name == "Seeländer Post"
    assert outcome.result.version.source_kind == SourceKind.HTML_FILE


def test_failures_are_outcomes_not_exceptions(tmp_path: Path) -> None:
    empty = tmp_path / "leer.txt"
    empty.write_text("  \n", encoding="utf-8")
    outcomes = [
        *source_ingest(source=str(empty)),
        *source_ingest(source=str(tmp_path / "fehlt.txt")),
        *source_ingest(source="http://127.0.0.1/"),
    ]
    assert [o.reason for o in outcomes] == ["not_an_article", "unreadable", "blocked_address"]
    assert all(o.failed and o.message and "\n" not in o.message for o in outcomes)
    assert Article.objects.count() == 0


def test_fetch_time_is_recorded(outlet: Outlet) -> None:
    when = datetime(2025, 2, 11, 7, 30, tzinfo=UTC)
    result = article_ingest(url=URL, text=TEXT, fetched_at=when)
    assert result.version.fetched_at == when


# ---------------------------------------------------------------- over HTTP (loopback)


def test_url_ingest_fetches_through_the_fetcher(site: Site) -> None:
    url = site.add("/region/wasser", article_page("Wasserleitung wird ersetzt", PARAGRAPHS))
    result = article_ingest(url=url, fetch=site.fetch)
    assert result.status is IngestStatus.CREATED
    assert result.version.source_kind == SourceKind.URL
    assert result.version.raw.startswith("<!doctype html>")
    assert result.article.outlet.slug == "127-0-0-1"
    assert site.requests == ["/region/wasser"]


def test_changed_page_becomes_version_two(site: Site) -> None:
    url = site.add("/a", article_page("Titel", PARAGRAPHS))
    article_ingest(url=url, fetch=site.fetch)
    site.add("/a", article_page("Titel", [*PARAGRAPHS[:2], "Die Arbeiten beginnen im Sommer."]))
    result = article_ingest(url=url, fetch=site.fetch)
    assert (result.status, result.version.number) == (IngestStatus.NEW_VERSION, 2)


def test_a_corrected_headline_is_a_new_version(site: Site) -> None:
    url = site.add("/a", article_page("Kredit von 3,2 Millionen", PARAGRAPHS))
    article_ingest(url=url, fetch=site.fetch)
    site.add("/a", article_page("Kredit von 3,4 Millionen", PARAGRAPHS))
    assert article_ingest(url=url, fetch=site.fetch).status is IngestStatus.NEW_VERSION


def test_the_default_fetcher_never_reaches_loopback(site: Site) -> None:
    url = site.add("/a", article_page("Titel", PARAGRAPHS))
    with pytest.raises(fetcher.BlockedAddress):
        article_ingest(url=url)
    (outcome,) = source_ingest(source=url)
    assert outcome.reason == "blocked_address"
    assert site.requests == []


def test_a_page_over_the_size_cap_is_refused(site: Site) -> None:
    url = site.add("/big", article_page("Gross", PARAGRAPHS * 200))
    small = partial(
        fetcher.fetch,
        limits=fetcher.Limits(max_bytes=10_000),
        allow_private=[("127.0.0.1", site.port)],
    )
    (outcome,) = source_ingest(source=url, fetch=small)
    assert outcome.reason == "too_large"


def test_a_page_without_article_text_is_reported(site: Site) -> None:
    url = site.add("/index", "<html><body><nav><a href='/'>Start</a></nav></body></html>")
    (outcome,) = source_ingest(source=url, fetch=site.fetch)
    assert outcome.reason == "not_an_article"


def _rss(site: Site, paths: list[str]) -> bytes:
    items = "".join(f"<item><title>{p}</title><link>{site.url(p)}</link></item>" for p in paths)
    return f'<?xml version="1.0"?><rss version="2.0"><channel>{items}</channel></rss>'.encode()


def test_feed_ingests_every_entry_and_reports_each(site: Site) -> None:
    site.add("/a", article_page("Erster Artikel", PARAGRAPHS))
    site.add(
        "/b", article_page("Zweiter Artikel", [p.replace("Aarwil", "Buchrain") for p in PARAGRAPHS])
    )
    feed = site.add("/feed.xml", _rss(site, ["/a", "/b", "/missing"]), "application/rss+xml")
    outcomes = source_ingest(source=feed, fetch=site.fetch)
    assert [o.reason for o in outcomes] == ["", "", "http_status"]
    assert [o.result.status for o in outcomes if o.result] == [IngestStatus.CREATED] * 2
    assert {v.source_kind for v in ArticleVersion.objects.all()} == {SourceKind.FEED}
    again = source_ingest(source=feed, fetch=site.fetch)
    assert [o.result.status for o in again if o.result] == [IngestStatus.UNCHANGED] * 2


def test_sitemap_index_is_followed_one_level(site: Site) -> None:
    site.add("/a", article_page("Erster Artikel", PARAGRAPHS))
    sitemap = (
        '<?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
        f"<url><loc>{site.url('/a')}</loc></url></urlset>"
    )
    site.add("/sitemap-1.xml", sitemap, "application/xml")
    index = (
        '<?xml version="1.0"?><sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
        f"<sitemap><loc>{site.url('/sitemap-1.xml')}</loc></sitemap>"
        f"<sitemap><loc>{site.url('/gone.xml')}</loc></sitemap></sitemapindex>"
    )
    url = site.add("/sitemap.xml", index, "application/xml")
    outcomes = services.feed_ingest(url=url, fetch=site.fetch)
    assert [o.source for o in outcomes] == [site.url("/a")]
    assert outcomes[0].result is not None


def test_feed_entries_pointing_at_private_addresses_are_blocked(site: Site) -> None:
    """A feed we may read cannot send the fetcher to other internal addresses."""
    feed = _rss(site, ["/a"]).replace(f"127.0.0.1:{site.port}".encode(), b"127.0.0.1")
    url = site.add("/feed.xml", feed, "application/rss+xml")
    (outcome,) = source_ingest(source=url, fetch=site.fetch)
    assert outcome.reason == "blocked_address"


def test_a_feed_that_is_not_xml_fails_once(site: Site) -> None:
    url = site.add("/feed", b"<rss><channel><item>", "application/rss+xml")
    (outcome,) = source_ingest(source=url, fetch=site.fetch, as_feed=True)
    assert outcome.reason == "not_a_feed"
