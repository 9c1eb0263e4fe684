from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import FileResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_GET, require_http_methods

from credits import selectors, services
from credits.forms import (
    ClaimChoiceForm,
    ClaimForm,
    ConferenceForm,
    IndependentEventForm,
    event_initial,
    session_formset,
)
from credits.models import Credit
from events.models import Event

SAVED = (
    "is saved and waits for review by the State Library. Its credit shows as "
    "pending until then."
)


@login_required
@require_http_methods(["GET", "POST"])
def independent_event_new(request):
    form = IndependentEventForm(
        request.POST or None,
        request.FILES or None,
        person=request.user,
        windows=selectors.open_track_windows(request.user),
    )
    if request.method == "POST" and form.is_valid() and not form.needs_confirmation():
        try:
            credit = services.independent_event_submit(
                person=request.user,
                fields=form.event_fields(),
                evidence=form.evidence_files(),
                email_on_assigned=form.cleaned_data["email_on_assigned"],
            )
        except ValidationError as error:
            form.add_error(None, error.messages)
        else:
            messages.success(request, f"“{credit.event.title}” {SAVED}")
            return redirect("tracks:home")

    return render(request, "credits/new_event.html", {"form": form})


@login_required
@require_http_methods(["GET", "POST"])
def conference_new(request):
    data, files = request.POST or None, request.FILES or None
    sessions = session_formset(request.GET.get("rows", ""))(data, prefix="session")
    form = ConferenceForm(
        data,
        files,
        person=request.user,
        windows=selectors.open_track_windows(request.user),
        sessions=sessions,
    )
    valid = request.method == "POST" and form.is_valid() and sessions.is_valid()
    if valid and not form.needs_confirmation():
        try:
            credits = services.conference_sessions_create(
                person=request.user,
                conference=form.cleaned_data["conference"],
                sponsor=form.cleaned_data["sponsor"],
                sessions=sessions.filled(),
                evidence=form.evidence_files(),
                email_on_assigned=form.cleaned_data["email_on_assigned"],
            )
        except ValidationError as error:
            form.add_error(None, error.messages)
        else:
            messages.success(
                request,
                f"{len(credits)} {'session' if len(credits) == 1 else 'sessions'} "
                f"of “{form.cleaned_data['conference']}” saved; "
                "they wait for review by the State Library.",
            )
            return redirect("tracks:home")

    return render(
        request, "credits/conference.html", {"form": form, "sessions": sessions}
    )


@login_required
@require_GET
def claim_start(request):
    """The home page's drop-down and Go lead here, then to the event's page."""
    form = ClaimChoiceForm(request.GET, person=request.user)
    if not form.is_valid():
        messages.error(request, "Choose an event from the list, then Go.")
        return redirect("tracks:home")
    return redirect("credits:claim", pk=form.cleaned_data["event"].pk)


@login_required
@require_http_methods(["GET", "POST"])
def claim(request, pk):
    event = get_object_or_404(
        Event.objects.filter(in_catalogue=True).select_related("category"), pk=pk
    )
    form = ClaimForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        try:
            services.credit_claim(
                person=request.user,
                event=event,
                email_on_assigned=form.cleaned_data["email_on_assigned"],
            )
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(request, f"Your claim of “{event.title}” {SAVED}")
        return redirect("tracks:home")

    refusal = services.claim_refusal(person=request.user, event=event)
    context = {"event": event, "form": form, "refusal": refusal}
    return render(request, "credits/claim.html", context)


@login_required
@require_GET
def credit_detail(request, pk):
    credit = selectors.own_credit(request.user, pk)
    decisions = credit.decisions.select_related("decided_by")
    return render(
        request,
        "credits/detail.html",
        {
            "credit": credit,
            "decisions": decisions,
            "evidence": credit.evidence.all(),
            "can_change": credit.is_pending
            and credit.source != Credit.Source.REGISTRATION,
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def credit_edit(request, pk):
    credit = selectors.own_credit(request.user, pk)
    if not credit.is_pending or credit.source == Credit.Source.REGISTRATION:
        messages.info(request, "This credit can no longer be changed.")
        return redirect("credits:detail", pk=credit.pk)
    if credit.source == Credit.Source.CLAIM:
        return _claim_edit(request, credit)

    form = IndependentEventForm(
        request.POST or None,
        request.FILES or None,
        initial=event_initial(credit),
        person=request.user,
        windows=selectors.open_track_windows(request.user),
        credit=credit,
    )
    if request.method == "POST" and form.is_valid() and not form.needs_confirmation():
        try:
            return _save_change(
                request,
                credit,
                fields=form.event_fields(),
                evidence=form.evidence_files(),
                email_on_assigned=form.cleaned_data["email_on_assigned"],
            )
        except ValidationError as error:
            form.add_error(None, error.messages)
    context = {"form": form, "credit": credit, "evidence": credit.evidence.all()}
    return render(request, "credits/edit.html", context)


def _claim_edit(request, credit):
    form = ClaimForm(
        request.POST if request.method == "POST" else None,
        initial={"email_on_assigned": credit.email_on_assigned},
    )
    if request.method == "POST" and form.is_valid():
        return _save_change(
            request, credit, email_on_assigned=form.cleaned_data["email_on_assigned"]
        )
    return render(request, "credits/edit.html", {"form": form, "credit": credit})


def _save_change(request, credit, **changes):
    try:
        services.credit_update(credit=credit, by=request.user, **changes)
    except services.AlreadyDecided as error:
        messages.error(request, f"{error} Your change was not saved.")
    else:
        credit.event.refresh_from_db(fields=["title"])
        messages.success(request, f"Your changes to “{credit.event.title}” are saved.")
    return redirect("credits:detail", pk=credit.pk)


@login_required
@require_http_methods(["GET", "POST"])
def credit_withdraw(request, pk):
    """GET asks to confirm; POST withdraws."""
    credit = selectors.own_credit(request.user, pk)
    if request.method == "GET":
        return render(request, "credits/withdraw.html", {"credit": credit})

    try:
        services.credit_withdraw(credit=credit, by=request.user)
    except (services.AlreadyDecided, ValidationError) as error:
        messages.error(request, " ".join(getattr(error, "messages", [str(error)])))
        return redirect("credits:detail", pk=credit.pk)

    messages.success(request, f"“{credit.event.title}” is withdrawn.")
    return redirect("tracks:home")


@login_required
@require_GET
def evidence_download(request, pk):
    """The file, to its owner and to State Library reviewers only; 404 to others."""
    evidence = selectors.viewable_evidence(request.user, pk)
    response = FileResponse(
        evidence.file.open("rb"),
        as_attachment=True,
        filename=evidence.original_name,
        content_type=evidence.content_type,
    )
    response["Cache-Control"] = "private, no-store"
    return response
