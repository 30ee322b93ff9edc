"""Every rule of DOMAIN.md "Validation a system must enforce", each failure tied to a field.

``validate_declaration`` returns problems instead of raising, so the desk and the API can show
each one next to its field (head fields by name, line fields as ``lines.<gnum>.<field>``). A
declaration is only marked ready when the list is empty.
"""

import re
from dataclasses import dataclass
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext as _

from catalog.validators import (
    HS_CODE_PATTERN,
    PACKING_GROUPS,
    TRANSPORT_CLASSES,
    UN_NUMBER_PATTERN,
    validate_cas_number,
    validate_vin,
)
from marketplace.customs import facts as catalog_facts
from marketplace.customs.models import (
    CountryCode,
    CustomsSettings,
    Declaration,
    DeclarationLine,
    DeclarationStatus,
    Route,
    StatisticsFlag,
    TradeMode,
)
from marketplace.customs.route import LICENCE_REASONS, has_export_duty

SELLER_CODE = re.compile(r"[0-9A-Z]{10}|[0-9A-Z]{18}")
INSPECTION_CODE = re.compile(r"[0-9]{3}")
FIVE_PLACES = Decimal("0.00001")


@dataclass(frozen=True)
class Problem:
    field: str
    message: str


def line_field(line: DeclarationLine, name: str) -> str:
    return f"lines.{line.gnum}.{name}"


