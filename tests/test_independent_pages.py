"""Query counts of the credits pages stay fixed whatever the person holds."""

import datetime

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from credits import services
from credits.models import Evidence
from tests.conftest import make_credit, make_event
from tests.test_evidence import SMALL_PDF

DAY = timezone.localdate() - datetime.timedelta(days=10)


def queries(client, url):
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200
    return len(captured)


def add_evidence(credit, count):
    for number in range(count):
        upload = SimpleUploadedFile(f"c{number}.pdf", SMALL_PDF)
        upload.evidence_type = "application/pdf"
        services.evidence_add(credit=credit, files=[("certificate", upload)])


@pytest.mark.django_db
def test_credit_page_queries_do_not_grow_with_evidence_and_decisions(
    client, sam, robin
):
    one = make_credit(sam, on=DAY, status="pending", source="claim")
    many = make_credit(sam, on=DAY, status="pending", source="claim", title="Many")
    add_evidence(one, 1)
    add_evidence(many, 6)
    services.credit_decide(credit=many, by=robin, status="approved")
    client.force_login(sam)

    small = queries(client, reverse("credits:detail", args=[one.pk]))
    large = queries(client, reverse("credits:detail", args=[many.pk]))

    assert Evidence.objects.filter(credit=many).count() == 6
    assert small == large


@pytest.mark.django_db
def test_new_event_and_conference_pages_do_not_grow_with_credits(client, sam):
    client.force_login(sam)
    urls = [reverse("credits:new_event"), reverse("credits:conference")]
    before = [queries(client, url) for url in urls]
    for number in range(8):
        make_credit(sam, on=DAY - datetime.timedelta(days=number), title=f"C{number}")

    assert [queries(client, url) for url in urls] == before


@pytest.mark.django_db
def test_claim_page_queries_are_fixed(client, sam, olive):
    event = make_event("Webinar", ends_on=DAY)
    client.force_login(sam)
    before = queries(client, reverse("credits:claim", args=[event.pk]))
    for number in range(5):
        make_credit(sam, on=DAY, title=f"Other {number}")

    assert queries(client, reverse("credits:claim", args=[event.pk])) == before


@pytest.mark.django_db
def test_more_conference_rows_on_request(client, sam):
    client.force_login(sam)

    default = client.get(reverse("credits:conference"))
    more = client.get(reverse("credits:conference"), {"rows": "8"})
    silly = client.get(reverse("credits:conference"), {"rows": "9999"})
    bad = [
        client.get(reverse("credits:conference"), {"rows": rows})
        for rows in ["x", "²", "9" * 5000, "-3", "0"]
    ]

    assert len(default.context["sessions"].forms) == 4
    assert len(more.context["sessions"].forms) == 8
    assert len(silly.context["sessions"].forms) == 30
    assert [len(page.context["sessions"].forms) for page in bad] == [4, 4, 4, 4, 1]
    assert 'href="?rows=8"' in default.text
