"""The rule module on cases worked out by hand from certification-rules.md."""

from datetime import date
from decimal import Decimal as D

from tracks import rules

LA, LSP, CMTS, TECH = "LA", "LSP", "CMTS", "TECH"
ALL = (LA, LSP, CMTS, TECH)
SPECIALIZED = frozenset({LSP, CMTS, TECH})

# The seven track types, written out from the rules file's tables.
INITIAL_ADMIN = rules.Requirements(total=D(60), categories=ALL, minimums={LA: D(30)})
RENEWAL_ADMIN = rules.Requirements(total=D(60), categories=ALL, minimums={})
STAFF_2023 = rules.Requirements(
    total=D(60), categories=ALL, minimums={c: D(5) for c in ALL}
)
TRUSTEE_2023 = rules.Requirements(total=D(15), categories=ALL, minimums={LA: D(10)})
ADMIN_2009 = rules.Requirements(
    total=D(60),
    categories=ALL,
    minimums={LA: D(20), LSP: D(10), CMTS: D(10), TECH: D(10)},
    specialization_threshold=D(20),
    specialization_categories=SPECIALIZED,
)
STAFF_2009 = rules.Requirements(
    total=D(60),
    categories=ALL,
    minimums={c: D(10) for c in ALL},
    specialization_threshold=D(20),
    specialization_categories=SPECIALIZED,
)
TRUSTEE_2009 = rules.Requirements(
    total=D(15),
    categories=ALL,
    minimums={LA: D(10)},
    specialization_threshold=D(10),
    specialization_categories=SPECIALIZED,
)
TODAY = date(2026, 12, 3)
START = date(2023, 1, 1)


def credit(id, on, category, value, status="approved", self_created=False):
    return rules.CreditFact(id, on, category, D(value), status, self_created)


def credits_in(*values):
    """One approved credit per (category, value), all inside START's window."""
    return [
        credit(n, date(2024, 1, n), category, value)
        for n, (category, value) in enumerate(values, 1)
    ]


# 2023: Library Administrator, initial certification (60, LA 30).


def test_initial_administrator_with_la_25_and_technology_35_is_5_short_in_la():
    credits = [
        credit(1, date(2024, 1, 10), LA, 25),
        credit(2, date(2024, 2, 10), TECH, 35),
    ]

    result = rules.progress(INITIAL_ADMIN, START, TODAY, credits)

    assert result.counted == D(60)
    assert result.missing_by_category == {LA: D(5)}
    assert result.missing_any == D(0)
    assert result.missing_total == D(5)
    assert result.is_complete is False
    assert result.electives_counted == D(35)
    # 55 of the 60 credits sit where the track needs them: 91%.
    assert result.percent == 91


def test_initial_administrator_with_la_30_and_30_elsewhere_is_complete():
    credits = credits_in((LA, 30), (LSP, 20), (TECH, 10))

    result = rules.progress(INITIAL_ADMIN, START, TODAY, credits)

    assert result.is_complete is True
    assert result.electives_counted == D(30)
    assert result.specializations == ()


# 2023: Library Administrator, renewal (60, no minimums).


def test_renewal_counts_every_category_as_electives():
    credits = credits_in((LA, 20), (TECH, D("39.5")))

    result = rules.progress(RENEWAL_ADMIN, START, TODAY, credits)

    assert result.requirements.electives == D(60)
    assert result.electives_counted == D("59.5")
    assert result.missing_by_category == {}
    assert result.missing_any == D("0.5")
    assert result.is_complete is False


# 2023: Library Staff (60, 5 in each category).


def test_staff_track_fills_each_minimum_then_electives():
    credits = [
        credit(1, date(2024, 1, 1), LA, 8),  # 5 to the minimum, 3 electives
        credit(2, date(2024, 1, 2), LSP, 5),
        credit(3, date(2024, 1, 3), CMTS, 5),
        credit(4, date(2024, 1, 4), TECH, 2),  # 3 short in Technology
        credit(5, date(2024, 1, 5), LSP, 30),  # all electives
    ]

    result = rules.progress(STAFF_2023, START, TODAY, credits)

    assert result.counted == D(50)
    assert result.electives_counted == D(33)
    assert result.missing_by_category == {TECH: D(3)}
    # 60 - 50 counted = 10 still needed, 3 of them in Technology.
    assert result.missing_any == D(7)
    assert result.placements[1] == rules.Placement(rules.Reason.COUNTED, D(5), D(3))


