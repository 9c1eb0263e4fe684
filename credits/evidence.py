"""Checks on uploaded evidence: what a file is, judged by its content.

A file's name and the type the browser declares are chosen by the sender, so
neither decides: the first bytes do (``filetype`` reads the magic numbers).
"""

import uuid

import filetype
from django import forms
from django.core import signing
from django.core.exceptions import ValidationError
from django.core.files import File
from django.core.files.storage import default_storage

MAX_EVIDENCE_BYTES = 10 * 1024 * 1024
ACCEPTED_TYPES = {
    "application/pdf": "PDF",
    "image/png": "PNG",
    "image/jpeg": "JPEG",
}
# Enough for every signature filetype knows, HEIC's included.
HEAD_BYTES = 8192
KEEP_SALT = "credits.evidence.keep"
KEEP_SECONDS = 24 * 60 * 60
KEPT_DIR = "evidence/kept"


def megabytes(size):
    return f"{size / (1024 * 1024):.1f} MB"


def evidence_type(upload):
    """The accepted MIME type of ``upload``, or ValidationError naming the file."""
    name = upload.name
    if upload.size == 0:
        raise ValidationError(f"“{name}” is empty (0 bytes).", code="empty")
    if upload.size > MAX_EVIDENCE_BYTES:
        raise ValidationError(
            f"“{name}” is {megabytes(upload.size)}; the limit is "
            f"{megabytes(MAX_EVIDENCE_BYTES)} per file. Scan at a lower resolution "
            "or send only the pages that matter.",
            code="too_large",
        )

    upload.seek(0)
    head = upload.read(HEAD_BYTES)
    upload.seek(0)
    kind = filetype.guess(head)
    if kind is None or kind.mime not in ACCEPTED_TYPES:
        raise ValidationError(_type_message(name, kind), code="wrong_type")
    return kind.mime


def _type_message(name, kind):
    accepted = "Only PDF, PNG or JPEG files are accepted"
    if kind is None:
        found = "its content is not a PDF, PNG or JPEG file, whatever its name says"
    elif kind.mime in ("image/heic", "image/heif"):
        found = (
            "it is a HEIC photo (the iPhone's format); set the camera to "
            "“Most Compatible” or save the photo as JPEG"
        )
    else:
        name = kind.extension.upper()
        # Read letter by letter: "an EXE", "an MP4", "a GIF", "a ZIP".
        article = "an" if name[:1] in "AEFHILMNORSX" else "a"
        found = f"it is {article} {name} file"
    return f"“{name}” was not accepted: {found}. {accepted}, up to 10 MB each."


class EvidenceFileField(forms.FileField):
    """An optional evidence file; ``cleaned_data`` gets the upload with its type
    in ``upload.evidence_type``."""

    def __init__(self, **kwargs):
        kwargs.setdefault("required", False)
        # Empty files reach evidence_type(), whose message names the file.
        kwargs.setdefault("allow_empty_file", True)
        kwargs.setdefault(
            "widget",
            forms.FileInput(
                attrs={"accept": ".pdf,.png,.jpg,.jpeg,application/pdf,image/*"}
            ),
        )
        super().__init__(**kwargs)

    def clean(self, data, initial=None):
        upload = super().clean(data, initial)
        if upload and upload is not initial:
            upload.evidence_type = evidence_type(upload)
        return upload


class KeptFile(File):
    """An upload kept between two posts of one form (see keep/kept)."""

    def __init__(self, file, *, name, evidence_type, size, kept_name):
        super().__init__(file, name=name)
        self.evidence_type, self.kept_name = evidence_type, kept_name
        self._size = size

    @property
    def size(self):
        return self._size


def keep(upload, person):
    """Store a checked upload until the form is posted again; return a signed
    token for a hidden field. Browsers never send a chosen file twice, so a
    form shown again (a warning, another field's error) would lose it."""
    extension = {"application/pdf": ".pdf", "image/png": ".png"}.get(
        upload.evidence_type, ".jpg"
    )
    upload.seek(0)
    kept_name = default_storage.save(
        f"{KEPT_DIR}/{person.pk}/{uuid.uuid4().hex}{extension}", upload
    )
    return signing.dumps(
        {
            "path": kept_name,
            "name": upload.name,
            "type": upload.evidence_type,
            "size": upload.size,
            "person": person.pk,
        },
        salt=KEEP_SALT,
    )


def kept(token, person):
    """The KeptFile a token of ``keep`` names, or None when it is not valid
    for ``person`` any more."""
    try:
        data = signing.loads(token, salt=KEEP_SALT, max_age=KEEP_SECONDS)
    except signing.BadSignature:
        return None
    if data["person"] != person.pk or not default_storage.exists(data["path"]):
        return None
    return KeptFile(
        default_storage.open(data["path"], "rb"),
        name=data["name"],
        evidence_type=data["type"],
        size=data["size"],
        kept_name=data["path"],
    )


def purge_kept(before):
    """Delete the kept files last changed before ``before``; return how many.

    Their tokens have expired by then, so no form can bring them back.
    """
    deleted = 0
    try:
        people, _files = default_storage.listdir(KEPT_DIR)
    except FileNotFoundError:
        return 0
    for person in people:
        folder = f"{KEPT_DIR}/{person}"
        for name in default_storage.listdir(folder)[1]:
            path = f"{folder}/{name}"
            if default_storage.get_modified_time(path) < before:
                default_storage.delete(path)
                deleted += 1
    return deleted
