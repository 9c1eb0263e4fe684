"""Evidence files: judged by content, at most 10 MB, private to the owner and
the State Library's reviewers."""

import io
from datetime import timedelta

import pytest
from django.contrib.auth.models import Permission
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from credits import evidence as evidence_module
from credits.models import Credit, Evidence
from tests.conftest import make_credit, make_person
from tests.pageforms import form_data
from tests.test_independent_event import DAY, URL, typed

SMALL_PDF = (
    b"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n"
    b"2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n"
    b"3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 200 200]>>endobj\n"
    b"xref\n0 4\n0000000000 65535 f \n0000000009 00000 n \n"
    b"0000000052 00000 n \n0000000101 00000 n \n"
    b"trailer<</Size 4/Root 1 0 R>>\nstartxref\n170\n%%EOF\n"
)
HEIC_HEAD = b"\x00\x00\x00\x18ftypheic\x00\x00\x00\x00mif1heic" + b"\x00" * 64


def post_with(client, **files):
    data = form_data(client.get(URL).text)
    data.update(typed(), **files)
    return client.post(URL, data)


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("upload", "message"),
    [
        (
            SimpleUploadedFile(
                "scan.pdf", b"%PDF-1.4\n" + b"0" * (30 * 1024 * 1024), "application/pdf"
            ),
            "“scan.pdf” is 30.0 MB; the limit is 10.0 MB per file.",
        ),
        (
            SimpleUploadedFile("empty.pdf", b"", "application/pdf"),
            "“empty.pdf” is empty (0 bytes).",
        ),
        (
            SimpleUploadedFile(
                "notes.pdf", b"Certificate: I attended.\n" * 20, "application/pdf"
            ),
            "“notes.pdf” was not accepted: its content is not a PDF, PNG or JPEG "
            "file, whatever its name says. Only PDF, PNG or JPEG files are "
            "accepted, up to 10 MB each.",
        ),
        (
            SimpleUploadedFile("IMG_0042.HEIC", HEIC_HEAD, "image/heic"),
            "“IMG_0042.HEIC” was not accepted: it is a HEIC photo (the iPhone's "
            "format)",
        ),
    ],
    ids=["30 MB PDF", "empty", "text renamed .pdf", "HEIC photo"],
)
def test_refused_files_are_named_with_the_reason_and_nothing_is_saved(
    client, sam, upload, message
):
    client.force_login(sam)

    response = post_with(client, certificate=upload)

    assert response.status_code == 200
    [error] = response.context["form"].errors["certificate"]
    assert error.startswith(message)
    assert message.split("“")[1].split("”")[0] in response.text
    assert not Credit.objects.exists()
    assert not Evidence.objects.exists()


@pytest.mark.django_db
def test_a_jpeg_named_pdf_is_accepted_as_what_it_is(client, sam):
    client.force_login(sam)
    jpeg = b"\xff\xd8\xff\xe0\x00\x10JFIF\x00" + b"\x00" * 100

    post_with(client, transcript=SimpleUploadedFile("transcript.pdf", jpeg))

    evidence = Evidence.objects.get()
    assert (evidence.kind, evidence.content_type) == ("transcript", "image/jpeg")
    assert evidence.file.name.endswith(".jpg")


@pytest.fixture
def certificate(client, sam):
    client.force_login(sam)
    upload = SimpleUploadedFile("My certificate.pdf", SMALL_PDF, "application/pdf")
    response = post_with(client, certificate=upload)
    assert response.url == reverse("tracks:home")
    client.logout()
    return Evidence.objects.get()


@pytest.mark.django_db
def test_a_small_pdf_is_stored_with_its_name_kind_and_size(certificate, sam):
    assert certificate.credit.person == sam
    assert (certificate.original_name, certificate.kind, certificate.size) == (
        "My certificate.pdf",
        "certificate",
        len(SMALL_PDF),
    )
    assert certificate.content_type == "application/pdf"
    assert certificate.file.name.startswith(f"evidence/{sam.pk}/")
    assert "My certificate" not in certificate.file.name


@pytest.mark.django_db
def test_owner_downloads_the_file_and_sees_it_on_the_credit_page(
    client, sam, certificate
):
    client.force_login(sam)

    page = client.get(reverse("credits:detail", args=[certificate.credit_id]))
    response = client.get(reverse("credits:evidence", args=[certificate.pk]))

    assert "My certificate.pdf" in page.text
    assert reverse("credits:evidence", args=[certificate.pk]) in page.text
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == SMALL_PDF
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"].startswith("attachment;")
    assert response["Cache-Control"] == "private, no-store"


