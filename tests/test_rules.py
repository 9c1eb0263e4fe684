"""The rule module on cases worked out by hand from certification-rules.md."""

from datetime import date
from decimal import Decimal as D

from tracks import rules

LA, LSP, CMTS, TECH = "LA", "LSP", "CMTS", "TECH"
ALL = (LA, LSP, CMTS, TECH)
INITIAL_ADMIN = rules.Requirements(total=D(60), categories=ALL, minimums={LA: D(30)})
STAFF_2023 = rules.Requirements(
    total=D(60), categories=ALL, minimums={c: D(5) for c in ALL}
)
TODAY = date(2026, 12, 3)


def credit(id, on, category, value, status="approved", self_created=False):
    return rules.CreditFact(id, on, category, D(value), status, self_created)


def test_initial_administrator_with_la_25_and_technology_35_is_5_short_in_la():
    credits = [
        credit(1, date(2024, 1, 10), LA, 25),
        credit(2, date(2024, 2, 10), TECH, 35),
    ]

    result = rules.progress(INITIAL_ADMIN, date(2023, 1, 1), TODAY, credits)

    assert result.counted == D(60)
    assert result.missing_by_category == {LA: D(5)}
    assert result.missing_any == D(0)
    assert result.is_complete is False
    assert result.electives_counted == D(35)


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


def test_pending_credit_is_shown_apart_and_never_counted():
    credits = [
        credit(1, date(2024, 1, 10), LA, 4, status="pending"),
        credit(2, date(2024, 1, 11), LA, 1),
    ]

    result = rules.progress(INITIAL_ADMIN, date(2023, 1, 1), TODAY, credits)

    assert result.counted == D(1)
    assert result.pending == D(4)
    assert result.placements[1].reason is rules.Reason.PENDING


def test_denied_withdrawn_and_void_credits_count_nowhere():
    credits = [
        credit(1, date(2024, 1, 10), LA, 4, status="denied"),
        credit(2, date(2024, 1, 10), LA, 4, status="withdrawn"),
        credit(3, date(2024, 1, 10), LA, 4, status="void"),
    ]

    result = rules.progress(INITIAL_ADMIN, date(2023, 1, 1), TODAY, credits)

    assert result.counted == D(0)
    assert result.pending == D(0)


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


def test_staff_track_fills_each_minimum_then_electives():
    credits = [
        credit(1, date(2024, 1, 1), LA, 8),  # 5 to the minimum, 3 electives
        credit(2, date(2024, 1, 2), LSP, 5),
        credit(3, date(2024, 1, 3), CMTS, 5),
        credit(4, date(2024, 1, 4), TECH, 2),  # 3 short in Technology
        credit(5, date(2024, 1, 5), LSP, 30),  # all electives
    ]

    result = rules.progress(STAFF_2023, date(2023, 1, 1), TODAY, credits)

    assert result.counted == D(50)
    assert result.electives_counted == D(33)
    assert result.missing_by_category == {TECH: D(3)}
    # 60 - 50 counted = 10 still needed, 3 of them in Technology.
    assert result.missing_any == D(7)
    assert result.placements[1] == rules.Placement(rules.Reason.COUNTED, D(5), D(3))


def test_self_created_credit_does_not_count_where_the_type_says_so():
    requirements = rules.Requirements(
        total=D(15), categories=ALL, minimums={LA: D(10)}, self_created_eligible=False
    )
    credits = [credit(1, date(2024, 1, 1), LA, 3, self_created=True)]

    result = rules.progress(requirements, date(2023, 1, 1), TODAY, credits)

    assert result.counted == D(0)
    assert result.placements[1].reason is rules.Reason.NOT_ELIGIBLE


def test_needs_sentence_names_each_missing_category_and_the_last_day():
    names = {LA: "Library Administration", TECH: "Technology"}
    credits = [
        credit(1, date(2024, 1, 10), LA, 25),
        credit(2, date(2024, 1, 11), TECH, 25),
    ]

    result = rules.progress(INITIAL_ADMIN, date(2023, 3, 1), TODAY, credits)

    assert rules.needs_sentence(result, names) == (
        "You need 5 more credits in Library Administration and 5 more in any "
        "category by 28 February 2027."
    )
