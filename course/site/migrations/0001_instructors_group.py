from django.db import migrations


def create_instructors_group(apps, schema_editor):
    from course.site.roles import ensure_instructors_group

    ensure_instructors_group(apps)


class Migration(migrations.Migration):
    """The Instructors group and its permissions. Idempotent: on a database where the old
    lessons 0002 and reports 0002 already made the group, it only adds what is missing."""

    dependencies = [
        ("lessons", "0002_instructors_group"),
        ("quiz", "0002_polls_and_confidence"),
        ("reports", "0002_instructors_view_reports"),
        ("wagtailcore", "0098_apitoken"),
        ("wagtailimages", "0027_image_description"),
        ("wagtaildocs", "0014_alter_document_file_size"),
        ("wagtailadmin", "0006_formstate"),
        ("auth", "0012_alter_user_first_name_max_length"),
    ]

    operations = [migrations.RunPython(create_instructors_group, migrations.RunPython.noop)]
