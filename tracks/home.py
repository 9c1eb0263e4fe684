from django.contrib.auth.decorators import login_required
from django.shortcuts import render
from django.views.decorators.http import require_safe

from credits.forms import ClaimChoiceForm
from tracks import selectors
from tracks.forms import TrackTypeChoiceForm


@login_required
@require_safe
def home(request):
    """The CE home page: tracks in the grey box, then credits and how to add them."""
    credits = list(selectors.person_credits(request.user))
    tracks = selectors.track_progress(selectors.person_tracks(request.user), credits)
    return render(
        request,
        "home.html",
        {
            "tracks": tracks,
            "credit_rows": selectors.credit_rows(credits, tracks),
            "credit_totals": selectors.credit_totals(credits),
            "track_type_form": TrackTypeChoiceForm(),
            "claim_form": ClaimChoiceForm(person=request.user),
        },
    )
