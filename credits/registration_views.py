"""Register for a catalogue event and cancel: POST only, then back to the
event's page."""

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect
from django.views.decorators.http import require_POST

from credits import registrations
from events.models import Event, Registration


class RegisterForm(forms.Form):
    email_on_assigned = forms.BooleanField(
        label="Email me when the credit is assigned", required=False
    )


@login_required
@require_POST
def register(request, event_id):
    event = get_object_or_404(Event, pk=event_id, in_catalogue=True)
    form = RegisterForm(request.POST)
    form.is_valid()

    try:
        registration, created = registrations.registration_create(
            person=request.user,
            event=event,
            email_on_assigned=form.cleaned_data.get("email_on_assigned", False),
        )
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
        return redirect("events:detail", event.pk)

    messages.success(request, _outcome(registration, created))
    return redirect("events:detail", event.pk)


@login_required
@require_POST
def registration_cancel(request, event_id):
    registration = get_object_or_404(
        Registration.objects.select_related("event"),
        person=request.user,
        event_id=event_id,
    )

    try:
        registrations.registration_cancel(registration=registration, by=request.user)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
        return redirect("events:detail", event_id)

    messages.success(
        request,
        f"Your registration for “{registration.event}” is cancelled, and its "
        "pending credit is removed from your list.",
    )
    return redirect("events:detail", event_id)


def _outcome(registration, created):
    title = registration.event.title
    if registration.status == Registration.Status.WAITING:
        if created:
            return (
                f"“{title}” is full: you are on the waiting list. If a place "
                "opens, you are registered automatically and get an email."
            )
        return f"You are already on the waiting list for “{title}”."
    if created:
        return (
            f"You are registered for “{title}”. Its credit is on your list as "
            "pending, and a confirmation email is on its way."
        )
    return f"You are already registered for “{title}”."
