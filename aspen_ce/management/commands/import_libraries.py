import csv

from django.core.management.base import BaseCommand, CommandError

from aspen_ce.models import Library


def import_libraries(lines):
    """Add the libraries a CSV lists (name, city, county, federation)."""
    created = 0
    for row in csv.DictReader(lines):
        _, was_created = Library.objects.get_or_create(
            name=row["name"].strip(),
            city=row["city"].strip(),
            defaults={
                "county": row.get("county", "").strip(),
                "federation": row.get("federation", "").strip(),
            },
        )
        created += was_created
    return created


class Command(BaseCommand):
    help = (
        "Add the libraries listed in a CSV (columns: name, city, county, federation)."
    )

    def add_arguments(self, parser):
        parser.add_argument("path")

    def handle(self, path, **options):
        try:
            with open(path, encoding="utf-8-sig", newline="") as lines:
                created = import_libraries(lines)
        except OSError as error:
            raise CommandError(f"Cannot read {path}: {error.strerror}") from None
        self.stdout.write(f"{created} libraries added.")
