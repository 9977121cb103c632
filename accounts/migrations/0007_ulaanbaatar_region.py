from django.db import migrations, models

# Written out rather than imported from accounts.regions, so that this step stays as it was run.
CAPITAL = {"code": "ulaanbaatar", "kind": "capital", "name_mn": "Улаанбаатар хот", "name_en": "Ulaanbaatar city"}


def add_capital(apps, schema_editor):
    Region = apps.get_model("accounts", "Region")
    code = CAPITAL["code"]
    Region.objects.update_or_create(code=code, defaults={k: v for k, v in CAPITAL.items() if k != "code"})


class Migration(migrations.Migration):
    dependencies = [("accounts", "0006_alter_auditevent_action")]

    operations = [
        migrations.AlterField(
            model_name="region",
            name="kind",
            field=models.CharField(
                choices=[
                    ("aimag", "Aimag"),
                    ("capital", "The capital, Ulaanbaatar"),
                    ("district", "District of Ulaanbaatar"),
                ],
                max_length=16,
                verbose_name="kind",
            ),
        ),
        # Undoing leaves the region in place: people and cohorts may have chosen it since.
        migrations.RunPython(add_capital, migrations.RunPython.noop),
    ]
