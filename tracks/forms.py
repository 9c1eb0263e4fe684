from django import forms
from django.utils import timezone

from aspen_ce.dates import validate_plausible_date
from tracks import rules
from tracks.models import Track, TrackType


class TrackTypeChoiceForm(forms.Form):
    """The drop-down and Go button of "Add New Certification Track"."""

    type = forms.ModelChoiceField(
        queryset=TrackType.objects.filter(is_active=True),
        label="Track type",
        empty_label="Choose a track type",
        widget=forms.Select(attrs={"class": "form-select"}),
    )


class TrackForm(forms.ModelForm):
    """The details of a track. The start date follows the rules file."""

    class Meta:
        model = Track
        fields = ["started_on", "last_certificate_expired_on", "notes"]
        widgets = {
            "started_on": forms.DateInput(attrs={"type": "date"}),
            "last_certificate_expired_on": forms.DateInput(attrs={"type": "date"}),
            "notes": forms.Textarea(attrs={"rows": 3}),
        }
        help_texts = {
            "started_on": (
                "The date your last certificate expired, or the first day of the "
                "month in which you began collecting credits for this track. It "
                "cannot be in the future or more than 48 months (4 years) ago: "
                "credits older than that have expired. Credits count from this "
                "day until 48 months later."
            ),
            "last_certificate_expired_on": (
                "Only if you held a certificate before: the day it expired, as "
                "printed on it. Leave empty if this is your first certificate."
            ),
            "notes": (
                "Anything you want to remember about this track. Only you and "
                "State Library staff can see it."
            ),
        }

    def __init__(self, *args, today=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.today = today or timezone.localdate()

    def clean_last_certificate_expired_on(self):
        expired_on = self.cleaned_data["last_certificate_expired_on"]
        if expired_on:
            validate_plausible_date(expired_on)
        if expired_on and expired_on > self.today:
            raise forms.ValidationError(
                "This date is still to come: a certificate that has not expired "
                "yet needs no new track."
            )
        return expired_on

    def clean(self):
        """Check the start date against the rules when it is new or changed.

        A lapsed track keeps a start date more than 48 months old; its notes
        can still be saved without giving it a new start.
        """
        cleaned = super().clean()
        started_on = cleaned.get("started_on")
        dates = {"started_on", "last_certificate_expired_on"}
        is_new_date = self.instance.pk is None or dates & set(self.changed_data)
        if (
            started_on
            and is_new_date
            and "last_certificate_expired_on" not in self.errors
        ):
            for error in rules.start_date_errors(
                started_on, self.today, cleaned.get("last_certificate_expired_on")
            ):
                self.add_error("started_on", error)
        return cleaned
