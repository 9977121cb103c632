from django.db import migrations


def load(apps, schema_editor):
    from courses.taxonomy_data import AUDIENCES, TOPICS

    for model_name, rows in (("Audience", AUDIENCES), ("Topic", TOPICS)):
        model = apps.get_model("courses", model_name)
        for code, name_mn, name_en in rows:
            model.objects.update_or_create(code=code, defaults={"name_mn": name_mn, "name_en": name_en})


class Migration(migrations.Migration):
    dependencies = [("courses", "0001_initial")]

    operations = [migrations.RunPython(load, migrations.RunPython.noop)]
