from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from corrigenda.archive import selectors as archive

RECENT = 6


def home(request: HttpRequest) -> HttpResponse:
    """The front page: what corrigenda does and what changed lately in the archive."""
    articles = archive.article_list()
    return render(
        request,
        "web/home.html",
        {
            "recent": articles[:RECENT],
            "article_count": articles.count(),
            "outlets": archive.outlet_list(),
        },
    )
