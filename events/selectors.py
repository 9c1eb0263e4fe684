"""Reads for the catalogue pages."""

import datetime

from django.db.models import Q
from django.shortcuts import get_object_or_404
from django.utils import timezone

from events.models import DENVER, Event, Registration

PAST_YEARS = 4


def years_before(moment, years):
    try:
        return moment.replace(year=moment.year - years)
    except ValueError:  # 29 February
        return moment.replace(year=moment.year - years, day=28)


def catalogue(
    *,
    text="",
    past=False,
    category=None,
    kind="",
    online=None,
    month=None,
    now=None,
):
    """Catalogue events: upcoming (soonest first) or those that ended in the
    past four years (newest first)."""
    now = now or timezone.now()
    events = Event.objects.filter(in_catalogue=True).exclude(
        status=Event.Status.INACTIVE
    )
    if past:
        events = events.filter(
            ends_at__lt=now, ends_at__gte=years_before(now, PAST_YEARS)
        ).order_by("-begins_at", "-pk")
    else:
        events = events.filter(ends_at__gte=now).order_by("begins_at", "pk")
    if text:
        events = events.filter(
            Q(title__icontains=text)
            | Q(description__icontains=text)
            | Q(sponsor__icontains=text)
            | Q(presenter__icontains=text)
            | Q(place__icontains=text)
        )
    if category:
        events = events.filter(category=category)
    if kind:
        events = events.filter(kind=kind)
    if online is not None:
        events = events.filter(is_online=online)
    if month:
        first = datetime.datetime.combine(month.replace(day=1), datetime.time(), DENVER)
        following = (first + datetime.timedelta(days=32)).replace(day=1)
        events = events.filter(begins_at__lt=following, ends_at__gte=first)
    return events.select_related("category")


def catalogue_event(pk):
    return get_object_or_404(
        Event.objects.filter(in_catalogue=True).select_related("category"), pk=pk
    )


def own_registrations(person, events):
    """The person's registrations for ``events``, by event id."""
    registrations = Registration.objects.filter(person=person, event__in=events)
    return {r.event_id: r for r in registrations}


def own_registration(person, event):
    return Registration.objects.filter(person=person, event=event).first()


def upcoming_registrations(person, now=None):
    """The person's registrations (or waiting places) for events still ahead."""
    return (
        Registration.objects.filter(
            person=person,
            status__in=[Registration.Status.REGISTERED, Registration.Status.WAITING],
            event__ends_at__gte=now or timezone.now(),
        )
        .select_related("event")
        .order_by("event__begins_at", "pk")
    )


def seats_left(event):
    if event.capacity is None:
        return None
    taken = event.registrations.filter(status=Registration.Status.REGISTERED).count()
    return max(event.capacity - taken, 0)


def waiting_position(registration):
    """1 for the first person waiting."""
    earlier = Registration.objects.filter(
        event_id=registration.event_id, status=Registration.Status.WAITING
    ).filter(
        Q(registered_at__lt=registration.registered_at)
        | Q(registered_at=registration.registered_at, pk__lt=registration.pk)
    )
    return earlier.count() + 1
