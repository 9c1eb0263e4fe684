"""Registering for catalogue events, the waiting list and attendance.

A registration and its credit change together: registering puts a pending
credit on the person's list, cancelling voids it, and the attendance mark
approves or voids it. Every change of the credit goes through
credits.services, so each one is recorded as a decision.
"""

import functools
import logging

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone

from credits import services
from credits.models import Credit
from events.models import Event, Registration
from events.notifications import send_registration_confirmation

logger = logging.getLogger(__name__)

REGISTERED = Registration.Status.REGISTERED
WAITING = Registration.Status.WAITING
CANCELLED = Registration.Status.CANCELLED
ATTENDED = Registration.Attendance.ATTENDED
MISSED = Registration.Attendance.MISSED
REOPENABLE = {Credit.Status.VOID, Credit.Status.WITHDRAWN}


def registration_create(*, person, event, email_on_assigned=False):
    """Register ``person``, or put them on the waiting list when it is full.

    Returns ``(registration, created)``; asking again while registered or
    waiting changes nothing. The event's row is locked so that two people
    taking the last seat are counted one after the other, and the unique
    constraint on (person, event) turns a double click into one registration
    even where that lock does nothing (SQLite).
    """
    with transaction.atomic():
        event = _locked_event(event)
        existing = Registration.objects.filter(person=person, event=event).first()
        if existing and existing.is_active:
            return existing, False
        _check_can_register(person, event)
        status = REGISTERED if _has_seat(event) else WAITING
        if existing:
            registration = _reactivate(existing, status)
        else:
            registration = _insert(person, event, status)
            if registration is None:
                return Registration.objects.get(person=person, event=event), False
        if status == REGISTERED:
            _open_credit(registration, by=person, email_on_assigned=email_on_assigned)
        transaction.on_commit(
            functools.partial(send_registration_confirmation, registration)
        )
    return registration, True


def registration_cancel(*, registration, by):
    """Cancel until the event begins; the first person waiting moves up.

    Returns the registrations that moved up from the waiting list.
    """
    with transaction.atomic():
        event = _locked_event(registration.event)
        registration = Registration.objects.select_for_update().get(pk=registration.pk)
        if not registration.is_active:
            raise ValidationError("This registration is already cancelled.")
        if event.has_begun:
            raise ValidationError(
                "The event has begun, so the registration can no longer be cancelled."
            )
        was_registered = registration.status == REGISTERED
        registration.status = CANCELLED
        registration.cancelled_at = timezone.now()
        registration.save(update_fields=["status", "cancelled_at"])
        if not was_registered:
            return []
        _void_pending_credit(registration, by=by)
        return _fill_from_waiting_list(event)


def waiting_list_fill(*, event):
    """Move people up from the waiting list while seats are free (for example
    after State Library staff raised the capacity)."""
    with transaction.atomic():
        return _fill_from_waiting_list(_locked_event(event))


def attendance_mark(*, registration, attendance, by):
    """Mark a registration attended or missed, and decide its credit.

    Attended approves the credit (and sends the credit-assigned email when
    the person asked for it); missed voids it. A second, different mark is a
    correction and is recorded as a new decision. Returns False when the
    registration already had this mark.
    """
    if attendance not in (ATTENDED, MISSED):
        raise ValueError(f"Unknown attendance {attendance!r}")
    with transaction.atomic():
        registration = (
            Registration.objects.select_for_update(of=("self",))
            .select_related("event", "person")
            .get(pk=registration.pk)
        )
        _check_can_mark(registration)
        if registration.attendance == attendance:
            return False
        registration.attendance = attendance
        registration.attendance_marked_at = timezone.now()
        registration.attendance_marked_by = by
        registration.save(
            update_fields=["attendance", "attendance_marked_at", "attendance_marked_by"]
        )
        _decide_credit(registration, by=by)
    return True


def _locked_event(event):
    return Event.objects.select_for_update().get(pk=event.pk)


