"""schema.org markup for an article and its correction notices (pure: no Django).

Search engines and archives read an article's corrections from its JSON-LD:
`NewsArticle.correction` holds one `CorrectionComment` per published notice, with
its text and `datePublished` (and `dateModified` once it was amended). Retracted
notices are left out: they no longer correct anything.

    >>> from datetime import UTC, datetime
    >>> markup = article_jsonld(
    ...     url="https://example.org/a",
    ...     headline="A",
    ...     notices=[Notice("Correction: …", datetime(2026, 3, 12, 9, 30, tzinfo=UTC))],
    ... )
    >>> markup["correction"][0]["datePublished"]
    '2026-03-12T09:30:00+00:00'
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from typing import Any

CONTEXT = "https://schema.org"


@dataclass(frozen=True)
class Notice:
    """A published correction notice as the markup describes it."""

    text: str
    published: datetime
    modified: datetime | None = None

    def __post_init__(self) -> None:
        for moment in (self.published, self.modified):
            if moment is not None and moment.tzinfo is None:
                raise ValueError("notice dates must be timezone-aware")


def article_jsonld(*, url: str, headline: str, notices: Iterable[Notice]) -> dict[str, Any]:
    """The article's JSON-LD object, its notices newest first."""
    ordered = sorted(notices, key=lambda notice: notice.published, reverse=True)
    markup: dict[str, Any] = {
        "@context": CONTEXT,
        "@type": "NewsArticle",
        "url": url,
        "headline": headline,
    }
    if ordered:
        markup["correction"] = [_comment(notice) for notice in ordered]
    return markup


def _comment(notice: Notice) -> dict[str, str]:
    comment = {
        "@type": "CorrectionComment",
        "text": notice.text,
        "datePublished": notice.published.isoformat(),
    }
    if notice.modified is not None:
        comment["dateModified"] = notice.modified.isoformat()
    return comment


def jsonld_text(markup: dict[str, Any]) -> str:
    """The markup as JSON that is safe inside `<script type="application/ld+json">`.

    `<`, `>` and `&` are written as `\\u003c` and so on, so no text in a notice can
    close the script element or open a comment.
    """
    text = json.dumps(markup, ensure_ascii=False, indent=2)
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


def jsonld_script(markup: dict[str, Any]) -> str:
    """The `<script>` element to put into the article page's `<head>`."""
    return f'<script type="application/ld+json">\n{jsonld_text(markup)}\n</script>'
