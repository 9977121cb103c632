"""Keep the English page tree in step with the Mongolian one: a page created in Mongolian gets an
English stand-in (an alias showing the Mongolian text) until someone translates it."""

from django.db import migrations


def sync_english_from_mongolian(apps, schema_editor):
    Locale = apps.get_model("wagtailcore", "Locale")
    LocaleSynchronization = apps.get_model("wagtail_localize", "LocaleSynchronization")
    mongolian = Locale.objects.get(language_code="mn")
    english = Locale.objects.get(language_code="en")
    LocaleSynchronization.objects.get_or_create(locale=english, defaults={"sync_from": mongolian})


class Migration(migrations.Migration):
    dependencies = [
        ("lms", "0002_home_pages"),
        ("wagtail_localize", "0016_rename_page_revision_translationlog_revision"),
    ]

    operations = [migrations.RunPython(sync_english_from_mongolian, migrations.RunPython.noop)]
