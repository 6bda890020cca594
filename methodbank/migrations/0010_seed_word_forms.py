from django.db import migrations

from methodbank.term_word_forms import seed_word_forms


def seed(apps, schema_editor):
    seed_word_forms(apps)


class Migration(migrations.Migration):
    dependencies = [
        ("methodbank", "0009_term_suggestions"),
        ("wagtailcore", "0001_initial"),
    ]

    operations = [migrations.RunPython(seed, migrations.RunPython.noop)]
