from django.core.management.base import BaseCommand

from events.services import reminders_send


class Command(BaseCommand):
    help = (
        "Email a reminder to everyone registered for an event that begins "
        "within 24 hours. Run it every hour; each reminder is sent once."
    )

    def handle(self, **options):
        sent = reminders_send()
        self.stdout.write(f"{sent} reminder(s) sent.")
