"""Creating a new independent learning event: kinds, credit helpers, the
presenter limit and the warnings shown once before saving."""

import datetime
from decimal import Decimal

import pytest
from django.urls import reverse
from django.utils import timezone

from credits.models import Credit
from events.models import Event
from tests.conftest import category, make_credit, make_event, make_track
from tests.pageforms import form_data

TODAY = timezone.localdate()
DAY = TODAY - datetime.timedelta(days=10)
URL = reverse("credits:new_event")


def first_of_month_months_ago(months):
    index = TODAY.year * 12 + TODAY.month - 1 - months
    return datetime.date(index // 12, index % 12 + 1, 1)


def typed(day=DAY, **overrides):
    """What a person types into the form for a 3-hour workshop."""
    return {
        "title": "Budgeting basics",
        "kind": "workshop",
        "begins_at": f"{day:%Y-%m-%d}T09:00",
        "ends_at": f"{day:%Y-%m-%d}T12:00",
        "sponsor": "Montana Library Association",
        "presenter": "A. Trainer",
        "topic": "",
        "category": category("LA").pk,
        "semester_credits": "",
        "quarter_credits": "",
        "workshop_hours": "",
        "credit_value": "3",
        "description": "",
        **overrides,
    }


def fill_in(client, **overrides):
    """Open the page, fill its form as a person would, and post it."""
    data = form_data(client.get(URL).text)
    data.update(typed(**overrides))
    return client.post(URL, data)


def confirm(client, response):
    """Press Save again on the page that showed the warnings."""
    return client.post(URL, form_data(response.text))


def presented(person, topic, day, status="approved"):
    event = make_event(
        f"{topic} on {day}", ends_on=day, kind=Event.Kind.PRESENTING, topic=topic
    )
    return Credit.objects.create(
        person=person,
        event=event,
        source=Credit.Source.NEW_EVENT,
        status=status,
        earned_on=day,
        category=event.category,
        value=Decimal(2),
    )


@pytest.fixture
def sam_on_track(sam):
    make_track(sam, "Library Staff", first_of_month_months_ago(12))
    return sam


@pytest.mark.django_db
def test_form_offers_the_kinds_of_activity_of_the_guide(client, sam):
    client.force_login(sam)

    labels = [
        label
        for _value, label in client.get(URL).context["form"].fields["kind"].choices
    ][1:]

    assert labels == [
        "Workshop attended",
        "Webinar attended (live)",
        "Conference session",
        "College course",
        "Presenting a workshop I developed",
        "Self-paced course",
    ]


@pytest.mark.django_db
def test_plain_workshop_without_warnings_is_saved_at_once(client, sam_on_track):
    client.force_login(sam_on_track)

    response = fill_in(client, email_on_assigned="on")

    assert response.url == reverse("tracks:home")
    credit = sam_on_track.credits.get()
    assert (credit.value, credit.earned_on, credit.source, credit.status) == (
        Decimal(3),
        DAY,
        "new_event",
        "pending",
    )
    assert credit.email_on_assigned is True
    assert credit.event.kind == "workshop"


@pytest.mark.django_db
def test_three_semester_credits_give_twelve_shown_before_saving(client, sam_on_track):
    client.force_login(sam_on_track)

    shown = fill_in(
        client, kind="college course", semester_credits="3", credit_value=""
    )
    assert shown.status_code == 200
    assert "3 semester credits × 4 = 12 CE credits." in shown.text
    assert form_data(shown.text)["credit_value"] == "12"
    assert not Credit.objects.exists()

    assert confirm(client, shown).url == reverse("tracks:home")
    assert sam_on_track.credits.get().value == Decimal(12)


@pytest.mark.django_db
def test_two_quarter_credits_give_four(client, sam_on_track):
    client.force_login(sam_on_track)

    shown = fill_in(client, kind="college course", quarter_credits="2", credit_value="")
    confirm(client, shown)

    assert "2 quarter credits × 2 = 4 CE credits." in shown.text
    assert sam_on_track.credits.get().value == Decimal(4)


@pytest.mark.django_db
def test_three_hour_workshop_presented_gives_six(client, sam_on_track):
    client.force_login(sam_on_track)

    shown = fill_in(
        client,
        kind="presenting",
        topic="Weeding the collection",
        workshop_hours="3",
        credit_value="",
    )
    confirm(client, shown)

    assert "A 3-hour workshop presented × 2 = 6 CE credits." in shown.text
    credit = sam_on_track.credits.get()
    assert (credit.value, credit.event.topic) == (Decimal(6), "Weeding the collection")


@pytest.mark.django_db
def test_value_the_script_already_worked_out_is_saved_without_a_second_step(
    client, sam_on_track
):
    client.force_login(sam_on_track)

    response = fill_in(
        client, kind="college course", semester_credits="3", credit_value="12"
    )

    assert response.url == reverse("tracks:home")
    assert sam_on_track.credits.get().value == Decimal(12)


@pytest.mark.django_db
def test_a_typed_value_that_disagrees_with_the_helper_is_replaced_and_shown(
    client, sam_on_track
):
    client.force_login(sam_on_track)

    shown = fill_in(
        client,
        kind="presenting",
        topic="Story time",
        workshop_hours="1.5",
        credit_value="10",
    )

    assert "A 1.5-hour workshop presented × 2 = 3 CE credits." in shown.text
    assert form_data(shown.text)["credit_value"] == "3"


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("overrides", "field", "message"),
    [
        (
            {"kind": "college course", "semester_credits": "3", "quarter_credits": "2"},
            "quarter_credits",
            "Enter semester credits or quarter credits, not both.",
        ),
        (
            {"kind": "college course", "credit_value": ""},
            "semester_credits",
            "Enter the course's semester credits (or its quarter credits).",
        ),
        (
            {"kind": "college course", "semester_credits": "16"},
            "semester_credits",
            "16 semester credits × 4 = 64 CE credits. One record can carry at most "
            "60 credits.",
        ),
        (
            {"kind": "presenting", "topic": "", "workshop_hours": "2"},
            "topic",
            "Enter the topic of the workshop you presented.",
        ),
        (
            {"kind": "presenting", "topic": "Maps", "credit_value": ""},
            "workshop_hours",
            "Enter how many hours the workshop lasted.",
        ),
        ({"credit_value": ""}, "credit_value", "Enter the number of credits."),
    ],
)
def test_helper_input_that_cannot_work_is_refused_next_to_the_field(
    client, sam_on_track, overrides, field, message
):
    client.force_login(sam_on_track)

    response = fill_in(client, **overrides)

    assert response.status_code == 200
    assert response.context["form"].errors[field] == [message]
    assert 'value="Budgeting basics"' in response.text
    assert not Credit.objects.exists()


