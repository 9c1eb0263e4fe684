"""The certification rules of shared/domain/certification-rules.md.

Plain values in, plain values out: nothing here imports Django or the
project, so the rules can be tested and timed on their own. Pages turn model
rows into ``Requirements`` and ``CreditFact`` values, call ``progress()`` and
render what it returns.
"""

import calendar
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date, timedelta
from decimal import Decimal
from enum import StrEnum

WINDOW_MONTHS = 48
WARNING_MONTHS = 6
ZERO = Decimal(0)
APPROVED = "approved"


def add_months(day, months):
    """Move ``day`` by calendar months, keeping the day where the month has it.

    A day the target month lacks becomes that month's last day, so 31 March
    minus one month is 28 (or 29) February.
    """
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    last_day = calendar.monthrange(year, month + 1)[1]
    return date(year, month + 1, min(day.day, last_day))


def window_end(started_on):
    """The first day that no longer counts: 48 calendar months after the start."""
    return add_months(started_on, WINDOW_MONTHS)


def earliest_start(today):
    """The earliest start date a track may be given on ``today``."""
    return add_months(today, -WINDOW_MONTHS)


def earliest_first_of_month(today):
    """The earliest first of a month that is a valid start date on ``today``."""
    earliest = earliest_start(today)
    if earliest.day == 1:
        return earliest
    return add_months(earliest.replace(day=1), 1)


def has_expired(earned_on, today):
    """A credit dated more than 48 months before today has expired."""
    return earned_on < earliest_start(today)


def start_date_errors(started_on, today, last_certificate_expired_on=None):
    """Why ``started_on`` is not a valid start date, as sentences (none if valid).

    A start date is the first of a month, or the day the person's last
    certificate expired; it is never in the future and never more than 48
    months before today.
    """
    errors = []
    if started_on > today:
        errors.append("The start date cannot be in the future.")
    elif started_on < earliest_start(today):
        errors.append(
            "The start date cannot be more than 48 months ago: credits older than "
            "that have expired. The earliest start today is "
            f"{long_date(earliest_first_of_month(today))}, or the day your last "
            f"certificate expired if that was on or after "
            f"{long_date(earliest_start(today))}."
        )
    if started_on.day != 1 and started_on != last_certificate_expired_on:
        errors.append(
            "Use the first day of the month in which you began collecting credits, "
            "or the date your last certificate expired."
        )
    return errors


def percent(part, whole):
    """How much of ``whole`` is met, as a whole percentage from 0 to 100."""
    if whole <= 0:
        return 100
    return int(min(max(part, ZERO), whole) * 100 / whole)


def time_left(today, ends_on):
    """Whole years, months and days from ``today`` up to ``ends_on``."""
    months = (ends_on.year - today.year) * 12 + ends_on.month - today.month
    if add_months(today, months) > ends_on:
        months -= 1
    days = (ends_on - add_months(today, months)).days
    return months // 12, months % 12, days


class Reason(StrEnum):
    """Where a credit stands in one track, and why."""

    COUNTED = "counted"
    PENDING = "pending"
    DENIED = "denied"
    WITHDRAWN = "withdrawn"
    VOID = "void"
    BEFORE_START = "before start"
    AFTER_WINDOW = "after window"
    EXPIRED = "expired"
    NOT_ELIGIBLE = "not eligible"


# Statuses that keep a credit out of every track, whatever its date.
CLOSED_STATUSES = {
    "denied": Reason.DENIED,
    "withdrawn": Reason.WITHDRAWN,
    "void": Reason.VOID,
}


@dataclass(frozen=True)
class Requirements:
    """What a track type asks for; category keys are whatever the caller uses."""

    total: Decimal
    categories: tuple
    minimums: dict = field(default_factory=dict)
    specialization_threshold: Decimal | None = None
    specialization_categories: frozenset = frozenset()
    self_created_eligible: bool = True
    self_created_until: date | None = None

    @property
    def electives(self):
        """The balance of the total that any category may fill."""
        return max(self.total - sum(self.minimums.values(), ZERO), ZERO)


