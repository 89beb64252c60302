"""RSS, Atom and sitemap documents: the article addresses they list.

Pure Python, parsing bytes only: the documents are fetched by `corrigenda.fetcher`
(never by feedparser or trafilatura), so every address goes through the same SSRF
checks. The XML parser resolves no entities, loads no DTD and touches no network, so a
hostile feed cannot read local files or expand a billion laughs.
"""

from __future__ import annotations

import gzip
import io
import re
from dataclasses import dataclass
from enum import StrEnum
from urllib.parse import urljoin

from lxml import etree


class NotAFeed(ValueError):
    reason = "not_a_feed"


class FeedKind(StrEnum):
    RSS = "rss"
    ATOM = "atom"
    SITEMAP = "sitemap"
    SITEMAP_INDEX = "sitemap_index"

    @property
    def is_sitemap(self) -> bool:
        return self in {FeedKind.SITEMAP, FeedKind.SITEMAP_INDEX}


@dataclass(frozen=True)
class FeedEntry:
    url: str
    title: str = ""


@dataclass(frozen=True)
class Feed:
    kind: FeedKind
    entries: tuple[FeedEntry, ...]
    title: str = ""


_ROOTS = {
    "rss": FeedKind.RSS,
    "RDF": FeedKind.RSS,  # RSS 1.0
    "feed": FeedKind.ATOM,
    "urlset": FeedKind.SITEMAP,
    "sitemapindex": FeedKind.SITEMAP_INDEX,
}
_XML_TYPES = re.compile(r"(?:xml|rss|atom)", re.IGNORECASE)
_ROOT_TAG = re.compile(rb"<(?:[\w-]+:)?(rss|RDF|feed|urlset|sitemapindex)[\s>]")
_GZIP_MAGIC = b"\x1f\x8b"


def _parser() -> etree.XMLParser:
    return etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False)


def _ungzip(body: bytes, max_bytes: int) -> bytes:
    """Decompress a gzipped sitemap (sitemap.xml.gz), refusing more than `max_bytes`."""
    if not body.startswith(_GZIP_MAGIC):
        return body
    with gzip.GzipFile(fileobj=io.BytesIO(body)) as stream:
        data = stream.read(max_bytes + 1)
    if len(data) > max_bytes:
        raise NotAFeed(f"decompressed sitemap exceeds {max_bytes} bytes")
    return data


def sniff(body: bytes, content_type: str = "") -> FeedKind | None:
    """The kind of feed a fetched document is, or None for anything else (e.g. HTML)."""
    head = body[:2048]
    if head.startswith(_GZIP_MAGIC):
        return FeedKind.SITEMAP if "html" not in content_type.lower() else None
    found = _ROOT_TAG.search(head)
    if found is None:
        return None
    if "html" in content_type.lower() and not _XML_TYPES.search(content_type):
        return None
    return _ROOTS[found.group(1).decode("ascii")]


def _local(element: etree._Element) -> str:
    return etree.QName(element).localname if isinstance(element.tag, str) else ""


def _children(element: etree._Element, name: str) -> list[etree._Element]:
    return [child for child in element if _local(child) == name]


def _child_text(element: etree._Element, name: str) -> str:
    for child in _children(element, name):
        return " ".join("".join(child.itertext()).split())
    return ""


def _atom_link(entry: etree._Element) -> str:
    links = _children(entry, "link")
    for link in links:
        if link.get("rel", "alternate") == "alternate" and link.get("href"):
            return str(link.get("href"))
    return str(links[0].get("href", "")) if links else ""


def parse_feed(body: bytes, *, base_url: str = "", max_bytes: int = 50 * 1024 * 1024) -> Feed:
    """The addresses a feed or sitemap lists, absolute, http(s) only, first one wins."""
    data = _ungzip(body, max_bytes)
    try:
        root = etree.fromstring(data, _parser())
    except etree.XMLSyntaxError as error:
        raise NotAFeed(f"not a feed or sitemap: {error}") from None
    kind = _ROOTS.get(_local(root))
    if kind is None:
        raise NotAFeed(f"not a feed or sitemap: root element <{_local(root)}>")
    title = ""
    pairs: list[tuple[str, str]] = []
    if kind is FeedKind.RSS:
        channel = next(iter(_children(root, "channel")), root)
        title = _child_text(channel, "title")
        items = _children(channel, "item") or _children(root, "item")
        for item in items:
            link = _child_text(item, "link")
            guid = next(iter(_children(item, "guid")), None)
            if not link and guid is not None and guid.get("isPermaLink", "true") == "true":
                link = _child_text(item, "guid")
            pairs.append((link, _child_text(item, "title")))
    elif kind is FeedKind.ATOM:
        title = _child_text(root, "title")
        pairs = [(_atom_link(e), _child_text(e, "title")) for e in _children(root, "entry")]
    else:
        element = "url" if kind is FeedKind.SITEMAP else "sitemap"
        pairs = [(_child_text(e, "loc"), "") for e in _children(root, element)]
    return Feed(kind, _entries(pairs, base_url), title)


def _entries(pairs: list[tuple[str, str]], base_url: str) -> tuple[FeedEntry, ...]:
    seen: set[str] = set()
    entries: list[FeedEntry] = []
    for link, title in pairs:
        url = urljoin(base_url, link.strip()) if link.strip() else ""
        if not url.lower().startswith(("http://", "https://")) or url in seen:
            continue
        seen.add(url)
        entries.append(FeedEntry(url, title))
    return tuple(entries)
