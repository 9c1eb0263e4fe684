import datetime
import hashlib
from decimal import Decimal

from django import forms
from django.core.exceptions import ValidationError
from django.utils import timezone

from aspen_ce.dates import validate_plausible_date
from aspen_ce.values import CreditValueField, validate_credit_value
from credits import checks, evidence, selectors
from credits.evidence import EvidenceFileField
from credits.models import Evidence
from events.models import Category, Event

# The kinds a person reports, in the words of the guide; values are Event.Kind.
KIND_CHOICES = [
    ("", "---------"),
    (Event.Kind.WORKSHOP, "Workshop attended"),
    (Event.Kind.WEBINAR, "Webinar attended (live)"),
    (Event.Kind.CONFERENCE_SESSION, "Conference session"),
    (Event.Kind.COLLEGE_COURSE, "College course"),
    (Event.Kind.PRESENTING, "Presenting a workshop I developed"),
    (Event.Kind.SELF_PACED, "Self-paced course"),
]
TENTH = Decimal("0.1")
EVIDENCE_KINDS = {
    "certificate": Evidence.Kind.CERTIFICATE,
    "transcript": Evidence.Kind.TRANSCRIPT,
}
EVENT_FIELDS = [
    "title",
    "kind",
    "begins_at",
    "ends_at",
    "sponsor",
    "presenter",
    "topic",
    "category",
    "credit_value",
    "description",
]


class DateAndTimeInput(forms.MultiWidget):
    """A date box and a time box for one date-and-time field.

    The two boxes sit in a fieldset named by the field's label, each with
    its own name ("Date", "Time") for screen readers. A date typed without
    its time is kept and shown again with a message, where a single
    datetime-local box would have lost it. A single value "2026-05-14T09:00"
    posted under the field's own name is read as well.
    """

    def __init__(self, attrs=None):
        widgets = {
            "": forms.DateInput(attrs={"type": "date", "aria-label": "Date"}),
            "time": forms.TimeInput(attrs={"type": "time", "aria-label": "Time"}),
        }
        super().__init__(widgets, attrs)

    def decompress(self, value):
        if isinstance(value, datetime.datetime):
            # The field hands initial values over in local time already.
            if timezone.is_aware(value):
                value = timezone.localtime(value)
            return [value.date().isoformat(), value.strftime("%H:%M")]
        if isinstance(value, str):
            day, _, time = value.partition("T")
            return [day, time]
        return [None, None]

    def value_from_datadict(self, data, files, name):
        day, time = data.get(name, ""), data.get(f"{name}_time", "")
        if "T" in day or not (day or time):
            return day
        return f"{day}T{time}"

    def value_omitted_from_data(self, data, files, name):
        return name not in data and f"{name}_time" not in data


def date_and_time_field(label, help_text=""):
    return forms.DateTimeField(
        label=label,
        widget=DateAndTimeInput(),
        help_text=help_text,
        validators=[validate_plausible_date],
        error_messages={
            "invalid": "Enter both the date and the time, such as 9:00 AM.",
        },
    )


def fingerprint(warnings):
    return hashlib.sha256("\n".join(warnings).encode()).hexdigest()[:16]


class WarnOnceForm(forms.Form):
    """A form whose warnings are shown once before it may be saved.

    The hidden field carries a fingerprint of the warnings the person saw; a
    post whose warnings match it goes through, and a change that raises a new
    warning shows it first.
    """

    acknowledged = forms.CharField(required=False, widget=forms.HiddenInput)

    def warnings(self):
        return []

    def needs_confirmation(self):
        """True when something is yet to be shown: a warning not seen before, or
        a value worked out for the person. The form then carries the warnings'
        fingerprint and the worked-out values."""
        self.shown_warnings = self.warnings()
        self.notices = [self.notice] if getattr(self, "notice", None) else []
        key = fingerprint(self.shown_warnings)
        unseen = self.shown_warnings and self.cleaned_data["acknowledged"] != key
        if not (unseen or self.notices):
            return False
        self.data = self.data.copy()
        self.data[self.add_prefix("acknowledged")] = key
        for name, value in getattr(self, "worked_out", {}).items():
            self.data[self.add_prefix(name)] = str(value)
        self.prepare_to_show_again()
        return True

    def prepare_to_show_again(self):
        """What a subclass must carry over to the next post of the form."""


