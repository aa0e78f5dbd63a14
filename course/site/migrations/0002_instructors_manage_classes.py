from django.db import migrations


def grant_class_permissions(apps, schema_editor):
    from course.site.roles import ensure_instructors_group

    ensure_instructors_group(apps)


class Migration(migrations.Migration):
    """Instructors may create classes and manage those they teach (course.classes)."""

    dependencies = [("course_site", "0001_instructors_group"), ("classes", "0001_initial")]

    operations = [migrations.RunPython(grant_class_permissions, migrations.RunPython.noop)]
