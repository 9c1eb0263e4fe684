from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.text import slugify
from django.views.decorators.http import require_GET, require_http_methods

from events import selectors
from events.calendar import calendar_of
from events.forms import CatalogueFilterForm
from events.models import CalendarFeed, Registration

PAGE_SIZE = 20


@login_required
@require_GET
def catalogue(request):
    form = CatalogueFilterForm(request.GET)
    events = selectors.catalogue(**form.filters())
    page = Paginator(events, PAGE_SIZE).get_page(request.GET.get("page"))
    registrations = selectors.own_registrations(
        request.user, [event.pk for event in page]
    )

    rows = [(event, registrations.get(event.pk)) for event in page]
    return render(
        request,
        "events/catalogue.html",
        {"form": form, "page": page, "rows": rows},
    )


@login_required
@require_GET
def event_detail(request, pk):
    event = selectors.catalogue_event(pk)
    registration = selectors.own_registration(request.user, event)
    is_waiting = registration and registration.status == Registration.Status.WAITING

    return render(
        request,
        "events/detail.html",
        {
            "event": event,
            "registration": registration,
            "is_registered": registration
            and registration.status == Registration.Status.REGISTERED,
            "waiting_position": is_waiting and selectors.waiting_position(registration),
            "seats_left": selectors.seats_left(event),
            "refusal": event.registration_refusal(),
        },
    )


@login_required
@require_GET
def event_ics(request, pk):
    event = selectors.catalogue_event(pk)
    registration = selectors.own_registration(request.user, event)
    registered = registration and registration.status == Registration.Status.REGISTERED

    response = HttpResponse(
        calendar_of([event], with_links=bool(registered)),
        content_type="text/calendar; charset=utf-8",
    )
    name = slugify(event.title)[:60] or "event"
    response["Content-Disposition"] = f'attachment; filename="{name}.ics"'
    return response


@login_required
@require_http_methods(["GET", "POST"])
def calendar_feed(request):
    """The person's private calendar address; POST creates or replaces it."""
    feed = CalendarFeed.objects.filter(person=request.user).first()
    if request.method == "POST":
        text = "Your calendar address is ready."
        if feed:
            feed.delete()
            text = "Your new calendar address is ready; the old one no longer works."
        CalendarFeed.objects.create(person=request.user)
        messages.success(request, text)
        return redirect("events:calendar")

    address = feed and request.build_absolute_uri(
        reverse("events:calendar_ics", args=[feed.token])
    )
    return render(request, "events/calendar.html", {"address": address})


@require_GET
def calendar_ics(request, token):
    """Public to whoever holds the token: calendar programs cannot sign in."""
    feed = get_object_or_404(CalendarFeed, token=token)
    events = [
        registration.event
        for registration in Registration.objects.filter(
            person_id=feed.person_id, status=Registration.Status.REGISTERED
        )
        .select_related("event__category")
        .order_by("event__begins_at")
    ]
    return HttpResponse(
        calendar_of(events, name="My CE events", with_links=True),
        content_type="text/calendar; charset=utf-8",
    )
