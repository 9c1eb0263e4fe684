from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as BaseUserAdmin

from aspen_ce.models import Library, User


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