def test_staff_track_with_5_5_5_and_45_is_complete():
    credits = credits_in((LA, 5), (LSP, 5), (CMTS, 5), (TECH, 45))

    result = rules.progress(STAFF_2023, START, TODAY, credits)

    assert result.is_complete is True
    assert result.electives_counted == D(40)


# 2023: Trustee (15, LA 10).


def test_trustee_with_la_8_and_lsp_7_has_15_but_is_2_short_in_la():
    credits = credits_in((LA, 8), (LSP, 7))

    result = rules.progress(TRUSTEE_2023, START, TODAY, credits)

    assert result.counted == D(15)
    assert result.missing_by_category == {LA: D(2)}
    assert result.missing_any == D(0)
    assert result.is_complete is False


def test_trustee_with_la_10_and_technology_5_is_complete():
    result = rules.progress(TRUSTEE_2023, START, TODAY, credits_in((LA, 10), (TECH, 5)))

    assert result.is_complete is True
    assert result.specializations == ()


# 2009: Library Administrator (60: LA 20, LSP 10, CMTS 10, TECH 10; 20 earns
# a specialization outside LA).


def test_2009_administrator_with_lsp_20_earns_that_specialization():
    credits = credits_in((LA, 20), (LSP, 20), (CMTS, 10), (TECH, 10))

    result = rules.progress(ADMIN_2009, START, TODAY, credits)

    assert result.is_complete is True
    assert result.specializations == (LSP,)


def test_2009_administrator_earns_no_specialization_in_library_administration():
    credits = credits_in((LA, 30), (LSP, 10), (CMTS, 10), (TECH, 10))

    result = rules.progress(ADMIN_2009, START, TODAY, credits)

    assert result.is_complete is True
    assert result.specializations == ()


def test_2009_specialization_waits_for_a_complete_track():
    credits = credits_in((LA, 20), (LSP, 25), (CMTS, 10))

    result = rules.progress(ADMIN_2009, START, TODAY, credits)

    assert result.missing_by_category == {TECH: D(10)}
    assert result.missing_any == D(0)
    assert result.specializations == ()


# 2009: Library Staff (60, 10 in each category).


def test_2009_staff_with_20_in_two_categories_earns_two_specializations():
    credits = credits_in((LA, 10), (LSP, 10), (CMTS, 20), (TECH, D("19.5")), (TECH, 1))

    result = rules.progress(STAFF_2009, START, TODAY, credits)

    assert result.counted == D("60.5")
    assert result.is_complete is True
    assert result.specializations == (CMTS, TECH)


def test_2009_staff_with_19_5_in_a_category_earns_no_specialization():
    credits = credits_in((LA, D("20.5")), (LSP, 10), (CMTS, 10), (TECH, D("19.5")))

    result = rules.progress(STAFF_2009, START, TODAY, credits)

    assert result.is_complete is True
    assert result.specializations == ()


# 2009: Trustee (15, LA 10; 10 earns a specialization).


def test_2009_trustee_with_10_in_technology_earns_that_specialization():
    result = rules.progress(
        TRUSTEE_2009, START, TODAY, credits_in((LA, 10), (TECH, 10))
    )

    assert result.is_complete is True
    assert result.specializations == (TECH,)


def test_2009_trustee_with_15_in_library_administration_earns_none():
    result = rules.progress(TRUSTEE_2009, START, TODAY, credits_in((LA, 15)))

    assert result.is_complete is True
    assert result.electives_counted == D(5)
    assert result.specializations == ()


# The 48-month window.


def test_track_started_2020_03_01_counts_2024_02_29_and_not_2024_03_01():
    credits = [
        credit(1, date(2024, 2, 29), LA, 2),
        credit(2, date(2024, 3, 1), LA, 3),
    ]

    result = rules.progress(INITIAL_ADMIN, date(2020, 3, 1), date(2024, 2, 1), credits)

    assert result.counted == D(2)
    assert result.placements[2].reason is rules.Reason.AFTER_WINDOW
    assert result.ends_on == date(2024, 3, 1)
    assert result.last_day == date(2024, 2, 29)


def test_window_from_a_start_on_the_first_counts_the_last_day_of_february():
    credits = [
        credit(1, date(2023, 3, 1), LA, 1),  # the start date itself counts
        credit(2, date(2027, 2, 28), LA, 2),
        credit(3, date(2027, 3, 1), LA, 4),
    ]

    result = rules.progress(INITIAL_ADMIN, date(2023, 3, 1), TODAY, credits)

    assert result.counted == D(3)
    assert result.placements[3].reason is rules.Reason.AFTER_WINDOW


