"""Every change to a credit goes through here, with its decision recorded."""

import logging
from decimal import Decimal
from functools import partial

from django.core.exceptions import ValidationError
from django.core.files import File
from django.core.files.storage import default_storage
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.formats import date_format

from aspen_ce.values import validate_credit_value
from credits.models import Credit, Decision, Evidence
from credits.notifications import notify_decision
from credits.selectors import CLAIM_MONTHS, add_months
from events.models import Event, Registration

logger = logging.getLogger(__name__)


class AlreadyDecided(Exception):
    """The credit changed before this decision could be made: someone else
    decided it first. ``decision`` is theirs (None when nobody recorded one)."""

    def __init__(self, credit, decision):
        self.credit = credit
        self.decision = decision
        who = decision.decided_by if decision and decision.decided_by else "the system"
        when = (
            date_format(timezone.localtime(decision.decided_at), "j M Y, g:i A")
            if decision
            else "an earlier time"
        )
        super().__init__(
            f"“{credit.event.title}” was already {credit.get_status_display().lower()}"
            f" by {who} ({when})."
        )


def credit_create(*, person, event, source, email_on_assigned=False):
    """A pending credit for ``event``; refused when the person already has one."""
    try:
        with transaction.atomic():
            return Credit.objects.create(
                person=person,
                event=event,
                source=source,
                earned_on=event.ended_on,
                category=event.category,
                value=event.credit_value,
                email_on_assigned=email_on_assigned,
            )
    except IntegrityError:
        raise ValidationError(
            "You already have a credit for this event.", code="duplicate"
        ) from None


@transaction.atomic
def independent_event_create(*, person, email_on_assigned=False, **fields):
    """A person's own event, kept out of the catalogue, and its pending credit."""
    event = Event(
        submitted_by=person,
        in_catalogue=False,
        is_listed_for_claims=False,
        status=Event.Status.CLOSED,
        **fields,
    )
    event.full_clean()
    event.save()
    return credit_create(
        person=person,
        event=event,
        source=Credit.Source.NEW_EVENT,
        email_on_assigned=email_on_assigned,
    )


def credit_decide(
    *,
    credit,
    by,
    status,
    reason="",
    value=None,
    category=None,
    add_to_catalogue=False,
):
    """Move a pending credit to ``status`` and record who decided, and why.

    Approving may correct the value or the category (with a reason), and may
    add a person's new independent event to the catalogue so that others can
    claim it. The row is locked first, so of two reviewers deciding the same
    credit at once, the second sees the first one's decision and gets
    AlreadyDecided.
    """
    reason = reason.strip()
    if status == Credit.Status.DENIED and not reason:
        raise ValidationError({"reason": "Give the reason for the denial."})
    changing = value is not None or category is not None or add_to_catalogue
    if changing and status != Credit.Status.APPROVED:
        raise ValidationError(
            "Only an approval can change the value or category, or add the event "
            "to the catalogue."
        )
    _check_value(value)

    with transaction.atomic():
        locked = Credit.objects.select_for_update().get(pk=credit.pk)
        if locked.status != Credit.Status.PENDING:
            raise AlreadyDecided(locked, _latest_decision(locked))
        if _changes(locked, value, category) and not reason:
            raise ValidationError(
                {"reason": "Give the reason for changing the value or category."}
            )
        decision = _record(
            locked, by=by, status=status, reason=reason, value=value, category=category
        )
        if add_to_catalogue:
            _add_to_catalogue(locked, decision)
    return decision


def credit_correct(
    *,
    credit,
    by,
    reason,
    status=None,
    value=None,
    category=None,
    seen_decision_id=None,
):
    """Change a decided credit: a new decision, never an edit of an old one.

    ``seen_decision_id`` is the latest decision the reviewer saw; when another
    one was recorded meanwhile, AlreadyDecided tells who made it.
    """
    reason = reason.strip()
    if not reason:
        raise ValidationError(
            {"reason": "Give the reason for the correction: the person will read it."}
        )
    _check_value(value)

    with transaction.atomic():
        locked = Credit.objects.select_for_update().get(pk=credit.pk)
        latest = _latest_decision(locked)
        decided = (Credit.Status.APPROVED, Credit.Status.DENIED)
        changed_meanwhile = seen_decision_id is not None and (
            latest is None or latest.pk != seen_decision_id
        )
        if locked.status not in decided or changed_meanwhile:
            raise AlreadyDecided(locked, latest)
        status = status or locked.status
        if status not in decided:
            raise ValidationError({"status": "A correction approves or denies."})
        if status == locked.status and not _changes(locked, value, category):
            raise ValidationError(
                "Nothing would change: change the status, the value or the category."
            )
        return _record(
            locked, by=by, status=status, reason=reason, value=value, category=category
        )


