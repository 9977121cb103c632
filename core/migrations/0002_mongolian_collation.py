"""The Mongolian alphabetical order in PostgreSQL (core.formatting.MONGOLIAN_COLLATION).

A server built with ICU already has "mn-x-icu" in every database; one built from a template
without it gets it here. SQLite registers a function of the same name per connection instead
(core.apps), so nothing is done there."""

from django.db import migrations


def create_collation(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute('CREATE COLLATION IF NOT EXISTS "mn-x-icu" (provider = icu, locale = \'mn\')')


class Migration(migrations.Migration):
    dependencies = [("core", "0001_prepared_downloads")]

    operations = [migrations.RunPython(create_collation, migrations.RunPython.noop)]
