"""The customs desk: queue, declarations, receipts and exports (thin: parse, call, render).

Split by page; every view stays importable from ``marketplace.customs.views``.
"""

from marketplace.customs.views.common import require_filer_role
from marketplace.customs.views.declarations import (
    declaration_action,
    declaration_detail,
    declaration_head,
    declaration_line,
    declaration_waybill,
    new_for_booking,
    new_for_order,
)
from marketplace.customs.views.desk import desk
from marketplace.customs.views.downloads import export_attachment, export_json, export_pdf, export_xml
from marketplace.customs.views.receipts import receipt_entry, receipt_upload

__all__ = [
    "declaration_action",
    "declaration_detail",
    "declaration_head",
    "declaration_line",
    "declaration_waybill",
    "desk",
    "export_attachment",
    "export_json",
    "export_pdf",
    "export_xml",
    "new_for_booking",
    "new_for_order",
    "receipt_entry",
    "receipt_upload",
    "require_filer_role",
]
