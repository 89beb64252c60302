"""Archive pages: the article list, one article with its versions, and a diff of two."""

from __future__ import annotations

from django.core.exceptions import BadRequest
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse, QueryDict
from django.shortcuts import render

from corrigenda.archive import selectors
from corrigenda.archive.diff import diff_words

PAGE_SIZE = 25


def _number(params: QueryDict, name: str) -> int | None:
    """A version number from the query string; absent is None, garbage is a 400."""
    value = params.get(name, "").strip()
    if not value:
        return None
    if not value.isdigit():
        raise BadRequest(f"{name} must be a version number")
    return int(value)


def article_list(request: HttpRequest) -> HttpResponse:
    outlet, query = request.GET.get("outlet", ""), request.GET.get("q", "").strip()
    articles = selectors.article_list(outlet=outlet, query=query)
    page = Paginator(articles, PAGE_SIZE).get_page(request.GET.get("page"))
    return render(
        request,
        "archive/article_list.html",
        {"page": page, "outlets": selectors.outlet_list(), "outlet": outlet, "query": query},
    )


def article_detail(request: HttpRequest, pk: int) -> HttpResponse:
    article = selectors.article_get(pk=pk)
    versions = selectors.article_versions(article=article)
    wanted = _number(request.GET, "version")
    shown = next((v for v in versions if v.number == wanted), None) if wanted else versions[-1]
    if shown is None:
        raise Http404("no such version")
    return render(
        request,
        "archive/article_detail.html",
        {"article": article, "versions": versions, "version": shown, "latest": versions[-1]},
    )


def article_diff(request: HttpRequest, pk: int) -> HttpResponse:
    article = selectors.article_get(pk=pk)
    versions = selectors.article_versions(article=article)
    old, new = _number(request.GET, "from"), _number(request.GET, "to")
    pair = selectors.version_pair(versions=versions, old=old, new=new)
    if pair is None:
        raise Http404("no such version")
    full = request.GET.get("full") == "1"
    context = {
        "article": article,
        "versions": versions,
        "pair": pair,
        "full": full,
        "title_diff": diff_words(pair.old.title, pair.new.title, context=None),
        "text_diff": diff_words(pair.old.text, pair.new.text, context=None if full else 1),
    }
    return render(request, "archive/article_diff.html", context)
