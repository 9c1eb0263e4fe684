from django import forms


class DecisionForm(forms.Form):
    """The confirmation step of approving or denying credits in the admin."""

    reason = forms.CharField(
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="Shown to the person. Required for a denial.",
    )

    def __init__(self, *args, deny=False, **kwargs):
        super().__init__(*args, **kwargs)
        self.deny = deny
        self.fields["reason"].required = deny
        if deny:
            self.fields["reason"].error_messages["required"] = (
                "Give the reason for the denial: the person will read it."
            )
