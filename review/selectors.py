"""What the workbench reads: the queue's summary and possible duplicates."""

import re
from difflib import SequenceMatcher

from django.db.models import Count, Min, Q
from django.utils import timezone

from credits.models import Credit
from events.models import Event, Registration

REVIEW_SOURCES = [Credit.Source.CLAIM, Credit.Source.NEW_EVENT]
# Words that say nothing about which activity a title names.
STOP_WORDS = {
    "about",
    "and",
    "for",
    "from",
    "into",
    "library",
    "libraries",
    "montana",
    "part",
    "session",
    "that",
    "the",
    "their",
    "this",
    "webinar",
    "with",
    "workshop",
    "your",
}


def pending_summary():
    """Per kind of pending credit: how many, and the oldest's creation."""
    rows = (
        Credit.objects.filter(status=Credit.Status.PENDING)
        .values("source")
        .annotate(count=Count("pk"), oldest=Min("created_at"))
        .order_by()
    )
    return {row["source"]: row for row in rows}


def attendance_due_summary(now=None):
    """Registrations of ended events whose attendance is not marked yet."""
    return Registration.objects.filter(
        status=Registration.Status.REGISTERED,
        attendance=Registration.Attendance.PENDING,
        event__ends_at__lte=now or timezone.now(),
    ).aggregate(count=Count("pk"), oldest=Min("event__ends_at"))


def next_in_queue():
    """The oldest credit still waiting for a reviewer, or None."""
    return (
        Credit.objects.filter(status=Credit.Status.PENDING, source__in=REVIEW_SOURCES)
        .order_by("created_at", "pk")
        .first()
    )


def same_day_credits(credit):
    """The person's other credits dated the same day."""
    return (
        Credit.objects.filter(person_id=credit.person_id, earned_on=credit.earned_on)
        .exclude(pk=credit.pk)
        .select_related("event", "category")
    )


def similar_credits(credit):
    """The person's other credits whose title looks like this one's."""
    others = (
        Credit.objects.filter(person_id=credit.person_id)
        .exclude(pk=credit.pk)
        .select_related("event", "category")
    )
    return [
        other for other in others if is_similar(credit.event.title, other.event.title)
    ]


def similar_catalogue_events(credit, limit=10):
    """Catalogue events whose title looks like this credit's: before adding a
    person's event to the catalogue, or to spot a claim made as a new event."""
    words = sorted(_words(credit.event.title), key=len, reverse=True)[:3]
    if not words:
        return []
    matches = Q()
    for word in words:
        matches |= Q(title__icontains=word)
    candidates = (
        Event.objects.filter(matches, in_catalogue=True)
        .exclude(pk=credit.event_id)
        .select_related("category")[:50]
    )
    found = [e for e in candidates if is_similar(credit.event.title, e.title)]
    return found[:limit]


def is_similar(title, other):
    """Whether two titles likely name the same activity."""
    a, b = title.casefold().strip(), other.casefold().strip()
    if SequenceMatcher(None, a, b).ratio() >= 0.75:
        return True
    words, other_words = _words(a), _words(b)
    shared = words & other_words
    return len(shared) >= 2 and len(shared) * 3 >= 2 * min(len(words), len(other_words))


def _words(title):
    return {
        word
        for word in re.findall(r"[a-z0-9]+", title.casefold())
        if len(word) > 2 and word not in STOP_WORDS
    }


def waiting_for(since, now=None):
    """How long something has waited, in whole days: "today", "3 days"."""
    days = ((now or timezone.now()) - since).days
    if days < 1:
        return "today"
    return f"{days} day{'s' if days != 1 else ''}"
