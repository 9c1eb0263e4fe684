"""Reads for the credits pages, each scoped to the person who asks."""

import calendar
import difflib
import re

from django.db.models import Exists, OuterRef
from django.shortcuts import get_object_or_404
from django.utils import timezone

from credits.models import Credit, Evidence
from events.models import Event, Registration

CLAIM_MONTHS = 12
WINDOW_MONTHS = 48
SIMILAR_TITLE_RATIO = 0.8
# Statuses that still stand: a denied, withdrawn or void credit does not.
STANDING = [Credit.Status.PENDING, Credit.Status.APPROVED]


def own_credit(person, pk):
    """The person's own credit, or 404: nobody reaches another person's."""
    queryset = Credit.objects.filter(person=person).select_related("event", "category")
    return get_object_or_404(queryset, pk=pk)


def add_months(day, months):
    """``day`` moved by calendar months; a missing day becomes the month's last.

    The same arithmetic as tracks.rules.add_months, which credits may not
    import (credits sits below tracks).
    """
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    last_day = calendar.monthrange(year, month + 1)[1]
    return day.replace(year=year, month=month + 1, day=min(day.day, last_day))


def claimable_events(person, now=None):
    """Catalogue events listed for claims that ended in the last 12 months,
    newest first, that the person has neither claimed nor registered for."""
    now = now or timezone.now()
    credited = Credit.objects.filter(person=person, event=OuterRef("pk"))
    registered = Registration.objects.filter(person=person, event=OuterRef("pk"))
    return (
        Event.objects.filter(
            in_catalogue=True,
            is_listed_for_claims=True,
            ends_at__lte=now,
            ends_at__gt=add_months(now, -CLAIM_MONTHS),
        )
        .exclude(Exists(credited))
        .exclude(Exists(registered))
        .order_by("-ends_at", "-pk")
    )


def open_track_windows(person, today=None):
    """(start, end) of each open track of the person whose window has not ended;
    the end is the first day that no longer counts.

    Read through the ``tracks`` relation the tracks app puts on the user, so
    credits imports nothing from tracks.
    """
    today = today or timezone.localdate()
    starts = person.tracks.filter(status="open").values_list("started_on", flat=True)
    windows = [(start, add_months(start, WINDOW_MONTHS)) for start in starts]
    return [(start, end) for start, end in windows if end > today]


def topic_key(topic):
    """A topic as compared: case, spacing and punctuation do not count, so
    "Weeding  101." is the same topic as "weeding 101"."""
    return " ".join(re.findall(r"\w+", topic.casefold()))


def presentations_of_topic(person, topic, exclude_pk=None):
    """Dates of the person's standing presenter credits for ``topic``.

    A person presents few workshops, so the topics are compared in Python.
    """
    presented = (
        Credit.objects.filter(
            person=person, status__in=STANDING, event__kind=Event.Kind.PRESENTING
        )
        .exclude(pk=exclude_pk)
        .values_list("event__topic", "earned_on")
    )
    key = topic_key(topic)
    return [day for other, day in presented if topic_key(other) == key]


def similar_credits(person, earned_on, title, exclude_pk=None):
    """The person's credits on ``earned_on`` whose title is very like ``title``."""
    same_day = (
        Credit.objects.filter(person=person, earned_on=earned_on)
        .exclude(pk=exclude_pk)
        .select_related("event")
    )
    wanted = title.casefold().strip()
    return [
        credit
        for credit in same_day
        if difflib.SequenceMatcher(
            None, wanted, credit.event.title.casefold().strip()
        ).ratio()
        >= SIMILAR_TITLE_RATIO
    ]


def viewable_evidence(user, pk):
    """Evidence the user may download: their own, or any for a reviewer; else 404."""
    queryset = Evidence.objects.select_related("credit")
    if not (user.has_perm("credits.view_evidence") or is_coordinator(user)):
        queryset = queryset.filter(credit__person=user)
    return get_object_or_404(queryset, pk=pk)


def is_coordinator(user):
    return user.is_staff and user.groups.filter(name="CE coordinators").exists()
