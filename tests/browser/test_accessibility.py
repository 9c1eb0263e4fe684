"""axe-core, run in Chromium on the pages a participant uses most: no serious
or critical accessibility violation."""

from datetime import date

import pytest
from axe_playwright_python.sync_playwright import Axe

from tests.browser.test_track_in_browser import sign_in
from tests.conftest import make_credit, make_person, make_track

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

PAGES = [
    "/",
    "/tracks/new/?type={type}",
    "/tracks/{track}/",
    "/credits/new-event/",
    "/credits/conference/",
    "/events/",
    "/my-details/",
]


def serious(results):
    return [
        f"{v['id']}: {v['help']} ({len(v['nodes'])} element(s), e.g. "
        f"{v['nodes'][0]['target']})"
        for v in results.response["violations"]
        if v["impact"] in ("serious", "critical")
    ]


def test_participant_pages_have_no_serious_accessibility_violations(
    django_db_serialized_rollback, page, live_server
):
    sam = make_person("sam@example.org", "staff")
    track = make_track(sam, "Library Staff", date(2025, 1, 1))
    make_credit(sam, on=date(2025, 3, 1), status="pending")
    sign_in(page, live_server, "sam@example.org")
    axe = Axe()

    found = {}
    for path in PAGES:
        page.goto(
            live_server.url + path.format(track=track.pk, type=track.track_type_id)
        )
        problems = serious(axe.run(page))
        if problems:
            found[path] = problems

    assert found == {}


def test_sign_in_and_sign_up_pages_have_no_serious_accessibility_violations(
    django_db_serialized_rollback, page, live_server
):
    axe = Axe()
    found = {}
    for path in ["/accounts/login/", "/accounts/signup/", "/accounts/password/reset/"]:
        page.goto(live_server.url + path)
        problems = serious(axe.run(page))
        if problems:
            found[path] = problems

    assert found == {}
