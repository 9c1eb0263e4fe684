"""The track page: every figure, every credit's place, the window, restarts."""

import datetime
import html
from datetime import date
from decimal import Decimal
from html.parser import HTMLParser

import pytest
from django.urls import reverse
from django.utils import timezone

from credits import services as credit_services
from credits.models import Credit
from events.models import Event
from tests.conftest import (
    DENVER,
    category,
    make_credit,
    make_event,
    make_track,
    track_type,
)
from tracks.models import Track, TrackRestart, TrackType

TODAY = date(2026, 12, 3)


@pytest.fixture(autouse=True)
def today(monkeypatch):
    """The pages' today, fixed so the expected figures can be worked by hand."""
    monkeypatch.setattr("django.utils.timezone.localdate", lambda *a, **k: TODAY)
    return TODAY


def page(client, track):
    response = client.get(reverse("tracks:detail", args=[track.pk]))
    assert response.status_code == 200
    return response


def text(response):
    return html.unescape(response.content.decode())


class _PostForm(HTMLParser):
    """The names and values of the post form's fields, as a browser sends them."""

    def __init__(self):
        super().__init__()
        self.data, self._in_form, self._textarea = {}, False, None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "form" and attrs.get("method") == "post":
            self._in_form = True
        elif self._in_form and tag == "input" and attrs.get("name"):
            self.data[attrs["name"]] = attrs.get("value") or ""
        elif self._in_form and tag == "textarea":
            self._textarea = attrs["name"]
            self.data[self._textarea] = ""

    def handle_data(self, data):
        if self._textarea:
            self.data[self._textarea] += data

    def handle_endtag(self, tag):
        if tag == "textarea":
            self._textarea = None
        elif tag == "form":
            self._in_form = False


def rendered_form(response):
    parser = _PostForm()
    parser.feed(response.content.decode())
    return parser.data


@pytest.mark.django_db
def test_track_page_shows_each_category_minimum_counted_pending_and_surplus(
    client, dana
):
    track = make_track(
        dana, "Library Administrator, initial certification", date(2024, 1, 1)
    )
    make_credit(dana, on=date(2024, 3, 1), code="LA", value="32")  # 30 + 2 electives
    make_credit(dana, on=date(2024, 4, 1), code="TECH", value="10.5")
    make_credit(dana, on=date(2024, 5, 1), code="LA", value="4", status="pending")
    client.force_login(dana)

    response = page(client, track)

    summary = response.context["summary"]
    rows = {category.code: row for category, row in summary.rows}
    assert (rows["LA"].minimum, rows["LA"].counted, rows["LA"].pending) == (
        Decimal(30),
        Decimal(32),
        Decimal(4),
    )
    assert rows["LA"].surplus == Decimal(2)
    assert rows["TECH"].surplus == Decimal("10.5")
    # Electives: 2 + 10.5 = 12.5 of 30; 60 - 42.5 = 17.5 still needed.
    assert summary.progress.electives_counted == Decimal("12.5")
    assert "You need 17.5 more credits in any category by 31 December 2027." in (
        text(response)
    )
    assert "70% done: 17.5 still needed" in text(response)
    assert (
        "Credits count from 1 January 2024 through 31 December 2027: 1 year and "
        "29 days left."
    ) in text(response)


@pytest.mark.django_db
def test_track_page_says_for_each_credit_where_it_counts_or_why_not(
    client, dana, robin
):
    track = make_track(
        dana, "Library Administrator, initial certification", date(2023, 1, 1)
    )
    make_credit(dana, on=date(2022, 12, 2), title="Expired one")
    make_credit(dana, on=date(2022, 12, 20), title="Before the start")
    make_credit(dana, on=date(2024, 2, 1), code="LA", value="31", title="Split one")
    make_credit(dana, on=date(2024, 3, 1), code="TECH", title="Elective one")
    make_credit(dana, on=date(2024, 4, 1), status="pending", title="Pending one")
    denied = make_credit(
        dana, on=date(2024, 5, 1), status="pending", title="Denied one"
    )
    make_credit(dana, on=date(2027, 2, 1), status="pending", title="Too late")
    credit_services.credit_decide(
        credit=denied, by=robin, status="denied", reason="A vendor demonstration."
    )
    client.force_login(dana)

    lines = {
        row.credit.event.title: row.lines[0].text
        for row in page(client, track).context["credit_rows"]
    }

    assert lines == {
        "Expired one": "expired: it is more than 48 months old",
        "Before the start": "dated before the track's start date: not counted",
        "Split one": "counts: 30 toward the Library Administration minimum and 1 as "
        "electives",
        "Elective one": "counts as electives",
        "Pending one": "pending review: it will count once approved",
        "Denied one": "denied: it does not count. Reason: A vendor demonstration.",
        "Too late": "dated after the track's 48 months end: not counted",
    }


