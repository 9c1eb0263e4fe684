"""Delete evidence files kept for a form that was never posted again."""

import datetime

from django.core.management.base import BaseCommand
from django.utils import timezone

from credits.evidence import KEEP_SECONDS, purge_kept


class Command(BaseCommand):
    help = "Delete kept evidence files older than a day (run daily)."

    def handle(self, *args, **options):
        before = timezone.now() - datetime.timedelta(seconds=KEEP_SECONDS)
        deleted = purge_kept(before)
        self.stdout.write(f"Deleted {deleted} kept evidence file(s).")
