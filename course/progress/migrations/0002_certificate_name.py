from django.db import migrations, models


def name_issued_certificates(apps, schema_editor):
    """Certificates issued before names were kept take the learner's name as it is now."""
    Certificate = apps.get_model("progress", "Certificate")
    for certificate in Certificate.objects.select_related("learner").filter(name=""):
        learner = certificate.learner
        full_name = f"{learner.first_name} {learner.last_name}".strip()
        certificate.name = learner.display_name or full_name or learner.username
        certificate.save(update_fields=["name"])


class Migration(migrations.Migration):
    dependencies = [
        ("progress", "0001_initial"),
        ("accounts", "0001_initial"),
    ]

    operations = [
        migrations.AddField(
            model_name="certificate",
            name="name",
            field=models.CharField(blank=True, max_length=255, verbose_name="name on the certificate"),
        ),
        migrations.RunPython(name_issued_certificates, migrations.RunPython.noop),
    ]
