"""The customs desk in a real browser: the trade-service firm opens the desk, finds the rejected
declaration first, reads customs' reason, corrects it and sees each problem next to its field;
the desk and the declaration fit a phone's width."""

import re

import pytest
from playwright.sync_api import expect

from marketplace.customs.models import Declaration, DeclarationStatus
from tests.browser.conftest import MOBILE, horizontal_overflow, shoot
from tests.browser.test_catalog_in_browser import log_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

BROKER = "broker@ordos-trade-services.example"
REASON = "declaration elements do not match the HS code"
ELEMENTS_MISSING = "Give the HS code's declaration elements."


def test_the_firm_reads_a_rejection_corrects_it_and_the_desk_fits_a_phone(open_page, demo):
    rejected = Declaration.objects.get(status=DeclarationStatus.REJECTED)

    # The firm opens its desk from the menu: the rejected declaration is listed first.
    desk = open_page()
    log_in(desk, BROKER)
    desk.get_by_role("link", name="Customs", exact=True).first.click()
    expect(desk).to_have_url(re.compile(r"/customs/$"))
    first_row = desk.locator("table tbody tr").first
    expect(first_row).to_have_class(re.compile(r"table-danger"))
    expect(first_row).to_contain_text(rejected.number)
    shoot(desk, "customs-desk.png")

    # It opens the declaration and reads customs' reason.
    first_row.get_by_role("link", name=rejected.number).click()
    expect(desk.locator(".alert-danger")).to_contain_text(REASON)
    expect(desk.locator("h1 .badge-declaration-rejected")).to_be_visible()
    shoot(desk, "customs-rejected.png")

    # It corrects it (a change, appType 2) and clears the elements customs objected to:
    # the problem shows under that field and the declaration cannot be marked ready.
    desk.get_by_role("button", name="Correct and re-file as a change").click()
    expect(desk.locator(".alert-success")).to_contain_text("Draft")
    expect(desk.locator(".alert-warning").first).to_contain_text(REASON)  # still in view while correcting
    desk.locator("#id_line-1-declaration_elements").fill("")
    desk.locator("#id_line-1-declaration_elements").locator("xpath=ancestor::form").get_by_role(
        "button", name="Save line"
    ).click()
    field = desk.locator("#id_line-1-declaration_elements").locator(
        "xpath=ancestor::div[contains(@class,'col-')][1]"
    )
    expect(field.locator(".errorlist")).to_contain_text(ELEMENTS_MISSING)
    expect(desk.locator(".alert-warning[role=status]")).to_contain_text("problem")
    expect(desk.get_by_role("button", name="Mark ready")).to_be_disabled()
    shoot(desk, "customs-problems.png")
    rejected.refresh_from_db()
    assert rejected.status == DeclarationStatus.DRAFT and rejected.app_type == "2"

    # On a phone the desk and the declaration fit the width.
    phone = open_page(MOBILE)
    log_in(phone, BROKER)
    phone.goto("/customs/")
    expect(phone.locator("table tbody tr").first).to_be_visible()
    shoot(phone, "customs-desk-phone.png")
    assert horizontal_overflow(phone) == 0
    status = phone.locator("table tbody tr").first.locator(".badge-status").bounding_box()
    assert status["x"] + status["width"] <= MOBILE["width"]  # not hidden in the table's scroll
    phone.goto(f"/customs/declarations/{rejected.pk}/")
    expect(phone.locator("#id_line-1-declaration_elements")).to_be_visible()
    shoot(phone, "customs-declaration-phone.png")
    assert horizontal_overflow(phone) == 0
