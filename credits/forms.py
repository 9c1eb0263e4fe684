import datetime

from django import forms
from django.utils import timezone

from aspen_ce.values import CreditValueField
from events.models import Category, Event


class DateTimeLocalInput(forms.DateTimeInput):
    input_type = "datetime-local"

    def __init__(self, **kwargs):
        super().__init__(format="%Y-%m-%dT%H:%M", **kwargs)


class IndependentEventForm(forms.Form):
    """A new independent learning event, reported by the person who attended."""

    title = forms.CharField(
        max_length=255,
        help_text="The name of the training, course or session, as it appears on "
        "the program or your certificate.",
    )
    kind = forms.ChoiceField(
        label="Kind of activity",
        choices=[("", "---------"), *Event.Kind.choices],
        help_text="What the activity was. A conference is reported one session at "
        "a time, each with its own category.",
    )
    begins_at = forms.DateTimeField(
        label="Begins",
        widget=DateTimeLocalInput(),
        help_text="The date and time the activity began, in Montana time.",
    )
    ends_at = forms.DateTimeField(
        label="Ends",
        widget=DateTimeLocalInput(),
        help_text="The date and time it ended. The credit is dated on this day.",
    )
    sponsor = forms.CharField(
        max_length=255,
        help_text="The organisation that offered it, for example the Montana "
        "Library Association or a college.",
    )
    presenter = forms.CharField(
        label="Trainer or presenter",
        max_length=255,
        help_text="Who taught or presented it.",
    )
    category = forms.ModelChoiceField(
        label="CE category",
        queryset=Category.objects.all(),
        help_text="The one category the content fits best. State Library staff "
        "may correct it.",
    )
    credit_value = CreditValueField(
        label="Credits",
        help_text="One contact hour is one credit, in steps of 0.5. A college "
        "semester credit is 4 CE credits, a quarter credit 2. Presenting a "
        "workshop you developed earns twice its hours. At most 60.",
    )
    description = forms.CharField(
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text="What the activity covered. It helps the reviewer decide.",
    )
    email_on_assigned = forms.BooleanField(
        label="Email on assigned credit",
        required=False,
        help_text="Tick to get an email when State Library staff approve the credit.",
    )

    def clean(self):
        cleaned = super().clean()
        begins_at, ends_at = cleaned.get("begins_at"), cleaned.get("ends_at")
        if begins_at and ends_at and ends_at < begins_at:
            self.add_error("ends_at", "The end cannot be before the beginning.")
        if ends_at and ends_at > timezone.now() + datetime.timedelta(days=1):
            self.add_error(
                "ends_at",
                "This activity has not ended yet. Report it once you have attended.",
            )
        return cleaned