@dataclass(frozen=True)
class CreditFact:
    """One credit as the rules see it; ``status`` is the credit's status code."""

    id: object
    earned_on: date
    category: object
    value: Decimal
    status: str
    self_created: bool = False


@dataclass(frozen=True)
class Placement:
    """Where one credit went in one track: its minimum, its electives, or why not."""

    reason: Reason
    toward_minimum: Decimal = ZERO
    toward_electives: Decimal = ZERO

    @property
    def counts(self):
        return self.reason is Reason.COUNTED


@dataclass(frozen=True)
class CategoryProgress:
    category: object
    minimum: Decimal
    counted: Decimal
    pending: Decimal

    @property
    def toward_minimum(self):
        return min(self.counted, self.minimum)

    @property
    def surplus(self):
        """Counted credits above the minimum: they count as electives."""
        return self.counted - self.toward_minimum

    @property
    def missing(self):
        return self.minimum - self.toward_minimum

    @property
    def percent(self):
        return percent(self.toward_minimum, self.minimum)


@dataclass(frozen=True)
class Progress:
    requirements: Requirements
    started_on: date
    ends_on: date
    today: date
    categories: tuple
    placements: dict
    has_applied: bool = False

    @property
    def counted(self):
        """Every counted credit, minimums and electives alike."""
        return sum((c.counted for c in self.categories), ZERO)

    @property
    def pending(self):
        return sum((c.pending for c in self.categories), ZERO)

    @property
    def electives_counted(self):
        """Credits above the category minimums, which count as electives."""
        return sum((c.surplus for c in self.categories), ZERO)

    @property
    def electives_missing(self):
        return max(self.requirements.electives - self.electives_counted, ZERO)

    @property
    def electives_percent(self):
        return percent(self.electives_counted, self.requirements.electives)

    @property
    def missing_by_category(self):
        return {c.category: c.missing for c in self.categories if c.missing}

    @property
    def missing_any(self):
        """Credits still needed in any category once the minimums are met."""
        in_categories = sum(self.missing_by_category.values(), ZERO)
        return max(self.requirements.total - self.counted - in_categories, ZERO)

    @property
    def missing_total(self):
        return sum(self.missing_by_category.values(), ZERO) + self.missing_any

    @property
    def done(self):
        """The part of the total already earned where the track needs it."""
        return self.requirements.total - self.missing_total

    @property
    def percent(self):
        """How far the track is to complete; counted credits above what a
        category or the electives can use do not move it."""
        return percent(self.done, self.requirements.total)

    @property
    def is_complete(self):
        return self.missing_total == ZERO

    @property
    def is_window_closed(self):
        """The window has ended: nothing dated today or later counts."""
        return self.today >= self.ends_on

    @property
    def is_lapsed(self):
        """The window ended without an application for certification."""
        return self.is_window_closed and not self.has_applied

    @property
    def last_day(self):
        return self.ends_on - timedelta(days=1)

    @property
    def time_left(self):
        """(years, months, days) until the window closes; zeros once closed."""
        if self.is_window_closed:
            return (0, 0, 0)
        return time_left(self.today, self.ends_on)

    @property
    def closes_soon(self):
        """Credits are missing and the window closes within six months."""
        warn_from = add_months(self.ends_on, -WARNING_MONTHS)
        return not self.is_complete and warn_from <= self.today < self.ends_on

    @property
    def specializations(self):
        """Categories that earn a specialization; only a complete track earns any."""
        threshold = self.requirements.specialization_threshold
        if threshold is None or not self.is_complete:
            return ()
        return tuple(
            c.category
            for c in self.categories
            if c.category in self.requirements.specialization_categories
            and c.counted >= threshold
        )


def place(credit, requirements, started_on, today):
    """The reason one credit does or does not count toward a track, before sums.

    A denied, withdrawn or void credit counts nowhere, whatever its date; then
    the date decides (before the start, after the window, expired); then
    whether the track type accepts events people created themselves (at all,
    or only those dated before a given day); then whether the credit is
    approved yet.
    """
    return _Window(started_on, today).place(credit, requirements)


def _self_created_counts(credit, requirements):
    until = requirements.self_created_until
    if until is not None and credit.earned_on >= until:
        return False
    return requirements.self_created_eligible


