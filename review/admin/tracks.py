"""Track types (reference data that administrators edit) and people's tracks."""

from django.contrib import admin

from tracks.models import Requirement, Track, TrackType


class RequirementInline(admin.TabularInline):
    model = Requirement
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


@admin.register(Track)
class TrackAdmin(admin.ModelAdmin):
    list_display = ["person", "track_type", "started_on", "status"]
    list_filter = ["track_type", "status"]
    list_select_related = ["person", "track_type"]
    search_fields = ["person__email", "person__last_name"]
