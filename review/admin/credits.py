"""Credits and their decisions: the review queue.

The list shows what waits, oldest first. An item's page shows the person's
other credits of the same day and with similar titles, and leads to the
confirmation pages that approve, deny or correct it; every decision goes
through the credits service, which locks the row and records it.
"""

import datetime

from django.contrib import admin, messages
from django.contrib.admin import helpers
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Exists, OuterRef
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, redirect
from django.template.defaultfilters import linebreaksbr
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.html import format_html
from django.views.decorators.http import require_http_methods

from credits import services
from credits.models import Credit, Decision, Evidence
from review import selectors
from review.forms import ApproveForm, CorrectForm, DenyForm

SOURCE_SHORT = {
    Credit.Source.REGISTRATION: "Registration",
    Credit.Source.CLAIM: "Claim",
    Credit.Source.NEW_EVENT: "New event",
}


class StatusFilter(admin.SimpleListFilter):
    """Pending unless asked otherwise: the list opens on what waits."""

    title = "status"
    parameter_name = "status"

    def lookups(self, request, model_admin):
        return [*Credit.Status.choices, ("all", "All")]

    def choices(self, changelist):
        current = self.value() or Credit.Status.PENDING
        for value, label in self.lookup_choices:
            yield {
                "selected": current == value,
                "query_string": changelist.get_query_string(
                    {self.parameter_name: value}
                ),
                "display": label,
            }

    def queryset(self, request, queryset):
        value = self.value() or Credit.Status.PENDING
        return queryset if value == "all" else queryset.filter(status=value)


class KindFilter(admin.SimpleListFilter):
    """Claims and new events unless asked otherwise: registrations are decided
    by marking attendance."""

    title = "kind"
    parameter_name = "kind"

    def lookups(self, request, model_admin):
        return [
            ("review", "Claims and new events"),
            (Credit.Source.CLAIM, "Claims"),
            (Credit.Source.NEW_EVENT, "New events"),
            (Credit.Source.REGISTRATION, "Registrations (decided by attendance)"),
            ("all", "All kinds"),
        ]

    def choices(self, changelist):
        current = self.value() or "review"
        for value, label in self.lookup_choices:
            yield {
                "selected": current == value,
                "query_string": changelist.get_query_string(
                    {self.parameter_name: value}
                ),
                "display": label,
            }

    def queryset(self, request, queryset):
        value = self.value() or "review"
        if value == "all":
            return queryset
        if value == "review":
            return queryset.filter(source__in=selectors.REVIEW_SOURCES)
        return queryset.filter(source=value)


