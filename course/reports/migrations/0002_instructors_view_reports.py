from django.db import migrations


def grant_reports_to_instructors(apps, schema_editor):
    from course.lessons.roles import ensure_instructors_group

    ensure_instructors_group(apps)


class Migration(migrations.Migration):
    dependencies = [
        ("reports", "0001_initial"),
        ("lessons", "0002_instructors_group"),
    ]

    operations = [migrations.RunPython(grant_reports_to_instructors, migrations.RunPython.noop)]
