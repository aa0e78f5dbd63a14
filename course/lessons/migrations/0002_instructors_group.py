from django.db import migrations


def create_instructors_group(apps, schema_editor):
    from course.lessons.roles import ensure_instructors_group

    ensure_instructors_group(apps)


class Migration(migrations.Migration):
    dependencies = [
        ("lessons", "0001_initial"),
        ("quiz", "0001_initial"),
        ("wagtailcore", "0098_apitoken"),
        ("wagtailimages", "0027_image_description"),
        ("wagtaildocs", "0014_alter_document_file_size"),
        ("wagtailadmin", "0006_formstate"),
        ("auth", "0012_alter_user_first_name_max_length"),
    ]

    operations = [migrations.RunPython(create_instructors_group, migrations.RunPython.noop)]
