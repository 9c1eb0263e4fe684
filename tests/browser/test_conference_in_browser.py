"""More session rows on the conference form keep what was already typed."""

import pytest
from playwright.sync_api import expect

from tests.browser.test_track_in_browser import sign_in
from tests.conftest import make_person

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def test_more_rows_keep_the_typed_sessions(
    django_db_serialized_rollback, page, live_server
):
    make_person("sam@example.org", "staff")
    sign_in(page, live_server, "sam@example.org")
    page.goto(live_server.url + "/credits/conference/")
    page.get_by_label("Conference name").fill("MLA 2026")
    page.locator("#id_session-0-title").fill("Weeding for beginners")

    page.get_by_role("link", name="Show 4 more rows").click()

    expect(page.locator("fieldset[data-session]")).to_have_count(8)
    expect(page.locator("#id_session-0-title")).to_have_value("Weeding for beginners")
    expect(page.get_by_label("Conference name")).to_have_value("MLA 2026")
    expect(page.locator("#id_session-7-title")).to_be_visible()
    assert page.locator("#id_session-TOTAL_FORMS").input_value() == "8"
