"""What the catalog knows about the goods on a declaration, read in a few queries."""

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from catalog.documents.models import DocumentKind, ProductDocument
from catalog.reference.models import HSCode, Unit
from catalog.reference.selectors import ConversionMissingError, conversion_factor
from catalog.specs.models import BatterySpec, ChemicalSpec, TradeSpec, VehicleSpec
from marketplace.customs.models import CustomsSettings
from marketplace.customs.route import LineFacts

KG_CUSTOMS_CODE = "035"


@dataclass
class ProductFacts:
    """One product's specs; missing specs are None."""

    trade: TradeSpec | None
    hs: HSCode | None
    chemical: ChemicalSpec | None
    vehicle: VehicleSpec | None
    battery: BatterySpec | None
    documents: set[str]


def product_facts(product_ids: list[int]) -> dict[int, ProductFacts]:
    ids = [pk for pk in set(product_ids) if pk is not None]
    trades = {
        spec.product_id: spec
        for spec in TradeSpec.objects.filter(product_id__in=ids).select_related(
            "hs_code__unit1", "hs_code__unit2", "commercial_unit"
        )
    }
    chemicals = {spec.product_id: spec for spec in ChemicalSpec.objects.filter(product_id__in=ids)}
    vehicles = {spec.product_id: spec for spec in VehicleSpec.objects.filter(product_id__in=ids)}
    batteries = {spec.product_id: spec for spec in BatterySpec.objects.filter(product_id__in=ids)}
    documents: dict[int, set[str]] = {}
    for product_id, kind in ProductDocument.objects.filter(product_id__in=ids).values_list(
        "product_id", "kind"
    ):
        documents.setdefault(product_id, set()).add(kind)
    return {
        pk: ProductFacts(
            trade=trades.get(pk),
            hs=trades[pk].hs_code if pk in trades else None,
            chemical=chemicals.get(pk),
            vehicle=vehicles.get(pk),
            battery=batteries.get(pk),
            documents=documents.get(pk, set()),
        )
        for pk in ids
    }


def line_facts(
    *, item_no: str, hs_code: str, facts: ProductFacts | None, on: date, licensed: set[str] | None = None
) -> LineFacts:
    """The route rule's view of one line; the HS line is the one on the declaration line."""
    if licensed is None:
        licensed = CustomsSettings.current().licensed_hs_codes(on)
    hs = (
        facts.hs
        if facts and facts.hs and facts.hs.code == hs_code
        else HSCode.objects.filter(code=hs_code).first()
    )
    un_number = ""
    if facts and facts.chemical and facts.chemical.un_number:
        un_number = facts.chemical.un_number
    elif facts and facts.battery:
        un_number = facts.battery.un_number
    return LineFacts(
        item_no=item_no,
        hs_code=hs_code,
        supervision_conditions=hs.supervision_conditions if hs else "",
        licence_letters=frozenset(HSCode.EXPORT_LICENCE_LETTERS & set(hs.supervision_conditions))
        if hs
        else frozenset(),
        needs_export_inspection=hs.needs_export_inspection if hs else False,
        export_duty_rate=hs.export_duty_rate if hs else "",
        un_number=un_number,
        used_vehicle=bool(facts and facts.vehicle and facts.vehicle.condition == "used"),
        licensed_hs=hs_code in licensed,
    )


def convert(quantity: Decimal, *, from_unit: Unit, to_unit: Unit) -> Decimal | None:
    try:
        return quantity * conversion_factor(from_unit=from_unit, to_unit=to_unit)
    except ConversionMissingError:
        return None


def weights(quantity: Decimal, unit: Unit, trade: TradeSpec | None) -> tuple[Decimal, Decimal]:
    """Net and gross kg of ``quantity`` ``unit`` from the per-commercial-unit weights."""
    if trade is None:
        return Decimal(0), Decimal(0)
    in_commercial = convert(quantity, from_unit=unit, to_unit=trade.commercial_unit)
    if in_commercial is None:
        return Decimal(0), Decimal(0)
    return (
        (in_commercial * trade.net_weight_kg).quantize(Decimal("0.001")),
        (in_commercial * trade.gross_weight_kg).quantize(Decimal("0.001")),
    )


def legal_quantity(quantity: Decimal, unit: Unit, legal_unit: Unit | None, net_kg: Decimal) -> Decimal | None:
    """The quantity in a legal unit: net kg for kilograms, else converted from the line's unit."""
    if legal_unit is None:
        return None
    if legal_unit.customs_code == KG_CUSTOMS_CODE:
        return net_kg
    converted = convert(quantity, from_unit=unit, to_unit=legal_unit)
    return converted.quantize(Decimal("0.00001")) if converted is not None else None


def has_document(facts: ProductFacts | None, kind: str) -> bool:
    return bool(facts) and kind in facts.documents


SDS = DocumentKind.SDS
UN38_3 = DocumentKind.UN38_3
