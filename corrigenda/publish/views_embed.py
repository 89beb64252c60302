"""What the outlet puts on its article pages: the dated notices and the JSON-LD.

Both are fetched by the article's address (`?url=`, any spelling the archive
knows): from the reader's browser by `notices.js`, or by the outlet's server (a
server-side include). They answer any origin (`Access-Control-Allow-Origin: *`)
and may be cached for `EMBED_MAX_AGE` seconds, so a new notice shows within minutes.
"""

from __future__ import annotations

from collections.abc import Sequence

from django.conf import settings
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.cache import patch_cache_control
from django.views.decorators.http import require_GET

from corrigenda.archive.models import Article
from corrigenda.publish import jsonld, selectors
from corrigenda.publish.models import Correction

EMBED_MAX_AGE = 300  # seconds a browser or proxy may keep an answer


def render_notices(*, notices: Sequence[Correction], language: str) -> str:
    """The notices as the article shows them: the fragment, in `language`."""
    with translation.override(language):
        return render_to_string("publish/_notices.html", {"notices": notices, "language": language})


@require_GET
def notices(request: HttpRequest) -> HttpResponse:
    """The article's dated notices as an HTML fragment; empty when it has none."""
    url = request.GET.get("url", "").strip()
    if not url:
        return _embed(HttpResponse("url is required\n", status=400, content_type="text/plain"))
    article, found = selectors.notices_for_url(url=url)
    language = _language(request.GET.get("lang", ""), article)
    fragment = render_notices(notices=found, language=language) if found else ""
    response = HttpResponse(fragment, content_type="text/html; charset=utf-8")
    response["Content-Language"] = language
    return _embed(response)


@require_GET
def article_jsonld(request: HttpRequest) -> HttpResponse:
    """The article's schema.org JSON-LD; `as=script` wraps it in its `<script>` element."""
    url = request.GET.get("url", "").strip()
    if not url:
        return _embed(JsonResponse({"error": "url is required"}, status=400))
    article, _notices = selectors.notices_for_url(url=url)
    if article is None:
        return _embed(JsonResponse({"error": "the article is not in the archive"}, status=404))
    markup = selectors.article_jsonld(article=article)
    if request.GET.get("as") == "script":
        response = HttpResponse(
            jsonld.jsonld_script(markup), content_type="text/html; charset=utf-8"
        )
    else:
        response = HttpResponse(
            jsonld.jsonld_text(markup), content_type="application/ld+json; charset=utf-8"
        )
    return _embed(response)


def _language(asked: str, article: Article | None) -> str:
    """The `lang` asked for if the desk speaks it, else the outlet's language."""
    known = {code for code, _name in settings.LANGUAGES}
    if asked[:2].lower() in known:
        return asked[:2].lower()
    if article is not None and article.outlet.language in known:
        return article.outlet.language
    return settings.LANGUAGE_CODE[:2]


def _embed(response: HttpResponse) -> HttpResponse:
    response["Access-Control-Allow-Origin"] = "*"
    response["X-Robots-Tag"] = "noindex"
    patch_cache_control(response, public=True, max_age=EMBED_MAX_AGE)
    return response
