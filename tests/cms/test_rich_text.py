"""Rich text is stored sanitised: scripts, event handlers and javascript: links never reach a page."""

import json

import pytest

from cms.models import HomePage, PolicyPage
from cms.rich_text import sanitise_rich_text

pytestmark = pytest.mark.django_db

HOSTILE = (
    '<h2 onclick="steal()">Rules</h2><p>Read <b>this</b><script>alert("x")</script>'
    '<img src="x" onerror="alert(1)"><a href="javascript:alert(2)">here</a>'
    '<a href="https://customs.example/9710">9710</a></p><iframe src="https://evil.example"></iframe>'
)
CLEAN = (
    "<h2>Rules</h2><p>Read <b>this</b>alert(&quot;x&quot;)<a>here</a>"
    '<a href="https://customs.example/9710">9710</a></p>'
)


def test_the_sanitiser_keeps_the_whitelisted_features_and_drops_the_rest():
    assert sanitise_rich_text(HOSTILE) == CLEAN


def test_internal_page_links_survive_sanitising(home_page):
    html = f'<p>See <a linktype="page" id="{home_page.pk}">home</a></p>'

    assert sanitise_rich_text(html) == f'<p>See <a id="{home_page.pk}" linktype="page">home</a></p>'


def test_rich_text_fields_and_blocks_are_stored_sanitised_and_render_clean(client, home_page):
    page = PolicyPage(
        title="Trade rules",
        slug="trade-rules",
        body=json.dumps([{"type": "paragraph", "value": HOSTILE}]),
    )
    home_page.add_child(instance=page)
    page.save_revision().publish()
    home_page.body = HOSTILE
    home_page.save()

    stored_block = PolicyPage.objects.get(pk=page.pk).body.raw_data[0]["value"]
    stored_field = HomePage.objects.get(pk=home_page.pk).body
    html = client.get("/trade-rules/").content.decode() + client.get("/").content.decode()

    assert stored_block == CLEAN
    assert stored_field == CLEAN
    for hostile in ("<script>alert", "onerror=", "onclick=", "javascript:", "evil.example"):
        assert hostile not in html
    assert '<a href="https://customs.example/9710">9710</a>' in html
