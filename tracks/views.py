from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_http_methods

from tracks import rules, selectors, services
from tracks.forms import TrackForm, TrackTypeChoiceForm


def _own_track(request, pk):
    return get_object_or_404(selectors.person_tracks(request.user), pk=pk)


@login_required
@require_http_methods(["GET", "POST"])
def track_new(request):
    choice = TrackTypeChoiceForm(request.GET or None)
    if not choice.is_valid():
        messages.error(request, "Choose a track type, then Go.")
        return redirect("tracks:home")
    track_type = choice.cleaned_data["type"]

    form = TrackForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            track = services.track_create(
                person=request.user, track_type=track_type, **form.cleaned_data
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, f"Your {track_type.name} track is saved.")
            return redirect("tracks:detail", pk=track.pk)

    context = {
        "form": form,
        "track_type": track_type,
        "specialization_choices": selectors.specialization_categories(),
    }
    return render(request, "tracks/new.html", context)


@login_required
@require_http_methods(["GET", "POST"])
def track_detail(request, pk):
    track = _own_track(request, pk)
    credits = list(selectors.person_credits(request.user))
    # Progress comes first: validating the form writes its values onto track.
    [summary] = selectors.track_progress([track], credits)
    was_started_on = track.started_on

    form = TrackForm(request.POST or None, instance=track)
    if request.method == "POST" and form.is_valid():
        services.track_update(track=track, by=request.user, **form.cleaned_data)
        started_on = form.cleaned_data["started_on"]
        if started_on != was_started_on:
            messages.success(
                request,
                f"Your track now starts on {rules.long_date(started_on)}: the "
                "figures below count the credits of the new window. No credit "
                "was deleted.",
            )
        else:
            messages.success(request, "Your track's details are saved.")
        return redirect("tracks:detail", pk=track.pk)

    context = {
        "summary": summary,
        "form": form,
        "credit_rows": selectors.credit_rows(credits, [summary]),
        "restarts": list(track.restarts.all()),
    }
    return render(request, "tracks/detail.html", context)
