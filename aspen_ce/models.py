from django.contrib.auth.models import AbstractUser, BaseUserManager
from django.db import models
from django.db.models.functions import Lower
from django.utils import timezone


class Library(models.Model):
    name = models.CharField(max_length=200)
    city = models.CharField(max_length=100)
    county = models.CharField(max_length=100, blank=True)
    federation = models.CharField(max_length=100, blank=True)

    class Meta:
        ordering = ["name", "city"]
        verbose_name_plural = "libraries"
        constraints = [
            models.UniqueConstraint(fields=["name", "city"], name="library_unique_name")
        ]

    def __str__(self):
        return f"{self.name} ({self.city})"


class UserManager(BaseUserManager):
    use_in_migrations = True

    def _create_user(self, email, password, **extra_fields):
        if not email:
            raise ValueError("An email address is required.")
        user = self.model(email=self.normalize_email(email), **extra_fields)
        user.set_password(password)
        user.save(using=self._db)
        return user

    def create_user(self, email, password=None, **extra_fields):
        extra_fields.setdefault("is_staff", False)
        extra_fields.setdefault("is_superuser", False)
        return self._create_user(email, password, **extra_fields)

    def create_superuser(self, email, password=None, **extra_fields):
        extra_fields.setdefault("is_staff", True)
        extra_fields.setdefault("is_superuser", True)
        return self._create_user(email, password, **extra_fields)


class User(AbstractUser):
    """A person who signs in by email: a participant, or State Library staff."""

    class Position(models.TextChoices):
        STAFF = "staff", "Library staff"
        DIRECTOR = "director", "Library director"
        TRUSTEE = "trustee", "Trustee"
        BOARD_CHAIR = "board_chair", "Board chair"

    username = None
    email = models.EmailField("email address", unique=True)
    library = models.ForeignKey(
        Library, on_delete=models.PROTECT, null=True, blank=True, related_name="people"
    )
    position = models.CharField(max_length=20, choices=Position.choices, blank=True)

    USERNAME_FIELD = "email"
    REQUIRED_FIELDS = ["first_name", "last_name"]

    objects = UserManager()

    class Meta:
        ordering = ["last_name", "first_name", "email"]
        constraints = [
            models.UniqueConstraint(Lower("email"), name="user_unique_email_ci")
        ]

    def __str__(self):
        return self.get_full_name() or self.email


class OutboundEmail(models.Model):
    """An email waiting to be sent, or sent: the outbox.

    It is written in the same transaction as the change it tells about, so a
    committed change always has its email, and a failed send leaves the row
    unsent for ``manage.py send_queued_email`` to retry.
    """

    to = models.EmailField()
    subject = models.CharField(max_length=255)
    body = models.TextField()
    created_at = models.DateTimeField(default=timezone.now)
    sent_at = models.DateTimeField(null=True, blank=True)
    attempts = models.PositiveSmallIntegerField(default=0)
    last_attempt_at = models.DateTimeField(null=True, blank=True)
    last_error = models.TextField(blank=True)

    class Meta:
        ordering = ["created_at", "pk"]
        verbose_name = "outbound email"
        indexes = [models.Index(fields=["sent_at", "created_at"])]

    def __str__(self):
        return self.subject
