from django.db import transaction
from django.utils import timezone

from tracks.models import Track


def track_create(
    *, person, track_type, started_on, last_certificate_expired_on=None, notes=""
):
    return Track.objects.create(
        person=person,
        track_type=track_type,
        started_on=started_on,
        last_certificate_expired_on=last_certificate_expired_on,
        notes=notes,
    )


@transaction.atomic
def track_update(*, track, started_on, last_certificate_expired_on=None, notes=""):
    """Save a track's details; a new start date restarts its 48-month window.

    Nothing is deleted on a restart: which credits count follows from the new
    window.
    """
    saved = Track.objects.select_for_update().get(pk=track.pk)
    if started_on != saved.started_on:
        saved.restarted_at = timezone.now()
    saved.started_on = started_on
    saved.last_certificate_expired_on = last_certificate_expired_on
    saved.notes = notes
    saved.save()
    return saved
