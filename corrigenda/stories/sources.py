"""Read an article from a file for the command line: its text and publication date.

Two forms are understood:

- HTML: read by the archive's extractor (trafilatura for the main text without the
  outlet's boilerplate, htmldate without its extensive search for the date, the site
  name for the outlet).
- Plain text, optionally starting with a date marker as the seed articles do:
  ` date 2025-02 Elon Musk …` or ` date 2025-02-11 …` (offsets stay those of the file:
  the marker is blanked, not cut). A marker with only a month gives
  the whole month, as a (first day, last day) pair that `extract` resolves relative
  dates against at both ends ("vor zehn Jahren" is 2015 either way; "am Montag" becomes
  the range of Mondays it can mean), instead of pretending it was the 1st.

Uses only the archive's pure readers (no models): the command line must work without a
database.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass
from pathlib import Path

from corrigenda.archive.extraction import extract_html
from corrigenda.archive.text import NotAnArticle, Precision, read_date_marker
from corrigenda.archive.text import Published as ArchivePublished
from corrigenda.claims import Document, extract

Published = dt.date | tuple[dt.date, dt.date] | None

_HTML = re.compile(r"\A\s*(?:<!doctype html|<html|<head|<body|<article|<div|<p\b)", re.I)


@dataclass(frozen=True, slots=True)
class Source:
    """An article as read from a file."""

    name: str  # the file's name: the document's id on the command line
    outlet: str
    text: str
    published: Published


def read_source(path: Path) -> Source:
    """The text, date and outlet of the article in `path` (plain text or HTML)."""
    raw = path.read_text(encoding="utf-8", errors="replace")
    if path.suffix.lower() in {".html", ".htm"} or _HTML.match(raw):
        return _read_html(path, raw)
    text, published = split_marker(raw)
    return Source(path.name, path.stem, text, published)


def split_marker(raw: str) -> tuple[str, Published]:
    """The text with its leading ` date YYYY-MM[-DD]` marker blanked, and the date it gives.

    The archive's reader parses the marker; here it becomes spaces rather than
    disappearing, so that claims' offsets point into the file as it is, and a month
    (or year) becomes the range of days it stands for.
    """
    published, rest = read_date_marker(raw)
    if published is None:
        return raw, None
    return " " * (len(raw) - len(rest)) + rest, _days(published)


def _days(published: ArchivePublished) -> Published:
    """A day as itself; a month or a year as the range of days it stands for."""
    first = published.on
    if published.precision is Precision.DAY:
        return first
    if published.precision is Precision.MONTH:
        last = calendar.monthrange(first.year, first.month)[1]
        return first, dt.date(first.year, first.month, last)
    return first, dt.date(first.year, 12, 31)


def _read_html(path: Path, raw: str) -> Source:
    # The archive's extractor: main text without the outlet's boilerplate, date, site name.
    try:
        article = extract_html(raw)
    except NotAnArticle:
        return Source(path.name, path.stem, "", None)
    published = _days(article.published) if article.published else None
    return Source(path.name, article.sitename or path.stem, article.text, published)


def read_document(path: Path, *, lang: str | None = None) -> Document:
    """The claims of the article in `path`, as a document for `compare`."""
    source = read_source(path)
    claims = extract(source.text, lang=lang, published=source.published)
    return Document(source.name, source.outlet, tuple(claims), _first_day(source.published))


def _first_day(published: Published) -> dt.date | None:
    return published[0] if isinstance(published, tuple) else published
