"""Import catalogue events from a CSV in the format of the State Library's
catalogue file (see aspen_ce/data/README.md)."""

import csv
import datetime
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from aspen_ce.values import validate_credit_value
from events.models import DENVER, Category, Event

COLUMNS = [
    "title",
    "sponsor",
    "kind",
    "begins_on",
    "ends_on",
    "start_time",
    "end_time",
    "format",
    "location",
    "credits",
    "category",
    "source_url",
]


@dataclass
class ImportReport:
    created: list = field(default_factory=list)
    existing: list = field(default_factory=list)
    rejected: list = field(default_factory=list)

    def summary(self, dry_run=False):
        created = "would be created" if dry_run else "created"
        return (
            f"{len(self.created)} {created}, {len(self.existing)} already in the "
            f"catalogue, {len(self.rejected)} rejected"
        )


class RowError(Exception):
    pass


def _date(text, column):
    try:
        return datetime.date.fromisoformat(text.strip())
    except ValueError:
        raise RowError(
            f"{column} {text!r} is not a real date in the form YYYY-MM-DD"
        ) from None


def _time(text, column, default):
    if not text.strip():
        return default
    try:
        return datetime.time.fromisoformat(text.strip())
    except ValueError:
        raise RowError(f"{column} {text!r} is not a time (HH:MM)") from None


def event_from_row(row, categories, now):
    """An unsaved Event for one CSV row, or RowError saying why not.

    Nothing is guessed: a row without a credit value or a category is
    refused. An event still ahead is open for registration.
    """
    title = (row.get("title") or "").strip()
    if not title:
        raise RowError("the title is empty")
    if not (row.get("credits") or "").strip():
        raise RowError("no credit value is published for this event")
    category_name = (row.get("category") or "").strip()
    if not category_name:
        raise RowError("no CE category is published for this event")
    if category_name not in categories:
        raise RowError(f"unknown category {category_name!r}")
    kind = (row.get("kind") or "").strip()
    if not (row.get("sponsor") or "").strip():
        raise RowError("the sponsor is empty")
    if kind not in Event.Kind.values:
        raise RowError(f"unknown kind {kind!r}")
    try:
        credits = Decimal(row["credits"].strip())
        validate_credit_value(credits)
    except (InvalidOperation, ValidationError):
        raise RowError(f"credit value {row['credits']!r} is not valid") from None
    if not (row.get("begins_on") or "").strip():
        raise RowError("begins_on is empty")
    begins_on = _date(row["begins_on"], "begins_on")
    ends_on = _date(row["ends_on"], "ends_on") if row.get("ends_on") else begins_on
    begins_at = datetime.datetime.combine(
        begins_on,
        _time(row.get("start_time") or "", "start_time", datetime.time(0)),
        DENVER,
    )
    ends_at = datetime.datetime.combine(
        ends_on,
        _time(row.get("end_time") or "", "end_time", datetime.time(23, 59)),
        DENVER,
    )
    if ends_at < begins_at:
        raise RowError("the event ends before it begins")
    is_online = (row.get("format") or "").strip() == "online"
    return Event(
        title=title,
        sponsor=(row.get("sponsor") or "").strip(),
        kind=kind,
        begins_at=begins_at,
        ends_at=ends_at,
        is_online=is_online,
        place="" if is_online else (row.get("location") or "").strip(),
        credit_value=credits,
        category=categories[category_name],
        source_url=(row.get("source_url") or "").strip(),
        status=Event.Status.OPEN if begins_at > now else Event.Status.CLOSED,
    )


def import_events(lines, *, dry_run=False):
    """Create the catalogue events a CSV describes; a second run creates none.

    ``lines`` is an iterable of text lines. Rows are numbered as in the file,
    the header being line 1.
    """
    categories = {c.name: c for c in Category.objects.all()}
    report = ImportReport()
    reader = csv.DictReader(lines)
    missing = set(COLUMNS) - set(reader.fieldnames or [])
    if missing:
        report.rejected.append((1, "missing columns: " + ", ".join(sorted(missing))))
        return report
    now = timezone.now()
    seen = {}
    with transaction.atomic():
        for row in reader:
            line = reader.line_num
            try:
                event = event_from_row(row, categories, now)
                event.full_clean()
            except RowError as error:
                report.rejected.append((line, str(error)))
                continue
            except ValidationError as error:
                report.rejected.append((line, _messages(error)))
                continue
            key = (event.title, event.begins_at)
            if key in seen:
                report.rejected.append((line, f"the same event as line {seen[key]}"))
                continue
            seen[key] = line
            if _already_there(event):
                report.existing.append((line, event.title))
                continue
            if not dry_run:
                event.save()
            report.created.append((line, event.title))
    return report


def _already_there(event):
    return Event.objects.filter(
        title=event.title, begins_at=event.begins_at, in_catalogue=True
    ).exists()


def _messages(error):
    return "; ".join(
        f"{name}: {' '.join(texts)}" for name, texts in error.message_dict.items()
    )
