import uuid

from django.conf import settings
from django.db import models
from django.utils import timezone

from aspen_ce.values import (
    CREDIT_VALUE_FIELD,
    credit_value_constraints,
    validate_credit_value,
)
from events.models import Category, Event


class Credit(models.Model):
    """One person's credit for one activity, whatever way it was reported."""

    class Source(models.TextChoices):
        REGISTRATION = "registration", "Registered for a catalogue event"
        CLAIM = "claim", "Claimed an existing independent learning event"
        NEW_EVENT = "new_event", "Created a new independent learning event"

    class Status(models.TextChoices):
        PENDING = "pending", "Pending review"
        APPROVED = "approved", "Approved"
        DENIED = "denied", "Denied"
        WITHDRAWN = "withdrawn", "Withdrawn"
        VOID = "void", "Void"

    person = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="credits"
    )
    event = models.ForeignKey(Event, on_delete=models.PROTECT, related_name="credits")
    source = models.CharField(max_length=20, choices=Source.choices)
    status = models.CharField(
        max_length=10, choices=Status.choices, default=Status.PENDING
    )
    earned_on = models.DateField(
        help_text="The day the activity ended, in Montana time."
    )
    category = models.ForeignKey(Category, on_delete=models.PROTECT)
    value = models.DecimalField(
        "credits", **CREDIT_VALUE_FIELD, validators=[validate_credit_value]
    )
    email_on_assigned = models.BooleanField(
        "email on assigned credit",
        default=False,
        help_text="Send an email when State Library staff assign the credit.",
    )
    created_at = models.DateTimeField(default=timezone.now)
    decided_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-earned_on", "-pk"]
        indexes = [models.Index(fields=["status", "created_at"])]
        permissions = [("decide_credit", "Can approve, deny or correct credits")]
        constraints = [
            models.UniqueConstraint(
                fields=["person", "event"], name="credit_unique_person_event"
            ),
            *credit_value_constraints("value", "credit"),
        ]

    def __str__(self):
        return f"{self.event.title} ({self.value} credits)"

    @property
    def is_pending(self):
        return self.status == self.Status.PENDING


class Decision(models.Model):
    """A change of a credit's status, value or category: never edited."""

    credit = models.ForeignKey(
        Credit, on_delete=models.PROTECT, related_name="decisions"
    )
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        help_text="Empty when the system decided (for example a cancellation).",
    )
    decided_at = models.DateTimeField(default=timezone.now)
    from_status = models.CharField(max_length=10, choices=Credit.Status.choices)
    to_status = models.CharField(max_length=10, choices=Credit.Status.choices)
    from_value = models.DecimalField(**CREDIT_VALUE_FIELD)
    to_value = models.DecimalField(**CREDIT_VALUE_FIELD)
    from_category = models.ForeignKey(
        Category, on_delete=models.PROTECT, related_name="+"
    )
    to_category = models.ForeignKey(
        Category, on_delete=models.PROTECT, related_name="+"
    )
    reason = models.TextField(blank=True)

    class Meta:
        ordering = ["-decided_at", "-pk"]
        get_latest_by = ["decided_at", "pk"]

    def __str__(self):
        return f"{self.get_from_status_display()} → {self.get_to_status_display()}"

    def save(self, *args, **kwargs):
        if self.pk is not None:
            raise ValueError("A decision is never edited; record a new one.")
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise ValueError("A decision is never deleted.")


def evidence_path(instance, filename):
    """A name the person did not choose: theirs is kept in ``original_name``."""
    extension = {"application/pdf": ".pdf", "image/png": ".png"}.get(
        instance.content_type, ".jpg"
    )
    return f"evidence/{instance.credit.person_id}/{uuid.uuid4().hex}{extension}"


class Evidence(models.Model):
    """A file that supports a credit: a certificate, a transcript."""

    class Kind(models.TextChoices):
        CERTIFICATE = "certificate", "Certificate of completion"
        TRANSCRIPT = "transcript", "Unofficial transcript"

    credit = models.ForeignKey(
        Credit, on_delete=models.CASCADE, related_name="evidence"
    )
    kind = models.CharField(
        max_length=12, choices=Kind.choices, default=Kind.CERTIFICATE
    )
    file = models.FileField(upload_to=evidence_path, max_length=200)
    original_name = models.CharField(max_length=255)
    content_type = models.CharField(max_length=100)
    size = models.PositiveIntegerField()
    uploaded_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["uploaded_at", "pk"]
        verbose_name_plural = "evidence"

    def __str__(self):
        return self.original_name
