"""Plain-text articles: normalisation, the content hash and reading the seeds' form.

Pure Python (no Django): an article's text goes in, an `ExtractedArticle` comes out.

The stored body is normalised — Unicode NFC, invisible characters removed, every run of
whitespace (including no-break spaces) collapsed to one space inside a paragraph and
paragraphs separated by one blank line — so the content hash does not change when an
outlet only reflows its text or swaps a space for a no-break space.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum

from corrigenda.archive import boilerplate


class NotAnArticle(ValueError):
    """The input holds no article text (an index page, an empty file, a feed, …)."""

    reason = "not_an_article"


class Precision(StrEnum):
    """How much of a publication date the source states (` date 2025-02` is a month)."""

    DAY = "day"
    MONTH = "month"
    YEAR = "year"


@dataclass(frozen=True)
class Published:
    """A publication date stored as its first day plus how precise the source was."""

    on: date
    precision: Precision

    def __str__(self) -> str:
        if self.precision is Precision.YEAR:
            return f"{self.on:%Y}"
        if self.precision is Precision.MONTH:
            return f"{self.on:%Y-%m}"
        return self.on.isoformat()


@dataclass(frozen=True)
class ExtractedArticle:
    """What a source yields before it is stored: title, body paragraphs and metadata."""

    title: str
    paragraphs: tuple[str, ...]
    stripped: tuple[str, ...] = ()
    byline: str = ""
    published: Published | None = None
    updated: date | None = None
    language: str = ""
    sitename: str = ""
    canonical_url: str = ""
    stripped_kinds: frozenset[str] = field(default_factory=frozenset)

    @property
    def text(self) -> str:
        return "\n\n".join(self.paragraphs)

    @property
    def stripped_text(self) -> str:
        return "\n\n".join(self.stripped)


# Invisible characters that differ between renderings of the same text.
_INVISIBLE = re.compile("[\x00\u00ad\u200b\u200c\u200d\u2060\ufeff]")
_SPACE_RUN = re.compile(r"\s+")
_PARAGRAPH_BREAK = re.compile(r"\n[^\S\n]*\n\s*")


def normalise(text: str) -> str:
    """One paragraph's text in its canonical form: NFC, single spaces, no invisibles."""
    text = _INVISIBLE.sub("", unicodedata.normalize("NFC", text))
    return _SPACE_RUN.sub(" ", text).strip()


def normalise_body(text: str) -> str:
    """A body in its stored form: normalised paragraphs separated by one blank line."""
    return "\n\n".join(p for p in (normalise(b) for b in _PARAGRAPH_BREAK.split(text)) if p)


def content_hash(title: str, body: str) -> str:
    """sha256 of the normalised title and body.

    The title is part of it because a corrected headline is a correction; the byline,
    dates and stripped boilerplate are not, so a comment counter going from 0 to 3 is
    not a new version.
    """
    canonical = normalise(title) + "\n\n" + normalise_body(body)
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()


def has_words(paragraph: str) -> bool:
    return any(character.isalnum() for character in paragraph)


def detect_language(text: str, *, default: str = "") -> str:
    """'de' or 'en' for a text, by simplemma's word lists; `default` when unsure."""
    import simplemma  # imported lazily: its word lists load on first use

    sample = text[:600]
    if len(sample.split()) < 5:
        return default
    (language, score), *_ = simplemma.langdetect(sample, lang=("de", "en"))
    return language if language != "unk" and score >= 0.5 else default


# ---------------------------------------------------------------- plain-text articles

_DATE_MARKER = re.compile(r"\A\ufeff?[^\S\n]*date[^\S\n]+(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?(?=\s)")
_BULLET = re.compile(r"^[•·\-–*]\s")
_SENTENCE_END = re.compile(r"[.,;:…]$")
# A byline line: "Von Anna Muster", "By Jane Doe", or fields split by ¦ or | as
# "DESK – Section ¦ Name ¦ credit".
_BYLINE_PREFIX = re.compile(r"^(?:von|by|text:)\s+(\S.{1,80})$", re.IGNORECASE)
_BYLINE_SEPARATORS = re.compile(r"\s*[¦|]\s*")
_PERSON = re.compile(r"^[A-ZÄÖÜ][\w'’.-]+(?:\s+(?:von\s+|van\s+|de\s+)?[A-ZÄÖÜ][\w'’.-]+){1,3}$")
# Desk and agency fields look like names ("Redaktion Stadt") but are not people.
_NOT_A_PERSON = re.compile(r"^(?:Redaktion|Ressort|Team|Agentur|Desk|Staff|Newsroom|News)\b")


