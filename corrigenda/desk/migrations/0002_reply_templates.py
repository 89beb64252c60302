"""The default reply templates (German and English, one per purpose), for all outlets."""

from django.db import migrations


def install(apps, schema_editor):
    from corrigenda.desk.default_replies import DEFAULT_REPLIES

    ReplyTemplate = apps.get_model("desk", "ReplyTemplate")
    for purpose, language, subject, body in DEFAULT_REPLIES:
        ReplyTemplate.objects.get_or_create(
            outlet=None,
            purpose=purpose,
            language=language,
            defaults={"subject": subject, "body": body},
        )


class Migration(migrations.Migration):
    dependencies = [("desk", "0001_initial")]

    operations = [migrations.RunPython(install, migrations.RunPython.noop)]
