"""Every block previews in the editor's block picker; filters are checked when an editor saves them;
embeds come only from the video players the Content-Security-Policy frames."""

import pytest
from django.core.exceptions import ValidationError
from wagtail.embeds.finders import get_finders

from cms.blocks import parse_filters
from cms.models import IndustryBeltPage
from tests.factories import UserFactory
from tests.factories.catalogue import offered_product

pytestmark = pytest.mark.django_db

BODY = IndustryBeltPage.body.field.stream_block
PREVIEWED = [
    name
    for name, block in BODY.child_blocks.items()
    if getattr(block.meta, "preview_value", None) is not None
]
EXPECTED = {
    "paragraph": "Why Ordos",
    "quote": "The rail service to Moscow takes 14 days.",
    "table": "Ordos – Moscow (rail)",
    "featured_products": "Methanol 99.85%",
    "supplier_cluster": "Verified suppliers",
    "search_links": "?q=methanol&amp;incoterm=FCA",
    "rfq_cta": "/rfqs/new/",
    "key_figures": "Methanol capacity",
}


def test_every_block_but_image_and_embed_has_a_preview():
    assert set(PREVIEWED) == set(EXPECTED)
    assert all(block.meta.icon and block.meta.description for block in BODY.child_blocks.values())


@pytest.mark.parametrize("name", PREVIEWED)
def test_each_block_previews_in_the_block_picker(client, supplier, name):
    offered_product(partner=supplier.partner, title="Methanol 99.85%")
    client.force_login(UserFactory(email="editor@ordos.example", is_staff=True, is_superuser=True))

    response = client.get("/cms-admin/block-preview/", {"id": BODY.child_blocks[name].definition_prefix})

    assert response.status_code == 200
    assert EXPECTED[name] in response.content.decode()


def test_filters_name_known_facets_only():
    assert parse_filters("incoterm=FCA&incoterm=CPT&dangerous_goods=no") == {
        "incoterm": ["FCA", "CPT"],
        "dangerous_goods": ["no"],
    }
    with pytest.raises(ValidationError) as error:
        parse_filters("colour=red")
    assert "Unknown filters: colour." in error.value.messages[0]


def test_a_belt_page_refuses_unknown_search_filters(home_page):
    page = IndustryBeltPage(title="Cashmere", slug="cashmere", search_filters="fineness=15")

    with pytest.raises(ValidationError) as error:
        page.full_clean()

    assert "search_filters" in error.value.message_dict


@pytest.mark.parametrize(
    ("url", "accepted"),
    [
        ("https://www.youtube.com/watch?v=dQw4w9WgXcQ", True),
        ("https://vimeo.com/76979871", True),
        ("https://twitter.com/ordos/status/1", False),  # its oEmbed HTML loads a script
        ("https://www.instagram.com/p/abc/", False),
    ],
)
def test_embeds_come_only_from_players_the_csp_frames(url, accepted):
    # The embed block shows Wagtail's oEmbed HTML as is (blocks/embed.html); only providers whose
    # HTML is a bare player iframe are asked, and frame-src allows exactly those players.
    assert any(finder.accept(url) for finder in get_finders()) is accepted
