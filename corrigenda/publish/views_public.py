"""The public corrections log: every outlet's log, one outlet's log as HTML and as JSON.

The Atom feed is `feeds.CorrectionsFeed`. The log and the JSON take the same filters:
`q` (text), `month` (YYYY-MM) and `page`.
"""

from __future__ import annotations

from typing import Any

from django.core.paginator import Page, Paginator
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import render
from django.urls import reverse
from django.views.decorators.http import require_GET

from corrigenda.publish import log_selectors
from corrigenda.publish.log_selectors import LogEntry

PAGE_SIZE = 25
JSON_PAGE_SIZE = 50


@require_GET
def log_index(request: HttpRequest) -> HttpResponse:
    return render(request, "publish/log_index.html", {"outlets": log_selectors.log_outlets()})


def _page(request: HttpRequest, slug: str, size: int) -> tuple[Any, Page[Any], dict[str, Any]]:
    outlet = log_selectors.log_outlet(slug=slug)
    query = request.GET.get("q", "").strip()
    month = log_selectors.month_parse(request.GET.get("month", ""))
    corrections = log_selectors.log_corrections(outlet=outlet, query=query, month=month)
    page = Paginator(corrections, size).get_page(request.GET.get("page"))
    return outlet, page, {"query": query, "month": month}


@require_GET
def log(request: HttpRequest, slug: str) -> HttpResponse:
    outlet, page, filters = _page(request, slug, PAGE_SIZE)
    context = {
        "outlet": outlet,
        "page": page,
        "entries": log_selectors.log_entries(page.object_list),
        "months": log_selectors.log_months(outlet=outlet),
        **filters,
    }
    return render(request, "publish/log.html", context)


@require_GET
def log_json(request: HttpRequest, slug: str) -> JsonResponse:
    outlet, page, _filters = _page(request, slug, JSON_PAGE_SIZE)
    absolute = request.build_absolute_uri
    here = reverse("publish:log_json", args=[slug])

    def page_url(number: int) -> str:
        query = request.GET.copy()
        query["page"] = str(number)
        return absolute(f"{here}?{query.urlencode()}")

    body = {
        "outlet": {
            "name": outlet.name,
            "slug": outlet.slug,
            "language": outlet.language,
            "log": absolute(reverse("publish:log", args=[slug])),
            "feed": absolute(reverse("publish:log_feed", args=[slug])),
        },
        "count": page.paginator.count,
        "next": page_url(page.next_page_number()) if page.has_next() else None,
        "previous": page_url(page.previous_page_number()) if page.has_previous() else None,
        "corrections": [
            _entry_json(entry, absolute) for entry in log_selectors.log_entries(page.object_list)
        ],
    }
    response = JsonResponse(body, json_dumps_params={"ensure_ascii": False})
    response["Access-Control-Allow-Origin"] = "*"  # public data, for the outlet's own pages
    return response


def _iso(moment: Any) -> str | None:
    return None if moment is None else moment.isoformat()


def _entry_json(entry: LogEntry, absolute: Any) -> dict[str, Any]:
    correction, urls = entry.correction, entry.urls
    return {
        "id": correction.pk,
        "url": absolute(urls.notice),
        "kind": correction.kind,
        "state": correction.state,
        "text": correction.text,
        "language": correction.language,
        "published_at": _iso(correction.published_at),
        "amended_at": _iso(correction.amended_at),
        "retracted_at": _iso(correction.retracted_at),
        "updated_at": _iso(entry.updated),
        "article": {
            "title": entry.title,
            "url": urls.original,
            "archive": absolute(urls.archive),
        },
        "diff": absolute(urls.diff) if urls.diff else None,
        "earlier_wordings": [
            {
                "kind": revision.kind,
                "text": revision.text,
                "replaced_at": _iso(revision.replaced_at),
                "why": revision.why,
            }
            for revision in correction.revisions.all()
        ],
    }
