import secrets
import zoneinfo

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MinValueValidator
from django.db import models
from django.utils import timezone

from aspen_ce.dates import validate_plausible_date
from aspen_ce.values import (
    CREDIT_VALUE_FIELD,
    credit_value_constraints,
    validate_credit_value,
)

DENVER = zoneinfo.ZoneInfo("America/Denver")


class Category(models.Model):
    """One of the four CE categories; State Library staff manage them."""

    code = models.CharField(max_length=10, unique=True)
    name = models.CharField(max_length=100, unique=True)
    position = models.PositiveSmallIntegerField(default=0)
    has_specialization = models.BooleanField(
        default=True,
        help_text="Whether a complete track can earn a specialization here.",
    )

    class Meta:
        ordering = ["position"]
        verbose_name_plural = "categories"

    def __str__(self):
        return self.name


class Event(models.Model):
    """A CE activity: a catalogue event, or a person's own independent event.

    A person's new independent event has ``submitted_by`` set and stays out of
    the catalogue until State Library staff publish it.
    """

    class Kind(models.TextChoices):
        WORKSHOP = "workshop", "Workshop"
        WEBINAR = "webinar", "Webinar"
        RECORDED_WEBINAR = "recorded webinar", "Recorded webinar"
        ONLINE_COURSE = "online course", "Online course"
        CONFERENCE_SESSION = "conference session", "Conference session"
        RETREAT = "retreat", "Retreat"
        COLLEGE_COURSE = "college course", "College course"
        PRESENTING = "presenting", "Presenting a workshop I developed"
        SELF_PACED = "self-paced course", "Self-paced course"

    class Status(models.TextChoices):
        OPEN = "open", "Open"
        CLOSED = "closed", "Closed"
        INACTIVE = "inactive", "No longer active"

    title = models.CharField(max_length=255)
    description = models.TextField(blank=True)
    kind = models.CharField(max_length=30, choices=Kind.choices)
    sponsor = models.CharField(max_length=255)
    presenter = models.CharField("trainer or presenter", max_length=255, blank=True)
    begins_at = models.DateTimeField(validators=[validate_plausible_date])
    ends_at = models.DateTimeField(validators=[validate_plausible_date])
    is_online = models.BooleanField(default=False)
    place = models.CharField(max_length=255, blank=True)
    online_link = models.URLField(blank=True)
    credit_value = models.DecimalField(
        **CREDIT_VALUE_FIELD, validators=[validate_credit_value]
    )
    category = models.ForeignKey(Category, on_delete=models.PROTECT)
    capacity = models.PositiveIntegerField(
        null=True, blank=True, validators=[MinValueValidator(1)]
    )
    registration_opens_at = models.DateTimeField(
        null=True, blank=True, validators=[validate_plausible_date]
    )
    registration_closes_at = models.DateTimeField(
        null=True, blank=True, validators=[validate_plausible_date]
    )
    status = models.CharField(max_length=10, choices=Status.choices, default="open")
    in_catalogue = models.BooleanField(
        default=True, help_text="Shown in the catalogue of CE events."
    )
    is_listed_for_claims = models.BooleanField(
        "listed for claims",
        default=True,
        help_text="After it ends, people may claim it as an independent event.",
    )
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="submitted_events",
    )
    topic = models.CharField(
        max_length=255,
        blank=True,
        help_text="For a presented workshop: its topic. The same topic earns "
        "presenter credit at most twice in one track window.",
    )
    conference = models.CharField(
        max_length=255,
        blank=True,
        help_text="For a conference session: the conference it belongs to.",
    )
    source_url = models.URLField(max_length=500, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-begins_at"]
        indexes = [models.Index(fields=["in_catalogue", "ends_at"])]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(ends_at__gte=models.F("begins_at")),
                name="event_ends_after_begins",
            ),
            models.CheckConstraint(
                condition=models.Q(capacity__isnull=True) | models.Q(capacity__gte=1),
                name="event_capacity_positive",
            ),
            *credit_value_constraints("credit_value", "event"),
        ]

    def __str__(self):
        return self.title

    def clean(self):
        if self.begins_at and self.ends_at and self.ends_at < self.begins_at:
            raise ValidationError(
                {"ends_at": "The end cannot be before the beginning."}
            )
        opens, closes = self.registration_opens_at, self.registration_closes_at
        if opens and closes and closes < opens:
            raise ValidationError(
                {"registration_closes_at": "Registration cannot close before it opens."}
            )

    @property
    def has_begun(self):
        return self.begins_at <= timezone.now()

    def registration_refusal(self, now=None):
        """Why nobody can register now, in plain words; empty when they can."""
        now = now or timezone.now()
        if not self.in_catalogue or self.status != self.Status.OPEN:
            return "Registration for this event is closed."
        if self.begins_at <= now:
            return "This event has already begun; registration is closed."
        if self.registration_opens_at and now < self.registration_opens_at:
            return "Registration for this event has not opened yet."
        if self.registration_closes_at and now > self.registration_closes_at:
            return "Registration for this event has closed."
        return ""

    @property
    def ended_on(self):
        """The credit date: the day the activity ended, in Montana."""
        return self.ends_at.astimezone(DENVER).date()

    @property
    def has_ended(self):
        return self.ends_at <= timezone.now()


class Registration(models.Model):
    class Status(models.TextChoices):
        REGISTERED = "registered", "Registered"
        WAITING = "waiting", "On the waiting list"
        CANCELLED = "cancelled", "Cancelled"

    class Attendance(models.TextChoices):
        PENDING = "pending", "Not yet marked"
        ATTENDED = "attended", "Attended"
        MISSED = "missed", "Missed"

    person = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="registrations"
    )
    event = models.ForeignKey(
        Event, on_delete=models.PROTECT, related_name="registrations"
    )
    status = models.CharField(
        max_length=12, choices=Status.choices, default=Status.REGISTERED
    )
    attendance = models.CharField(
        max_length=10, choices=Attendance.choices, default=Attendance.PENDING
    )
    registered_at = models.DateTimeField(default=timezone.now)
    cancelled_at = models.DateTimeField(null=True, blank=True)
    reminded_at = models.DateTimeField(null=True, blank=True)
    attendance_marked_at = models.DateTimeField(null=True, blank=True)
    attendance_marked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )

    class Meta:
        ordering = ["registered_at", "pk"]
        permissions = [("mark_attendance", "Can mark attendance")]
        constraints = [
            models.UniqueConstraint(
                fields=["person", "event"], name="registration_unique_person_event"
            )
        ]

    def __str__(self):
        return f"{self.person} at {self.event}"

    @property
    def is_active(self):
        return self.status in (self.Status.REGISTERED, self.Status.WAITING)


def new_feed_token():
    return secrets.token_urlsafe(32)


class CalendarFeed(models.Model):
    """A person's private calendar address: whoever holds the token can read
    the list of events the person registered for, so it can be replaced."""

    person = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+"
    )
    token = models.CharField(max_length=64, unique=True, default=new_feed_token)
    created_at = models.DateTimeField(default=timezone.now)

    def __str__(self):
        return f"Calendar feed of {self.person}"
