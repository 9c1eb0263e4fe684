"""Reads that feed the rule module: model rows in, plain values out."""

from dataclasses import dataclass

from django.db.models import Exists, OuterRef, Prefetch, Q, Subquery
from django.utils import timezone

from credits.models import Credit, Decision
from events.models import Category, Registration
from tracks import rules
from tracks.models import Requirement, Track


def requirements_of(track_type, categories):
    return rules.Requirements(
        total=track_type.total_required,
        categories=tuple(c.pk for c in categories),
        minimums={r.category_id: r.minimum for r in track_type.requirements.all()},
        specialization_threshold=track_type.specialization_threshold,
        specialization_categories=frozenset(
            c.pk for c in categories if c.has_specialization
        ),
        self_created_eligible=track_type.self_created_events_eligible,
        self_created_until=track_type.self_created_events_until,
    )


def credit_fact(credit):
    return rules.CreditFact(
        id=credit.pk,
        earned_on=credit.earned_on,
        category=credit.category_id,
        value=credit.value,
        status=credit.status,
        self_created=credit.source == Credit.Source.NEW_EVENT,
    )


def person_tracks(person):
    requirements = Prefetch(
        "track_type__requirements", queryset=Requirement.objects.order_by()
    )
    return (
        Track.objects.filter(person=person)
        .select_related("track_type")
        .prefetch_related(requirements)
    )


def person_credits(person):
    """The person's credits, newest first, each with the reason of the
    decision that gave it its status (a denial's, a void's).

    A credit voided because its registration was cancelled is left out: the
    rules say cancelling removes it from the list. Both come from subqueries,
    so a list of 300 credits is still one query.
    """
    reason = Decision.objects.filter(
        credit=OuterRef("pk"), to_status=OuterRef("status")
    ).order_by("-decided_at", "-pk")
    cancelled = Registration.objects.filter(
        person=OuterRef("person"),
        event=OuterRef("event"),
        status=Registration.Status.CANCELLED,
    )
    return (
        Credit.objects.filter(person=person)
        .exclude(Q(status=Credit.Status.VOID) & Exists(cancelled))
        .select_related("event", "category")
        .annotate(decision_reason=Subquery(reason.values("reason")[:1]))
        .order_by("-earned_on", "-pk")
    )


@dataclass(frozen=True)
class TrackProgress:
    """A track with its progress, ready for a page: categories by name."""

    track: Track
    progress: rules.Progress
    categories: dict

    @property
    def names(self):
        return {key: category.name for key, category in self.categories.items()}

    @property
    def rows(self):
        return [(self.categories[c.category], c) for c in self.progress.categories]

    @property
    def specializations(self):
        return [self.categories[key] for key in self.progress.specializations]

    @property
    def sentence(self):
        return rules.needs_sentence(self.progress, self.names)

    @property
    def window_sentence(self):
        return rules.window_sentence(self.progress)

    @property
    def warning(self):
        return rules.warning_sentence(self.progress)

    @property
    def restart_sentence(self):
        return rules.restart_sentence(self.progress.today)

    @property
    def specialization_choices(self):
        """ "A, B or C": the categories in which a specialization can be earned."""
        keys = self.progress.requirements.specialization_categories
        return specialization_text(c for k, c in self.categories.items() if k in keys)


def track_progress(tracks, credits, today=None):
    """Each track's TrackProgress, computed from one list of the person's credits."""
    today = today or timezone.localdate()
    categories = {c.pk: c for c in Category.objects.all()}
    facts = [credit_fact(c) for c in credits]
    return [
        TrackProgress(
            track=track,
            progress=rules.progress(
                requirements_of(track.track_type, categories.values()),
                track.started_on,
                today,
                facts,
                has_applied=track.status != Track.Status.OPEN,
            ),
            categories=categories,
        )
        for track in tracks
    ]


@dataclass(frozen=True)
class CreditLine:
    """Where one credit stands in one track, in words."""

    track: Track
    text: str
    counts: bool


@dataclass(frozen=True)
class CreditRow:
    credit: Credit
    is_expired: bool
    lines: list

    @property
    def same_on_every_track(self):
        """With several tracks and one phrase for all (denied, say), the page
        says it once."""
        return len(self.lines) > 1 and len({line.text for line in self.lines}) == 1


def credit_line(credit, summary):
    placement = summary.progress.placements[credit.pk]
    text = rules.placement_text(
        placement,
        credit.category.name,
        getattr(credit, "decision_reason", "") or "",
        closed=summary.progress.is_window_closed,
    )
    return CreditLine(track=summary.track, text=text, counts=placement.counts)


def credit_rows(credits, summaries, today=None):
    """Each credit once, with a phrase per track: where it counts, or why not."""
    today = today or timezone.localdate()
    return [
        CreditRow(
            credit=credit,
            is_expired=rules.has_expired(credit.earned_on, today),
            lines=[credit_line(credit, summary) for summary in summaries],
        )
        for credit in credits
    ]


def credit_totals(credits, today=None):
    """The person's approved, pending and expired credits, each counted once."""
    today = today or timezone.localdate()
    return rules.totals([credit_fact(c) for c in credits], today)


def specialization_text(categories):
    """The names of categories that can earn a specialization, "A, B or C"."""
    names = [c.name for c in sorted(categories, key=lambda c: c.position)]
    return rules.join_words(names, last="or") if names else ""


def specialization_categories():
    return specialization_text(Category.objects.filter(has_specialization=True))
