"""A shipment gives its declaration the waybill data CEB505 needs (customs owns the declaration)."""

from django.core.exceptions import ValidationError
from django.db.models import Sum
from django.utils.translation import gettext as _

from marketplace.accounts.models import User
from marketplace.customs import selectors as customs_selectors
from marketplace.customs import services as customs_services
from marketplace.customs.models import Declaration
from marketplace.customs.waybill import WaybillData
from marketplace.fulfillment.models import Shipment
from marketplace.fulfillment.services.shipments import _require_manager


def waybill_of(*, shipment: Shipment) -> WaybillData:
    totals = shipment.lines.aggregate(packages=Sum("package_count"), gross=Sum("gross_weight_kg"))
    descriptions = [line.description for line in shipment.lines.all()]
    return WaybillData(
        logistics_code=shipment.carrier_code,
        logistics_name=shipment.carrier,
        waybill_number=shipment.waybill_number,
        freight=shipment.freight,
        insured_fee=shipment.insured_fee,
        currency=shipment.currency,
        gross_weight_kg=totals["gross"],
        package_count=totals["packages"],
        goods_description=(shipment.goods_description or "; ".join(descriptions))[:200],
    )


def declaration_of(*, shipment: Shipment) -> Declaration | None:
    """The shipment's current declaration: the newest one of its order or booking."""
    if shipment.order_id:
        declarations = customs_selectors.declarations_for_order(order=shipment.order)
    else:
        declarations = Declaration.objects.filter(booking_id=shipment.booking_id)
    return declarations.order_by("-pk").first()


def fill_declaration_waybill(*, shipment: Shipment, by: User) -> Declaration:
    """Copy the shipment's carrier, waybill number, charges, packages and gross weight into its
    declaration; customs refuses once the declaration is submitted."""
    _require_manager(by, shipment.supplier)
    declaration = declaration_of(shipment=shipment)
    if declaration is None:
        raise ValidationError(_("No declaration was opened for this shipment's order or booking yet."))
    return customs_services.fill_waybill(
        declaration=declaration, waybill=waybill_of(shipment=shipment), user=by
    )
