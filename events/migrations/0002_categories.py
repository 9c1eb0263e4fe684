from django.db import migrations

CATEGORIES = [
    ("LA", "Library Administration", False),
    ("LSP", "Library Services to the Public", True),
    ("CMTS", "Collection Management and Technical Services", True),
    ("TECH", "Technology", True),
]


def add_categories(apps, schema_editor):
    Category = apps.get_model("events", "Category")
    for position, (code, name, has_specialization) in enumerate(CATEGORIES, 1):
        Category.objects.update_or_create(
            code=code,
            defaults={
                "name": name,
                "position": position,
                "has_specialization": has_specialization,
            },
        )


class Migration(migrations.Migration):
    dependencies = [("events", "0001_initial")]
    operations = [migrations.RunPython(add_categories, migrations.RunPython.noop)]