@pytest.mark.django_db
def test_credit_date_is_the_montana_day_the_event_ended_not_the_utc_day(client, dana):
    track = make_track(
        dana, "Library Administrator, initial certification", date(2023, 1, 1)
    )
    # 31 December 2026, 11:30 PM in Helena is already 1 January 2027 in UTC.
    event = make_event(ends_on=date(2026, 12, 31), value="2")
    event.ends_at = datetime.datetime(2026, 12, 31, 23, 30, tzinfo=DENVER)
    event.save()
    credit = credit_services.credit_create(
        person=dana, event=event, source=Credit.Source.REGISTRATION
    )
    client.force_login(dana)

    response = page(client, track)

    assert credit.earned_on == date(2026, 12, 31)
    assert response.context["summary"].progress.pending == Decimal(2)


@pytest.mark.django_db
def test_self_created_event_does_not_count_where_the_track_type_says_so(client, terry):
    track = make_track(terry, "Trustee", date(2024, 1, 1))
    track.track_type.self_created_events_eligible = False
    track.track_type.save()
    make_credit(terry, on=date(2024, 2, 1), value="3", source=Credit.Source.NEW_EVENT)
    client.force_login(terry)

    response = page(client, track)

    assert response.context["summary"].progress.counted == Decimal(0)
    assert "Events you created yourself do not count on this track" in text(response)


@pytest.mark.django_db
def test_warning_when_the_window_closes_within_six_months_with_credits_missing(
    client, sam
):
    track = make_track(sam, "Library Staff", date(2023, 3, 1))
    make_credit(sam, on=date(2024, 1, 1), code="LA", value="50")
    client.force_login(sam)

    body = text(page(client, track))

    assert (
        "Warning: Only 2 months and 26 days left: this track still needs 15 "
        "credits, and credits dated after 28 February 2027 will not count toward it."
    ) in " ".join(body.replace("<strong>", "").replace("</strong>", "").split())


@pytest.mark.django_db
def test_complete_2009_track_shows_its_specializations(client, sam):
    track = make_track(sam, "Library Staff", date(2023, 1, 1), program=2009)
    for code, value in [("LA", "10"), ("LSP", "10"), ("CMTS", "20"), ("TECH", "20")]:
        make_credit(sam, on=date(2024, 1, 1), code=code, value=value)
    client.force_login(sam)

    body = text(page(client, track))

    assert (
        "This track is complete. To apply for certification, contact the "
        "State Library's CE coordinator." in body
    )
    assert (
        "Specializations earned: Collection Management and Technical Services, "
        "Technology."
    ) in " ".join(body.replace("<strong>", "").replace("</strong>", "").split())


@pytest.mark.django_db
def test_incomplete_2009_track_explains_that_specializations_wait(client, sam):
    track = make_track(sam, "Library Staff", date(2023, 1, 1), program=2009)
    make_credit(sam, on=date(2024, 1, 1), code="TECH", value="25")
    client.force_login(sam)

    response = page(client, track)

    assert response.context["summary"].specializations == []
    assert (
        "Specializations are awarded once the track is complete: at least 20 "
        "credits counted in Library Services to the Public, Collection Management "
        "and Technical Services or Technology earn one in that category."
    ) in " ".join(text(response).split())


