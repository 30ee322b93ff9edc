from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from marketplace.customs.messages.data import Receipt, ReceiptKind, ReceiptMessage
from marketplace.customs.messages.errors import MessageError
from marketplace.customs.messages.receipts import build_receipts, parse_receipts
from marketplace.customs.messages.schema import ceb_schema

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"
SAMPLE_TIME = datetime(2018, 5, 7, 15, 30, 1, 1000, tzinfo=ZoneInfo("Asia/Shanghai"))
SAMPLE_INFO = "新增申报成功[4CDE1CFD-EDED-46B1-946C-B8022E42FC94]"


def _sample(name: str) -> bytes:
    return (FIXTURES / f"{name}Message.xml").read_bytes()


def test_official_order_receipt_parses():
    # given the official CEB304 sample (byte-order mark, ceb: prefix, ten OrderReturn entities)
    # when it is parsed
    message = parse_receipts(_sample("CEB304"))

    # then every entity is read with its order number, status and Beijing time
    assert message.message_type == "CEB304"
    assert message.guid == "311af125-6fed-4603-8c5d-49b1fa4b4b9b"
    assert message.version == "1.0"
    assert len(message.receipts) == 10
    assert set(message.receipts) == {
        Receipt(
            kind=ReceiptKind.ORDER,
            guid="311af125-6fed-4603-8c5d-49b1fa4b4b9b",
            ebp_code="1105910159",
            ebc_code="1105910159",
            order_no="order2018050711340001",
            return_status="2",
            return_time=SAMPLE_TIME,
            return_info=SAMPLE_INFO,
        )
    }
    assert message.receipts[0].status_code == 2


def test_official_waybill_receipt_parses():
    # given the official CEB506 sample
    # when it is parsed
    message = parse_receipts(_sample("CEB506"))

    # then the logistics company and waybill number are read
    assert message.message_type == "CEB506"
    assert len(message.receipts) == 10
    assert message.receipts[0] == Receipt(
        kind=ReceiptKind.WAYBILL,
        guid="4CDE1CFD-EDED-46B1-946C-B8022E42FC94",
        logistics_code="1105910159",
        logistics_no="L2018050700001",
        return_status="2",
        return_time=SAMPLE_TIME,
        return_info=SAMPLE_INFO,
    )


def test_official_list_receipt_parses_with_the_numbers_customs_returns():
    # given the official CEB604 sample (its statisticsFlag is a placeholder)
    # when it is parsed
    message = parse_receipts(_sample("CEB604"))

    # then preNo, invtNo and copNo are read
    assert message.message_type == "CEB604"
    assert len(message.receipts) == 10
    assert message.receipts[-1] == Receipt(
        kind=ReceiptKind.INVENTORY,
        guid="4CDE1CFD-EDED-46B1-946C-B8022E42FC94",
        agent_code="1105910159",
        cop_no="Cop20180507001",
        pre_no="P20180507000000001",
        invt_no="Invt20180507000001",
        ebc_code="1105910159",
        ebp_code="1105910159",
        order_no="1105910159",
        statistics_flag="1",
        return_status="2",
        return_time=SAMPLE_TIME,
        return_info=SAMPLE_INFO,
    )


@pytest.mark.parametrize(
    "rewrite",
    [
        lambda xml: xml.replace("ceb:", "customs:"),
        lambda xml: xml.replace("<ceb:", "<").replace("</ceb:", "</").replace("xmlns:ceb=", "xmlns="),
    ],
    ids=["other-prefix", "default-namespace"],
)
def test_re_prefixed_or_default_namespace_receipt_parses_the_same(rewrite):
    # given the CEB604 sample written with another prefix, or with a default namespace
    original = _sample("CEB604").decode("utf-8-sig")
    variant = rewrite(original).replace("xmlns:ceb=", "xmlns:customs=")
    assert "ceb:" not in variant

    # when both are parsed
    # then they give the same receipts
    assert parse_receipts(variant.encode()) == parse_receipts(original.encode())


def test_receipt_without_a_status_is_refused_naming_it_even_when_read_leniently():
    # given a CEB506 sample whose first entity lost its returnStatus
    xml = _sample("CEB506").decode("utf-8-sig").replace("<ceb:returnStatus>2</ceb:returnStatus>", "", 1)

    # when it is parsed strictly and leniently
    with pytest.raises(MessageError) as strict:
        parse_receipts(xml)
    with pytest.raises(MessageError) as lenient:
        parse_receipts(xml, validate=False)

    # then both refusals point at the first receipt
    assert strict.value.fields == ["receipts[0]"]
    assert "returnStatus" in str(strict.value)
    assert lenient.value.fields == ["receipts[0].return_status"]


def test_lenient_read_accepts_a_time_without_milliseconds():
    # given a receipt with a 14-digit return time
    xml = _sample("CEB304").decode("utf-8-sig").replace("20180507153001001", "20180507153001")

    # when it is read without schema validation
    message = parse_receipts(xml, validate=False)

    # then the time is read to the second
    assert message.receipts[0].return_time == SAMPLE_TIME.replace(microsecond=0)


def test_a_business_message_is_not_a_receipt():
    # given something that is no CEB receipt
    # when it is parsed
    with pytest.raises(MessageError) as refused:
        parse_receipts(b"<order/>")

    # then the refusal says what was expected
    assert "not one of CEB304Message, CEB506Message, CEB604Message" in str(refused.value)


@pytest.mark.parametrize(
    ("status", "info", "invt_no"),
    [("120", "入库成功", "I0702202600000124"), ("100", "退单：商品编码与申报要素不符", "")],
)
def test_built_receipt_validates_and_parses_back(status, info, invt_no):
    # given a list receipt with the status customs would send (no list number on a rejection)
    receipt = Receipt(
        kind=ReceiptKind.INVENTORY,
        guid="6A1B2C3D-4E5F-4A6B-8C7D-9E0F1A2B3C4D",
        agent_code="1505960001",
        cop_no="INV-2026-000124",
        pre_no="P26050800000000124",
        invt_no=invt_no,
        ebc_code="91150600MA0N654321",
        ebp_code="1505980001",
        order_no="ORD-2026-000124",
        statistics_flag="A",
        return_status=status,
        return_time=datetime(2026, 5, 8, 10, 0, 0, 250000, tzinfo=ZoneInfo("Asia/Shanghai")),
        return_info=info,
    )
    message = ReceiptMessage(
        message_type="CEB604", guid="D1E2F3A4-B5C6-4D7E-8F90-A1B2C3D4E5F6", version="1.0", receipts=(receipt,)
    )

    # when it is built and read
    xml = build_receipts(message)

    # then it validates and reads back equal
    assert ceb_schema().is_valid(xml)
    assert parse_receipts(xml) == message
    assert parse_receipts(xml).receipts[0].status_code == int(status)
