"""The demo's pages exist and render in English, Russian and Chinese, with hreflang and a switcher."""

import re

import pytest
from wagtail.models import Page

from cms import demo
from cms.models import (
    ContactPage,
    HomePage,
    IndustryBeltPage,
    NewsIndexPage,
    NewsPage,
    PolicyPage,
    SupplierShowcasePage,
)
from tests.factories import SupplierFactory

pytestmark = pytest.mark.django_db

PAGE_TYPES = [
    HomePage,
    IndustryBeltPage,
    SupplierShowcasePage,
    NewsIndexPage,
    NewsPage,
    PolicyPage,
    ContactPage,
]


@pytest.fixture
def demo_pages(home_page):
    created = demo.load(suppliers=[SupplierFactory(name="Ordos Hanggin Methanol Chemical Co., Ltd.")])
    return created


def test_the_demo_creates_every_page_in_three_languages_once(demo_pages):
    counts = {
        model.__name__: {
            code: model.objects.live().filter(locale__language_code=code).count()
            for code in ("en", "ru", "zh-hans")
        }
        for model in PAGE_TYPES
    }

    assert counts == {
        "HomePage": {"en": 1, "ru": 1, "zh-hans": 1},
        "IndustryBeltPage": {"en": 6, "ru": 6, "zh-hans": 6},
        "SupplierShowcasePage": {"en": 1, "ru": 1, "zh-hans": 1},
        "NewsIndexPage": {"en": 1, "ru": 1, "zh-hans": 1},
        "NewsPage": {"en": 3, "ru": 3, "zh-hans": 3},
        "PolicyPage": {"en": 3, "ru": 3, "zh-hans": 3},
        "ContactPage": {"en": 1, "ru": 1, "zh-hans": 1},
    }
    assert demo_pages == 3 * 15 + 2  # the Russian and Chinese home pages are new too
    assert demo.load(suppliers=[]) == 0


def test_every_page_type_renders_in_every_locale(client, demo_pages):
    pages = Page.objects.live().filter(depth__gt=1).specific().select_related("locale")
    rendered = set()
    for page in pages:
        url = page.get_url()
        response = client.get(url)
        html = response.content.decode()

        assert response.status_code == 200, url
        assert f'<html lang="{page.locale.language_code}"' in html, url
        assert page.title in html or page.specific_class is HomePage, url
        rendered.add((type(page).__name__, page.locale.language_code))

    assert rendered == {(model.__name__, code) for model in PAGE_TYPES for code in ("en", "ru", "zh-hans")}


def test_a_translated_page_links_its_translations(client, demo_pages):
    response = client.get("/ru/coal-and-fine-chemicals/")
    html = response.content.decode()

    assert "Угольная и тонкая химия" in html
    alternates = dict(re.findall(r'<link rel="alternate" hreflang="([\w-]+)" href="([^"]+)"', html))
    assert alternates == {
        "en": "http://testserver/coal-and-fine-chemicals/",
        "x-default": "http://testserver/coal-and-fine-chemicals/",
        "ru": "http://testserver/ru/coal-and-fine-chemicals/",
        "zh-hans": "http://testserver/zh-hans/coal-and-fine-chemicals/",
    }
    links = {link["code"]: link["url"] for link in response.context["language_links"]}
    assert links == {
        "en": "/coal-and-fine-chemicals/",
        "ru": "/ru/coal-and-fine-chemicals/",
        "zh-hans": "/zh-hans/coal-and-fine-chemicals/",
    }
    assert '<meta property="og:locale" content="ru_RU">' in html
    assert '<meta property="og:title" content="Угольная и тонкая химия">' in html
    assert re.search(r'<meta property="og:image" content="http://testserver/media/images/[^"]+\.png">', html)


def test_the_switcher_falls_back_to_the_home_page_of_an_untranslated_language(client, home_page):
    page = home_page.add_child(instance=PolicyPage(title="Only in English", slug="only-english"))
    page.save_revision().publish()
    demo_home = demo._Loader()
    demo_home.home()

    response = client.get("/only-english/")

    links = {link["code"]: (link["url"], link["translated"]) for link in response.context["language_links"]}
    assert links == {
        "en": ("/only-english/", True),
        "ru": ("/ru/", False),
        "zh-hans": ("/zh-hans/", False),
    }
    assert 'hreflang="ru"' not in response.content.decode().split("</head>")[0]
