from django.db import migrations

# This migration once granted view_reports to the Instructors group. The group and its
# permissions now belong to the composition app (course_site 0001_instructors_group). It
# stays, empty, because databases have it recorded.


class Migration(migrations.Migration):
    dependencies = [("reports", "0001_initial")]

    operations = []
