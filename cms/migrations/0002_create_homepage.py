"""Replace Wagtail's placeholder page with our HomePage and name both Site models."""

from django.conf import settings
from django.db import migrations


def create_homepage(apps, schema_editor):
    ContentType = apps.get_model("contenttypes.ContentType")
    Page = apps.get_model("wagtailcore.Page")
    WagtailSite = apps.get_model("wagtailcore.Site")
    DjangoSite = apps.get_model("sites.Site")
    HomePage = apps.get_model("cms.HomePage")

    # Wagtail's initial migration creates a plain "Welcome" page at depth 2.
    Page.objects.filter(depth=2, content_type__app_label="wagtailcore").delete()
    homepage_type, _ = ContentType.objects.get_or_create(model="homepage", app_label="cms")
    locale_id = Page.objects.get(depth=1).locale_id
    homepage = HomePage.objects.create(
        title=settings.SITE_NAME,
        draft_title=settings.SITE_NAME,
        slug="home",
        content_type=homepage_type,
        path="00010001",
        depth=2,
        numchild=0,
        url_path="/home/",
        locale_id=locale_id,
        live=True,
    )
    Page.objects.filter(depth=1).update(numchild=1)
    WagtailSite.objects.update_or_create(
        is_default_site=True,
        defaults={"hostname": "localhost", "port": 80, "root_page_id": homepage.pk,
                  "site_name": settings.SITE_NAME},
    )
    DjangoSite.objects.update_or_create(
        pk=settings.SITE_ID, defaults={"domain": settings.SITE_DOMAIN, "name": settings.SITE_NAME}
    )


def remove_homepage(apps, schema_editor):
    apps.get_model("cms.HomePage").objects.filter(depth=2).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("cms", "0001_initial"),
        ("sites", "0002_alter_domain_unique"),
        ("wagtailcore", "0001_initial"),
    ]

    operations = [migrations.RunPython(create_homepage, remove_homepage)]
