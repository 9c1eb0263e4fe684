"""The catalogue of CE events and its registrations."""

from django.contrib import admin

from events.models import Category, Event, Registration


@admin.register(Category)
class CategoryAdmin(admin.ModelAdmin):
    list_display = ["name", "code", "position", "has_specialization"]


@admin.register(Event)
class EventAdmin(admin.ModelAdmin):
    list_display = [
        "title",
        "sponsor",
        "begins_at",
        "category",
        "credit_value",
        "in_catalogue",
        "status",
    ]
    list_filter = ["in_catalogue", "status", "kind", "category"]
    list_select_related = ["category"]
    search_fields = ["title", "sponsor", "presenter"]
    date_hierarchy = "begins_at"
    raw_id_fields = ["submitted_by"]


@admin.register(Registration)
class RegistrationAdmin(admin.ModelAdmin):
    list_display = ["event", "person", "status", "attendance", "registered_at"]
    list_filter = ["status", "attendance"]
    list_select_related = ["event", "person"]
    search_fields = ["event__title", "person__email"]
