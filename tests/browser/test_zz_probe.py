import urllib.request, urllib.error
import pytest
from django.core.management import call_command


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_probe(live_server):
    from wagtail.models import Page, Site, Locale
    from cms.models import HomePage

    print(
        "pages",
        list(Page.objects.values_list("depth", "title")),
        "sites",
        list(Site.objects.all()),
        "locales",
        list(Locale.objects.all()),
    )
    try:
        r = urllib.request.urlopen(live_server.url + "/")
        print("status", r.status)
    except urllib.error.HTTPError as e:
        print("status", e.code)
    import time

    t = time.time()
    call_command("load_demo")
    print("load_demo", time.time() - t)


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_probe2(live_server):
    from wagtail.models import Page, Site, Locale

    print(
        "pages",
        list(Page.objects.values_list("depth", "title")),
        "sites",
        list(Site.objects.all()),
        "locales",
        list(Locale.objects.all()),
    )
    try:
        r = urllib.request.urlopen(live_server.url + "/")
        print("status", r.status)
    except urllib.error.HTTPError as e:
        print("status", e.code)
