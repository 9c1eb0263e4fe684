"""The admin index's summary of what waits for a CE coordinator."""

from urllib.parse import urlencode

from django import template
from django.urls import reverse
from django.utils import timezone

from credits.models import Credit
from events.models import Registration
from review import selectors

register = template.Library()


@register.simple_tag
def review_queue(user):
    """Rows of (label, count, age of the oldest, link) that the user may see;
    two queries whatever the size of the queue."""
    now = timezone.now()
    rows = []
    if user.has_perm("credits.view_credit"):
        pending = selectors.pending_summary()
        changelist = reverse("admin:credits_credit_changelist")
        for source, label in [
            (Credit.Source.CLAIM, "Claims of existing events"),
            (Credit.Source.NEW_EVENT, "New independent events"),
        ]:
            row = pending.get(source, {"count": 0, "oldest": None})
            rows.append(
                _row(label, row, now, f"{changelist}?{urlencode({'kind': source})}")
            )
    if user.has_perm("events.view_registration"):
        due = selectors.attendance_due_summary(now)
        query = urlencode(
            {
                "status__exact": Registration.Status.REGISTERED,
                "attendance__exact": Registration.Attendance.PENDING,
                "event_ended": "yes",
            }
        )
        link = f"{reverse('admin:events_registration_changelist')}?{query}"
        rows.append(_row("Registrations awaiting attendance", due, now, link))
    return rows


def _row(label, row, now, link):
    oldest = row["oldest"]
    return {
        "label": label,
        "count": row["count"],
        "oldest": oldest,
        "age": selectors.waiting_for(oldest, now) if oldest else "",
        "link": link,
    }
