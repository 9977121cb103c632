import django.utils.timezone
from django.db import migrations, models


def date_existing_marks(apps, schema_editor):
    # A mark recorded before changes were dated was changed when it was recorded.
    Attendance = apps.get_model("cohorts", "Attendance")
    Attendance.objects.update(changed_at=models.F("recorded_at"))


class Migration(migrations.Migration):
    dependencies = [
        ("cohorts", "0003_invitation_emailed_at"),
    ]

    operations = [
        migrations.AddField(
            model_name="attendance",
            name="changed_at",
            field=models.DateTimeField(default=django.utils.timezone.now, verbose_name="changed"),
        ),
        migrations.AddField(
            model_name="attendance",
            name="change_id",
            field=models.UUIDField(blank=True, editable=False, null=True, verbose_name="change"),
        ),
        migrations.RunPython(date_existing_marks, migrations.RunPython.noop, elidable=True),
    ]