@pytest.mark.django_db
def test_third_presenter_credit_for_one_topic_in_the_window_is_refused(
    client, sam_on_track
):
    presented(sam_on_track, "Weeding", TODAY - datetime.timedelta(days=200))
    presented(sam_on_track, "weeding ", TODAY - datetime.timedelta(days=100), "pending")
    client.force_login(sam_on_track)

    response = fill_in(
        client, kind="presenting", topic="Weeding", workshop_hours="2", credit_value="4"
    )

    assert response.status_code == 200
    [error] = response.context["form"].errors["topic"]
    assert error.startswith(
        "You already have two presenter credits for “Weeding” in this 4-year window"
    )
    assert sam_on_track.credits.count() == 2


@pytest.mark.django_db
def test_a_denied_presentation_does_not_use_up_the_two(client, sam_on_track):
    presented(sam_on_track, "Weeding", TODAY - datetime.timedelta(days=200))
    presented(sam_on_track, "Weeding", TODAY - datetime.timedelta(days=100), "denied")
    client.force_login(sam_on_track)

    response = fill_in(
        client, kind="presenting", topic="Weeding", workshop_hours="2", credit_value="4"
    )

    assert response.url == reverse("tracks:home")
    assert sam_on_track.credits.count() == 3


@pytest.mark.django_db
def test_presentations_before_the_track_window_do_not_count_toward_the_two(
    client, sam_on_track
):
    before_start = first_of_month_months_ago(12) - datetime.timedelta(days=1)
    presented(sam_on_track, "Weeding", before_start)
    presented(sam_on_track, "Weeding", before_start - datetime.timedelta(days=30))
    presented(sam_on_track, "Weeding", TODAY - datetime.timedelta(days=100))
    client.force_login(sam_on_track)

    response = fill_in(
        client, kind="presenting", topic="Weeding", workshop_hours="2", credit_value="4"
    )

    assert response.url == reverse("tracks:home")