class _Window:
    """A track's window on one day; its dates are worked out once, not per
    credit, as a person may have hundreds of credits."""

    def __init__(self, started_on, today):
        self.started_on = started_on
        self.today = today
        self.ends_on = window_end(started_on)
        self.expired_before = earliest_start(today)

    def place(self, credit, requirements):
        if credit.status in CLOSED_STATUSES:
            return CLOSED_STATUSES[credit.status]
        expired = credit.earned_on < self.expired_before
        if credit.earned_on < self.started_on:
            return Reason.EXPIRED if expired else Reason.BEFORE_START
        if credit.earned_on >= self.ends_on:
            return Reason.AFTER_WINDOW
        if expired and self.today < self.ends_on:
            return Reason.EXPIRED
        if credit.self_created and not _self_created_counts(credit, requirements):
            return Reason.NOT_ELIGIBLE
        if credit.status == APPROVED:
            return Reason.COUNTED
        return Reason.PENDING


def progress(requirements, started_on, today, credits, has_applied=False):
    """A track's progress on ``today`` from the person's credits.

    Only approved credits dated inside the window count; pending ones inside
    it are summed apart. Within a category, credits fill the minimum in date
    order and the rest are electives, so the result does not depend on the
    order in which the credits are given. ``has_applied`` tells that an
    application was submitted, so a closed window has not lapsed.
    """
    counted = defaultdict(lambda: ZERO)
    pending = defaultdict(lambda: ZERO)
    placements = {}
    window = _Window(started_on, today)
    for credit in sorted(credits, key=lambda c: (c.earned_on, str(c.id))):
        reason = window.place(credit, requirements)
        if reason is Reason.PENDING:
            pending[credit.category] += credit.value
        if reason is not Reason.COUNTED:
            placements[credit.id] = Placement(reason)
            continue
        minimum = requirements.minimums.get(credit.category, ZERO)
        room = max(minimum - counted[credit.category], ZERO)
        toward_minimum = min(room, credit.value)
        counted[credit.category] += credit.value
        placements[credit.id] = Placement(
            reason, toward_minimum, credit.value - toward_minimum
        )

    keys = list(requirements.categories)
    keys += [key for key in requirements.minimums if key not in keys]
    keys += [key for key in (*counted, *pending) if key not in keys]
    categories = tuple(
        CategoryProgress(
            category=key,
            minimum=requirements.minimums.get(key, ZERO),
            counted=counted[key],
            pending=pending[key],
        )
        for key in keys
    )
    return Progress(
        requirements=requirements,
        started_on=started_on,
        ends_on=window.ends_on,
        today=today,
        categories=categories,
        placements=placements,
        has_applied=has_applied,
    )


@dataclass(frozen=True)
class Totals:
    """A person's credits summed once each, whatever their tracks."""

    approved: Decimal
    pending: Decimal
    expired: Decimal


def totals(credits, today):
    """Approved (still valid), pending and expired credits, each counted once."""
    once = {credit.id: credit for credit in credits}.values()
    sums = defaultdict(lambda: ZERO)
    for credit in once:
        if credit.status == APPROVED and has_expired(credit.earned_on, today):
            sums["expired"] += credit.value
        elif credit.status in (APPROVED, "pending"):
            sums[credit.status] += credit.value
    return Totals(sums[APPROVED], sums["pending"], sums["expired"])


# The words the pages use.


def credits_text(value):
    """2 -> "2", 2.50 -> "2.5": credit figures as people write them."""
    return f"{Decimal(value).normalize():f}"


def credits_noun(value):
    """A figure with its noun: "1 credit", "0.5 credits", "2 credits"."""
    return f"{credits_text(value)} credit{'' if value == 1 else 's'}"


def long_date(day):
    return f"{day.day} {day:%B %Y}"


def join_words(parts, last="and"):
    """["a"] -> "a"; ["a", "b", "c"] -> "a, b and c" (or "a, b or c")."""
    if len(parts) == 1:
        return parts[0]
    return ", ".join(parts[:-1]) + f" {last} " + parts[-1]