@pytest.mark.django_db
def test_lapsed_track_explains_how_to_restart(client, dana):
    track = make_track(
        dana, "Library Administrator, initial certification", date(2021, 1, 1)
    )
    client.force_login(dana)

    body = text(page(client, track))

    assert "This track has lapsed." in body
    assert "on 1 January 2023 or later" in body
    assert "Lapsed" in body


@pytest.mark.django_db
def test_restarting_a_lapsed_track_counts_the_new_window_and_keeps_the_history(
    client, dana
):
    track = make_track(
        dana, "Library Administrator, initial certification", date(2021, 1, 1)
    )
    make_credit(dana, on=date(2022, 6, 1), value="10")
    make_credit(dana, on=date(2025, 6, 1), value="5")
    client.force_login(dana)
    url = reverse("tracks:detail", args=[track.pk])
    data = rendered_form(page(client, track))
    data["started_on"] = "2023-01-01"

    response = client.post(url, data)

    assert response.status_code == 302
    after = client.get(url)
    assert after.context["summary"].progress.counted == Decimal(5)
    assert after.context["summary"].progress.is_lapsed is False
    restart = TrackRestart.objects.get()
    assert (restart.from_started_on, restart.to_started_on, restart.was_lapsed) == (
        date(2021, 1, 1),
        date(2023, 1, 1),
        True,
    )
    assert restart.restarted_by == dana
    assert dana.credits.count() == 2
    assert "start date changed from 1 January 2021 to 1 January 2023" in text(after)
    assert "Your track now starts on 1 January 2023" in text(after)


@pytest.mark.django_db
def test_restart_with_a_start_older_than_48_months_is_refused_next_to_the_field(
    client, dana
):
    track = make_track(
        dana, "Library Administrator, initial certification", date(2021, 1, 1)
    )
    client.force_login(dana)
    today = timezone.localdate()
    earliest = today.replace(year=today.year - 4)  # 48 months before today
    too_early = (earliest.replace(day=1) - datetime.timedelta(days=1)).replace(day=1)
    first = (
        earliest
        if earliest.day == 1
        else (earliest.replace(day=28) + datetime.timedelta(days=4)).replace(day=1)
    )

    response = client.post(
        reverse("tracks:detail", args=[track.pk]),
        {"started_on": too_early.isoformat(), "notes": "keep me"},
    )

    assert response.status_code == 200
    assert response.context["form"].errors["started_on"] == [
        "The start date cannot be more than 48 months ago: credits older than that "
        f"have expired. The earliest start today is {first.day} {first:%B %Y}, or "
        "the day your last certificate expired if that was on or after "
        f"{earliest.day} {earliest:%B %Y}."
    ]
    assert "keep me" in text(response)
    assert TrackRestart.objects.count() == 0


@pytest.mark.django_db
def test_lapsed_track_notes_save_without_a_new_start_date(client, dana):
    track = make_track(
        dana, "Library Administrator, initial certification", date(2021, 1, 1)
    )
    client.force_login(dana)
    data = rendered_form(page(client, track))
    data["notes"] = "Ask the board about the budget."

    response = client.post(reverse("tracks:detail", args=[track.pk]), data)

    assert data["started_on"] == "2021-01-01"
    assert response.status_code == 302
    track.refresh_from_db()
    assert track.notes == "Ask the board about the budget."
    assert TrackRestart.objects.count() == 0


@pytest.mark.django_db
def test_track_page_of_someone_else_is_not_found(client, sam, olive):
    track = make_track(sam, "Library Staff", date(2024, 1, 1))
    client.force_login(olive)

    assert client.get(reverse("tracks:detail", args=[track.pk])).status_code == 404


@pytest.mark.django_db
def test_track_page_asks_anonymous_visitors_to_sign_in(client, sam):
    track = make_track(sam, "Library Staff", date(2024, 1, 1))

    response = client.get(reverse("tracks:detail", args=[track.pk]))

    assert response.status_code == 302
    assert response.url.startswith(reverse("account_login"))