class KeepsEvidenceMixin:
    """Evidence fields whose checked files survive the form being shown again.

    Each evidence field gets a hidden ``<name>_kept`` field holding a signed
    token for the file stored on the previous post (see credits.evidence.keep).
    """

    def add_kept_fields(self):
        for name in self.evidence_names():
            self.fields[f"{name}_kept"] = forms.CharField(
                required=False, widget=forms.HiddenInput
            )

    def evidence_names(self):
        return [name for name in EVIDENCE_KINDS if name in self.fields]

    def clean_kept(self, cleaned):
        for name in self.evidence_names():
            token = cleaned.get(f"{name}_kept")
            if not cleaned.get(name) and token and name not in self.errors:
                cleaned[name] = evidence.kept(token, self.person)

    def full_clean(self):
        super().full_clean()
        if self.is_bound and self.will_be_shown_again():
            self.prepare_to_show_again()

    def will_be_shown_again(self):
        return bool(self._errors)

    def prepare_to_show_again(self):
        """Keep the checked files for the next post, and name them on the page."""
        data = self.data.copy()
        for name in self.evidence_names():
            upload = getattr(self, "cleaned_data", {}).get(name)
            if not upload:
                continue
            if not isinstance(upload, evidence.KeptFile):
                data[self.add_prefix(f"{name}_kept")] = evidence.keep(
                    upload, self.person
                )
            self[name].kept = upload.name
        self.data = data

    def evidence_files(self):
        return [
            (kind, self.cleaned_data[name])
            for name, kind in EVIDENCE_KINDS.items()
            if self.cleaned_data.get(name)
        ]


class EventTimesMixin:
    def clean_times(self, cleaned):
        begins_at, ends_at = cleaned.get("begins_at"), cleaned.get("ends_at")
        if begins_at and ends_at and ends_at < begins_at:
            self.add_error("ends_at", "The end cannot be before the beginning.")
        if ends_at and ends_at > timezone.now():
            self.add_error(
                "ends_at",
                "This activity has not ended yet. Report it once you have attended.",
            )


