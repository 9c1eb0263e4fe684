from django.core.management.base import BaseCommand

from aspen_ce.mail import MAX_ATTEMPTS, email_retry


class Command(BaseCommand):
    help = (
        "Send the emails that could not be sent at once. Safe to run every few "
        "minutes: an email that was sent is never sent again."
    )

    def handle(self, **options):
        sent, unsent = email_retry()
        self.stdout.write(
            f"Sent {sent} queued email(s); {unsent} still unsent "
            f"(each is tried at most {MAX_ATTEMPTS} times)."
        )
