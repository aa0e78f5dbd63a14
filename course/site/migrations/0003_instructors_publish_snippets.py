from django.db import migrations


def grant_publish_permissions(apps, schema_editor):
    from course.site.roles import ensure_instructors_group

    ensure_instructors_group(apps)


class Migration(migrations.Migration):
    """Quizzes and glossary terms have drafts now: Instructors may publish them."""

    dependencies = [
        ("course_site", "0002_instructors_manage_classes"),
        ("quiz", "0005_history_keys_snapshots_revisions"),
        ("lessons", "0003_glossary_revisions"),
    ]

    operations = [migrations.RunPython(grant_publish_permissions, migrations.RunPython.noop)]
