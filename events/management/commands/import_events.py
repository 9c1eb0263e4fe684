import io

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
            with open(path, "rb") as file:
                data = file.read()
        except OSError as error:
            raise CommandError(f"Cannot read {path}: {error.strerror}") from None
        try:
            text = data.decode("utf-8-sig")
        except UnicodeDecodeError as error:
            line = data[: error.start].count(b"\n") + 1
            raise CommandError(
                f"line {line}: the file is not UTF-8 text. Save it as "
                "“CSV UTF-8” and import it again; nothing was imported."
            ) from None
        report = import_events(io.StringIO(text, newline=""), dry_run=dry_run)
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
