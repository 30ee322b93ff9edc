"""The supplier portal: own products with typed specs and offers only; every refusal changes nothing."""

import pytest
from django.urls import reverse
from oscar.core.loading import get_model

from catalog.models import ProductStatus
from tests.catalog.test_moderation import complete_draft
from tests.factories import SupplierFactory, member_of

pytestmark = pytest.mark.django_db
Product = get_model("catalogue", "Product")
StockRecord = get_model("partner", "StockRecord")

CHEMICAL_FORM = {
    "title": "Methanol 99.9%",
    "upc": "",
    "product_class": "chemical",
    "description": "AA grade",
    "trade_spec-hs_code": "2905110000",
    "trade_spec-origin_country": "CN",
    "trade_spec-commercial_unit": "t",
    "trade_spec-net_weight_kg": "1000",
    "trade_spec-gross_weight_kg": "1000",
    "trade_spec-packaging": "ISO tank",
    "trade_spec-certifications": "",
    "chemical_spec-cas_number": "67-56-1",
    "chemical_spec-purity_percent": "99.9",
    "chemical_spec-un_number": "UN1230",
    "chemical_spec-transport_class": "3",
    "chemical_spec-subsidiary_class": "6.1",
    "chemical_spec-packing_group": "II",
    "title_ru": "Метанол 99,9%",
    "title_zh": "",
}
OFFER_FORM = {
    "partner_sku": "MEOH-ISO",
    "price": "285.00",
    "price_currency": "USD",
    "commercial_unit": "t",
    "minimum_order_quantity": "20",
    "lead_time_days": "7",
    "monthly_capacity": "30000",
    "packaging": "ISO tank",
    "tiers-TOTAL_FORMS": "2",
    "tiers-INITIAL_FORMS": "0",
    "tiers-0-min_quantity": "100",
    "tiers-0-unit_price": "275.00",
    "tiers-1-min_quantity": "",
    "tiers-1-unit_price": "",
    "places-TOTAL_FORMS": "1",
    "places-INITIAL_FORMS": "0",
    "places-0-incoterm": "FCA",
    "places-0-named_place": "Erenhot",
}


def test_a_supplier_creates_a_product_adds_an_offer_and_sends_it_for_review(client, supplier, supplier_admin):
    client.force_login(supplier_admin)

    created = client.post(reverse("supplier:product-create", args=["chemical"]), CHEMICAL_FORM)
    product = Product.objects.get(supplier=supplier.partner)
    offered = client.post(reverse("supplier:offer-create", args=[product.pk]), OFFER_FORM)
    sent = client.post(reverse("supplier:product-move", args=[product.pk]), {"to": "in_review"}, follow=True)

    assert created.status_code == 302 and offered.status_code == 302
    assert product.chemical_spec.un_number == "UN1230" and product.translations.get(language="ru").title
    offer = StockRecord.objects.get(product=product)
    assert [(t.min_quantity, t.unit_price) for t in offer.price_tiers.all()] == [(100, 275)]
    assert offer.incoterms.get().named_place == "Erenhot"
    assert "Sent for review" in sent.content.decode()
    product.refresh_from_db()
    assert product.status == ProductStatus.IN_REVIEW


def test_the_product_form_shows_spec_errors_and_saves_nothing(client, supplier_admin):
    client.force_login(supplier_admin)

    response = client.post(
        reverse("supplier:product-create", args=["chemical"]),
        {**CHEMICAL_FORM, "chemical_spec-cas_number": "67-56-2", "trade_spec-gross_weight_kg": "900"},
    )

    page = response.content.decode()
    assert response.status_code == 200
    assert "CAS 67-56-2: the check digit should be 1." in page
    assert not Product.objects.exists()


def test_price_breaks_must_get_cheaper_above_the_minimum_order(client, supplier, supplier_admin):
    product = complete_draft(supplier.partner)
    client.force_login(supplier_admin)

    response = client.post(
        reverse("supplier:offer-create", args=[product.pk]),
        {**OFFER_FORM, "tiers-0-min_quantity": "10", "tiers-0-unit_price": "300.00"},
    )

    page = response.content.decode()
    assert "not above the minimum order" in page and "higher than for smaller quantities" in page
    assert not StockRecord.objects.filter(partner_sku="MEOH-ISO").exists()


