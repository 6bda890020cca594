from django.db import migrations

from methodbank.vocabularies import seed_vocabularies


def seed(apps, schema_editor):
    seed_vocabularies(apps)


class Migration(migrations.Migration):
    dependencies = [
        ("methodbank", "0001_initial"),
        ("wagtailcore", "0001_initial"),
    ]

    operations = [migrations.RunPython(seed, migrations.RunPython.noop)]