def _has_seat(event):
    if event.capacity is None:
        return True
    taken = event.registrations.filter(status=REGISTERED).count()
    return taken < event.capacity


def _check_can_register(person, event):
    refusal = event.registration_refusal()
    if refusal:
        raise ValidationError(refusal, code="closed")
    credit = Credit.objects.filter(person=person, event=event).first()
    if credit and credit.status not in REOPENABLE:
        raise ValidationError(
            "You already have a credit for this event.", code="duplicate"
        )


def _insert(person, event, status):
    """The new registration, or None when a simultaneous request made it."""
    try:
        with transaction.atomic():
            return Registration.objects.create(
                person=person, event=event, status=status
            )
    except IntegrityError:
        return None


def _reactivate(registration, status):
    registration.status = status
    registration.registered_at = timezone.now()
    registration.cancelled_at = None
    registration.reminded_at = None
    registration.save(
        update_fields=["status", "registered_at", "cancelled_at", "reminded_at"]
    )
    return registration


def _open_credit(registration, *, by, email_on_assigned=False):
    credit = Credit.objects.filter(
        person=registration.person, event=registration.event
    ).first()
    if credit is None:
        services.credit_create(
            person=registration.person,
            event=registration.event,
            source=Credit.Source.REGISTRATION,
            email_on_assigned=email_on_assigned,
        )
    elif credit.status in REOPENABLE:
        services.credit_set_status(
            credit=credit,
            by=by,
            status=Credit.Status.PENDING,
            reason="Registered for the event again.",
            expected=REOPENABLE,
        )


def _void_pending_credit(registration, *, by):
    credit = Credit.objects.filter(
        person=registration.person,
        event=registration.event,
        status=Credit.Status.PENDING,
    ).first()
    if credit is None:
        return
    try:
        services.credit_set_status(
            credit=credit,
            by=by,
            status=Credit.Status.VOID,
            reason="Registration cancelled.",
            expected={Credit.Status.PENDING},
        )
    except services.AlreadyDecided:
        # A reviewer decided it between the read above and the lock; their
        # decision stands and the cancellation goes ahead without it.
        logger.info(
            "Credit %s was decided while its registration was cancelled", credit.pk
        )


def _fill_from_waiting_list(event):
    waiting = event.registrations.filter(status=WAITING).select_related("person")
    promoted = []
    for registration in waiting.order_by("registered_at", "pk"):
        if not _has_seat(event):
            break
        registration.status = REGISTERED
        registration.save(update_fields=["status"])
        _open_credit(registration, by=None)
        transaction.on_commit(
            functools.partial(send_registration_confirmation, registration)
        )
        promoted.append(registration)
    return promoted


def _check_can_mark(registration):
    if registration.status != REGISTERED:
        raise ValidationError(
            f"{registration.person} is {registration.get_status_display().lower()}"
            f" for “{registration.event}”: only registered people have an"
            " attendance to mark."
        )
    if not registration.event.has_begun:
        raise ValidationError(
            f"“{registration.event}” has not begun: attendance is marked after"
            " the event."
        )


def _decide_credit(registration, *, by):
    attended = registration.attendance == ATTENDED
    target = Credit.Status.APPROVED if attended else Credit.Status.VOID
    reason = "" if attended else "Did not attend the event."
    credit = Credit.objects.filter(
        person=registration.person, event=registration.event
    ).first()
    if credit is None:
        if not attended:
            return
        credit = services.credit_create(
            person=registration.person,
            event=registration.event,
            source=Credit.Source.REGISTRATION,
        )
    if credit.status == target:
        return
    if credit.is_pending:
        services.credit_decide(credit=credit, by=by, status=target, reason=reason)
    else:
        services.credit_set_status(
            credit=credit,
            by=by,
            status=target,
            reason=f"Attendance corrected. {reason}".strip(),
            expected={Credit.Status.APPROVED, Credit.Status.VOID},
        )
