from django import forms

from aspen_ce.dates import validate_plausible_date
from events.models import Category, Event

# The kinds State Library staff publish; the others describe a person's own
# independent events.
CATALOGUE_KINDS = [
    Event.Kind.WORKSHOP,
    Event.Kind.WEBINAR,
    Event.Kind.RECORDED_WEBINAR,
    Event.Kind.ONLINE_COURSE,
    Event.Kind.CONFERENCE_SESSION,
    Event.Kind.RETREAT,
]


class CatalogueFilterForm(forms.Form):
    """The catalogue's filters. A value that does not validate is shown with
    its message and ignored; the others still apply."""

    q = forms.CharField(label="Search", max_length=100, required=False)
    when = forms.ChoiceField(
        label="Show",
        choices=[
            ("upcoming", "Upcoming events"),
            ("past", "Past events (last four years)"),
        ],
        required=False,
    )
    category = forms.ModelChoiceField(
        label="CE category",
        queryset=Category.objects.all(),
        empty_label="Any category",
        required=False,
    )
    kind = forms.ChoiceField(
        label="Kind",
        choices=[("", "Any kind"), *[(k.value, k.label) for k in CATALOGUE_KINDS]],
        required=False,
    )
    format = forms.ChoiceField(
        label="Online or in person",
        choices=[("", "Either"), ("online", "Online"), ("in_person", "In person")],
        required=False,
    )
    month = forms.DateField(
        label="Month",
        input_formats=["%Y-%m"],
        required=False,
        help_text="Year and month, for example 2026-05.",
        error_messages={"invalid": "Enter a year and month, such as 2026-05."},
        widget=forms.DateInput(attrs={"type": "month"}, format="%Y-%m"),
        validators=[validate_plausible_date],
    )

    def filters(self):
        """The valid filters, as keyword arguments for selectors.catalogue."""
        self.is_valid()
        data = self.cleaned_data
        return {
            "text": data.get("q", ""),
            "past": data.get("when") == "past",
            "category": data.get("category"),
            "kind": data.get("kind", ""),
            "online": {"online": True, "in_person": False}.get(data.get("format")),
            "month": data.get("month"),
        }
