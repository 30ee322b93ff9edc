import pytest

from marketplace.customs.messages.ceb import BASE_TRANSFER, INVENTORY, LOGISTICS, ORDER
from marketplace.customs.messages.receipts import RECEIPT_NODES
from marketplace.customs.messages.schema import ceb_schema

NODES = [
    ORDER.children[0],
    ORDER.children[1],
    LOGISTICS,
    INVENTORY.children[0],
    INVENTORY.children[1],
    BASE_TRANSFER,
    *RECEIPT_NODES.values(),
]


@pytest.mark.parametrize("node", NODES, ids=[node.tag for node in NODES])
def test_field_table_lists_every_element_of_the_xsd_in_its_sequence_order(node):
    # given the XSD's definition of the entity
    element = ceb_schema().elements[node.tag]

    # when its child elements are listed with their optionality
    expected = [(child.local_name, child.min_occurs == 0) for child in element.type.content.iter_elements()]

    # then the codec's field table has the same elements, in the same order, equally optional
    assert [(spec.xml, spec.optional) for spec in node.specs] == expected
