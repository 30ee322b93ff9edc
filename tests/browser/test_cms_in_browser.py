"""CMS pages in Chromium: hostile rich text never runs, and the switcher keeps the page.

Stored rich text with a ``<script>`` element and an ``onerror=`` handler is saved through the
page model (as an import or a forged form post would), then opened in Chromium; any alert
would raise a dialog, and the test records every dialog the page opens.
"""

import json
import re

import pytest
from playwright.sync_api import Page, expect

from cms import demo
from cms.models import PolicyPage
from tests.browser.conftest import shoot
from tests.factories.cms import ensure_locales

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

HOSTILE = (
    '<p>Rules <script>alert("script")</script><img src="/missing.png" onerror="alert(\'onerror\')">'
    "<a href=\"javascript:alert('link')\">click</a></p>"
)


def test_hostile_rich_text_never_runs_and_the_switcher_keeps_the_page(desktop: Page, site):
    ensure_locales()
    loader = demo._Loader()
    loader.home()
    loader.policies()
    rules = PolicyPage.objects.get(slug="trade-rules", locale__language_code="en")
    rules.body = json.dumps([{"type": "paragraph", "value": HOSTILE}])
    rules.save_revision().publish()
    dialogs = []
    desktop.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))

    desktop.goto("/trade-rules/")
    desktop.get_by_text("click", exact=True).click()  # the javascript: href is gone
    desktop.wait_for_load_state("load")

    expect(desktop.locator("h1")).to_have_text("Trade rules")
    assert dialogs == []
    assert desktop.locator(".rich-text script, [onerror], a[href^='javascript:']").count() == 0
    shoot(desktop, "cms-trade-rules.png")

    desktop.locator("#language-menu").click()
    desktop.locator("#site-nav .dropdown-menu a[hreflang='zh-hans']").click()
    expect(desktop).to_have_url(re.compile(r"://[^/]+/zh-hans/trade-rules/$"))
    expect(desktop.locator("h1")).to_have_text("交易规则")
    assert dialogs == []
