"""Replace Wagtail's welcome page with Cascade's home page, in Mongolian and in English."""

import uuid

from django.db import migrations

HOME_TITLES = {"mn": "Cascade — сургалтын удирдлагын систем", "en": "Cascade — learning management system"}


def create_home_pages(apps, schema_editor):
    ContentType = apps.get_model("contenttypes", "ContentType")
    Locale = apps.get_model("wagtailcore", "Locale")
    Page = apps.get_model("wagtailcore", "Page")
    Site = apps.get_model("wagtailcore", "Site")
    HomePage = apps.get_model("lms", "HomePage")

    mn, _created = Locale.objects.get_or_create(language_code="mn")
    en, _created = Locale.objects.get_or_create(language_code="en")
    # The page Wagtail's own migrations create, and the site that points at it.
    Page.objects.filter(depth=2, content_type__app_label="wagtailcore", content_type__model="page").delete()
    content_type, _created = ContentType.objects.get_or_create(app_label="lms", model="homepage")
    translation_key = uuid.uuid4()
    homes = {}
    for position, locale in enumerate((mn, en), start=1):
        # Siblings need distinct slugs; routing to /en/ goes by locale, not by slug.
        slug = "home" if locale.language_code == "mn" else f"home-{locale.language_code}"
        homes[locale.language_code] = HomePage.objects.create(
            title=HOME_TITLES[locale.language_code],
            draft_title=HOME_TITLES[locale.language_code],
            slug=slug,
            content_type=content_type,
            path=f"0001{position:04d}",
            depth=2,
            numchild=0,
            url_path=f"/{slug}/",
            locale=locale,
            translation_key=translation_key,
            live=True,
            body=[],
        )
    Page.objects.filter(depth=1).update(numchild=2)
    Site.objects.all().delete()
    Site.objects.create(hostname="localhost", port=80, root_page=homes["mn"], is_default_site=True, site_name="Cascade")


class Migration(migrations.Migration):
    dependencies = [("lms", "0001_initial")]

    operations = [migrations.RunPython(create_home_pages, migrations.RunPython.noop)]