def _check_value(value):
    if value is not None:
        try:
            validate_credit_value(value)
        except ValidationError as error:
            raise ValidationError({"value": error.messages}) from None


def _changes(credit, value, category):
    return (value is not None and value != credit.value) or (
        category is not None and category != credit.category
    )


def _latest_decision(credit):
    return credit.decisions.select_related("decided_by").first()


def _add_to_catalogue(credit, decision):
    """List a person's approved new event so that others can claim it, with the
    value and category the reviewer settled on."""
    if credit.source != Credit.Source.NEW_EVENT:
        raise ValidationError("Only a person's new event can join the catalogue.")
    event = credit.event
    event.in_catalogue = True
    event.is_listed_for_claims = True
    event.credit_value = decision.to_value
    event.category = decision.to_category
    event.save(
        update_fields=[
            "in_catalogue",
            "is_listed_for_claims",
            "credit_value",
            "category",
        ]
    )


def _record(credit, *, by, status, reason, value, category):
    """Write the decision and apply it to the locked credit; queue its email
    in the same transaction, so a committed decision always has its email."""
    decision = Decision(
        credit=credit,
        decided_by=by,
        from_status=credit.status,
        to_status=status,
        from_value=credit.value,
        to_value=(
            Decimal(value).quantize(Decimal("0.1"))
            if value is not None
            else credit.value
        ),
        from_category=credit.category,
        to_category=category or credit.category,
        reason=reason.strip(),
    )
    decision.save()
    credit.status = decision.to_status
    credit.value = decision.to_value
    credit.category = decision.to_category
    credit.decided_at = decision.decided_at
    credit.save(update_fields=["status", "value", "category", "decided_at"])
    notify_decision(decision)
    return decision


def credit_set_status(*, credit, by, status, reason, expected):
    """Move a credit from one of the ``expected`` statuses to ``status``.

    For the changes that follow a registration rather than a review: a
    cancellation voids the pending credit, registering again reopens it, and
    a corrected attendance mark reverses an earlier one. ``by`` is the person
    who caused the change. The decision is recorded like any other.
    """
    with transaction.atomic():
        locked = Credit.objects.select_for_update().get(pk=credit.pk)
        if locked.status not in expected:
            raise AlreadyDecided(locked, locked.decisions.first())
        return _record(
            locked, by=by, status=status, reason=reason, value=None, category=None
        )


# Claims, edits and withdrawals by the person, and conference sessions.


def claim_refusal(*, person, event, now=None):
    """Why ``person`` may not claim ``event`` now, as a sentence; None if they may."""
    now = now or timezone.now()
    if not (event.in_catalogue and event.is_listed_for_claims):
        return f"“{event.title}” is not listed for claiming."
    if event.ends_at > now:
        return (
            f"“{event.title}” has not ended yet. An event can be claimed only "
            "after it is over."
        )
    if event.ends_at <= add_months(now, -CLAIM_MONTHS):
        return (
            f"“{event.title}” ended more than 12 months ago; only events of the "
            "last 12 months can be claimed. Create a new independent learning "
            "event instead, and State Library staff will review it."
        )
    if Registration.objects.filter(person=person, event=event).exists():
        return (
            f"You registered for “{event.title}”: its credit comes from your "
            "registration, so it cannot be claimed as well."
        )
    if Credit.objects.filter(person=person, event=event).exists():
        return f"You already have a credit for “{event.title}”."
    return None


def credit_claim(*, person, event, email_on_assigned=False, now=None):
    """A pending claim of a catalogue event that has ended.

    The checks read the database first for a clear message; the unique
    constraint on (person, event) still decides a double post that races
    past them (credit_create turns it into the same refusal).
    """
    refusal = claim_refusal(person=person, event=event, now=now)
    if refusal:
        raise ValidationError(refusal, code="not_claimable")
    return credit_create(
        person=person,
        event=event,
        source=Credit.Source.CLAIM,
        email_on_assigned=email_on_assigned,
    )


