"""Track types (reference data that administrators edit) and people's tracks."""

from decimal import Decimal

from django import forms
from django.contrib import admin
from django.core.exceptions import ValidationError

from tracks.models import Requirement, Track, TrackRestart, TrackType


class RequirementFormSet(forms.BaseInlineFormSet):
    """The category minimums of a track type cannot add up to more than its
    total: the electives are the balance, and a track must be completable."""

    def clean(self):
        super().clean()
        total = self.instance.total_required
        minimums = sum(
            (
                form.cleaned_data.get("minimum") or 0
                for form in self.forms
                if form.cleaned_data and not form.cleaned_data.get("DELETE")
            ),
            Decimal(0),
        )
        if total is not None and minimums > total:
            raise ValidationError(
                f"The category minimums add up to {minimums:g} credits, more than "
                f"the track's total of {total:g}. Lower a minimum or raise the total."
            )


class RequirementInline(admin.TabularInline):
    model = Requirement
    formset = RequirementFormSet
    extra = 0


@admin.register(TrackType)
class TrackTypeAdmin(admin.ModelAdmin):
    list_display = [
        "name",
        "program",
        "audience",
        "total_required",
        "is_active",
        "self_created_events_eligible",
    ]
    list_filter = ["program", "is_active"]
    inlines = [RequirementInline]


class TrackRestartInline(admin.TabularInline):
    """The history of a track's start dates: read-only, never deleted."""

    model = TrackRestart
    fk_name = "track"
    extra = 0
    can_delete = False
    fields = [
        "restarted_at",
        "restarted_by",
        "from_started_on",
        "to_started_on",
        "was_lapsed",
    ]
    readonly_fields = fields

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False


@admin.register(Track)
class TrackAdmin(admin.ModelAdmin):
    list_display = ["person", "track_type", "started_on", "status"]
    inlines = [TrackRestartInline]
    list_filter = ["track_type", "status"]
    list_select_related = ["person", "track_type"]
    search_fields = ["person__email", "person__last_name"]
