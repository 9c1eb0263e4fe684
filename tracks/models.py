from django.conf import settings
from django.db import models
from django.utils import timezone

from events.models import Category


class TrackType(models.Model):
    """A certification program's track, with its requirements as data."""

    class Audience(models.TextChoices):
        STAFF = "staff", "Library staff"
        DIRECTOR = "director", "Library administrator (director)"
        TRUSTEE = "trustee", "Trustee"

    name = models.CharField(max_length=100)
    program = models.PositiveSmallIntegerField(help_text="The year the program began.")
    audience = models.CharField(max_length=10, choices=Audience.choices)
    is_active = models.BooleanField(
        default=True, help_text="Only active types can be chosen for a new track."
    )
    total_required = models.DecimalField(max_digits=5, decimal_places=1)
    specialization_threshold = models.DecimalField(
        max_digits=5,
        decimal_places=1,
        null=True,
        blank=True,
        help_text="Credits in one category that earn a specialization; empty for none.",
    )
    self_created_events_eligible = models.BooleanField(
        default=True,
        help_text="Whether credits for events people created themselves count.",
    )
    self_created_events_until = models.DateField(
        "self-created events count until",
        null=True,
        blank=True,
        help_text="Credits for events people created themselves that are dated "
        "on or after this day do not count; empty for no end.",
    )
    description = models.TextField(blank=True)
    position = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["-program", "position"]
        constraints = [
            models.UniqueConstraint(
                fields=["program", "name"], name="tracktype_unique_name"
            ),
            models.CheckConstraint(
                condition=models.Q(total_required__gt=0),
                name="tracktype_total_positive",
            ),
            models.CheckConstraint(
                condition=models.Q(specialization_threshold__isnull=True)
                | models.Q(specialization_threshold__gt=0),
                name="tracktype_threshold_positive",
            ),
        ]

    def __str__(self):
        return f"{self.name} ({self.program})"


class Requirement(models.Model):
    track_type = models.ForeignKey(
        TrackType, on_delete=models.CASCADE, related_name="requirements"
    )
    category = models.ForeignKey(Category, on_delete=models.PROTECT)
    minimum = models.DecimalField(max_digits=5, decimal_places=1)

    class Meta:
        ordering = ["category__position"]
        constraints = [
            models.UniqueConstraint(
                fields=["track_type", "category"], name="requirement_unique_category"
            ),
            models.CheckConstraint(
                condition=models.Q(minimum__gt=0), name="requirement_minimum_positive"
            ),
        ]

    def __str__(self):
        return f"{self.category}: {self.minimum}"


class Track(models.Model):
    """A person's participation in one track type, counted from its start."""

    class Status(models.TextChoices):
        OPEN = "open", "Open"
        SUBMITTED = "submitted", "Submitted for certification"
        CERTIFIED = "certified", "Certified"

    person = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="tracks"
    )
    track_type = models.ForeignKey(TrackType, on_delete=models.PROTECT)
    started_on = models.DateField("start date")
    last_certificate_expired_on = models.DateField(
        "last certificate expired on", null=True, blank=True
    )
    status = models.CharField(
        max_length=10, choices=Status.choices, default=Status.OPEN
    )
    notes = models.TextField(blank=True)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-started_on", "-pk"]

    def __str__(self):
        return f"{self.track_type.name} from {self.started_on:%d %B %Y}"


class TrackRestart(models.Model):
    """A change of a track's start date, kept so the track's history stays."""

    track = models.ForeignKey(Track, on_delete=models.CASCADE, related_name="restarts")
    from_started_on = models.DateField("previous start date")
    to_started_on = models.DateField("new start date")
    was_lapsed = models.BooleanField(
        help_text="Whether the previous window had already closed."
    )
    restarted_at = models.DateTimeField(default=timezone.now)
    restarted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )

    class Meta:
        ordering = ["-restarted_at", "-pk"]

    def __str__(self):
        return f"{self.from_started_on} → {self.to_started_on}"
