from django.db import migrations

# This migration once created the Instructors group, which made lessons depend on quiz.
# The group now belongs to the composition app (course_site 0001_instructors_group, which
# runs after every app whose permissions it grants). The migration stays, empty, because
# databases have it recorded and reports 0002 depends on it.


class Migration(migrations.Migration):
    dependencies = [("lessons", "0001_initial")]

    operations = []
