"""Upload checks: allowed types by magic bytes, a size limit, safe file names.

Uploaded files are only ever served as attachments (see ``attachment_response``), so a file
that slips through can never render in the browser as HTML or script.
"""

import mimetypes
import os
import posixpath
import uuid
from dataclasses import dataclass

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.storage import FileSystemStorage
from django.http import FileResponse
from django.utils.deconstruct import deconstructible
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _


@dataclass(frozen=True)
class FileKind:
    name: str
    extensions: tuple[str, ...]
    signatures: tuple[bytes, ...]  # any of these at offset 0


FILE_KINDS = {
    kind.name: kind
    for kind in (
        FileKind("pdf", ("pdf",), (b"%PDF-",)),
        FileKind("png", ("png",), (b"\x89PNG\r\n\x1a\n",)),
        FileKind("jpeg", ("jpg", "jpeg"), (b"\xff\xd8\xff",)),
        # XLSX is a ZIP container.
        FileKind("xlsx", ("xlsx",), (b"PK\x03\x04",)),
        # CSV has no signature: accepted when the head decodes as text without NUL bytes.
        FileKind("csv", ("csv",), ()),
    )
}


def detect_kind(head: bytes, allowed: tuple[str, ...]) -> str | None:
    # Signatures first, so a text-like PDF head is never taken for CSV.
    for name in allowed:
        if any(head.startswith(signature) for signature in FILE_KINDS[name].signatures):
            return name
    for name in allowed:
        if not FILE_KINDS[name].signatures and _looks_like_text(head):
            return name
    return None


def _looks_like_text(head: bytes) -> bool:
    if not head or b"\x00" in head:
        return False
    try:
        head.decode("utf-8")
    except UnicodeDecodeError as error:
        # The head may end inside a multi-byte character.
        return error.start >= len(head) - 3
    return True


@deconstructible
class UploadValidator:
    """Model-field and form validator: size limit, extension and content must agree."""

    def __init__(self, kinds: tuple[str, ...], max_bytes: int | None = None):
        self.kinds = tuple(kinds)
        self.max_bytes = max_bytes

    def __call__(self, upload) -> None:
        limit = self.max_bytes or settings.UPLOAD_MAX_BYTES
        if upload.size > limit:
            raise ValidationError(
                _("The file is too large (%(size)s MB); the limit is %(limit)s MB."),
                code="file_too_large",
                params={"size": round(upload.size / 2**20, 1), "limit": round(limit / 2**20, 1)},
            )
        extension = posixpath.splitext(upload.name)[1].lower().lstrip(".")
        allowed_extensions = {ext for k in self.kinds for ext in FILE_KINDS[k].extensions}
        if extension not in allowed_extensions:
            raise ValidationError(
                _("Files of type .%(extension)s are not accepted; allowed: %(allowed)s."),
                code="file_type",
                params={"extension": extension or "?", "allowed": ", ".join(sorted(allowed_extensions))},
            )
        position = upload.tell() if hasattr(upload, "tell") else 0
        upload.seek(0)
        head = upload.read(2048)
        upload.seek(position)
        kind = detect_kind(head, self.kinds)
        if kind is None or extension not in FILE_KINDS[kind].extensions:
            raise ValidationError(
                _("The content of this file does not match its .%(extension)s name."),
                code="file_content",
                params={"extension": extension},
            )

    def __eq__(self, other) -> bool:
        return isinstance(other, UploadValidator) and (self.kinds, self.max_bytes) == (
            other.kinds,
            other.max_bytes,
        )


def safe_filename(name: str) -> str:
    """A short, ASCII-only name that keeps the extension and cannot traverse paths."""
    stem, extension = posixpath.splitext(posixpath.basename(name.replace("\\", "/")))
    stem = slugify(stem)[:60] or "file"
    extension = slugify(extension.lstrip(".").lower())[:9]
    return f"{stem}.{extension}" if extension else stem


@deconstructible
class safe_upload_path:  # noqa: N801  (used like a function in upload_to=)
    """``upload_to`` callable: <prefix>/<random>/<safe name>, so names never collide."""

    def __init__(self, prefix: str):
        self.prefix = prefix

    def __call__(self, instance, filename: str) -> str:
        return f"{self.prefix}/{uuid.uuid4().hex}/{safe_filename(filename)}"

    def __eq__(self, other) -> bool:
        return isinstance(other, safe_upload_path) and self.prefix == other.prefix


class PrivateStorage(FileSystemStorage):
    """Documents that must never be public: outside MEDIA_ROOT and without a URL.

    The location is read from settings on every use, so tests and deployments can move it.
    """

    @property
    def base_location(self):
        return settings.PRIVATE_MEDIA_ROOT

    @property
    def location(self):
        return os.path.abspath(self.base_location)

    @property
    def base_url(self):
        return None


def private_storage() -> PrivateStorage:
    return PrivateStorage()


def attachment_response(field_file) -> FileResponse:
    """Serve a stored upload for download, never inline."""
    name = posixpath.basename(field_file.name)
    content_type = mimetypes.guess_type(name)[0] or "application/octet-stream"
    response = FileResponse(
        field_file.open("rb"), as_attachment=True, filename=name, content_type=content_type
    )
    response["X-Content-Type-Options"] = "nosniff"
    response["Content-Security-Policy"] = "default-src 'none'; sandbox"
    return response