@pytest.mark.django_db
def test_a_reviewer_downloads_it(client, robin, certificate):
    client.force_login(robin)

    response = client.get(reverse("credits:evidence", args=[certificate.pk]))

    assert response.status_code == 200
    assert b"".join(response.streaming_content) == SMALL_PDF


@pytest.mark.django_db
def test_a_user_given_the_view_evidence_permission_downloads_it(client, certificate):
    auditor = make_person("auditor@example.org", "")
    auditor.user_permissions.add(Permission.objects.get(codename="view_evidence"))
    client.force_login(auditor)

    response = client.get(reverse("credits:evidence", args=[certificate.pk]))

    assert response.status_code == 200


@pytest.mark.django_db
def test_another_person_and_staff_outside_the_reviewers_get_not_found(
    client, olive, certificate
):
    other_staff = make_person("it@example.org", "", is_staff=True)
    url = reverse("credits:evidence", args=[certificate.pk])

    client.force_login(olive)
    assert client.get(url).status_code == 404
    client.force_login(other_staff)
    assert client.get(url).status_code == 404


@pytest.mark.django_db
def test_anonymous_visitor_is_sent_to_sign_in_and_post_is_refused(
    client, sam, certificate
):
    url = reverse("credits:evidence", args=[certificate.pk])

    response = client.get(url)
    assert response.status_code == 302
    assert response.url.startswith(reverse("account_login"))
    client.force_login(sam)
    assert client.post(url).status_code == 405


@pytest.mark.django_db
def test_no_public_url_reaches_the_file(client, sam, certificate, settings):
    client.force_login(sam)

    for prefix in ["/media/", "/private_media/", f"/{settings.MEDIA_URL.strip('/')}/"]:
        assert client.get(prefix + certificate.file.name).status_code == 404


@pytest.mark.django_db
def test_a_file_is_kept_when_a_warning_shows_the_form_again(
    client, sam, django_capture_on_commit_callbacks
):
    make_credit(sam, on=DAY, title="Budgeting basics")
    client.force_login(sam)
    upload = SimpleUploadedFile("My certificate.pdf", SMALL_PDF, "application/pdf")

    shown = post_with(client, certificate=upload)
    assert "Kept from your last try: “My certificate.pdf”" in shown.text
    kept_token = form_data(shown.text)["certificate_kept"]
    assert kept_token
    with django_capture_on_commit_callbacks(execute=True):
        saved = client.post(URL, form_data(shown.text))

    assert saved.url == reverse("tracks:home")
    evidence = Evidence.objects.get()
    assert evidence.original_name == "My certificate.pdf"
    assert evidence.file.read() == SMALL_PDF
    assert evidence_module.kept(kept_token, sam) is None


@pytest.mark.django_db
def test_a_file_is_kept_when_another_field_is_refused(client, sam):
    client.force_login(sam)
    upload = SimpleUploadedFile("transcript.pdf", SMALL_PDF, "application/pdf")

    refused = post_with(client, transcript=upload, title="")
    assert refused.context["form"].errors["title"] == ["This field is required."]
    assert "Kept from your last try: “transcript.pdf”" in refused.text
    data = form_data(refused.text)
    data["title"] = "Budgeting basics"
    client.post(URL, data)

    assert Evidence.objects.get().kind == "transcript"


@pytest.mark.django_db
def test_someone_elses_kept_token_brings_no_file(client, sam, olive):
    client.force_login(olive)
    upload = SimpleUploadedFile("theirs.pdf", SMALL_PDF, "application/pdf")
    refused = post_with(client, certificate=upload, title="")
    token = form_data(refused.text)["certificate_kept"]
    client.force_login(sam)

    data = form_data(client.get(URL).text)
    data.update(typed(), certificate_kept=token)
    client.post(URL, data)
    data.update(title="Another", certificate_kept="forged:token")
    client.post(URL, data)

    assert sam.credits.count() == 2
    assert not Evidence.objects.exists()


@pytest.mark.django_db
def test_kept_files_older_than_a_day_are_purged(sam):
    upload = SimpleUploadedFile("c.pdf", SMALL_PDF)
    upload.evidence_type = "application/pdf"
    token = evidence_module.keep(upload, sam)
    out = io.StringIO()

    call_command("purge_kept_evidence", stdout=out)
    assert evidence_module.kept(token, sam) is not None
    assert evidence_module.purge_kept(timezone.now() + timedelta(seconds=1)) == 1

    assert out.getvalue() == "Deleted 0 kept evidence file(s).\n"
    assert evidence_module.kept(token, sam) is None
