"""Customs message codec of issue #9: pure Python, no Django models, testable on its own.

* :mod:`.data`: frozen dataclasses (CEB303 order/booking, CEB505 waybill, CEB603 list, BaseTransfer,
  receipts, the full declaration) and the :class:`~.data.CodeMap` that maps ISO codes to customs codes.
* :mod:`.ceb`: ``build_ceb303/505/603`` (validated against the official XSD before returning) and
  ``parse_ceb303/505/603`` (round trip).
* :mod:`.receipts`: ``parse_receipts`` for CEB304/506/604 by namespace, ``build_receipts``.
* :mod:`.dxp`: ``wrap_in_dxp`` / ``unwrap_dxp`` (DxpMsg envelope, validated).
* :mod:`.declaration`: the full-route record as JSON validated by ``schemas/declaration.schema.json``.
* :mod:`.crosscheck`: order, waybill and list agree (三单对碰).

Every refusal is a :class:`~.errors.MessageError` whose ``errors`` name the fields at fault.
"""

from marketplace.customs.messages.ceb import (
    build_ceb303,
    build_ceb505,
    build_ceb603,
    parse_ceb303,
    parse_ceb505,
    parse_ceb603,
)
from marketplace.customs.messages.crosscheck import cross_check
from marketplace.customs.messages.declaration import (
    export_full_declaration,
    full_declaration_to_dict,
    parse_full_declaration,
    validate_declaration_json,
)
from marketplace.customs.messages.dxp import DxpEnvelope, unwrap_dxp, wrap_in_dxp
from marketplace.customs.messages.errors import FieldError, MessageError
from marketplace.customs.messages.receipts import build_receipts, parse_receipts

__all__ = [
    "DxpEnvelope",
    "FieldError",
    "MessageError",
    "build_ceb303",
    "build_ceb505",
    "build_ceb603",
    "build_receipts",
    "cross_check",
    "export_full_declaration",
    "full_declaration_to_dict",
    "parse_ceb303",
    "parse_ceb505",
    "parse_ceb603",
    "parse_full_declaration",
    "parse_receipts",
    "unwrap_dxp",
    "validate_declaration_json",
    "wrap_in_dxp",
]
