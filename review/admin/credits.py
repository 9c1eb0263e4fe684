"""Credits and their decisions: the review queue."""

from django.contrib import admin, messages
from django.template.response import TemplateResponse

from credits import services
from credits.models import Credit, Decision
from review.forms import DecisionForm


class DecisionInline(admin.TabularInline):
    model = Decision
    fk_name = "credit"
    extra = 0
    can_delete = False
    fields = [
        "decided_at",
        "decided_by",
        "from_status",
        "to_status",
        "to_value",
        "to_category",
        "reason",
    ]
    readonly_fields = fields

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False


@admin.register(Credit)
class CreditAdmin(admin.ModelAdmin):
    list_display = [
        "event",
        "person",
        "library",
        "earned_on",
        "category",
        "value",
        "source",
        "status",
        "created_at",
    ]
    list_filter = ["status", "source", "category"]
    list_select_related = ["event", "person__library", "category"]
    search_fields = [
        "event__title",
        "person__email",
        "person__last_name",
        "person__first_name",
    ]
    ordering = ["created_at", "pk"]
    date_hierarchy = "earned_on"
    actions = ["approve", "deny"]
    inlines = [DecisionInline]
    readonly_fields = [
        "person",
        "event",
        "source",
        "status",
        "earned_on",
        "category",
        "value",
        "email_on_assigned",
        "created_at",
        "decided_at",
    ]
    fields = readonly_fields

    @admin.display(ordering="person__library__name")
    def library(self, credit):
        return credit.person.library

    def has_add_permission(self, request):
        return False

    def has_delete_permission(self, request, obj=None):
        return False

    def has_decide_permission(self, request):
        return request.user.has_perm("credits.decide_credit")

    @admin.action(description="Approve selected credits", permissions=["decide"])
    def approve(self, request, queryset):
        return self._decide(request, queryset, Credit.Status.APPROVED)

    @admin.action(description="Deny selected credits", permissions=["decide"])
    def deny(self, request, queryset):
        return self._decide(request, queryset, Credit.Status.DENIED)

    def _decide(self, request, queryset, status):
        deny = status == Credit.Status.DENIED
        form = DecisionForm(
            request.POST if "confirm" in request.POST else None, deny=deny
        )
        if form.is_valid():
            decided, skipped = 0, []
            for credit in queryset:
                try:
                    services.credit_decide(
                        credit=credit,
                        by=request.user,
                        status=status,
                        reason=form.cleaned_data["reason"],
                    )
                    decided += 1
                except services.AlreadyDecided as error:
                    skipped.append(str(error))
            verb = "Denied" if deny else "Approved"
            self.message_user(request, f"{verb} {decided} credit(s).", messages.SUCCESS)
            for text in skipped:
                self.message_user(request, text, messages.WARNING)
            return None
        return TemplateResponse(
            request,
            "admin/review/confirm_decision.html",
            {
                **self.admin_site.each_context(request),
                "title": "Deny credits" if deny else "Approve credits",
                "opts": self.model._meta,
                "credits": queryset.select_related("event", "person", "category"),
                "form": form,
                "action": request.POST["action"],
                "deny": deny,
            },
        )


@admin.register(Decision)
class DecisionAdmin(admin.ModelAdmin):
    list_display = [
        "decided_at",
        "credit",
        "decided_by",
        "from_status",
        "to_status",
        "reason",
    ]
    list_filter = ["to_status"]
    list_select_related = ["credit__event", "decided_by"]
    search_fields = ["credit__event__title", "reason"]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
