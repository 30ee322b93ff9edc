"""The optional DXP transport envelope (``DxpMsg``, ``dxp-terminal-202205.xsd``) around a CEB message.

:func:`wrap_in_dxp` puts an already built (and validated) CEB message, base64-encoded, into ``Data``;
``TransInfo`` names the message (``CopMsgId`` = its guid, ``MsgType`` = its root, e.g.
``CEB303Message``), the sender's DXP id and the receivers. The envelope is validated against the DXP
schema before it is returned. Signing (``ds:Signature``) is left to the firm's own tools.
:func:`unwrap_dxp` reads an envelope back, whatever its prefix.
"""

from __future__ import annotations

import base64
import binascii
import re
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from datetime import datetime

from marketplace.customs.messages.data import DXP_NAMESPACE
from marketplace.customs.messages.errors import FieldError, MessageError
from marketplace.customs.messages.schema import dxp_schema
from marketplace.customs.messages.xmlcodec import BEIJING, local_name, read_xml, serialise

# The receiver id of the customs cross-border e-commerce node used in public integration guides
# (unconfirmed for the Ordos pilot): callers may pass their own.
CUSTOMS_RECEIVER_ID = "DXPEDCEB0000002"

ET.register_namespace("dxp", DXP_NAMESPACE)


@dataclass(frozen=True, kw_only=True)
class DxpEnvelope:
    message: bytes  # the wrapped CEB message, as built
    msg_type: str  # root element of the message, e.g. "CEB303Message"
    cop_msg_id: str  # the message guid
    sender_id: str
    receiver_ids: tuple[str, ...]
    created_at: datetime
    file_name: str = ""


def _d(tag: str) -> str:
    return f"{{{DXP_NAMESPACE}}}{tag}"


def wrap_in_dxp(
    message: bytes,
    *,
    sender_id: str,
    created_at: datetime,
    receiver_ids: tuple[str, ...] = (CUSTOMS_RECEIVER_ID,),
    file_name: str = "",
) -> bytes:
    """A ``DxpMsg`` carrying ``message``; refused (naming the field) unless it validates."""
    inner = read_xml(message)
    if created_at.tzinfo is None:
        raise MessageError("DxpMsg", [FieldError("created_at", "must be a timezone-aware datetime")])
    root = ET.Element(_d("DxpMsg"), {"ver": "1.0"})
    info = ET.SubElement(root, _d("TransInfo"))
    ET.SubElement(info, _d("CopMsgId")).text = inner.get("guid", "")
    ET.SubElement(info, _d("SenderId")).text = sender_id
    receivers = ET.SubElement(info, _d("ReceiverIds"))
    for receiver in receiver_ids:
        ET.SubElement(receivers, _d("ReceiverId")).text = receiver
    ET.SubElement(info, _d("CreatTime")).text = (
        created_at.astimezone(BEIJING).replace(microsecond=0).isoformat()
    )
    ET.SubElement(info, _d("MsgType")).text = local_name(inner.tag) or ""
    ET.SubElement(root, _d("Data")).text = base64.b64encode(message).decode("ascii")
    if file_name:
        ET.SubElement(ET.SubElement(root, _d("AddInfo")), _d("FileName")).text = file_name
    _validate(root)
    return serialise(root)


def unwrap_dxp(document: bytes | str, *, validate: bool = True) -> DxpEnvelope:
    """Read a ``DxpMsg``: the envelope's fields and the CEB message it carries (decoded)."""
    root = read_xml(document)
    if root.tag != _d("DxpMsg"):
        raise MessageError("DxpMsg", [FieldError("", f"the document is a {root.tag}, not a DxpMsg")])
    if validate:
        _validate(root)
    info = root.find(_d("TransInfo"))
    data = root.find(_d("Data"))
    if info is None or data is None:
        raise MessageError("DxpMsg", [FieldError("", "TransInfo and Data are required")])
    try:
        message = base64.b64decode((data.text or "").strip(), validate=True)
    except binascii.Error:
        raise MessageError("DxpMsg", [FieldError("Data", "is not base64")])
    try:
        created = datetime.fromisoformat(info.findtext(_d("CreatTime"), "").strip())
    except ValueError:
        raise MessageError("DxpMsg", [FieldError("created_at", "CreatTime is not a date and time")])
    return DxpEnvelope(
        message=message,
        msg_type=info.findtext(_d("MsgType"), "").strip(),
        cop_msg_id=info.findtext(_d("CopMsgId"), "").strip(),
        sender_id=info.findtext(_d("SenderId"), "").strip(),
        receiver_ids=tuple(
            (el.text or "").strip() for el in info.iterfind(f"{_d('ReceiverIds')}/{_d('ReceiverId')}")
        ),
        created_at=created if created.tzinfo else created.replace(tzinfo=BEIJING),
        file_name=root.findtext(f"{_d('AddInfo')}/{_d('FileName')}", "").strip(),
    )


_FIELDS = {
    "CopMsgId": "cop_msg_id",
    "SenderId": "sender_id",
    "ReceiverIds": "receiver_ids",
    "ReceiverId": "receiver_ids",
    "CreatTime": "created_at",
    "MsgType": "msg_type",
    "Data": "message",
    "FileName": "file_name",
}


def _validate(root: ET.Element) -> None:
    errors = []
    for error in dxp_schema().iter_errors(root):
        tag = error.elem.tag.split("}", 1)[-1] if error.elem is not None else ""
        location = re.sub(r"\{[^}]*\}", "", error.path or "").lstrip("/")
        errors.append(FieldError(_FIELDS.get(tag, tag), str(error.reason or error.message), location))
    if errors:
        raise MessageError("DxpMsg", errors)