class IndependentEventForm(KeepsEvidenceMixin, EventTimesMixin, WarnOnceForm):
    """A new independent learning event, reported by the person who attended
    (or presented) it."""

    title = forms.CharField(
        max_length=255,
        help_text="The name of the training, course or session, as it appears on "
        "the program or your certificate.",
    )
    kind = forms.ChoiceField(
        label="Kind of activity",
        choices=KIND_CHOICES,
        help_text="What the activity was. Several sessions of one conference can "
        "be reported together with “Report a conference”.",
    )
    begins_at = date_and_time_field(
        "Begins", "The date and time the activity began, in Montana time."
    )
    ends_at = date_and_time_field(
        "Ends", "The date and time it ended. The credit is dated on this day."
    )
    sponsor = forms.CharField(
        max_length=255,
        help_text="The organisation that offered it, for example the Montana "
        "Library Association or a college.",
    )
    presenter = forms.CharField(
        label="Trainer or presenter",
        max_length=255,
        help_text="Who taught or presented it. When you presented, your name.",
    )
    topic = forms.CharField(
        required=False,
        max_length=255,
        label="Topic of the workshop",
        help_text="Presenting only. The same topic earns presenter credit at most "
        "twice in one 4-year track window.",
    )
    category = forms.ModelChoiceField(
        label="CE category",
        queryset=Category.objects.all(),
        help_text="The one category the content fits best. State Library staff "
        "may correct it.",
    )
    semester_credits = forms.DecimalField(
        required=False,
        min_value=0.5,
        max_digits=4,
        decimal_places=1,
        label="Semester credits of the course",
        widget=forms.NumberInput(attrs={"step": "0.5"}),
        help_text="College course only. One semester credit is 4 CE credits.",
    )
    quarter_credits = forms.DecimalField(
        required=False,
        min_value=0.5,
        max_digits=4,
        decimal_places=1,
        label="Quarter credits of the course",
        widget=forms.NumberInput(attrs={"step": "0.5"}),
        help_text="College course only, when the college counts in quarters. One "
        "quarter credit is 2 CE credits.",
    )
    workshop_hours = forms.DecimalField(
        required=False,
        min_value=0.25,
        max_digits=4,
        decimal_places=2,
        label="Hours of the workshop you presented",
        widget=forms.NumberInput(attrs={"step": "0.25"}),
        help_text="Presenting only. Presenting a workshop you developed earns twice "
        "its hours.",
    )
    credit_value = CreditValueField(
        label="Credits",
        required=False,
        help_text="One contact hour is one credit, in steps of 0.5, at most 60. "
        "For a college course or a workshop you presented, it is worked out "
        "from the fields above.",
    )
    description = forms.CharField(
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text="What the activity covered. It helps the reviewer decide.",
    )
    certificate = EvidenceFileField(
        label="Certificate of completion (optional)",
        help_text="A PDF, PNG or JPEG file of at most 10 MB.",
    )
    transcript = EvidenceFileField(
        label="Unofficial transcript (optional)",
        help_text="For a college course. A PDF, PNG or JPEG file of at most 10 MB.",
    )
    email_on_assigned = forms.BooleanField(
        label="Email on Assigned Credit",
        required=False,
        help_text="Tick to get an email when State Library staff approve the credit.",
    )

    def __init__(self, *args, person, windows=(), credit=None, **kwargs):
        self.person, self.windows, self.credit = person, list(windows), credit
        self.worked_out = {}
        super().__init__(*args, **kwargs)
        self.add_kept_fields()

    def clean(self):
        cleaned = super().clean()
        self.clean_times(cleaned)
        self.clean_kept(cleaned)
        kind = cleaned.get("kind")
        if kind == Event.Kind.COLLEGE_COURSE:
            self._clean_college(cleaned)
        elif kind == Event.Kind.PRESENTING:
            self._clean_presenting(cleaned)
        elif cleaned.get("credit_value") is None and "credit_value" not in self.errors:
            self.add_error("credit_value", "Enter the number of credits.")
        return in_tenths(cleaned)

    def _clean_college(self, cleaned):
        semester, quarter = (
            cleaned.get("semester_credits"),
            cleaned.get("quarter_credits"),
        )
        if semester and quarter:
            self.add_error(
                "quarter_credits",
                "Enter semester credits or quarter credits, not both.",
            )
        elif semester or quarter:
            self._work_out(
                cleaned,
                "semester_credits" if semester else "quarter_credits",
                *checks.college_credits(semester=semester, quarter=quarter),
            )
        elif self._helper_needed(cleaned, "semester_credits"):
            self.add_error(
                "semester_credits",
                "Enter the course's semester credits (or its quarter credits).",
            )

    def _clean_presenting(self, cleaned):
        topic = cleaned.get("topic", "").strip()
        if not topic:
            self.add_error("topic", "Enter the topic of the workshop you presented.")
        hours = cleaned.get("workshop_hours")
        if hours:
            self._work_out(cleaned, "workshop_hours", *checks.presenting_credits(hours))
        elif self._helper_needed(cleaned, "workshop_hours"):
            self.add_error(
                "workshop_hours", "Enter how many hours the workshop lasted."
            )
        if topic and cleaned.get("ends_at"):
            refusal = checks.presenter_limit_refusal(
                topic=topic,
                day=timezone.localtime(cleaned["ends_at"]).date(),
                earlier=selectors.presentations_of_topic(
                    self.person, topic, exclude_pk=getattr(self.credit, "pk", None)
                ),
                windows=self.windows,
            )
            if refusal:
                self.add_error("topic", refusal)

    def _helper_needed(self, cleaned, field):
        """A new activity needs the helper's input; an edit may keep its value."""
        return self.credit is None or cleaned.get("credit_value") is None

    def _work_out(self, cleaned, field, value, sentence):
        try:
            validate_credit_value(value)
        except ValidationError as error:
            self.add_error(field, f"{sentence} {' '.join(error.messages)}")
            return
        if cleaned.get("credit_value") != value:
            self.worked_out["credit_value"] = checks.number(value)
            self.notice = f"Credits worked out for you: {sentence}"
        cleaned["credit_value"] = value
        self.errors.pop("credit_value", None)

    def warnings(self):
        cleaned = self.cleaned_data
        day = timezone.localtime(cleaned["ends_at"]).date()
        similar = selectors.similar_credits(
            self.person,
            day,
            cleaned["title"],
            exclude_pk=getattr(self.credit, "pk", None),
        )
        found = [
            checks.window_warning(day, self.windows),
            checks.age_warning(day, timezone.localdate()),
            checks.similar_title_warning(similar),
            checks.hours_warning(
                kind=cleaned["kind"],
                begins_at=cleaned["begins_at"],
                ends_at=cleaned["ends_at"],
                credits=cleaned["credit_value"],
            ),
        ]
        return [text for text in found if text]

    def event_fields(self):
        return {name: self.cleaned_data[name] for name in EVENT_FIELDS}


def event_initial(credit):
    event = credit.event
    initial = {name: getattr(event, name) for name in EVENT_FIELDS}
    initial["begins_at"] = timezone.localtime(event.begins_at)
    initial["ends_at"] = timezone.localtime(event.ends_at)
    initial["category"] = credit.category_id
    initial["credit_value"] = credit.value
    initial["email_on_assigned"] = credit.email_on_assigned
    if event.kind == Event.Kind.PRESENTING:
        initial["workshop_hours"] = checks.number(
            credit.value / checks.PRESENTING_FACTOR
        )
    return initial


