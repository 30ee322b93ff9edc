import oscar.apps.partner.apps as apps


class PartnerConfig(apps.PartnerConfig):
    """Oscar's ``partner`` fork: suppliers' offers (stock records), price breaks and Incoterms.

    It sits on the catalog's floor because product pages, cards, search documents and imports
    all read offers; the supplier portal that writes them is ``marketplace.suppliers``.
    """

    name = "catalog.offers"