def time_left_text(result):
    """ "2 years, 3 months and 5 days", or "" once the window has closed."""
    units = zip(result.time_left, ("year", "month", "day"), strict=True)
    parts = [f"{n} {unit}{'' if n == 1 else 's'}" for n, unit in units if n]
    return join_words(parts) if parts else ""


def window_sentence(result):
    """When the track's credits count, and how long is left."""
    span = f"{long_date(result.started_on)} through {long_date(result.last_day)}"
    if result.is_window_closed:
        return f"Credits counted from {span}; that window has closed."
    return f"Credits count from {span}: {time_left_text(result)} left."


def missing_text(result, names):
    """ "5 more credits in Library Administration and 10 more in any category"."""
    needs = [
        (missing, names[key]) for key, missing in result.missing_by_category.items()
    ]
    if result.missing_any:
        needs.append((result.missing_any, "any category"))
    parts = [f"{credits_text(missing)} more in {where}" for missing, where in needs]
    noun = "credit" if needs[0][0] == 1 else "credits"
    parts[0] = parts[0].replace(" more", f" more {noun}", 1)
    return join_words(parts)


def needs_sentence(result, names):
    """One plain sentence of what the track still needs; ``names`` maps keys."""
    if result.is_lapsed:
        closed = f"This track's window closed on {long_date(result.last_day)}"
        restart = (
            "Restart it with a new start date to count your recent credits; "
            "nothing is deleted."
        )
        if result.is_complete:
            return f"{closed} before you applied for certification. {restart}"
        return f"{closed} before the track was complete. {restart}"
    if result.is_complete:
        return (
            "This track is complete. To apply for certification, contact the "
            "State Library's CE coordinator."
        )
    return f"You need {missing_text(result, names)} by {long_date(result.last_day)}."


def warning_sentence(result):
    """A warning when the window closes within six months and credits are
    missing; "" otherwise."""
    if not result.closes_soon:
        return ""
    return (
        f"Only {time_left_text(result)} left: this track still needs "
        f"{credits_noun(result.missing_total)}, and credits dated after "
        f"{long_date(result.last_day)} will not count toward it."
    )


def restart_sentence(today):
    """How to restart a lapsed track, with the earliest start allowed today."""
    return (
        "To restart this track, enter a new start date below: the first day of "
        "the month in which you began collecting the credits you want to count, "
        f"on {long_date(earliest_first_of_month(today))} or later. Credits dated "
        "from the new start for 48 months will count; none of your credits is "
        "deleted. An earlier start counts more of your past credits; a later one "
        "leaves more time."
    )


REASON_TEXTS = {
    Reason.PENDING: "pending review: it will count once approved",
    Reason.DENIED: "denied: it does not count",
    Reason.WITHDRAWN: "withdrawn: it does not count",
    Reason.VOID: "void: it does not count",
    Reason.BEFORE_START: "dated before the track's start date: not counted",
    Reason.AFTER_WINDOW: "dated after the track's 48 months end: not counted",
    Reason.EXPIRED: "expired: it is more than 48 months old",
    Reason.NOT_ELIGIBLE: "events you created yourself do not count on this track",
}


def placement_text(placement, category_name, decision_reason="", closed=False):
    """Where a credit counts in one track, or why it does not, in a phrase.

    ``decision_reason`` is the reason given for a denial or a void (a missed
    event). ``closed`` tells that the track's window has closed: what counted
    is then told in the past, and a pending credit can no longer count there.
    """
    if placement.reason in (Reason.DENIED, Reason.VOID) and decision_reason:
        return f"{REASON_TEXTS[placement.reason]}. Reason: {decision_reason}"
    if placement.reason is Reason.PENDING and closed:
        return "pending review, but the track's window has closed: not counted"
    if not placement.counts:
        return REASON_TEXTS[placement.reason]
    verb, until = ("counted", " before the window closed") if closed else ("counts", "")
    minimum, electives = placement.toward_minimum, placement.toward_electives
    if minimum and electives:
        return (
            f"{verb}: {credits_text(minimum)} toward the {category_name} minimum "
            f"and {credits_text(electives)} as electives{until}"
        )
    if minimum:
        return f"{verb} toward the {category_name} minimum{until}"
    return f"{verb} as electives{until}"