class _Checker:
    def __init__(self, declaration: Declaration):
        self.declaration = declaration
        self.lines = list(
            declaration.lines.select_related(
                "unit", "unit1", "unit2", "licence__unit", "order_line", "booking_line"
            )
        )
        self.facts = catalog_facts.product_facts([line.product_id for line in self.lines])
        self.problems: list[Problem] = []
        self.today = timezone.localdate()
        reasons = declaration.route_reasons or []
        self.licence_items = {
            reason.get("item") for reason in reasons if reason.get("code") in LICENCE_REASONS
        }
        self.duty_or_licence = any(
            reason.get("code") in LICENCE_REASONS | {"export_duty"} for reason in reasons
        )

    def add(self, field: str, message: str) -> None:
        self.problems.append(Problem(field, str(message)))

    # Rule 1 ------------------------------------------------------------------------------------
    def hs_and_route(self) -> None:
        for line in self.lines:
            if not HS_CODE_PATTERN.fullmatch(line.hs_code or ""):
                self.add(line_field(line, "hs_code"), _("The HS code must have 10 digits."))
            if self.declaration.route == Route.FULL and not INSPECTION_CODE.fullmatch(
                line.inspection_code or ""
            ):
                self.add(
                    line_field(line, "inspection_code"),
                    _("The full declaration needs the 3-digit inspection code."),
                )
            if not line.declaration_elements.strip():
                self.add(
                    line_field(line, "declaration_elements"), _("Give the HS code's declaration elements.")
                )
        if self.declaration.route == Route.LIST:
            limit = CustomsSettings.current().list_limit_cny
            if self.declaration.fx_rate_cny is None or self.declaration.value_cny > limit:
                self.add(
                    "route", _("Above RMB %(limit)s the full declaration is required.") % {"limit": limit}
                )
            if any(reason.get("code") != "list_allowed" for reason in self.declaration.route_reasons):
                self.add(
                    "route",
                    _("Goods needing a licence, inspection or export duty take the full declaration."),
                )

    # Rule 2 ------------------------------------------------------------------------------------
    def statistics_flag(self) -> None:
        if self.declaration.statistics_flag != StatisticsFlag.SIMPLIFIED:
            return
        if self.duty_or_licence or self.declaration.claims_vat_refund:
            self.add(
                "statistics_flag",
                _("Statistics flag A is only allowed without licence, export duty or VAT refund."),
            )
        elif any(has_export_duty(f.hs.export_duty_rate) for f in self.facts.values() if f.hs):
            self.add("statistics_flag", _("Statistics flag A is not allowed for goods with export duty."))

    # Rule 3 ------------------------------------------------------------------------------------
    def amounts_and_weights(self) -> None:
        declaration = self.declaration
        for line in self.lines:
            if line.quantity <= 0 or line.unit_price <= 0:
                self.add(line_field(line, "quantity"), _("Quantity and price must be above zero."))
            if (line.quantity * line.unit_price).quantize(FIVE_PLACES) != line.total_price:
                self.add(line_field(line, "total_price"), _("The total must equal quantity × price."))
            if not (0 < line.net_weight_kg <= line.gross_weight_kg):
                self.add(
                    line_field(line, "net_weight_kg"),
                    _("The net weight must be above zero and at most the gross weight."),
                )
            if line.unit1 is None or line.qty1 is None:
                self.add(line_field(line, "qty1"), _("Give the quantity in the first legal unit."))
            elif line.unit1.customs_code == catalog_facts.KG_CUSTOMS_CODE and line.qty1 != line.net_weight_kg:
                self.add(
                    line_field(line, "qty1"),
                    _("With legal unit kg (035) the quantity must equal the net weight."),
                )
            if line.unit2 is not None and line.qty2 is None:
                self.add(line_field(line, "qty2"), _("Give the quantity in the second legal unit."))
            for name in ("unit_price", "total_price", "quantity"):
                if getattr(line, name) != getattr(line, name).quantize(FIVE_PLACES):
                    self.add(line_field(line, name), _("Amounts have at most 5 decimal places."))
        if declaration.goods_value != sum((line.total_price for line in self.lines), Decimal(0)):
            self.add("goods_value", _("The goods value must equal the sum of the line totals."))
        if declaration.net_weight_kg != sum((line.net_weight_kg for line in self.lines), Decimal(0)):
            self.add("net_weight_kg", _("The line net weights must add up to the declared net weight."))
        if not (0 < declaration.net_weight_kg <= declaration.gross_weight_kg):
            self.add("gross_weight_kg", _("The net weight must be above zero and at most the gross weight."))

    # Rule 4 ------------------------------------------------------------------------------------
    def documents_agree(self) -> None:
        declaration = self.declaration
        if not SELLER_CODE.fullmatch(declaration.supplier.customs_code or ""):
            self.add("supplier", _("The seller needs a 10-character customs code (or 18-character USCC)."))
        if len(declaration.source_number) > 60:
            self.add("order", _("The order or booking number is longer than 60 characters."))
        for name, label in (
            ("logistics_code", _("Give the logistics company's code.")),
            ("logistics_name", _("Give the logistics company's name.")),
            ("waybill_number", _("Give the waybill number.")),
            ("goods_description", _("Describe the goods for the waybill.")),
        ):
            if not getattr(declaration, name).strip():
                self.add(name, label)
        if declaration.package_count < 1:
            self.add("package_count", _("The waybill needs the number of packages."))
        if declaration.gross_weight_kg <= 0:
            self.add("gross_weight_kg", _("The waybill needs the gross weight."))
        for line in self.lines:
            source = line.order_line or line.booking_line
            if source is None:
                self.add(line_field(line, "item_no"), _("The line is not on the order or booking."))
                continue
            if line.order_line:
                quantity = source.agreed_quantity or Decimal(source.quantity)
                price, item = source.unit_price_excl_tax, source.partner_sku or source.upc or str(source.pk)
            else:
                quantity, price, item = source.quantity, source.unit_price, source.partner_sku
            if line.item_no != item[:64] or line.quantity != quantity or line.unit_price != price:
                self.add(
                    line_field(line, "item_no"),
                    _("Item number, quantity and price must agree with the order or booking."),
                )

    # Rule 5 ------------------------------------------------------------------------------------
    def product_rules(self) -> None:
        for line in self.lines:
            facts = self.facts.get(line.product_id)
            if facts is None:
                continue
            if facts.chemical:
                self._chemical(line, facts)
            if facts.battery:
                if not facts.battery.un38_3_tested or not catalog_facts.has_document(
                    facts, catalog_facts.UN38_3
                ):
                    self.add(line_field(line, "product"), _("Lithium batteries need a UN38.3 test summary."))
            if facts.vehicle and facts.vehicle.vin:
                try:
                    validate_vin(facts.vehicle.vin)
                except ValidationError as error:
                    self.add(line_field(line, "product"), " ".join(error.messages))
            self._licence(line, facts)

    def _chemical(self, line, facts) -> None:
        chemical = facts.chemical
        try:
            validate_cas_number(chemical.cas_number)
        except ValidationError as error:
            self.add(line_field(line, "product"), " ".join(error.messages))
        if chemical.un_number:
            if not UN_NUMBER_PATTERN.fullmatch(chemical.un_number):
                self.add(line_field(line, "product"), _("The UN number must be UN and 4 digits."))
            if chemical.transport_class not in TRANSPORT_CLASSES:
                self.add(line_field(line, "product"), _("The dangerous-goods class is not a known class."))
            if chemical.packing_group not in PACKING_GROUPS:
                self.add(line_field(line, "product"), _("The packing group must be I, II or III."))
        # The SDS is mandatory for hazardous chemicals (dangerous goods or GHS-classified).
        hazardous = bool(chemical.un_number or chemical.ghs_classes or chemical.signal_word)
        if hazardous and not catalog_facts.has_document(facts, catalog_facts.SDS):
            self.add(
                line_field(line, "product"), _("A hazardous chemical needs its safety data sheet (SDS).")
            )

    def _licence(self, line, facts) -> None:
        licence = line.licence
        if line.item_no not in self.licence_items:
            return
        if licence is None:
            self.add(line_field(line, "licence"), _("This line needs an export licence."))
            return
        if licence.supplier_id != self.declaration.supplier_id:
            self.add(line_field(line, "licence"), _("The licence belongs to another company."))
        if licence.hs_code_id != line.hs_code:
            self.add(line_field(line, "licence"), _("The licence is for another HS code."))
        if not licence.is_valid_on(self.today):
            self.add(line_field(line, "licence"), _("The licence is not valid today."))
        quantity = (
            line.quantity
            if licence.unit_id == line.unit_id
            else catalog_facts.convert(line.quantity, from_unit=line.unit, to_unit=licence.unit)
        )
        if quantity != licence.quantity:
            self.add(line_field(line, "licence"), _("The licence quantity must equal the declared quantity."))
        if facts.vehicle and facts.vehicle.condition == "used" and facts.vehicle.vin not in licence.vin_list:
            self.add(line_field(line, "licence"), _("The licence does not list this vehicle's VIN."))

    # Rule 6 ------------------------------------------------------------------------------------
    def warehouse(self) -> None:
        declaration = self.declaration
        if declaration.mode != TradeMode.WAREHOUSE:
            if declaration.booking_id:
                self.add("mode", _("A booking is declared under 9810."))
            return
        if declaration.order_type != "W":
            self.add("mode", _("9810 files the booking with order type W."))
        warehouse = declaration.booking.warehouse
        if not warehouse.is_active_on(self.today):
            self.add("booking", _("The overseas warehouse is not registered and active."))
        if not warehouse.customs_registration_number:
            self.add("booking", _("The overseas warehouse has no customs registration number."))
        if declaration.destination_country != warehouse.country:
            self.add("destination_country", _("The destination country must be the warehouse's country."))

    # Rule 7 and the codes every message needs -------------------------------------------------
    def transport_and_codes(self) -> None:
        declaration = self.declaration
        if declaration.transport_mode is None:
            self.add("transport_mode", _("Choose the transport mode."))
        elif declaration.incoterm and declaration.incoterm.sea_only and not declaration.transport_mode.is_sea:
            self.add(
                "incoterm",
                _("%(code)s is for sea transport only.") % {"code": declaration.incoterm.code},
            )
        if declaration.route == Route.FULL and not declaration.terms_of_sale:
            self.add(
                "terms_of_sale",
                _("The full declaration needs the terms-of-sale code (1 CIF, 2 C&F, 3 FOB, 7 EXW)."),
            )
        if declaration.route == Route.LIST and not re.fullmatch(
            r"[0-9A-Z]{3,4}", declaration.destination_port
        ):
            self.add("destination_port", _("Give the destination port's customs code (3 or 4 characters)."))
        if declaration.customs_office is None:
            self.add("customs_office", _("Choose the declaring customs office."))
        if declaration.port is None:
            self.add("port", _("Choose the exit port."))
        if not CountryCode.objects.filter(iso2=declaration.destination_country).exists():
            self.add("destination_country", _("The destination country has no customs country code."))
        from catalog.reference.models import Currency

        for name in ("currency", "waybill_currency"):
            code = getattr(declaration, name)
            if not Currency.objects.filter(code=code).exclude(customs_code="").exists():
                self.add(name, _("%(code)s has no customs currency code.") % {"code": code or "—"})
        for line in self.lines:
            if not line.unit.customs_code:
                self.add(line_field(line, "unit"), _("The unit has no customs unit code."))
        if not CustomsSettings.current().platform_code and declaration.mode == TradeMode.DIRECT:
            self.add("route", _("Set the platform's customs code in the customs settings."))


