from decimal import Decimal

import factory
from oscar.core.loading import get_model
from oscar.test.factories import ProductClassFactory  # noqa: F401  (re-exported for tests)


class ProductFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = get_model("catalogue", "Product")
        skip_postgeneration_save = True

    title = factory.Sequence(lambda n: f"Product {n}")
    upc = factory.Sequence(lambda n: f"UPC-{n:05d}")
    structure = "standalone"
    is_public = True
    # Moderation decides visibility (Product.save keeps is_public in step with it).
    status = factory.LazyAttribute(lambda product: "published" if product.is_public else "draft")
    product_class = factory.SubFactory("oscar.test.factories.ProductClassFactory")


class StockRecordFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = get_model("partner", "StockRecord")

    partner = factory.SubFactory("tests.factories.PartnerFactory")
    product = factory.SubFactory(ProductFactory, supplier=factory.SelfAttribute("..partner"))
    partner_sku = factory.Sequence(lambda n: f"SKU-{n:05d}")
    price = Decimal("100.00")
    price_currency = "USD"
    num_in_stock = 100


def offered_product(*, partner, price="100.00", **product_fields):
    """A public product with one priced stock record of ``partner``."""
    product = ProductFactory(supplier=partner, **product_fields)
    StockRecordFactory(product=product, partner=partner, price=Decimal(price))
    return product
