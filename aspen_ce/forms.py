from django import forms

from aspen_ce.models import Library, User


class SignupForm(forms.Form):
    """The extra sign-up fields; allauth adds email and password."""

    first_name = forms.CharField(max_length=150)
    last_name = forms.CharField(max_length=150)
    library = forms.ModelChoiceField(
        queryset=Library.objects.all(),
        help_text="The library where you work or serve. Ask the State Library "
        "if yours is missing.",
    )
    position = forms.ChoiceField(
        choices=[("", "---------"), *User.Position.choices],
        help_text="Directors follow the Library Administrator track, trustees and "
        "board chairs the Trustee track, everyone else the Library Staff track.",
    )
    field_order = ["first_name", "last_name", "email", "library", "position"]

    def signup(self, request, user):
        user.first_name = self.cleaned_data["first_name"]
        user.last_name = self.cleaned_data["last_name"]
        user.library = self.cleaned_data["library"]
        user.position = self.cleaned_data["position"]
        user.save()


class ProfileForm(forms.ModelForm):
    """A person's name, library and position; credits and tracks stay theirs
    when they move to another library."""

    class Meta:
        model = User
        fields = ["first_name", "last_name", "library", "position"]
        help_texts = {
            "library": "The library where you work or serve now. Your credits and "
            "tracks stay yours when you move.",
            "position": SignupForm.base_fields["position"].help_text,
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name in self.fields:
            self.fields[name].required = True
