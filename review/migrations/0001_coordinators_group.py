from django.contrib.auth.management import create_permissions
from django.db import migrations

GROUP = "CE coordinators"
# What reviewing needs, and nothing that edits reference data or people.
PERMISSIONS = [
    ("credits", "view_credit"),
    ("credits", "decide_credit"),
    ("credits", "view_decision"),
    ("credits", "view_evidence"),
    ("events", "view_event"),
    ("events", "add_event"),
    ("events", "change_event"),
    ("events", "view_registration"),
    ("events", "mark_attendance"),
    ("events", "view_category"),
    ("tracks", "view_track"),
    ("tracks", "view_tracktype"),
    ("aspen_ce", "view_user"),
    ("aspen_ce", "view_library"),
]


def add_group(apps, schema_editor):
    # Permissions are normally created after all migrations have run.
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    group, _ = Group.objects.get_or_create(name=GROUP)
    for app_label, codename in PERMISSIONS:
        group.permissions.add(
            Permission.objects.get(content_type__app_label=app_label, codename=codename)
        )


class Migration(migrations.Migration):
    dependencies = [
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("aspen_ce", "0001_initial"),
        ("credits", "0001_initial"),
        ("events", "0002_categories"),
        ("tracks", "0002_track_types"),
    ]
    operations = [migrations.RunPython(add_group, migrations.RunPython.noop)]
