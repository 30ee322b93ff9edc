"""sitemap.xml (pages in every locale and listed products) and robots.txt."""

import re

import pytest

from cms import demo
from tests.factories.catalogue import offered_product

pytestmark = pytest.mark.django_db


def test_the_sitemap_lists_pages_in_all_locales_and_listed_products(client, home_page, supplier):
    demo._Loader().home()
    demo._Loader().policies()
    listed = offered_product(partner=supplier.partner, title="Methanol AA grade")
    hidden = offered_product(partner=supplier.partner, title="Draft acetone", is_public=False)

    response = client.get("/sitemap.xml")

    locations = set(re.findall(r"<loc>([^<]+)</loc>", response.content.decode()))
    assert response.status_code == 200
    pages = {
        f"http://testserver{prefix}/{slug}"
        for prefix in ("", "/ru", "/zh-hans")
        for slug in ("", "trade-rules/", "pilot-zone-policy/", "how-9710-and-9810-work/")
    }
    products = {f"http://testserver{prefix}{listed.get_absolute_url()}" for prefix in ("", "/ru", "/zh-hans")}
    assert locations == pages | products
    assert not any(f"_{hidden.pk}/" in location for location in locations)


def test_robots_txt_keeps_crawlers_out_of_private_areas_and_names_the_sitemap(client):
    response = client.get("/robots.txt")

    lines = response.content.decode().splitlines()
    assert response["Content-Type"] == "text/plain; charset=utf-8"
    assert lines[0] == "User-agent: *"
    assert {"Disallow: /cms-admin/", "Disallow: /ru/rfqs/", "Disallow: /zh-hans/checkout/"} <= set(lines)
    assert "Disallow: /" not in lines
    assert lines[-1] == "Sitemap: http://testserver/sitemap.xml"


def test_pages_have_a_title_description_and_open_graph(client, home_page):
    loader = demo._Loader()
    loader.home()
    loader.policies()

    html = client.get("/how-9710-and-9810-work/").content.decode()

    head = html.split("</head>")[0]
    assert "<title>How 9710 and 9810 work for buyers · " in head
    assert '<meta name="description" content="Two customs trade modes cover B2B exports' in head
    assert '<meta property="og:type" content="website">' in head
    assert '<meta property="og:url" content="http://testserver/how-9710-and-9810-work/">' in head
    assert '<link rel="canonical" href="http://testserver/how-9710-and-9810-work/">' in head
