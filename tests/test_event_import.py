"""Importing the State Library's catalogue CSV: each row created, found
already there, or rejected with its line number and reason."""

import datetime
import io
import zoneinfo
from decimal import Decimal

import pytest
from django.core.management import call_command

from events.importing import import_events
from events.models import Event
from tests.conftest import category

pytestmark = pytest.mark.django_db
DENVER = zoneinfo.ZoneInfo("America/Denver")

HEADER = (
    "title,sponsor,kind,begins_on,ends_on,start_time,end_time,format,location,"
    "credits,category,source_url"
)
VALID = (
    "Budget basics,Montana State Library,workshop,2025-05-14,2025-05-14,"
    "09:00,12:00,in person,Helena,3,Library Administration,https://example.org/1"
)
DUPLICATE = (
    "Weeding 101,Montana State Library,webinar,2025-05-20,2025-05-20,"
    "10:00,11:00,online,,1,Collection Management and Technical Services,"
)
BAD_DATE = (
    "June webinar,Montana State Library,webinar,2025-06-31,,10:00,11:00,"
    "online,,1,Technology,"
)
UNKNOWN_CATEGORY = (
    "Cooking for crowds,Montana State Library,workshop,2025-07-01,,,,"
    "in person,Butte,2,Cooking,"
)
NO_CREDITS = (
    "Offline Conference,Montana Library Association,retreat,2025-02-02,,,,"
    "in person,Great Falls,,,"
)
CSV = "\r\n".join([HEADER, VALID, DUPLICATE, BAD_DATE, UNKNOWN_CATEGORY, NO_CREDITS])


def existing_weeding_event():
    begins_at = datetime.datetime(2025, 5, 20, 10, tzinfo=DENVER)
    return Event.objects.create(
        title="Weeding 101",
        kind="webinar",
        sponsor="Montana State Library",
        begins_at=begins_at,
        ends_at=begins_at + datetime.timedelta(hours=1),
        credit_value=Decimal(1),
        category=category("CMTS"),
    )


def test_each_row_is_created_found_or_rejected_with_its_reason():
    existing = existing_weeding_event()

    report = import_events(io.StringIO(CSV))

    assert report.created == [(2, "Budget basics")]
    assert report.existing == [(3, "Weeding 101")]
    assert report.rejected == [
        (4, "begins_on '2025-06-31' is not a real date in the form YYYY-MM-DD"),
        (5, "unknown category 'Cooking'"),
        (6, "no credit value is published for this event"),
    ]
    assert set(Event.objects.values_list("title", flat=True)) == {
        "Budget basics",
        existing.title,
    }


def test_a_valid_row_becomes_an_event_in_montana_time():
    import_events(io.StringIO("\r\n".join([HEADER, VALID])))

    event = Event.objects.get(title="Budget basics")
    assert event.begins_at == datetime.datetime(2025, 5, 14, 9, tzinfo=DENVER)
    assert event.ends_at == datetime.datetime(2025, 5, 14, 12, tzinfo=DENVER)
    assert (event.credit_value, event.category.code, event.kind) == (
        Decimal(3),
        "LA",
        "workshop",
    )
    assert (event.is_online, event.place, event.in_catalogue) == (False, "Helena", True)
    assert event.status == "closed"  # it is over: nobody registers any more


def test_a_second_run_of_the_same_file_creates_nothing():
    import_events(io.StringIO(CSV))

    again = import_events(io.StringIO(CSV))

    assert again.created == []
    assert again.existing == [(2, "Budget basics"), (3, "Weeding 101")]
    assert Event.objects.count() == 2


def test_the_same_event_twice_in_one_file_is_rejected_the_second_time():
    report = import_events(io.StringIO("\r\n".join([HEADER, VALID, VALID])))

    assert report.created == [(2, "Budget basics")]
    assert report.rejected == [(3, "the same event as line 2")]


def test_a_credit_value_off_the_half_steps_is_rejected():
    row = VALID.replace(",3,Library", ",1.75,Library")

    report = import_events(io.StringIO("\r\n".join([HEADER, row])))

    assert report.rejected == [(2, "credit value '1.75' is not valid")]


def test_missing_columns_reject_the_file():
    report = import_events(io.StringIO("title,sponsor\r\nA,B"))

    assert report.created == []
    assert report.rejected[0][0] == 1
    assert "missing columns" in report.rejected[0][1]


def test_dry_run_lists_what_it_would_do_and_saves_nothing(tmp_path):
    existing_weeding_event()
    path = tmp_path / "catalogue.csv"
    path.write_text(CSV, encoding="utf-8")
    out = io.StringIO()

    call_command("import_events", str(path), "--dry-run", stdout=out)

    assert out.getvalue().splitlines() == [
        "line 2: would create Budget basics",
        "line 3: already in the catalogue: Weeding 101",
        "line 4: rejected, begins_on '2025-06-31' is not a real date in the form"
        " YYYY-MM-DD",
        "line 5: rejected, unknown category 'Cooking'",
        "line 6: rejected, no credit value is published for this event",
        "Dry run: 1 would be created, 1 already in the catalogue, 3 rejected",
    ]
    assert Event.objects.count() == 1


def test_the_shared_catalogue_file_imports_only_rows_with_credits_and_category():
    from django.conf import settings

    path = settings.BASE_DIR / "aspen_ce" / "data" / "msl-ce-catalogue.csv"
    with open(path, encoding="utf-8", newline="") as lines:
        report = import_events(lines)

    # The file's README: credit values are published on 8 rows, each with
    # its category; the other 23 rows are reported, never guessed.
    assert (len(report.created), len(report.rejected)) == (8, 23)


def test_a_file_that_is_not_utf8_is_refused_with_its_line_and_nothing_imported(
    tmp_path,
):
    from django.core.management.base import CommandError

    path = tmp_path / "latin1.csv"
    path.write_bytes(
        "\r\n".join([HEADER, VALID, VALID.replace("Budget", "Café budget")]).encode(
            "latin-1"
        )
    )

    with pytest.raises(CommandError) as refused:
        call_command("import_events", str(path), stdout=io.StringIO())

    assert str(refused.value) == (
        "line 3: the file is not UTF-8 text. Save it as “CSV UTF-8” and import it "
        "again; nothing was imported."
    )
    assert not Event.objects.exists()
