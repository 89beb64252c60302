"""A newcomer's first look, in a real Chromium: the demo archive and a corrected article."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest

from corrigenda.web.demo import demo_load

if TYPE_CHECKING:
    from playwright.sync_api import Page
    from pytest_django.live_server_helper import LiveServer


@pytest.mark.django_db(transaction=True)
def test_reader_browses_the_demo_archive_to_a_corrected_article(
    page: Page, live_server: LiveServer
) -> None:
    demo_load()
    page.goto(live_server.url)
    page.get_by_role("link", name="Open the archive").click()
    page.get_by_role("heading", name="Article archive").wait_for()
    rows = page.locator("table.table tbody tr")
    assert rows.count() == 5

    # The article with two versions links straight to its latest change.
    page.locator("a.badge--warn").first.click()
    page.get_by_role("heading", level=1).wait_for()
    assert page.locator(".diff del").count() >= 1
    assert page.locator(".diff ins").count() >= 1


@pytest.mark.django_db(transaction=True)
def test_language_switch_turns_the_site_german(page: Page, live_server: LiveServer) -> None:
    demo_load()
    page.goto(f"{live_server.url}/archive/")
    page.get_by_role("button", name="DE").click()
    page.wait_for_load_state()
    assert page.locator("html").get_attribute("lang") == "de"


@pytest.mark.django_db(transaction=True)
def test_pages_fit_a_phone_screen_without_sideways_scrolling(
    page: Page, live_server: LiveServer
) -> None:
    demo_load()
    page.set_viewport_size({"width": 375, "height": 800})
    for path in ("/", "/archive/"):
        page.goto(f"{live_server.url}{path}")
        overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
        assert overflow <= 0, f"{path} scrolls sideways by {overflow}px"
    # Nor does the archive table inside its frame: the optional columns step aside.
    hidden = page.evaluate(
        "[...document.querySelectorAll('.table-wrap')]"
        ".map(w => w.scrollWidth - w.clientWidth).reduce((a, b) => Math.max(a, b), 0)"
    )
    assert hidden <= 0, f"the archive table scrolls sideways by {hidden}px"
