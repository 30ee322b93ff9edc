"""Staff edit a product's supplier, typed specs and translations in the Django admin."""

import pytest
from django.urls import reverse

from tests.factories import UserFactory
from tests.factories.catalogue import offered_product

pytestmark = pytest.mark.django_db


def test_the_product_admin_shows_supplier_specs_and_translations(client, supplier):
    product = offered_product(partner=supplier.partner, title="Methanol")
    client.force_login(UserFactory(is_staff=True, is_superuser=True))

    response = client.get(reverse("admin:catalogue_product_change", args=[product.pk]))
    assert response.status_code == 200, response.status_code
    page = response.content.decode()
    listing = client.get(reverse("admin:catalogue_product_changelist")).content.decode()

    assert "Chemical spec" in page and "Trade spec" in page and "Product translation" in page
    assert 'name="supplier"' in page
    assert supplier.partner.name in listing
