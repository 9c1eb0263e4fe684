"""A person adds a certification track in a real browser, using the keyboard
to open a field's (i) help."""

import pytest
from playwright.sync_api import expect

from tests.conftest import PASSWORD, make_person

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def sign_in(page, live_server, email):
    page.goto(live_server.url + "/accounts/login/")
    page.get_by_label("Email").fill(email)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign In").click()
    expect(
        page.get_by_role("heading", name="Continuing Education", level=1)
    ).to_be_visible()


def test_add_a_track_with_help_opened_by_keyboard(
    django_db_serialized_rollback, page, live_server
):
    make_person("dana@example.org", "director")
    sign_in(page, live_server, "dana@example.org")

    page.get_by_label("Add New Certification Track").select_option(
        label="Library Administrator, initial certification (2023)"
    )
    page.get_by_role("button", name="Go!").click()
    expect(
        page.get_by_role("heading", name="Add New Certification Track")
    ).to_be_visible()

    help_toggle = page.locator("summary", has_text="About start date")
    help_toggle.focus()
    page.keyboard.press("Enter")
    expect(
        page.get_by_text("cannot be in the future or more than 48 months")
    ).to_be_visible()
    described_by = page.get_by_label("Start date").get_attribute("aria-describedby")
    assert described_by == "id_started_on_helptext"

    page.get_by_label("Start date").fill("2025-01-15")
    page.get_by_label("Notes").fill("Started with the spring workshops.")
    page.get_by_role("button", name="Save").click()
    expect(page.get_by_text("Use the first day of the month")).to_be_visible()
    expect(page.get_by_label("Notes")).to_have_value(
        "Started with the spring workshops."
    )

    page.get_by_label("Start date").fill("2025-01-01")
    page.get_by_role("button", name="Save").click()

    expect(
        page.get_by_text("Credits count from 1 January 2025 through 31 December 2028")
    ).to_be_visible()
    expect(
        page.get_by_text("You need 30 more credits in Library Administration")
    ).to_be_visible()
    page.get_by_role("link", name="Return to Continuing Education Home Page").click()
    expect(
        page.get_by_role(
            "link", name="Library Administrator, initial certification (2023)"
        )
    ).to_be_visible()
