"""Read an article from a file for the command line: its text and publication date.

Two forms are understood:

- HTML: the main text comes from trafilatura, the publication date from htmldate
  without its extensive text search (a date the article mentions is not its own), the
  outlet from the page's site name.
- Plain text, optionally starting with a date marker as the seed articles do:
  ` date 2025-02 Elon Musk …` or ` date 2025-02-11 …` (offsets stay those of the file:
  the marker is blanked, not cut). A marker with only a month gives
  the whole month, as a (first day, last day) pair that `extract` resolves relative
  dates against at both ends ("vor zehn Jahren" is 2015 either way; "am Montag" becomes
  the range of Mondays it can mean), instead of pretending it was the 1st.

Kept free of the archive app on purpose: the command line must work without a database.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass
from pathlib import Path

import htmldate
import trafilatura

from corrigenda.claims import Document, extract

Published = dt.date | tuple[dt.date, dt.date] | None

_MARKER = re.compile(r"\A\s*date\s+(?P<year>\d{4})-(?P<month>\d{2})(?:-(?P<day>\d{2}))?[ \t]*")
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

    The marker becomes spaces rather than disappearing, so that claims' offsets point
    into the file as it is.
    """
    marker = _MARKER.match(raw)
    if marker is None:
        return raw, None
    year, month = int(marker["year"]), int(marker["month"])
    text = " " * marker.end() + raw[marker.end() :]
    try:
        if marker["day"]:
            return text, dt.date(year, month, int(marker["day"]))
        last = calendar.monthrange(year, month)[1]
        return text, (dt.date(year, month, 1), dt.date(year, month, last))
    except ValueError:
        return text, None


def _read_html(path: Path, raw: str) -> Source:
    text = trafilatura.extract(raw, include_comments=False, include_tables=False) or ""
    found = htmldate.find_date(raw, extensive_search=False, original_date=True)
    metadata = trafilatura.extract_metadata(raw)
    outlet = (metadata.sitename if metadata is not None else None) or path.stem
    published = dt.date.fromisoformat(found) if found else None
    return Source(path.name, outlet, text, published)


def read_document(path: Path, *, lang: str | None = None) -> Document:
    """The claims of the article in `path`, as a document for `compare`."""
    source = read_source(path)
    claims = extract(source.text, lang=lang, published=source.published)
    return Document(source.name, source.outlet, tuple(claims), _first_day(source.published))


def _first_day(published: Published) -> dt.date | None:
    return published[0] if isinstance(published, tuple) else published