def test_certificate_expired_on_a_leap_day_starts_a_window_to_the_next_leap_day():
    started_on = date(2024, 2, 29)
    credits = [
        credit(1, date(2024, 2, 28), LA, 1),
        credit(2, date(2028, 2, 28), LA, 2),
        credit(3, date(2028, 2, 29), LA, 4),
    ]

    result = rules.progress(INITIAL_ADMIN, started_on, TODAY, credits)

    assert rules.start_date_errors(started_on, TODAY, started_on) == []
    assert result.ends_on == date(2028, 2, 29)
    assert result.last_day == date(2028, 2, 28)
    assert result.placements[1].reason is rules.Reason.BEFORE_START
    assert result.placements[3].reason is rules.Reason.AFTER_WINDOW
    assert result.counted == D(2)


def test_window_from_the_31st_ends_on_the_31st_48_months_later():
    assert rules.window_end(date(2021, 1, 31)) == date(2025, 1, 31)
    assert rules.add_months(date(2021, 3, 31), -1) == date(2021, 2, 28)


def test_credit_before_start_is_not_gathered():
    result = rules.progress(
        INITIAL_ADMIN, date(2023, 6, 1), TODAY, [credit(1, date(2023, 5, 31), LA, 2)]
    )

    assert result.counted == D(0)
    assert result.placements[1].reason is rules.Reason.BEFORE_START


def test_credit_older_than_48_months_has_expired():
    # 48 months before 3 December 2026 is 3 December 2022.
    result = rules.progress(
        INITIAL_ADMIN, date(2023, 1, 1), TODAY, [credit(1, date(2022, 12, 2), LA, 2)]
    )

    assert result.placements[1].reason is rules.Reason.EXPIRED
    assert rules.has_expired(date(2022, 12, 2), TODAY) is True
    assert rules.has_expired(date(2022, 12, 3), TODAY) is False


def test_earliest_first_of_the_month_start():
    assert rules.earliest_first_of_month(TODAY) == date(2023, 1, 1)
    assert rules.earliest_first_of_month(date(2026, 12, 1)) == date(2022, 12, 1)


# Status and eligibility.


def test_pending_credit_is_shown_apart_and_never_counted():
    credits = [
        credit(1, date(2024, 1, 10), LA, 4, status="pending"),
        credit(2, date(2024, 1, 11), LA, 1),
    ]

    result = rules.progress(INITIAL_ADMIN, START, TODAY, credits)

    assert result.counted == D(1)
    assert result.pending == D(4)
    assert result.placements[1].reason is rules.Reason.PENDING


def test_denied_withdrawn_and_void_credits_count_nowhere():
    credits = [
        credit(1, date(2024, 1, 10), LA, 4, status="denied"),
        credit(2, date(2024, 1, 10), LA, 4, status="withdrawn"),
        credit(3, date(2024, 1, 10), LA, 4, status="void"),
    ]

    result = rules.progress(INITIAL_ADMIN, START, TODAY, credits)

    assert result.counted == D(0)
    assert result.pending == D(0)


def test_a_denied_credit_says_denied_even_before_the_start():
    credits = [credit(1, date(2022, 12, 31), LA, 4, status="denied")]

    result = rules.progress(INITIAL_ADMIN, START, TODAY, credits)

    assert result.placements[1].reason is rules.Reason.DENIED


def test_a_pending_credit_after_the_window_is_not_pending_on_that_track():
    credits = [credit(1, date(2027, 1, 5), LA, 4, status="pending")]

    result = rules.progress(INITIAL_ADMIN, START, TODAY, credits)

    assert result.placements[1].reason is rules.Reason.AFTER_WINDOW
    assert result.pending == D(0)


def test_self_created_credit_does_not_count_where_the_type_says_so():
    requirements = rules.Requirements(
        total=D(15), categories=ALL, minimums={LA: D(10)}, self_created_eligible=False
    )
    credits = [
        credit(1, date(2024, 1, 1), LA, 3, self_created=True),
        credit(2, date(2024, 1, 2), LA, 2, status="pending", self_created=True),
    ]

    result = rules.progress(requirements, START, TODAY, credits)

    assert result.counted == D(0)
    assert result.pending == D(0)
    assert result.placements[1].reason is rules.Reason.NOT_ELIGIBLE
    assert result.placements[2].reason is rules.Reason.NOT_ELIGIBLE


def test_self_created_credit_counts_where_the_type_allows_it():
    credits = [credit(1, date(2024, 1, 1), LA, 3, self_created=True)]

    result = rules.progress(TRUSTEE_2023, START, TODAY, credits)

    assert result.counted == D(3)