def read_date_marker(raw: str) -> tuple[Published | None, str]:
    """The seeds' leading ` date 2025-02` marker as a date, and the text after it."""
    match = _DATE_MARKER.match(raw)
    if not match:
        return None, raw
    year, month, day = match.groups()
    try:
        if day:
            published = Published(date(int(year), int(month), int(day)), Precision.DAY)
        elif month:
            published = Published(date(int(year), int(month), 1), Precision.MONTH)
        else:
            published = Published(date(int(year), 1, 1), Precision.YEAR)
    except ValueError:  # "date 2025-13": not a marker, leave the text as it is
        return None, raw
    return published, raw[match.end() :]


def split_paragraphs(raw: str) -> list[str]:
    """Paragraphs of a plain text: one per line, except hard-wrapped blocks are joined.

    Copied web articles put one paragraph on each line; e-mailed ones wrap lines at a
    fixed width. A block whose lines (all but the last) are 40–100 characters long and
    are not list items is taken as wrapped.
    """
    paragraphs: list[str] = []
    for block in _PARAGRAPH_BREAK.split(raw.replace("\r\n", "\n").replace("\r", "\n")):
        lines = [line for line in (normalise(line) for line in block.split("\n")) if line]
        wrapped = len(lines) > 1 and all(
            40 <= len(line) <= 100 and not _BULLET.match(line) for line in lines[:-1]
        )
        paragraphs.extend([" ".join(lines)] if wrapped else lines)
    return paragraphs


def looks_like_heading(paragraph: str) -> bool:
    return (
        len(paragraph) <= 200
        and len(paragraph.split()) >= 2
        and not _SENTENCE_END.search(paragraph)
        and not _BULLET.match(paragraph)
    )


def read_byline(paragraph: str) -> str | None:
    """The author(s) named in a byline line, or None when the line is not one."""
    if len(paragraph) > 160:
        return None
    prefixed = _BYLINE_PREFIX.match(paragraph)
    if prefixed and not _SENTENCE_END.search(paragraph):
        return prefixed.group(1).strip()
    fields = [f for f in _BYLINE_SEPARATORS.split(paragraph) if f]
    if len(fields) < 2:
        return None
    people = [
        f
        for f in fields
        if _PERSON.match(f) and not _NOT_A_PERSON.match(f) and not boilerplate.is_credit(f)
    ]
    return ", ".join(people) if people else " · ".join(fields)


def extract_text(raw: str) -> ExtractedArticle:
    """Read a plain-text article: date marker, title, byline, body and boilerplate.

    Only the lines before the first body paragraph are read as title, byline and image
    credits; everything else is body unless `boilerplate` recognises it.
    """
    published, rest = read_date_marker(raw)
    paragraphs = [p for p in split_paragraphs(rest) if has_words(p)]
    if not paragraphs:
        raise NotAnArticle("no article text found")
    title, byline = "", ""
    header: list[str] = []
    if len(paragraphs) > 1 and looks_like_heading(paragraphs[0]):
        title = paragraphs.pop(0)
    # Credit and byline lines directly under the title belong to the header.
    while len(paragraphs) > 1:
        found = read_byline(paragraphs[0])
        if found is not None and not byline:
            byline = found
        elif not boilerplate.is_credit(paragraphs[0]):
            break
        header.append(paragraphs.pop(0))
    body = boilerplate.strip(paragraphs)
    if not body.paragraphs:
        raise NotAnArticle("no article text left once boilerplate was removed")
    return ExtractedArticle(
        title=title,
        paragraphs=tuple(body.paragraphs),
        stripped=(*header, *body.stripped),
        byline=byline,
        published=published,
        language=detect_language(" ".join(body.paragraphs)),
        stripped_kinds=body.kinds,
    )
