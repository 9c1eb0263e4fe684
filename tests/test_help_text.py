"""Every form field's (i) help: a disclosure the keyboard reaches, with the
text the input points to."""

import pytest
from django.urls import reverse

from aspen_ce.templatetags.aspen import lower_first
from tests.conftest import track_type


@pytest.mark.parametrize(
    ("label", "expected"),
    [("Start date", "start date"), ("CE category", "CE category"), ("", "")],
)
def test_help_summary_lowercases_the_label_but_not_an_acronym(label, expected):
    assert lower_first(label) == expected


@pytest.mark.django_db
def test_every_field_of_the_track_form_has_its_help(client, dana):
    client.force_login(dana)
    url = reverse("tracks:new") + f"?type={track_type('Trustee').pk}"

    page = client.get(url).text

    for name, label in [
        ("started_on", "start date"),
        ("last_certificate_expired_on", "last certificate expired on"),
        ("notes", "notes"),
    ]:
        assert f'aria-describedby="id_{name}_helptext"' in page
        assert f'id="id_{name}_helptext"' in page
        assert f"About {label}</span></summary>" in page
