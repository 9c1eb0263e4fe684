"""The start date: first of a month or the last certificate's expiry date,
never in the future, never more than 48 months before today."""

from datetime import date

import pytest
from django.core.exceptions import ValidationError

from tests.conftest import make_track, track_type
from tracks import services
from tracks.forms import TrackForm

TODAY = date(2026, 3, 1)


def errors(started_on, expired_on=None, today=TODAY):
    data = {"started_on": started_on.isoformat(), "notes": ""}
    if expired_on:
        data["last_certificate_expired_on"] = expired_on.isoformat()
    form = TrackForm(data, today=today)
    form.is_valid()
    return form.errors.get("started_on", [])


@pytest.mark.django_db
def test_first_of_the_month_48_months_ago_is_accepted():
    assert errors(date(2022, 3, 1)) == []


@pytest.mark.django_db
def test_the_day_before_48_months_ago_is_refused():
    assert errors(date(2022, 2, 28), expired_on=date(2022, 2, 28)) == [
        "The start date cannot be more than 48 months ago: credits older than that "
        "have expired. The earliest start today is 1 March 2022, or the day your "
        "last certificate expired if that was on or after 1 March 2022."
    ]


@pytest.mark.django_db
def test_mid_month_date_is_refused_unless_it_is_the_certificate_expiry():
    assert errors(date(2024, 5, 17)) == [
        "Use the first day of the month in which you began collecting credits, "
        "or the date your last certificate expired."
    ]
    assert errors(date(2024, 5, 17), expired_on=date(2024, 5, 17)) == []


@pytest.mark.django_db
def test_future_date_is_refused():
    assert errors(date(2026, 4, 1)) == ["The start date cannot be in the future."]


@pytest.mark.django_db
def test_today_when_it_is_the_first_is_accepted():
    assert errors(TODAY) == []


@pytest.mark.django_db
def test_services_refuse_an_invalid_start_whatever_calls_them(sam):
    with pytest.raises(ValidationError) as created:
        services.track_create(
            person=sam,
            track_type=track_type("Library Staff"),
            started_on=date(2026, 4, 1),
            today=TODAY,
        )
    track = make_track(sam, "Library Staff", date(2024, 1, 1))
    with pytest.raises(ValidationError) as updated:
        services.track_update(track=track, started_on=date(2024, 5, 17))

    assert created.value.message_dict == {
        "started_on": ["The start date cannot be in the future."]
    }
    assert "first day of the month" in updated.value.message_dict["started_on"][0]
    assert track.restarts.count() == 0


@pytest.mark.django_db
def test_a_certificate_that_expired_in_the_year_1_is_refused():
    form = TrackForm(
        {"started_on": "2025-01-01", "last_certificate_expired_on": "0001-01-01"},
        today=TODAY,
    )

    assert not form.is_valid()
    assert form.errors["last_certificate_expired_on"] == [
        "Check the year: enter a date between 2000 and 2099."
    ]
