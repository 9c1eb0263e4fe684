from django.core.management import call_command
from django.db import migrations


def create_cache_table(apps, schema_editor):
    # Sign-in rate limits live in the database cache; without its table the
    # first sign-in fails. createcachetable skips tables that exist.
    call_command(
        "createcachetable", database=schema_editor.connection.alias, verbosity=0
    )


class Migration(migrations.Migration):
    dependencies = [("aspen_ce", "0002_outbound_email")]
    operations = [migrations.RunPython(create_cache_table, migrations.RunPython.noop)]