@pytest.mark.django_db
@pytest.mark.parametrize("method", ["put", "delete", "patch"])
def test_track_page_refuses_other_methods(client, sam, method):
    track = make_track(sam, "Library Staff", date(2024, 1, 1))
    client.force_login(sam)

    response = getattr(client, method)(reverse("tracks:detail", args=[track.pk]))

    assert response.status_code == 405


@pytest.mark.django_db
@pytest.mark.parametrize("method", ["put", "delete"])
def test_new_track_page_refuses_other_methods(client, sam, method):
    client.force_login(sam)

    assert getattr(client, method)(reverse("tracks:new")).status_code == 405


@pytest.mark.django_db
def test_new_track_with_a_bad_start_keeps_what_was_typed(client, sam):
    staff = TrackType.objects.get(name="Library Staff", program=2023)
    client.force_login(sam)
    url = reverse("tracks:new") + f"?type={staff.pk}"

    response = client.post(url, {"started_on": "2027-01-01", "notes": "Mine"})

    assert response.status_code == 200
    assert response.context["form"].errors["started_on"] == [
        "The start date cannot be in the future."
    ]
    assert "Mine" in text(response)
    assert not Track.objects.filter(person=sam).exists()


def add_credits(person, count):
    """``count`` credits, one event each, in as few queries as can be."""
    la = category("LA")
    ends = [
        datetime.datetime.combine(date(2024, 1, 1), datetime.time(15), DENVER)
        + datetime.timedelta(days=n)
        for n in range(count)
    ]
    events = Event.objects.bulk_create(
        Event(
            title=f"Event {n}",
            kind="webinar",
            sponsor="Montana State Library",
            begins_at=end - datetime.timedelta(hours=1),
            ends_at=end,
            credit_value=Decimal(1),
            category=la,
        )
        for n, end in enumerate(ends)
    )
    Credit.objects.bulk_create(
        Credit(
            person=person,
            event=event,
            source=Credit.Source.REGISTRATION,
            status="approved" if n % 3 else "pending",
            earned_on=event.ends_at.astimezone(DENVER).date(),
            category=la,
            value=Decimal(1),
        )
        for n, event in enumerate(events)
    )


def add_tracks(person, count):
    names = ["Library Staff", "Trustee", "Library Administrator, renewal"]
    for n in range(count):
        make_track(person, names[n % len(names)], date(2023 + n % 3, 1, 1))


TRACK_PAGE_QUERIES = 7


@pytest.mark.django_db
@pytest.mark.parametrize(("credits", "tracks"), [(1, 1), (300, 1), (1, 5), (300, 5)])
def test_track_page_runs_the_same_queries_for_1_or_300_credits_and_1_or_5_tracks(
    client, sam, django_assert_num_queries, credits, tracks
):
    add_credits(sam, credits)
    add_tracks(sam, tracks)
    track = Track.objects.filter(person=sam).first()
    client.force_login(sam)
    client.get(reverse("tracks:home"))  # the session is loaded once

    with django_assert_num_queries(TRACK_PAGE_QUERIES):
        page(client, track)


@pytest.mark.django_db
def test_new_track_page_says_what_the_track_asks_for(client, sam):
    staff = TrackType.objects.get(name="Library Staff", program=2023)
    client.force_login(sam)

    response = client.get(reverse("tracks:new") + f"?type={staff.pk}")

    body = " ".join(text(response).split())
    assert "60 credits dated within 48 months of the start date, of which:" in body
    assert "at least 5 in Collection Management and Technical Services" in body
    assert "the rest in any category (electives)" in body
    assert "specialization" not in body


@pytest.mark.django_db
def test_a_second_open_track_of_the_same_type_is_refused_with_the_way_forward(
    client, terry
):
    trustee = track_type("Trustee")
    make_track(terry, "Trustee", date(2025, 1, 1))
    client.force_login(terry)

    response = client.post(
        reverse("tracks:new") + f"?type={trustee.pk}",
        {"started_on": "2025-06-01", "notes": "Again"},
    )

    assert response.status_code == 200
    assert response.context["form"].non_field_errors() == [
        "You already have a Trustee track, started on 1 January 2025. Open it from "
        "the grey box on the Continuing Education page to change its start date."
    ]
    assert terry.tracks.count() == 1
