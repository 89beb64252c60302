"""Shared test fixtures: paths to the shared data, service gates and a real browser."""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest

if TYPE_CHECKING:
    from playwright.sync_api import Browser, Page

REPO = Path(__file__).resolve().parent.parent
SHARED = REPO.parent / "shared"
SEEDS = SHARED / "seeds"
GNAD = SHARED / "data" / "10kgnad" / "test.csv"

pytest_plugins = ["tests.mailservers"]


def service_missing(reason: str) -> None:
    """Skip a test whose real service is absent — or fail, where CI demands services.

    CI sets CORRIGENDA_REQUIRE_SERVICES=1 so a missing browser or server turns red
    instead of silently skipping the tests that need it.
    """
    if os.environ.get("CORRIGENDA_REQUIRE_SERVICES") == "1":
        pytest.fail(f"required service missing: {reason}")
    pytest.skip(reason)


@pytest.fixture(autouse=True)
def _fresh_story_index() -> Iterator[None]:
    """Each test starts with an empty in-process story index.

    The index caches the database; tests empty the database between them, which a
    running process never sees in production.
    """
    from corrigenda.stories import live

    live.forget()
    yield
    live.forget()


@pytest.fixture
def seeds() -> Path:
    if not SEEDS.is_dir():
        pytest.skip(f"seed articles not found at {SEEDS} (shared/ is not beside the repo)")
    return SEEDS


@pytest.fixture
def gnad_csv() -> Path:
    if not GNAD.is_file():
        pytest.skip(f"10kGNAD test set not found at {GNAD} (shared/ is not beside the repo)")
    return GNAD


def chromium_path() -> str | None:
    return (
        os.environ.get("CHROMIUM") or shutil.which("chromium") or shutil.which("chromium-browser")
    )


@pytest.fixture(scope="session")
def browser() -> Iterator[Browser]:
    executable = chromium_path()
    if executable is None:
        service_missing("Chromium not installed (apt-get install chromium)")
    # Playwright's sync API runs an event loop; Django's ORM in the same thread would
    # refuse to run inside it. The live server runs in its own thread, so this is safe.
    os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=executable,
            args=[
                "--no-sandbox",
                "--disable-gpu",
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
            ],
        )
        yield browser
        browser.close()


@pytest.fixture
def page(browser: Browser) -> Iterator[Page]:
    context = browser.new_context(locale="en-GB", viewport={"width": 1280, "height": 900})
    page = context.new_page()
    yield page
    context.close()


def pytest_collection_modifyitems(items: list[Any]) -> None:
    for item in items:
        if "page" in getattr(item, "fixturenames", ()) or "browser" in getattr(
            item, "fixturenames", ()
        ):
            item.add_marker(pytest.mark.browser)