@pytest.mark.django_db
def test_without_a_track_the_48_months_before_the_activity_stand_for_the_window(
    client, sam
):
    presented(sam, "Weeding", TODAY - datetime.timedelta(days=300))
    presented(sam, "Weeding", TODAY - datetime.timedelta(days=600))
    client.force_login(sam)

    refused = fill_in(
        client, kind="presenting", topic="Weeding", workshop_hours="2", credit_value="4"
    )
    presented(sam, "Maps", TODAY - datetime.timedelta(days=1500))
    presented(sam, "Maps", TODAY - datetime.timedelta(days=300))
    accepted = fill_in(
        client, kind="presenting", topic="Maps", workshop_hours="2", credit_value="4"
    )

    assert "topic" in refused.context["form"].errors
    assert accepted.url == reverse("tracks:home")


@pytest.mark.django_db
def test_date_outside_every_open_track_window_warns_once_then_saves(
    client, sam_on_track
):
    early = first_of_month_months_ago(12) - datetime.timedelta(days=20)
    client.force_login(sam_on_track)

    shown = fill_in(client, day=early)

    assert "outside the window of every open track you have" in shown.text
    assert not Credit.objects.exists()
    assert confirm(client, shown).url == reverse("tracks:home")
    assert sam_on_track.credits.get().earned_on == early


@pytest.mark.django_db
def test_no_window_warning_for_a_person_without_tracks(client, sam):
    client.force_login(sam)

    assert fill_in(client).url == reverse("tracks:home")


@pytest.mark.django_db
def test_activity_older_than_48_months_warns(client, sam):
    long_ago = TODAY - datetime.timedelta(days=365 * 4 + 40)
    client.force_login(sam)

    shown = fill_in(client, day=long_ago)

    assert "more than 48 months ago: its credit has expired" in shown.text
    assert confirm(client, shown).url == reverse("tracks:home")


@pytest.mark.django_db
def test_similar_title_on_the_same_day_warns(client, sam):
    make_credit(sam, on=DAY, title="Budgeting Basics!")
    make_credit(sam, on=DAY, title="Story time for toddlers")
    client.force_login(sam)

    shown = fill_in(client)

    assert "You already have “Budgeting Basics!” on the same day." in shown.text
    assert "Story time" not in shown.text
    assert confirm(client, shown).url == reverse("tracks:home")
    assert sam.credits.count() == 3


@pytest.mark.django_db
def test_a_new_warning_after_a_change_is_shown_before_saving(client, sam):
    make_credit(sam, on=DAY, title="Budgeting basics")
    long_ago = TODAY - datetime.timedelta(days=365 * 4 + 40)
    client.force_login(sam)

    shown = fill_in(client)
    data = form_data(shown.text)
    data.update(typed(day=long_ago))
    shown_again = client.post(URL, data)

    assert shown_again.status_code == 200
    assert "more than 48 months ago" in shown_again.text
    assert sam.credits.count() == 1


@pytest.mark.django_db
def test_the_page_loads_the_helper_script_from_the_project(client, sam):
    client.force_login(sam)

    page = client.get(URL)

    assert '<script src="/static/js/credit-helper.js" defer></script>' in page.text
    assert 'enctype="multipart/form-data"' in page.text


@pytest.mark.django_db
@pytest.mark.parametrize("name", ["credits:new_event", "credits:conference"])
def test_form_pages_refuse_other_methods(client, sam, name):
    client.force_login(sam)

    assert client.put(reverse(name)).status_code == 405


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("overrides", "expected"),
    [
        ({"credit_value": "3.00"}, Decimal(3)),
        ({"credit_value": "1.50"}, Decimal("1.5")),
        (
            {
                "kind": "presenting",
                "topic": "Maps",
                "workshop_hours": "1.25",
                "credit_value": "2.50",
            },
            Decimal("2.5"),
        ),
    ],
)
def test_values_written_with_more_decimals_are_saved_as_the_same_number(
    client, sam, overrides, expected
):
    client.force_login(sam)

    response = fill_in(client, **overrides)

    assert response.url == reverse("tracks:home")
    assert sam.credits.get().value == expected


