"""Credit helpers and the checks shown before a person saves an activity.

Plain values in, sentences out; the forms feed them what the person typed and
what the database holds.
"""

import datetime
from decimal import Decimal

from credits.selectors import WINDOW_MONTHS, add_months

SEMESTER_FACTOR = Decimal(4)
QUARTER_FACTOR = Decimal(2)
PRESENTING_FACTOR = Decimal(2)
PRESENTATIONS_PER_WINDOW = 2


def number(value):
    """``Decimal("3.0")`` as "3", ``Decimal("1.50")`` as "1.5"."""
    return f"{Decimal(value).normalize():f}"


def long_date(day):
    return f"{day.day} {day:%B %Y}"


def college_credits(*, semester=None, quarter=None):
    """CE credits of a college course and the sentence that explains them."""
    if semester:
        value = semester * SEMESTER_FACTOR
        return value, (
            f"{number(semester)} semester credits × 4 = {number(value)} CE credits."
        )
    value = quarter * QUARTER_FACTOR
    return value, f"{number(quarter)} quarter credits × 2 = {number(value)} CE credits."


def presenting_credits(hours):
    value = hours * PRESENTING_FACTOR
    return value, (
        f"A {number(hours)}-hour workshop presented × 2 = {number(value)} CE credits."
    )


def lookback_window(day):
    """The 48 months that end on ``day``: (first day in, first day out)."""
    return add_months(day, -WINDOW_MONTHS) + datetime.timedelta(days=1), (
        day + datetime.timedelta(days=1)
    )


def presenter_limit_refusal(*, topic, day, earlier, windows):
    """Why one more presenter credit for ``topic`` on ``day`` is refused, or None.

    ``earlier`` holds the dates of the person's standing presenter credits for
    the topic; ``windows`` the (start, end) of their open tracks. Each open
    window that contains ``day`` is checked; with none, the 48 months ending
    on ``day`` stand in for the track window the credit would later join.
    """
    containing = [(start, end) for start, end in windows if start <= day < end]
    for start, end in containing or [lookback_window(day)]:
        inside = [other for other in earlier if start <= other < end]
        if len(inside) >= PRESENTATIONS_PER_WINDOW:
            dates = " and ".join(long_date(other) for other in sorted(inside))
            return (
                f"You already have two presenter credits for “{topic}” in this "
                f"4-year window ({dates}). The rules allow presenter credit for "
                "one topic at most twice in one track window; attending or "
                "another topic still earns credit."
            )
    return None


def window_warning(day, windows):
    """A warning when ``day`` falls outside every open track window."""
    if not windows or any(start <= day < end for start, end in windows):
        return None
    return (
        f"The activity ended on {long_date(day)}, outside the window of every "
        "open track you have, so it will not count toward them."
    )


def age_warning(day, today):
    if day >= add_months(today, -WINDOW_MONTHS):
        return None
    return (
        f"The activity ended on {long_date(day)}, more than 48 months ago: its "
        "credit has expired and can count toward no open track."
    )


# Kinds whose credits are worked out otherwise than one per contact hour.
NOT_BY_THE_HOUR = {"college course", "presenting"}


def hours_warning(*, kind, begins_at, ends_at, credits):
    """A warning when an attended activity claims more credits than it lasted
    hours: one contact hour is one credit."""
    if kind in NOT_BY_THE_HOUR or not (begins_at and ends_at and credits):
        return None
    hours = Decimal((ends_at - begins_at).total_seconds()) / 3600
    if hours >= 24 or credits <= hours:
        return None  # a several-day activity: its hours are not its span
    return (
        f"You entered {number(credits)} credits for an activity of "
        f"{number(hours.quantize(Decimal('0.1')))} hours. One contact hour is one "
        "credit; check the credits, or the times it began and ended."
    )


def similar_title_warning(similar):
    """A warning naming the person's credits of the same day with a like title."""
    if not similar:
        return None
    titles = ", ".join(f"“{credit.event.title}”" for credit in similar)
    return (
        f"You already have {titles} on the same day. If it is the same "
        "activity, do not report it twice."
    )


def overlap_warnings(sessions):
    """One warning per pair of sessions whose times overlap.

    ``sessions`` holds (title, begins_at, ends_at) triples.
    """
    ordered = sorted(sessions, key=lambda session: session[1])
    warnings = []
    for index, (title, _begins, ends) in enumerate(ordered):
        for other, other_begins, _other_ends in ordered[index + 1 :]:
            if other_begins < ends:
                warnings.append(
                    f"The sessions “{title}” and “{other}” overlap in time. "
                    "Check their times: one person attends one session at a time."
                )
    return warnings
