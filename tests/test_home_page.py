"""The CE home page: each track at a glance, each credit once with its place."""

import html
from datetime import date

import pytest
from django.urls import reverse

from credits import services as credit_services
from tests.conftest import make_credit, make_track
from tests.test_tracks_pages import add_credits, add_tracks

TODAY = date(2026, 12, 3)


@pytest.fixture(autouse=True)
def today(monkeypatch):
    monkeypatch.setattr("django.utils.timezone.localdate", lambda *a, **k: TODAY)
    return TODAY


def home(client):
    response = client.get(reverse("tracks:home"))
    assert response.status_code == 200
    return response


def words(response):
    """The page's text with tags' inner whitespace folded, entities decoded."""
    return " ".join(html.unescape(response.content.decode()).split())


@pytest.mark.django_db
def test_credit_shared_by_two_tracks_is_listed_once_and_counted_once(client, sam):
    make_track(sam, "Library Staff", date(2024, 1, 1))
    make_track(sam, "Trustee", date(2025, 1, 1))
    make_credit(sam, on=date(2025, 1, 10), code="LA", value="3", title="Shared")
    client.force_login(sam)

    response = home(client)

    [row] = response.context["credit_rows"]
    assert [(line.track.track_type.name, line.text) for line in row.lines] == [
        ("Trustee", "counts toward the Library Administration minimum"),
        ("Library Staff", "counts toward the Library Administration minimum"),
    ]
    assert words(response).count(">Shared</a>") == 1
    assert "Approved and current: 3 credits · pending review: 0." in words(response)


@pytest.mark.django_db
def test_grey_box_shows_each_tracks_progress_at_a_glance(client, sam):
    make_track(sam, "Library Staff", date(2024, 1, 1))
    make_credit(sam, on=date(2024, 2, 1), code="LA", value="8")
    make_credit(sam, on=date(2024, 2, 2), code="TECH", value="2", status="pending")
    client.force_login(sam)

    body = words(home(client))

    # Staff 2023: LA 5 of 5 plus 3 electives; 8 of 60 done is 13%.
    assert (
        "13% done · 8 of 60 credits counted, 2 pending review · Library "
        "Administration 5 of 5 · Library Services to the Public 0 of 5 · "
        "Collection Management and Technical Services 0 of 5 · Technology 0 of 5 "
        "· electives 3 of 40"
    ) in body
    assert (
        "You need 5 more credits in Library Services to the Public, 5 more in "
        "Collection Management and Technical Services, 5 more in Technology and "
        "37 more in any category by 31 December 2027."
    ) in body


@pytest.mark.django_db
def test_lapsed_track_in_the_grey_box_says_how_to_restart(client, dana):
    make_track(dana, "Library Administrator, initial certification", date(2021, 1, 1))
    client.force_login(dana)

    body = words(home(client))

    assert "Lapsed" in body
    assert "Restart it with a new start date to count your recent credits" in body


@pytest.mark.django_db
def test_expired_credit_is_shown_as_expired(client, sam):
    make_credit(sam, on=date(2022, 12, 2), value="2")
    client.force_login(sam)

    body = words(home(client))

    assert ">Expired</span>" in body
    assert "Expired: it is more than 48 months old." in body
    assert (
        "Approved and current: 0 credits · pending review: 0 · expired (more than "
        "48 months old): 2."
    ) in body


def deny(credit, robin, reason):
    credit_services.credit_decide(
        credit=credit, by=robin, status="denied", reason=reason
    )


def plain(body):
    return body.replace("</span>", "").replace('<span class="fw-semibold">', "")


@pytest.mark.django_db
def test_denied_credit_gives_its_reason(client, sam, robin):
    make_track(sam, "Library Staff", date(2024, 1, 1))
    deny(make_credit(sam, on=date(2025, 1, 10), status="pending"), robin, "Yoga.")
    client.force_login(sam)

    body = plain(words(home(client)))

    assert "Library Staff (2023): denied: it does not count. Reason: Yoga." in body


@pytest.mark.django_db
def test_a_phrase_true_on_every_track_is_said_once(client, sam, robin):
    make_track(sam, "Library Staff", date(2024, 1, 1))
    make_track(sam, "Library Staff", date(2022, 1, 1), program=2009)
    deny(make_credit(sam, on=date(2025, 1, 10), status="pending"), robin, "Yoga.")
    client.force_login(sam)

    body = plain(words(home(client)))

    assert "Every track: denied: it does not count. Reason: Yoga." in body
    assert body.count("Reason: Yoga.") == 1


@pytest.mark.django_db
def test_lapsed_track_tells_what_counted_before_its_window_closed(client, sam):
    make_track(sam, "Library Staff", date(2022, 1, 1), program=2009)
    make_credit(sam, on=date(2023, 1, 10), code="TECH", value="2")
    make_credit(sam, on=date(2023, 1, 11), status="pending")
    client.force_login(sam)

    body = plain(words(home(client)))

    assert (
        "Library Staff (2009): counted toward the Technology minimum before the "
        "window closed"
    ) in body
    assert (
        "Library Staff (2009): pending review, but the track's window has closed: "
        "not counted"
    ) in body


@pytest.mark.django_db
@pytest.mark.parametrize("method", ["post", "put", "delete"])
def test_home_page_only_answers_get(client, sam, method):
    client.force_login(sam)

    assert getattr(client, method)(reverse("tracks:home")).status_code == 405


# Session, user, credits, categories, tracks, requirements, track types for
# the drop-down, the claimable events and the upcoming registrations.
HOME_PAGE_QUERIES = 9


@pytest.mark.django_db
@pytest.mark.parametrize(("credits", "tracks"), [(1, 1), (300, 1), (1, 5), (300, 5)])
def test_home_page_runs_the_same_queries_for_1_or_300_credits_and_1_or_5_tracks(
    client, sam, django_assert_num_queries, credits, tracks
):
    add_credits(sam, credits)
    add_tracks(sam, tracks)
    client.force_login(sam)
    home(client)  # the session is loaded once

    with django_assert_num_queries(HOME_PAGE_QUERIES):
        home(client)