class ClaimChoiceForm(forms.Form):
    """The home page's drop-down of catalogue events the person may claim."""

    event = forms.ModelChoiceField(
        label="Claim an event you attended",
        queryset=Event.objects.none(),
        empty_label="Choose an event",
        widget=forms.Select(attrs={"class": "form-select"}),
    )

    def __init__(self, *args, person, now=None, **kwargs):
        super().__init__(*args, **kwargs)
        field = self.fields["event"]
        field.queryset = selectors.claimable_events(person, now)
        if not self.is_bound:
            # One query for the page: the list is read once, for the test
            # whether there is any and for the options alike.
            self.events = list(field.queryset.only("title", "ends_at"))
            field.choices = [
                ("", field.empty_label),
                *((event.pk, self.label(event)) for event in self.events),
            ]

    @staticmethod
    def label(event):
        return f"{event.title} (ended {event.ended_on:%-d %b %Y})"


class ClaimForm(forms.Form):
    email_on_assigned = forms.BooleanField(
        label="Email on Assigned Credit",
        required=False,
        help_text="Tick to get an email when State Library staff assign the credit.",
    )


class ConferenceForm(KeepsEvidenceMixin, WarnOnceForm):
    """What the sessions of one conference share."""

    conference = forms.CharField(
        label="Conference name",
        max_length=255,
        help_text="For example “Montana Library Association Annual Conference 2026”.",
    )
    sponsor = forms.CharField(
        max_length=255, help_text="The organisation that held the conference."
    )
    certificate = EvidenceFileField(
        label="Certificate of attendance (optional)",
        help_text="A PDF, PNG or JPEG file of at most 10 MB. It is attached to every "
        "session below.",
    )
    email_on_assigned = forms.BooleanField(
        label="Email on Assigned Credit",
        required=False,
        help_text="Tick to get an email when State Library staff approve a session.",
    )

    def __init__(self, *args, person, windows=(), sessions=None, **kwargs):
        self.person, self.windows, self.sessions = person, list(windows), sessions
        super().__init__(*args, **kwargs)
        self.add_kept_fields()

    def warnings(self):
        filled = self.sessions.filled()
        found = checks.overlap_warnings(
            [(s["title"], s["begins_at"], s["ends_at"]) for s in filled]
        )
        today = timezone.localdate()
        for session in filled:
            day = timezone.localtime(session["ends_at"]).date()
            similar = selectors.similar_credits(self.person, day, session["title"])
            for text in (
                checks.window_warning(day, self.windows),
                checks.age_warning(day, today),
                checks.similar_title_warning(similar),
            ):
                if text and text not in found:
                    found.append(text)
        return found

    def clean(self):
        cleaned = super().clean()
        self.clean_kept(cleaned)
        return cleaned

    def will_be_shown_again(self):
        return bool(self._errors) or not self.sessions.is_valid()


def in_tenths(cleaned):
    """A valid credit value written as the database holds it: "3.00" is 3.0."""
    if cleaned.get("credit_value") is not None:
        cleaned["credit_value"] = cleaned["credit_value"].quantize(TENTH)
    return cleaned


class SessionForm(EventTimesMixin, forms.Form):
    title = forms.CharField(label="Session title", max_length=255)
    presenter = forms.CharField(label="Presenter", max_length=255)
    begins_at = date_and_time_field("Begins")
    ends_at = date_and_time_field("Ends")
    category = forms.ModelChoiceField(
        label="CE category", queryset=Category.objects.all()
    )
    credit_value = CreditValueField(label="Credits")

    def clean(self):
        cleaned = super().clean()
        self.clean_times(cleaned)
        return in_tenths(cleaned)


class BaseSessionFormSet(forms.BaseFormSet):
    def clean(self):
        super().clean()
        if not any(self.errors) and not self.filled():
            raise ValidationError("Fill in at least one session.")

    def filled(self):
        return [
            form.cleaned_data
            for form in self.forms
            if form.has_changed() and form.cleaned_data
        ]


MAX_SESSIONS = 30


def session_formset(rows=""):
    """The conference's sessions, with ``rows`` empty rows to fill: the number
    asked for in the address, kept between 1 and 30, else 4."""
    rows = int(rows) if rows.isdecimal() and len(rows) <= 4 else 4
    return forms.formset_factory(
        SessionForm,
        formset=BaseSessionFormSet,
        extra=max(1, min(rows, MAX_SESSIONS)),
        max_num=MAX_SESSIONS,
        validate_max=True,
    )