def test_self_created_credits_stop_counting_from_the_cut_off_day():
    # As from 1 July 2026 (ARM 10.102.1160(6)(c)), if the State Library sets it.
    requirements = rules.Requirements(
        total=D(15),
        categories=ALL,
        minimums={LA: D(10)},
        self_created_until=date(2026, 7, 1),
    )
    credits = [
        credit(1, date(2026, 6, 30), LA, 3, self_created=True),
        credit(2, date(2026, 7, 1), LA, 2, self_created=True),
        credit(3, date(2026, 7, 1), LA, 1),  # a catalogue event still counts
    ]

    result = rules.progress(requirements, START, TODAY, credits)

    assert result.counted == D(4)
    assert result.placements[2].reason is rules.Reason.NOT_ELIGIBLE


# Several tracks, lapsed tracks, restarts.


def test_two_tracks_share_a_credit_and_the_person_total_counts_it_once():
    shared = credit(1, date(2025, 1, 10), LA, 3)

    staff = rules.progress(STAFF_2023, date(2024, 1, 1), TODAY, [shared])
    trustee = rules.progress(TRUSTEE_2023, date(2025, 1, 1), TODAY, [shared])
    totals = rules.totals([shared, shared], TODAY)

    assert staff.placements[1] == rules.Placement(rules.Reason.COUNTED, D(3), D(0))
    assert trustee.placements[1] == rules.Placement(rules.Reason.COUNTED, D(3), D(0))
    assert (staff.counted, trustee.counted) == (D(3), D(3))
    assert totals == rules.Totals(approved=D(3), pending=D(0), expired=D(0))


def test_person_totals_keep_expired_and_pending_apart():
    credits = [
        credit(1, date(2022, 12, 2), LA, 2),  # expired on 3 December 2026
        credit(2, date(2025, 1, 1), LA, D("1.5")),
        credit(3, date(2025, 1, 2), TECH, 4, status="pending"),
        credit(4, date(2025, 1, 3), TECH, 9, status="denied"),
    ]

    assert rules.totals(credits, TODAY) == rules.Totals(D("1.5"), D(4), D(2))


def test_track_whose_window_ended_without_application_has_lapsed():
    result = rules.progress(INITIAL_ADMIN, date(2021, 1, 1), TODAY, [])
    applied = rules.progress(INITIAL_ADMIN, date(2021, 1, 1), TODAY, [], True)

    assert result.is_lapsed is True
    assert applied.is_window_closed is True
    assert applied.is_lapsed is False


def test_lapsed_track_restarted_counts_the_credits_of_the_new_window():
    credits = [
        credit(1, date(2022, 6, 1), LA, 10),  # in the old window; expired now
        credit(2, date(2025, 6, 1), LA, 5),  # after the old window
    ]

    old = rules.progress(INITIAL_ADMIN, date(2021, 1, 1), TODAY, credits)
    new = rules.progress(INITIAL_ADMIN, date(2023, 1, 1), TODAY, credits)

    assert old.is_lapsed is True
    assert old.counted == D(10)
    assert old.placements[2].reason is rules.Reason.AFTER_WINDOW
    assert new.is_lapsed is False
    assert new.counted == D(5)
    assert new.placements[1].reason is rules.Reason.EXPIRED


# Time left and the six-month warning.


def test_time_left_in_calendar_months_and_days():
    assert rules.time_left(TODAY, date(2027, 3, 1)) == (0, 2, 26)
    assert rules.time_left(TODAY, date(2029, 1, 1)) == (2, 0, 29)
    assert rules.time_left(date(2027, 2, 28), date(2027, 3, 1)) == (0, 0, 1)


def test_warning_starts_six_months_before_the_window_closes():
    start = date(2023, 3, 1)  # closes 1 March 2027; warn from 1 September 2026

    before = rules.progress(INITIAL_ADMIN, start, date(2026, 8, 31), [])
    from_then = rules.progress(INITIAL_ADMIN, start, date(2026, 9, 1), [])
    done = rules.progress(INITIAL_ADMIN, start, date(2026, 9, 1), credits_in((LA, 60)))

    assert before.closes_soon is False
    assert from_then.closes_soon is True
    assert done.closes_soon is False


def test_credits_given_in_any_order_give_the_same_progress():
    credits = credits_in((LA, 20), (LA, 15), (TECH, 5))

    forward = rules.progress(INITIAL_ADMIN, START, TODAY, credits)
    backward = rules.progress(INITIAL_ADMIN, START, TODAY, credits[::-1])

    assert forward == backward
    assert forward.placements[2] == rules.Placement(rules.Reason.COUNTED, D(10), D(5))
