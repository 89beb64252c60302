"""HTML pages: main text and metadata with trafilatura and htmldate.

Pure Python (no Django, no network): HTML in, `ExtractedArticle` out. Pages are fetched
elsewhere (`corrigenda.fetcher`), never by trafilatura.

- The body comes from trafilatura's XML tree, one paragraph per block (heading,
  paragraph, list item, quote, table row), so paragraphs survive as paragraphs.
- Boilerplate that sits inside the article element (reader notices, donation appeals,
  comment counters) goes through the same `boilerplate` patterns as plain text.
- Dates come from htmldate *without* its extensive text search: a date mentioned in
  the article ("am 11. Februar 2024") is not its publication date, and an unknown date
  is more honest than a guessed one.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import date

import charset_normalizer
import htmldate
import trafilatura
from lxml import etree
from trafilatura.utils import load_html

from corrigenda.archive import boilerplate
from corrigenda.archive.text import (
    ExtractedArticle,
    NotAnArticle,
    Precision,
    Published,
    detect_language,
    has_words,
    normalise,
)

# Fewer characters than this after extraction is an empty shell, a menu or an error
# page, not an article.
MIN_ARTICLE_CHARS = 50

_DATE_PARAMS = {"original_date": True, "extensive_search": False}
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?([\w-]+)""", re.IGNORECASE)


def decode_html(raw: bytes) -> str:
    """An HTML file's text: UTF-8 (with or without BOM), the declared charset, or a guess."""
    if raw.startswith(b"\xef\xbb\xbf"):
        raw = raw[3:]
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        pass
    declared = _META_CHARSET.search(raw[:4096])
    if declared:
        try:
            return raw.decode(declared.group(1).decode("ascii"))
        except (LookupError, UnicodeDecodeError):
            pass
    best = charset_normalizer.from_bytes(raw).best()
    return str(best) if best is not None else raw.decode("cp1252", errors="replace")


def _blocks(body: etree._Element) -> Iterator[str]:
    """Paragraph texts of trafilatura's XML body, in document order."""
    for element in body:
        if element.tag == "list":
            for item in element.iter("item"):
                yield "• " + _text(item)
        elif element.tag == "table":
            for row in element.iter("row"):
                yield " | ".join(_text(cell) for cell in row.iter("cell"))
        else:
            yield _text(element)


def _text(element: etree._Element) -> str:
    return normalise(" ".join(element.itertext()))


def _updated(tree: etree._Element) -> date | None:
    found = htmldate.find_date(tree, original_date=False, extensive_search=False)
    return date.fromisoformat(found) if found else None


def _language(tree: etree._Element, text: str) -> str:
    declared = (tree.get("lang") or "").split("-")[0].strip().lower()
    if declared.isalpha() and 2 <= len(declared) <= 3:
        return declared
    return detect_language(text)


def extract_html(html: str, *, url: str | None = None) -> ExtractedArticle:
    """Main text and metadata of an article page; raises NotAnArticle if it has none."""
    tree = load_html(html)
    if tree is None:
        raise NotAnArticle("not an HTML page")
    document = trafilatura.bare_extraction(
        tree,
        url=url,
        with_metadata=True,
        include_comments=False,
        include_tables=True,
        include_images=False,
        include_links=False,
        date_extraction_params=_DATE_PARAMS,
    )
    if document is None or isinstance(document, dict) or document.body is None:
        raise NotAnArticle("no article text found")
    title = normalise(document.title or "")
    paragraphs = [p for p in _blocks(document.body) if has_words(p)]
    # trafilatura repeats the headline as the first block; it is already the title.
    if paragraphs and title and paragraphs[0].casefold() == title.casefold():
        paragraphs.pop(0)
    body = boilerplate.strip(paragraphs)
    if sum(len(p) for p in body.paragraphs) < MIN_ARTICLE_CHARS:
        raise NotAnArticle("no article text found")
    published = date.fromisoformat(document.date) if document.date else None
    updated = _updated(tree)
    return ExtractedArticle(
        title=title,
        paragraphs=tuple(body.paragraphs),
        stripped=tuple(body.stripped),
        byline=normalise((document.author or "").replace(";", ",")),
        published=Published(published, Precision.DAY) if published else None,
        updated=updated if updated and updated != published else None,
        language=_language(tree, " ".join(body.paragraphs)),
        sitename=normalise(document.sitename or ""),
        canonical_url=document.url or "",
        stripped_kinds=body.kinds,
    )
