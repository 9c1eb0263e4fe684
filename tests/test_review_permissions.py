"""Who may decide: the CE coordinators group holds what reviewing needs;
other staff cannot decide; participants never reach the admin."""

from datetime import date

import pytest
from django.contrib.auth.models import Group, Permission
from django.core.files.base import ContentFile
from django.urls import reverse

from credits.models import Credit, Decision, Evidence
from tests.conftest import make_credit, make_person

CHANGELIST = reverse("admin:credits_credit_changelist")


@pytest.fixture
def claim(dana):
    return make_credit(
        dana, on=date(2025, 5, 1), status="pending", source=Credit.Source.CLAIM
    )


@pytest.fixture
def stan(db):
    """State Library staff outside the coordinators group, who may look at
    credits but not decide them."""
    user = make_person("stan@example.org", "", is_staff=True)
    user.user_permissions.add(
        Permission.objects.get(
            codename="view_credit", content_type__app_label="credits"
        )
    )
    return user


def decide_urls(credit):
    return [
        reverse(f"admin:credits_credit_{name}", args=[credit.pk])
        for name in ("approve", "deny", "correct")
    ]


@pytest.mark.django_db
def test_the_coordinators_group_holds_exactly_what_reviewing_needs():
    group = Group.objects.get(name="CE coordinators")

    held = {f"{p.content_type.app_label}.{p.codename}" for p in group.permissions.all()}

    assert held == {
        "credits.view_credit",
        "credits.decide_credit",
        "credits.view_decision",
        "credits.view_evidence",
        "events.view_event",
        "events.add_event",
        "events.change_event",
        "events.view_registration",
        "events.mark_attendance",
        "events.view_category",
        "tracks.view_track",
        "tracks.view_tracktype",
        "aspen_ce.view_user",
        "aspen_ce.view_library",
    }


@pytest.mark.django_db
def test_staff_outside_the_group_are_offered_no_decision(client, stan, claim):
    client.force_login(stan)

    listing = client.get(CHANGELIST)
    item = client.get(reverse("admin:credits_credit_change", args=[claim.pk]))

    assert listing.status_code == 200
    assert listing.context["action_form"] is None
    assert item.status_code == 200
    assert "Approve…" not in item.text


@pytest.mark.django_db
def test_staff_outside_the_group_cannot_approve(client, stan, claim):
    client.force_login(stan)

    for url in decide_urls(claim):
        assert client.get(url).status_code == 403
        assert client.post(url, {"value": "1", "reason": "x"}).status_code == 403
    client.post(
        CHANGELIST,
        {"action": "approve", "_selected_action": [claim.pk], "confirm": "yes"},
    )

    assert not Decision.objects.exists()
    assert Credit.objects.get().status == "pending"


@pytest.mark.django_db
def test_staff_without_any_permission_cannot_see_the_queue(client, claim):
    client.force_login(make_person("new@example.org", "", is_staff=True))

    assert client.get(CHANGELIST).status_code == 403
    item = reverse("admin:credits_credit_change", args=[claim.pk])
    assert client.get(item).status_code == 403


@pytest.mark.django_db
@pytest.mark.parametrize("name", ["approve", "deny", "correct", "change"])
def test_a_participant_is_sent_to_sign_in(client, sam, claim, name):
    client.force_login(sam)

    response = client.get(reverse(f"admin:credits_credit_{name}", args=[claim.pk]))

    assert response.status_code == 302
    assert response.url.startswith("/admin/login/")


@pytest.mark.django_db
def test_an_anonymous_visitor_is_sent_to_sign_in(client, claim):
    response = client.post(
        reverse("admin:credits_credit_approve", args=[claim.pk]), {"value": "1"}
    )

    assert response.status_code == 302
    assert response.url.startswith("/admin/login/")
    assert not Decision.objects.exists()


@pytest.mark.django_db
def test_decision_pages_refuse_other_methods(client, robin, claim):
    client.force_login(robin)

    for url in decide_urls(claim):
        assert client.put(url).status_code == 405
        assert client.delete(url).status_code == 405


@pytest.mark.django_db
def test_a_missing_credit_is_not_found(client, robin):
    client.force_login(robin)

    assert (
        client.get(reverse("admin:credits_credit_approve", args=[999])).status_code
        == 404
    )


@pytest.mark.django_db
def test_evidence_reaches_coordinators_only(client, robin, stan, claim):
    evidence = Evidence.objects.create(
        credit=claim,
        file=ContentFile(b"%PDF-1.4 certificate", name="certificate.pdf"),
        original_name="certificate.pdf",
        content_type="application/pdf",
        size=20,
    )
    url = reverse("admin:credits_credit_evidence", args=[claim.pk, evidence.pk])
    wrong_credit = reverse(
        "admin:credits_credit_evidence", args=[claim.pk + 1, evidence.pk]
    )

    client.force_login(stan)
    assert client.get(url).status_code == 403
    client.force_login(robin)
    response = client.get(url)
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == b"%PDF-1.4 certificate"
    assert 'filename="certificate.pdf"' in response["Content-Disposition"]
    assert client.get(wrong_credit).status_code == 404


@pytest.mark.django_db
@pytest.mark.parametrize(
    "path",
    [
        "/admin/credits/credit/abc/change/",
        "/admin/credits/credit/1.5/change/",
        "/admin/credits/credit/43/evidence/abc/change/",
    ],
)
def test_a_malformed_credit_address_is_not_found_not_an_error(client, robin, path):
    client.force_login(robin)

    assert client.get(path).status_code == 404
