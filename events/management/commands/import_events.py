from django.core.management.base import BaseCommand, CommandError

from events.importing import import_events


class Command(BaseCommand):
    help = "Import catalogue events from a CSV in the State Library's format."

    def add_arguments(self, parser):
        parser.add_argument("path")
        parser.add_argument(
            "--dry-run",
            action="store_true",
            help="List what would be created and what is rejected; save nothing.",
        )

    def handle(self, path, dry_run, **options):
        try:
            with open(path, encoding="utf-8-sig", newline="") as lines:
                report = import_events(lines, dry_run=dry_run)
        except OSError as error:
            raise CommandError(f"Cannot read {path}: {error.strerror}") from None
        verb = "would create" if dry_run else "created"
        lines = [
            *[(line, f"{verb} {title}") for line, title in report.created],
            *[
                (line, f"already in the catalogue: {title}")
                for line, title in report.existing
            ],
            *[(line, f"rejected, {reason}") for line, reason in report.rejected],
        ]
        for line, text in sorted(lines):
            self.stdout.write(f"line {line}: {text}")
        prefix = "Dry run: " if dry_run else ""
        self.stdout.write(prefix + report.summary(dry_run))
