"""Feeds and sitemaps give article addresses; hostile XML gives nothing else."""

import gzip

import pytest

from corrigenda.archive.feeds import FeedKind, NotAFeed, parse_feed, sniff

RSS = b"""<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0"><channel><title>Region</title>
<item><title>Eins</title><link>https://news.example/eins</link></item>
<item><title>Zwei</title><link>/zwei</link></item>
<item><title>Nur GUID</title><guid>https://news.example/drei</guid></item>
<item><title>Doppelt</title><link>https://news.example/eins</link></item>
<item><title>Kein Web</title><link>javascript:alert(1)</link></item>
</channel></rss>"""

ATOM = b"""<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"><title>T</title>
<entry><title>A</title><link rel="self" href="https://news.example/a.xml"/>
<link rel="alternate" href="https://news.example/a"/></entry>
<entry><title>B</title><link href="https://news.example/b"/></entry></feed>"""

SITEMAP = b"""<?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
<url><loc>https://news.example/x</loc><lastmod>2025-02-11</lastmod></url>
<url><loc> https://news.example/y </loc></url></urlset>"""

INDEX = b"""<?xml version="1.0"?><sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
<sitemap><loc>https://news.example/sitemap-1.xml</loc></sitemap></sitemapindex>"""


def test_rss_items_become_absolute_unique_web_addresses() -> None:
    feed = parse_feed(RSS, base_url="https://news.example/feed.xml")
    assert feed.kind is FeedKind.RSS
    assert feed.title == "Region"
    assert [e.url for e in feed.entries] == [
        "https://news.example/eins",
        "https://news.example/zwei",
        "https://news.example/drei",
    ]


def test_atom_uses_the_alternate_link() -> None:
    feed = parse_feed(ATOM)
    assert [e.url for e in feed.entries] == ["https://news.example/a", "https://news.example/b"]
    assert feed.entries[0].title == "A"


def test_sitemaps_and_indexes() -> None:
    assert [e.url for e in parse_feed(SITEMAP).entries] == [
        "https://news.example/x",
        "https://news.example/y",
    ]
    index = parse_feed(INDEX)
    assert index.kind is FeedKind.SITEMAP_INDEX
    assert index.entries[0].url == "https://news.example/sitemap-1.xml"


def test_gzipped_sitemap_is_read_within_a_cap() -> None:
    packed = gzip.compress(SITEMAP)
    assert len(parse_feed(packed).entries) == 2
    with pytest.raises(NotAFeed, match="exceeds"):
        parse_feed(gzip.compress(SITEMAP + b" " * 10_000), max_bytes=1_000)


def test_external_entities_are_not_resolved(tmp_path) -> None:  # type: ignore[no-untyped-def]
    secret = tmp_path / "secret.txt"
    secret.write_text("top-secret")
    hostile = f"""<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY x SYSTEM "file://{secret}">]>
<rss><channel><item><title>&x;</title><link>https://news.example/&x;</link></item></channel></rss>"""
    feed = parse_feed(hostile.encode())
    assert all("top-secret" not in e.url + e.title for e in feed.entries)


@pytest.mark.parametrize(
    ("body", "content_type", "kind"),
    [
        (RSS, "application/rss+xml", FeedKind.RSS),
        (ATOM, "application/atom+xml", FeedKind.ATOM),
        (SITEMAP, "text/xml", FeedKind.SITEMAP),
        (INDEX, "", FeedKind.SITEMAP_INDEX),
        (b"<!doctype html><html><body><p>rss</p></body></html>", "text/html", None),
        (RSS, "text/html", None),
    ],
)
def test_sniffing_by_root_element(body: bytes, content_type: str, kind: FeedKind | None) -> None:
    assert sniff(body, content_type) is kind


@pytest.mark.parametrize("body", [b"<html><body>x</body></html>", b"not xml at all", b"<rss><chan"])
def test_other_documents_are_not_feeds(body: bytes) -> None:
    with pytest.raises(NotAFeed):
        parse_feed(body)
