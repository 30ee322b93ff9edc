"""Customs declarations for B2B exports (9710 direct, 9810 overseas warehouse).

Reference tables here hold only what the catalog does not: customs offices and ports, country
codes and transport modes. Units, Incoterms (terms-of-sale code), currencies (customs code),
exchange rates and HS lines are the catalog's (catalog/reference/models.py).

Split by subject; every name stays importable from ``marketplace.customs.models``.
"""

from marketplace.customs.models.declarations import (
    Declaration,
    DeclarationLine,
    DeclarationReceipt,
    DeclarationStatus,
    ReceiptMessage,
    ReceiptSource,
    Route,
    StatisticsFlag,
    TradeMode,
)
from marketplace.customs.models.licences import ExportLicence, LicenceKind
from marketplace.customs.models.reference import (
    FOUR_DIGITS,
    THREE_DIGITS,
    CountryCode,
    CustomsOffice,
    CustomsSettings,
    TransportMode,
)
from marketplace.customs.models.warehouses import (
    BookingLine,
    BookingStatus,
    EvidenceKind,
    OverseasWarehouse,
    RegistrationStatus,
    WarehouseBooking,
    WarehouseEvidence,
    WarehouseKind,
)

__all__ = [
    "FOUR_DIGITS",
    "THREE_DIGITS",
    "BookingLine",
    "BookingStatus",
    "CountryCode",
    "CustomsOffice",
    "CustomsSettings",
    "Declaration",
    "DeclarationLine",
    "DeclarationReceipt",
    "DeclarationStatus",
    "EvidenceKind",
    "ExportLicence",
    "LicenceKind",
    "OverseasWarehouse",
    "ReceiptMessage",
    "ReceiptSource",
    "RegistrationStatus",
    "Route",
    "StatisticsFlag",
    "TradeMode",
    "TransportMode",
    "WarehouseBooking",
    "WarehouseEvidence",
    "WarehouseKind",
]
