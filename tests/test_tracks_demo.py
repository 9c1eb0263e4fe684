"""The demo data shows the rules at work: a lapsed 2009 track beside a 2023 one."""

import pytest
from django.core.management import call_command

from aspen_ce.models import User
from tracks import selectors


@pytest.mark.django_db
def test_demo_staff_member_has_an_open_and_a_lapsed_track_and_reload_adds_none():
    call_command("load_demo", stdout=None)
    call_command("load_demo", stdout=None)

    sam = User.objects.get(email="staff@demo.aspen-ce.org")
    credits = list(selectors.person_credits(sam))
    summaries = selectors.track_progress(selectors.person_tracks(sam), credits)

    assert [(s.track.track_type.program, s.progress.is_lapsed) for s in summaries] == [
        (2023, False),
        (2009, True),
    ]
