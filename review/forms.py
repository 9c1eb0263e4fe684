"""The confirmation steps of deciding credits in the admin.

Each form's ``decision`` gives the keyword arguments of the credits service
that carries the decision out.
"""

from django import forms

from aspen_ce.values import CreditValueField
from credits.models import Credit
from events.models import Category

# Common reasons for a denial: (key, label for the reviewer, sentence the
# person reads in the email and on their credit).
DENIAL_REASONS = [
    (
        "not_library",
        "Not library related",
        "The activity is not related to library work, so it does not earn CE credit.",
    ),
    (
        "duplicate",
        "Duplicate",
        "This activity is already on your list of credits.",
    ),
    (
        "missing_evidence",
        "Missing evidence",
        "Evidence of completion is missing: please send a certificate of "
        "completion or an unofficial transcript to the State Library.",
    ),
    (
        "meeting",
        "Meeting rather than training",
        "It was a meeting rather than training; meetings do not earn CE credit.",
    ),
    (
        "old_webinar",
        "Archived webinar older than a year",
        "Archived webinars more than one year old do not earn CE credit.",
    ),
    (
        "general_course",
        "Not library specific (safe driving, CPR, generic software)",
        "General courses that are not specific to libraries, such as safe "
        "driving, CPR or generic software training, do not earn CE credit.",
    ),
    (
        "vendor",
        "Vendor demonstration or author talk",
        "Vendor demonstrations and author talks do not earn CE credit.",
    ),
]
DENIAL_SENTENCES = {key: sentence for key, _, sentence in DENIAL_REASONS}

REASON_HELP = "The person reads this in their email and on their credit."


def _reason_field(label="Reason", **kwargs):
    return forms.CharField(
        label=label,
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3, "cols": 60}),
        help_text=REASON_HELP,
        **kwargs,
    )


class SeenCreditForm(forms.Form):
    """Remembers what one credit said when its page was shown: the person may
    change a pending credit while a reviewer looks at it, and a decision
    must not be made on what the reviewer did not see."""

    seen_value = forms.DecimalField(widget=forms.HiddenInput, required=False)
    seen_category = forms.IntegerField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args, credit=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.credit = credit
        if credit is None:
            del self.fields["seen_value"], self.fields["seen_category"]
        else:
            self.fields["seen_value"].initial = credit.value
            self.fields["seen_category"].initial = credit.category_id

    def clean(self):
        data = super().clean()
        seen = (data.get("seen_value"), data.get("seen_category"))
        credit = self.credit
        if credit and None not in seen and seen != (credit.value, credit.category_id):
            raise forms.ValidationError(
                "The person changed this credit while you were looking at it: it "
                f"now says {credit.value} credits in {credit.category}. Open it "
                "again to see the change before you decide.",
                code="stale",
            )
        return data


class DenyForm(SeenCreditForm):
    """A denial needs a reason: a common one, one written, or both."""

    common_reason = forms.ChoiceField(
        label="Common reason",
        required=False,
        choices=[(key, label) for key, label, _ in DENIAL_REASONS],
        widget=forms.RadioSelect,
    )
    reason = _reason_field("Reason in your words (or a note added to the above)")

    def clean(self):
        data = super().clean()
        sentence = DENIAL_SENTENCES.get(data.get("common_reason") or "", "")
        written = (data.get("reason") or "").strip()
        if not (sentence or written):
            self.add_error(
                "reason",
                "Give the reason for the denial: choose a common reason or write "
                "one. The person will read it.",
            )
        data["full_reason"] = " ".join(part for part in (sentence, written) if part)
        return data

    def decision(self):
        return {
            "status": Credit.Status.DENIED,
            "reason": self.cleaned_data["full_reason"],
        }


class ApproveForm(SeenCreditForm):
    """Approve one credit (which may correct its value or category) or a
    selection (as reported)."""

    value = CreditValueField(label="Credits", required=False)
    category = forms.ModelChoiceField(
        Category.objects.all(), required=False, empty_label=None
    )
    add_to_catalogue = forms.BooleanField(
        label="Add this event to the catalogue, so that others can claim it",
        required=False,
    )
    reason = _reason_field(
        "Reason or note",
        error_messages={"required": "Give the reason for the change."},
    )

    def __init__(self, *args, credit=None, **kwargs):
        super().__init__(*args, credit=credit, **kwargs)
        if credit is None:
            for name in ("value", "category", "add_to_catalogue"):
                del self.fields[name]
            self.fields[
                "reason"
            ].help_text = (
                "Optional; sent only to people who asked for the credit-assigned email."
            )
            return
        self.fields["value"].initial = credit.value
        self.fields["category"].initial = credit.category_id
        self.fields[
            "reason"
        ].help_text = f"Required when you change the value or category. {REASON_HELP}"
        if credit.source != Credit.Source.NEW_EVENT:
            del self.fields["add_to_catalogue"]

    def clean(self):
        data = super().clean()
        if self.credit is None:
            return data
        changed = (
            data.get("value") is not None and data["value"] != self.credit.value
        ) or (
            data.get("category") is not None
            and data["category"].pk != self.credit.category_id
        )
        if changed and not (data.get("reason") or "").strip():
            self.add_error(
                "reason", "Give the reason for changing the value or category."
            )
        return data

    def decision(self):
        data = self.cleaned_data
        return {
            "status": Credit.Status.APPROVED,
            "reason": data["reason"],
            "value": data.get("value"),
            "category": data.get("category"),
            "add_to_catalogue": data.get("add_to_catalogue", False),
        }


class CorrectForm(forms.Form):
    """A correction of a decided credit: a new decision with its reason."""

    status = forms.ChoiceField(
        label="Decision",
        choices=[
            (Credit.Status.APPROVED, "Approved"),
            (Credit.Status.DENIED, "Denied"),
        ],
        widget=forms.RadioSelect,
    )
    value = CreditValueField(label="Credits")
    category = forms.ModelChoiceField(Category.objects.all(), empty_label=None)
    reason = _reason_field(
        "Reason for the correction",
        error_messages={
            "required": "Give the reason for the correction: the person will read it."
        },
    )
    seen_decision = forms.IntegerField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args, credit, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["reason"].required = True
        self.fields["status"].initial = credit.status
        if credit.source == Credit.Source.REGISTRATION:
            # Its status follows attendance; marking attendance changes it.
            current = credit.get_status_display()
            self.fields["status"].choices = [(credit.status, current)]
            self.fields["status"].help_text = (
                "A registration's credit is approved or voided by marking "
                "attendance; here only its value or category can be corrected."
            )
        self.fields["value"].initial = credit.value
        self.fields["category"].initial = credit.category_id

    def decision(self):
        data = self.cleaned_data
        return {
            "status": data["status"],
            "reason": data["reason"],
            "value": data["value"],
            "category": data["category"],
            "seen_decision_id": data["seen_decision"],
        }
