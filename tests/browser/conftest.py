"""Shared set-up of the browser tests: Debian's chromium through Playwright, a live server,
the Wagtail home page the transactional flush removes, and helpers for screenshots and layout.

Each test runs against pytest-django's ``live_server`` with a transactional database, which is
flushed after every test; the ``site`` fixture rebuilds the home page (see
tests/factories/site.py). Screenshots go to ``var/screens/`` for a person to look at.
"""

import io
from pathlib import Path

import pytest
from django.core.management import call_command
from playwright.sync_api import Page, expect, sync_playwright

from tests.factories.site import ensure_home_page

SCREENS = Path(__file__).resolve().parents[2] / "var" / "screens"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
DESKTOP = {"width": 1280, "height": 800}
MOBILE = {"width": 390, "height": 844}
TIMEOUT_MS = 10_000
expect.set_options(timeout=TIMEOUT_MS)


@pytest.fixture(scope="module", autouse=True)
def _allow_sync_orm_beside_playwright():
    # Playwright's sync API keeps an event loop running in the test thread.
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
        yield


@pytest.fixture(scope="module")
def browser(_allow_sync_orm_beside_playwright):
    SCREENS.mkdir(parents=True, exist_ok=True)
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path="/usr/bin/chromium", args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def site(live_server):
    """The Wagtail home page the flush removed; returns the live server's URL."""
    ensure_home_page()
    return live_server.url


@pytest.fixture
def demo(site):
    call_command("load_demo", stdout=io.StringIO())
    return site


@pytest.fixture
def open_page(browser, site):
    """Opens a page in a fresh browser context (no cookies); all are closed after the test."""
    contexts = []

    def open_page(viewport=DESKTOP) -> Page:
        context = browser.new_context(base_url=site, viewport=viewport, locale="en-GB")
        context.set_default_timeout(TIMEOUT_MS)
        contexts.append(context)
        return context.new_page()

    yield open_page
    for context in contexts:
        context.close()


@pytest.fixture
def desktop(open_page) -> Page:
    return open_page(DESKTOP)


@pytest.fixture
def mobile(open_page) -> Page:
    return open_page(MOBILE)


def shoot(page: Page, name: str) -> Path:
    path = SCREENS / name
    page.screenshot(path=str(path), full_page=True)
    return path


def broken_images(page: Page) -> list[str]:
    return page.evaluate(
        "() => Array.from(document.images)"
        ".filter(img => img.complete && img.naturalWidth === 0)"
        ".map(img => img.currentSrc || img.src)"
    )


def horizontal_overflow(page: Page) -> int:
    """How many CSS pixels the page is wider than the viewport (0 when it fits)."""
    return page.evaluate("() => Math.max(0, document.scrollingElement.scrollWidth - window.innerWidth - 1)")
