"""Properties of the rule service that hold for any credits (hypothesis)."""

from dataclasses import replace
from datetime import date, timedelta
from decimal import Decimal

from hypothesis import given, settings
from hypothesis import strategies as st

from tests.test_rules import (
    ADMIN_2009,
    ALL,
    INITIAL_ADMIN,
    RENEWAL_ADMIN,
    STAFF_2009,
    STAFF_2023,
    TRUSTEE_2009,
    TRUSTEE_2023,
)
from tracks import rules

TRACK_TYPES = [
    INITIAL_ADMIN,
    RENEWAL_ADMIN,
    STAFF_2023,
    TRUSTEE_2023,
    ADMIN_2009,
    STAFF_2009,
    TRUSTEE_2009,
]
STATUSES = ["approved", "approved", "pending", "denied", "withdrawn", "void"]
HALVES = st.integers(min_value=1, max_value=60).map(lambda n: Decimal(n) / 2)

requirements = st.one_of(
    st.sampled_from(TRACK_TYPES),
    st.builds(
        lambda minimums, electives, eligible, until: rules.Requirements(
            total=sum(minimums.values(), Decimal(0)) + electives,
            categories=ALL,
            minimums=minimums,
            self_created_eligible=eligible,
            self_created_until=until,
        ),
        st.dictionaries(st.sampled_from(ALL), HALVES, max_size=4),
        st.integers(min_value=0, max_value=40).map(Decimal),
        st.booleans(),
        st.none() | st.dates(date(2018, 1, 1), date(2031, 1, 1)),
    ),
)
starts = st.dates(date(2018, 1, 1), date(2026, 1, 1)).map(lambda d: d.replace(day=1))
offsets = st.integers(min_value=-400, max_value=48 * 31 + 400)


@st.composite
def cases(draw, min_credits=0):
    started_on = draw(starts)
    today = started_on + timedelta(days=draw(st.integers(0, 60 * 31)))
    facts = draw(
        st.lists(
            st.builds(
                lambda offset, category, value, status, mine: (
                    started_on + timedelta(days=offset),
                    category,
                    value,
                    status,
                    mine,
                ),
                offsets,
                st.sampled_from(ALL),
                st.integers(min_value=1, max_value=40).map(lambda n: Decimal(n) / 2),
                st.sampled_from(STATUSES),
                st.booleans(),
            ),
            min_size=min_credits,
            max_size=30,
        )
    )
    credits = [rules.CreditFact(n, *fact) for n, fact in enumerate(facts)]
    return draw(requirements), started_on, today, credits


def figures(result):
    """Every figure a page shows that approving a credit must never lower."""
    per_category = [(c.counted, c.toward_minimum, c.surplus) for c in result.categories]
    return (result.counted, result.electives_counted, result.done, per_category)


def not_lower(after, before):
    if isinstance(before, list):
        return all(not_lower(a, b) for a, b in zip(after, before, strict=True))
    if isinstance(before, tuple):
        return all(not_lower(a, b) for a, b in zip(after, before, strict=True))
    return after >= before


@settings(max_examples=200, deadline=None)
@given(cases())
def test_counted_total_is_the_sum_of_what_each_category_contributes(case):
    requirements, started_on, today, credits = case

    result = rules.progress(requirements, started_on, today, credits)

    placed = [p for p in result.placements.values() if p.counts]
    by_value = sum((c.value for c in credits if result.placements[c.id].counts), 0)
    assert result.counted == sum((c.counted for c in result.categories), 0)
    assert result.counted == by_value
    assert result.counted == sum(
        (c.toward_minimum + c.surplus for c in result.categories), 0
    )
    assert result.electives_counted == sum((p.toward_electives for p in placed), 0)
    assert all(p.toward_minimum + p.toward_electives > 0 for p in placed)


@settings(max_examples=200, deadline=None)
@given(cases())
def test_complete_exactly_when_every_minimum_is_met_and_the_total_reached(case):
    requirements, started_on, today, credits = case
    end = rules.window_end(started_on)
    # An oracle written straight from the rules file, apart from the module.
    counting = [
        c
        for c in credits
        if c.status == "approved"
        and started_on <= c.earned_on < end
        and not (c.self_created and not requirements.self_created_eligible)
        and not (
            c.self_created
            and requirements.self_created_until is not None
            and c.earned_on >= requirements.self_created_until
        )
        and not (today < end and rules.has_expired(c.earned_on, today))
    ]
    in_category = {k: sum(c.value for c in counting if c.category == k) for k in ALL}

    result = rules.progress(requirements, started_on, today, credits)

    minimums_met = all(
        in_category[k] >= minimum for k, minimum in requirements.minimums.items()
    )
    total_reached = sum(in_category.values()) >= requirements.total
    assert result.is_complete is (minimums_met and total_reached)
    assert result.counted == sum(in_category.values())


@settings(max_examples=200, deadline=None)
@given(cases(min_credits=1), st.data())
def test_approving_one_more_credit_never_lowers_any_figure(case, data):
    requirements, started_on, today, credits = case
    index = data.draw(st.integers(0, len(credits) - 1))
    approved = [*credits]
    approved[index] = replace(credits[index], status="approved")

    before = rules.progress(requirements, started_on, today, credits)
    after = rules.progress(requirements, started_on, today, approved)

    assert not_lower(figures(after), figures(before))
    assert after.missing_total <= before.missing_total
    assert after.is_complete or not before.is_complete
    assert set(after.specializations) >= set(before.specializations)


@settings(max_examples=200, deadline=None)
@given(cases(), offsets, st.sampled_from(ALL), HALVES, st.sampled_from(STATUSES[2:]))
def test_a_pending_or_denied_credit_never_changes_a_counted_figure(
    case, offset, category, value, status
):
    requirements, started_on, today, credits = case
    extra = rules.CreditFact(
        "extra", started_on + timedelta(days=offset), category, value, status
    )

    before = rules.progress(requirements, started_on, today, credits)
    after = rules.progress(requirements, started_on, today, [*credits, extra])

    assert figures(after) == figures(before)
    assert after.is_complete is before.is_complete
    assert after.specializations == before.specializations
    assert {k: p for k, p in after.placements.items() if k != "extra"} == (
        before.placements
    )
    assert not after.placements["extra"].counts


@settings(max_examples=200, deadline=None)
@given(cases(), st.randoms(use_true_random=False))
def test_the_result_does_not_depend_on_the_order_of_the_credits(case, rng):
    requirements, started_on, today, credits = case
    shuffled = [*credits]
    rng.shuffle(shuffled)

    assert rules.progress(requirements, started_on, today, shuffled) == (
        rules.progress(requirements, started_on, today, credits)
    )


@settings(max_examples=200, deadline=None)
@given(cases())
def test_a_counted_credit_always_lies_inside_the_window(case):
    requirements, started_on, today, credits = case

    result = rules.progress(requirements, started_on, today, credits)

    for credit in credits:
        if result.placements[credit.id].counts:
            assert started_on <= credit.earned_on < result.ends_on
            assert credit.status == "approved"
