import pytest

from marketplace.customs.messages.ceb import build_ceb603, parse_ceb603
from marketplace.customs.messages.dxp import CUSTOMS_RECEIVER_ID, DxpEnvelope, unwrap_dxp, wrap_in_dxp
from marketplace.customs.messages.errors import MessageError
from marketplace.customs.messages.schema import dxp_schema
from tests.customs.messages.examples import CODES, FILED_AT, inventory_message


def test_message_wrapped_in_a_dxp_envelope_validates_and_unwraps_to_the_same_bytes():
    # given a built declaration list
    message = build_ceb603(inventory_message(), codes=CODES)

    # when it is wrapped for transport
    envelope = wrap_in_dxp(message, sender_id="DXPENT0000012345", created_at=FILED_AT, file_name="CEB603.xml")

    # then the envelope validates against the DXP schema and carries the message unchanged
    assert dxp_schema().is_valid(envelope)
    assert unwrap_dxp(envelope) == DxpEnvelope(
        message=message,
        msg_type="CEB603Message",
        cop_msg_id="7B2C3D4E-5F6A-4B7C-9D8E-0F1A2B3C4D5E",
        sender_id="DXPENT0000012345",
        receiver_ids=(CUSTOMS_RECEIVER_ID,),
        created_at=FILED_AT,
        file_name="CEB603.xml",
    )
    assert b"<dxp:CreatTime>2026-05-07T15:34:01+08:00</dxp:CreatTime>" in envelope
    assert parse_ceb603(unwrap_dxp(envelope).message, codes=CODES) == inventory_message()


def test_envelope_with_a_too_long_sender_id_is_refused_naming_it():
    # given a sender id of 17 characters (the schema allows 16)
    message = build_ceb603(inventory_message(), codes=CODES)

    # when the message is wrapped
    with pytest.raises(MessageError) as refused:
        wrap_in_dxp(message, sender_id="DXPENT00000123456", created_at=FILED_AT)

    # then the sender id is named
    assert refused.value.fields == ["sender_id"]
    assert refused.value.errors[0].location == "DxpMsg/TransInfo/SenderId"


def test_envelope_needs_at_most_five_receivers():
    # given six receivers
    message = build_ceb603(inventory_message(), codes=CODES)

    # when the message is wrapped
    with pytest.raises(MessageError) as refused:
        wrap_in_dxp(message, sender_id="DXPENT0000012345", created_at=FILED_AT, receiver_ids=("R",) * 6)

    # then the receivers are named
    assert refused.value.fields == ["receiver_ids"]
