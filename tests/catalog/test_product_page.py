"""The product page: the supplier's offers and variants, customs units, supplier card, hooks."""

from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError

from catalog import hooks
from catalog.reference.models import HSCode, Unit
from catalog.specs.models import TradeSpec
from marketplace.accounts.models import VerificationStatus
from tests.factories import SupplierFactory
from tests.factories.catalogue import StockRecordFactory, offered_product

pytestmark = pytest.mark.django_db


@pytest.fixture
def methanol(supplier):
    product = offered_product(partner=supplier.partner, title="Methanol", price="285.00")
    TradeSpec.objects.create(
        product=product,
        hs_code=HSCode.objects.get(code="2905110000"),
        commercial_unit=Unit.objects.get(code="t"),
        net_weight_kg=Decimal("1000"),
        gross_weight_kg=Decimal("1000"),
    )
    product.stockrecords.update(commercial_unit=Unit.objects.get(code="t"), packaging="ISO tank")
    return product


def test_every_variant_of_the_supplier_is_shown_with_customs_units(client, supplier, methanol):
    StockRecordFactory(
        product=methanol,
        partner=supplier.partner,
        partner_sku="MEOH-DRUM",
        packaging="160 kg drums",
        commercial_unit=Unit.objects.get(code="t"),
        price=Decimal("295.00"),
    )

    page = client.get(methanol.get_absolute_url()).content.decode()

    assert "Offers (2)" in page
    assert "ISO tank" in page and "160 kg drums" in page and "MEOH-DRUM" in page
    assert "1 t = 1000 kg" in page  # HS 2905110000 is declared in kilograms


def test_a_unit_the_table_cannot_convert_uses_the_net_weight(client, supplier):
    cell = offered_product(partner=supplier.partner, title="LFP cell", price="58.00")
    TradeSpec.objects.create(
        product=cell,
        hs_code=HSCode.objects.get(code="8507600090"),
        commercial_unit=Unit.objects.get(code="pcs"),
        net_weight_kg=Decimal("5.4"),
        gross_weight_kg=Decimal("5.7"),
    )
    cell.stockrecords.update(commercial_unit=Unit.objects.get(code="pcs"))
    hs = HSCode.objects.get(code="8507600090")

    page = client.get(cell.get_absolute_url()).content.decode()

    legal_units = [unit.code for unit in (hs.unit1, hs.unit2) if unit]
    if "kg" in legal_units:
        assert "1 pcs = 5.4 kg" in page


def test_the_supplier_card_shows_verification_and_links_to_its_products(client, supplier, methanol):
    page = client.get(methanol.get_absolute_url()).content.decode()

    assert "Verified supplier" in page and supplier.name in page
    assert f"?supplier={supplier.partner.pk}" in page


def test_products_of_unverified_suppliers_have_no_public_page(client):
    pending = SupplierFactory(verification_status=VerificationStatus.UNVERIFIED)
    product = offered_product(partner=pending.partner, title="Pending methanol")

    assert client.get(product.get_absolute_url()).status_code == 404


def test_other_apps_add_buttons_through_the_hook(client, methanol, tmp_path, settings):
    (tmp_path / "quote_button.html").write_text(
        '<a class="btn" href="#rfq-{{ product.pk }}">Request a quote</a>'
    )
    settings.TEMPLATES = [{**settings.TEMPLATES[0], "DIRS": [*settings.TEMPLATES[0]["DIRS"], tmp_path]}]
    hooks.register(hooks.PRODUCT_ACTIONS, "quote_button.html")
    try:
        page = client.get(methanol.get_absolute_url()).content.decode()
    finally:
        hooks.unregister(hooks.PRODUCT_ACTIONS, "quote_button.html")

    assert f'href="#rfq-{methanol.pk}">Request a quote' in page
    with pytest.raises(ValueError):
        hooks.register("nowhere", "quote_button.html")


def test_only_the_products_supplier_can_make_offers_for_it(methanol):
    other = SupplierFactory(name="Other plant")
    offer = StockRecordFactory.build(product=methanol, partner=other.partner, partner_sku="X-1")

    with pytest.raises(ValidationError) as refused:
        offer.full_clean()

    assert "own supplier" in str(refused.value)


def test_an_offer_unit_must_convert_to_the_products_unit(methanol):
    offer = methanol.stockrecords.get()

    offer.commercial_unit = Unit.objects.get(code="kg")
    offer.full_clean()  # 1 t = 1000 kg
    offer.commercial_unit = Unit.objects.get(code="pcs")
    with pytest.raises(ValidationError) as refused:
        offer.full_clean()

    assert "pcs does not convert to the product's unit t" in str(refused.value)


def test_the_same_chemical_from_other_verified_suppliers_is_suggested(client, supplier, methanol):
    from catalog.specs.models import ChemicalSpec

    ChemicalSpec.objects.create(product=methanol, cas_number="67-56-1")
    rival = offered_product(partner=SupplierFactory(name="Dalad Methanol").partner, title="Methanol AA")
    ChemicalSpec.objects.create(product=rival, cas_number="67-56-1")
    pending = SupplierFactory(name="Pending Methanol", verification_status=VerificationStatus.UNVERIFIED)
    ChemicalSpec.objects.create(
        product=offered_product(partner=pending.partner, title="Methanol pending"), cas_number="67-56-1"
    )
    own_other = offered_product(partner=supplier.partner, title="Methanol drums")
    ChemicalSpec.objects.create(product=own_other, cas_number="67-56-1")

    response = client.get(methanol.get_absolute_url())

    assert [product.title for product in response.context["page"].equivalents] == ["Methanol AA"]
    assert "The same product from other suppliers" in response.content.decode()
