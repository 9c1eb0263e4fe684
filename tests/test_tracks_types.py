"""The shipped track types are the rules file's tables, as data."""

import pytest
from django.db import IntegrityError, transaction

from events.models import Category
from tests import test_rules
from tests.conftest import track_type
from tracks import selectors
from tracks.models import TrackType

SHIPPED = [
    ("Library Administrator, initial certification", 2023, test_rules.INITIAL_ADMIN),
    ("Library Administrator, renewal", 2023, test_rules.RENEWAL_ADMIN),
    ("Library Staff", 2023, test_rules.STAFF_2023),
    ("Trustee", 2023, test_rules.TRUSTEE_2023),
    ("Library Administrator", 2009, test_rules.ADMIN_2009),
    ("Library Staff", 2009, test_rules.STAFF_2009),
    ("Trustee", 2009, test_rules.TRUSTEE_2009),
]


@pytest.mark.django_db
@pytest.mark.parametrize(("name", "program", "expected"), SHIPPED)
def test_shipped_track_type_matches_the_rules_file(name, program, expected):
    categories = list(Category.objects.order_by("position"))
    codes = {c.pk: c.code for c in categories}

    got = selectors.requirements_of(track_type(name, program), categories)

    assert got.total == expected.total
    assert {codes[k]: v for k, v in got.minimums.items()} == expected.minimums
    assert got.electives == expected.electives
    assert got.specialization_threshold == expected.specialization_threshold
    if got.specialization_threshold is not None:
        assert {codes[k] for k in got.specialization_categories} == (
            expected.specialization_categories
        )


@pytest.mark.django_db
def test_only_the_2023_program_is_offered_for_new_tracks():
    active = TrackType.objects.filter(is_active=True)

    assert set(active.values_list("program", flat=True)) == {2023}
    assert active.count() == 4


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("field", "value"), [("total_required", 0), ("specialization_threshold", -1)]
)
def test_database_refuses_a_track_type_total_or_threshold_below_one(field, value):
    fields = {"name": "Broken", "program": 2030, "audience": "staff"}
    fields["total_required"] = 60
    fields[field] = value

    with pytest.raises(IntegrityError), transaction.atomic():
        TrackType.objects.create(**fields)