@pytest.mark.django_db
@pytest.mark.parametrize("value", ["1e-999999999", "0.25", "61"])
def test_an_impossible_credit_value_is_explained_and_the_form_kept(
    client, sam_on_track, value
):
    client.force_login(sam_on_track)

    response = fill_in(client, credit_value=value, title="Kept title")

    assert response.status_code == 200
    assert response.context["form"].errors["credit_value"]
    assert 'value="Kept title"' in response.text
    assert not Credit.objects.exists()


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("begins", "ends", "message"),
    [
        (
            "0001-01-01T00:00",
            "0001-01-01T01:00",
            "Check the year: enter a date between 2000 and 2099.",
        ),
        (
            # Ends one hour from now: not over yet, even by a day's slack.
            None,
            None,
            "This activity has not ended yet. Report it once you have attended.",
        ),
    ],
)
def test_an_activity_from_year_1_or_not_yet_over_is_refused(
    client, sam_on_track, begins, ends, message
):
    if begins is None:
        soon = timezone.localtime() + datetime.timedelta(hours=1)
        begins = f"{soon - datetime.timedelta(hours=2):%Y-%m-%dT%H:%M}"
        ends = f"{soon:%Y-%m-%dT%H:%M}"
    client.force_login(sam_on_track)

    response = fill_in(client, begins_at=begins, ends_at=ends)

    assert message in response.context["form"].errors["ends_at"]
    assert not Credit.objects.exists()


@pytest.mark.django_db
def test_a_date_typed_without_its_time_is_kept_with_a_message(client, sam_on_track):
    client.force_login(sam_on_track)
    data = form_data(client.get(URL).text)
    data.update(typed())
    data.update(
        {
            "begins_at": f"{DAY:%Y-%m-%d}",
            "begins_at_time": "",
            "ends_at": f"{DAY:%Y-%m-%d}",
            "ends_at_time": "12:00",
        }
    )

    response = client.post(URL, data)

    assert response.context["form"].errors["begins_at"] == [
        "Enter both the date and the time, such as 9:00 AM."
    ]
    assert f'name="begins_at" value="{DAY:%Y-%m-%d}"' in response.text
    assert 'name="ends_at_time" value="12:00"' in response.text
    assert not Credit.objects.exists()


@pytest.mark.django_db
@pytest.mark.parametrize("typed_topic", ["Weeding  101.", "WEEDING 101", "weeding-101"])
def test_a_topic_spelled_with_other_spacing_or_punctuation_is_the_same_topic(
    client, sam_on_track, typed_topic
):
    presented(sam_on_track, "Weeding 101", TODAY - datetime.timedelta(days=200))
    presented(sam_on_track, "weeding 101", TODAY - datetime.timedelta(days=100))
    client.force_login(sam_on_track)

    response = fill_in(
        client,
        kind="presenting",
        topic=typed_topic,
        workshop_hours="2",
        credit_value="4",
    )

    assert "topic" in response.context["form"].errors
    assert sam_on_track.credits.count() == 2


@pytest.mark.django_db
def test_more_credits_than_contact_hours_warns_once_then_saves(client, sam_on_track):
    client.force_login(sam_on_track)

    # 09:00 to 12:00 is 3 contact hours, so 10 credits is more than the rule gives.
    shown = fill_in(client, credit_value="10")

    assert (
        "You entered 10 credits for an activity of 3 hours. One contact hour is one "
        "credit; check the credits, or the times it began and ended."
    ) in shown.text.replace("&#x27;", "'")
    assert not Credit.objects.exists()
    assert confirm(client, shown).url == reverse("tracks:home")
    assert Credit.objects.get().value == Decimal(10)


@pytest.mark.django_db
def test_credits_within_the_contact_hours_raise_no_warning(client, sam_on_track):
    client.force_login(sam_on_track)

    response = fill_in(client, credit_value="3")

    assert response.url == reverse("tracks:home")