class AgeFilter(admin.SimpleListFilter):
    title = "waiting"
    parameter_name = "waiting"

    def lookups(self, request, model_admin):
        return [
            ("7", "More than a week"),
            ("30", "More than 30 days"),
            ("90", "More than 90 days"),
        ]

    def queryset(self, request, queryset):
        if self.value() not in {"7", "30", "90"}:
            return queryset
        since = timezone.now() - datetime.timedelta(days=int(self.value()))
        return queryset.filter(created_at__lt=since)


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
        "from_value",
        "to_value",
        "from_category",
        "to_category",
        "reason",
    ]
    readonly_fields = fields

    def get_queryset(self, request):
        return (
            super()
            .get_queryset(request)
            .select_related("decided_by", "from_category", "to_category")
        )

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(Credit)
class CreditAdmin(admin.ModelAdmin):
    list_display = [
        "activity",
        "person",
        "library",
        "date",
        "value",
        "category",
        "kind",
        "has_evidence",
        "waiting",
        "status",
    ]
    list_display_links = ["activity"]
    list_filter = [
        StatusFilter,
        KindFilter,
        "category",
        ("person__library", admin.RelatedOnlyFieldListFilter),
        AgeFilter,
    ]
    list_select_related = ["event", "person__library", "category"]
    list_per_page = 50
    search_fields = [
        "event__title",
        "person__email",
        "person__first_name",
        "person__last_name",
    ]
    search_help_text = "Search by the person's name or email, or the title."
    ordering = ["created_at", "pk"]
    actions = ["approve", "deny"]
    inlines = [DecisionInline]
    change_form_template = "admin/review/credit_change_form.html"
    readonly_fields = [
        "person",
        "library",
        "event",
        "activity_details",
        "kind",
        "status",
        "earned_on",
        "category",
        "value",
        "email_on_assigned",
        "created_at",
        "decided_at",
    ]
    fields = readonly_fields

    def get_queryset(self, request):
        evidence = Evidence.objects.filter(credit=OuterRef("pk"))
        return super().get_queryset(request).annotate(evidence_exists=Exists(evidence))

    @admin.display(description="activity", ordering="event__title")
    def activity(self, credit):
        return credit.event.title

    @admin.display(ordering="person__library__name")
    def library(self, credit):
        library = credit.person.library
        return library.name if library else "-"

    @admin.display(description="about the activity")
    def activity_details(self, credit):
        event = credit.event
        when = (
            f"{date_format(timezone.localtime(event.begins_at), 'j M Y, g:i A')} to "
            f"{date_format(timezone.localtime(event.ends_at), 'j M Y, g:i A')}"
        )
        return format_html(
            "{}<br>Sponsor: {}<br>Trainer or presenter: {}<br>When: {}<br>{}",
            event.get_kind_display(),
            event.sponsor,
            event.presenter or "-",
            when,
            linebreaksbr(event.description) if event.description else "",
        )

    @admin.display(ordering="earned_on")
    def date(self, credit):
        return date_format(credit.earned_on, "j M Y")

    @admin.display(ordering="source")
    def kind(self, credit):
        return SOURCE_SHORT.get(credit.source, credit.source)

    @admin.display(boolean=True, description="evidence", ordering="evidence_exists")
    def has_evidence(self, credit):
        return credit.evidence_exists

    @admin.display(description="waiting", ordering="created_at")
    def waiting(self, credit):
        return selectors.waiting_for(credit.created_at) if credit.is_pending else "-"

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        # Values change only through decisions; the page is read-only.
        return False

    def has_delete_permission(self, request, obj=None):
        return False

    def has_decide_permission(self, request):
        return request.user.has_perm("credits.decide_credit")

    def get_urls(self):
        def view(function):
            return self.admin_site.admin_view(
                require_http_methods(["GET", "POST"])(function)
            )

        return [
            path(
                "<int:pk>/approve/",
                view(self.approve_view),
                name="credits_credit_approve",
            ),
            path("<int:pk>/deny/", view(self.deny_view), name="credits_credit_deny"),
            path(
                "<int:pk>/correct/",
                view(self.correct_view),
                name="credits_credit_correct",
            ),
            path(
                "<int:pk>/evidence/<int:evidence_pk>/",
                view(self.evidence_view),
                name="credits_credit_evidence",
            ),
            *super().get_urls(),
        ]

    # The item's page

    def change_view(self, request, object_id, form_url="", extra_context=None):
        if not self.has_view_or_change_permission(request):
            raise PermissionDenied
        if not str(object_id).isdigit():
            raise Http404("No credit has that number.")
        credit = get_object_or_404(
            self.get_queryset(request).select_related(
                "event", "person__library", "category"
            ),
            pk=object_id,
        )
        context = {
            "credit": credit,
            "can_decide": self.has_decide_permission(request),
            "evidence_files": list(credit.evidence.all()),
            "same_day": list(selectors.same_day_credits(credit)),
            "similar": selectors.similar_credits(credit),
            "similar_events": (
                selectors.similar_catalogue_events(credit)
                if credit.source == Credit.Source.NEW_EVENT
                else []
            ),
            **(extra_context or {}),
        }
        return super().change_view(request, object_id, form_url, context)

    # Decisions on one item, each through its confirmation page

    def approve_view(self, request, pk):
        return self._decide_one(request, pk, ApproveForm, "Approve")

    def deny_view(self, request, pk):
        return self._decide_one(request, pk, DenyForm, "Deny")

    def _decide_one(self, request, pk, form_class, verb):
        credit = self._credit_to_decide(request, pk)
        if credit.status != Credit.Status.PENDING:
            return self._already_decided(request, credit)
        if credit.source == Credit.Source.REGISTRATION:
            self.message_user(
                request,
                "A registration's credit is decided by marking attendance.",
                messages.WARNING,
            )
            return redirect(self._item_url(credit))

        form = form_class(request.POST or None, credit=credit)
        done = "Approved" if verb == "Approve" else "Denied"
        return self._confirmed(
            request, form, credit, verb, services.credit_decide, done
        ) or self._next_item(request)

    def correct_view(self, request, pk):
        credit = self._credit_to_decide(request, pk)
        if credit.status not in (Credit.Status.APPROVED, Credit.Status.DENIED):
            self.message_user(
                request, "Only an approved or denied credit can be corrected."
            )
            return redirect(self._item_url(credit))

        latest = credit.decisions.first()
        form = CorrectForm(
            request.POST or None,
            credit=credit,
            initial={"seen_decision": latest.pk if latest else None},
        )
        return self._confirmed(
            request, form, credit, "Correct", services.credit_correct, "Corrected"
        ) or redirect(self._item_url(credit))

    def _confirmed(self, request, form, credit, verb, service, done):
        """Show the confirmation page, or call ``service`` once it is confirmed.

        Returns the response to send, or None when the decision was made (the
        caller then moves on).
        """
        if request.method == "POST" and form.is_valid():
            try:
                service(credit=credit, by=request.user, **form.decision())
            except services.AlreadyDecided as error:
                self.message_user(request, str(error), messages.WARNING)
                return redirect(self._item_url(credit))
            except ValidationError as error:
                form.add_error(None, error.messages)
            else:
                self.message_user(request, f"{done}: “{credit.event.title}”.")
                return None
        return self._confirm_page(request, form, [credit], verb, single=True)

    def _credit_to_decide(self, request, pk):
        if not self.has_decide_permission(request):
            raise PermissionDenied
        return get_object_or_404(
            Credit.objects.select_related("event", "person__library", "category"),
            pk=pk,
        )

    def _already_decided(self, request, credit):
        latest = credit.decisions.select_related("decided_by").first()
        error = services.AlreadyDecided(credit, latest)
        self.message_user(request, str(error), messages.WARNING)
        return redirect(self._item_url(credit))

    def _item_url(self, credit):
        return reverse("admin:credits_credit_change", args=[credit.pk])

    def _next_item(self, request):
        following = selectors.next_in_queue()
        if following is None:
            self.message_user(request, "Nothing else waits for review.")
            return redirect("admin:credits_credit_changelist")
        return redirect(self._item_url(following))

    def _confirm_page(self, request, form, credits, verb, single=False, action=""):
        return TemplateResponse(
            request,
            "admin/review/confirm_decision.html",
            {
                **self.admin_site.each_context(request),
                "title": f"{verb} {'this credit' if single else 'credits'}",
                "verb": verb,
                "opts": self.model._meta,
                "credits": credits,
                "form": form,
                "single": single,
                "action": action,
                "select_across": request.POST.get("select_across", "0"),
            },
        )

    # Decisions on a selection, from the list

    @admin.action(description="Approve selected credits", permissions=["decide"])
    def approve(self, request, queryset):
        return self._decide_selected(request, queryset, ApproveForm, "Approve")

    @admin.action(description="Deny selected credits", permissions=["decide"])
    def deny(self, request, queryset):
        return self._decide_selected(request, queryset, DenyForm, "Deny")

    def _decide_selected(self, request, queryset, form_class, verb):
        credits, skipped = self._split_selection(request, queryset)
        form = form_class(request.POST if "confirm" in request.POST else None)
        if not form.is_valid():
            for text in skipped:
                self.message_user(request, text, messages.WARNING)
            if not credits:
                return None
            return self._confirm_page(
                request, form, credits, verb, action=request.POST["action"]
            )

        decided = 0
        for credit in credits:
            try:
                services.credit_decide(
                    credit=credit, by=request.user, **form.decision()
                )
                decided += 1
            except services.AlreadyDecided as error:
                skipped.append(str(error))
        done = "Denied" if verb == "Deny" else "Approved"
        noun = "credit" if decided == 1 else "credits"
        self.message_user(request, f"{done} {decided} {noun}.", messages.SUCCESS)
        for text in skipped:
            self.message_user(request, text, messages.WARNING)
        return None

    def _split_selection(self, request, queryset):
        """The selected credits that can be decided here, and why the others
        cannot. Ticked rows are read by their ids, not through the list's
        filters, so a credit decided meanwhile is reported, not dropped."""
        if request.POST.get("select_across") != "1":
            ids = request.POST.getlist(helpers.ACTION_CHECKBOX_NAME)
            queryset = Credit.objects.filter(pk__in=[i for i in ids if i.isdigit()])
        selected = queryset.select_related(
            "event", "person__library", "category"
        ).order_by("created_at", "pk")
        credits, skipped = [], []
        latest = {}
        for credit in selected:
            if credit.source == Credit.Source.REGISTRATION:
                skipped.append(
                    f"“{credit.event.title}” for {credit.person} is decided by "
                    "marking attendance."
                )
            elif credit.status != Credit.Status.PENDING:
                latest[credit.pk] = credit
            else:
                credits.append(credit)
        decisions = Decision.objects.filter(credit__in=latest).select_related(
            "decided_by"
        )
        last = {}
        for decision in decisions.order_by("decided_at", "pk"):
            last[decision.credit_id] = decision
        for pk, credit in latest.items():
            skipped.append(str(services.AlreadyDecided(credit, last.get(pk))))
        return credits, skipped

    # Evidence, for reviewers only: never a public URL

    def evidence_view(self, request, pk, evidence_pk):
        if not request.user.has_perm("credits.view_evidence"):
            raise PermissionDenied
        evidence = get_object_or_404(Evidence, pk=evidence_pk, credit_id=pk)
        return FileResponse(
            evidence.file.open("rb"),
            as_attachment=True,
            filename=evidence.original_name,
            content_type=evidence.content_type,
        )


@admin.register(Decision)
class DecisionAdmin(admin.ModelAdmin):
    list_display = [
        "decided_at",
        "credit",
        "person",
        "decided_by",
        "from_status",
        "to_status",
        "from_value",
        "to_value",
        "reason",
    ]
    list_filter = ["to_status", "from_status"]
    list_select_related = ["credit__event", "credit__person", "decided_by"]
    search_fields = ["credit__event__title", "credit__person__email", "reason"]

    @admin.display(ordering="credit__person__last_name")
    def person(self, decision):
        return decision.credit.person

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
