"""The sentences a person reads, compared word for word."""

from datetime import date
from decimal import Decimal as D

from tests.test_rules import (
    INITIAL_ADMIN,
    LA,
    LSP,
    RENEWAL_ADMIN,
    STAFF_2023,
    TECH,
    credit,
    credits_in,
)
from tracks import rules

NAMES = {
    "LA": "Library Administration",
    "LSP": "Library Services to the Public",
    "CMTS": "Collection Management and Technical Services",
    "TECH": "Technology",
}
TODAY = date(2026, 12, 3)


def sentence(requirements, started_on, credits, today=TODAY, applied=False):
    result = rules.progress(requirements, started_on, today, credits, applied)
    return rules.needs_sentence(result, NAMES)


def test_a_category_and_any_category_are_both_named():
    credits = credits_in((LA, 25), (TECH, 25))

    assert sentence(INITIAL_ADMIN, date(2023, 3, 1), credits) == (
        "You need 5 more credits in Library Administration and 5 more in any "
        "category by 28 February 2027."
    )


def test_one_credit_is_singular():
    credits = credits_in((LA, 5), (LSP, 5), (TECH, 4), ("CMTS", 45))

    assert sentence(STAFF_2023, date(2024, 1, 1), credits) == (
        "You need 1 more credit in Technology by 31 December 2027."
    )


def test_several_categories_are_listed_with_commas_and_and():
    credits = credits_in((LA, 5), (LSP, 2), ("CMTS", 5))

    assert sentence(STAFF_2023, date(2024, 1, 1), credits) == (
        "You need 3 more credits in Library Services to the Public, 5 more in "
        "Technology and 40 more in any category by 31 December 2027."
    )


def test_a_track_without_minimums_needs_credits_in_any_category():
    assert sentence(RENEWAL_ADMIN, date(2024, 1, 1), credits_in((LA, D("0.5")))) == (
        "You need 59.5 more credits in any category by 31 December 2027."
    )


def test_a_complete_track_invites_an_application():
    assert sentence(INITIAL_ADMIN, date(2024, 1, 1), credits_in((LA, 60))) == (
        "This track is complete. To apply for certification, contact the "
        "State Library's CE coordinator."
    )


def test_a_lapsed_track_says_when_it_closed_and_how_to_restart():
    credits = [credit(1, date(2022, 3, 1), LA, 25)]

    assert sentence(INITIAL_ADMIN, date(2021, 1, 1), credits) == (
        "This track's window closed on 31 December 2024 before the track was "
        "complete. Restart it with a new start date to count your recent credits; "
        "nothing is deleted."
    )


def test_a_complete_track_that_lapsed_says_no_application_came():
    credits = [credit(1, date(2022, 3, 1), LA, 60)]

    assert sentence(INITIAL_ADMIN, date(2021, 1, 1), credits) == (
        "This track's window closed on 31 December 2024 before you applied for "
        "certification. Restart it with a new start date to count your recent "
        "credits; nothing is deleted."
    )


def test_window_sentence_gives_the_last_day_and_the_time_left():
    result = rules.progress(INITIAL_ADMIN, date(2023, 3, 1), TODAY, [])

    assert rules.window_sentence(result) == (
        "Credits count from 1 March 2023 through 28 February 2027: 2 months and "
        "26 days left."
    )


def test_window_sentence_of_a_closed_window():
    result = rules.progress(INITIAL_ADMIN, date(2021, 1, 1), TODAY, [])

    assert rules.window_sentence(result) == (
        "Credits counted from 1 January 2021 through 31 December 2024; that window "
        "has closed."
    )


def test_warning_when_the_window_closes_within_six_months():
    credits = credits_in((LA, 40), (TECH, 10))
    result = rules.progress(INITIAL_ADMIN, date(2023, 3, 1), TODAY, credits)

    assert rules.warning_sentence(result) == (
        "Only 2 months and 26 days left: this track still needs 10 credits, and "
        "credits dated after 28 February 2027 will not count toward it."
    )


def test_no_warning_with_more_than_six_months_left():
    result = rules.progress(INITIAL_ADMIN, date(2024, 1, 1), TODAY, [])

    assert rules.warning_sentence(result) == ""


def test_restart_sentence_gives_the_earliest_first_of_the_month():
    assert rules.restart_sentence(TODAY) == (
        "To restart this track, enter a new start date below: the first day of the "
        "month in which you began collecting the credits you want to count, on "
        "1 January 2023 or later. Credits dated from the new start for 48 months "
        "will count; none of your credits is deleted. An earlier start counts more "
        "of your past credits; a later one leaves more time."
    )


def test_where_a_credit_counts_in_words():
    counted = rules.Reason.COUNTED
    split = rules.Placement(counted, D(2), D("1.5"))
    minimum = rules.Placement(counted, D(2))
    electives = rules.Placement(counted, D(0), D(3))

    assert rules.placement_text(split, "Technology") == (
        "counts: 2 toward the Technology minimum and 1.5 as electives"
    )
    assert rules.placement_text(minimum, "Technology") == (
        "counts toward the Technology minimum"
    )
    assert rules.placement_text(electives, "Technology") == "counts as electives"


def test_why_a_credit_does_not_count_in_words():
    def text(reason, denial=""):
        return rules.placement_text(rules.Placement(reason), "Technology", denial)

    assert text(rules.Reason.DENIED, "Vendor demonstrations are not eligible.") == (
        "denied: it does not count. Reason: Vendor demonstrations are not eligible."
    )
    assert text(rules.Reason.BEFORE_START) == (
        "dated before the track's start date: not counted"
    )
    assert text(rules.Reason.AFTER_WINDOW) == (
        "dated after the track's 48 months end: not counted"
    )
    assert text(rules.Reason.EXPIRED) == "expired: it is more than 48 months old"
    assert text(rules.Reason.PENDING) == "pending review: it will count once approved"
    assert text(rules.Reason.NOT_ELIGIBLE) == (
        "events you created yourself do not count on this track"
    )


def test_a_closed_window_tells_what_counted_in_the_past():
    counted = rules.Placement(rules.Reason.COUNTED, D(2), D(1))
    pending = rules.Placement(rules.Reason.PENDING)

    assert rules.placement_text(counted, "Technology", closed=True) == (
        "counted: 2 toward the Technology minimum and 1 as electives before the "
        "window closed"
    )
    assert rules.placement_text(pending, "Technology", closed=True) == (
        "pending review, but the track's window has closed: not counted"
    )


def test_a_void_credit_gives_the_reason_it_was_voided():
    void = rules.Placement(rules.Reason.VOID)

    assert rules.placement_text(void, "Technology", "Did not attend the event.") == (
        "void: it does not count. Reason: Did not attend the event."
    )
    assert rules.placement_text(void, "Technology") == "void: it does not count"
