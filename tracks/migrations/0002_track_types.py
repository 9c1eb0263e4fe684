from decimal import Decimal

from django.db import migrations

# (program, position, name, audience, total, minimums, specialization threshold)
TRACK_TYPES = [
    (2023, 1, "Library Administrator, initial certification", "director", 60,
     {"LA": 30}, None),
    (2023, 2, "Library Administrator, renewal", "director", 60, {}, None),
    (2023, 3, "Library Staff", "staff", 60,
     {"LA": 5, "LSP": 5, "CMTS": 5, "TECH": 5}, None),
    (2023, 4, "Trustee", "trustee", 15, {"LA": 10}, None),
    (2009, 1, "Library Administrator", "director", 60,
     {"LA": 20, "LSP": 10, "CMTS": 10, "TECH": 10}, 20),
    (2009, 2, "Library Staff", "staff", 60,
     {"LA": 10, "LSP": 10, "CMTS": 10, "TECH": 10}, 20),
    (2009, 3, "Trustee", "trustee", 15, {"LA": 10}, 10),
]


def add_track_types(apps, schema_editor):
    Category = apps.get_model("events", "Category")
    TrackType = apps.get_model("tracks", "TrackType")
    Requirement = apps.get_model("tracks", "Requirement")
    categories = {c.code: c for c in Category.objects.all()}
    for program, position, name, audience, total, minimums, threshold in TRACK_TYPES:
        track_type, _ = TrackType.objects.update_or_create(
            program=program,
            name=name,
            defaults={
                "position": position,
                "audience": audience,
                "is_active": program == 2023,
                "total_required": Decimal(total),
                "specialization_threshold": threshold,
            },
        )
        for code, minimum in minimums.items():
            Requirement.objects.update_or_create(
                track_type=track_type,
                category=categories[code],
                defaults={"minimum": Decimal(minimum)},
            )


class Migration(migrations.Migration):
    dependencies = [("tracks", "0001_initial"), ("events", "0002_categories")]
    operations = [migrations.RunPython(add_track_types, migrations.RunPython.noop)]
