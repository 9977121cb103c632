from django.db import migrations


def load_regions(apps, schema_editor):
    from accounts.regions import REGIONS

    Region = apps.get_model("accounts", "Region")
    for code, kind, name_mn, name_en in REGIONS:
        Region.objects.update_or_create(code=code, defaults={"kind": kind, "name_mn": name_mn, "name_en": name_en})


class Migration(migrations.Migration):
    dependencies = [("accounts", "0001_initial")]

    operations = [migrations.RunPython(load_regions, migrations.RunPython.noop)]
