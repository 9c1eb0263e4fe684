"""The catalogue of CE events, its registrations and attendance.

Attendance is marked through credits.registrations, which approves or voids
the registration's credit and records the decision.
"""

from django import forms
from django.contrib import admin, messages
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone

from aspen_ce.values import CreditValueField
from credits import registrations, services
from credits.services import AlreadyDecided
from events.models import Category, Event, Registration


@admin.register(Category)
class CategoryAdmin(admin.ModelAdmin):
    list_display = ["name", "code", "position", "has_specialization"]


class RegistrationInline(admin.TabularInline):
    model = Registration
    extra = 0
    can_delete = False
    fields = [
        "person",
        "status",
        "registered_at",
        "attendance",
        "attendance_marked_by",
        "attendance_marked_at",
    ]
    readonly_fields = fields
    ordering = ["status", "registered_at", "pk"]

    def has_add_permission(self, request, obj=None):
        return False

    def get_queryset(self, request):
        return (
            super()
            .get_queryset(request)
            .select_related("person", "attendance_marked_by")
        )


def _mark(modeladmin, request, registrations_to_mark, attendance):
    """Mark each registration; report how many changed and why any did not."""
    changed = unchanged = 0
    problems = []
    for registration in registrations_to_mark:
        try:
            if registrations.attendance_mark(
                registration=registration, attendance=attendance, by=request.user
            ):
                changed += 1
            else:
                unchanged += 1
        except ValidationError as error:
            problems.append(" ".join(error.messages))
        except AlreadyDecided as error:
            problems.append(f"{registration.person}: {error}")
    label = Registration.Attendance(attendance).label.lower()
    noun = "registration" if changed == 1 else "registrations"
    text = f"Marked {changed} {noun} as {label}."
    if unchanged:
        text += f" {unchanged} already were."
    modeladmin.message_user(request, text, messages.SUCCESS)
    for problem in dict.fromkeys(problems):  # once each, in order
        modeladmin.message_user(request, problem, messages.WARNING)


@admin.register(Event)
class EventAdmin(admin.ModelAdmin):
    list_display = [
        "title",
        "sponsor",
        "begins_at",
        "category",
        "credit_value",
        "capacity",
        "in_catalogue",
        "status",
    ]
    list_filter = ["in_catalogue", "status", "kind", "category"]
    list_select_related = ["category"]
    search_fields = ["title", "sponsor", "presenter"]
    date_hierarchy = "begins_at"
    raw_id_fields = ["submitted_by"]
    inlines = [RegistrationInline]
    actions = ["mark_all_attended", "mark_all_missed"]
    formfield_overrides = {
        models.URLField: {"form_class": forms.URLField, "assume_scheme": "https"}
    }
    fieldsets = [
        (None, {"fields": ["title", "description", "kind", "sponsor", "presenter"]}),
        ("When and where (Montana time)", {"fields": [
            "begins_at", "ends_at", "is_online", "place", "online_link",
        ]}),
        ("Credit", {"fields": ["credit_value", "category"]}),
        ("Registration", {"fields": [
            "capacity",
            "registration_opens_at",
            "registration_closes_at",
            "status",
            "in_catalogue",
            "is_listed_for_claims",
        ]}),
        ("More", {"classes": ["collapse"], "fields": [
            "topic", "conference", "source_url", "submitted_by",
        ]}),
    ]  # fmt: skip

    def formfield_for_dbfield(self, db_field, request, **kwargs):
        if db_field.name == "credit_value":
            # The rules' own messages, not the generic decimal ones.
            return CreditValueField(label="Credit value", help_text="0.5 to 60.")
        return super().formfield_for_dbfield(db_field, request, **kwargs)

    def save_model(self, request, obj, form, change):
        super().save_model(request, obj, form, change)
        credit_fields = {"begins_at", "ends_at", "credit_value", "category"}
        if change and credit_fields & set(form.changed_data):
            kept = services.pending_credits_follow_event(event=obj, by=request.user)
            if kept:
                self.message_user(
                    request,
                    f"Pending credits follow the change; {kept} decided credit(s) "
                    "keep their date, value and category: correct them one by "
                    "one if they should change.",
                    messages.WARNING,
                )
        if change and "capacity" in form.changed_data:
            moved = registrations.waiting_list_fill(event=obj)
            if moved:
                self.message_user(
                    request,
                    f"{len(moved)} person(s) moved up from the waiting list.",
                    messages.SUCCESS,
                )

    def has_mark_attendance_permission(self, request):
        return request.user.has_perm("events.mark_attendance")

    @admin.action(
        description="Mark everyone registered for the selected events as attended",
        permissions=["mark_attendance"],
    )
    def mark_all_attended(self, request, queryset):
        _mark(
            self, request, self._registered(queryset), Registration.Attendance.ATTENDED
        )

    @admin.action(
        description="Mark everyone registered for the selected events as missed",
        permissions=["mark_attendance"],
    )
    def mark_all_missed(self, request, queryset):
        _mark(self, request, self._registered(queryset), Registration.Attendance.MISSED)

    def _registered(self, events):
        return Registration.objects.filter(
            event__in=events, status=Registration.Status.REGISTERED
        ).select_related("event", "person")


class EventEndedFilter(admin.SimpleListFilter):
    """Attendance can be marked only once the event is over."""

    title = "event"
    parameter_name = "event_ended"

    def lookups(self, request, model_admin):
        return [("yes", "Has ended"), ("no", "Still to come")]

    def queryset(self, request, queryset):
        if self.value() == "yes":
            return queryset.filter(event__ends_at__lte=timezone.now())
        if self.value() == "no":
            return queryset.filter(event__ends_at__gt=timezone.now())
        return queryset


@admin.register(Registration)
class RegistrationAdmin(admin.ModelAdmin):
    list_display = [
        "event",
        "person",
        "status",
        "attendance",
        "registered_at",
        "attendance_marked_by",
        "attendance_marked_at",
    ]
    list_filter = ["status", "attendance", EventEndedFilter]
    list_select_related = ["event", "person", "attendance_marked_by"]
    search_fields = ["event__title", "person__email", "person__last_name"]
    actions = ["mark_attended", "mark_missed"]
    readonly_fields = [
        "person",
        "event",
        "status",
        "attendance",
        "registered_at",
        "cancelled_at",
        "reminded_at",
        "attendance_marked_by",
        "attendance_marked_at",
    ]
    fields = readonly_fields

    def has_add_permission(self, request):
        return False

    def has_delete_permission(self, request, obj=None):
        return False

    def has_mark_attendance_permission(self, request):
        return request.user.has_perm("events.mark_attendance")

    @admin.action(
        description="Mark selected registrations as attended",
        permissions=["mark_attendance"],
    )
    def mark_attended(self, request, queryset):
        _mark(self, request, queryset, Registration.Attendance.ATTENDED)

    @admin.action(
        description="Mark selected registrations as missed",
        permissions=["mark_attendance"],
    )
    def mark_missed(self, request, queryset):
        _mark(self, request, queryset, Registration.Attendance.MISSED)
