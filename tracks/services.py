from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from tracks import rules
from tracks.models import Track, TrackRestart


def _check_start(started_on, last_certificate_expired_on, today):
    errors = rules.start_date_errors(
        started_on, today or timezone.localdate(), last_certificate_expired_on
    )
    if errors:
        raise ValidationError({"started_on": errors})


def track_create(
    *,
    person,
    track_type,
    started_on,
    last_certificate_expired_on=None,
    notes="",
    today=None,
):
    """A new track; ``today`` is the day it is set up (for the start date rule)."""
    _check_start(started_on, last_certificate_expired_on, today)
    return Track.objects.create(
        person=person,
        track_type=track_type,
        started_on=started_on,
        last_certificate_expired_on=last_certificate_expired_on,
        notes=notes,
    )


@transaction.atomic
def track_update(
    *, track, started_on, last_certificate_expired_on=None, notes="", by=None
):
    """Save a track's details; a new start date restarts its 48-month window.

    Nothing is deleted on a restart: which credits count follows from the new
    window, and a TrackRestart row keeps the previous start date.
    """
    saved = Track.objects.select_for_update().get(pk=track.pk)
    if started_on != saved.started_on:
        _check_start(started_on, last_certificate_expired_on, None)
        now = timezone.now()
        TrackRestart.objects.create(
            track=saved,
            from_started_on=saved.started_on,
            to_started_on=started_on,
            was_lapsed=timezone.localdate(now) >= rules.window_end(saved.started_on),
            restarted_at=now,
            restarted_by=by,
        )
        saved.restarted_at = now
    saved.started_on = started_on
    saved.last_certificate_expired_on = last_certificate_expired_on
    saved.notes = notes
    saved.save()
    return saved
