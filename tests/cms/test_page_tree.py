"""Where each page type may live: Home → belts (→ showcases), news index → news, policy, contact."""

import pytest

from cms.models import (
    ContactPage,
    HomePage,
    IndustryBeltPage,
    NewsIndexPage,
    NewsPage,
    PolicyPage,
    SupplierShowcasePage,
)

pytestmark = pytest.mark.django_db


def test_each_page_type_names_its_children():
    assert set(HomePage.allowed_subpage_models()) == {
        IndustryBeltPage,
        SupplierShowcasePage,
        NewsIndexPage,
        PolicyPage,
        ContactPage,
    }
    assert IndustryBeltPage.allowed_subpage_models() == [SupplierShowcasePage]
    assert NewsIndexPage.allowed_subpage_models() == [NewsPage]
    assert PolicyPage.allowed_subpage_models() == [PolicyPage]
    assert NewsPage.allowed_subpage_models() == []
    assert SupplierShowcasePage.allowed_subpage_models() == []
    assert ContactPage.allowed_subpage_models() == []


def test_each_page_type_names_its_parents():
    assert set(IndustryBeltPage.allowed_parent_page_models()) == {HomePage}
    assert set(SupplierShowcasePage.allowed_parent_page_models()) == {HomePage, IndustryBeltPage}
    assert set(NewsPage.allowed_parent_page_models()) == {NewsIndexPage}
    assert set(PolicyPage.allowed_parent_page_models()) == {HomePage, PolicyPage}
    assert set(ContactPage.allowed_parent_page_models()) == {HomePage}


def test_news_cannot_go_under_the_home_page_and_belts_cannot_nest(home_page):
    assert NewsIndexPage.can_create_at(home_page)
    assert not NewsPage.can_create_at(home_page)
    belt = home_page.add_child(instance=IndustryBeltPage(title="Cashmere", slug="cashmere"))

    assert not IndustryBeltPage.can_create_at(belt)
    assert SupplierShowcasePage.can_create_at(belt)


def test_a_home_page_has_one_news_index_and_one_contact_page(home_page):
    home_page.add_child(instance=NewsIndexPage(title="News", slug="news"))
    home_page.add_child(instance=ContactPage(title="Contact", slug="contact"))

    assert not NewsIndexPage.can_create_at(home_page)
    assert not ContactPage.can_create_at(home_page)
    assert PolicyPage.can_create_at(home_page)
