"""notices.js on an outlet's article page, in a real Chromium.

The page is the outlet's, served by a web server of its own on loopback (another
origin than the desk's live server), so the script's request to the desk is a real
cross-origin fetch that only works with the desk's CORS header.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest

from tests.archive.conftest import Site, site
from tests.publish._publish_setup import URL, two_notices

__all__ = ["site"]  # the outlet's web server (a fixture)

if TYPE_CHECKING:
    from playwright.sync_api import Page
    from pytest_django.live_server_helper import LiveServer


def outlet_page(desk: str, position: str, lang: str) -> str:
    language = f' data-lang="{lang}"' if lang else ""
    return f"""<!doctype html>
<html lang="de"><head><meta charset="utf-8"><title>Hafen wird ausgebaut</title>
<link rel="canonical" href="{URL}">
<script src="{desk}/static/publish/notices.js" data-desk="{desk}"
        data-position="{position}"{language} defer></script>
</head><body>
<header><p>Seeblick-Zeitung</p></header>
<article><h1>Hafen wird ausgebaut</h1>
<p>Der Stadtrat hat am Dienstag den Ausbau des Hafens beschlossen.</p>
<p>Die Opposition hatte eine Volksabstimmung verlangt.</p></article>
</body></html>"""


@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize(
    ("position", "lang", "index", "title", "dates"),
    [
        ("top", "", 0, "Korrekturhinweise", ["2. April 2026", "12. März 2026"]),
        ("bottom", "en", -1, "Correction notices", ["April 2, 2026", "March 12, 2026"]),
    ],
)
def test_the_article_page_shows_its_dated_notices(
    page: Page,
    live_server: LiveServer,
    site: Site,
    position: str,
    lang: str,
    index: int,
    title: str,
    dates: list[str],
) -> None:
    first, second, _editor = two_notices()
    article = site.add("/wirtschaft/hafen-ausbau", outlet_page(live_server.url, position, lang))
    page.set_default_timeout(15_000)
    page.goto(article)

    notices = page.locator("article > aside.corrigenda-notices")
    notices.wait_for()
    assert page.locator("article > *").nth(index).evaluate("e => e.tagName") == "ASIDE"
    assert notices.get_by_role("heading").inner_text() == title
    assert notices.locator(".corrigenda-notice__text").all_inner_texts() == [
        second.text,
        first.text,
    ]
    assert notices.locator("time").all_inner_texts() == dates
    assert page.locator(".corrigenda-notices").count() == 1


@pytest.mark.django_db(transaction=True)
def test_an_article_without_notices_is_left_as_it_is(
    page: Page, live_server: LiveServer, site: Site
) -> None:
    article = site.add("/wirtschaft/hafen-ausbau", outlet_page(live_server.url, "top", ""))
    with page.expect_response(lambda r: "/corrections/embed/notices" in r.url) as answered:
        page.goto(article)
    assert answered.value.status == 200
    page.wait_for_load_state("networkidle")
    assert page.locator(".corrigenda-notices").count() == 0
    assert page.locator("article > *").first.inner_text() == "Hafen wird ausgebaut"
