import pytest
from django.urls import reverse

from catalog.translation.models import ProductTranslation
from catalog.translation.services import translate_product
from tests.factories.catalogue import offered_product

pytestmark = pytest.mark.django_db


@pytest.fixture
def methanol(supplier):
    product = offered_product(
        partner=supplier.partner, title="Methanol 99.85%", description="Refined methanol"
    )
    translate_product(
        product=product,
        language="ru",
        title="Метанол 99,85%",
        description="Метанол марки А",
        search_words="Метиловый спирт",
    )
    translate_product(product=product, language="zh-hans", title="甲醇 99.85%", search_words="木醇")
    return product


def test_the_title_follows_the_page_language_with_english_as_fallback(client, methanol, supplier):
    untranslated = offered_product(partner=supplier.partner, title="PVC resin SG-5")
    # Built once: each request leaves its language active, and reverse() follows it.
    path, fallback_path = methanol.get_absolute_url(), untranslated.get_absolute_url()

    english = client.get(path).content.decode()
    russian = client.get(f"/ru{path}").content.decode()
    chinese = client.get(f"/zh-hans{path}").content.decode()
    fallback = client.get(f"/ru{fallback_path}").content.decode()

    assert 'product-title">Methanol 99.85%</h1>' in english and "Refined methanol" in english
    assert 'product-title">Метанол 99,85%</h1>' in russian and "Метанол марки А" in russian
    assert (
        'product-title">甲醇 99.85%</h1>' in chinese and "Refined methanol" in chinese
    )  # no zh description yet
    assert 'product-title">PVC resin SG-5</h1>' in fallback


@pytest.mark.parametrize(
    ("prefix", "query"),
    [("", "methanol"), ("/ru", "метанол"), ("/ru", "спирт"), ("/zh-hans", "甲醇"), ("/zh-hans", "木醇")],
)
def test_buyers_find_products_in_their_language(client, methanol, prefix, query):
    response = client.get(f"{prefix}/catalog/search/", {"q": query})

    assert [hit.object for hit in response.context["results"]] == [methanol]


def test_the_search_text_holds_the_lower_cased_title(methanol):
    # SQLite folds only ASCII case, so the lower-cased Cyrillic title is what it matches.
    assert ProductTranslation.objects.get(product=methanol, language="ru").search_text == (
        "метанол 99,85% метиловый спирт"
    )


def test_translating_again_updates_the_same_row(methanol):
    translate_product(product=methanol, language="ru", title="Метанол технический")

    assert ProductTranslation.objects.filter(product=methanol).count() == 2
    assert ProductTranslation.objects.get(product=methanol, language="ru").title == "Метанол технический"
    with pytest.raises(ValueError):
        translate_product(product=methanol, language="de", title="Methanol")


def test_listing_titles_come_without_extra_queries(client, supplier, django_assert_max_num_queries):
    for index in range(30):
        product = offered_product(partner=supplier.partner, title=f"Grade {index}")
        translate_product(product=product, language="ru", title=f"Марка {index}")
    client.get("/ru/catalog/")  # the search index catches up with products saved in this test

    with django_assert_max_num_queries(24):
        response = client.get("/ru/catalog/")

    assert "Марка 29" in response.content.decode()


def test_the_api_gives_the_names_in_every_language(client, methanol):
    body = client.get(reverse("catalog-api:product", args=[methanol.pk])).json()

    assert body["names"] == {"en": "Methanol 99.85%", "ru": "Метанол 99,85%", "zh-hans": "甲醇 99.85%"}