def evidence_add(*, credit, files):
    """Store each (kind, upload) as evidence of ``credit``; uploads must have
    passed credits.evidence.evidence_type() (its result is on the upload)."""
    for kind, upload in files:
        upload.seek(0)
        Evidence.objects.create(
            credit=credit,
            kind=kind,
            file=File(upload, name=upload.name),
            original_name=upload.name[:255],
            content_type=upload.evidence_type,
            size=upload.size,
        )
        kept_name = getattr(upload, "kept_name", None)
        if kept_name:
            transaction.on_commit(partial(default_storage.delete, kept_name))


@transaction.atomic
def independent_event_submit(*, person, fields, evidence=(), email_on_assigned=False):
    """A new independent event with its pending credit and its evidence."""
    credit = independent_event_create(
        person=person, email_on_assigned=email_on_assigned, **fields
    )
    evidence_add(credit=credit, files=evidence)
    return credit


@transaction.atomic
def conference_sessions_create(
    *, person, conference, sponsor, sessions, evidence=(), email_on_assigned=False
):
    """One event and one pending credit per session of a conference; the
    conference's evidence is attached to each of them."""
    credits = []
    for session in sessions:
        credit = independent_event_create(
            person=person,
            email_on_assigned=email_on_assigned,
            kind=Event.Kind.CONFERENCE_SESSION,
            conference=conference,
            sponsor=sponsor,
            **session,
        )
        evidence_add(credit=credit, files=evidence)
        credits.append(credit)
    return credits


def _lock_pending(credit):
    locked = (
        Credit.objects.select_for_update()
        .select_related("event", "category")
        .get(pk=credit.pk)
    )
    if locked.status != Credit.Status.PENDING:
        raise AlreadyDecided(locked, locked.decisions.first())
    return locked


def credit_update(*, credit, by, email_on_assigned, fields=None, evidence=()):
    """The person's change to their own pending credit.

    ``fields`` (the event's fields, new events only) may change the value or
    category: that change is recorded as a decision that leaves it pending.
    """
    with transaction.atomic():
        locked = _lock_pending(credit)
        if fields is not None:
            if locked.source != Credit.Source.NEW_EVENT:
                raise ValidationError("Only an event you created can be changed.")
            _event_update(locked, by=by, fields=fields)
        locked.email_on_assigned = email_on_assigned
        locked.save(update_fields=["email_on_assigned"])
        evidence_add(credit=locked, files=evidence)
    return locked


def _event_update(credit, *, by, fields):
    event = credit.event
    value, category = fields.pop("credit_value"), fields.pop("category")
    for name, field_value in fields.items():
        setattr(event, name, field_value)
    event.credit_value, event.category = value, category
    event.full_clean()
    event.save()
    _follow_event(credit, by=by, reason="Changed by the person before review.")


def _follow_event(credit, *, by, reason):
    """A pending credit takes its event's date, value and category; a change
    of value or category is recorded, with the status left as it is."""
    event = credit.event
    if (event.credit_value, event.category_id) != (credit.value, credit.category_id):
        Decision(
            credit=credit,
            decided_by=by,
            from_status=credit.status,
            to_status=credit.status,
            from_value=credit.value,
            to_value=event.credit_value,
            from_category=credit.category,
            to_category=event.category,
            reason=reason,
        ).save()
    credit.earned_on = event.ended_on
    credit.value, credit.category = event.credit_value, event.category
    credit.save(update_fields=["earned_on", "value", "category"])


def credit_withdraw(*, credit, by):
    """The person takes back their pending claim or new event."""
    if credit.source == Credit.Source.REGISTRATION:
        raise ValidationError(
            "A credit from a registration is removed by cancelling the registration."
        )
    with transaction.atomic():
        locked = _lock_pending(credit)
        return _record(
            locked,
            by=by,
            status=Credit.Status.WITHDRAWN,
            reason="Withdrawn by the person.",
            value=None,
            category=None,
        )


# Catalogue events edited by State Library staff.


@transaction.atomic
def pending_credits_follow_event(*, event, by):
    """Pending credits for ``event`` take its new date, value and category.

    They were copies of the event's when they were made. A change of value or
    category is recorded as a decision (pending to pending); the date is the
    event's end day. Decided credits keep what was decided: the count of those
    is returned so the editor can be told.
    """
    credits = Credit.objects.select_for_update().filter(event=event)
    for credit in credits.filter(status=Credit.Status.PENDING).select_related("event"):
        _follow_event(
            credit, by=by, reason="The event was changed by State Library staff."
        )
    return credits.exclude(status=Credit.Status.PENDING).count()
