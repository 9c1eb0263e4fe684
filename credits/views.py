from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render

from credits import selectors, services
from credits.forms import IndependentEventForm


@login_required
def independent_event_new(request):
    form = IndependentEventForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        credit = services.independent_event_create(
            person=request.user, **form.cleaned_data
        )
        messages.success(
            request,
            f"“{credit.event.title}” is saved and waits for review by the State "
            "Library. Its credit shows as pending until then.",
        )
        return redirect("tracks:home")

    return render(request, "credits/new_event.html", {"form": form})


@login_required
def credit_detail(request, pk):
    credit = selectors.own_credit(request.user, pk)
    decisions = credit.decisions.select_related("decided_by")
    return render(
        request, "credits/detail.html", {"credit": credit, "decisions": decisions}
    )
