"""The Atom feed of an outlet's corrections log (Django's syndication framework).

Each entry's id is a tag: URI that stays the same when the notice is amended or
retracted; `updated` is its last public change. Besides the link to the notice on the
log page, an entry carries `rel="related"` links to the article, its archived
versions and the before/after diff.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from typing import Any
from urllib.parse import urlsplit

from django.conf import settings
from django.contrib.syndication.views import Feed
from django.http import HttpRequest
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed
from django.utils.translation import gettext as _

from corrigenda.archive.models import Outlet
from corrigenda.publish import log_selectors
from corrigenda.publish.log_selectors import LogEntry

FEED_SIZE = 50


class _AtomWithRelated(Atom1Feed):
    """Atom with extra `<link rel="related">` elements per entry."""

    def add_item_elements(self, handler: Any, item: dict[str, Any]) -> None:
        super().add_item_elements(handler, item)
        for title, href in item.get("related", ()):
            handler.addQuickElement("link", "", {"rel": "related", "href": href, "title": title})


@dataclass(frozen=True)
class _Source:
    outlet: Outlet
    absolute: Callable[[str], str]


@dataclass(frozen=True)
class _Item:
    entry: LogEntry
    link: str
    related: tuple[tuple[str, str], ...]


class CorrectionsFeed(Feed[_Item, _Source]):
    feed_type = _AtomWithRelated
    description_template = "publish/log_feed_entry.html"

    def get_object(self, request: HttpRequest, slug: str) -> _Source:
        return _Source(log_selectors.log_outlet(slug=slug), request.build_absolute_uri)

    def title(self, source: _Source) -> str:
        return _("Corrections: %(outlet)s") % {"outlet": source.outlet.name}

    def subtitle(self, source: _Source) -> str:
        return _("Corrections, clarifications and updates published by %(outlet)s.") % {
            "outlet": source.outlet.name
        }

    def link(self, source: _Source) -> str:
        return reverse("publish:log", args=[source.outlet.slug])

    def feed_url(self, source: _Source) -> str:
        return reverse("publish:log_feed", args=[source.outlet.slug])

    def feed_guid(self, source: _Source) -> str:
        host = urlsplit(settings.SITE_URL).hostname or "localhost"
        return f"tag:{host},{source.outlet.created:%Y-%m-%d}:corrections/{source.outlet.slug}"

    def author_name(self, source: _Source) -> str:
        return source.outlet.name

    def items(self, source: _Source) -> list[_Item]:
        corrections = log_selectors.log_corrections(outlet=source.outlet)[:FEED_SIZE]
        return [_item(entry, source.absolute) for entry in log_selectors.log_entries(corrections)]

    def item_title(self, item: _Item) -> str:
        entry = item.entry
        kind = entry.correction.get_kind_display()
        if entry.retracted:
            return _("Retracted %(kind)s: %(title)s") % {"kind": kind, "title": entry.title}
        return f"{kind[:1].upper()}{kind[1:]}: {entry.title}"

    def item_link(self, item: _Item) -> str:
        return item.link

    def item_guid(self, item: _Item) -> str:
        return item.entry.atom_id

    def item_pubdate(self, item: _Item) -> datetime | None:
        return item.entry.correction.published_at

    def item_updateddate(self, item: _Item) -> datetime:
        return item.entry.updated

    def item_categories(self, item: _Item) -> tuple[str, ...]:
        return (item.entry.correction.kind,)

    def item_extra_kwargs(self, item: _Item) -> dict[str, Any]:
        return {"related": item.related}

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        item: _Item = kwargs["item"]
        return {"entry": item.entry, "links": dict(item.related)}


def _item(entry: LogEntry, absolute: Callable[[str], str]) -> _Item:
    urls = entry.urls
    related = [("article", urls.original)] if urls.original else []
    related.append(("archive", absolute(urls.archive)))
    if urls.diff:
        related.append(("diff", absolute(urls.diff)))
    return _Item(entry=entry, link=absolute(urls.notice), related=tuple(related))
