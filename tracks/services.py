from django.contrib.auth import get_user_model
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
    """A new track; ``today`` is the day it is set up (for the start date rule).

    A person holds at most one open track of a type: a second one would count
    the same credits twice over. The person's row is locked while checking, so
    two quick Saves make one track.
    """
    today = today or timezone.localdate()
    _check_start(started_on, last_certificate_expired_on, today)
    with transaction.atomic():
        get_user_model().objects.select_for_update().get(pk=person.pk)
        _check_no_twin(person, track_type, today)
        return Track.objects.create(
            person=person,
            track_type=track_type,
            started_on=started_on,
            last_certificate_expired_on=last_certificate_expired_on,
            notes=notes,
        )


def _check_no_twin(person, track_type, today):
    open_tracks = Track.objects.filter(
        person=person, track_type=track_type, status=Track.Status.OPEN
    )
    for track in open_tracks:
        if rules.window_end(track.started_on) > today:
            raise ValidationError(
                f"You already have a {track_type.name} track, started on "
                f"{rules.long_date(track.started_on)}. Open it from the grey box "
                "on the Continuing Education page to change its start date."
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
    saved.started_on = started_on
    saved.last_certificate_expired_on = last_certificate_expired_on
    saved.notes = notes
    saved.save()
    return saved