def test_another_supplier_cannot_see_or_change_my_products_or_offers(client, supplier):
    product = complete_draft(supplier.partner)
    offer = product.stockrecords.get()
    intruder = member_of(SupplierFactory(name="Other chemicals"))
    client.force_login(intruder)

    assert client.get(reverse("supplier:product", args=[product.pk])).status_code == 404
    assert client.post(reverse("supplier:product", args=[product.pk]), CHEMICAL_FORM).status_code == 404
    assert (
        client.post(reverse("supplier:product-move", args=[product.pk]), {"to": "in_review"}).status_code
        == 404
    )
    assert client.post(reverse("supplier:offer-create", args=[product.pk]), OFFER_FORM).status_code == 404
    assert client.post(reverse("supplier:offer", args=[offer.pk]), OFFER_FORM).status_code == 404
    assert client.post(reverse("supplier:offer-delete", args=[offer.pk])).status_code == 404
    assert product.title not in client.get(reverse("supplier:products")).content.decode()
    product.refresh_from_db()
    assert product.status == ProductStatus.DRAFT and product.title == "Methanol"
    assert StockRecord.objects.filter(pk=offer.pk).exists()


def test_buyers_cannot_open_the_portal(client, buyer_user):
    client.force_login(buyer_user)

    assert client.get(reverse("supplier:products")).status_code == 403


def test_the_product_list_filters_by_status_and_searches_by_sku(client, supplier, supplier_admin):
    draft = complete_draft(supplier.partner, title="Methanol")
    other = complete_draft(supplier.partner, title="Caustic soda")
    other.status = ProductStatus.PUBLISHED
    other.save()
    client.force_login(supplier_admin)

    drafts = client.get(reverse("supplier:products"), {"status": "draft"}).content.decode()
    by_sku = client.get(
        reverse("supplier:products"), {"q": draft.stockrecords.get().partner_sku}
    ).content.decode()

    assert "Methanol" in drafts and "Caustic soda" not in drafts
    assert "Methanol" in by_sku and "Caustic soda" not in by_sku


def test_the_last_offer_of_a_published_product_cannot_be_deleted(client, supplier, supplier_admin):
    product = complete_draft(supplier.partner)
    product.status = ProductStatus.PUBLISHED
    product.save()
    offer = product.stockrecords.get()
    client.force_login(supplier_admin)

    response = client.post(reverse("supplier:offer-delete", args=[offer.pk]), follow=True)

    assert "retire the product instead" in response.content.decode()
    assert StockRecord.objects.filter(pk=offer.pk).exists()


def test_the_portal_product_page_has_a_fixed_query_count(
    client, supplier, supplier_admin, django_assert_max_num_queries
):
    product = complete_draft(supplier.partner)
    client.force_login(supplier_admin)
    client.get(reverse("supplier:product", args=[product.pk]))

    with django_assert_max_num_queries(30):
        response = client.get(reverse("supplier:product", args=[product.pk]))

    assert response.status_code == 200


def test_editing_shows_the_saved_units(client, supplier, supplier_admin):
    product = complete_draft(supplier.partner)
    offer = product.stockrecords.get()
    offer.commercial_unit = product.trade_spec.commercial_unit
    offer.save()
    client.force_login(supplier_admin)

    product_page = client.get(reverse("supplier:product", args=[product.pk])).content.decode()
    offer_page = client.get(reverse("supplier:offer", args=[offer.pk])).content.decode()

    assert '<option value="t" selected>' in product_page
    assert '<option value="t" selected>' in offer_page


def test_saving_an_offer_keeps_the_breaks_and_incoterms_left_untouched(client, supplier, supplier_admin):
    product = complete_draft(supplier.partner)
    client.force_login(supplier_admin)
    client.post(reverse("supplier:offer-create", args=[product.pk]), OFFER_FORM)
    offer = StockRecord.objects.get(partner_sku="MEOH-ISO")
    form = client.get(reverse("supplier:offer", args=[offer.pk])).context

    # Post the page back as the browser would, changing only the lead time.
    data = {**OFFER_FORM, "lead_time_days": "9"}
    data.update({"tiers-TOTAL_FORMS": str(form["tiers"].total_form_count()), "tiers-INITIAL_FORMS": "1"})
    data.update({"places-TOTAL_FORMS": str(form["places"].total_form_count()), "places-INITIAL_FORMS": "1"})
    for name in ("tiers", "places"):
        for index in range(1, form[name].total_form_count()):
            for field in form[name].forms[index].fields:
                data.setdefault(f"{name}-{index}-{field}", "")
    client.post(reverse("supplier:offer", args=[offer.pk]), data)

    offer.refresh_from_db()
    assert offer.lead_time_days == 9
    assert [(t.min_quantity, t.unit_price) for t in offer.price_tiers.all()] == [(100, 275)]
    assert offer.incoterms.get().named_place == "Erenhot"