def validate_declaration(declaration: Declaration) -> list[Problem]:
    checker = _Checker(declaration)
    if not checker.lines:
        checker.add("lines", _("A declaration needs at least one line."))
    for rule in (
        checker.hs_and_route,
        checker.statistics_flag,
        checker.amounts_and_weights,
        checker.documents_agree,
        checker.product_rules,
        checker.warehouse,
        checker.transport_and_codes,
    ):
        rule()
    if not checker.problems:
        checker.problems.extend(_schema_problems(declaration))
    return checker.problems


def _schema_problems(declaration: Declaration) -> list[Problem]:
    """The exported messages must validate against the official schema before anything is offered."""
    from marketplace.customs.exports import export_problems

    return [Problem(field, message) for field, message in export_problems(declaration)]


def problems_by_field(problems: list[Problem]) -> dict[str, list[str]]:
    grouped: dict[str, list[str]] = {}
    for problem in problems:
        grouped.setdefault(problem.field, []).append(problem.message)
    return grouped


def is_exportable(declaration: Declaration, problems: list[Problem] | None = None) -> bool:
    """Exports are offered once the declaration has left draft, is not cancelled and every rule
    passes: the one rule for the desk's downloads and the API's."""
    if declaration.status in (DeclarationStatus.DRAFT, DeclarationStatus.CANCELLED):
        return False
    return not (validate_declaration(declaration) if problems is None else problems)
