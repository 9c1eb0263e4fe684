from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as BaseUserAdmin

from aspen_ce.models import Library, OutboundEmail, User


@admin.register(Library)
class LibraryAdmin(admin.ModelAdmin):
    list_display = ["name", "city", "county", "federation"]
    list_filter = ["federation"]
    search_fields = ["name", "city", "county"]


@admin.register(User)
class UserAdmin(BaseUserAdmin):
    ordering = ["last_name", "first_name", "email"]
    list_display = [
        "email",
        "first_name",
        "last_name",
        "library",
        "position",
        "is_staff",
    ]
    list_filter = ["position", "is_staff", "groups"]
    list_select_related = ["library"]
    search_fields = ["email", "first_name", "last_name", "library__name"]
    autocomplete_fields = ["library"]
    fieldsets = [
        (None, {"fields": ["email", "password"]}),
        ("Person", {"fields": ["first_name", "last_name", "library", "position"]}),
        (
            "Access",
            {"fields": ["is_active", "is_staff", "is_superuser", "groups"]},
        ),
        ("Dates", {"fields": ["last_login", "date_joined"]}),
    ]
    add_fieldsets = [
        (
            None,
            {
                "classes": ["wide"],
                "fields": [
                    "email",
                    "first_name",
                    "last_name",
                    "password1",
                    "password2",
                ],
            },
        )
    ]


@admin.register(OutboundEmail)
class OutboundEmailAdmin(admin.ModelAdmin):
    """The outbox, to see what was sent and what still fails; never edited."""

    list_display = ["created_at", "to", "subject", "sent_at", "attempts"]
    list_filter = [("sent_at", admin.EmptyFieldListFilter)]
    search_fields = ["to", "subject"]
    readonly_fields = [
        "to",
        "subject",
        "body",
        "created_at",
        "sent_at",
        "attempts",
        "last_attempt_at",
        "last_error",
    ]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
