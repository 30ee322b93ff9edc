import pytest
from oscar.apps.catalogue.categories import create_from_breadcrumbs
from wagtail.models import Site

from cms.models import HomePage
from tests.factories.catalogue import offered_product

pytestmark = pytest.mark.django_db


def test_the_site_root_is_our_home_page_and_both_site_models_agree():
    from django.conf import settings
    from django.contrib.sites.models import Site as DjangoSite

    site = Site.objects.get(is_default_site=True)

    assert isinstance(site.root_page.specific, HomePage)
    assert site.site_name == settings.SITE_NAME == DjangoSite.objects.get_current().name


def test_the_home_page_shows_live_categories_and_newest_products(
    client, supplier, django_assert_max_num_queries
):
    create_from_breadcrumbs("Chemicals")
    hidden = offered_product(partner=supplier.partner, title="Unlisted acetone", is_public=False)
    methanol = offered_product(partner=supplier.partner, title="Methanol 99.85%")
    for index in range(10):
        offered_product(partner=supplier.partner, title=f"Grade {index}")

    # Belts, news, featured suppliers and the translated switcher came with the CMS (issue #8);
    # a repeat render is cheaper (tests/cms/test_query_counts.py).
    with django_assert_max_num_queries(28):
        response = client.get("/")

    page = response.content.decode()
    assert response.status_code == 200
    assert "Chemicals" in page
    assert methanol.title not in page  # only the eight newest are shown
    assert "Grade 9" in page and "Grade 2" in page and "Grade 1" not in page
    assert hidden.title not in page


def test_an_empty_catalogue_shows_an_empty_state(client):
    response = client.get("/")

    assert "No products listed yet" in response.content.decode()


@pytest.mark.parametrize(("prefix", "lang"), [("", "en"), ("/ru", "ru"), ("/zh-hans", "zh-hans")])
def test_each_language_has_its_prefix(client, prefix, lang):
    response = client.get(f"{prefix}/")

    assert response.status_code == 200
    assert f'<html lang="{lang}"' in response.content.decode()


def test_the_language_switcher_links_to_the_same_page(client):
    response = client.get("/ru/catalog/?sort_by=newest")

    links = {link["code"]: link["url"] for link in response.context["language_links"]}
    assert links == {
        "en": "/catalog/?sort_by=newest",
        "ru": "/ru/catalog/?sort_by=newest",
        "zh-hans": "/zh-hans/catalog/?sort_by=newest",
    }
    assert [link["code"] for link in response.context["language_links"] if link["active"]] == ["ru"]
