"""Oscar's pricing strategy for B2B offers (loaded by Oscar as ``partner.strategy``).

Bulk goods are made or allocated to order, so an offer with a price is always available;
the quantity a buyer orders decides the unit price through the offer's quantity breaks.
"""

from decimal import Decimal

from oscar.apps.partner import availability, prices, strategy
from oscar.apps.partner.strategy import PurchaseInfo

from catalog.offers.rules import offer_unit_price


class Selector:
    def strategy(self, request=None, user=None, **kwargs):
        return OfferStrategy(request)


class OfferStrategy(strategy.NoTax, strategy.Structured):
    def select_stockrecord(self, product):
        """The supplier's cheapest offer (from the prefetched offers, so no extra query)."""
        offers = [offer for offer in product.stockrecords.all() if offer.price is not None]
        if product.supplier_id:
            offers = [offer for offer in offers if offer.partner_id == product.supplier_id]
        if not offers:
            return None
        # Offers in different currencies are not compared here: the first offer's currency wins.
        currency = offers[0].price_currency
        return min((offer for offer in offers if offer.price_currency == currency), key=lambda o: o.price)

    def availability_policy(self, product, stockrecord):
        if stockrecord is None or stockrecord.price is None:
            return availability.Unavailable()
        return availability.Available()

    def parent_availability_policy(self, product, children_stock):
        if any(stockrecord and stockrecord.price is not None for _, stockrecord in children_stock):
            return availability.Available()
        return availability.Unavailable()

    def fetch_for_line(self, line, stockrecord=None):
        """The unit price of a basket line at its quantity: the highest quantity break reached."""
        stockrecord = stockrecord or line.stockrecord
        info = self.fetch_for_product(line.product, stockrecord)
        if stockrecord is None or stockrecord.price is None:
            return info
        unit_price = offer_unit_price(offer=stockrecord, quantity=Decimal(line.quantity))
        price = prices.FixedPrice(
            currency=stockrecord.price_currency, excl_tax=unit_price, tax=Decimal("0.00")
        )
        return PurchaseInfo(price=price, availability=info.availability, stockrecord=stockrecord)
